import { bylineIntro } from '../fields/byline-intro.js';
import { parseByline } from '../fields/parse-byline.js';
import {
  findDate,
  type ParseDateOptions,
  type ParsedDate,
  parseDate,
} from '../fields/parse-date.js';
import { isWhiteSpace } from '../fields/white-space.js';
import type { Byline, Contributor } from '../schema/index.js';
import type { HtmlElement } from './build-tree.js';
import { allMeta, type Found, type PageMeta } from './read-page-meta.js';
import { collapse, elementsOf, textOf } from './tree-text.js';

/** A candidate value for a field, with where it was read. */
export interface Candidate<T> {
  value: T;
  from: string;
  start: number;
  end: number;
}

function candidate<T>(value: T, found: Found): Candidate<T> {
  return { value, from: found.from, start: found.start, end: found.end };
}

/**
 * Meta keys of the publication date, in order of trust (the date model's candidates come in
 * this order), each marked whether it names the publication itself (`article:published_time`)
 * or is a generic date (`date`, `dc.date`, `citation_date`).
 */
export const datePublishedKeys: ReadonlyArray<readonly [key: string, published: boolean]> = [
  ['article:published_time', true],
  ['datepublished', true],
  ['og:published_time', true],
  ['published_time', true],
  ['article:published', true],
  ['pubdate', true],
  ['publishdate', true],
  ['publish-date', true],
  ['publish_date', true],
  ['date', false],
  ['dc.date.issued', true],
  ['dcterms.issued', true],
  ['dc.date', false],
  ['dcterms.date', false],
  ['dcterms.created', false],
  ['dc.date.created', false],
  ['sailthru.date', true],
  ['parsely-pub-date', true],
  ['article.published', true],
  ['citation_publication_date', true],
  ['citation_date', false],
  ['originalpublicationdate', true],
  ['displaydate', false],
  ['release_date', false],
];

/** Meta keys read as each field, in order of trust. */
export const metaKeys = {
  headline: [
    'og:title',
    'twitter:title',
    'headline',
    'dc.title',
    'dcterms.title',
    'title',
    'sailthru.title',
    'parsely-title',
  ],
  description: [
    'og:description',
    'description',
    'twitter:description',
    'dc.description',
    'dcterms.description',
    'abstract',
  ],
  author: [
    'author',
    'article:author',
    'dc.creator',
    'dcterms.creator',
    'byl',
    'sailthru.author',
    'parsely-author',
    'twitter:creator',
    'citation_author',
    'creator',
    'dcterms.contributor',
    'dc.contributor',
  ],
  datePublished: datePublishedKeys.map(([key]) => key),
  dateModified: [
    'article:modified_time',
    'datemodified',
    'og:updated_time',
    'article:modified',
    'last-modified',
    'dc.date.modified',
    'dcterms.modified',
    'article.updated',
    'lastmod',
  ],
  section: ['article:section', 'articlesection', 'section', 'parsely-section', 'category'],
  keywords: ['article:tag', 'keywords', 'news_keywords', 'parsely-tags'],
  siteName: [
    'og:site_name',
    'application-name',
    'al:android:app_name',
    'twitter:site',
    'publisher',
    'dc.publisher',
  ],
  image: [
    'og:image:secure_url',
    'og:image',
    'og:image:url',
    'twitter:image',
    'twitter:image:src',
    'image',
    'thumbnailurl',
  ],
  language: ['og:locale', 'content-language', 'language', 'dc.language', 'inlanguage'],
  url: ['og:url', 'twitter:url', 'url'],
  type: ['og:type'],
} as const;

/** Title separators (titles are white-space collapsed first). */
const separators = / (?:[|\-–—:·•@»/]|::) | ?[｜：] ?/u;

/**
 * The title without the site's name: `Night ferries approved | The Daily Ledger` → `Night
 * ferries approved`. The site name is known from metadata, or the other title sources say
 * which part is the headline; failing that, a short last part after ` | ` or ` - ` goes.
 */
