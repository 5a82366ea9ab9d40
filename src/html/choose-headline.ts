import { chooseBest } from '../model/choice.js';
import { extractFeatures, type Feature, featureNames } from '../model/features.js';
import { compiledModelCache, type LinearModel } from '../model/linear.js';
import type { HtmlElement, HtmlNode } from './build-tree.js';
import { wordSet } from './features.js';
import { fieldText, fieldTextOf } from './field-text.js';
import { nameTable } from './name-table.js';
import {
  type Candidate,
  contains,
  looseText as loose,
  titleParts,
  withoutLeadingDates,
  wordCount as words,
} from './read-fields.js';
import type { Unit } from './segment.js';
import { classAndId, someAncestor } from './tree-text.js';

/** Where a headline candidate was read. */
export type HeadlineSource =
  | 'json-ld'
  | 'meta-social'
  | 'meta-other'
  | 'title'
  | 'title-whole'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4';

/** A headline candidate with what the choice model looks at. */
export interface HeadlineCandidate extends Candidate<string> {
  source: HeadlineSource;
  /** The heading unit it was read from. */
  unit?: number;
  /** The heading's first child was left out (a kicker printed inside the heading). */
  withoutFirst?: boolean;
  /** That first child's class says kicker. */
  kickerClass?: boolean;
  /** Only the heading's first child (a subtitle printed inside the heading left out). */
  firstOnly?: boolean;
  /** The part left out ends with a colon: it reads as the start of the headline's sentence. */
  restAfterColon?: boolean;
}

/** Token F1 of two texts' word sets. */
export function similarity(a: string, b: string): number {
  const left = wordSet(a);
  const right = wordSet(b);
  if (left.size === 0 || right.size === 0) return 0;
  let common = 0;
  for (const word of left) if (right.has(word)) common++;
  return (2 * common) / (left.size + right.size);
}

/** Classes of a headline's kicker (the label printed inside the `<h1>`, above the headline). */
const kickerClass =
  /kicker|overline|dachzeile|topline|toptitle|roofline|eyebrow|spitzmarke|rubric|supertitle|pretitle|subtitle|label|category/u;
/** Class or id words of headline elements. */
const titleClass =
  /(?:^|[\s_-])(?:title|headline|heading|titel|titulo|titre|entry-title|post-title)/u;
/** Class or id words of page furniture. */
const furnitureClass =
  /(?:^|[\s_-])(?:nav|menu|footer|sidebar|aside|widget|teaser|related|promo|logo|brand|site-title|masthead|comment)/u;

/**
 * The heading's children that print text, looking through one element that wraps them all
 * (`<h1><a href="…"><span class="label">Notes</span>Patch 4.47</a></h1>`).
 */
function printed(unit: Unit) {
  let element = unit.element;
  for (let depth = 0; depth < 3; depth++) {
    const children = element.children.filter(
      (child) => child.type === 'element' || child.value.trim() !== '',
    );
    const only = children[0];
    if (children.length !== 1 || only?.type !== 'element') return children;
    element = only;
  }
  return [];
}

/**
 * First children that are not a kicker: a link, or words emphasized inside the headline's
 * sentence (`<i>Fantastic Beasts</i>: A Nice Place to Visit`, `<b>Editor’s Letter:</b> …`).
 */
const notKicker: ReadonlySet<string> = new Set([
  'a',
  'i',
  'em',
  'b',
  'strong',
  'cite',
  'q',
  'abbr',
  'code',
  'sup',
  'sub',
  'mark',
]);

/** Separators left at the start of a heading's part (`: Bundesregierung …`, `– Wie …`). */
const leadingSeparators = /^[\s:|–—·•/\-：｜]+/u;

