/** Types of `rules-table.mjs`. */
export declare const START: string;
export declare const END: string;
export declare function renderRulesTable(
  rules: ReadonlyArray<{
    id: string;
    severity: string;
    summary: string;
    category: string;
    fixable?: boolean;
  }>,
  presets: Readonly<Record<string, Readonly<Record<string, string>>>>,
): string;
export declare function replaceRulesTable(readme: string, table: string): string | undefined;
