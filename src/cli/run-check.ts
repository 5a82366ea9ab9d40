import { type Stats, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { rules as ruleTable } from '../lint/rules.js';
import type { FileOutcome, Settings } from './check-file.js';
import { type CheckJob, checkFiles, type WorkerPool } from './check-files.js';
import { integerOption, type MainOptions, UsageError, type Values } from './cli-options.js';
import type { LoadedConfig } from './config-text.js';
import { formatOfFile } from './detect-format.js';
import { diagnosticLine } from './diagnostic-line.js';
import { expandPaths, type Pattern, type Unmatched } from './expand-paths.js';
import { settingsForFiles } from './file-settings.js';
import { createIgnoreMatcher, type GlobIgnores } from './ignore-rules.js';
import { defaultMaxFileSize } from './read-input.js';
import {
  type OutputTarget,
  outputTargets,
  renderReport,
  writeReportFile,
} from './report-outputs.js';
import {
  contentHash,
  defaultCacheName,
  type FileKey,
  type FileStamp,
  openCache,
  type RunCache,
  settingsKey,
} from './run-cache.js';
import { type FileResult, sortDiagnostics, summarize } from './types.js';
import { useColor } from './use-color.js';
import { version } from './version.js';

/** Runs with more files than this show a progress line on a terminal. */
const progressThreshold = 300;

/** A path shown relative to the working directory, `/`-separated. */
function shown(cwd: string, file: string): string {
  return (path.relative(cwd, file) || '.').split(path.sep).join('/');
}

/** The message of a pattern that gave no file. */
function unmatchedMessage(unmatched: Unmatched): string {
  const pattern = `\`${unmatched.pattern}\``;
  switch (unmatched.reason) {
    case 'missing':
      return `No such file or folder: ${pattern}`;
    case 'not-a-file':
      return `${pattern} is ${unmatched.kind ?? 'not a regular file'}, not a file or folder: nutgraf reads files, and standard input with \`-\``;
    case 'ignored':
      return `Every article file in ${pattern} is ignored (\`ignores\`, \`--ignore\`, \`.nutgrafignore\` or \`.gitignore\`): \`--no-ignore\` checks them`;
    default:
      return `No article files match ${pattern}`;
  }
}

/** Read and hash each file for the cache; files already known are answered from it. */
async function answerFromCache(
  cache: RunCache,
  jobs: readonly CheckJob[],
  keys: readonly string[],
  outcomes: FileOutcome[],
): Promise<Map<number, FileKey>> {
  const found = new Map<number, FileKey>();
  await Promise.all(
    jobs.map(async (job, index) => {
      const absolute = job.input.absolute;
      if (absolute === '-') return;
      const key = await fileKey(absolute, (stamp) => cache.knownHash(absolute, stamp));
      if (!key) return;
      found.set(index, key);
      const hit = cache.get(absolute, key, keys[job.profile]!, job.input.file);
      if (hit) outcomes[index] = hit;
    }),
  );
  return found;
}

/** A file's stamp and content hash; the hash is read only when `known` does not give it. */
async function fileKey(
  absolute: string,
  known: (stamp: FileStamp) => string | undefined = () => undefined,
): Promise<FileKey | undefined> {
  // Synchronous: on a rerun, thousands of stats answer most files, and one call each is
  // several times cheaper than a promise through the thread pool (nothing else runs meanwhile).
  let info: Stats | undefined;
  try {
    info = statSync(absolute, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!info?.isFile()) return undefined;
  const stamp = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
  const hash = known(stamp);
  if (hash !== undefined) return { hash, stamp };
  const bytes = await readFile(absolute).catch(() => undefined);
  return bytes ? { hash: contentHash(bytes), stamp } : undefined;
}

/** Write `text` unless it is empty. */
function write(stream: Writable, text: string): void {
  if (text !== '') stream.write(text);
}

/** A run of `check` or `fix`, planned: what to check, with which settings, and how to report it. */
export interface CheckPlan {
  targets: OutputTarget[];
  base: Settings;
  maxWarnings: number | undefined;
  timeout: number | undefined;
  maxMemory: number | undefined;
  jobs: CheckJob[];
  profiles: Settings[];
  /** Per profile: the cache key of its settings (see {@link settingsKey}). */
  keys: string[];
  /** Notes for standard error (named files skipped, site data records left out), printed with the report. */
  notes: string;
  /** Folders and files whose change can change the run, for `--watch`. */
  watched: string[];
}

/** A stream that keeps what is written, for notes printed later. */
function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * Plan a run: the reports, the files (with ignores) and each file's settings. Throws a
 * {@link UsageError} for a bad command line or no files, a {@link RunError} for site data
 * that cannot be read.
 */
export async function planCheck(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  fix: boolean,
  loaded: LoadedConfig,
): Promise<CheckPlan> {
  const cwd = options.cwd;
  if (values['dry-run'] && !fix) {
    throw new UsageError(
      '`--dry-run` goes with `--fix` or the `fix` command: it prints the fixes as a diff instead of writing them',
    );
  }
  const targets = outputTargets(values.format, cwd);
  const config = loaded.config;
  const directory = loaded.directory ?? cwd;
  const stdinName = values['stdin-filename'] ?? '<stdin>';
  const base: Settings = {
    format: targets[0]!.format,
    rules: {},
    maxFileSize:
      integerOption('max-file-size', values['max-file-size']) ??
      config.maxFileSize ??
      defaultMaxFileSize,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    fix,
    dryRun: values['dry-run'] ?? false,
    stdinFormat: formatOfFile(stdinName) ?? 'markdown',
    stdinName,
  };
  const ignoreFiles = !values['no-ignore'];
  const globs: GlobIgnores[] = [];
  if (ignoreFiles && config.ignores?.length) {
    globs.push({
      base: directory,
      patterns: config.ignores,
      source: loaded.file ? shown(cwd, loaded.file) : 'the configuration',
    });
  }
  if (ignoreFiles && values.ignore?.length) {
    globs.push({ base: cwd, patterns: values.ignore, source: '--ignore' });
  }
  const ignores = ignoreFiles
    ? await createIgnoreMatcher({
        cwd,
        globs,
        gitignore: !values['no-gitignore'] && config.gitignore !== false,
        root: loaded.file ? directory : undefined,
      })
    : undefined;
  const patterns: Pattern[] =
    paths.length > 0
      ? paths.map((pattern) => ({ pattern, base: cwd }))
      : (config.files ?? []).map((pattern) => ({ pattern, base: directory }));
  if (patterns.length === 0) {
    throw new UsageError(
      'No files to check: give paths, folders or globs (or `files` in the configuration)',
    );
  }
  const expanded = await expandPaths(patterns, { cwd, ignores });
  if (expanded.unmatched.length > 0) {
    throw new UsageError(expanded.unmatched.map(unmatchedMessage).join('\nnutgraf: '));
  }
  const notes = collector();
  for (const skipped of expanded.skipped) {
    notes.stream.write(
      `nutgraf: skipped \`${skipped.file}\`: ignored by \`${skipped.pattern}\` in ${skipped.source} (\`--no-ignore\` checks it)\n`,
    );
  }
  const files = expanded.files;
  const { profiles, profileOf, dataPaths } = await settingsForFiles(
    { ...options, stderr: notes.stream },
    values,
    loaded,
    base,
    files,
  );
  const jobs: CheckJob[] = files.map((input, index) => ({ input, profile: profileOf[index]! }));
  return {
    targets,
    base,
    maxWarnings: integerOption('max-warnings', values['max-warnings']) ?? config.maxWarnings,
    timeout: integerOption('timeout', values.timeout) ?? config.timeout,
    maxMemory: integerOption('max-memory', values['max-memory']) ?? config.maxMemory,
    jobs,
    profiles,
    // The report format does not change a file's result.
    keys: profiles.map(({ format: _, ...settings }) => settingsKey(settings)),
    notes: notes.text(),
    watched: [...expanded.folders, ...dataPaths],
  };
}

/** The cache a run asks for with `--cache` (and `--cache-location`). */
export async function openRunCache(options: MainOptions, values: Values): Promise<RunCache> {
  const location = values['cache-location'] ?? defaultCacheName;
  // A trailing slash names a folder to keep the cache in, even one that does not exist yet.
  const trailing = /[\\/]$/.test(location) ? path.sep : '';
  return openCache(`${path.resolve(options.cwd, location)}${trailing}`, version);
}

/** What {@link checkPlanned} gives: each file's outcome, and how many were checked (not answered from the cache). */
export interface CheckedRun {
  outcomes: FileOutcome[];
  checked: number;
}

/**
 * Check the files of a plan, answering those the cache knows from it and storing the
 * others in it. Resolves with holes in `outcomes` when `signal` stops the run.
 */
export async function checkPlanned(
  plan: CheckPlan,
  options: MainOptions,
  values: Values,
  run: {
    cache?: RunCache | undefined;
    pool?: WorkerPool | undefined;
    signal?: AbortSignal | undefined;
  },
): Promise<CheckedRun> {
  const { jobs, keys, base, profiles } = plan;
  const cache = run.cache;
  const outcomes = new Array<FileOutcome>(jobs.length);
  const fileKeys = cache
    ? await answerFromCache(cache, jobs, keys, outcomes)
    : new Map<number, FileKey>();
  const missing = jobs.flatMap((_job, index) => (outcomes[index] === undefined ? [index] : []));
  const showProgress =
    missing.length > progressThreshold && (options.stderr as { isTTY?: boolean }).isTTY === true;
  const checked = await checkFiles(
    missing.map((index) => jobs[index]!),
    profiles,
    {
      stdin: options.stdin,
      threads: integerOption('threads', values.threads),
      timeout: plan.timeout,
      maxMemory: plan.maxMemory,
      pool: run.pool,
      signal: run.signal,
      onProgress: (done, total) => {
        if (showProgress && (done % 50 === 0 || done === total)) {
          options.stderr.write(`\rnutgraf: checked ${done}/${total} files`);
        }
      },
    },
  );
  if (showProgress) options.stderr.write('\r\x1b[K');
  missing.forEach((index, at) => {
    outcomes[index] = checked[at]!;
  });
  if (cache && !run.signal?.aborted) {
    for (const index of missing) {
      const key = fileKeys.get(index);
      const job = jobs[index]!;
      if (key === undefined) continue;
      // A file `fix` wrote has new content: it is checked again next time.
      if (base.fix && !base.dryRun) {
        const now = await fileKey(job.input.absolute);
        if (!now || now.hash !== key.hash) continue;
      }
      cache.set(job.input.absolute, key, keys[job.profile]!, outcomes[index]!);
    }
    await cache.save().catch((error: NodeJS.ErrnoException) => {
      options.stderr.write(
        `nutgraf: cannot write the cache \`${shown(options.cwd, cache.location ?? '')}\` (${error.code ?? error.message})\n`,
      );
    });
  }
  return { outcomes, checked: missing.length };
}

/**
 * `nutgraf check` and `nutgraf fix`: find the files, check them (in workers, with the cache
 * when asked), print or write each report, and return the exit code.
 */
export async function runCheck(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  fix: boolean,
  loaded: LoadedConfig,
  pool: WorkerPool | undefined,
): Promise<number> {
  const plan = await planCheck(options, values, paths, fix, loaded);
  const cache = values.cache ? await openRunCache(options, values) : undefined;
  const { outcomes } = await checkPlanned(plan, options, values, { cache, pool });
  write(options.stderr, plan.notes);
  return report(options, outcomes, plan);
}

/** Print and write the reports of a run, and return its exit code. */
export async function report(
  options: MainOptions,
  outcomes: readonly FileOutcome[],
  plan: Pick<CheckPlan, 'targets' | 'base' | 'maxWarnings'>,
): Promise<number> {
  const { targets, base, maxWarnings } = plan;
  const env = options.env ?? {};
  const results = outcomes.map((outcome) => outcome.result);
  // `fix -` prints the fixed text: standard output is taken, reports for it go to standard error.
  const texts = outcomes.flatMap((outcome) =>
    outcome.output === undefined ? [] : [outcome.output],
  );
  const stdoutTaken = texts.length > 0;
  const toStdout = targets.find((target) => target.file === undefined);
  // Diffs are for people: on standard output next to a stylish report, else on standard error.
  const diffs = outcomes.map((outcome) => outcome.diff).join('');
  const diffStream =
    !stdoutTaken && (toStdout === undefined || toStdout.format === 'stylish')
      ? options.stdout
      : options.stderr;
  write(diffStream, diffs);
  write(options.stdout, texts.join(''));
  for (const target of targets) {
    const stream =
      target.file !== undefined ? undefined : stdoutTaken ? options.stderr : options.stdout;
    const text = renderReport(
      target,
      {
        results: target.format === 'github' ? githubPaths(results, options, base) : results,
        cwd: options.cwd,
        color: stream !== undefined && useColor(stream, env),
        version: version,
      },
      ruleTable,
    );
    if (stream) write(stream, text);
    else await writeReportFile(target, text);
  }
  const summary = summarize(results);
  if (outcomes.some((outcome) => outcome.crashed)) return 2;
  if (summary.errors > 0) return 1;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    options.stderr.write(
      `nutgraf: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

/** GitHub resolves annotation paths against the repository root, not the working directory. */
function githubPaths(
  results: readonly FileResult[],
  options: MainOptions,
  base: Readonly<Settings>,
): readonly FileResult[] {
  const workspace = options.env?.GITHUB_WORKSPACE;
  if (!workspace) return results;
  return results.map((result) =>
    result.file === base.stdinName
      ? result
      : {
          ...result,
          file: path
            .relative(workspace, path.resolve(options.cwd, result.file))
            .split(path.sep)
            .join('/'),
        },
  );
}

/** Print configuration problems on standard error, paths relative to the working directory. */
export function printConfigProblems(options: MainOptions, loaded: LoadedConfig): void {
  for (const diagnostic of sortDiagnostics(loaded.diagnostics)) {
    const file = diagnostic.file ? shown(options.cwd, diagnostic.file) : '';
    options.stderr.write(diagnosticLine(file === '' ? diagnostic : { ...diagnostic, file }));
  }
}
