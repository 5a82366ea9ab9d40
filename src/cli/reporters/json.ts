import { type ReportInput, summarize } from '../types.js';

/**
 * The machine report: one JSON document with every file's diagnostics (as the
 * `Diagnostic` objects nutgraf returns, with the `fix` that repairs them when there is a
 * safe one), the diagnostics `fix` repaired (`fixed`), and the totals.
 *
 * @example
 * JSON.parse(reportJson({ results, cwd })).errorCount //=> 2
 */
export function reportJson(input: Readonly<ReportInput>): string {
  const summary = summarize(input.results);
  const report = {
    errorCount: summary.errors,
    warningCount: summary.warnings,
    infoCount: summary.infos,
    results: input.results.map((result) => ({
      file: result.file,
      errorCount: result.diagnostics.filter((d) => d.severity === 'error').length,
      warningCount: result.diagnostics.filter((d) => d.severity === 'warning').length,
      infoCount: result.diagnostics.filter((d) => d.severity === 'info').length,
      diagnostics: result.diagnostics,
      ...(result.fixed ? { fixed: result.fixed } : {}),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
