import { pathToFileURL } from 'node:url';
// Types only (a dev dependency): the log is checked against SARIF 2.1.0's object model at
// compile time, and tests/cli/sarif.test.ts checks the printed log against its schema's shape.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../schema/index.js';
import type { RuleInfo } from '../engines.js';
import { endOf, type ReportInput, startOf } from '../types.js';

const levels: Record<Severity, Result.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** Options for {@link reportSarif}. */
export interface ReportSarifOptions {
  /** The rule table, for rule descriptions and help links. */
  rules?: readonly RuleInfo[];
}

/** A relative file path as a URI reference (each segment percent-encoded). */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * A SARIF 2.1.0 log (for GitHub code scanning and other SARIF viewers) with one run, the
 * rules that fired, and one result per diagnostic, located relative to `%SRCROOT%` (the
 * working directory).
 *
 * @example
 * JSON.parse(reportSarif({ results, cwd: '/repo' })).version //=> '2.1.0'
 */
export function reportSarif(
  input: Readonly<ReportInput>,
  options: Readonly<ReportSarifOptions> = {},
): string {
  const table = new Map((options.rules ?? []).map((rule) => [rule.id, rule]));
  const ruleIds: string[] = [];
  const ruleIndex = new Map<string, number>();
  for (const result of input.results) {
    for (const diagnostic of result.diagnostics) {
      if (!ruleIndex.has(diagnostic.ruleId)) {
        ruleIndex.set(diagnostic.ruleId, ruleIds.length);
        ruleIds.push(diagnostic.ruleId);
      }
    }
  }
  const rules = ruleIds.map((id): ReportingDescriptor => {
    const meta = table.get(id);
    return {
      id,
      ...(meta ? { shortDescription: { text: meta.summary } } : {}),
      ...(meta?.url ? { helpUri: meta.url } : {}),
      ...(meta ? { defaultConfiguration: { level: levels[meta.severity] } } : {}),
    };
  });
  const results = input.results.flatMap((result) =>
    result.diagnostics.map((diagnostic): Result => {
      const start = startOf(diagnostic.place);
      const end = endOf(diagnostic.place);
      const region = start
        ? {
            startLine: start.line,
            startColumn: start.column,
            ...(end ? { endLine: end.line, endColumn: end.column } : {}),
          }
        : undefined;
      return {
        ruleId: diagnostic.ruleId,
        ruleIndex: ruleIndex.get(diagnostic.ruleId) ?? 0,
        level: levels[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUri(result.file), uriBaseId: '%SRCROOT%' },
              ...(region ? { region } : {}),
            },
          },
        ],
      };
    }),
  );
  const base = pathToFileURL(input.cwd).href;
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nutgraf',
            informationUri: 'https://github.com/nutgraf/nutgraf',
            ...(input.version ? { version: input.version } : {}),
            rules,
          },
        },
        // Columns count UTF-16 code units, as JavaScript strings (and SARIF's default) do.
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: base.endsWith('/') ? base : `${base}/` } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
