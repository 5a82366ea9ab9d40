import type { Byline, Contributor, ContributorRole } from '../schema/byline.js';
import { agencyNameUnchecked } from './agencies.js';
import {
  type Clause,
  gluedLowerIntro,
  introPattern,
  mendIntro,
  phraseSource,
  readIntro,
  wordKey,
} from './byline-intro.js';
import {
  credentials,
  generationalSuffixes,
  honorifics,
  knownOutlets,
  labelWords,
  midLinePhrases,
  organizationPhrases,
  organizationTails,
  outletWords,
  postfixRoles,
  proseWords,
  stopWords,
  strongStopWords,
  titleWords,
  weakIntros,
} from './byline-words.js';
import { dateLabels, months, relativeDays, weekdays } from './date-words.js';
import { isParticle, toNameCaseUnchecked } from './name-case.js';
import { findDateUnchecked } from './parse-date.js';
import { collapsedLines, collapseWhiteSpace } from './white-space.js';

/** Options for {@link parseByline}. */
export interface ParseBylineOptions {
  /** Role given to contributors whose clause names no role (`By …`, a bare name). Default: `'author'`. */
  defaultRole?: ContributorRole;
  /** Turn ALL-CAPS and all-lower-case names into their usual case (`JOHN SMITH` → `John Smith`). Default: `true`. */
  nameCase?: boolean;
  /**
   * Only accept a byline that starts with an intro word (`By`, `Von`, `Reporting by`, `Written by`, …),
   * as in running text, where a bare capitalised line is more often a headline than a name.
   * Default: `false` (a bare `Ana Ruiz, The Daily Ledger`, as found in metadata, is a byline).
   */
  requireIntro?: boolean;
}

type Segment =
  | { kind: 'person'; contributor: Contributor }
  | { kind: 'organization'; name: string }
  | { kind: 'outlet'; name: string }
  | { kind: 'title'; value: string }
  | { kind: 'credential'; value: string }
  | { kind: 'generational'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'url'; value: string }
  | { kind: 'junk' };

/** An intro in the middle of a line starts a new clause: `Written by A Edited by B`. */
const midLinePattern = new RegExp(
  `(?:^|\\s)(${phraseSource(midLinePhrases)})(?=\\s|[:：●]|$)`,
  'giu',
);

/** What separates names in a list. Lower-case `et`, `y`, `e` only: upper-case ones are initials. */
const listSeparator =
  /\s?(?:[,，、;；|·•／]|\s?\/\s?)\s?|\s(?:[Aa][Nn][Dd]|&|[Uu][Nn][Dd]|et|y|e|avec|og|och)\s/u;
const listSeparators = new RegExp(listSeparator.source, 'gu');
/** A separator that is only a comma (no `and`, `;`, `|`): `Ana Ruiz, Staff Writer, Lisbon`. */
const commaOnly = /^\s?[,，]\s?$/u;
/** An item that opens with `and` after the comma (`…, Staff Writer, and Lena Moritz`). */
const conjunctionFirst = /^(?:and|&|und|et|y|e)\s/iu;
const contributedSuffix =
  /\s+(?:also\s+)?contributed(?:\s+(?:to\s+(?:this|the)\s+(?:report|story|article)|reporting|research|to\s+reporting))?\s*\.?$/i;