export function stripSiteName(
  title: string,
  siteNames: readonly string[],
  others: readonly string[],
): string {
  const parts = title.split(separators);
  if (parts.length < 2 || parts.length > maxTitleParts) return title;
  const known = withoutSiteName(title, siteNames);
  // `Headline - Politics - The Ledger`: the section's name can be left once the site's is gone.
  if (known !== title) return stripSiteName(known, [], others);
  for (const other of others) {
    const wanted = looseText(other);
    if (!wanted) continue;
    for (let count = parts.length - 1; count >= 1; count--) {
      if (looseText(parts.slice(0, count).join(' ')) === wanted) {
        const joined = parts.slice(0, count);
        const end = title.indexOf(joined[joined.length - 1]!) + joined[joined.length - 1]!.length;
        return title.slice(0, end).trim();
      }
    }
  }
  const lastPart = parts[parts.length - 1]!;
  const firstPart = parts[0]!;
  if (parts.length >= 3) {
    // `Headline | Section | Site`, `Site - Headline - Section`: the longest part.
    const longest = parts.reduce((best, part) => (wordCount(part) > wordCount(best) ? part : best));
    if (wordCount(longest) >= 3) return longest.trim();
  }
  if (wordCount(lastPart) <= 4 && wordCount(title) - wordCount(lastPart) >= 3) {
    return title
      .slice(0, title.lastIndexOf(lastPart))
      .replace(/ (?:[|\-–—:·•@»/]|::) ?$/u, '')
      .trim();
  }
  if (
    wordCount(firstPart) <= 3 &&
    wordCount(title) - wordCount(firstPart) >= 4 &&
    /\s[|»:]\s/u.test(title)
  ) {
    return title.slice(title.indexOf(parts[1]!)).trim();
  }
  return title;
}

/** Text compared loosely: lower case, every run of other than letters and digits one space. */
export const looseText = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The number of words (runs of other than white space, `\s`) of `text`, counted in one pass. */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let at = 0; at < text.length; at++) {
    const space = isWhiteSpace(text.charCodeAt(at));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/**
 * A title without the parts that are the site's name as the metadata gives it (`Five trends |
 * HR Journal` → `Five trends`); unchanged when no part is. A site's name between two parts
 * (`Ice fishing | lakes.example | Your angling magazine`) ends the headline: what follows is
 * the site's slogan.
 */
export function withoutSiteName(title: string, siteNames: readonly string[]): string {
  const parts = title.split(separators);
  if (parts.length < 2 || parts.length > maxTitleParts) return title;
  const sites = new Set(siteNames.map(looseText).filter(Boolean));
  const isSite = parts.map((part) => sites.has(looseText(part)));
  const firstSite = isSite.indexOf(true);
  if (firstSite < 0) return title;
  const kept =
    firstSite > 0 && isSite.slice(firstSite).includes(false)
      ? parts.slice(0, firstSite)
      : parts.filter((_, index) => !isSite[index]);
  if (kept.length > 0) {
    // Rebuild from the title itself so the separators inside the headline stay as written.
    const first = title.indexOf(kept[0]!);
    const last = kept[kept.length - 1]!;
    const end =
      firstSite > 0
        ? title.indexOf(last, first) + last.length
        : title.lastIndexOf(last) + last.length;
    if (first >= 0 && end > first) return title.slice(first, end).trim();
  }
  return title;
}

/**
 * A title of more parts than this is not a headline with its site's and section's names (a
 * list of keywords, a hostile page): it is read as it is, in time linear in its length.
 */
const maxTitleParts = 12;

/**
 * The parts of a title between its separators (`Night ferries | The Ledger` → two parts); none
 * for a title of more than 12 parts.
 */
export function titleParts(title: string): string[] {
  const parts = title.split(separators, maxTitleParts + 1);
  if (parts.length > maxTitleParts) return [];
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Host labels that name no site. */
const hostPrefixes = /^(?:www\d*|m|amp|mobile|blog|blogs|news)\./u;
/** Second-level labels of country domains (`co.uk`, `com.au`). */
const secondLevel = /^(?:co|com|org|net|ac|gov|edu|or|ne|go)$/u;

/**
 * The site's names a page's address gives, for telling the site's name in a title
 * (`https://www.lakes-weekly.example/a/1` → `lakes-weekly.example`, `lakes-weekly`,
 * `lakes`): the host without `www.`, its main label, and that label's first word.
 */
export function hostNames(url: string | undefined): string[] {
  if (!url) return [];
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  if (!host.includes('.') || /^[\d.]+$/u.test(host)) return [];
  host = host.replace(hostPrefixes, '');
  const labels = host.split('.');
  labels.pop();
  if (labels.length > 1 && secondLevel.test(labels[labels.length - 1]!)) labels.pop();
  const main = labels[labels.length - 1];
  if (!main) return [host];
  const names = [host, main];
  const firstWord = main.split('-')[0]!;
  if (firstWord !== main && firstWord.length >= 3) names.push(firstWord);
  return names;
}

/** A URL path date: `/2019/10/19/` or `/2019-10-19`. */
const urlDate = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/u;

/** A URL path date written day first: `/meldungen/29-10-2021`. */
const urlDayFirst = /\/(0?[1-9]|[12]\d|3[01])[.-](0?[1-9]|1[0-2])[.-]((?:19|20)\d{2})(?:[/.-]|$)/u;

/** The date a URL path gives, as a calendar date (day first only where the day is over 12). */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const match = urlDate.exec(url);
  if (match) return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  const dayFirst = urlDayFirst.exec(url);
  if (!dayFirst || Number(dayFirst[1]) <= 12) return undefined;
  return `${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`;
}

/** Parse a machine date (`2019-10-19T08:00:00+02:00`, `Mon, 18 Nov 2019 16:07:38 -0600`) or a printed one. */
export function readDate(
  value: string,
  options: Readonly<ParseDateOptions>,
): ParsedDate | undefined {
  const text = collapse(value);
  if (text === '' || text.length > 120) return undefined;
  try {
    return (
      parseDate(text, options) ?? (/^\d{10}$/u.test(text) ? fromEpoch(Number(text)) : undefined)
    );
  } catch {
    return undefined;
  }
}

function fromEpoch(seconds: number): ParsedDate | undefined {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1990) return undefined;
  return {
    value: date.toISOString().replace(/\.\d{3}Z$/u, 'Z'),
    precision: 'second',
    zone: 'offset',
    text: String(seconds),
  };
}

