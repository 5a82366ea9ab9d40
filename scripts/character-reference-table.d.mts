/** Types of `character-reference-table.mjs`. */
export declare const coveredRanges: ReadonlyArray<readonly [number, number]>;
export declare function isCovered(codePoint: number): boolean;
export declare function tableEntries(): Array<[name: string, codePoint: number]>;