/** The headings that can hold a headline. */
const headingSourceOf = nameTable<HeadlineSource>({ h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4' });

/** Inputs of {@link headlineCandidatesOf}. */
export interface HeadlineSources {
  units: readonly Unit[];
  /** Metadata headlines, already without the site's name. */
  meta: ReadonlyArray<Candidate<string> & { source: HeadlineSource }>;
  /**
   * At most this many headings are candidates (the first ones), and then the page's first
   * `<h1>` when it comes later.
   */
  maxHeadings?: number;
}

/**
 * A heading's two parts, when it prints two: the lines on either side of its first `<br>`
 * (`<h1>Ana Ruiz<br><span>Second Album</span></h1>`), else its first child element and the
 * rest (`<h1><span class="kicker">Harbour</span> Night ferries approved</h1>`).
 */
function headingParts(unit: Unit): { head: HtmlNode[]; rest: HtmlNode[] } | undefined {
  const children = printed(unit);
  const br = children.findIndex((child) => child.type === 'element' && child.name === 'br');
  if (br > 0 && br < children.length - 1)
    return { head: children.slice(0, br), rest: children.slice(br + 1) };
  const first = children[0];
  if (children.length >= 2 && first?.type === 'element' && !notKicker.has(first.name))
    return { head: [first], rest: children.slice(1) };
  return undefined;
}

/**
 * Every headline candidate: the metadata's headlines and the page's headings (`<h1>`–`<h3>`),
 * each heading also in its two parts when it prints two (a kicker and the headline, a
 * headline and a subtitle).
 */
export function headlineCandidatesOf(sources: Readonly<HeadlineSources>): HeadlineCandidate[] {
  const result: HeadlineCandidate[] = sources.meta.map((found) => ({ ...found }));
  const max = sources.maxHeadings ?? 40;
  let headings = 0;
  let h1s = 0;
  for (let index = 0; index < sources.units.length; index++) {
    const unit = sources.units[index]!;
    if (unit.kind !== 'heading' || unit.text.length > 400 || unit.text.length < 2) continue;
    const name = unit.element.name;
    const source = headingSourceOf[name];
    if (!source) continue;
    // A page's own `<h1>` can come after dozens of menu headings: it is a candidate anyway.
    if (headings >= max && (source !== 'h1' || h1s > 0)) continue;
    headings++;
    if (source === 'h1') h1s++;
    const place = { from: `<${name}>`, start: unit.start, end: unit.end, unit: index };
    // `23.01.2022 - Wierer wins the mass start`: the date a heading starts with is not headline.
    const text = fieldText(unit);
    const undated = withoutLeadingDates(text);
    const value = undated !== text && undated.split(' ').length >= 3 ? undated : text;
    result.push({ value, source, ...place });
    const parts = headingParts(unit);
    if (!parts) continue;
    const first = parts.head.length === 1 ? parts.head[0] : undefined;
    const rest = fieldTextOf(parts.rest).replace(leadingSeparators, '');
    const kicker = first?.type === 'element' && kickerClass.test(classAndId(first));
    const head = fieldTextOf(parts.head);
    if (rest.length >= 8 && rest !== value)
      result.push({
        value: rest,
        source,
        ...place,
        withoutFirst: true,
        kickerClass: kicker,
        restAfterColon: /[:：]$/u.test(head),
      });
    // `<h1><span>Headline</span><small>Subtitle</small></h1>`: the first part alone.
    if (!kicker && head.length >= 8 && words(head) >= 3 && head !== value)
      result.push({ value: head, source, ...place, firstOnly: true });
  }
  return result;
}

/** What the features of one candidate see. */
export interface HeadlineContext {
  candidate: HeadlineCandidate;
  units: readonly Unit[];
  /** Similarity of the candidate to each other candidate, by index. */
  similarities: Float64Array;
  candidates: readonly HeadlineCandidate[];
  /** Index of the first paragraph the unit model keeps, -1 when none. */
  storyStart: number;
  probabilities: readonly number[];
  top: HtmlElement | undefined;
  siteNames: readonly string[];
  /** The parts of the page's `<title>` between its separators. */
  titleParts: readonly string[];
  h1Count: number;
  /** Index (among h1 candidates, whole text) of this candidate's h1. */
  h1Order: number;
  /** The heading candidate most like the metadata's headlines (similarity ≥ 0.7). */
  bestForMeta: HeadlineCandidate | undefined;
  /** The unit of the last `<h1>` above the story. */
  lastH1AboveStory: number | undefined;
  /**
   * The candidate's best similarity to the other candidates (those of another heading), per
   * source (in {@link sourceList} order), then to any metadata source, then to any heading.
   */
  best: Float64Array;
  /** Each candidate's text lower-cased and compared loosely, by index. */
  texts: ReadonlyArray<{ lower: string; loose: string }>;
  /** The candidate's index among `candidates`. */
  index: number;
}

const metaSources: ReadonlySet<HeadlineSource> = new Set([
  'json-ld',
  'meta-social',
  'meta-other',
  'title',
  'title-whole',
]);

/** The best similarity of a candidate to another of `source` (or of a group of sources). */
const bestSimilarity = (c: HeadlineContext, source: HeadlineSource | number) =>
  c.best[typeof source === 'number' ? source : sourceList.indexOf(source)]!;

/**
 * Whether the class or id words of `element` or of an ancestor, `reach` elements in all, match
 * `pattern`.
 */
const ancestorMatches = (element: HtmlElement, pattern: RegExp, reach: number) =>
  someAncestor(element, reach, (current) => pattern.test(classAndId(current)));

/** Whether `element` is `ancestor` or inside it (never inside none). */
const inside = (element: HtmlElement, ancestor: HtmlElement | undefined) =>
  !!ancestor && contains(ancestor, element);

/** The `<title>`'s leading and trailing runs of parts, compared loosely (once per page). */
const titleRunCache = new WeakMap<readonly string[], { first: Set<string>; last: Set<string> }>();

function titleRunsOf(parts: readonly string[]) {
  let runs = titleRunCache.get(parts);
  if (!runs) {
    runs = { first: new Set(), last: new Set() };
    for (let count = 1; count < parts.length; count++) {
      runs.first.add(loose(parts.slice(0, count).join(' ')));
      runs.last.add(loose(parts.slice(parts.length - count).join(' ')));
    }
    titleRunCache.set(parts, runs);
  }
  return runs;
}

/**
 * Whether a whole heading is the leading or the trailing run of the `<title>`'s parts (a title
 * of two parts or more, not the whole of it).
 */
function titleRun(c: HeadlineContext): 'first' | 'last' | undefined {
  const parts = c.titleParts;
  const candidate = c.candidate;
  if (candidate.unit === undefined || candidate.withoutFirst || candidate.firstOnly) return;
  if (parts.length < 2) return;
  const own = textsOf(candidate).loose;
  const runs = titleRunsOf(parts);
  if (runs.first.has(own)) return 'first';
  if (runs.last.has(own)) return 'last';
  return undefined;
}

/** A candidate's word set, computed once per candidate. */
const candidateWords = new WeakMap<HeadlineCandidate, Set<string>>();

function wordsOf(candidate: HeadlineCandidate): Set<string> {
  let words = candidateWords.get(candidate);
  if (!words) {
    words = wordSet(candidate.value);
    candidateWords.set(candidate, words);
  }
  return words;
}

/** The word sets of the site's names (the first 12 different ones), once per page. */
const siteSetCache = new WeakMap<readonly string[], Set<string>[]>();

function siteSetsOf(names: readonly string[]): Set<string>[] {
  let sets = siteSetCache.get(names);
  if (!sets) {
    sets = [...new Set(names)].slice(0, 12).map(wordSet);
    siteSetCache.set(names, sets);
  }
  return sets;
}

/** Token F1 of two word sets, through the smaller one. */
function setSimilarity(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let common = 0;
  for (const word of small) if (large.has(word)) common++;
  return (2 * common) / (left.size + right.size);
}

/** A candidate's text lower-cased and compared loosely, computed once per candidate. */
const candidateTexts = new WeakMap<HeadlineCandidate, { lower: string; loose: string }>();

function textsOf(candidate: HeadlineCandidate): { lower: string; loose: string } {
  let texts = candidateTexts.get(candidate);
  if (!texts) {
    texts = { lower: candidate.value.toLowerCase(), loose: loose(candidate.value) };
    candidateTexts.set(candidate, texts);
  }
  return texts;
}

const unitOf = (c: HeadlineContext) =>
  c.candidate.unit === undefined ? undefined : c.units[c.candidate.unit];

/** A link to a site's home page: its root, with or without the origin (`/`, `https://x.example`). */
const homeHref = /^(?:https?:\/\/[^/?#]+)?\/?(?:index\.[a-z]+)?$/iu;

/** The first link inside an element (its first 20 descendants). */
function firstLink(element: HtmlElement): HtmlElement | undefined {
  const stack = [...element.children].reverse();
  for (let seen = 0; stack.length > 0 && seen < 20; seen++) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (node.name === 'a') return node;
    for (let index = node.children.length - 1; index >= 0; index--)
      stack.push(node.children[index]!);
  }
  return undefined;
}

const sourceList: readonly HeadlineSource[] = [
  'json-ld',
  'meta-social',
  'meta-other',
  'title',
  'title-whole',
  'h1',
  'h2',
  'h3',
  'h4',
];

/** Positions in {@link HeadlineContext.best} of the metadata's and the headings' best, after the sources'. */
const bestMeta = sourceList.length;
const bestHeading = sourceList.length + 1;

/** The named features of a headline candidate; the weights are learned (`npm run train:html-fields`). */
export const headlineFeatures: ReadonlyArray<Feature<HeadlineContext>> = [
  ...sourceList.map((source) => ({
    name: `from-${source}`,
    value: (c: HeadlineContext) => c.candidate.source === source,
  })),
  { name: 'without-first-child', value: (c) => c.candidate.withoutFirst === true },
  { name: 'first-child-kicker', value: (c) => c.candidate.kickerClass === true },
  { name: 'first-child-only', value: (c) => c.candidate.firstOnly === true },
  {
    name: 'like-json-ld',
    value: (c) => bestSimilarity(c, 'json-ld'),
  },
  {
    name: 'like-meta-social',
    value: (c) => bestSimilarity(c, 'meta-social'),
  },
  { name: 'like-title', value: (c) => bestSimilarity(c, 'title') },
  {
    name: 'like-title-whole',
    value: (c) => bestSimilarity(c, 'title-whole'),
  },
  {
    name: 'like-meta-90',
    value: (c) => bestSimilarity(c, bestMeta) >= 0.9,
  },
  { name: 'like-h1', value: (c) => bestSimilarity(c, 'h1') },
  {
    name: 'like-heading-90',
    value: (c) => bestSimilarity(c, bestHeading) >= 0.9,
  },
  {
    name: 'site-name',
    value: (c) => {
      const own = wordsOf(c.candidate);
      return siteSetsOf(c.siteNames).some((site) => setSimilarity(site, own) >= 0.7);
    },
  },
  {
    // `idw – Science News` as a heading: the site's banner.
    name: 'site-name-part',
    value: (c) => {
      if (c.candidate.unit === undefined) return false;
      const parts = titleParts(c.candidate.value);
      if (parts.length < 2) return false;
      const sites = new Set(c.siteNames.map(loose));
      return parts.some((part) => sites.has(loose(part)));
    },
  },
  {
    // The heading is the first part, or run of parts, of a `<title>` with several
    // (`Ice fishing | lakes.example | Your angling magazine`): the headline's place.
    name: 'title-first-part',
    value: (c) => titleRun(c) === 'first',
  },
  {
    // … or its last part: where a blog's title puts the blog's name.
    name: 'title-last-part',
    value: (c) => titleRun(c) === 'last',
  },
  { name: 'rest-after-colon', value: (c) => c.candidate.restAfterColon === true },
  {
    // The metadata's headline is this heading's rest with the kicker in front
    // (`Harbour – Night ferries approved` in og:title, the kicker printed above the headline).
    name: 'meta-adds-kicker',
    value: (c) => {
      if (!c.candidate.withoutFirst) return false;
      const own = c.texts[c.index]!.loose;
      return c.candidates.some((other, at) => {
        if (!metaSources.has(other.source)) return false;
        const text = c.texts[at]!.loose;
        return text.length > own.length + 2 && text.endsWith(` ${own}`);
      });
    },
  },
  { name: 'log-words', value: (c) => Math.log1p(words(c.candidate.value)) },
  { name: 'one-or-two-words', value: (c) => words(c.candidate.value) <= 2 },
  { name: 'over-150-chars', value: (c) => c.candidate.value.length > 150 },
  {
    name: 'all-caps',
    value: (c) =>
      /\p{L}/u.test(c.candidate.value) && c.candidate.value === c.candidate.value.toUpperCase(),
  },
  { name: 'first-h1', value: (c) => c.candidate.source === 'h1' && c.h1Order === 0 },
  { name: 'only-h1', value: (c) => c.candidate.source === 'h1' && c.h1Count === 1 },
  { name: 'log-h1-count', value: (c) => (unitOf(c) ? Math.log1p(c.h1Count) : 0) },
  {
    name: 'above-story',
    value: (c) =>
      c.candidate.unit !== undefined && c.storyStart >= 0 && c.candidate.unit < c.storyStart,
  },
  {
    name: 'below-story',
    value: (c) =>
      c.candidate.unit !== undefined && c.storyStart >= 0 && c.candidate.unit > c.storyStart,
  },
  {
    name: 'near-story',
    value: (c) =>
      c.candidate.unit === undefined || c.storyStart < 0
        ? 0
        : 1 / (1 + Math.abs(c.storyStart - c.candidate.unit)),
  },
  {
    name: 'story-probability',
    value: (c) => (c.candidate.unit === undefined ? 0 : (c.probabilities[c.candidate.unit] ?? 0)),
  },
  {
    name: 'in-story-container',
    value: (c) => {
      const unit = unitOf(c);
      return !!unit && inside(unit.element, c.top);
    },
  },
  {
    name: 'in-story-container-parent',
    value: (c) => {
      const unit = unitOf(c);
      return !!unit && inside(unit.element, c.top?.parent?.parent);
    },
  },
  {
    name: 'title-class',
    value: (c) => {
      const unit = unitOf(c);
      return !!unit && ancestorMatches(unit.element, titleClass, 2);
    },
  },
  {
    name: 'furniture-class',
    value: (c) => {
      const unit = unitOf(c);
      return !!unit && ancestorMatches(unit.element, furnitureClass, 5);
    },
  },
  {
    name: 'link-heading',
    value: (c) => {
      const unit = unitOf(c);
      return !!unit && unit.linkChars > unit.text.length / 2;
    },
  },
  {
    name: 'like-meta-exact',
    value: (c) => bestSimilarity(c, bestMeta) >= 0.999,
  },
  {
    name: 'h1-like-meta-90',
    value: (c) => c.candidate.source === 'h1' && bestSimilarity(c, bestMeta) >= 0.9,
  },
  { name: 'best-heading-for-meta', value: (c) => c.bestForMeta === c.candidate },
  {
    name: 'last-h1-above-story',
    value: (c) => c.lastH1AboveStory === c.candidate.unit && c.candidate.unit !== undefined,
  },
  {
    // `<h1><a href="https://site.example/">Site name</a></h1>`: the site's name, not a headline.
    name: 'links-home',
    value: (c) => {
      const unit = unitOf(c);
      if (!unit || unit.linkChars < unit.text.length / 2) return false;
      const link = unit.element.name === 'a' ? unit.element : firstLink(unit.element);
      return (
        !!link && (link.attributes.rel === 'home' || homeHref.test(link.attributes.href ?? ''))
      );
    },
  },
  {
    name: 'starts-another',
    value: (c) => {
      const own = c.texts[c.index]!.lower;
      return c.candidates.some(
        (o, at) =>
          o !== c.candidate &&
          o.value.length > own.length + 3 &&
          c.texts[at]!.lower.startsWith(own),
      );
    },
  },
  {
    name: 'another-starts-it',
    value: (c) => {
      const own = c.texts[c.index]!.lower;
      return c.candidates.some(
        (o, at) =>
          o !== c.candidate &&
          o.value.length >= 8 &&
          own.length > o.value.length + 3 &&
          own.startsWith(c.texts[at]!.lower),
      );
    },
  },
  {
    name: 'log-agreeing',
    value: (c) => {
      let count = 0;
      for (let i = 0; i < c.candidates.length; i++)
        if (c.candidates[i] !== c.candidate && c.similarities[i]! >= 0.9) count++;
      return Math.log1p(count);
    },
  },
  {
    // `Site - Headline - Section - News`: a whole title of three parts or more is the site's
    // and section's names around the headline, seldom a headline.
    name: 'whole-title-3-parts',
    value: (c) => c.candidate.source === 'title-whole' && c.titleParts.length >= 3,
  },
];

/** The names of {@link headlineFeatures}, in order. */
export const headlineFeatureNames: readonly string[] = featureNames(headlineFeatures);

/** The feature vector of every candidate. */
export function headlineVectors(
  candidates: readonly HeadlineCandidate[],
  page: Omit<
    HeadlineContext,
    | 'candidate'
    | 'similarities'
    | 'candidates'
    | 'h1Count'
    | 'h1Order'
    | 'bestForMeta'
    | 'lastH1AboveStory'
    | 'best'
    | 'texts'
    | 'index'
  >,
): Float64Array[] {
  const sets = candidates.map(wordsOf);
  const texts = candidates.map(textsOf);
  const h1s = candidates.filter((c) => c.source === 'h1' && !c.withoutFirst && !c.firstOnly);
  // Token F1 is symmetric: each pair is counted once and written to both rows.
  const matrix = candidates.map(() => new Float64Array(candidates.length));
  for (let index = 0; index < candidates.length; index++) {
    const own = sets[index]!;
    if (own.size === 0) continue;
    for (let other = index; other < candidates.length; other++) {
      const set = sets[other]!;
      if (set.size === 0) continue;
      // Through the smaller set: a megabyte `<title>` beside a heading costs the heading's words.
      const small = own.size <= set.size ? own : set;
      const large = small === own ? set : own;
      let common = 0;
      for (const word of small) if (large.has(word)) common++;
      matrix[index]![other] = matrix[other]![index] = (2 * common) / (own.size + set.size);
    }
  }
  let bestForMeta: HeadlineCandidate | undefined;
  let best = 0.7;
  candidates.forEach((candidate, index) => {
    if (candidate.unit === undefined) return;
    let score = 0;
    candidates.forEach((other, at) => {
      if (metaSources.has(other.source)) score = Math.max(score, matrix[index]![at]!);
    });
    if (candidate.source === 'h1') score += 0.2;
    if (score > best) {
      best = score;
      bestForMeta = candidate;
    }
  });
  let lastH1AboveStory: number | undefined;
  for (const h1 of h1s)
    if (page.storyStart >= 0 && h1.unit !== undefined && h1.unit < page.storyStart)
      lastH1AboveStory = h1.unit;
  // Each candidate's best similarity per source, over the candidates of other headings.
  const sources = candidates.map((candidate) => sourceList.indexOf(candidate.source));
  // One context for every candidate, its own fields set in turn: an object of 17 properties
  // spread per candidate cost more than its features.
  const context: HeadlineContext = {
    ...page,
    candidates,
    h1Count: h1s.length,
    bestForMeta,
    lastH1AboveStory,
    texts,
    candidate: candidates[0]!,
    similarities: matrix[0]!,
    h1Order: -1,
    best: matrix[0]!,
    index: 0,
  };
  return candidates.map((candidate, index) => {
    const similarities = matrix[index]!;
    const best = new Float64Array(bestHeading + 1);
    for (let at = 0; at < candidates.length; at++) {
      const other = candidates[at]!;
      if (other === candidate || (other.unit !== undefined && other.unit === candidate.unit))
        continue;
      const source = sources[at]!;
      best[source] = Math.max(best[source]!, similarities[at]!);
    }
    for (let source = 0; source < sourceList.length; source++) {
      const group = metaSources.has(sourceList[source]!) ? bestMeta : bestHeading;
      best[group] = Math.max(best[group]!, best[source]!);
    }
    context.candidate = candidate;
    context.similarities = similarities;
    context.h1Order = h1s.findIndex((h1) => h1.unit === candidate.unit);
    context.best = best;
    context.index = index;
    return extractFeatures(headlineFeatures, context);
  });
}

const compiled = compiledModelCache(headlineFeatureNames);

/** The index of the candidate the model prefers, -1 when there is none. */
export function chooseHeadline(vectors: readonly Float64Array[], model: LinearModel): number {
  return chooseBest(compiled(model), vectors, Number.NEGATIVE_INFINITY).index;
}
