import { months } from '../fields/date-words.js';
import type { Position } from '../schema/diagnostic.js';

/** One physical line of the input, with its place in the original string. */
export interface Line {
  /** 0-based index into the line list. */
  index: number;
  /** 1-based line number. */
  line: number;
  /** 0-based offset of the first character of the line in the input. */
  start: number;
  /** 0-based offset just past the last character (before the line break). */
  end: number;
  /** Columns of leading indentation (a tab counts as 4). */
  indent: number;
  /** Code units of leading whitespace: the text starts at column `lead + 1`. */
  lead: number;
  /** The cleaned text: NUL and control characters removed, tabs and runs of spaces collapsed, trimmed. */
  text: string;
  /** Whether the line started with a list bullet (`•`, `-`, `*`, `□`, `◦`, `1.`). */
  bullet: boolean;
  /** Whether that bullet is a number (`1.`, `2)`). */
  numbered: boolean;
}

/** Control characters, zero-width spaces and bidirectional embeddings and isolates (U+202A–U+202E, U+2066–U+2069). */
const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;
const SPACES = /[\t \u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
const BULLET = /^(?:[•◦▪▫■□●○·‣⁃∙*]|-(?=\s)|\d{1,2}[.)](?=\s))\s*/u;
const LONE_CR = /\r(?!\n)/;
/** Characters that need cleaning: control characters, tabs, odd spaces (runs of spaces are found with indexOf). */
const ODD_TEST =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const BULLET_START = /^[•◦▪▫■□●○·‣⁃∙*\-\d]/u;
const DIGIT = /^\d/;
/**
 * The word after a numbered mark when a year or the line's end follows it: `14. November 2019`
 * and `1. Mai` are dates (day first), not item 14 or item 1.
 */
const WORD_AFTER = /^\d{1,2}\.\s*(\p{L}+)\.?(?:$|[\s,]+\d)/u;

/** Whether a numbered mark is the day of a date: a month name follows it (`14. Nov. 2019`, `1. Mai`). */
function isDayOfMonth(text: string): boolean {
  const word = WORD_AFTER.exec(text)?.[1];
  return word !== undefined && months.has(word.toLowerCase());
}

/**
 * Split text into lines, keeping the exact offset of each. Handles CRLF, CR and LF, a
 * leading byte-order mark, NUL and other control characters, and tabs. A run of blank lines
 * (empty once cleaned) is listed once, as its first line: readers only ask whether lines are
 * apart, and a million blank lines would otherwise be a million objects.
 */
export function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  const length = input.length;
  let start = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 1;
  const crlfOnly = input.indexOf('\r') < 0 || !LONE_CR.test(input);
  while (start <= length) {
    let end: number;
    let next: number;
    if (crlfOnly) {
      const newline = input.indexOf('\n', start);
      end = newline < 0 ? length : newline;
      next = end + 1;
      if (end > start && input.charCodeAt(end - 1) === 13) end--;
    } else {
      end = start;
      while (end < length) {
        const code = input.charCodeAt(end);
        if (code === 10 || code === 13) break;
        end++;
      }
      next = input.charCodeAt(end) === 13 && input.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    }
    const raw = input.slice(start, end);
    let lead = 0;
    let indent = 0;
    while (lead < raw.length) {
      const code = raw.charCodeAt(lead);
      if (code === 32 || code === 0xa0 || code === 0x3000) indent++;
      else if (code === 9) indent += 4;
      else break;
      lead++;
    }
    let text = raw;
    if (ODD_TEST.test(raw) || raw.includes('  '))
      text = raw.replace(CONTROL, '').replace(SPACES, ' ');
    text = text.trim();
    let bullet = false;
    let numbered = false;
    if (text.length > 1 && BULLET_START.test(text)) {
      const mark = BULLET.exec(text);
      if (mark && text.length > mark[0].length && !(DIGIT.test(mark[0]) && isDayOfMonth(text))) {
        bullet = true;
        numbered = DIGIT.test(mark[0]);
        text = text.slice(mark[0].length);
      }
    }
    if (text.length > 0 || lines.at(-1)?.text !== '')
      lines.push({
        index: lines.length,
        line: number,
        start,
        end,
        indent,
        lead,
        text,
        bullet,
        numbered,
      });
    if (end >= length) break;
    start = next;
    if (start > length) break;
    number++;
  }
  return lines;
}

/** The source range covering lines `first` to `last` (inclusive). */
export function rangeOf(first: Line, last: Line = first): Position {
  return {
    start: { line: first.line, column: 1 + first.lead, offset: first.start + first.lead },
    end: { line: last.line, column: 1 + (last.end - last.start), offset: last.end },
  };
}
