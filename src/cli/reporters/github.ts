import type { Severity } from '../../schema/index.js';
import { endOf, type ReportInput, startOf } from '../types.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape the message of a workflow command (`%`, CR, LF). */
export function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escape a property of a workflow command (`%`, CR, LF, `:` and `,`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * GitHub Actions workflow commands, one line per diagnostic, which GitHub shows as
 * annotations on the pull request:
 * `::error file=docs/a.md,line=3,col=1,title=invalid-field::Missing required field`.
 * Info diagnostics become `::notice`.
 *
 * @example
 * reportGithub({ results, cwd })
 * //=> '::error file=a.md,line=3,col=1,endLine=3,endColumn=9,title=invalid-field::…\n'
 */
export function reportGithub(input: Readonly<ReportInput>): string {
  let out = '';
  for (const result of input.results) {
    for (const diagnostic of result.diagnostics) {
      const properties = [`file=${escapeProperty(result.file)}`];
      const start = startOf(diagnostic.place);
      const end = endOf(diagnostic.place);
      if (start) properties.push(`line=${start.line}`, `col=${start.column}`);
      if (start && end) properties.push(`endLine=${end.line}`, `endColumn=${end.column}`);
      properties.push(`title=${escapeProperty(diagnostic.ruleId)}`);
      out += `::${commands[diagnostic.severity]} ${properties.join(',')}::${escapeData(diagnostic.message)}\n`;
    }
  }
  return out;
}
