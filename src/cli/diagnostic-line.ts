import type { Diagnostic } from '../schema/index.js';
import { startOf } from './types.js';

/**
 * One diagnostic as one line for standard error, as compilers print them:
 * `file:line:column: severity: message (rule-id)`.
 *
 * @example
 * diagnosticLine({ ruleId: 'invalid-config', severity: 'error', message: 'Bad', file: 'c.json', place: { line: 2, column: 3 } })
 * //=> 'c.json:2:3: error: Bad (invalid-config)\n'
 */
export function diagnosticLine(diagnostic: Readonly<Diagnostic>): string {
  const start = startOf(diagnostic.place);
  const where = `${diagnostic.file ?? ''}${start ? `:${start.line}:${start.column}` : ''}`;
  return `${where}: ${diagnostic.severity}: ${diagnostic.message} (${diagnostic.ruleId})\n`;
}
