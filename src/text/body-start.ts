import {
  type CompiledModel,
  extractFeatures,
  type Feature,
  featureNames,
  linearScore,
} from '../model/index.js';
import { isDateLine } from './memo.js';
import { bylineOf } from './meta-model.js';
import { CONTENT, hasCredit } from './story.js';
import { TERMINAL, titleCased, type Unit } from './units.js';

/**
 * Where the story's text begins under the headline: a choice among the next few units, made
 * by a conditional-logit model. What stands between the headline and that unit is the deck,
 * the metadata and the lead image's furniture; it is not body text.
 */

/** How many units under the headline the body may start at, at most. */
const REACH = 30;

/** What the body-start features see: a candidate first unit, and what it would skip. */
interface StartView {
  units: readonly Unit[];
  labels: Uint8Array | undefined;
  headline: number;
  /** The candidate first unit of the body. */
  index: number;
  unit: Unit;
  /** The units the byline and date were chosen from (-1: none). */
  bylineIndex: number;
  dateIndex: number;
  /** Among the units between the headline and the candidate: */
  skipped: {
    /** paragraphs (a sentence of twelve words or more, labelled story text); */
    paragraphs: number;
    /** words in all; */
    words: number;
    /** the highest content score (-10 when none is skipped). */
    best: number;
  };
}

const isStory = (view: StartView, i: number) =>
  view.labels === undefined || view.labels[i] === CONTENT;

/** What the deck's shape reads of a page: its units, headline, and chosen byline and date lines. */
export interface DeckView {
  units: readonly Unit[];
  headline: number;
  bylineIndex: number;
  dateIndex: number;
}

/** Unit `i` is the chosen byline or date line. */
const meta = (v: DeckView, i: number) => i === v.bylineIndex || i === v.dateIndex;

/** A credit or caption line. */
const credit = (u: Unit) => u.size <= 80 && hasCredit(u.text);

/**
 * Where `byline-line` stands in the table (a test checks it): the feature is 1 when a line of 16
 * words or fewer reads as a byline (bylineOf, the dearest feature), and the table leaves it as
 * -1 on such a line for the callers to read.
 */
export const BYLINE_LINE = 12;

export const BODY_START_FEATURES: readonly Feature<StartView>[] = [
  { name: 'right-below', value: (v) => v.index === v.headline + 1 },
  { name: 'two-below', value: (v) => v.index === v.headline + 2 },
  { name: 'three-below', value: (v) => v.index === v.headline + 3 },
  { name: 'offset', value: (v) => Math.log1p(v.index - v.headline) / 3 },
  { name: 'words', value: (v) => Math.log1p(v.unit.size) / 4 },
  { name: 'short', value: (v) => v.unit.size < 4 },
  { name: 'long', value: (v) => v.unit.size >= 12 },
  { name: 'terminal', value: (v) => TERMINAL.test(v.unit.text) },
  { name: 'content-score', value: (v) => Math.max(-6, Math.min(6, v.unit.score)) / 6 },
  { name: 'boilerplate', value: (v) => v.unit.boiler !== undefined },
  { name: 'bullet', value: (v) => v.unit.bullet },
  { name: 'date-line', value: (v) => isDateLine(v.unit.text) },
  // -1 on a line of 16 words or fewer: whether bylineOf reads a byline there is read by the
  // callers, bodyStartOf only where the choice turns on it (see BYLINE_LINE).
  { name: 'byline-line', value: (v) => v.unit.size <= 16 && -1 },
  { name: 'chosen-meta', value: (v) => meta(v, v.index) },
  { name: 'caption', value: (v) => credit(v.unit) },
  {
    name: 'title-case',
    value: (v) => v.unit.size >= 3 && v.unit.size <= 30 && titleCased(v.unit.text),
  },
  { name: 'starts-lower', value: (v) => /^\p{Ll}/u.test(v.unit.text) },
  { name: 'meta-below', value: (v) => meta(v, v.index + 1) },
  { name: 'meta-above', value: (v) => meta(v, v.index - 1) },
  { name: 'after-meta', value: (v) => v.index > Math.max(v.bylineIndex, v.dateIndex) },
  {
    name: 'previous-short',
    value: (v) => v.index - 1 > v.headline && v.units[v.index - 1]!.size < 4,
  },
  {
    name: 'previous-caption',
    value: (v) => v.index - 1 > v.headline && credit(v.units[v.index - 1]!),
  },
  {
    name: 'next-is-story',
    value: (v) => v.index + 1 < v.units.length && isStory(v, v.index + 1),
  },
  { name: 'skips-paragraphs', value: (v) => Math.min(3, v.skipped.paragraphs) / 3 },
  { name: 'skips-none', value: (v) => v.skipped.words === 0 },
  { name: 'skipped-words', value: (v) => Math.log1p(v.skipped.words) / 5 },
  { name: 'skipped-best', value: (v) => Math.max(-6, Math.min(6, v.skipped.best)) / 6 },
  { name: 'deck', value: (v) => deckAt(v, v.index) },
  {
    name: 'under-deck',
    value: (v) => {
      // The deck test first: on most pages it fails, and the furniture scan is not needed.
      if (v.index <= v.headline + 2 || !deckAt(v, v.headline + 1) || !prose(v, v.index))
        return false;
      for (let i = v.headline + 2; i < v.index; i++) if (prose(v, i)) return false;
      return true;
    },
  },
];

