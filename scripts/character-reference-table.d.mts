/** Types of `character-reference-table.mjs`. */
export declare function isKept(name: string): boolean;
export declare function tableEntries(): Array<[name: string, codePoint: number]>;
export declare function restEntries(): Array<[name: string, codePoints: number[]]>;
