/**
 * Limited-memory BFGS: minimises a smooth function given its value and gradient. Deterministic
 * (no randomness), so training is reproducible. Used by the fitters in `fit.ts`.
 */

/** Writes the gradient at `w` into `grad` and returns the value at `w`. */
export type Objective = (w: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Most iterations. Default 300. */
  maxIterations?: number;
  /** Pairs of corrections kept. Default 10. */
  memory?: number;
  /** Stop when the gradient's largest component is below this. Default 1e-5. */
  tolerance?: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  return max;
}

/** Minimise `objective` from `start`; returns the minimiser and its value. */
export function minimize(
  objective: Objective,
  start: Float64Array,
  options: LbfgsOptions = {},
): { w: Float64Array; value: number; iterations: number } {
  const { maxIterations = 300, memory = 10, tolerance = 1e-5 } = options;
  const n = start.length;
  let w = Float64Array.from(start);
  let grad = new Float64Array(n);
  let value = objective(w, grad);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const direction = new Float64Array(n);
  const alpha = new Float64Array(memory);
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    if (maxAbs(grad) < tolerance) break;
    // Two-loop recursion: direction = -H·grad.
    direction.set(grad);
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(s[k]!, direction);
      for (let i = 0; i < n; i++) direction[i]! -= alpha[k]! * y[k]![i]!;
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let i = 0; i < n; i++) direction[i]! *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k]! * dot(y[k]!, direction);
      for (let i = 0; i < n; i++) direction[i]! += s[k]![i]! * (alpha[k]! - beta);
    }
    for (let i = 0; i < n; i++) direction[i] = -direction[i]!;
    let slope = dot(grad, direction);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -grad[i]!;
      slope = dot(grad, direction);
    }
    // Backtracking line search (Armijo).
    let step =
      iteration === 0 && s.length === 0 ? Math.min(1, 1 / Math.max(1e-12, maxAbs(grad))) : 1;
    const next = new Float64Array(n);
    const nextGrad = new Float64Array(n);
    let nextValue = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) next[i] = w[i]! + step * direction[i]!;
      nextValue = objective(next, nextGrad);
      if (Number.isFinite(nextValue) && nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = next[i]! - w[i]!;
      yk[i] = nextGrad[i]! - grad[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
      if (s.length > memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
    }
    const converged = Math.abs(value - nextValue) <= 1e-10 * Math.max(1, Math.abs(value));
    w = next;
    grad = nextGrad;
    value = nextValue;
    if (converged) break;
  }
  return { w, value, iterations: iteration };
}