/**
 * Unit `i` reads as prose: twelve words or more, or a sentence of six or more, and not the
 * chosen byline or date line nor a credit or caption. The training's deck relabel
 * (scripts/train/text-fit.ts `deckShape`) reads the same test.
 */
export const prose = (v: DeckView, i: number) => {
  const u = v.units[i];
  return !!u && (u.size >= 12 || (u.size >= 6 && u.sentence)) && !meta(v, i) && !credit(u);
};

/**
 * Unit `i` has a deck's shape (sixteenth session, text-first8): prose of at most 60 words right
 * under the headline, with furniture (a credit, the byline or date, a short line) under it.
 */
export const deckAt = (v: DeckView, i: number) =>
  i === v.headline + 1 && v.units[i]!.size <= 60 && prose(v, i) && !prose(v, i + 1);

export const BODY_START_FEATURE_NAMES: readonly string[] =
  /* @__PURE__ */ featureNames(BODY_START_FEATURES);

/** The vector {@link eachBodyStart} reads each candidate's features into. */
const bodyStartScratch = new Float64Array(BODY_START_FEATURES.length);

/**
 * Each unit the body may start at, under `headline`, with its features in one reused vector
 * (copy it to keep it; a vector per candidate lives off the heap and costs more than scoring).
 */
function eachBodyStart(
  units: readonly Unit[],
  headline: number,
  labels: Uint8Array | undefined,
  bylineIndex: number,
  dateIndex: number,
  visit: (index: number, features: Float64Array) => void,
): void {
  const features = bodyStartScratch;
  const skipped = { paragraphs: 0, words: 0, best: -10 };
  const last = Math.min(units.length - 1, headline + REACH);
  for (let i = headline + 1; i <= last; i++) {
    const unit = units[i]!;
    const view: StartView = {
      units,
      labels,
      headline,
      index: i,
      unit,
      bylineIndex,
      dateIndex,
      skipped: { ...skipped },
    };
    visit(i, extractFeatures(BODY_START_FEATURES, view, features));
    // A deck is not skipped story text: the lede under it is judged by what else it skips.
    if (deckAt(view, i)) continue;
    skipped.words += unit.size;
    skipped.best = Math.max(skipped.best, unit.score);
    if (unit.size >= 12 && unit.sentence && (labels === undefined || labels[i] === CONTENT))
      skipped.paragraphs++;
  }
}

/** The units the body may start at, under `headline`, and their features. */
export function bodyStartCandidates(
  units: readonly Unit[],
  headline: number,
  labels: Uint8Array | undefined,
  bylineIndex: number,
  dateIndex: number,
): Array<{ index: number; features: Float64Array }> {
  const out: Array<{ index: number; features: Float64Array }> = [];
  eachBodyStart(units, headline, labels, bylineIndex, dateIndex, (index, features) => {
    if (features[BYLINE_LINE]! < 0) features[BYLINE_LINE] = +!!bylineOf(units[index]!.text);
    out.push({ index, features: features.slice() });
  });
  return out;
}

/**
 * The unit the body starts at: the best-scoring of {@link bodyStartCandidates} (the first of
 * equals; the unit under the headline when there is no candidate). A short line's
 * `byline-line` (parseByline, the dearest feature) is read only when the choice turns on it:
 * each candidate is scored with it as 0 and as 1 (rounding is monotone, so the two sums bound
 * the one with the value it reads), and a candidate's line and the best's are read only when
 * those bounds do not tell which scores higher.
 */
export function bodyStartOf(
  units: readonly Unit[],
  headline: number,
  labels: Uint8Array | undefined,
  bylineIndex: number,
  dateIndex: number,
  model: CompiledModel,
): number {
  // Whether `byline-line` raises a score: then its 1 gives the higher bound.
  const up = model.weights[BYLINE_LINE]! >= 0;
  // The best so far, and its score's bounds (the same once its line is read).
  let best = headline + 1;
  let low = -Infinity;
  let high = -Infinity;
  eachBodyStart(units, headline, labels, bylineIndex, dateIndex, (index, features) => {
    const open = features[BYLINE_LINE]! < 0;
    if (open) features[BYLINE_LINE] = +!up;
    let l = linearScore(model, features);
    if (open) features[BYLINE_LINE] = +up;
    let h = linearScore(model, features);
    // Not above the best whatever either reads; else above it whatever both read; else read both.
    if (h <= low) return;
    if (l <= high) {
      if (high > low) low = high = !bylineOf(units[best]!.text) !== up ? high : low;
      if (h > l) l = h = !bylineOf(units[index]!.text) !== up ? h : l;
      if (l <= low) return;
    }
    best = index;
    low = l;
    high = h;
  });
  return best;
}
