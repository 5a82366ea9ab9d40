import { parseCaption } from '../fields/index.js';
import {
  type Feature,
  featureNames,
  linearScore,
  type Transitions,
  viterbi,
} from '../model/index.js';
import type { CompiledModel } from '../model/linear.js';
import { findDate } from './dates.js';
import { memoized } from './memo.js';
import { BOILERPLATE, COPYRIGHT, SLUG } from './patterns.js';
import {
  BYLINE_START,
  CJK,
  LETTER,
  TERMINAL,
  TERMINAL_NEAR_END,
  titleCased,
  type Unit,
} from './units.js';

/**
 * Which lines of a page are the story: every unit (line or paragraph) gets a content score from
 * a logistic model over shallow text features of the unit and its neighbours (Kohlschütter et
 * al. 2010, "Boilerplate Detection using Shallow Text Features"), and Viterbi decoding over
 * the labels below reads the page as furniture, then the story (with furniture inside it), then
 * furniture again. Weights and transitions are fitted by `npm run train`.
 */

/** The story labels, in the order of the transition tables. */
export const STORY_LABELS = ['before', 'content', 'inside', 'after'] as const;
export const BEFORE = 0;
export const CONTENT = 1;
export const INSIDE = 2;
export const AFTER = 3;

const URL_LIKE = /https?:|www\.|\S@\S|\.(?:com|org|net)\b/i;
const SEPARATOR = /\s[|·•/»›>]\s/gu;
const CAPITALISED = /(?:^|\s)["“‘'(]?\p{Lu}/gu;
const WORD_START = /(?:^|\s)\S/gu;
const DIGITS = /\d/gu;
const QUOTE_START = /^["“„«‘'‹「『]/u;
const STARTS_LOWER = /^\p{Ll}/u;
const ENDS_COLON = /[:：]$/u;
const CREDIT_HINT = /photo|pictur|image|illustr|credit|foto|bild|getty|reuters|afp|\bap\b|\/|©/i;
const QUESTION = /\?["”’'»)]?$/u;
const ENDS_BRACKET = /\]$/u;

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  pattern.lastIndex = 0;
  return n;
}

/** Whether a line reads as a photo caption with a credit (field parser), remembered per parse. */
export const hasCredit = memoized(
  (text: string): boolean =>
    text.length <= 400 && CREDIT_HINT.test(text) && parseCaption(text).credit !== undefined,
);

/** Whether a date covers most of the line (a date line). */
function dateLine(text: string): boolean {
  if (text.length > 120) return false;
  const date = findDate(text);
  return date !== undefined && date.length >= text.length * 0.4;
}

/** What the features of one unit see: the unit, and the page around it. */
export interface UnitView {
  unit: Unit;
  index: number;
  count: number;
  /** Words of the page's longest unit (at least 1). */
  maxSize: number;
  /** The units around this one (three each side, itself included). */
  window: {
    words: number;
    sentences: number;
    short: number;
    /** Shares of short and of boilerplate units among the {@link SIDE} units before and after. */
    beforeShort: number;
    beforeBoiler: number;
    afterShort: number;
    afterBoiler: number;
  };
}

/** How many units before and after a unit its one-sided window features read. */
const SIDE = 6;

/** How far the window of {@link UnitView} reaches on each side. */
const WINDOW = 3;

/** Features of a unit on its own, also read for its neighbours (`prev:` and `next:`). */
const OWN: readonly Feature<UnitView>[] = [
  { name: 'words', value: ({ unit }) => Math.log1p(unit.size) / 4 },
  { name: 'words>=12', value: ({ unit }) => unit.size >= 12 },
  { name: 'words>=30', value: ({ unit }) => unit.size >= 30 },
  { name: 'words<4', value: ({ unit }) => unit.size < 4 },
  { name: 'sentence-end', value: ({ unit }) => unit.sentence },
  { name: 'terminal', value: ({ unit }) => TERMINAL.test(unit.text) },
  { name: 'boilerplate', value: ({ unit }) => unit.boiler !== undefined },
  { name: 'bullet', value: ({ unit }) => unit.bullet },
  { name: 'date-line', value: ({ unit }) => dateLine(unit.text) },
  { name: 'credit', value: ({ unit }) => unit.size <= 80 && hasCredit(unit.text) },
];

/** Features of a unit only. */
const SELF: readonly Feature<UnitView>[] = [
  ...BOILERPLATE.map(
    (rule): Feature<UnitView> => ({
      name: `boilerplate:${rule.kind.replaceAll(' ', '-')}`,
      value: ({ unit }) => unit.boiler === rule.kind,
    }),
  ),
  { name: 'numbered', value: ({ unit }) => unit.first.numbered },
  { name: 'terminal-near-end', value: ({ unit }) => TERMINAL_NEAR_END.test(unit.text) },
  { name: 'question', value: ({ unit }) => QUESTION.test(unit.text) },
  { name: 'chars', value: ({ unit }) => Math.log1p(unit.text.length) / 7 },
  {
    name: 'mean-word-length',
    value: ({ unit }) => Math.min(3, unit.text.length / Math.max(1, unit.size) / 6),
  },
  {
    name: 'capitalised-words',
    value: ({ unit }) =>
      unit.text.length > 600
        ? 0.2
        : count(CAPITALISED, unit.text) / Math.max(1, count(WORD_START, unit.text)),
  },
  {
    name: 'digits',
    value: ({ unit }) =>
      unit.text.length > 600 ? 0 : Math.min(1, (count(DIGITS, unit.text) / unit.text.length) * 4),
  },
  { name: 'separators', value: ({ unit }) => Math.min(3, count(SEPARATOR, unit.text)) / 3 },
  { name: 'url', value: ({ unit }) => URL_LIKE.test(unit.text) },
  { name: 'copyright', value: ({ unit }) => COPYRIGHT.test(unit.text) },
  { name: 'byline-intro', value: ({ unit }) => BYLINE_START.test(unit.text) },
  { name: 'title-case', value: ({ unit }) => unit.size >= 3 && titleCased(unit.text) },
  { name: 'starts-lower', value: ({ unit }) => STARTS_LOWER.test(unit.text) },
  { name: 'quote-start', value: ({ unit }) => QUOTE_START.test(unit.text) },
  { name: 'ends-colon', value: ({ unit }) => ENDS_COLON.test(unit.text) },
  { name: 'no-letters', value: ({ unit }) => !LETTER.test(unit.text) },
  {
    name: 'cjk',
    value: ({ unit }) => {
      const found = CJK.test(unit.text);
      CJK.lastIndex = 0;
      return found;
    },
  },
  { name: 'slug', value: ({ unit }) => SLUG.test(unit.text) },
  { name: 'relative-size', value: ({ unit, maxSize }) => Math.min(unit.size, maxSize) / maxSize },
  { name: 'ends-bracket', value: ({ unit }) => ENDS_BRACKET.test(unit.text) },
  { name: 'window-words', value: ({ window }) => Math.log1p(window.words) / 6 },
  { name: 'window-sentences', value: ({ window }) => window.sentences },
  { name: 'window-short', value: ({ window }) => window.short },
  { name: 'before-short', value: ({ window }) => window.beforeShort },
  { name: 'before-boilerplate', value: ({ window }) => window.beforeBoiler },
  { name: 'after-short', value: ({ window }) => window.afterShort },
  { name: 'after-boilerplate', value: ({ window }) => window.afterBoiler },
  { name: 'position', value: ({ index, count }) => (count <= 1 ? 0 : index / (count - 1)) },
  { name: 'first-lines', value: ({ index }) => index < 3 },
  { name: 'last-lines', value: ({ index, count }) => index >= count - 3 },
];

/** Names of the content model's features: own, neighbours', then the unit's alone. */
export const CONTENT_FEATURES: readonly string[] = [
  ...featureNames(OWN),
  ...featureNames(OWN).map((name) => `prev:${name}`),
  ...featureNames(OWN).map((name) => `next:${name}`),
  ...featureNames(OWN).map((name) => `prev2:${name}`),
  ...featureNames(OWN).map((name) => `next2:${name}`),
  ...featureNames(SELF),
  'prev:none',
  'next:none',
];

/**
 * The content model's feature vectors of every unit, row-major (`units.length ×
 * CONTENT_FEATURES.length`).
 */
export function contentFeatures(units: readonly Unit[]): Float64Array {
  const n = units.length;
  const own = OWN.length;
  const width = CONTENT_FEATURES.length;
  let maxSize = 1;
  for (const unit of units) maxSize = Math.max(maxSize, unit.size);
  const base = new Float64Array(n * own);
  const window = {
    words: 0,
    sentences: 0,
    short: 0,
    beforeShort: 0,
    beforeBoiler: 0,
    afterShort: 0,
    afterBoiler: 0,
  };
  // Prefix counts of short and boilerplate units, for the one-sided windows.
  const shortBefore = new Int32Array(n + 1);
  const boilerBefore = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    shortBefore[i + 1] = shortBefore[i]! + (units[i]!.size < 4 ? 1 : 0);
    boilerBefore[i + 1] = boilerBefore[i]! + (units[i]!.boiler ? 1 : 0);
  }
  const view: UnitView = { unit: units[0]!, index: 0, count: n, maxSize, window };
  for (let i = 0; i < n; i++) {
    view.unit = units[i]!;
    view.index = i;
    for (let f = 0; f < own; f++) base[i * own + f] = Number(OWN[f]!.value(view)) || 0;
  }
  const out = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const row = i * width;
    view.unit = units[i]!;
    view.index = i;
    let words = 0;
    let sentences = 0;
    let short = 0;
    const from = Math.max(0, i - WINDOW);
    const to = Math.min(n - 1, i + WINDOW);
    for (let j = from; j <= to; j++) {
      const unit = units[j]!;
      words += unit.size;
      if (unit.sentence && unit.size >= 8) sentences++;
      if (unit.size < 4) short++;
    }
    window.words = words;
    window.sentences = sentences / (to - from + 1);
    window.short = short / (to - from + 1);
    const before = Math.max(0, i - SIDE);
    const after = Math.min(n, i + 1 + SIDE);
    window.beforeShort = i > before ? (shortBefore[i]! - shortBefore[before]!) / (i - before) : 0;
    window.beforeBoiler =
      i > before ? (boilerBefore[i]! - boilerBefore[before]!) / (i - before) : 0;
    window.afterShort =
      after > i + 1 ? (shortBefore[after]! - shortBefore[i + 1]!) / (after - i - 1) : 0;
    window.afterBoiler =
      after > i + 1 ? (boilerBefore[after]! - boilerBefore[i + 1]!) / (after - i - 1) : 0;
    const copy = (from: number, at: number) => {
      if (from < 0 || from >= n) return;
      for (let f = 0; f < own; f++) out[row + at + f] = base[from * own + f]!;
    };
    copy(i, 0);
    copy(i - 1, own);
    copy(i + 1, 2 * own);
    copy(i - 2, 3 * own);
    copy(i + 2, 4 * own);
    let at = 5 * own;
    for (const feature of SELF) out[row + at++] = Number(feature.value(view)) || 0;
    out[row + at++] = i === 0 ? 1 : 0;
    out[row + at] = i === n - 1 ? 1 : 0;
  }
  return out;
}

