import { stat } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import type { WorkerPool } from './check-files.js';
import {
  integerOption,
  type MainOptions,
  RunError,
  UsageError,
  type Values,
} from './cli-options.js';
import type { LoadedConfig } from './config-text.js';
import { loadConfig } from './load-config.js';
import { outputTargets } from './report-outputs.js';
import { memoryCache } from './run-cache.js';
import {
  type CheckPlan,
  checkPlanned,
  openRunCache,
  planCheck,
  printConfigProblems,
  report,
} from './run-check.js';
import { summarize } from './types.js';
import { fallbackPoll, watchFolders } from './watch-folders.js';

/** Milliseconds without a change before a run starts, so that one save (or `git checkout`) is one run. */
const quietTime = 100;

/** Signals that end `--watch` when {@link MainOptions.signal} is not given. */
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Clears a terminal and its scrollback, as `tsc --watch` does. */
const clearScreen = '\x1b[2J\x1b[3J\x1b[H';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The signal that ends the watch: the caller's, or one raised by SIGINT, SIGTERM or SIGHUP. */
function stopSignal(options: MainOptions): { signal: AbortSignal; dispose: () => void } {
  if (options.signal) return { signal: options.signal, dispose: () => undefined };
  const controller = new AbortController();
  const stop = () => controller.abort();
  for (const name of stopSignals) process.once(name, stop);
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of stopSignals) process.off(name, stop);
    },
  };
}

/** What one run of the watch gave. */
type Outcome =
  | { kind: 'checked'; plan: CheckPlan; printed: boolean }
  | { kind: 'failed'; code: number }
  | { kind: 'stopped' };

/**
 * `nutgraf check --watch`: check, then check again whenever a file, the configuration, an
 * ignore file or the site data changes, until SIGINT (or `options.signal`). Each run looks
 * at everything again (configuration, ignores, folders) and answers unchanged files from
 * the cache (in memory, and in the cache file with `--cache`), so only changed files are
 * parsed; a run in which nothing changed prints nothing. Resolves with 0 when stopped, or
 * with the exit code of a first run that could not check (usage error, invalid
 * configuration); later such errors are printed and watching goes on.
 */
