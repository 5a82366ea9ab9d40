// The pure parts of bench/growth.bench.mjs: which shapes the arguments select, the growth per
// 10× between sizes, the least of several measurements, and the verdict on a shape. See the
// top of growth.bench.mjs for the method; tests/bench/growth-verdict.test.ts for examples.

/** The most a shape's time may grow per 10× of input without a floor to explain it. */
export const LIMIT = 15;
/** The most a shape's time ÷ its floor's may grow over the sizes measured. */
export const FLOOR_GROWTH = 1.5;

/**
 * Filters from the command line: `parser` (all its shapes), `parser:text` (its shapes whose
 * name contains `text`) or `parser:=name` (the shape named exactly `name`).
 */
export function parseFilters(args) {
  return args.map((argument) => {
    const colon = argument.indexOf(':');
    if (colon === -1) return { parser: argument, shape: '', exact: false };
    const shape = argument.slice(colon + 1);
    const exact = shape.startsWith('=');
    return { parser: argument.slice(0, colon), shape: exact ? shape.slice(1) : shape, exact };
  });
}

/** Whether the filters select shape `name` of `parser` (no filter selects every shape). */
export const selects = (filters, parser, name) =>
  filters.length === 0 ||
  filters.some(
    (filter) =>
      filter.parser === parser &&
      (filter.exact ? name === filter.shape : name.includes(filter.shape)),
  );

/** The argument that selects exactly shape `name` of `parser`. */
export const shapeId = (parser, name) => `${parser}:=${name}`;

/**
 * The growth per 10× between each size and the one before, from `times` (`undefined` where a
 * size was skipped: there, the projection that skipped it, from `projected`, one per step).
 * Between sizes not 10× apart, the growth per 10× it implies: (t₂/t₁)^(1/log₁₀(n₂/n₁)).
 */
export function growthRatios(times, projected, sizes) {
  return times.slice(1).map((after, step) => {
    const before = times[step];
    if (before === undefined || after === undefined) return projected[step];
    return (after / before) ** (1 / Math.log10(sizes[step + 1] / sizes[step]));
  });
}

/**
 * How much the shape's time ÷ its floor's grows: at each size, time ÷ floor over the least
 * time ÷ floor at any smaller size, the largest of these (sizes where either was skipped or
 * the floor took no measurable time are left out); `undefined` with fewer than two sizes.
 */
export function floorGrowth(own, floor) {
  let least = Number.POSITIVE_INFINITY;
  let growth;
  for (let index = 0; index < own.times.length; index++) {
    const mine = own.times[index];
    const engine = floor.times[index];
    if (mine === undefined || engine === undefined || !(engine > 0)) continue;
    const quotient = mine / engine;
    if (Number.isFinite(least)) growth = Math.max(growth ?? 0, quotient / least);
    least = Math.min(least, quotient);
  }
  return growth;
}

/**
 * Whether the floor judges every step of the shape over the limit: both the shape and the
 * floor measured (not skipped past the budget) at both ends of each such step.
 */
export const floorCovers = (own, floor) =>
  own.ratios.every(
    (value, step) =>
      value <= LIMIT ||
      [step, step + 1].every(
        (index) => own.times[index] !== undefined && floor.times[index] !== undefined,
      ),
  );

/**
 * Whether a shape (not remark-parse's own) passes: at most LIMIT× per 10× at every step, or
 * judged by its floor at every step over it with time ÷ floor growing at most FLOOR_GROWTH×.
 */
export const passes = (own, floor, growth = floor && floorGrowth(own, floor)) =>
  own.worst <= LIMIT ||
  Boolean(floor && growth !== undefined && growth <= FLOOR_GROWTH && floorCovers(own, floor));

/**
 * The verdict on a shape: `fail` (does not pass), `remark` (remark-parse's own shape over the
 * limit, bounded by the CLI's budget instead), `floor` (over the limit, passes by its floor)
 * or `pass`.
 */
export function verdict(own, floor, remark = false) {
  const over = own.worst > LIMIT;
  if (over && remark) return 'remark';
  if (!passes(own, floor)) return 'fail';
  return over ? 'floor' : 'pass';
}

/**
 * One row from several measurements of it: at each size the least time over all of them (a
 * size skipped past the budget in any run stays skipped, its cell as the first run shows it),
 * and the growth per 10× between the sizes kept (the median of the runs' projections across a
 * skipped one). `format` writes a time's cell.
 */
export function leastRow(runs, sizes, format) {
  const least = (key, index) => {
    const values = runs.map((run) => run[key][index]);
    return values.every((value) => value !== undefined) ? Math.min(...values) : undefined;
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const times = runs[0].times.map((_, index) => least('times', index));
  const walls = runs[0].walls.map((_, index) => least('walls', index));
  const projected = runs[0].ratios.map((_, step) => median(runs.map((run) => run.ratios[step])));
  const ratios = growthRatios(times, projected, sizes);
  return {
    cells: times.map((ms, index) => (ms === undefined ? runs[0].cells[index] : format(ms))),
    times,
    walls,
    ratios,
    wallRatios: growthRatios(walls, projected, sizes),
    worst: ratios.length > 0 ? Math.max(...ratios) : 0,
  };
}
