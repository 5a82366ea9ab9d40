import { findDate, type ParsedDate } from '../fields/parse-date.js';
import { chooseBest } from '../model/choice.js';
import { extractFeatures, type Feature, featureNames } from '../model/features.js';
import { compiledModelCache, type LinearModel } from '../model/linear.js';
import { lastAtOrBefore } from '../schema/line-index.js';
import type { HtmlElement } from './build-tree.js';
import { fieldText, fieldTextOf } from './field-text.js';
import {
  type Candidate,
  dateFromUrl,
  datePublishedKeys,
  dateRank,
  metaKeys,
  readDate,
} from './read-fields.js';
import { allMeta, type Found, type PageMeta } from './read-page-meta.js';
import type { Unit } from './segment.js';
import { classAndId, elementsOf, someAncestor } from './tree-text.js';

/** Where a date candidate was read. */
export type DateSource =
  | 'json-ld'
  | 'meta-published'
  | 'meta-date'
  | 'time-marked'
  | 'time'
  | 'page-near'
  | 'page-anywhere'
  | 'date-element'
  | 'title'
  | 'script'
  | 'url';

/** A publication-date candidate with what the choice model looks at. */
export interface DateCandidate extends Candidate<ParsedDate> {
  source: DateSource;
  /** Index among the candidates of the same source (0 = the first). */
  order: number;
  /** The unit the date is printed in, when it is a unit of the page. */
  unit?: number;
  /** Distance in units from the headline (page dates only). */
  distance?: number;
  /** What the text or class says the date is. */
  says?: 'published' | 'modified' | 'comment';
}

/** Meta keys that name the publication itself (the rest of `metaKeys.datePublished` are generic dates). */
const publishedKeys: ReadonlySet<string> = new Set(
  datePublishedKeys.filter(([, published]) => published).map(([key]) => key),
);

const modifiedWords = /modif|updat|aktualisiert|geändert|edited|revised/iu;
const publishedWords = /publi|posted|pubdate|created|erschienen|veröffentlicht|issued/iu;
const commentWords = /comment|reply|kommentar/iu;
/**
 * Class or id words of elements that print a date, tested on the lower-cased class and id
 * (case-insensitive Unicode patterns are many times slower in V8, and this one meets every
 * element of the page).
 */
const dateClass =
  /(?:^|[\s_-])(?:date|dates|time|datum|published|pubdate|timestamp|dateline|meta|metadata|fecha|data)(?:$|[\s_-])|date|datum/u;

function saysOf(text: string | undefined): DateCandidate['says'] {
  if (!text) return undefined;
  if (commentWords.test(text)) return 'comment';
  // `class="entry-date published updated"` (WordPress) marks the publication date.
  if (publishedWords.test(text)) return 'published';
  if (modifiedWords.test(text)) return 'modified';
  return undefined;
}

/** A digit (one pattern for the loop over every unit: a literal there is a new object each time). */
const digit = /\d/u;

function safeFind(text: string, options: object) {
  try {
    return findDate(text, options);
  } catch {
    return undefined;
  }
}

/** Inputs of {@link dateCandidatesOf}. */
export interface DateSources {
  meta: PageMeta;
  root: HtmlElement;
  units: readonly Unit[];
  headlineUnit: number | undefined;
  url: string | undefined;
  ld: { value: string; found: Found } | undefined;
  titles: readonly string[];
  options: object;
  /** The page's text, for dates in scripts' JSON. */
  text?: string;
}

/**
 * Every publication-date candidate the page gives: the JSON-LD, `<meta>` dates, `<time>`
 * elements, dates printed near the headline, short labelled dates anywhere, elements whose
 * class says date, dates in the title, the URL's date. Bounded per source, linear in the page.
 */
