import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RunError, UsageError } from './cli-options.js';
import type { RuleInfo } from './engines.js';
import { type FormatName, reporters } from './reporters/index.js';
import type { ReportInput } from './types.js';

/** One report of a run: a format, and the file it goes to (standard output when none). */
export interface OutputTarget {
  format: FormatName;
  /** Absolute path of the report file; `undefined` for standard output. */
  file?: string | undefined;
  /** As given on the command line, for messages. */
  given?: string | undefined;
}

/** `name=file`: a format written to a file. */
const targetPattern = /^([a-z]+)(?:=(.+))?$/;

/**
 * The reports asked for with `--format`, each `name` (standard output) or `name=file`
 * (`--format stylish --format sarif=report.sarif`): stylish to standard output when none.
 * At most one report may go to standard output. Usage errors for unknown formats.
 *
 * @example
 * outputTargets(['stylish', 'sarif=out/report.sarif'], '/repo')
 * //=> [{ format: 'stylish' }, { format: 'sarif', file: '/repo/out/report.sarif', given: 'out/report.sarif' }]
 */
export function outputTargets(values: readonly string[] | undefined, cwd: string): OutputTarget[] {
  const given = values && values.length > 0 ? values : ['stylish'];
  const targets = given.map((value): OutputTarget => {
    const match = targetPattern.exec(value);
    const name = match?.[1] ?? value;
    if (!match || !Object.hasOwn(reporters, name)) {
      throw new UsageError(
        `Unknown format \`${name}\`: expected one of ${Object.keys(reporters).join(', ')}, each as \`name\` or \`name=file\``,
      );
    }
    const file = match[2];
    return file === undefined
      ? { format: name as FormatName }
      : { format: name as FormatName, file: path.resolve(cwd, file), given: file };
  });
  if (targets.filter((target) => target.file === undefined).length > 1) {
    throw new UsageError(
      'Only one `--format` can go to standard output: write the others to files (`--format sarif=report.sarif`)',
    );
  }
  return targets;
}

/** The report of a run in one format. */
export function renderReport(
  target: Readonly<OutputTarget>,
  input: Readonly<ReportInput>,
  rules: readonly RuleInfo[],
): string {
  return reporters[target.format](input, rules);
}

/**
 * Write a report to its file, creating its folder. Throws a {@link RunError} naming the
 * file when it cannot be written.
 */
export async function writeReportFile(target: Readonly<OutputTarget>, text: string): Promise<void> {
  if (target.file === undefined) return;
  try {
    await mkdir(path.dirname(target.file), { recursive: true });
    await writeFile(target.file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new RunError(`Cannot write the report \`${target.given ?? target.file}\` (${code})`);
  }
}
