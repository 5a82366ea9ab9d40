import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, Settings } from './check-file.js';
import type { WorkerData, WorkerRequest, WorkerResponse, WorkerSetup } from './check-worker.js';
import type { InputFile } from './expand-paths.js';
import { type BudgetRuleId, budgetDiagnostic, fileExtent } from './file-budget.js';
import type { ParseOutput } from './parse-file.js';
import { readRawStream } from './read-input.js';
import { guardFolders } from './write-atomic.js';

/** Options for {@link checkFiles}. */
export interface CheckFilesOptions {
  /** Standard input, for `-`. */
  stdin?: Readable | undefined;
  /**
   * Worker threads to check in (default `1`). Files are always checked in workers, so that a
   * file over its time or memory budget can be stopped; the main thread reads no file and
   * only hands them out. Runs of fewer than {@link threadThreshold} files use one worker,
   * whatever this says: starting a worker costs more than it saves.
   */
  threads?: number | undefined;
  /**
   * Seconds each file may take, per started megabyte (default {@link defaultTimeout}): a
   * file over its budget is stopped and reported as `check-timeout`. `0` turns the budget
   * off and checks every file in the main thread, as nutgraf 0.1 did.
   */
  timeout?: number | undefined;
  /**
   * Megabytes of JavaScript heap a worker may use (default: the heap limit of the main
   * thread); a file that needs more is stopped and reported as `check-out-of-memory`.
   */
  maxMemory?: number | undefined;
  /**
   * Stops the run: files not yet checked are left out of the outcomes (holes), workers
   * checking files are stopped (`--watch` ended with Ctrl-C).
   */
  signal?: AbortSignal | undefined;
  /** Called after each file. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Convert the files for `nutgraf parse` instead of checking them. */
  parse?: ParseOutput | undefined;
  /**
   * Workers to take before starting new ones (see {@link workerPool}), used when their
   * memory limit fits; workers that finish the run in good health are given back to it.
   */
  pool?: WorkerPool | undefined;
}

/** Worker threads kept between runs: one started ahead, or those of an earlier run (`--watch`). */
export interface WorkerPool {
  /** A worker with this memory limit, if the pool holds one; taking it hands it over to the run. */
  take(maxMemory: number | undefined): { worker: Worker; ready: boolean } | undefined;
  /** Keep a loaded worker, idle, for a later run. */
  give(worker: Worker, maxMemory: number | undefined): void;
  /** Stop the workers the pool holds. */
  close(): void;
}

function startWorker(maxMemory: number | undefined): Worker {
  const data: WorkerData = { flag: 'nutgraf-check-worker' };
  return new Worker(workerUrl, {
    workerData: data,
    ...(maxMemory === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: maxMemory } }),
    stdout: false,
    stderr: false,
  });
}

interface Pooled {
  worker: Worker;
  ready: boolean;
  maxMemory: number | undefined;
  onMessage: (message: WorkerResponse) => void;
  onExit: () => void;
}

/**
 * A pool of idle workers. With `warm`, one is started now, so that it loads the parsers
 * while the main thread reads the configuration and searches folders. Workers in the pool
 * do not keep the process alive. Does nothing when workers cannot be started.
 *
 * @example
 * const pool = workerPool({ warm: true, maxMemory: undefined })
 * try { await checkFiles(jobs, profiles, { pool }) } finally { pool.close() }
 */
export function workerPool(options: { warm: boolean; maxMemory: number | undefined }): WorkerPool {
  const idle: Pooled[] = [];
  const remove = (entry: Pooled) => {
    const at = idle.indexOf(entry);
    if (at !== -1) idle.splice(at, 1);
    entry.worker.off('message', entry.onMessage);
    entry.worker.off('exit', entry.onExit);
    entry.worker.off('error', ignoreError);
  };
  const give = (worker: Worker, maxMemory: number | undefined, ready: boolean) => {
    const entry: Pooled = {
      worker,
      ready,
      maxMemory,
      onMessage: (message) => {
        if ('ready' in message) entry.ready = true;
      },
      // A worker that stops or fails in the pool is not handed out: the run starts its own.
      onExit: () => remove(entry),
    };
    worker.on('message', entry.onMessage);
    worker.on('error', ignoreError);
    worker.on('exit', entry.onExit);
    worker.unref();
    idle.push(entry);
  };
  if (canStartWorkers && options.warm)
    give(startWorker(options.maxMemory), options.maxMemory, false);
  return {
    take(maxMemory) {
      const entry = idle.find((candidate) => candidate.maxMemory === maxMemory);
      if (!entry) return undefined;
      remove(entry);
      entry.worker.ref();
      return { worker: entry.worker, ready: entry.ready };
    },
    give(worker, maxMemory) {
      give(worker, maxMemory, true);
    },
    close() {
      for (const entry of [...idle]) {
        remove(entry);
        void entry.worker.terminate();
      }
    },
  };
}