export function dateCandidatesOf(sources: Readonly<DateSources>): DateCandidate[] {
  const { meta, units, headlineUnit, options } = sources;
  const result: DateCandidate[] = [];
  // Distance from the headline of an element's date, in units (the unit it is printed in).
  // (Listed when first asked: most pages ask for few, a page of 100,000 units would list all.)
  let starts: number[] | undefined;
  const elementDistance = (element: HtmlElement | undefined): Partial<DateCandidate> => {
    if (!element || headlineUnit === undefined || units.length === 0) return {};
    starts ??= units.map((unit) => unit.start);
    const at = lastAtOrBefore(starts, element.start);
    return at < 0 ? {} : { distance: Math.abs(at - headlineUnit) };
  };
  const counts = new Map<DateSource, number>();
  const push = (
    source: DateSource,
    value: ParsedDate,
    place: { from: string; start: number; end: number },
    extra: Partial<DateCandidate> = {},
  ) => {
    const order = counts.get(source) ?? 0;
    if (order >= 4) return;
    counts.set(source, order + 1);
    result.push({
      value,
      from: place.from,
      start: place.start,
      end: place.end,
      source,
      order,
      ...extra,
    });
  };
  if (sources.ld) {
    const parsed = readDate(sources.ld.value, options) ?? isoDate(sources.ld.value);
    push('json-ld', parsed, sources.ld.found);
  }
  for (const key of metaKeys.datePublished) {
    for (const found of allMeta(meta, [key])) {
      const parsed = readDate(found.value, options);
      if (parsed) push(publishedKeys.has(key) ? 'meta-published' : 'meta-date', parsed, found);
    }
  }
  for (const found of meta.times) {
    const parsed = readDate(found.value, options);
    if (!parsed) continue;
    const attributes = found.element?.attributes ?? {};
    const words = `${attributes.class ?? ''} ${attributes.itemprop ?? ''} ${attributes.id ?? ''}`;
    const element = found.element;
    const says = inComments(element)
      ? 'comment'
      : 'pubdate' in attributes
        ? 'published'
        : saysOf(words);
    push(says === 'published' ? 'time-marked' : 'time', parsed, found, {
      ...(says ? { says } : {}),
      ...elementDistance(element),
    });
  }
  // Printed near the headline: a line that is a date, or a byline or label line holding one.
  const from = headlineUnit === undefined ? 0 : Math.max(0, headlineUnit - 3);
  const to = Math.min(units.length, from + 15);
  for (let index = from; index < to; index++) {
    const unit = units[index]!;
    if (unit.text.length > 160) {
      // `27.1.2022 - Bei der Erinnerung …`: a lead paragraph that opens with its date.
      const text = /^\d/u.test(unit.text) ? fieldText(unit) : '';
      const found = text ? safeFind(text.slice(0, 60), options) : undefined;
      if (found && found.index === 0)
        push('page-near', found, unitPlace(unit), {
          unit: index,
          distance: Math.abs(index - (headlineUnit ?? 0)),
        });
      continue;
    }
    if (!/\d/u.test(unit.text)) continue;
    // Up to two dates a line (`Updated: 9 March · Published: 2 March`).
    let rest = fieldText(unit);
    for (let count = 0; count < 2; count++) {
      const found = safeFind(rest, options);
      if (!found) break;
      push('page-near', found, unitPlace(unit), {
        unit: index,
        distance: Math.abs(index - (headlineUnit ?? 0)),
        ...sayOf(found.label),
      });
      rest = rest.slice(found.index + Math.max(1, found.text.length));
    }
  }
  // Anywhere: a short line whose date comes first or after a label (`Datum: 26. Januar 2022`).
  for (let index = 0; index < units.length && (counts.get('page-anywhere') ?? 0) < 3; index++) {
    if (index >= from && index < to) continue;
    const unit = units[index]!;
    if (unit.text.length > 160 || unit.kind === 'heading' || !digit.test(unit.text)) continue;
    const text = fieldText(unit);
    const found = safeFind(text, options);
    if (!found) continue;
    const before = text.slice(0, found.index);
    if (found.label === undefined && !(found.index <= 2 || labelWords.test(before.trimEnd())))
      continue;
    push('page-anywhere', found, unitPlace(unit), {
      unit: index,
      distance: Math.abs(index - (headlineUnit ?? 0)),
      ...sayOf(found.label),
    });
  }
  // Elements whose class says date (`<span class="date">`), first few on the page.
  let seen = 0;
  const elements = elementsOf(sources.root);
  for (let at = 0; at < elements.length; at++) {
    const element = elements[at]!;
    if (element.name === 'head' || element.name === 'script' || element.name === 'style') continue;
    const words = classAndId(element);
    if (!words || !dateClass.test(words)) continue;
    if (++seen > 40 || (counts.get('date-element') ?? 0) >= 4) break;
    const text = fieldTextOf([element]);
    if (text.length < 6 || text.length > 100 || !/\d/u.test(text)) continue;
    let rest = text;
    for (let count = 0; count < 2; count++) {
      const found = safeFind(rest, options);
      if (!found) break;
      push('date-element', found, elementPlace(element), {
        ...(inComments(element) ? { says: 'comment' as const } : sayOf(found.label ?? words)),
        ...elementDistance(element),
      });
      rest = rest.slice(found.index + Math.max(1, found.text.length));
    }
  }
  for (const title of sources.titles) {
    if (!/\d/u.test(title)) continue;
    const found = safeFind(title, options);
    if (found) push('title', found, { from: 'the title', start: 0, end: 0 });
  }
  // Dates an application's state names as published (`"published_at":"2019-03-02T06:22:28"`).
  // No match starts before the first `"` opening one of its names: the search starts there
  // (a page without any of them is not searched).
  // (Once one is found, a name is searched for only when it also occurs before that one.)
  const text = sources.text;
  // Each place a match can start (one search for the four heads), tried there alone.
  if (text !== undefined) {
    scriptDateHead.lastIndex = 0;
    for (let head = scriptDateHead.exec(text); head; head = scriptDateHead.exec(text)) {
      scriptDate.lastIndex = head.index;
      const match = scriptDate.exec(text);
      if (!match) continue;
      scriptDateHead.lastIndex = scriptDate.lastIndex;
      const parsed = readDate(match[2]!, options);
      if (parsed) {
        const start = match.index;
        push(
          'script',
          parsed,
          { from: `the page's \`${match[1]}\``, start, end: start + match[0].length },
          /pub/iu.test(match[1]!) ? { says: 'published' } : {},
        );
      }
      if ((counts.get('script') ?? 0) >= 2) break;
    }
  }
  const urlDay = dateFromUrl(sources.url);
  if (urlDay)
    push(
      'url',
      { value: urlDay, precision: 'day', zone: 'none', text: urlDay },
      { from: 'the URL', start: 0, end: 0 },
    );
  return result;
}