export async function runWatch(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  pool: WorkerPool | undefined,
): Promise<number> {
  if (paths.includes('-')) {
    throw new UsageError('`--watch` cannot watch standard input: give files, folders or globs');
  }
  const poll = integerOption('poll', values.poll);
  if (poll === 0) throw new UsageError('`--poll` expects a number of milliseconds above 0');
  const cwd = options.cwd;
  const targets = outputTargets(values.format, cwd);
  const cache = values.cache ? await openRunCache(options, values) : memoryCache();
  // What the runs write: their own changes are not changes to check.
  const written = [
    ...(cache.location === undefined ? [] : [cache.location]),
    ...targets.flatMap((target) => (target.file === undefined ? [] : [target.file])),
  ];
  const skip = (absolute: string) =>
    written.some((file) => absolute === file || absolute.startsWith(`${file}.`));

  const { signal, dispose } = stopSignal(options);
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  const wakeUp = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const onChange = (absolute: string) => {
    dirty = true;
    // A poll tick (no path) starts a run unless one is due: ticks closer than the quiet
    // time must not put the run off for ever.
    if (absolute === '' && timer !== undefined) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      wakeUp();
    }, quietTime);
  };
  const watcher = watchFolders({
    onChange,
    skip,
    poll,
    onFallback: (reason) =>
      options.stderr.write(`nutgraf: ${reason}: looking for changes every second instead\n`),
  });
  signal.addEventListener('abort', wakeUp, { once: true });
  const stdoutTarget = targets.find((target) => target.file === undefined);
  const clears =
    (options.stdout as { isTTY?: boolean }).isTTY === true && stdoutTarget?.format === 'stylish';

  let last: string | undefined;
  let folders = new Set<string>([cwd]);
  /** Watch these folders; the number newly watched. */
  const watch = (wanted: Set<string>) => watcher.set(wanted);
  /** One run: plan, check (answering unchanged files from the cache), and print when something changed. */
  const once = async (first: boolean): Promise<Outcome> => {
    const loaded = await loadConfig({ cwd, configFile: values.config });
    const around = [cwd, ...(loaded.directory ? [loaded.directory] : [])];
    const failed = (text: string, print: () => void): Outcome => {
      if (first) {
        print();
        return { kind: 'failed', code: 2 };
      }
      for (const folder of around) folders.add(folder);
      watch(folders);
      if (text !== last) {
        if (clears) options.stdout.write(clearScreen);
        print();
        options.stderr.write('nutgraf: watching for changes (Ctrl-C stops)\n');
      }
      last = text;
      return { kind: 'failed', code: 2 };
    };
    if (loaded.diagnostics.length > 0) {
      return failed(`config ${JSON.stringify(loaded.diagnostics)}`, () =>
        printConfigProblems(options, loaded),
      );
    }
    let plan: CheckPlan;
    try {
      plan = await planCheck(options, values, paths, false, loaded);
    } catch (error) {
      if (!(error instanceof UsageError || error instanceof RunError)) throw error;
      if (first) throw error;
      return failed(`error ${error.message}`, () =>
        options.stderr.write(`nutgraf: ${error.message}\n`),
      );
    }
    folders = await watchedFolders(plan, loaded, around);
    // Watched before the check, so that a change made while it runs is seen. A folder made
    // since the last run may have had files added before it was watched: look once more.
    if (watch(folders) > 0 && !first) onChange(cwd);
    const { outcomes, checked } = await checkPlanned(plan, options, values, {
      cache,
      pool,
      signal,
    });
    cache.next();
    if (signal.aborted) return { kind: 'stopped' };
    const state = JSON.stringify([
      plan.jobs.map((job) => [job.input.absolute, plan.keys[job.profile]]),
      plan.maxWarnings,
      plan.notes,
    ]);
    if (!first && checked === 0 && state === last) {
      return { kind: 'checked', plan, printed: false };
    }
    last = state;
    if (clears && !first) options.stdout.write(clearScreen);
    if (plan.notes !== '') options.stderr.write(plan.notes);
    await report(options, outcomes, plan).catch((error: unknown) => {
      if (!(error instanceof RunError)) throw error;
      options.stderr.write(`nutgraf: ${error.message}\n`);
    });
    const summary = summarize(outcomes.map((outcome) => outcome.result));
    const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
    const files = plural(plan.jobs.length, 'file');
    const what = first ? `${files} checked` : `${files} (${checked} checked again)`;
    const how = watcher.mode === 'poll' ? `, looking every ${poll ?? fallbackPoll} ms` : '';
    options.stderr.write(
      `nutgraf: ${what}: ${counts}. Watching for changes${how} (Ctrl-C stops)\n`,
    );
    return { kind: 'checked', plan, printed: true };
  };

  try {
    for (let first = true; !signal.aborted; first = false) {
      dirty = false;
      const outcome = await once(first);
      if (outcome.kind === 'stopped') break;
      if (outcome.kind === 'failed' && first) return outcome.code;
      await new Promise<void>((resolve) => {
        if (signal.aborted || (dirty && timer === undefined)) resolve();
        else wake = resolve;
      });
    }
    return 0;
  } finally {
    clearTimeout(timer);
    watcher.close();
    signal.removeEventListener('abort', wakeUp);
    dispose();
  }
}

/**
 * The folders to watch after a run: those it searched, the configuration's and the working
 * directory, and the site data (a folder, or the folder of a data file).
 */
async function watchedFolders(
  plan: CheckPlan,
  loaded: LoadedConfig,
  around: readonly string[],
): Promise<Set<string>> {
  const folders = new Set<string>(around);
  if (loaded.file) folders.add(path.dirname(loaded.file));
  for (const watched of plan.watched) {
    const info = await stat(watched).catch(() => undefined);
    folders.add(info?.isDirectory() ? watched : path.dirname(watched));
  }
  return folders;
}
