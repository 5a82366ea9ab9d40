/**
 * Fitting the models that `src/model` scores: binary logistic regression, conditional logit
 * (pick one of several candidates) and label-transition scores for Viterbi decoding. Plain
 * JavaScript, deterministic, L2-regularised; fast enough for ~10⁵ examples × ~10² features.
 */
import type { LinearModel, Transitions } from '../../src/model/index.js';
import { minimize } from './lbfgs.js';

/** One labelled example for a binary model. */
export interface Example {
  x: ArrayLike<number>;
  y: 0 | 1;
  /** How much the example counts. Default 1. */
  weight?: number;
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), per unit of total example weight. Default 1e-3. */
  l2?: number;
  /** Most L-BFGS iterations. Default 300. */
  maxIterations?: number;
  /** {@link fitChoice} only: an L2 of its own for the named features (the rest take `l2`). */
  l2Of?: Readonly<Record<string, number>>;
}

/** {@link fitLogistic}'s options: where to start, and which numbers to hold there. */
export interface LogisticOptions extends FitOptions {
  /** The starting weights, the bias last (default all 0). */
  start?: Float64Array | undefined;
  /** Which weights (the bias last) move; the others stay at `start` (default all move). */
  free?: readonly boolean[] | undefined;
}

/** Round a weight for the generated module: 4 significant digits, small values to 0. */
export function roundWeight(value: number): number {
  if (Math.abs(value) < 1e-4) return 0;
  return Number(value.toPrecision(4));
}

function toModel(names: readonly string[], w: Float64Array, bias: number): LinearModel {
  const weights: Record<string, number> = {};
  for (let i = 0; i < names.length; i++) {
    const weight = roundWeight(w[i]!);
    if (weight !== 0) weights[names[i]!] = weight;
  }
  return { bias: roundWeight(bias), weights };
}

/**
 * Binary logistic regression: P(y = 1 | x) = logistic(bias + w·x). Minimises the weighted
 * mean log-loss plus `l2`·|w|²/2.
 */
export function fitLogistic(
  examples: readonly Example[],
  names: readonly string[],
  options: LogisticOptions = {},
): LinearModel {
  const { l2 = 1e-3, maxIterations = 300, free } = options;
  const d = names.length;
  let total = 0;
  for (const example of examples) total += example.weight ?? 1;
  if (total === 0) return { bias: 0, weights: {} };
  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (const { x, y, weight = 1 } of examples) {
      let z = w[d]!;
      for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
      // log(1 + e^z) - y·z, computed stably.
      const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      loss += weight * (softplus - y * z);
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const g = weight * (p - y);
      for (let i = 0; i < d; i++) grad[i]! += g * x[i]!;
      grad[d]! += g;
    }
    loss /= total;
    for (let i = 0; i <= d; i++) grad[i]! /= total;
    for (let i = 0; i < d; i++) {
      loss += (l2 * w[i]! * w[i]!) / 2;
      grad[i]! += l2 * w[i]!;
    }
    // A held weight's gradient is 0, so L-BFGS never moves it.
    if (free) for (let i = 0; i <= d; i++) if (!free[i]) grad[i] = 0;
    return loss;
  };
  const start = options.start ?? new Float64Array(d + 1);
  const { w } = minimize(objective, start, { maxIterations });
  return toModel(names, w, w[d]!);
}

/**
 * One choice among candidates: which of them are right answers (any of them is; the model
 * maximises the probability of the set). A group without any right candidate is skipped.
 */
export interface ChoiceGroup {
  candidates: readonly ArrayLike<number>[];
  positive: readonly boolean[];
  weight?: number;
}

/**
 * Conditional logit: P(candidate i) = exp(w·xᵢ) / Σⱼ exp(w·xⱼ) within each group. There is no
 * bias (it cancels within a group): to let "none of them" win, give each group a candidate of
 * its own with an indicator feature for "none". Minimises the weighted mean of
 * −log Σ_{right i} P(i) plus `l2`·|w|²/2.
 */
export function fitChoice(
  groups: readonly ChoiceGroup[],
  names: readonly string[],
  options: FitOptions = {},
): LinearModel {
  const { l2: l2All = 1e-3, maxIterations = 300, l2Of = {} } = options;
  const d = names.length;
  const l2s = names.map((name) => l2Of[name] ?? l2All);
  const usable = groups.filter((g) => g.positive.some(Boolean) && g.candidates.length > 0);
  let total = 0;
  for (const group of usable) total += group.weight ?? 1;
  if (total === 0) return { bias: 0, weights: {} };
  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (const { candidates, positive, weight = 1 } of usable) {
      const scores = candidates.map((x) => {
        let z = 0;
        for (let i = 0; i < d; i++) z += w[i]! * x[i]!;
        return z;
      });
      const max = Math.max(...scores);
      let all = 0;
      let right = 0;
      const e = scores.map((z) => Math.exp(z - max));
      for (let c = 0; c < e.length; c++) {
        all += e[c]!;
        if (positive[c]) right += e[c]!;
      }
      loss += weight * (Math.log(all) - Math.log(right));
      for (let c = 0; c < candidates.length; c++) {
        const g = weight * (e[c]! / all - (positive[c] ? e[c]! / right : 0));
        if (g === 0) continue;
        const x = candidates[c]!;
        for (let i = 0; i < d; i++) grad[i]! += g * x[i]!;
      }
    }
    loss /= total;
    for (let i = 0; i < d; i++) {
      const l2 = l2s[i]!;
      grad[i] = grad[i]! / total + l2 * w[i]!;
      loss += (l2 * w[i]! * w[i]!) / 2;
    }
    return loss;
  };
  const { w } = minimize(objective, new Float64Array(d), { maxIterations });
  return toModel(names, w, 0);
}

/**
 * Transition scores for {@link viterbi}: log-probabilities of each label following another
 * (and of the first and last label), counted over labelled sequences with add-`smoothing`
 * counts. `forbidden` pairs (`[from, to]` label indices) get -Infinity.
 */
export function fitTransitions(
  sequences: readonly (readonly number[])[],
  labels: readonly string[],
  options: { smoothing?: number; forbidden?: ReadonlyArray<readonly [number, number]> } = {},
): Transitions {
  const { smoothing = 1, forbidden = [] } = options;
  const k = labels.length;
  const banned = new Set(forbidden.map(([from, to]) => from * k + to));
  const start = new Array<number>(k).fill(smoothing);
  const end = new Array<number>(k).fill(smoothing);
  const next = Array.from({ length: k }, (_, from) =>
    Array.from({ length: k }, (_, to) => (banned.has(from * k + to) ? 0 : smoothing)),
  );
  for (const sequence of sequences) {
    if (sequence.length === 0) continue;
    start[sequence[0]!]!++;
    end[sequence[sequence.length - 1]!]!++;
    for (let t = 1; t < sequence.length; t++) {
      const from = sequence[t - 1]!;
      const to = sequence[t]!;
      if (!banned.has(from * k + to)) next[from]![to]!++;
    }
  }
  const log = (row: number[]): number[] => {
    const sum = row.reduce((a, b) => a + b, 0);
    return row.map((count) =>
      count > 0 ? roundWeight(Math.log(count / sum)) : Number.NEGATIVE_INFINITY,
    );
  };
  return { labels: [...labels], start: log(start), next: next.map(log), end: log(end) };
}