/** How specific a parsed date is: a day < a time without a known zone < a time with its offset. */
export function dateRank(date: ParsedDate): number {
  if (date.precision === 'day') return 0;
  return date.zone === 'none' ? 1 : 2;
}

/** Date candidates from the page's metadata, `<time>` elements and the URL, in order of trust. */
export function dateCandidates(
  meta: PageMeta,
  keys: readonly string[],
  options: Readonly<ParseDateOptions>,
): Array<Candidate<ParsedDate>> {
  const result: Array<Candidate<ParsedDate>> = [];
  for (const found of allMeta(meta, keys)) {
    const parsed = readDate(found.value, options);
    if (parsed) result.push(candidate(parsed, found));
  }
  return result;
}

/** Whether an author value is a name rather than a URL or handle. */
function isNameLike(value: string): boolean {
  return !/^(?:https?:|www\.|\/|@)/iu.test(value) && value.length <= 200;
}

/** Byline candidates from `<meta>` authors, microdata and `rel=author` links, in order of trust. */
export function bylineCandidates(meta: PageMeta): Array<Candidate<Byline>> {
  const result: Array<Candidate<Byline>> = [];
  // Microdata: an `author` item's `name`, or the element's text.
  for (const found of meta.itemprops.get('author') ?? []) {
    const element = found.element;
    let name = found.value;
    if (element && 'itemscope' in element.attributes) {
      const inner = [...elementsOf(element)].find(
        (node) => node !== element && node.attributes.itemprop === 'name',
      );
      name = inner ? (inner.attributes.content ?? textOf(inner)) : textOf(element);
    }
    const byline = readByline(name);
    if (byline) result.push(candidate(byline, found));
  }
  for (const found of allMeta(meta, metaKeys.author)) {
    if (!isNameLike(found.value)) continue;
    const byline = readByline(found.value);
    if (byline) result.push(candidate(byline, found));
  }
  for (const found of meta.authorLinks) {
    if (!isNameLike(found.value)) continue;
    const byline = readByline(found.value);
    if (byline) result.push(candidate(byline, found));
  }
  return result;
}

/** A byline string through `parseByline`; a bare name that it does not read is one person. */
export function readByline(text: string): Byline | undefined {
  const value = collapse(text);
  if (value === '' || value.length > 300) return undefined;
  const parsed = parseByline(cleanBylineText(value));
  if (parsed.contributors.length > 0) return { text: value, contributors: parsed.contributors };
  return undefined;
}

