import type { Readable } from 'node:stream';
import type { Diagnostic } from '../schema/index.js';
import { checkSource } from './check-source.js';
import { formatOfFile, type InputFormat } from './detect-format.js';
import type * as engines from './engines.js';
import type { InputFile } from './expand-paths.js';
import { fixSource } from './fix-source.js';
import { type ReadResult, readInput, readStream } from './read-input.js';
import type { FormatName } from './reporters/index.js';
import { type FileResult, sortDiagnostics } from './types.js';
import { unifiedDiff } from './unified-diff.js';
import { writeAtomic } from './write-atomic.js';

/** Everything a check run needs, after merging config and command line. */
export interface Settings {
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
  return {
    ruleId: 'unsupported-format',
    severity: 'error',
    message:
      'Unknown file type: nutgraf reads .md, .markdown, .txt, .json and .html files (use `--stdin-filename` for standard input)',
    file,
    source: 'nutgraf',
  };
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
  /** Set when a parser or rule threw on this file (a bug): the run exits with 2. */
  crashed?: boolean;
}

/**
 * Read, check and (with `fix`) fix one file. Never throws: every problem is a diagnostic,
 * and an exception from a parser or rule (a bug) becomes an `internal-error` diagnostic
 * with `crashed` set, so the run goes on with the other files.
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
    const file = input.absolute === '-' ? settings.stdinName : input.file;
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return {
      result: {
        file,
        diagnostics: [
          {
            ruleId: 'internal-error',
            severity: 'error',
            message: `nutgraf crashed on this file; please report it: ${detail.split('\n').slice(0, 3).join(' ')}`,
            file,
            source: 'nutgraf',
          },
        ],
      },
      diff: '',
      crashed: true,
    };
  }
}

async function checkOneUnsafe(
  input: InputFile,
  settings: Settings,
  stdin: Readable | undefined,
): Promise<FileOutcome> {
  const isStdin = input.absolute === '-';
  const file = isStdin ? settings.stdinName : input.file;
  const format = isStdin ? settings.stdinFormat : formatOfFile(input.absolute);
  let read: ReadResult;
  if (isStdin) {
    read = stdin
      ? await readStream(stdin, file, { maxFileSize: settings.maxFileSize })
      : { text: '' };
  } else if (!format) {
    read = { diagnostic: unsupported(file) };
  } else {
    read = await readInput(input.absolute, file, { maxFileSize: settings.maxFileSize });
  }
  if ('diagnostic' in read || !format) {
    return {
      result: { file, diagnostics: 'diagnostic' in read ? [read.diagnostic] : [unsupported(file)] },
      diff: '',
    };
  }
  const options = {
    file,
    timeZone: settings.timeZone,
    ...(settings.preset ? { preset: settings.preset } : {}),
    rules: settings.rules,
  };
  let checked = checkSource(read.text, format, options);
  let diff = '';
  if (settings.fix && checked.parsed) {
    const fixed = fixSource(read.text, format);
    if (fixed.fixes.length > 0 && fixed.text !== read.text) {
      const after = checkSource(fixed.text, format, options);
      const errors = (list: readonly Diagnostic[]) =>
        list.filter((d) => d.severity === 'error').length;
      if (!after.parsed || errors(after.diagnostics) > errors(checked.diagnostics)) {
        checked = {
          ...checked,
          diagnostics: [
            ...checked.diagnostics,
            {
              ruleId: 'fix-rejected',
              severity: 'warning',
              message: 'Safe fixes were not applied: the fixed file would have more errors',
              file,
              source: 'nutgraf',
            },
          ],
        };
      } else if (settings.dryRun) {
        diff = unifiedDiff(file, read.text, fixed.text);
        checked = after;
      } else if (!isStdin) {
        try {
          await writeAtomic(input.absolute, read.bom ? `\uFEFF${fixed.text}` : fixed.text);
          checked = after;
        } catch (error) {
          checked.diagnostics.push({
            ruleId: 'unwritable-file',
            severity: 'error',
            message: `Cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
            file,
            source: 'nutgraf',
          });
        }
      }
    }
  }
  const kept = checked.diagnostics.filter((diagnostic) =>
    diagnostic.severity === 'error'
      ? true
      : diagnostic.severity === 'warning'
        ? !settings.quiet
        : settings.verbose && !settings.quiet,
  );
  return { result: { file, diagnostics: sortDiagnostics(kept) }, diff };
}
