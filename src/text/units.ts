import { bylineIntro } from '../fields/byline-intro.js';
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
export const BREADCRUMB_SPLIT = /\s*(?:>|›|»|\/|\||→)\s*/u;
export const HOME = /^(?:home|start|startseite|accueil|inicio|homepage|首页|ホーム)$/i;
export const SEPARATED_TAIL = /^[^|>›»]{1,40}(?:\s*[|>›»]\s*)/u;
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

/**
 * Count words (runs of characters other than U+0020); CJK and Thai characters count half a
 * word each. A word starts at the text's start or after a space, so the spaces are found with
 * `indexOf` (native) instead of reading every character.
 */
export function sizeOf(text: string): number {
  const length = text.length;
  let words = length > 0 && text.charCodeAt(0) !== 32 ? 1 : 0;
  for (let space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1))
    if (space + 1 < length && text.charCodeAt(space + 1) !== 32) words++;
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
  const sentence = SENTENCE_END.test(text.length > 8 ? text.slice(-8) : text);
  const boiler = boilerplateOf(text);
  // The content score is set by the story model (see `story.ts`).
  return { first, last, text, bullet, size, sentence, boiler, score: 0 };
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

/** Intros of the `By` kind, as the field parser returns them: `by`, `written by`, `von`, `par`, `por`. */
const BY_KIND = /(?:^|\s)by$|^(?:von|par|por)$/;

/** Whether a line opens with a byline intro the field parser knows (`By`, `From`, `Text by`, `Von`, `著者`) and names after it. */
export function opensWithIntro(text: string): boolean {
  return bylineIntro(text) !== undefined;
}

/** Whether a line opens with an intro of the `By` kind (`By`, `Written by`, `Posted by`, `Von`, `Par`) and names after it. */
export function opensWithBy(text: string): boolean {
  const intro = bylineIntro(text);
  return intro !== undefined && BY_KIND.test(intro.phrase);
}
