/**
 * Linear and logistic scoring of named features: the inference half of the models that
 * `npm run train` fits (see `scripts/train/`). Dependency-free and allocation-free per call.
 */

/** A linear model as the training script writes it: a bias and one weight per feature name. */
export interface LinearModel {
  readonly bias: number;
  /** Weights keyed by feature name; a feature without a weight weighs 0. */
  readonly weights: Readonly<Record<string, number>>;
}

/** A {@link LinearModel} laid out in the order of one feature table, for fast scoring. */
export interface CompiledModel {
  readonly bias: number;
  /** `weights[i]` weighs feature `names[i]`. */
  readonly weights: Float64Array;
  readonly names: readonly string[];
}

/**
 * Lay out `model`'s weights in the order of `names` (a feature table's names). Weights of
 * names the table does not have are ignored (tests check that none are).
 *
 * @example
 * const compiled = compileModel({ bias: -1, weights: { long: 2 } }, ['short', 'long']);
 * linearScore(compiled, [0, 1]) //=> 1
 */
export function compileModel(model: LinearModel, names: readonly string[]): CompiledModel {
  const weights = new Float64Array(names.length);
  for (let i = 0; i < names.length; i++) weights[i] = model.weights[names[i]!] ?? 0;
  return { bias: model.bias, weights, names };
}

/**
 * The model's score of one feature vector: bias + Σ weight × value. The vector starts at
 * `offset` in `features` (a row of a feature matrix, without a view object per row).
 */
export function linearScore(model: CompiledModel, features: ArrayLike<number>, offset = 0): number {
  const { weights } = model;
  let sum = model.bias;
  for (let i = 0; i < weights.length; i++) sum += weights[i]! * features[offset + i]!;
  return sum;
}

/** The logistic function: a score to a probability in (0, 1). */
export function logistic(score: number): number {
  return score >= 0 ? 1 / (1 + Math.exp(-score)) : Math.exp(score) / (1 + Math.exp(score));
}

/** The log-odds of a probability, clamped so that 0 and 1 stay finite. */
export function logit(probability: number): number {
  const p = Math.min(1 - 1e-9, Math.max(1e-9, probability));
  return Math.log(p / (1 - p));
}

/**
 * Which feature moved a score most: each feature's contribution (weight × value), largest
 * magnitude first. For explaining a decision in a test or a debug log.
 */
export function contributions(
  model: CompiledModel,
  features: ArrayLike<number>,
): Array<{ name: string; contribution: number }> {
  const out: Array<{ name: string; contribution: number }> = [];
  for (let i = 0; i < model.weights.length; i++) {
    const contribution = model.weights[i]! * features[i]!;
    if (contribution !== 0) out.push({ name: model.names[i]!, contribution });
  }
  return out.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
}
