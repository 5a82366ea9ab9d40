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
}

/** Longest line text kept for analysis; the rest of a huge line is still kept in the text. */
export const ANALYSIS_CAP = 2000;

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u2060\uFEFF]/g;
const SPACES = /[\t \u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;
const BULLET = /^(?:[•◦▪▫■□●○·‣⁃∙*]|-(?=\s)|\d{1,2}[.)](?=\s))\s*/u;
const LEADING = /^[\t \u00A0\u3000]*/;

/**
 * Split text into lines, keeping the exact offset of each. Handles CRLF, CR and LF, a
 * leading byte-order mark, NUL and other control characters, and tabs.
 */
export function splitLines(input: string): Line[] {
  const lines: Line[] = [];
  const length = input.length;
  let start = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 1;
  while (start <= length) {
    let end = start;
    while (end < length) {
      const code = input.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    const raw = input.slice(start, end);
    const lead = LEADING.exec(raw)?.[0] ?? '';
    let indent = 0;
    for (const char of lead) indent += char === '\t' ? 4 : 1;
    let text = raw.replace(CONTROL, '').replace(SPACES, ' ').trim();
    let bullet = false;
    const mark = BULLET.exec(text);
    if (mark && text.length > mark[0].length) {
      bullet = true;
      text = text.slice(mark[0].length);
    }
    lines.push({
      index: lines.length,
      line: number,
      start,
      end,
      indent,
      lead: lead.length,
      text,
      bullet,
    });
    if (end >= length) break;
    start = input.charCodeAt(end) === 13 && input.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
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
