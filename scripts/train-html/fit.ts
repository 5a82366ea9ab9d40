/** One labelled example: a feature vector, its label and its weight. */
export interface Sample {
  x: Float64Array;
  y: 0 | 1;
  weight: number;
}

/** Options for {@link fitLogistic}. */
export interface FitOptions {
  /** L2 penalty on every weight but the bias. Default 1e-3. */
  l2?: number;
  /** Full-batch Adam steps. Default 600. */
  steps?: number;
  /** Adam step size. Default 0.05. */
  rate?: number;
}

/**
 * Fit a weighted, L2-regularized logistic regression by full-batch Adam. Deterministic: the
 * same samples give the same weights. The first feature is the bias (not penalized).
 */
export function fitLogistic(
  samples: readonly Sample[],
  size: number,
  options: FitOptions = {},
): number[] {
  const l2 = options.l2 ?? 1e-3;
  const steps = options.steps ?? 600;
  const rate = options.rate ?? 0.05;
  const weights = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const gradient = new Float64Array(size);
  let total = 0;
  for (const sample of samples) total += sample.weight;
  // Sparse index lists make each pass proportional to the non-zero features.
  const sparse = samples.map(({ x }) => {
    const indices: number[] = [];
    for (let index = 0; index < x.length; index++) if (x[index] !== 0) indices.push(index);
    return Int32Array.from(indices);
  });
  for (let step = 1; step <= steps; step++) {
    gradient.fill(0);
    for (let at = 0; at < samples.length; at++) {
      const { x, y, weight } = samples[at]!;
      const indices = sparse[at]!;
      let sum = 0;
      for (const index of indices) sum += x[index]! * weights[index]!;
      const p = 1 / (1 + Math.exp(-sum));
      const error = ((p - y) * weight) / total;
      for (const index of indices) gradient[index]! += error * x[index]!;
    }
    for (let index = 1; index < size; index++) gradient[index]! += l2 * weights[index]!;
    for (let index = 0; index < size; index++) {
      const g = gradient[index]!;
      m[index] = 0.9 * m[index]! + 0.1 * g;
      v[index] = 0.999 * v[index]! + 0.001 * g * g;
      const mHat = m[index]! / (1 - 0.9 ** step);
      const vHat = v[index]! / (1 - 0.999 ** step);
      weights[index]! -= (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return [...weights];
}
