/**
 * A logistic model over unit features: the probability that a unit belongs to the story.
 * The weights are learned (`scripts/train-html/`), never set by hand; this file only applies them.
 */
export interface UnitModel {
  /** Feature names, in the order of `weights` (must equal `featureNames` of features.ts). */
  features: readonly string[];
  /** One weight per feature (the first feature is the bias). */
  weights: readonly number[];
  /** Units scoring at least this probability are kept. */
  threshold: number;
}

/** The probability of each vector under a model. */
export function predict(vectors: readonly Float64Array[], model: Readonly<UnitModel>): number[] {
  return vectors.map((vector) => probability(vector, model, false));
}

/**
 * {@link predict} for one vector, which is left all zeros (each value set back to 0 as it is
 * read): for a buffer reused unit after unit. The same sum in the same order, so the same
 * probability.
 */
export function scoreAndClear(vector: Float64Array, model: Readonly<UnitModel>): number {
  return probability(vector, model, true);
}

/** The probability of one vector under a model; with `clear`, each value read is set to 0. */
function probability(vector: Float64Array, model: Readonly<UnitModel>, clear: boolean): number {
  const weights = model.weights;
  let sum = 0;
  for (let index = 0; index < vector.length; index++) {
    const value = vector[index]!;
    if (value !== 0) {
      sum += value * (weights[index] ?? 0);
      if (clear) vector[index] = 0;
    }
  }
  return 1 / (1 + Math.exp(-sum));
}
