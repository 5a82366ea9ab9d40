/**
 * Named features: each is a name and a function of some context (a line, a candidate) that
 * returns a number or a boolean (read as 1 or 0). A model's weights are keyed by these names,
 * so the order of a feature table can change without retraining, and a weight can always be
 * traced back to the test it weighs.
 */

/** One named feature of a context `C`. */
export interface Feature<C> {
  /** Stable name, `kebab-case` or `snake_case`; the weights module is keyed by it. */
  readonly name: string;
  /** The feature's value for `context`: booleans count as 1 and 0. Keep values within about ±10. */
  readonly value: (context: C) => number | boolean;
}

/**
 * The value of `feature` for `context` (booleans as 1 and 0). The build ships `src/text`'s
 * feature tables with each entry as its bare value function (tsup.config.ts), so `feature` may
 * be that function.
 */
export function featureValue<C>(feature: Feature<C>, context: C): number {
  const value =
    typeof feature === 'function' ? (feature as unknown as Feature<C>['value']) : feature.value;
  return Number(value(context));
}

/** The names of a feature table, in order. */
export function featureNames<C>(features: readonly Feature<C>[]): string[] {
  return features.map((feature) => feature.name);
}

/**
 * The values of every feature of `features` for `context`, in table order, written into `out`
 * (a fresh array when not given). Non-finite values are written as 0.
 *
 * @example
 * const table = [{ name: 'long', value: (s: string) => s.length > 80 }];
 * extractFeatures(table, 'Short line') //=> Float64Array [0]
 */
export function extractFeatures<C>(
  features: readonly Feature<C>[],
  context: C,
  out: Float64Array = new Float64Array(features.length),
): Float64Array {
  for (let i = 0; i < features.length; i++) {
    const value = featureValue(features[i]!, context);
    out[i] = Number.isFinite(value) ? value : 0;
  }
  return out;
}
