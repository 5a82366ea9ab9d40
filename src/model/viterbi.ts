/**
 * Sequence decoding: the most likely label of every item of a sequence (the lines of a page),
 * given each item's score for each label and scores for one label following another. Linear in
 * the sequence's length (O(length × labels²)).
 */

/** Scores (log-probabilities or any additive scores) for moving between labels. */
export interface Transitions {
  /**
   * The labels, for reading a decoded path; `labels.length` is the number of states, at most
   * 256 (a path is a `Uint8Array` of label indexes; the text model's story decoder has four).
   */
  readonly labels: readonly string[];
  /** Score of starting in each label. */
  readonly start: readonly number[];
  /** `next[from][to]`: score of label `to` following label `from`; -Infinity forbids it. */
  readonly next: ReadonlyArray<readonly number[]>;
  /** Score of ending in each label (0 for every label when not given). */
  readonly end?: readonly number[];
}

/**
 * The best-scoring label path. `emissions` holds `length × labels` scores, row-major:
 * `emissions[t * labels + s]` is item `t`'s score for label `s`. Returns one label index per
 * item (an empty array for an empty sequence). Ties go to the lower label index.
 *
 * @example
 * const t = { labels: ['out', 'in'], start: [0, 0], next: [[0, -2], [-2, 0]] };
 * viterbi(Float64Array.from([1, 0, 0, 0.5, 1, 0]), 3, t) //=> Uint8Array [0, 0, 0]
 */
export function viterbi(
  emissions: ArrayLike<number>,
  length: number,
  transitions: Transitions,
): Uint8Array {
  const states = transitions.labels.length;
  const path = new Uint8Array(length);
  if (length === 0 || states === 0) return path;
  const back = new Uint8Array(length * states);
  let score = new Float64Array(states);
  let nextScore = new Float64Array(states);
  for (let s = 0; s < states; s++) score[s] = transitions.start[s]! + emissions[s]!;
  for (let t = 1; t < length; t++) {
    for (let to = 0; to < states; to++) {
      let best = -Infinity;
      let from = 0;
      for (let s = 0; s < states; s++) {
        const candidate = score[s]! + transitions.next[s]![to]!;
        if (candidate > best) {
          best = candidate;
          from = s;
        }
      }
      nextScore[to] = best + emissions[t * states + to]!;
      back[t * states + to] = from;
    }
    [score, nextScore] = [nextScore, score];
  }
  let last = 0;
  let best = -Infinity;
  for (let s = 0; s < states; s++) {
    const candidate = score[s]! + (transitions.end?.[s] ?? 0);
    if (candidate > best) {
      best = candidate;
      last = s;
    }
  }
  path[length - 1] = last;
  for (let t = length - 1; t > 0; t--) path[t - 1] = back[t * states + path[t]!]!;
  return path;
}