/**
 * Class or id words of comment sections (`comment-list`, `comments`, `reply`), not of the
 * counters and links an article's header prints (`comments-open`, `comment-count`).
 */
const commentSection =
  /(?:^|[\s_-])(?:comment|comments|commentlist|kommentar|kommentare|reply|replies|respond|responses)(?:$|\s|[_-](?!open|closed|count|link|number|bubble|icon))/u;

/** Whether an element sits in a comment section (its own or an ancestor's class or id, 8 up). */
const inComments = (element: HtmlElement | undefined) =>
  someAncestor(element, 8, (current) => commentSection.test(classAndId(current)));

function sayOf(text: string | undefined): Partial<DateCandidate> {
  const says = saysOf(text);
  return says ? { says } : {};
}

function unitPlace(unit: Unit) {
  return { from: 'the page', start: unit.start, end: unit.end };
}

function elementPlace(element: HtmlElement) {
  return { from: `the page's <${element.name}>`, start: element.start, end: element.end };
}

/**
 * A publication date in a script's JSON (`"published_at":"…"`, `"datePublished":"…"`), read
 * where {@link scriptDateHead} finds one may start (sticky).
 */
const scriptDate =
  /"(published_?at|publishedAt|publish_?date|publishDate|pub_?date|pubDate|first_?published_?at|firstPublishedAt|created_?at|createdAt|datePublished)"\s?:\s?"([^"\\]{8,40})"/uy;

