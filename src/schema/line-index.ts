import type { Point, Position } from './diagnostic.js';

/**
 * Offsets to 1-based line and column points: the one home of that arithmetic for every parser
 * and the CLI. Columns count UTF-16 code units, as editors and GitHub annotations do; a line
 * ends at `\n` (a `\r` before it is the line's last column).
 */

/** The offset where each line of `text` starts (one linear pass). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return starts;
}

/** The index of the last value ≤ `value` in an ascending list, -1 when none is (a binary search). */
export function lastAtOrBefore(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((list[middle] ?? 0) <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The point of a 0-based offset, given the line starts of its text (a binary search). */
export function pointAt(starts: readonly number[], offset: number): Point {
  const line = Math.max(0, lastAtOrBefore(starts, offset));
  return { line: line + 1, column: offset - (starts[line] ?? 0) + 1, offset };
}

/** The range between two offsets, given the line starts of their text. */
export function rangeAt(starts: readonly number[], start: number, end: number): Position {
  return { start: pointAt(starts, start), end: pointAt(starts, end) };
}

/** Maps 0-based offsets in a text to 1-based line and column points, in O(log lines) each. */
export interface LineIndex {
  /** The point of `offset` (clamped to the text). */
  point(offset: number): Point;
  /** The range from `start` to `end`. */
  range(start: number, end: number): Position;
}

/**
 * Build a {@link LineIndex} over `text` (one linear pass).
 *
 * @example
 * createLineIndex('a\nbc').point(3) //=> { line: 2, column: 2, offset: 3 }
 */
export function createLineIndex(text: string): LineIndex {
  const starts = lineStarts(text);
  const point = (offset: number): Point =>
    pointAt(starts, Math.max(0, Math.min(offset, text.length)));
  return { point, range: (start, end) => ({ start: point(start), end: point(end) }) };
}
