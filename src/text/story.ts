import { parseCaptionUnchecked } from '../fields/parse-caption.js';
import {
  type Feature,
  featureNames,
  featureValue,
  linearScore,
  type Transitions,
  viterbi,
} from '../model/index.js';
import type { CompiledModel } from '../model/linear.js';
import type { Caption } from '../schema/index.js';
import { isDateLine, memoized } from './memo.js';
import { labelledNumbers } from './numbers.js';
import { BOILERPLATE, COPYRIGHT, SLUG } from './patterns.js';
import {
  CJK,
  LETTER,
  opensWithBy,
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

const AT = /\S@\S/;

/** Whether a text has a URL, an e-mail address or a `.com`/`.org`/`.net` name. */
function urlLike(text: string): boolean {
  if (text.includes('://') || text.includes('www.')) return true;
  if (text.includes('@') && AT.test(text)) return true;
  return text.includes('.com') || text.includes('.org') || text.includes('.net');
}
/** Characters that separate the parts of a menu row or a metadata line when spaced: `a | b`. */
const separatorCode = (code: number): boolean =>
  code === 0x7c || // |
  code === 0xb7 || // ·
  code === 0x2022 || // •
  code === 0x2f || // /
  code === 0xbb || // »
  code === 0x203a || // ›
  code === 0x3e; // >
/** Quotes and brackets that may open a capitalised word: `“The`, `(Ana`. */
const openerCode = (code: number): boolean =>
  code === 0x22 || // "
  code === 0x201c || // “
  code === 0x2018 || // ‘
  code === 0x27 || // '
  code === 0x28; // (
const UPPER = /^\p{Lu}/u;
const QUOTE_START = /^["“„«‘'‹「『]/u;
const STARTS_LOWER = /^\p{Ll}/u;
const ENDS_COLON = /[:：]$/u;
const CREDIT_HINT = /photo|pictur|image|illustr|credit|foto|bild|getty|reuters|afp|\bap\b|\/|©/i;
const QUESTION = /\?["”’'»)]?$/u;
const ENDS_BRACKET = /\]$/u;

/** Counts in one pass over a unit's head: words, capitalised words, digits, spaced separators. */
interface Shape {
  words: number;
  capitalised: number;
  digits: number;
  separators: number;
}

/** A digit 0–9, searched for from `lastIndex`. */
const DIGIT = /[0-9]/g;

function shapeOf(text: string): Shape {
  const shape: Shape = { words: 0, capitalised: 0, digits: 0, separators: 0 };
  // Words start at the text's start or after a space: the spaces are found with `indexOf`.
  const length = text.length;
  for (let space = -1; space < length; ) {
    const i = space + 1;
    const next = text.indexOf(' ', i);
    const code = text.charCodeAt(i);
    if (i < length && code !== 32) {
      shape.words++;
      // A quote or bracket may open the word: `“The`, `(Ana`.
      const opener = openerCode(code);
      const first = opener ? text.charCodeAt(i + 1) : code;
      if (first < 128 ? first >= 65 && first <= 90 : UPPER.test(text[opener ? i + 1 : i] ?? ''))
        shape.capitalised++;
      if (separatorCode(code) && text.charCodeAt(i + 1) === 32) shape.separators++;
    }
    space = next < 0 ? length : next;
  }
  // Digits come in runs (years, prices): find each run, then read to its end.
  DIGIT.lastIndex = 0;
  while (DIGIT.test(text)) {
    let i = DIGIT.lastIndex;
    shape.digits++;
    for (let code = text.charCodeAt(i); code >= 48 && code <= 57; code = text.charCodeAt(++i))
      shape.digits++;
    DIGIT.lastIndex = i;
  }
  return shape;
}

/**
 * A line read as a photo caption with a credit by the field parser (`parseCaption`), or
 * undefined; remembered per parse. Only lines that end with a sign of a credit (`Photo`, a
 * slash, `©`, an agency) are read: a line that is only an outlet's name (`Daily News`) is no
 * caption on a page, though it would be a credit in a caption.
 */
export const captionIn = memoized((text: string): Caption | undefined => {
  if (text.length > 400 || !CREDIT_HINT.test(text.length > 120 ? text.slice(-120) : text))
    return undefined;
  const caption = parseCaptionUnchecked(text);
  return caption.credit === undefined ? undefined : caption;
});

/** Whether a line reads as a photo caption with a credit (see {@link captionIn}). */
export function hasCredit(text: string): boolean {
  return captionIn(text) !== undefined;
}

/** What the features of one unit see: the unit, and the page around it. */
export interface UnitView {
  unit: Unit;
  /** The unit's first {@link HEAD} characters, for the features that count characters. */
  head: string;
  /** Counts over `head`. */
  shape: Shape;
  /** The unit's last {@link TAIL} characters, for the patterns anchored at its end. */
  tail: string;
  index: number;
  count: number;
  /** Words of the page's longest unit (at least 1). */
  maxSize: number;
  /** What stands above the unit that says the story may be over (see {@link endMarks}). */
  end: {
    /** End marks above, after the page's first {@link STORY_WORDS} words of prose (at most 3). */
    marks: number;
    /** Words of prose between the last such mark and this unit (0 when none is above). */
    since: number;
    /**
     * Words of prose between the last end heading ({@link END_HEADING}) at or above the unit,
     * after the first prose, and the unit; -Infinity when none is.
     */
    heading: number;
  };
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

/** Where the units whose {@link OWN} features a unit's vector holds stand: itself, then its neighbours. */
const NEIGHBOURS = [0, -1, 1, -2, 2] as const;

/** How many characters of a unit the counting features read (a paragraph's head says enough). */
const HEAD = 300;

/** How many characters of a unit's end the end-anchored patterns read. */
const TAIL = 24;

/** How far the window of {@link UnitView} reaches on each side. */
const WINDOW = 3;

/**
 * Lines that close an article on most pages: a comments heading or form, a tags or
 * categories line, a copyright line, an author box, a list of related posts.
 */
const END_MARK =
  /^(?:(?:tags?|filed under|categor(?:y|ies)|labels?|topics?|schlagwörter|themen) ?[:：]|(?:\d+ )?(?:(?:reader )?comments?|kommentare?|commentaires?|comentarios?|leave a (?:reply|comment)|comments are closed|about the author|(?:related|recent|more) (?:posts|articles|stories)|share this) ?[:.!]?$)/i;
/**
 * Headings over what follows many articles, in several languages: related or recent posts,
 * more on the topic, read also, you may also like, about the author, a comment form. Weaker
 * than {@link END_MARK} (some stand mid-story), so read by features of their own.
 */
const END_HEADING =
  /^(?:(?:beitrag |mit freunden )?teilen|(?:ähnliche|neueste) (?:beiträge|artikel)|mehr zum thema|(?:zum )?weiterlesen|lesen sie auch|das könnte (?:sie|dich) auch|weitere (?:artikel|beiträge|themen|informationen)|schreibe einen kommentar|noticias relacionadas|(?:à )?lire aussi|articoli correlati)/i;
/** Furniture kinds that close an article (share rows are left out: many stand mid-story). */
const END_KINDS = new Set(['follow or subscribe prompt', 'related link']);
/** Words of prose (sentences of 12 words or more) above a mark before it counts as an end mark. */
const STORY_WORDS = 60;

/** Whether a unit is a line that closes articles (see {@link END_MARK}). */
function endMark(unit: Unit): boolean {
  if (unit.boiler !== undefined) return END_KINDS.has(unit.boiler);
  return unit.text.length <= 120 && (END_MARK.test(unit.text) || COPYRIGHT.test(unit.text));
}

/**
 * For each unit: how many end marks stand above it after the page's first {@link STORY_WORDS}
 * words of prose (a related-links row under the headline is not an end), and how many words of prose
 * lie between the last of them and the unit. One pass.
 */
function endMarks(units: readonly Unit[]): {
  marks: Uint8Array;
  since: Float64Array;
  heading: Float64Array;
} {
  const marks = new Uint8Array(units.length);
  const since = new Float64Array(units.length);
  // Words of prose since the last end heading, or -Infinity while none is above.
  const heading = new Float64Array(units.length);
  let prose = 0;
  let count = 0;
  let after = 0;
  let head = -Infinity;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    marks[i] = count;
    since[i] = after;
    const words = unit.size >= 12 && unit.sentence ? unit.size : 0;
    heading[i] = head =
      prose >= STORY_WORDS && unit.text.length <= 60 && END_HEADING.test(unit.text)
        ? 0
        : head + words;
    if (prose >= STORY_WORDS && endMark(unit)) {
      count = Math.min(3, count + 1);
      after = 0;
    } else if (count > 0) after += words;
    prose += words;
  }
  return { marks, since, heading };
}

/** Features of a unit on its own, also read for its neighbours (`prev:` and `next:`). */
export const OWN: readonly Feature<UnitView>[] = [
  { name: 'words', value: (v) => Math.log1p(v.unit.size) / 4 },
  { name: 'words>=12', value: (v) => v.unit.size >= 12 },
  { name: 'words>=30', value: (v) => v.unit.size >= 30 },
  { name: 'words<4', value: (v) => v.unit.size < 4 },
  { name: 'sentence-end', value: (v) => v.unit.sentence },
  { name: 'terminal', value: (v) => TERMINAL.test(v.tail) },
  { name: 'boilerplate', value: (v) => v.unit.boiler !== undefined },
  { name: 'bullet', value: (v) => v.unit.bullet },
  { name: 'date-line', value: (v) => isDateLine(v.unit.text) },
  { name: 'credit', value: (v) => v.unit.size <= 80 && hasCredit(v.unit.text) },
];

/** Features of a unit only. */
export const SELF: readonly Feature<UnitView>[] = [
  ...BOILERPLATE.map(
    (rule): Feature<UnitView> => ({
      name: `boilerplate:${rule.kind.replaceAll(' ', '-')}`,
      value: (v) => v.unit.boiler === rule.kind,
    }),
  ),
  { name: 'numbered', value: (v) => v.unit.first.numbered },
  { name: 'terminal-near-end', value: (v) => TERMINAL_NEAR_END.test(v.tail) },
  { name: 'question', value: (v) => QUESTION.test(v.tail) },
  { name: 'chars', value: (v) => Math.log1p(v.unit.text.length) / 7 },
  {
    name: 'mean-word-length',
    value: (v) => Math.min(3, v.unit.text.length / Math.max(1, v.unit.size) / 6),
  },
  {
    name: 'capitalised-words',
    value: (v) => v.shape.capitalised / Math.max(1, v.shape.words),
  },
  {
    name: 'digits',
    value: (v) => Math.min(1, (v.shape.digits / Math.max(1, v.head.length)) * 4),
  },
  { name: 'labelled-numbers', value: (v) => labelledNumbers(v.head) },
  { name: 'separators', value: (v) => Math.min(3, v.shape.separators) / 3 },
  { name: 'url', value: (v) => urlLike(v.head) },
  { name: 'copyright', value: (v) => COPYRIGHT.test(v.unit.text) },
  { name: 'byline-intro', value: (v) => opensWithBy(v.unit.text) },
  {
    name: 'title-case',
    value: (v) => v.unit.size >= 3 && v.unit.size <= 40 && titleCased(v.unit.text),
  },
  { name: 'starts-lower', value: (v) => STARTS_LOWER.test(v.unit.text) },
  { name: 'quote-start', value: (v) => QUOTE_START.test(v.unit.text) },
  { name: 'ends-colon', value: (v) => ENDS_COLON.test(v.tail) },
  { name: 'no-letters', value: (v) => !LETTER.test(v.unit.text) },
  {
    name: 'cjk',
    value: (v) => {
      const found = CJK.test(v.unit.text.length > HEAD ? v.unit.text.slice(0, HEAD) : v.unit.text);
      CJK.lastIndex = 0;
      return found;
    },
  },
  { name: 'slug', value: (v) => SLUG.test(v.unit.text) },
  { name: 'relative-size', value: (v) => Math.min(v.unit.size, v.maxSize) / v.maxSize },
  { name: 'ends-bracket', value: (v) => ENDS_BRACKET.test(v.tail) },
  { name: 'window-words', value: (v) => Math.log1p(v.window.words) / 6 },
  { name: 'window-sentences', value: (v) => v.window.sentences },
  { name: 'window-short', value: (v) => v.window.short },
  { name: 'before-short', value: (v) => v.window.beforeShort },
  { name: 'before-boilerplate', value: (v) => v.window.beforeBoiler },
  { name: 'after-short', value: (v) => v.window.afterShort },
  { name: 'after-boilerplate', value: (v) => v.window.afterBoiler },
  { name: 'past-end', value: (v) => v.end.marks > 0 },
  { name: 'end-marks', value: (v) => v.end.marks / 3 },
  { name: 'prose-since-end', value: (v) => (v.end.marks > 0 ? Math.log1p(v.end.since) / 7 : 0) },
  { name: 'past-heading', value: (v) => v.end.heading >= 0 },
  { name: 'prose-since-heading', value: (v) => Math.log1p(Math.max(0, v.end.heading)) / 7 },
  { name: 'position', value: (v) => (v.count <= 1 ? 0 : v.index / (v.count - 1)) },
  { name: 'first-lines', value: (v) => v.index < 3 },
  { name: 'last-lines', value: (v) => v.index >= v.count - 3 },
];

/**
 * Names of the content model's features: own, neighbours', then the unit's alone. (Made by a
 * function marked pure, so that a bundle that reads no names, as parseText's, leaves it out.)
 */
export const CONTENT_FEATURES: readonly string[] = /* @__PURE__ */ (() => [
  ...featureNames(OWN),
  ...featureNames(OWN).map((name) => `prev:${name}`),
  ...featureNames(OWN).map((name) => `next:${name}`),
  ...featureNames(OWN).map((name) => `prev2:${name}`),
  ...featureNames(OWN).map((name) => `next2:${name}`),
  ...featureNames(SELF),
  'prev:none',
  'next:none',
])();

/**
 * The content model's feature vectors of every unit, row-major (`units.length ×
 * CONTENT_FEATURES.length`).
 */
export function contentFeatures(units: readonly Unit[]): Float64Array {
  const width = CONTENT_FEATURES.length;
  const out = new Float64Array(units.length * width);
  eachContentRow(units, (row, i) => out.set(row, i * width));
  return out;
}

const scratchBase = new Float64Array(64 * OWN.length);
const scratchRow = /* @__PURE__ */ new Float64Array(CONTENT_FEATURES.length);

/**
 * Each unit in turn, with what its content features read: the unit's view (its window set) and
 * the {@link OWN} features of every unit (`base`, row-major), for its neighbours' slots.
 */
function eachContentUnit(
  units: readonly Unit[],
  visit: (index: number, view: UnitView, base: Float64Array) => void,
): void {
  const n = units.length;
  const own = OWN.length;
  let maxSize = 1;
  for (const unit of units) maxSize = Math.max(maxSize, unit.size);
  // Scratch vectors, reused from call to call (a typed array of this size lives off the heap
  // and costs more to make than a page of a few units takes to score); a long page gets its own.
  const base = n * own <= scratchBase.length ? scratchBase : new Float64Array(n * own);
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
  const ends = endMarks(units);
  const end = { marks: 0, since: 0, heading: 0 };
  const view: UnitView = {
    unit: units[0]!,
    head: '',
    shape: shapeOf(''),
    tail: '',
    index: 0,
    count: n,
    maxSize,
    end,
    window,
  };
  for (let i = 0; i < n; i++) {
    view.unit = units[i]!;
    view.head = units[i]!.text.length > HEAD ? units[i]!.text.slice(0, HEAD) : units[i]!.text;
    view.tail = units[i]!.text.length > TAIL ? units[i]!.text.slice(-TAIL) : units[i]!.text;
    view.index = i;
    for (let f = 0; f < own; f++) base[i * own + f] = featureValue(OWN[f]!, view) || 0;
  }
  for (let i = 0; i < n; i++) {
    view.unit = units[i]!;
    view.head = units[i]!.text.length > HEAD ? units[i]!.text.slice(0, HEAD) : units[i]!.text;
    view.shape = shapeOf(view.head);
    view.tail = units[i]!.text.length > TAIL ? units[i]!.text.slice(-TAIL) : units[i]!.text;
    view.index = i;
    end.marks = ends.marks[i]!;
    end.since = ends.since[i]!;
    end.heading = ends.heading[i]!;
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
    visit(i, view, base);
  }
}

/**
 * Each unit's feature vector in turn, in one reused row (copy it to keep it): scoring a
 * page this way needs no `units.length × 89` matrix (47 MB for a million-character page of
 * short lines, whose memory traffic made the time grow faster than the text).
 */
function eachContentRow(
  units: readonly Unit[],
  visit: (row: Float64Array, index: number) => void,
): void {
  const n = units.length;
  const own = OWN.length;
  const row = scratchRow;
  eachContentUnit(units, (i, view, base) => {
    row.fill(0);
    // The unit's own features, then its neighbours' (zeros beyond the page's ends).
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const from = i + NEIGHBOURS[k]!;
      if (from < 0 || from >= n) continue;
      for (let f = 0; f < own; f++) row[k * own + f] = base[from * own + f]!;
    }
    let at = 5 * own;
    for (const feature of SELF) row[at++] = featureValue(feature, view) || 0;
    row[at++] = i === 0 ? 1 : 0;
    row[at] = i === n - 1 ? 1 : 0;
    visit(row, i);
  });
}

/** Each unit's content score (log-odds of being story text). */
export function contentScores(
  units: readonly Unit[],
  model: CompiledModel,
  features?: Float64Array,
): Float64Array {
  const width = CONTENT_FEATURES.length;
  const scores = new Float64Array(units.length);
  if (features !== undefined) {
    for (let i = 0; i < units.length; i++) scores[i] = linearScore(model, features, i * width);
    return scores;
  }
  // linearScore of each unit's row, summed in the row's order as the row is read (no row is
  // written): the same additions, so the same score to the last bit.
  const n = units.length;
  const own = OWN.length;
  const { weights } = model;
  eachContentUnit(units, (i, view, base) => {
    let sum = model.bias;
    let w = 0;
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const from = i + NEIGHBOURS[k]!;
      const inside = from >= 0 && from < n;
      for (let f = 0; f < own; f++) sum += weights[w++]! * (inside ? base[from * own + f]! : 0);
    }
    for (const feature of SELF) sum += weights[w++]! * (featureValue(feature, view) || 0);
    sum += weights[w++]! * (i === 0 ? 1 : 0);
    sum += weights[w]! * (i === n - 1 ? 1 : 0);
    scores[i] = sum;
  });
  return scores;
}

