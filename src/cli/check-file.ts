import type { Readable } from 'node:stream';
import { fileDiagnostic } from '../lint/file-rules.js';
import type { Diagnostic } from '../schema/index.js';
import { checkSource } from './check-source.js';
import { formatOfFile, type InputFormat } from './detect-format.js';
import * as engines from './engines.js';
import type { InputFile } from './expand-paths.js';
import { memoryGuard } from './file-budget.js';
import { fixSource, withFixes } from './fix-source.js';
import { type ReadResult, readInput, readStream } from './read-input.js';
import type { FormatName } from './reporters/index.js';
import { type FileResult, sortDiagnostics } from './types.js';
import { unifiedDiff } from './unified-diff.js';
import { WriteConflictError, writeAtomic } from './write-atomic.js';

/** Everything a check run needs for a file, after merging config, its overrides and the command line. */
export interface Settings extends engines.SiteOptions {
  format: FormatName;
  preset?: engines.PresetName;
  rules: Record<string, engines.RuleSetting>;
  timeZone?: string;
  maxWarnings?: number;
  maxFileSize: number;
  quiet: boolean;
  verbose: boolean;
  fix: boolean;
  dryRun: boolean;
  stdinFormat: InputFormat;
  stdinName: string;
}

export function unsupported(file: string): Diagnostic {
  return fileDiagnostic(
    'unsupported-format',
    'Unknown file type: nutgraf reads .md, .markdown, .txt, .json and .html files (use `--stdin-filename` for standard input)',
    file,
  );
}

/** The preset and per-rule settings of a run, as the rule engine takes them. */
function ruleOptions(settings: Readonly<Settings>): engines.RuleOptions {
  const options: engines.RuleOptions = { rules: settings.rules };
  if (settings.preset) options.preset = settings.preset;
  return options;
}

/** What `--quiet` and `--verbose` let through of `diagnostics`, sorted. */
export function keptDiagnostics(
  diagnostics: readonly Diagnostic[],
  settings: Readonly<Pick<Settings, 'quiet' | 'verbose'>>,
): Diagnostic[] {
  return sortDiagnostics(
    diagnostics.filter((diagnostic) =>
      diagnostic.severity === 'error'
        ? true
        : diagnostic.severity === 'warning'
          ? !settings.quiet
          : settings.verbose && !settings.quiet,
    ),
  );
}

/** The parser's diagnostics of a file `parse` converts: rule settings applied, then {@link keptDiagnostics}. */
export function parseDiagnostics(
  diagnostics: readonly Diagnostic[],
  settings: Readonly<Settings>,
): Diagnostic[] {
  return keptDiagnostics(engines.applyRuleSettings(diagnostics, ruleOptions(settings)), settings);
}

/** Run `items` through `worker` with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index]!, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** One file's result, and the diff of its fixes with `--dry-run`. */
export interface FileOutcome {
  result: FileResult;
  diff: string;
  /** Text for standard output: the fixed text of standard input (`fix -`), or what `parse` prints. */
  output?: string;
  /** Set when a parser or rule threw on this file (a bug): the run exits with 2. */
  crashed?: boolean;
}

/**
 * Read, check and (with `fix`) fix one file. Never throws: every problem is a diagnostic,
 * and an exception from a parser or rule (a bug) becomes an `internal-error` diagnostic
 * with `crashed` set, so the run goes on with the other files. The rule settings apply to
 * the CLI's own diagnostics (`unreadable-file`, `fix-rejected`, …) as to any rule's, except
 * to `internal-error`, which is always reported.
 *
 * @example
 * const { result } = await checkOne({ absolute: '/repo/a.md', file: 'a.md' }, settings)
 */
export async function checkOne(
  input: InputFile,
  settings: Settings,
  stdin: Readable | undefined,
): Promise<FileOutcome> {
  try {
    return await checkOneUnsafe(input, settings, stdin);
  } catch (error) {
    return crashOutcome(input.absolute === '-' ? settings.stdinName : input.file, error);
  }
}