function ignoreError(): void {}

/** Runs with fewer files use one worker, whatever `--threads` says. */
export const threadThreshold = 200;

/** Default `--timeout`: seconds per file and started megabyte. */
export const defaultTimeout = 10;

/** Jobs a worker holds at a time: the one it checks and the next, so it never waits for the main thread. */
const inFlightPerWorker = 2;

/** One file to check, with the settings profile it falls under. */
export interface CheckJob {
  input: InputFile;
  /** Index into the run's settings profiles. */
  profile: number;
}

/**
 * The worker's module: `check-worker.js` next to the built file of this module. From
 * TypeScript sources (the tests) there is none to start, and files are checked in this thread.
 */
const workerUrl = new URL('./check-worker.js', import.meta.url);
const canStartWorkers = import.meta.url.endsWith('.js');

function workerCount(jobs: number, requested: number | undefined): number {
  if (requested === undefined || jobs < threadThreshold) return 1;
  return Math.max(1, Math.min(requested, availableParallelism(), 16));
}

/**
 * Check many files, each with its settings profile, keeping their order. Never throws:
 * every problem is a diagnostic. In workers (see {@link CheckFilesOptions}), a file that
 * takes longer than its time budget, or more memory than a worker may use, gets one
 * positioned diagnostic (`check-timeout`, `check-out-of-memory`) and an outcome marked
 * `crashed`; its worker is replaced and the run goes on with the other files.
 *
 * @example
 * const outcomes = await checkFiles([{ input, profile: 0 }], [settings], { timeout: 10 })
 */
export async function checkFiles(
  jobs: readonly CheckJob[],
  profiles: readonly Settings[],
  options: Readonly<CheckFilesOptions> = {},
): Promise<FileOutcome[]> {
  const timeout = options.timeout ?? defaultTimeout;
  const run = () =>
    timeout === 0 || !canStartWorkers
      ? checkInThisThread(jobs, profiles, options)
      : checkInWorkers(jobs, profiles, timeout, options);
  const writing = jobs.filter(
    (job) =>
      job.input.absolute !== '-' && profiles[job.profile]?.fix && !profiles[job.profile]?.dryRun,
  );
  if (options.parse || writing.length === 0) return run();
  // Fixing writes temporary files next to the files: remove those of killed runs, and this
  // run's own if it is interrupted or a worker is stopped while writing.
  const release = await guardFolders(writing.map((job) => path.dirname(job.input.absolute)));
  try {
    return await run();
  } finally {
    release();
  }
}

async function checkInThisThread(
  jobs: readonly CheckJob[],
  profiles: readonly Settings[],
  options: Readonly<CheckFilesOptions>,
): Promise<FileOutcome[]> {
  // Loaded here only: the main thread of a run in workers never loads the parsers.
  const { mapLimit, runJob } = await import('./check-worker.js');
  let done = 0;
  return mapLimit(jobs, 8, async (job) => {
    if (options.signal?.aborted) return undefined as unknown as FileOutcome;
    const outcome = await runJob(job.input, profiles[job.profile]!, options.parse, options.stdin);
    done++;
    options.onProgress?.(done, jobs.length);
    return outcome;
  });
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Job indexes sent and not answered, oldest (the one being checked) first. */
  queue: number[];
  timer?: NodeJS.Timeout | undefined;
  /** Set once the worker is being replaced: its late messages and exit are ignored. */
  retired: boolean;
}