/** Each unit's content score (log-odds of being story text). */
export function contentScores(
  units: readonly Unit[],
  model: CompiledModel,
  features: Float64Array = contentFeatures(units),
): Float64Array {
  const width = CONTENT_FEATURES.length;
  const scores = new Float64Array(units.length);
  for (let i = 0; i < units.length; i++)
    scores[i] = linearScore(model, features.subarray(i * width, (i + 1) * width));
  return scores;
}

/**
 * How the story labels are decoded from content scores: each score is read as
 * `scale × score + bias` log-odds, and moving from furniture into the story (`enter`), out of
 * it for good (`leave`), or into and out of furniture inside it (`gapOpen`, `gapClose`) costs
 * that much. Staying costs nothing, so the length of the furniture runs does not matter.
 */
export interface StoryDecoder {
  bias: number;
  scale: number;
  enter: number;
  leave: number;
  gapOpen: number;
  gapClose: number;
}

const NEVER = Number.NEGATIVE_INFINITY;

/** The transition table of a {@link StoryDecoder}. */
export function storyTransitions(d: StoryDecoder): Transitions {
  return {
    labels: STORY_LABELS,
    start: [0, -d.enter, NEVER, NEVER],
    next: [
      [0, -d.enter, NEVER, NEVER],
      [NEVER, 0, -d.gapOpen, -d.leave],
      [NEVER, -d.gapClose, 0, NEVER],
      [NEVER, NEVER, NEVER, 0],
    ],
    end: [0, 0, NEVER, 0],
  };
}

/**
 * The story label of every unit: Viterbi over {@link STORY_LABELS}, each unit's content score
 * split into a log-probability of content and of not-content.
 */
export function storyLabels(
  scores: Float64Array,
  decoder: StoryDecoder,
  transitions: Transitions = storyTransitions(decoder),
): Uint8Array {
  const n = scores.length;
  const emissions = new Float64Array(n * STORY_LABELS.length);
  for (let i = 0; i < n; i++) {
    const s = decoder.scale * scores[i]! + decoder.bias;
    // log σ(s) and log σ(-s), computed stably.
    const content = s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s));
    const other = content - s;
    emissions[i * 4 + BEFORE] = other;
    emissions[i * 4 + CONTENT] = content;
    emissions[i * 4 + INSIDE] = other;
    emissions[i * 4 + AFTER] = other;
  }
  return viterbi(emissions, n, transitions);
}