/** What every match of {@link scriptDate} starts with. */
const scriptDateHead = /"(?:pub|first|created|datePublished)/gu;

/** Words printed before a publication date. */
const labelWords =
  /(?:datum|date|published|publié|publicado|pubblicato|veröffentlicht|veröffentlichung|erscheinungsdatum|erschienen|stand|fecha|data|posted|on|am|le|el|vom|\/\/|\|) ?:?$/iu;

/** An ISO value the JSON-LD reader already normalised (when `readDate` does not read it). */
export function isoDate(value: string): ParsedDate {
  return {
    value,
    precision: value.length <= 10 ? 'day' : 'second',
    zone: /[zZ]|[+-]\d\d:?\d\d$/u.test(value) ? 'offset' : 'none',
    text: value,
  };
}

/** What the features of one candidate see. */
export interface DateContext {
  candidate: DateCandidate;
  /** Distinct sources per calendar day. */
  days: ReadonlyMap<string, ReadonlySet<DateSource>>;
  modifiedDays: ReadonlySet<string>;
  /** Days a candidate says is the publication date (a label, a class, `pubdate`). */
  publishedDays: ReadonlySet<string>;
  earliest: string;
  latest: string;
}

const dayOf = (candidate: DateCandidate) => candidate.value.value.slice(0, 10);
const agrees = (source: DateSource) => (c: DateContext) =>
  c.candidate.source !== source && (c.days.get(dayOf(c.candidate))?.has(source) ?? false);
const daysBetween = (a: string, b: string) =>
  Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000 || 0;

const sources: readonly DateSource[] = [
  'json-ld',
  'meta-published',
  'meta-date',
  'time-marked',
  'time',
  'page-near',
  'page-anywhere',
  'date-element',
  'title',
  'script',
  'url',
];

/** The named features of a date candidate; the weights are learned (`npm run train:html-fields`). */
export const dateFeatures: ReadonlyArray<Feature<DateContext>> = [
  ...sources.map((source) => ({
    name: `from-${source}`,
    value: (c: DateContext) => c.candidate.source === source,
  })),
  ...sources.map((source) => ({
    name: `first-of-${source}`,
    value: (c: DateContext) => c.candidate.source === source && c.candidate.order === 0,
  })),
  ...sources.map((source) => ({ name: `agrees-with-${source}`, value: agrees(source) })),
  {
    name: 'sources-agreeing',
    value: (c) => Math.log1p((c.days.get(dayOf(c.candidate))?.size ?? 1) - 1),
  },
  { name: 'has-time', value: (c) => c.candidate.value.precision !== 'day' },
  { name: 'has-offset', value: (c) => c.candidate.value.zone !== 'none' },
  { name: 'says-published', value: (c) => c.candidate.says === 'published' },
  { name: 'says-modified', value: (c) => c.candidate.says === 'modified' },
  { name: 'says-comment', value: (c) => c.candidate.says === 'comment' },
  { name: 'modified-day', value: (c) => c.modifiedDays.has(dayOf(c.candidate)) },
  { name: 'published-day', value: (c) => c.publishedDays.has(dayOf(c.candidate)) },
  {
    name: 'another-day-published',
    value: (c) => c.publishedDays.size > 0 && !c.publishedDays.has(dayOf(c.candidate)),
  },
  { name: 'only-day', value: (c) => c.days.size === 1 },
  { name: 'earliest-day', value: (c) => c.days.size > 1 && dayOf(c.candidate) === c.earliest },
  { name: 'latest-day', value: (c) => c.days.size > 1 && dayOf(c.candidate) === c.latest },
  {
    name: 'log-days-after-earliest',
    value: (c) => Math.log1p(daysBetween(dayOf(c.candidate), c.earliest)) / 3,
  },
  {
    name: 'log-days-before-latest',
    value: (c) => Math.log1p(daysBetween(dayOf(c.candidate), c.latest)) / 3,
  },
  {
    name: 'near-headline',
    value: (c) => (c.candidate.distance === undefined ? 0 : 1 / (1 + c.candidate.distance)),
  },
  {
    name: 'midnight-utc',
    value: (c) => /T00:00(?::00)?(?:\.0+)?(?:Z|\+00:?00)$/u.test(c.candidate.value.value),
  },
];

