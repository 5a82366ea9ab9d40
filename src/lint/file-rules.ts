import type { Diagnostic, Severity } from '../schema/index.js';

/** A problem the CLI reports about a file as a whole (or its configuration): id, severity and meaning. */
export interface FileDiagnosticRule {
  /** Stable kebab-case id. */
  readonly id: string;
  /** How serious it is. */
  readonly severity: Severity;
  /** What it means, for docs and tooling. */
  readonly description: string;
}

/**
 * Every diagnostic the CLI itself reports, about a file it cannot read, check or write, or
 * about its configuration, in one table: the rule table, the docs, the tests and the CLI
 * read it from here. The CLI builds these diagnostics with {@link fileDiagnostic}, so an
 * id missing from this table is a type error.
 *
 * @example
 * FILE_DIAGNOSTICS.find((rule) => rule.id === 'file-too-large')?.severity //=> 'error'
 */
export const FILE_DIAGNOSTICS = [
  {
    id: 'unreadable-file',
    severity: 'error',
    description:
      'The file cannot be read: a broken symbolic link, a link loop, not a regular file, or reading it failed.',
  },
  {
    id: 'binary-file',
    severity: 'error',
    description: 'The file holds a NUL byte in its first 8 KB: binary data, not an article.',
  },
  {
    id: 'invalid-encoding',
    severity: 'error',
    description:
      'The file is not UTF-8: invalid UTF-8 bytes, or UTF-16 (with or without a byte order mark).',
  },
  {
    id: 'file-too-large',
    severity: 'error',
    description:
      'The file is larger than `--max-file-size` (10 MB by default) and was not checked.',
  },
  {
    id: 'unsupported-format',
    severity: 'error',
    description:
      'The file extension is not one nutgraf reads (.md, .markdown, .txt, .json, .html).',
  },
  {
    id: 'fix-rejected',
    severity: 'warning',
    description:
      'The safe fixes were not written: the fixed file would have more errors than the original, or a fix would not repair its problem.',
  },
  {
    id: 'fix-conflict',
    severity: 'error',
    description:
      'The file changed while `nutgraf fix` was fixing it: the fixes were not written, and the file was left as it is.',
  },
  {
    id: 'unwritable-file',
    severity: 'error',
    description: 'The fixed file could not be written.',
  },
  {
    id: 'invalid-config',
    severity: 'error',
    description:
      'The configuration file cannot be read, is not JSON, or does not fit the configuration schema.',
  },
  {
    id: 'check-timeout',
    severity: 'error',
    description:
      'Checking the file took longer than its time budget (`--timeout`, 10 seconds per started megabyte by default) and was stopped.',
  },
  {
    id: 'check-out-of-memory',
    severity: 'error',
    description:
      'Checking the file needed more memory than a worker may use (`--max-memory`) and was stopped.',
  },
  {
    id: 'internal-error',
    severity: 'error',
    description: 'nutgraf crashed while checking the file: a bug to report.',
  },
] as const satisfies readonly FileDiagnosticRule[];

/** The id of a diagnostic the CLI reports itself: one of {@link FILE_DIAGNOSTICS}. */
export type FileRuleId = (typeof FILE_DIAGNOSTICS)[number]['id'];

const SEVERITY: ReadonlyMap<string, Severity> = new Map(
  FILE_DIAGNOSTICS.map((rule) => [rule.id, rule.severity]),
);

/**
 * Build a diagnostic of one of the {@link FILE_DIAGNOSTICS} rules, at its default severity.
 *
 * @example
 * fileDiagnostic('binary-file', 'The file looks binary', 'a.md').severity //=> 'error'
 */
export function fileDiagnostic(
  ruleId: FileRuleId,
  message: string,
  file: string,
  place?: Diagnostic['place'],
): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId,
    severity: SEVERITY.get(ruleId) ?? 'error',
    message,
    file,
    source: 'nutgraf',
  };
  if (place) diagnostic.place = place;
  return diagnostic;
}