/** `Siekmann, Amelie`: one family name, a comma, one given name. */
const invertedName = /^(\p{Lu}[\p{L}'’-]+),\s+(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}\.)?)$/u;
/** Words left dangling before a date that was cut off (`… am`, `… Le`, `… on`). */
const danglingWord = /(?:^| )(?:am|um|on|at|le|el|il|du|vom|den|der|the)$/iu;
/** Separators left at the end. */
const danglingMark = /[ ,|·•–—/-]$/u;

/** Cut the separators and the connector word left at the end of a byline whose date was cut. */
function withoutDangling(text: string): string {
  let result = text.trimEnd();
  while (danglingMark.test(result)) result = result.slice(0, -1);
  result = result.replace(danglingWord, '');
  while (danglingMark.test(result)) result = result.slice(0, -1);
  return result.trim();
}
/** The word "author" printed after a name as its label (`Harald Brandt Autor`). */
const trailingAuthorLabel = / ?[·|,]? (?:Autor|Autorin|Author|Auteur|Autore|AUTOR|AUTHOR)$/u;
/** An intro word in lower case (`von Kathrin`), which the byline parser reads only capitalized. */
const lowerIntro = /^(?:von|by|par|por|di|door|av|af|przez|od|de)\s/u;
/** Separators and clock words between a leading date and what follows (`04.02.2022 | 13:10 Uhr | …`). */
const leadingJunk = /^(?:[\s|·•,;:–—/-]|uhr\b|h\b)+/iu;
/** A label after the names that starts something else: ` Tags: …`, ` Kategorie: …`. */
const laterLabel = /\s\p{Lu}[\p{L}-]{1,20}\s?:\s/gu;

/**
 * A page line without the dates it starts with: `10. Februar 2019 von Heiko` → `von Heiko`,
 * `04.02.2022 | 13:10 Uhr | Uta Helkenberg` → `Uta Helkenberg`.
 */
export function withoutLeadingDates(text: string): string {
  let rest = text;
  for (let round = 0; round < 3; round++) {
    let found: ReturnType<typeof findDate>;
    try {
      found = findDate(rest.slice(0, 120));
    } catch {
      found = undefined;
    }
    if (found?.index !== 0) break;
    rest = rest.slice(found.text.length).replace(leadingJunk, '');
  }
  return rest;
}

/** A line cut before a later label that is not a byline's (`Autor: A B Tags: x, y` → `Autor: A B`). */
function beforeOtherLabels(text: string): string {
  for (const match of text.matchAll(laterLabel)) {
    if (match.index === 0) continue;
    if (bylineIntro(text.slice(match.index + 1)) === undefined) return text.slice(0, match.index);
  }
  return text;
}

/**
 * A byline as pages print it, made readable for `parseByline`: a trailing date and the word
 * before it cut (`VON MORITZ GATHMANN am 21. April 2020`), an inverted name turned round, a
 * lower-case intro word capitalized.
 */
function cleanBylineText(value: string): string {
  let text = beforeOtherLabels(withoutLeadingDates(value)) || value;
  let found: ReturnType<typeof findDate>;
  try {
    found = findDate(text);
  } catch {
    found = undefined;
  }
  if (found && found.index > 0) text = withoutDangling(text.slice(0, found.index)) || text;
  // `Harald Brandt Autor`: the author box's label printed after the name.
  const unlabelled = text.replace(trailingAuthorLabel, '');
  if (unlabelled !== text && unlabelled.includes(' ')) text = unlabelled;
  const inverted = invertedName.exec(text);
  if (inverted) text = `${inverted[2]} ${inverted[1]}`;
  // `Von Thilo / 6. November 2023`: on a page's byline line, an intro before one name.
  if (/^(?:Von|VON|Par|PAR|Por|POR|Door)\s+\S+$/u.test(text))
    return text.slice(text.indexOf(' ') + 1);
  // `von Kathrin`: in lower case the word is an intro, not the first word of a name.
  if (lowerIntro.test(text))
    text = /^\S+\s+\S+$/u.test(text)
      ? text.slice(text.indexOf(' ') + 1)
      : text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}

/** The names of a byline's people, lower case, for comparing bylines. */
export function personKeys(byline: Byline | undefined): Set<string> {
  const keys = new Set<string>();
  for (const contributor of byline?.contributors ?? []) {
    if (contributor.type === 'Organization') continue;
    keys.add(looseText(contributor.name));
  }
  return keys;
}

/** How much a byline says beyond names: job titles, affiliations, URLs. */
export function bylineDetail(byline: Byline): number {
  let detail = 0;
  for (const contributor of byline.contributors as Contributor[]) {
    detail += 1;
    if (contributor.jobTitle) detail += 1;
    if (contributor.affiliation) detail += 0.5;
    if (contributor.url) detail += 0.5;
  }
  return detail;
}

/** `en_US` → `en-US`. */
export function languageTag(value: string): string | undefined {
  const tag = value.trim().replace(/_/gu, '-');
  return /^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/u.test(tag) ? tag : undefined;
}

/** The site's names the page gives (for removing them from titles and bylines). */
export function siteNames(meta: PageMeta, publisher: string | undefined): string[] {
  const names = allMeta(meta, metaKeys.siteName).map((found) => found.value.replace(/^@/u, ''));
  if (publisher) names.push(publisher);
  return names;
}

/** Whether `element` is `ancestor` or inside it. */
export function contains(ancestor: HtmlElement, element: HtmlElement): boolean {
  for (let current: HtmlElement | undefined = element; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}
