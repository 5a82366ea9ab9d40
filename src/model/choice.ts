import { type CompiledModel, linearScore } from './linear.js';

/** The candidate a choice model prefers, and its score. */
export interface Choice {
  /** Index into the candidates, or -1 when none scores above the threshold. */
  index: number;
  score: number;
}

/**
 * Pick the best of several candidates (which line is the headline, which the byline) with a
 * conditional-logit model: the candidate of highest linear score wins. A candidate scoring
 * below `threshold` (the score of "none of them", 0 by default; -Infinity to always choose)
 * is not chosen. Ties go to the earlier candidate.
 *
 * @example
 * chooseBest(model, [featuresOfLine3, featuresOfLine4]) //=> { index: 1, score: 2.5 }
 */
export function chooseBest(
  model: CompiledModel,
  candidates: readonly ArrayLike<number>[],
  threshold = 0,
): Choice {
  let index = -1;
  let score = threshold;
  for (let i = 0; i < candidates.length; i++) {
    const s = linearScore(model, candidates[i]!);
    if (s > score) {
      index = i;
      score = s;
    }
  }
  return { index, score };
}
