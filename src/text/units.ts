import { isCaption } from './caption.js';
import type { Line } from './lines.js';
import { boilerplateRule, SLUG } from './patterns.js';

/** A paragraph-sized run of lines. */
export interface Unit {
  first: Line;
  last: Line;
  text: string;
  bullet: boolean;
  size: number;
  sentence: boolean;
  /** The kind of boilerplate the unit is (`advertisement`, `share`, …), or undefined. */
  boiler: string | undefined;
  score: number;
}

export const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
export const SENTENCE_END = /[.!?。！？…:;"”’'»)\]]$/u;
export const TERMINAL_NEAR_END = /[.!?。！？][^.!?。！？]{0,12}$/u;
export const TERMINAL = /[.!。！…]["”’'»)]?$/u;
export const LETTER = /\p{L}/u;
export const SITE_SUFFIX = /\s+(?:[|–—-]|::|·)\s+[^|–—]{2,60}$/u;
export const BREADCRUMB_SPLIT = /\s*(?:>|›|»|\/|\||→)\s*/u;
export const HOME = /^(?:home|start|startseite|accueil|inicio|homepage|首页|ホーム)$/i;
export const SEPARATED_TAIL = /^[^|>›»]{1,40}(?:\s*[|>›»]\s*)/u;
export const BYLINE_START = /^(?:by|von|par|por|written by|words by|posted by|reported by)\s+\S/i;
export const TITLE_CASE = /^[\p{Lu}\d"“‘'(]/u;

/** A capital letter, after an opening quote or parenthesis, read at `lastIndex`. */
const CAPITAL_AT = /["“‘'(]?\p{Lu}/uy;

/** Whether most longer words are capitalised, as in English Title Case headlines. */
export function titleCased(text: string): boolean {
  let long = 0;
  let upper = 0;
  // Words are the parts between single spaces, as `text.split(' ')` gives them.
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    if (end - start >= 4) {
      long++;
      CAPITAL_AT.lastIndex = start;
      if (CAPITAL_AT.test(text) && CAPITAL_AT.lastIndex <= end) upper++;
    }
    start = end + 1;
  }
  return long >= 3 && upper / long >= 0.75;
}
export const META_WORDS =
  /^(?:updated|published|posted|last updated|modified|first published|date|by|from(?!\s.{1,80}\sto\s)|written by|words by|reported by|par|von|por|photos?|photographs?|image|share|comments?|\d+ comments?|min read|topics?:|tags?:|filed (?:to|under):?|previous|next|welcome to|read more|see more|more from)(?![\p{L}\p{N}])/iu;

const BEYOND_THAI_START = /[\u0e00-\uffff]/;

/** Count words; CJK and Thai characters count half a word each. */
export function sizeOf(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  // Thai (U+0E00) is the first script CJK counts; text below it has no CJK characters.
  const high = BEYOND_THAI_START.test(text);
  const cjk = !high || text.length > 2000 ? 0 : (text.match(CJK)?.length ?? 0);
  return cjk > 0 ? Math.max(words, cjk / 2) : words;
}

export function boilerplateOf(text: string): string | undefined {
  if (text.length > 300) return undefined;
  return boilerplateRule(text)?.kind;
}

/** Decide whether the text is hard-wrapped (wire copy, e-mail): most lines in a narrow band. */
export function isHardWrapped(lines: readonly Line[]): boolean {
  let nonBlank = 0;
  let band = 0;
  let followed = 0;
  let long = 0;
  for (let i = 0; i < lines.length; i++) {
    const length = lines[i]!.text.length;
    if (length === 0) continue;
    nonBlank++;
    if (length > 110) long++;
    if (length >= 45 && length <= 95) band++;
    const next = lines[i + 1];
    if (next && next.text.length > 0 && !next.bullet) followed++;
  }
  return (
    nonBlank >= 4 && long / nonBlank <= 0.1 && band / nonBlank >= 0.5 && followed / nonBlank >= 0.4
  );
}

export function makeUnit(first: Line, last: Line, text: string, bullet: boolean): Unit {
  const size = sizeOf(text);
  const sentence = SENTENCE_END.test(text);
  const boiler = boilerplateOf(text);
  let score: number;
  if (boiler) score = -4;
  else if (bullet) score = size >= 10 && sentence ? size * 0.5 : -3;
  else if (size >= 12 && sentence) score = Math.min(size, 120);
  else if (size >= 20) score = Math.min(size, 120) * (TERMINAL_NEAR_END.test(text) ? 0.6 : 0.25);
  else if (size >= 6 && TERMINAL.test(text)) score = size * 0.5;
  else if (TERMINAL.test(text) && LETTER.test(text)) score = 0.5;
  else if (size >= 4 && size <= 60 && isCaption(text)) score = 1;
  else score = -2;
  return { first, last, text, bullet, size, sentence, boiler, score };
}

/** A line that goes on a sentence: it starts with a lowercase letter. */
const RUNS_ON = /^\p{Ll}/u;

/** Group lines into units: one per line, or per paragraph of hard-wrapped lines. */
export function toUnits(lines: readonly Line[]): Unit[] {
  const units: Unit[] = [];
  const wrapped = isHardWrapped(lines);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text.length === 0) {
      i++;
      continue;
    }
    let last = line;
    let text = line.text;
    if (!line.bullet) {
      while (i + 1 < lines.length) {
        const next = lines[i + 1]!;
        if (next.text.length === 0 || next.bullet || next.indent > last.indent) break;
        if (last.text.length < 40 || SLUG.test(last.text)) break;
        if (text.length > 20000) break;
        // In text that is not hard-wrapped as a whole, a line still runs on into the next
        // when it stops mid-sentence and the next goes on in lowercase.
        if (
          !wrapped &&
          !(
            RUNS_ON.test(next.text) &&
            !SENTENCE_END.test(last.text) &&
            boilerplateOf(next.text) === undefined
          )
        )
          break;
        text =
          last.text.endsWith('-') && RUNS_ON.test(next.text) && !last.text.endsWith(' -')
            ? `${text}${next.text}`
            : `${text} ${next.text}`;
        last = next;
        i++;
      }
    }
    units.push(makeUnit(line, last, text, line.bullet));
    i++;
  }
  return units;
}

/** A valley of furniture has this many units or more, all scoring ≤ 0… */
const VALLEY_UNITS = 6;
/** …scores summing to this or less… */
const VALLEY_DEPTH = -12;
/** …and this many boilerplate lines (share rows, related links) or more among them. */
const VALLEY_FURNITURE = 2;
/** What follows the last valley is dropped when it scores under this share of what precedes it. */
const MINOR_TAIL = 0.35;

/**
 * The article region: the best-scoring contiguous run of units (maximum subarray), less a
 * small part at its end cut off by a long valley of furniture (a teaser or comment block
 * under the story, carried along by the sum).
 */
export function mainRegion(units: readonly Unit[]): [number, number] {
  const [start, end] = bestRun(units);
  const parts = regionParts(units, start, end, VALLEY_FURNITURE);
  const minor = minorParts([...parts].reverse());
  return [start, parts[parts.length - 1 - minor]![1]];
}

/**
 * How many parts, from the first of `parts` on, each score under {@link MINOR_TAIL} of what
 * is left after them (never all of them): the small ends of a region cut off by valleys.
 */
function minorParts(parts: ReadonlyArray<readonly [number, number, number]>): number {
  let total = parts.reduce((sum, part) => sum + part[2], 0);
  let count = 0;
  while (count < parts.length - 1 && parts[count]![2] < MINOR_TAIL * (total - parts[count]![2])) {
    total -= parts[count]![2];
    count++;
  }
  return count;
}

/** The parts of units `start` to `end` between valleys of furniture, as [first, last, score]. */
function regionParts(
  units: readonly Unit[],
  start: number,
  end: number,
  furniture: number,
): Array<[number, number, number]> {
  const parts: Array<[number, number, number]> = [];
  let partStart = start;
  let partScore = 0;
  let valleyStart = -1;
  let valleyScore = 0;
  let valleyFurniture = 0;
  for (let i = start; i <= end; i++) {
    const unit = units[i]!;
    if (unit.score <= 0) {
      if (valleyStart < 0) {
        valleyStart = i;
        valleyScore = 0;
        valleyFurniture = 0;
      }
      valleyScore += unit.score;
      if (unit.boiler) valleyFurniture++;
      continue;
    }
    if (valleyStart >= 0) {
      if (
        i - valleyStart >= VALLEY_UNITS &&
        valleyScore <= VALLEY_DEPTH &&
        valleyFurniture >= furniture
      ) {
        parts.push([partStart, valleyStart - 1, partScore]);
        partStart = i;
        partScore = 0;
      } else partScore += valleyScore;
      valleyStart = -1;
    }
    partScore += unit.score;
  }
  parts.push([partStart, end, partScore]);
  return parts;
}

/**
 * Where the story starts when a small part at the top of the region is cut off by a long
 * valley of furniture (a cookie notice or sign-up prompts above the masthead): `afterTop` is
 * the first unit after that part (where the valley begins), `story` the first unit after the
 * valley. Undefined when the region has no such top.
 */
export function storyStart(
  units: readonly Unit[],
  start: number,
  end: number,
): { afterTop: number; story: number } | undefined {
  const parts = regionParts(units, start, end, 0);
  const first = minorParts(parts);
  return first === 0 ? undefined : { afterTop: parts[first - 1]![1] + 1, story: parts[first]![0] };
}

/** The best-scoring contiguous run of units (maximum subarray). */
function bestRun(units: readonly Unit[]): [number, number] {
  let best = Number.NEGATIVE_INFINITY;
  let bestStart = 0;
  let bestEnd = units.length - 1;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < units.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += units[i]!.score;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return [bestStart, bestEnd];
}
