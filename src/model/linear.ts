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
 * `compileModel` remembered per model object: for a model shipped as a constant (or given by
 * a caller again and again), the layout is made once for the feature table `names`.
 */
export function compiledModelCache(
  names: readonly string[],
): (model: LinearModel) => CompiledModel {
  const compiled = new WeakMap<LinearModel, CompiledModel>();
  return (model) => {
    let layout = compiled.get(model);
    if (!layout) {
      layout = compileModel(model, names);
      compiled.set(model, layout);
    }
    return layout;
  };
}

/**
 * A linear model packed for shipping: `[bias, w₀, w₁, …]`, one weight per feature of a
 * table, in table order. The generated module also records the names it was packed for, and a
 * test checks that they are the table's names, so a reordered table cannot shift weights
 * unnoticed. Smaller than a {@link LinearModel}: the browser bundle carries no names twice.
 */
export type PackedModel = readonly number[];

/**
 * Pack `model` for the feature table `names`, each number rounded to `digits` significant
 * digits and at most `decimals` decimal places (a weight of 0.0037 weighs nothing a feature
 * of 0–1 would notice, and its digits cost bundle bytes). Weights of names the table does not
 * have are dropped.
 *
 * @example
 * packModel({ bias: -1, weights: { long: 2.04567, rare: 0.0312 } }, ['short', 'long', 'rare']) //=> [-1, 0, 2.05, 0.03]
 */
export function packModel(
  model: LinearModel,
  names: readonly string[],
  digits = 3,
  decimals = 2,
): number[] {
  const scale = 10 ** decimals;
  const round = (x: number) =>
    x === 0 ? 0 : Math.round(Number(x.toPrecision(digits)) * scale) / scale || 0;
  return [round(model.bias), ...names.map((name) => round(model.weights[name] ?? 0))];
}

/**
 * Lay out a {@link PackedModel}, every number divided by `scale` (a model packed as whole
 * numbers of `1 / scale`), for the table `names` it was packed for: a weight the packed model
 * lacks (a feature added since) weighs 0. Without `names`, by its own length, unnamed (a
 * shipped model whose table a test checks).
 */
export function unpackModel(
  packed: PackedModel,
  scale = 1,
  names?: readonly string[],
): CompiledModel {
  const [bias = 0, ...weights] = packed;
  return {
    bias: bias / scale,
    weights: Float64Array.from<unknown>(names ?? weights, (_, i) => (weights[i] ?? 0) / scale),
    names: names ?? [],
  };
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
