import type { Point, Position } from '../schema/index.js';

/** Maps 0-based offsets in a text to 1-based line and column points, in O(log lines) each. */
export interface LineIndex {
  /** The point of `offset` (clamped to the text). */
  point(offset: number): Point;
  /** The range from `start` to `end`. */
  range(start: number, end: number): Position;
}

/**
 * Build a {@link LineIndex} over `text` (one linear pass). Columns count UTF-16 code units,
 * as editors and GitHub annotations do.
 *
 * @example
 * createLineIndex('a\nbc').point(3) //=> { line: 2, column: 2, offset: 3 }
 */
export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  const point = (offset: number): Point => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - (starts[low] ?? 0) + 1, offset: at };
  };
  return { point, range: (start, end) => ({ start: point(start), end: point(end) }) };
}
