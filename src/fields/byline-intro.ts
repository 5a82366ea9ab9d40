import type { ContributorRole } from '../schema/byline.js';
import { agencyNameUnchecked } from './agencies.js';
import {
  credentials,
  honorifics,
  introPhrases,
  organizationPhrases,
  titleWords,
  weakIntros,
} from './byline-words.js';

/**
 * The intro words of a byline and the words around a name (honorifics, credentials, title
 * words), as the byline parser reads them. Apart from parse-byline.ts so that readers that
 * need only these (the lint rules) do not pull in the date parser.
 */

/** One clause of a byline: its intro's role, whether it had one, and the names after it. */
export interface Clause {
  role: ContributorRole | undefined;
  hasIntro: boolean;
  body: string;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function phraseSource(phrases: readonly string[]): string {
  return [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => escapeRegExp(phrase).replaceAll(' ', '\\s+'))
    .join('|');
}

const introRoles = new Map(introPhrases.map(([phrase, role]) => [phrase, role]));
/** An intro at the start of a clause, with what separates it from the names. */
export const introPattern = new RegExp(
  `^(${phraseSource(introPhrases.map(([phrase]) => phrase))})(?:\\s*[:：●]\\s*|\\s+|$)`,
  'iu',
);

/**
 * The heads {@link mendIntro} mends in one replace (group 1 stays): `Byby Ana Ruiz`, `By by Ana
 * Ruiz` (an intro printed twice, a template's `By` before the name's: the first goes) and `Text &
 * Fotos: Ana Ruiz`, `Text und Fotos von …` (read as `Text: …`, the writer's intro). A line opens
 * with one of them at most, and dropping a doubled `By` leaves no `Text` head.
 */
const mendedHead = /^(?:by\s?(?=by\s)|(text)\s(?:&|und)\sfotos(?=\s|:))/iu;
/** `ByAna Ruiz`: the intro glued to a capitalised name (`Byron Lee` is a name). */
const gluedIntro = /^By(?=\p{Lu}\p{Ll})/u;

/**
 * `Geschrieben vonAna Ruiz`, `2020 byAna Ruiz`: a lower-case intro glued to the name (replace
 * with `'$& '` to space it).
 */
export const gluedLowerIntro = /(?<!\p{L})(?:by|von)(?=\p{Lu}\p{Ll})/gu;

/** `Ana RuizStaff Writer`: a template's job title glued to the name. */
const gluedStaff = /(?<=\p{Ll})(?=Staff\b)/gu;

/**
 * A line with a doubled intro read once and a glued one spaced (`ByAna Ruiz` → `By Ana Ruiz`),
 * `Text & Fotos:` read as `Text:`, and a glued `Staff` spaced (`Ana RuizStaff Writer` → `Ana
 * Ruiz Staff Writer`).
 */
export function mendIntro(line: string): string {
  // (Both heads open with `b` or `t`, and no other character folds to either under /iu: the
  // replace, dearer than this test, is tried only on such a line.)
  let mended = 'bBtT'.includes(line.charAt(0)) ? line.replace(mendedHead, '$1') : line;
  // (Searched for only in a line that holds `Staff`: the lookbehind is tried at every offset.)
  if (mended.includes('Staff')) mended = mended.replace(gluedStaff, ' ');
  return gluedIntro.test(mended) ? `By ${mended.slice(2)}` : mended;
}

/** A word as the vocabularies key it: lower-case, without dots. */
export function wordKey(word: string): string {
  return word.toLowerCase().replaceAll('.', '');
}

/** The intro a clause opens with, its role, and the names after it. */
export function readIntro(part: string): Clause {
  const match = introPattern.exec(part);
  if (!match?.[1]) return { role: undefined, hasIntro: false, body: part };
  const phrase = match[1].toLowerCase().replace(/\s+/gu, ' ');
  const body = part.slice(match[0].length).trim();
  // `Von Miller` is a name; `von Ulrike`, in lower case, is an intro and a name; `Von` alone
  // is an intro whose names are printed elsewhere; `Von Newsdesk`, `Par AFP.`, `Von
  // Redaktion`: an intro before an organization or an agency.
  const word = body.replace(/\.$/u, '');
  if (
    weakIntros.has(phrase) &&
    body !== '' &&
    body.split(' ').length < 2 &&
    !/^\p{Ll}/u.test(part) &&
    !organizationPhrases.has(word.toLowerCase()) &&
    !agencyNameUnchecked(word)
  )
    return { role: undefined, hasIntro: false, body: part };
  return { role: introRoles.get(phrase), hasIntro: true, body };
}

/** A byline intro as a line prints it: the phrase the field parser knows, and the printed head. */
export interface BylineIntro {
  /** The intro phrase, lower-case, spaces collapsed: `by`, `written by`, `von`, `著者`. */
  phrase: string;
  /** The head of the line it takes, separator included: `By `, `Written by: `, `Byby `, `By`. */
  printed: string;
}

/**
 * The intro a line opens with, as {@link parseByline} reads it (`By`, `Written by`, `Von`,
 * `Reporting by`, `著者`, …; a glued `ByAna` or doubled `Byby` mended), when names follow it;
 * `undefined` otherwise. `Von`, `Di` and the other intros that are also name parts count only
 * before two words (`Von Miller` is a name) or before an organization or agency (`Von
 * Newsdesk`, `Par AFP`).
 *
 * @example
 * bylineIntro('Written by Ana Ruiz') //=> { phrase: 'written by', printed: 'Written by ' }
 * bylineIntro('Von Miller') //=> undefined
 * bylineIntro('Von Newsdesk') //=> { phrase: 'von', printed: 'Von ' }
 */
export function bylineIntro(line: string): BylineIntro | undefined {
  const head = line.length > 240 ? line.slice(0, 240) : line;
  const mended = mendIntro(head);
  const match = introPattern.exec(mended);
  if (!match?.[1] || match[0].length === mended.length || !readIntro(mended).hasIntro)
    return undefined;
  // Mending changes only the head, so what follows the intro ends both lines.
  const rest = mended.length - match[0].length;
  return {
    phrase: match[1].toLowerCase().replace(/\s+/gu, ' '),
    printed: head.slice(0, head.length - rest),
  };
}

/** Whether a word is a credential printed after a name (`PhD`, `MD`, `M.P.H.`). */
export function isCredential(word: string): boolean {
  return credentials.has(wordKey(word));
}

/** Whether a word is an honorific printed before a name (`Dr.`, `Prof`, `Rev.`). */
export function isHonorific(word: string): boolean {
  return honorifics.has(wordKey(word));
}

/** Whether a word makes a phrase a job title (`Writer`, `Correspondent`, `Editor`). */
export function isTitleWord(word: string): boolean {
  return titleWords.has(wordKey(word));
}
