import type { TextEdit } from '../schema/index.js';

export type { TextEdit };

/** What {@link applyEdits} did. */
export interface AppliedEdits {
  /** The text with the applied edits. */
  text: string;
  /** The indices (into the given list) of the edits applied, in the order of their ranges. */
  applied: number[];
}

/**
 * Apply text edits to `text` as ESLint applies fixes: in the order of their ranges, each
 * edit replacing `text.slice(range[0], range[1])`; an edit that overlaps or touches one
 * already taken is left out, for a later pass. Edits with a range
 * outside the text are left out too. Returns a new string; the inputs are not changed.
 *
 * @example
 * applyEdits('By Ana', [{ range: [0, 3], text: '' }]).text //=> 'Ana'
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): AppliedEdits {
  const order = edits
    .map((edit, index) => ({ edit, index }))
    .filter(
      ({ edit }) =>
        Number.isInteger(edit.range[0]) &&
        Number.isInteger(edit.range[1]) &&
        edit.range[0] >= 0 &&
        edit.range[0] <= edit.range[1] &&
        edit.range[1] <= text.length,
    )
    .sort((a, b) => a.edit.range[0] - b.edit.range[0] || a.edit.range[1] - b.edit.range[1]);
  const parts: string[] = [];
  const applied: number[] = [];
  let cursor = 0;
  let lastEnd = -1;
  for (const { edit, index } of order) {
    const [start, end] = edit.range;
    if (start <= lastEnd) continue;
    parts.push(text.slice(cursor, start), edit.text);
    cursor = end;
    lastEnd = end;
    applied.push(index);
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), applied };
}

/**
 * A function that maps an offset in the text after `edits` were applied back to the text
 * before: offsets inside a replacement map to the start of the range it replaced, offsets
 * after it shift by the change in length. `edits` must be the applied, non-overlapping
 * edits (any order).
 *
 * @example
 * offsetMapper([{ range: [0, 3], text: '' }])(2) //=> 5
 */
export function offsetMapper(edits: readonly TextEdit[]): (offset: number) => number {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  return (offset) => {
    let shift = 0;
    for (const edit of sorted) {
      const start = edit.range[0] + shift;
      if (offset < start) break;
      const end = start + edit.text.length;
      if (offset < end) return edit.range[0];
      shift += edit.text.length - (edit.range[1] - edit.range[0]);
    }
    return offset - shift;
  };
}
