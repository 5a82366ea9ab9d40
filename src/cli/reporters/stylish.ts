import { styleText } from 'node:util';
import type { Severity } from '../../schema/index.js';
import { type ReportInput, startOf, summarize } from '../types.js';

const labels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };
const colors: Record<Severity, Parameters<typeof styleText>[0]> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The human report: each file with problems, then one line per diagnostic
 * (`line:column  severity  message  rule-id`), then a total. Empty when there is nothing to
 * report.
 *
 * @example
 * reportStylish({ results, cwd: '/repo' })
 * // docs/a.md
 * //   3:1  error  Missing required field `headline`  invalid-field
 */
export function reportStylish(input: Readonly<ReportInput>): string {
  const paint = (color: Parameters<typeof styleText>[0], text: string) =>
    input.color ? styleText(color, text, { validateStream: false }) : text;
  const out: string[] = [];
  for (const result of input.results) {
    if (result.diagnostics.length === 0) continue;
    const rows = result.diagnostics.map((diagnostic) => {
      const start = startOf(diagnostic.place);
      return {
        where: start ? `${start.line}:${start.column}` : '',
        severity: diagnostic.severity,
        message: diagnostic.message.replace(/(?<!\s)\s*\r?\n\s*/g, ' '),
        ruleId: diagnostic.ruleId,
      };
    });
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const severityWidth = Math.max(...rows.map((row) => labels[row.severity].length));
    out.push(paint('underline', result.file));
    for (const row of rows) {
      const severity = labels[row.severity].padEnd(severityWidth);
      out.push(
        `  ${row.where.padEnd(whereWidth)}  ${paint(colors[row.severity], severity)}  ${row.message}  ${paint('dim', row.ruleId)}`,
      );
    }
    out.push('');
  }
  const summary = summarize(input.results);
  const problems = summary.errors + summary.warnings + summary.infos;
  if (problems === 0) return '';
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos > 0) parts.push(plural(summary.infos, 'info'));
  const line = `${summary.errors > 0 ? '✖' : '⚠'} ${plural(problems, 'problem')} (${parts.join(', ')})`;
  out.push(paint(summary.errors > 0 ? 'red' : 'yellow', line));
  return `${out.join('\n')}\n`;
}