/**
 * How the story labels are decoded from content scores: each score is read as
 * `scale × score + bias` log-odds, and moving from furniture into the story (`enter`), out of
 * it for good (`leave`), or into and out of furniture inside it (`gapOpen`, `gapClose`) costs
 * that much, and each further unit of furniture inside it `gapStay`. Staying elsewhere costs
 * nothing.
 */
export interface StoryDecoder {
  bias: number;
  scale: number;
  enter: number;
  leave: number;
  gapOpen: number;
  gapClose: number;
  /** What each further unit of furniture inside the story costs (0 when absent). */
  gapStay?: number;
}

const NEVER = -Infinity;

/** The transition table of a {@link StoryDecoder}. */
export function storyTransitions(d: StoryDecoder): Transitions {
  return {
    labels: STORY_LABELS,
    start: [0, -d.enter, NEVER, NEVER],
    next: [
      [0, -d.enter, NEVER, NEVER],
      [NEVER, 0, -d.gapOpen, -d.leave],
      [NEVER, -d.gapClose, -(d.gapStay ?? 0), NEVER],
      [NEVER, NEVER, NEVER, 0],
    ],
    end: [0, 0, NEVER, 0],
  };
}

/** Emission scores of short pages, reused from call to call (viterbi reads the first `n × 4`). */
const scratchEmissions = new Float64Array(256);

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
  const size = n * STORY_LABELS.length;
  const emissions = size <= scratchEmissions.length ? scratchEmissions : new Float64Array(size);
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
