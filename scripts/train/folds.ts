/**
 * Grouped k-fold splits: every group (site) lands in exactly one fold, and folds are balanced
 * so that each holds about 1/k of every corpus. Deterministic for a given seed.
 */
import { hashString } from './random.js';

/**
 * Assign each item to one of `k` folds so that items of one group share a fold. `groupOf`
 * names an item's group, `strataOf` its corpus (folds are balanced per stratum). Returns the
 * fold index of every item, in input order.
 */
export function groupedFolds<T>(
  items: readonly T[],
  k: number,
  groupOf: (item: T) => string,
  strataOf: (item: T) => string,
  seed = 1,
): number[] {
  const groups = new Map<
    string,
    { name: string; members: number[]; strata: Map<string, number> }
  >();
  const totals = new Map<string, number>();
  items.forEach((item, index) => {
    const name = groupOf(item);
    let group = groups.get(name);
    if (!group) {
      group = { name, members: [], strata: new Map() };
      groups.set(name, group);
    }
    group.members.push(index);
    const stratum = strataOf(item);
    group.strata.set(stratum, (group.strata.get(stratum) ?? 0) + 1);
    totals.set(stratum, (totals.get(stratum) ?? 0) + 1);
  });
  // Largest groups first; ties in a seeded but stable order.
  const order = [...groups.values()].sort(
    (a, b) =>
      b.members.length - a.members.length ||
      hashString(`${seed}:${a.name}`) - hashString(`${seed}:${b.name}`) ||
      (a.name < b.name ? -1 : 1),
  );
  const load = Array.from({ length: k }, () => new Map<string, number>());
  const fold = new Array<number>(items.length).fill(0);
  for (const group of order) {
    let best = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let f = 0; f < k; f++) {
      // The share of each of the group's strata that fold f would then hold, weighted by the group's size in it.
      let cost = 0;
      for (const [stratum, count] of group.strata)
        cost += (count * ((load[f]!.get(stratum) ?? 0) + count)) / totals.get(stratum)!;
      if (cost < bestCost - 1e-12) {
        bestCost = cost;
        best = f;
      }
    }
    for (const [stratum, count] of group.strata)
      load[best]!.set(stratum, (load[best]!.get(stratum) ?? 0) + count);
    for (const member of group.members) fold[member] = best;
  }
  return fold;
}