async function checkInWorkers(
  jobs: readonly CheckJob[],
  profiles: readonly Settings[],
  timeout: number,
  options: Readonly<CheckFilesOptions>,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(jobs.length);
  if (jobs.length === 0) return outcomes;
  const stdinIndex = jobs.findIndex((job) => job.input.absolute === '-');
  let stdinBytes: Uint8Array | undefined;
  if (stdinIndex !== -1) {
    const settings = profiles[jobs[stdinIndex]!.profile]!;
    const raw = options.stdin
      ? await readRawStream(options.stdin, settings.stdinName, settings.maxFileSize)
      : { bytes: new Uint8Array() };
    if ('diagnostic' in raw) {
      outcomes[stdinIndex] = {
        result: { file: settings.stdinName, diagnostics: [raw.diagnostic] },
        diff: '',
      };
    } else stdinBytes = raw.bytes;
  }
  const pending: number[] = [];
  for (let index = 0; index < jobs.length; index++) {
    if (outcomes[index] === undefined) pending.push(index);
  }
  let done = jobs.length - pending.length;
  const total = jobs.length;
  const sizes = new Map<number, number>();

  return new Promise<FileOutcome[]>((resolve) => {
    const slots = new Set<Slot>();
    let finished = false;
    const onAbort = () => {
      if (finished) return;
      finished = true;
      for (const slot of slots) retire(slot);
      resolve(outcomes);
    };
    const finish = () => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const slot of slots) {
        // A worker that answered every job it was sent can serve a later run.
        if (options.pool && slot.ready && slot.queue.length === 0) {
          slot.retired = true;
          clearTimeout(slot.timer);
          slots.delete(slot);
          slot.worker.removeAllListeners();
          options.pool.give(slot.worker, options.maxMemory);
        } else retire(slot);
      }
      resolve(outcomes);
    };
    const store = (index: number, outcome: FileOutcome) => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      done++;
      options.onProgress?.(done, total);
      if (done === total) finish();
    };
    const retire = (slot: Slot) => {
      slot.retired = true;
      clearTimeout(slot.timer);
      slots.delete(slot);
      void slot.worker.terminate();
    };
    /** Seconds of budget for a job: `timeout` per started megabyte. */
    const budgetOf = async (index: number): Promise<number> => {
      let size = sizes.get(index);
      if (size === undefined) {
        const job = jobs[index]!;
        size =
          job.input.absolute === '-'
            ? (stdinBytes?.length ?? 0)
            : (await fileExtent(job.input.absolute, { sizeOnly: true })).size;
        sizes.set(index, size);
      }
      return timeout * Math.max(1, Math.ceil(size / 1e6));
    };
    /** Start the clock on the job a worker checks now. */
    const arm = async (slot: Slot) => {
      clearTimeout(slot.timer);
      const index = slot.queue[0];
      if (index === undefined || !slot.ready) return;
      const seconds = await budgetOf(index);
      if (slot.retired || slot.queue[0] !== index) return;
      slot.timer = setTimeout(() => fail(slot, 'check-timeout', seconds), seconds * 1000);
    };
    /** The job a worker was checking failed it: report that job, hand the others out again. */
    const fail = (slot: Slot, ruleId: BudgetRuleId, seconds = 0, detail?: string) => {
      if (slot.retired) return;
      const [index, ...others] = slot.queue;
      retire(slot);
      pending.unshift(...others);
      if (index !== undefined) {
        const job = jobs[index]!;
        const settings = profiles[job.profile]!;
        const file = job.input.absolute === '-' ? settings.stdinName : job.input.file;
        void fileExtent(job.input.absolute === '-' ? stdinBytes : job.input.absolute).then(
          (extent) => {
            const diagnostic = budgetDiagnostic(ruleId, file, extent, {
              seconds,
              timeout,
              megabytes: options.maxMemory,
              ...(detail === undefined ? {} : { detail }),
            });
            store(index, { result: { file, diagnostics: [diagnostic] }, diff: '', crashed: true });
            refill();
          },
        );
      }
      refill();
    };
    const send = (slot: Slot) => {
      while (slot.queue.length < inFlightPerWorker && pending.length > 0) {
        const index = pending.shift()!;
        const job = jobs[index]!;
        slot.queue.push(index);
        const request: WorkerRequest = { id: index, input: job.input, profile: job.profile };
        if (job.input.absolute === '-') request.bytes = stdinBytes;
        slot.worker.postMessage(request);
      }
    };
    const start = (): Slot => {
      const warm = options.pool?.take(options.maxMemory);
      const worker = warm?.worker ?? startWorker(options.maxMemory);
      const slot: Slot = { worker, ready: warm?.ready ?? false, queue: [], retired: false };
      slots.add(slot);
      worker.postMessage({
        setup: { profiles: [...profiles], parse: options.parse },
      } satisfies WorkerSetup);
      worker.on('message', (response: WorkerResponse) => {
        if (slot.retired) return;
        if ('ready' in response) {
          slot.ready = true;
          void arm(slot);
          return;
        }
        slot.queue = slot.queue.filter((index) => index !== response.id);
        store(response.id, response.outcome);
        send(slot);
        void arm(slot);
      });
      worker.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') fail(slot, 'check-out-of-memory');
        else
          fail(
            slot,
            'internal-error',
            0,
            String(error.stack ?? error)
              .split('\n')
              .slice(0, 3)
              .join(' '),
          );
      });
      // A worker that stops without an error (it never should): the file it held is reported.
      worker.on('exit', () => fail(slot, 'internal-error'));
      send(slot);
      void arm(slot);
      return slot;
    };
    const wanted = Math.min(workerCount(pending.length, options.threads), pending.length);
    /** Start workers until there are as many as wanted, or no jobs left to hand out. */
    const refill = () => {
      if (finished) return;
      for (const slot of slots) send(slot);
      while (slots.size < wanted && pending.length > 0) start();
    };
    if (pending.length === 0) {
      finish();
      return;
    }
    const signal = options.signal;
    if (signal?.aborted) {
      resolve(outcomes);
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    refill();
  });
}
