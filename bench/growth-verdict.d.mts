/** Types of `growth-verdict.mjs`. */
export interface Filter {
  parser: string;
  shape: string;
  exact: boolean;
}
/** One measured row: times (ms, `undefined` where skipped) and growth per 10× per step. */
export interface Row {
  cells: string[];
  times: Array<number | undefined>;
  walls: Array<number | undefined>;
  ratios: number[];
  wallRatios: number[];
  worst: number;
}
export declare const LIMIT: number;
export declare const FLOOR_GROWTH: number;
export declare function parseFilters(args: readonly string[]): Filter[];
export declare function selects(filters: readonly Filter[], parser: string, name: string): boolean;
export declare function shapeId(parser: string, name: string): string;
export declare function growthRatios(
  times: ReadonlyArray<number | undefined>,
  projected: readonly number[],
  sizes: readonly number[],
): number[];
export declare function floorGrowth(
  own: Pick<Row, 'times'>,
  floor: Pick<Row, 'times'>,
): number | undefined;
export declare function floorCovers(
  own: Pick<Row, 'times' | 'ratios'>,
  floor: Pick<Row, 'times'>,
): boolean;
export declare function passes(
  own: Pick<Row, 'times' | 'ratios' | 'worst'>,
  floor?: Pick<Row, 'times'>,
  growth?: number,
): boolean;
export declare function verdict(
  own: Pick<Row, 'times' | 'ratios' | 'worst'>,
  floor?: Pick<Row, 'times'>,
  remark?: boolean,
): 'fail' | 'remark' | 'floor' | 'pass';
export declare function leastRow(
  runs: readonly Row[],
  sizes: readonly number[],
  format: (ms: number) => string,
): Row;