/** The outcome of a file on which a parser or rule threw: an `internal-error`, `crashed` set. */
export function crashOutcome(file: string, error: unknown): FileOutcome {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    result: {
      file,
      diagnostics: [
        fileDiagnostic(
          'internal-error',
          `nutgraf crashed on this file; please report it: ${detail.split('\n').slice(0, 3).join(' ')}`,
          file,
        ),
      ],
    },
    diff: '',
    crashed: true,
  };
}

async function checkOneUnsafe(
  input: InputFile,
  settings: Settings,
  stdin: Readable | undefined,
): Promise<FileOutcome> {
  const isStdin = input.absolute === '-';
  const file = isStdin ? settings.stdinName : input.file;
  /** The rule settings applied to diagnostics the CLI adds itself. */
  const settle = (diagnostics: readonly Diagnostic[]) =>
    engines.applyRuleSettings(diagnostics, ruleOptions(settings));
  const kept = (diagnostics: readonly Diagnostic[]) => keptDiagnostics(diagnostics, settings);
  const format = isStdin ? settings.stdinFormat : formatOfFile(input.absolute);
  let read: ReadResult;
  if (isStdin) {
    read = stdin
      ? await readStream(stdin, file, {
          maxFileSize: settings.maxFileSize,
          html: format === 'html',
        })
      : { text: '' };
  } else if (!format) {
    read = { diagnostic: unsupported(file) };
  } else {
    read = await readInput(input.absolute, file, {
      maxFileSize: settings.maxFileSize,
      html: format === 'html',
    });
  }
  if ('diagnostic' in read || !format) {
    const problem = 'diagnostic' in read ? read.diagnostic : unsupported(file);
    return { result: { file, diagnostics: kept(settle([problem])) }, diff: '' };
  }
  const tooLarge = memoryGuard(read.text, format, file);
  if (tooLarge) return { result: { file, diagnostics: [tooLarge] }, diff: '', crashed: true };
  const options = {
    file,
    timeZone: settings.timeZone,
    ...engines.siteOptionsOf(settings),
    ...ruleOptions(settings),
    bytes: read.bytes,
  };
  let checked = checkSource(read.text, format, options);
  // `fix -` is a filter: it prints the text, fixed or as it came.
  const bom = read.bom ? '\uFEFF' : '';
  const printed = isStdin && settings.fix && !settings.dryRun;
  const done = (outcome: FileOutcome, text: string): FileOutcome =>
    printed ? { ...outcome, output: `${bom}${text}` } : outcome;
  if (!checked.parsed) {
    return done({ result: { file, diagnostics: kept(checked.diagnostics) }, diff: '' }, read.text);
  }
  if (!settings.fix) {
    const diagnostics = withFixes(read.text, format, checked.diagnostics);
    return { result: { file, diagnostics: kept(diagnostics) }, diff: '' };
  }
  const fixedSource = fixSource(read.text, format, options, checked);
  const problems: Diagnostic[] = [];
  if (fixedSource.rejected) {
    problems.push(
      fileDiagnostic('fix-rejected', `Safe fixes were not applied: ${fixedSource.rejected}`, file),
    );
  }
  let diff = '';
  let fixed: Diagnostic[] = [];
  let text = read.text;
  if (fixedSource.text !== read.text) {
    if (settings.dryRun) {
      diff = unifiedDiff(file, read.text, fixedSource.text);
      checked = fixedSource.checked;
      fixed = fixedSource.fixed;
    } else if (isStdin) {
      text = fixedSource.text;
      checked = fixedSource.checked;
      fixed = fixedSource.fixed;
    } else {
      try {
        await writeAtomic(input.absolute, `${bom}${fixedSource.text}`, {
          expected: Buffer.from(`${bom}${read.text}`),
        });
        checked = fixedSource.checked;
        fixed = fixedSource.fixed;
      } catch (error) {
        problems.push(
          error instanceof WriteConflictError
            ? fileDiagnostic(
                'fix-conflict',
                'The file changed while nutgraf fixed it: it was left as it is now; run `nutgraf fix` again',
                file,
              )
            : fileDiagnostic(
                'unwritable-file',
                `Cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
                file,
              ),
        );
      }
    }
  }
  const diagnostics = kept([...checked.diagnostics, ...settle(problems)]);
  const result: FileResult = { file, diagnostics };
  if (fixed.length > 0) result.fixed = fixed;
  return done({ result, diff }, text);
}