/** The names of {@link dateFeatures}, in order. */
export const dateFeatureNames: readonly string[] = featureNames(dateFeatures);

/** The feature vector of every candidate. */
export function dateVectors(
  candidates: readonly DateCandidate[],
  modified: readonly ParsedDate[],
): Float64Array[] {
  if (candidates.length === 0) return [];
  const days = new Map<string, Set<DateSource>>();
  for (const candidate of candidates) {
    const day = dayOf(candidate);
    const set = days.get(day) ?? new Set<DateSource>();
    set.add(candidate.source);
    days.set(day, set);
  }
  const sorted = [...days.keys()].sort();
  const modifiedDays = new Set(modified.map((date) => date.value.slice(0, 10)));
  for (const candidate of candidates)
    if (candidate.says === 'modified') modifiedDays.add(dayOf(candidate));
  const publishedDays = new Set<string>();
  for (const candidate of candidates)
    if (candidate.says === 'published') publishedDays.add(dayOf(candidate));
  // One context, its candidate set in turn.
  const context: DateContext = {
    candidate: candidates[0]!,
    days,
    modifiedDays,
    publishedDays,
    earliest: sorted[0]!,
    latest: sorted[sorted.length - 1]!,
  };
  return candidates.map((candidate) => {
    context.candidate = candidate;
    return extractFeatures(dateFeatures, context);
  });
}

const compiled = compiledModelCache(dateFeatureNames);

/** A time given in UTC (`Z`, `+00:00`). */
function isUtc(date: ParsedDate): boolean {
  return date.precision !== 'day' && /(?:Z|[+-]00:?00)$/u.test(date.value);
}

/**
 * The candidate the model prefers, given in the publisher's own offset when the page prints the
 * same instant in one, then upgraded to a candidate of the same calendar day that says more (a
 * time with its offset beats a bare day), carrying the page unit it was printed in.
 */
export function chooseDate(
  candidates: readonly DateCandidate[],
  vectors: readonly ArrayLike<number>[],
  model: LinearModel,
): DateCandidate | undefined {
  if (candidates.length === 0) return undefined;
  const best = chooseBest(compiled(model), vectors, Number.NEGATIVE_INFINITY);
  let chosen = candidates[best.index]!;
  // `2022-05-04T03:37:37Z` and the page's `2022-05-03T23:37:37-04:00`: the same instant, in the
  // publisher's own offset (whose calendar day readers see).
  if (isUtc(chosen.value)) {
    const instant = Date.parse(chosen.value.value);
    const local = candidates.find(
      (other) =>
        other.value.zone === 'offset' &&
        !isUtc(other.value) &&
        Math.abs(Date.parse(other.value.value) - instant) <= 60_000,
    );
    if (local) chosen = local;
  }
  const day = dayOf(chosen);
  let unit = chosen.unit;
  for (const other of candidates) {
    if (dayOf(other) !== day) continue;
    if (unit === undefined && other.unit !== undefined && other.source === 'page-near')
      unit = other.unit;
    if (dateRank(other.value) > dateRank(chosen.value)) chosen = other;
  }
  return unit === undefined ? chosen : { ...chosen, unit };
}