const writersPrefix =
  /^(?:the\s+)?([\p{Lu}][\p{L}.'’ -]{0,40}?)\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?)\s+/iu;
const forPrefix = /^(?:for|special\s+to|para|für|pour|per)\s+(.+)$/iu;
const emailPattern = /^<?[^\s@<>]{1,64}@[^\s@<>]{1,255}\.[^\s@<>]{2,63}>?$/u;
const urlPattern = /^https?:\/\/\S{1,2000}$/iu;
const domainPattern =
  /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,4}\.(?:com|org|net|co\.uk|de|fr|es|it|nl|jp|io)$/iu;
const nameCharacters = /^[\p{L}\p{M}.'’‐\- ・]+$/u;
const upperStart = /^\p{Lu}/u;
/** An initial, `D.` or `D` (also `T.C.`). */
const initial = /^\p{Lu}\.?$|^(?:\p{Lu}\.){2,3}$/u;
const lowerStart = /^\p{Ll}/u;
/** `Jr.`, `Sr`, `III`: kept in the name. */
const generational = /^(?:Jr|JR|Sr|SR|II|III|IV)\.?$/u;
const uncasedStart = /^[\p{Lo}\p{M}]/u;
const digit = /\d/u;
/** A line that ends as a label does (`Im Einzelnen:`). */
const labelEnd = /[:：]\s*$/u;
/**
 * A date label, a reading time or a relative time after the names (`Ana Ruiz Updated …`,
 * `Ana Ruiz Last updated …`, `Ana Ruiz — veröffentlicht 28.01.2022`, `Ana Ruiz Lesezeit: 4 Min.`,
 * `Ana Ruiz · Lesedauer 3 Min.`, `Ana Ruiz · Hace 3 horas`, `vor 2 Stunden`, `il y a 2 heures`,
 * `há 2 horas`; `3 hours ago` is cut at its digit).
 */
const labelTail =
  /\s(?:(?:last\s+)?updated|published|posted|lesezeit|lesedauer|first\s+published|veröffentlicht|aktualisiert|erstellt|publiziert|publié|mis\s+à\s+jour|publicado|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|(?:vor|hace|há|il\s+y\s+a)(?=\s+\d))(?=\s|[:,.]|$)/iu;
/** A follow button's words after a name (`Ana Ruiz Follow`, `Folgen`, `Suivre`, `Follow on X`). */
const socialWords: ReadonlySet<string> = new Set(['follow', 'folgen', 'suivre', 'seguir']);
const socialPrepositions: ReadonlySet<string> = new Set(['on', 'auf', 'sur', 'en']);
/** A follow button's word glued to the name (`Ana RuizFollow`). */
const gluedSocialWord = /(?<=\p{Ll})(?:Follow|Folgen)$/u;

/** An item without the follow button's words printed after the name. */
function withoutSocialWords(text: string): string {
  const words = text.split(' ');
  let end = words.length;
  const key = (index: number) => (words[index] ?? '').toLowerCase();
  if (end >= 4 && socialPrepositions.has(key(end - 2)) && socialWords.has(key(end - 3))) end -= 3;
  else if (end >= 2 && socialWords.has(key(end - 1))) end -= 1;
  return words.slice(0, end).join(' ').replace(gluedSocialWord, '');
}
/** German compounds that end in a job title (`Sportredakteur`, `FOCUS-Online-Experte`). */
const titleCompound =
  /.(?:redakteur|redakteurin|korrespondent|korrespondentin|reporter|reporterin|journalist|journalistin|experte|expertin|kolumnist|kolumnistin|autor|autorin)$/u;

/** Whether a word makes a phrase a job title: a title word, or a compound ending in one. */
function isTitleWord(word: string): boolean {
  const key = wordKey(word);
  return titleWords.has(key) || (key.length >= 8 && titleCompound.test(key));
}

/** Words that go before a job title word (`Senior Editor`, `Leitender Redakteur`). */
const titleModifiers = new Set(
  'senior staff chief deputy managing executive associate assistant contributing political sports business science health foreign national special investigative digital news freier freie leitender leitende stellvertretender stellvertretende'.split(
    ' ',
  ),
);
const sentenceEnd = /[。！？!?]|\.\s+\p{Lu}\p{Ll}+\s+\p{Ll}/u;
/** Brackets that may wrap a whole byline, each opening one before its closing one. */
const wrappingBrackets = '[]《》「」【】()（）';
const openParenthesis = /[(（]/gu;
const capitalAfter = /\s*\p{Lu}/uy;
const closeParenthesis = /[)）]/gu;
/** Words that start a parenthesis of additional contributors: `(avec Damien Leloup et Morgane Tual)`. */
const withWords = /^(?:with|avec|mit|con|com|met)\s+/iu;
/** The longest list item read as a name, title, outlet or address. */
const maxItemLength = 300;
/** The most words a person's name has in a byline. */
const maxNameWords = 6;
/** The longest word in a person's name. */
const maxNameWordLength = 30;

/** German articles, which open a title (`Die Schneemaske`) but not a name (`Ana Das` is one). */
const leadingArticles = new Set(['der', 'die', 'das', 'ein', 'eine', 'kein', 'keine']);

function isEveryWord(text: string, set: ReadonlySet<string>): boolean {
  const words = text.split(' ');
  return words.length > 0 && words.every((word) => set.has(wordKey(word)));
}

/** Whether `name` can be a person's name as printed in a byline. */
function isNameLike(
  name: string,
  allowSingleLowercase: boolean,
  allowLowercaseWord = true,
): boolean {
  if (name === '' || name.length > 120 || !nameCharacters.test(name)) return false;
  const words = name.split(' ');
  // `Disko Von`: a label and an intro whose names are on the next line.
  if (words.length > maxNameWords || weakIntros.has(wordKey(words[words.length - 1] as string)))
    return false;
  // `Key Highlights`, `Closing Bell`: a section label or a show name, not a person.
  if (words.every((word) => labelWords.has(wordKey(word)))) return false;
  // `Partager Partager`, `Teilen Teilen`: a button's label printed twice (shown and for screen
  // readers), not a name.
  if (words.length > 1 && words.every((word) => wordKey(word) === wordKey(words[0] as string)))
    return false;
  let lowercase = 0;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (word.length > maxNameWordLength) return false;
    if (initial.test(word)) continue;
    const key = wordKey(word);
    if (key === '' || !/\p{L}/u.test(word)) return false;
    if (strongStopWords.has(key) || (index === 0 && leadingArticles.has(key))) return false;
    if (upperStart.test(word) || uncasedStart.test(word)) continue;
    if (isParticle(key) && index < words.length - 1) continue;
    if (stopWords.has(key)) return false;
    if (!lowerStart.test(word)) return false;
    lowercase++;
    if (words.length === 1) return allowSingleLowercase;
    if (index === 0) return false;
  }
  return lowercase <= (allowLowercaseWord ? 1 : 0);
}

/** Whether a phrase names an outlet: an agency, a known outlet, a domain, `The Daily Ledger`, `WebMD`. */
export function isOutlet(text: string): boolean {
  const key = text.toLowerCase();
  if (agencyNameUnchecked(text) !== undefined || knownOutlets.has(key)) return true;
  if (domainPattern.test(text)) return true;
  if (/(?:編集部|编辑部|新聞|新闻|日報|日报)$/u.test(text)) return true;
  if (/\s(?:for|in|by|at|with)\s/iu.test(text)) return false;
  const words = text.split(' ');
  const last = wordKey(words[words.length - 1] ?? '');
  if (words.length >= 2 && outletWords.has(last) && upperStart.test(words[0] ?? '')) return true;
  if (
    words.length >= 2 &&
    words[0]?.toLowerCase() === 'the' &&
    words.slice(1).every((word) => upperStart.test(word) && !stopWords.has(wordKey(word)))
  ) {
    return true;
  }
  // One word that ends in an outlet word: `ITmedia`, `WebMD`.
  return (
    words.length === 1 &&
    /^\p{Lu}\p{L}*(?:media|news|press|times|post)$/iu.test(text) &&
    /\p{Lu}{2}/u.test(text)
  );
}

function organizationName(text: string): string | undefined {
  const key = text.toLowerCase();
  if (organizationPhrases.has(key)) return text.charAt(0).toUpperCase() + text.slice(1);
  const words = text.split(' ');
  const last = words[words.length - 1] ?? '';
  if (
    words.length >= 2 &&
    (organizationTails.has(last.toLowerCase()) || organizationTails.has(last))
  ) {
    const rest = words.slice(0, -1).join(' ');
    if (upperStart.test(rest) || uncasedStart.test(rest))
      return agencyNameUnchecked(rest) === undefined ? text : rest;
  }
  if (/(?:編集部|编辑部)$/u.test(text)) return text;
  return undefined;
}

/**
 * How many words of a job title open a name (`Aerospace Writer Ana Ruiz` → 2): one to three
 * words ending in a title word, then two capitalised words and no other title word; 0 if none.
 */
function titlePrefixLength(words: readonly string[]): number {
  for (let end = Math.min(3, words.length - 2); end >= 1; end--) {
    if (!isTitleWord(words[end - 1] as string)) continue;
    const rest = words.slice(end);
    if (!upperStart.test(rest[0] ?? '') || !upperStart.test(rest[1] ?? '')) return 0;
    return rest.some(isTitleWord) ? 0 : end;
  }
  return 0;
}

/**
 * How many words of a job title end a name (`Ana Ruiz Senior Editor` → 2): a title word with
 * the modifiers before it (`Senior`, `Leitender`), after at least two capitalised name words;
 * 0 if none.
 */
function titleSuffixLength(words: readonly string[]): number {
  const titleWord = words[words.length - 1] as string;
  if (words.length < 3 || !isTitleWord(titleWord)) return 0;
  let length = 1;
  while (
    words.length - length > 2 &&
    titleModifiers.has(wordKey(words[words.length - length - 1] as string))
  )
    length++;
  // `Richard Adams Education editor`: a title in sentence case takes the word before it.
  if (length === 1 && lowerStart.test(titleWord) && words.length >= 4) length = 2;
  const name = words.slice(0, words.length - length);
  const last = name[name.length - 1] as string;
  if (!name.every((word) => upperStart.test(word) || isParticle(wordKey(word)))) return 0;
  if (
    isParticle(wordKey(last)) ||
    name.some((word) => isTitleWord(word) || titleModifiers.has(wordKey(word)))
  )
    return 0;
  return length;
}

function isTitle(text: string): boolean {
  const words = text.split(' ');
  if (words.length > 8) return false;
  return (
    words.some(isTitleWord) && titlePrefixLength(words) === 0 && titleSuffixLength(words) === 0
  );
}

function trimSegment(segment: string): string {
  let text = segment.trim();
  text = text.replace(/^(?:[Aa]nd|AND|&|[Uu]nd|UND|et|y|e)\s+/u, '');
  let end = text.length;
  while (end > 0 && /[,:;!?"“”'‘’*·•|/–—-]/u.test(text.charAt(end - 1))) end--;
  text = text.slice(0, end).trimEnd();
  if (text.endsWith('.')) {
    const lastWord = text.slice(text.lastIndexOf(' ') + 1, -1);
    if (
      (lastWord.length > 3 || agencyNameUnchecked(lastWord)) &&
      !generationalSuffixes.has(lastWord.toLowerCase())
    )
      text = text.slice(0, -1);
  }
  let start = 0;
  while (start < text.length && /["“”'‘’*·•|/-]/u.test(text.charAt(start))) start++;
  return text.slice(start).trim();
}

/**
 * The last word of a name with a label glued to it on the page (`Ana RuizCEO`,
 * `Ana RuizTwitterNews`): a capitalised word of four letters or more, then capitals only or
 * two glued words. `FitzGerald` and `McDonald` stay whole.
 */
const GLUED_TAIL = /^(\p{Lu}\p{Ll}{3,})(\p{Lu}{2,}|\p{Lu}\p{Ll}+\p{Lu}\S*)$/u;

/** A name without the label glued to its last word (see {@link GLUED_TAIL}). */
function withoutGluedTail(name: string): string {
  const space = name.lastIndexOf(' ');
  if (space < 0) return name;
  const glued = GLUED_TAIL.exec(name.slice(space + 1));
  return glued ? `${name.slice(0, space + 1)}${glued[1]}` : name;
}

function personSegment(
  text: string,
  role: ContributorRole,
  options: Readonly<ParseBylineOptions> | undefined,
  allowSingleLowercase: boolean,
): Segment {
  let name = text;
  const contributor: Partial<Contributor> = {};
  const inIndex = name.search(/\s(?:in|reporting\s+from)\s\p{Lu}/u);
  if (inIndex > 0) {
    const location = trimSegment(
      name.slice(inIndex + 1).replace(/^(?:in|reporting\s+from)\s/u, ''),
    );
    const firstWord = wordKey(location.split(' ')[0] ?? '');
    if (
      location !== '' &&
      location.length <= 60 &&
      !digit.test(location) &&
      !strongStopWords.has(firstWord)
    ) {
      contributor.location = location;
      name = name.slice(0, inIndex);
    }
  }
  const forIndex = name.search(/\s(?:for|of)\s(?:the\s)?\p{Lu}/iu);
  if (forIndex > 0) {
    const outlet = name.slice(forIndex + 1).replace(/^(?:for|of)\s/iu, '');
    if (isOutlet(outlet) || /^the\s/iu.test(outlet)) {
      // `NJ Advance Media for NJ.com`: an outlet writing for another is an outlet, not a person.
      if (isOutlet(name.slice(0, forIndex))) return { kind: 'outlet', name: text };
      contributor.affiliation = outlet;
      name = name.slice(0, forIndex);
    }
  }
  let roleOfName = role;
  const lastSpace = name.lastIndexOf(' ');
  const postfix = lastSpace > 0 ? postfixRoles.get(name.slice(lastSpace + 1)) : undefined;
  if (postfix) {
    roleOfName = postfix;
    name = name.slice(0, lastSpace);
  }
  // `Dr. Ana Ruiz`, `Prof. Dr. Ana Ruiz`: honorifics before the name.
  let prefix = '';
  for (let space = name.indexOf(' '); space > 0; space = name.indexOf(' ')) {
    if (!honorifics.has(wordKey(name.slice(0, space)))) break;
    prefix += ` ${name.slice(0, space)}`;
    name = name.slice(space + 1);
  }
  if (prefix) contributor.honorificPrefix = prefix.slice(1);
  name = trimSegment(withoutGluedTail(name));
  // `Aerospace Writer Ana Ruiz`, `Staff Writer Ana Ruiz`: a job title printed before the name.
  const words = name.split(' ');
  const title = titlePrefixLength(words);
  if (title > 0) {
    contributor.jobTitle = words.slice(0, title).join(' ');
    name = words.slice(title).join(' ');
  } else {
    // `Christoph Hein Chefredakteur`: a job title after the name without a comma (a page prints
    // them in elements of their own).
    const suffix = titleSuffixLength(words);
    if (suffix > 0) {
      contributor.jobTitle = words.slice(words.length - suffix).join(' ');
      name = words.slice(0, words.length - suffix).join(' ');
    }
  }
  if (isEveryWord(name, credentials) || generational.test(name)) return { kind: 'junk' };
  const strict = Object.keys(contributor).length > 0;
  if (!isNameLike(name, allowSingleLowercase && !strict, !strict)) return { kind: 'junk' };
  const cased = options?.nameCase === false ? name : toNameCaseUnchecked(name);
  return {
    kind: 'person',
    contributor: { name: cased, type: 'Person', role: roleOfName, ...contributor },
  };
}

/** Sorts one list item into a person, an outlet, a title, a credential, … */
function classify(
  raw: string,
  role: ContributorRole,
  options: Readonly<ParseBylineOptions> | undefined,
  allowSingleLowercase: boolean,
): Segment {
  // No name, title or outlet is this long; longer items are junk, read in constant time.
  if (raw.length > maxItemLength) return { kind: 'junk' };
  const text = trimSegment(withoutSocialWords(trimSegment(raw)));
  if (text === '') return { kind: 'junk' };
  if (emailPattern.test(text)) return { kind: 'email', value: text.replace(/^<|>$/g, '') };
  if (urlPattern.test(text)) return { kind: 'url', value: text };
  if (isEveryWord(text, credentials)) return { kind: 'credential', value: text };
  if (generational.test(text)) return { kind: 'generational', value: text };
  const forMatch = forPrefix.exec(text);
  if (forMatch?.[1] && upperStart.test(forMatch[1])) return { kind: 'outlet', name: forMatch[1] };
  const organization = organizationName(text);
  if (organization) return { kind: 'organization', name: organization };
  if (isOutlet(text)) return { kind: 'outlet', name: text };
  if (isTitle(text)) return { kind: 'title', value: text };
  return personSegment(text, role, options, allowSingleLowercase);
}

/** Splits a line into clauses at `;` and at intro phrases in mid-line (`… Edited by B`). */
function splitClauses(line: string): Clause[] {
  const clauses: Clause[] = [];
  for (const piece of line.split(/(?<!\s)\s*[;；]\s*/u)) {
    const starts: number[] = [0];
    // (Not `matchAll`, which copies the long intro pattern on every call: that cost more than
    // the rest of a short line's parse. The shared pattern is searched in place.)
    midLinePattern.lastIndex = 0;
    for (let match = midLinePattern.exec(piece); match; match = midLinePattern.exec(piece)) {
      const start = match.index + match[0].length - match[1]!.length;
      if (start > 0) starts.push(start);
    }
    for (let index = 0; index < starts.length; index++) {
      const part = piece.slice(starts[index], starts[index + 1]).trim();
      if (part !== '') clauses.push(readIntro(part));
    }
  }
  return clauses;
}

function stripWrapping(text: string): string {
  const open = wrappingBrackets.indexOf(text.charAt(0));
  const close = wrappingBrackets.charAt(open + 1);
  return open % 2 === 0 && text.endsWith(close) && text.indexOf(close) === text.length - 1
    ? text.slice(1, -1).trim()
    : text;
}

interface Parentheses {
  text: string;
  extras: string[];
  urls: string[];
  emails: string[];
  outlets: string[];
}

/** Takes parentheses out of a clause: additional names, URLs, outlets, handles and nicknames. */
function takeParentheses(body: string): Parentheses {
  const result: Parentheses = { text: '', extras: [], urls: [], emails: [], outlets: [] };
  let position = 0;
  let text = '';
  while (position < body.length) {
    openParenthesis.lastIndex = position;
    const open = openParenthesis.exec(body);
    if (!open) break;
    const openAt = open.index;
    closeParenthesis.lastIndex = openAt + 1;
    const close = closeParenthesis.exec(body);
    if (!close) break;
    const closeIndex = close.index;
    const inner = body.slice(openAt + 1, closeIndex).trim();
    text += body.slice(position, openAt);
    capitalAfter.lastIndex = closeIndex + 1;
    const nameContinues = capitalAfter.test(body);
    if (withWords.test(inner)) result.extras.push(inner.replace(withWords, ''));
    else if (urlPattern.test(inner)) result.urls.push(inner);
    else if (emailPattern.test(inner)) result.emails.push(inner);
    else if (isOutlet(inner)) result.outlets.push(inner);
    else if (nameContinues && isNameLike(inner, false)) text += ` ${inner} `;
    text += ' ';
    position = closeIndex + 1;
  }
  result.text = collapseWhiteSpace(text + body.slice(position));
  return result;
}

/** Cuts a trailing date, label or number off a clause: `Ana Ruiz March 11, 2015 3:46 PM`. */
function cutTrailingDate(body: string): string {
  let end = body.length;
  const found = findDateUnchecked(body);
  if (found) end = found.index;
  const label = body.search(labelTail);
  if (label >= 0 && label < end) end = label;
  return body.slice(0, end).trim();
}

/** Cuts a list item at its first digit (`Lucas Nolan22`), unless it is a URL or an e-mail address. */
function cutAtDigit(segment: string): { text: string; cut: boolean } {
  const trimmed = segment.trim();
  if (urlPattern.test(trimmed) || emailPattern.test(trimmed)) return { text: trimmed, cut: false };
  const index = trimmed.search(digit);
  if (index < 0) return { text: trimmed, cut: false };
  // `Steven Mufson March 18`: a day without a year, which no date reading cut; its month goes
  // too, also when glued to the name as copied pages print it (`Ana RuizNovember 6, 2023`).
  const head = trimmed.slice(0, index).trimEnd();
  // A word glued to the last one (`RuizNovember`): its start, found in the last word only
  // (searching the whole head for one anchored at the end is quadratic).
  const start = head.lastIndexOf(' ') + 1;
  const glued = head.slice(start).search(/\p{Ll}\p{Lu}/u);
  const space = glued < 0 ? start - 1 : start + glued;
  const last = head
    .slice(space + 1)
    .toLowerCase()
    .replace(/[.,]$/u, '');
  if (months.has(last) || weekdays.has(last))
    return { text: head.slice(0, space + 1).trimEnd(), cut: true };
  return { text: trimmed.slice(0, index), cut: true };
}

interface Collector {
  contributors: Contributor[];
  /** `role name` of every contributor, to drop repeats in constant time. */
  seen: Set<string>;
  group: Contributor[];
  groupClosed: boolean;
}

function addContributor(collector: Collector, contributor: Contributor): void {
  const key = `${contributor.role} ${contributor.name}`;
  if (collector.seen.has(key)) return;
  collector.seen.add(key);
  if (collector.groupClosed) {
    collector.group = [];
    collector.groupClosed = false;
  }
  collector.contributors.push(contributor);
  collector.group.push(contributor);
}

function lastOf(collector: Collector): Contributor | undefined {
  return collector.contributors[collector.contributors.length - 1];
}

/**
 * Reads the names of one clause into the collector. Returns how many contributors it added, or
 * `-1` when its first item is not a name (the clause is not a byline).
 */
function readClause(
  clause: Clause,
  collector: Collector,
  options: Readonly<ParseBylineOptions> | undefined,
  context: { first: boolean; bare: boolean },
): number {
  const before = collector.contributors.length;
  let role: ContributorRole = clause.role ?? options?.defaultRole ?? 'author';
  let body = stripWrapping(clause.body);
  let clauseAffiliation: string | undefined;
  const contributed = contributedSuffix.exec(body);
  if (contributed) {
    role = 'contributor';
    body = body.slice(0, contributed.index);
    const writers = writersPrefix.exec(body);
    if (writers?.[1] && isOutlet(writers[1])) {
      clauseAffiliation = writers[1];
      body = body.slice(writers[0].length);
    }
  }
  if (context.first && !organizationPhrases.has(body.toLowerCase()) && looksLikeProse(body))
    return -1;
  body = cutTrailingDate(body);
  const organization = organizationPhrases.has(body.toLowerCase())
    ? organizationName(body)
    : undefined;
  if (organization && context.first) {
    addContributor(collector, { name: organization, type: 'Organization', role });
    return 1;
  }
  const parentheses = takeParentheses(body);
  body = parentheses.text;
  const items = body.split(listSeparator);
  // `Jong, Michiel de`: a surname first, then the given name ending in a particle.
  if (items.length === 2 && context.bare && body.includes(',')) {
    const given = (items[1] ?? '').trim();
    const lastWord = given.slice(given.lastIndexOf(' ') + 1);
    if (given.includes(' ') && isParticle(lastWord.toLowerCase())) {
      items.splice(0, 2, `${given} ${(items[0] ?? '').trim()}`);
    }
  }
  // The separator before each item (`, `, ` and `, …): none before the first.
  const separators = items.length > 1 ? ['', ...(body.match(listSeparators) ?? [])] : [''];
  let closedHere = false;
  let firstItem = true;
  let located: Contributor | undefined;
  for (let index = 0; index < items.length; index++) {
    const { text, cut } = cutAtDigit(items[index] as string);
    const segment = classify(text, role, options, context.bare && items.length === 1 && !cut);
    // `Ana Ruiz in Lisbon, Portugal`: one word after a name's place goes on with the place.
    const previous = located;
    located = undefined;
    if (
      segment.kind === 'person' &&
      previous?.location !== undefined &&
      !segment.contributor.name.includes(' ')
    ) {
      previous.location = `${previous.location}, ${text.trim()}`;
      firstItem = false;
      if (cut) break;
      continue;
    }
    switch (segment.kind) {
      case 'person':
        // `By Ana Ruiz, Staff Writer, Harbor Desk, Lisbon`: after a job title or an outlet, what
        // follows a comma goes on with them (a department, a place: the last one is the
        // location); `, and Lena Moritz` or `; Lena Moritz` starts another person. `By Ana Ruiz,
        // Lisbon`: one word after a name of several words is a place too, not a second person.
        if (
          commaOnly.test(separators[index] ?? '') &&
          !conjunctionFirst.test(items[index] as string) &&
          ((closedHere && collector.groupClosed) ||
            (!firstItem &&
              lastOf(collector)?.name.includes(' ') &&
              !segment.contributor.name.includes(' ')))
        ) {
          for (const contributor of collector.group)
            contributor.location = segment.contributor.name;
          break;
        }
        if (segment.contributor.location !== undefined) located = segment.contributor;
        if (clauseAffiliation && !segment.contributor.affiliation)
          segment.contributor.affiliation = clauseAffiliation;
        addContributor(collector, segment.contributor);
        break;
      case 'organization':
      case 'outlet':
        if (firstItem && context.first && collector.contributors.length === before) {
          addContributor(collector, {
            name: segment.name,
            type: 'Organization',
            role,
          });
        } else {
          for (const contributor of collector.group) contributor.affiliation ??= segment.name;
          collector.groupClosed = true;
          closedHere = true;
        }
        break;
      case 'title':
        if (collector.group.length === 0) break;
        for (const contributor of collector.group) contributor.jobTitle ??= segment.value;
        collector.groupClosed = true;
        closedHere = true;
        break;
      case 'credential': {
        const last = lastOf(collector);
        if (last)
          last.honorificSuffix = last.honorificSuffix
            ? `${last.honorificSuffix}, ${segment.value}`
            : segment.value;
        break;
      }
      case 'generational': {
        const last = lastOf(collector);
        if (last?.type === 'Person') last.name = `${last.name} ${segment.value}`;
        break;
      }
      case 'email': {
        const last = lastOf(collector);
        if (last && last.email === undefined) last.email = segment.value;
        break;
      }
      case 'url': {
        const last = lastOf(collector);
        if (last && last.url === undefined) last.url = segment.value;
        break;
      }
      case 'junk':
        if (firstItem && context.first) return -1;
        break;
    }
    firstItem = false;
    if (cut) break;
  }
  const last = lastOf(collector);
  if (last && collector.contributors.length > before) {
    if (parentheses.urls[0] && last.url === undefined) last.url = parentheses.urls[0];
    if (parentheses.emails[0] && last.email === undefined) last.email = parentheses.emails[0];
    for (const outlet of parentheses.outlets) last.affiliation ??= outlet;
  }
  for (const extra of parentheses.extras) {
    readClause({ role: 'contributor', hasIntro: true, body: extra }, collector, options, {
      first: false,
      bare: false,
    });
  }
  return collector.contributors.length - before;
}

/** Where the first name of a list ends: a separator, a parenthesis or a digit. */
const firstItemEnd = /[,，、;；|·•／/(（\d]|\s(?:[Aa][Nn][Dd]|&|[Uu][Nn][Dd]|et|y|e)\s/u;
/** Articles may start an outlet (`by the Associated Press`) but not a sentence (`by the time`). */
const articles = new Set(['the', 'a', 'an']);

/** Whether the first item of a clause reads as a sentence rather than a name (cheap; checked first). */
function looksLikeProse(body: string): boolean {
  const head = body.slice(0, 200);
  const end = head.search(firstItemEnd);
  const words = (end < 0 ? head : head.slice(0, end)).trim().split(' ');
  if (words.length > 12) return true;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (!proseWords.has(word)) continue;
    if (articles.has(word) && upperStart.test(words[index + 1] ?? '')) continue;
    return true;
  }
  return false;
}

/** First words of date labels (`last` of `Last updated`), for {@link mayStartWithDate}. */
const labelFirstWords = new Set(
  [...dateLabels.keys()].map((label) => label.split(' ')[0] as string),
);

/** Whether a line may start with a date: a digit, or a month, weekday, relative or label word. */
function mayStartWithDate(line: string): boolean {
  if (/^\d/u.test(line)) return true;
  const first = (/^[\p{L}'’]+/u.exec(line)?.[0] ?? '').toLowerCase();
  return (
    months.has(first) ||
    weekdays.has(first) ||
    relativeDays.has(first) ||
    labelFirstWords.has(first)
  );
}

/** Whether a line after the first, without an intro, may add to the byline (not a bio sentence). */
function isContinuation(line: string): boolean {
  return line.length <= 120 && !sentenceEnd.test(line);
}

function splitLines(text: string): string[] {
  const lines: string[] = [];
  let pendingIntro = '';
  for (const line of collapsedLines(text)) {
    if (line === '') continue;
    const intro = introPattern.exec(line);
    if (
      intro &&
      intro[0].trim().length >= line.length - 1 &&
      !weakIntros.has(intro[1]?.toLowerCase() ?? '')
    ) {
      pendingIntro = `${pendingIntro}${line} `;
      continue;
    }
    lines.push(`${pendingIntro}${line}`);
    pendingIntro = '';
  }
  return lines;
}

/**
 * Parses a printed byline or credit line into contributors: names (ALL-CAPS names re-cased), roles,
 * job titles, affiliations, locations, credentials, e-mail addresses and URLs.
 *
 * - Intro words in several languages: `By`, `From`, `Written by`, `Words by`, `Posted by`, `Von`,
 *   `Par`, `Por`, `Di`, `著者`, …; role phrases: `Reporting by` (reporter), `Additional reporting by`
 *   (contributor), `Writing by` (writer), `Edited by` (editor), `Photographs by` (photographer),
 *   `Illustration by` (illustrator), `Translated by` (translator), `Produced by` (producer), and
 *   `… contributed to this report` (contributor).
 * - Lists split on `,`, `and`, `&`, `/`, `·`, `|`, `;`, `und`, `et`, `y`, keeping `Jr.`/`III` in the name
 *   and moving credentials (`MA`, `PhD`) to `honorificSuffix`.
 * - Titles (`Staff Writer`, `AP Sports Writer`) go to `jobTitle`, outlets (`The Daily Ledger`,
 *   `Associated Press`) to `affiliation`, `in Lisbon` to `location`.
 * - Organization bylines (`By The Associated Press`, `Reuters Staff`, `From staff and wire reports`)
 *   give one `Organization`.
 * - A trailing date (`By Ana Ruiz March 11, 2015 3:46 PM`) is cut off (read it with `findDate`).
 *
 * Returns `{ text, contributors: [] }` when `text` is not a byline (for example a sentence that merely
 * starts with `By`), so `contributors.length > 0` tells whether it was one. `text` is returned as given.
 *
 * @example
 * parseByline('By JOHN SMITH and ANA RUIZ, Associated Press').contributors
 * //=> [{ name: 'John Smith', type: 'Person', role: 'author', affiliation: 'Associated Press' },
 * //    { name: 'Ana Ruiz', type: 'Person', role: 'author', affiliation: 'Associated Press' }]
 * parseByline('Reporting by Ana Ruiz; Editing by Lena Moritz').contributors.map((c) => c.role)
 * //=> ['reporter', 'editor']
 * parseByline('By the time the polls closed, the count was clear.').contributors //=> []
 */
export function parseByline(text: string, options?: Readonly<ParseBylineOptions>): Byline {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError('Expected `options` to be an object');
  }
  return parseBylineUnchecked(text, options);
}

/** {@link parseByline} without its argument checks, for callers whose arguments are typed (the checks' messages stay out of `nutgraf/text`). */
export function parseBylineUnchecked(text: string, options?: Readonly<ParseBylineOptions>): Byline {
  const empty: Byline = { text, contributors: [] };
  const collector: Collector = { contributors: [], seen: new Set(), group: [], groupClosed: false };
  const lines = splitLines(text);
  let first = true;
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const printed = lines[lineIndex] as string;
    const unwrapped = stripWrapping(printed);
    const line = mendIntro(unwrapped.replace(gluedLowerIntro, '$& '));
    if (mayStartWithDate(line) && findDateUnchecked(line)?.index === 0) continue;
    if (!first && !introPattern.test(line) && (unwrapped !== printed || !isContinuation(line)))
      continue;
    if (first) {
      // Cheap checks on the head of the line before splitting it all: most lines are not bylines.
      const head = readIntro(line.slice(0, 240));
      if (options?.requireIntro && !head.hasIntro) return empty;
      // `Im Einzelnen:`, `Ana Ruiz:`, `Karoline Herr sagt:`: a label, a speaker or a comment's
      // head opens what follows; without an intro it is not a byline.
      if (!head.hasIntro && labelEnd.test(line)) return empty;
      const lower = head.body.toLowerCase();
      if (
        !organizationPhrases.has(lower) &&
        looksLikeProse(head.body) &&
        !contributedSuffix.test(line)
      ) {
        return empty;
      }
    }
    const clauses = splitClauses(line);
    for (let clauseIndex = 0; clauseIndex < clauses.length; clauseIndex++) {
      const clause = clauses[clauseIndex] as Clause;
      if (first && !clause.hasIntro && options?.requireIntro) return empty;
      const bare = first && !clause.hasIntro && lineIndex === 0 && clauseIndex === 0;
      const added = readClause(clause, collector, options, { first, bare });
      if (first) {
        if (added <= 0) return empty;
        first = false;
      }
    }
  }
  return { text, contributors: collector.contributors };
}

/**
 * Whether a line of running text is a byline: it starts with an intro (`By`, `Von`, `Reporting by`, …)
 * followed by names. Bare names do not count here (see `requireIntro` in {@link ParseBylineOptions}).
 *
 * @example
 * looksLikeByline('By Ana Ruiz and Lena Moritz') //=> true
 * looksLikeByline('By the time the polls closed, the count was clear.') //=> false
 * looksLikeByline('Ana Ruiz') //=> false
 */
export function looksLikeByline(line: string): boolean {
  if (typeof line !== 'string') throw new TypeError('Expected `line` to be a string');
  return looksLikeBylineUnchecked(line);
}

/** {@link looksLikeByline} without its argument check, for callers whose arguments are typed (the checks' messages stay out of `nutgraf/text`). */
export function looksLikeBylineUnchecked(line: string): boolean {
  if (line.length > 1000) return false;
  const start = mendIntro(line.trimStart());
  midLinePattern.lastIndex = 0;
  const marked =
    introPattern.test(start) || midLinePattern.test(start) || contributedSuffix.test(start);
  midLinePattern.lastIndex = 0;
  if (!marked) return false;
  return parseBylineUnchecked(line, { requireIntro: true }).contributors.length > 0;
}
