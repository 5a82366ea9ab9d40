import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkOne, type FileOutcome, mapLimit, type Settings } from './check-file.js';
import type { InputFile } from './expand-paths.js';
import { guardFolders } from './write-atomic.js';

/** Options for {@link checkFiles}. */
export interface CheckFilesOptions {
  /** Standard input, for `-`. */
  stdin?: Readable | undefined;
  /**
   * Threads to check in, the main thread included (default `1`, and `0` means the same: the
   * main thread only). Measured with `bench/cli.bench.mjs` on a busy 2-CPU machine, the
   * main thread and one worker checked 5,000 files 1.5× faster than the main thread alone,
   * but 1,000 files slower (worker start-up), with peak RSS near 300 MB (295 MB against
   * 180 MB), so workers are opt-in.
   * Runs of fewer than {@link threadThreshold} files, and runs from TypeScript sources,
   * always stay in the main thread.
   */
  threads?: number | undefined;
  /** Called after each file. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Runs with fewer files stay in the main thread, whatever `--threads` says: starting workers costs more than it saves. */
export const threadThreshold = 200;

/** Files handed to a worker at a time. */
const batchSize = 16;

/** Marks the workers this module starts, so the module knows to serve when loaded in one. */
const workerFlag = 'nutgraf-check-worker';

interface WorkerRequest {
  id: number;
  files: InputFile[];
}
interface WorkerResponse {
  id: number;
  outcomes: FileOutcome[];
}

/** The thread count for a run, after defaults. */
function threadCount(files: readonly InputFile[], requested: number | undefined): number {
  // Workers load this module's built file; from TypeScript sources (tests) they cannot.
  if (!import.meta.url.endsWith('.js')) return 1;
  if (requested === undefined || files.length < threadThreshold) return 1;
  return Math.max(1, Math.min(requested, availableParallelism(), 16));
}

async function checkInWorkers(
  files: readonly InputFile[],
  settings: Readonly<Settings>,
  threads: number,
  onProgress: CheckFilesOptions['onProgress'],
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(files.length);
  let next = 0;
  let done = 0;
  const take = (): WorkerRequest | undefined => {
    if (next >= files.length) return undefined;
    const id = next;
    next += batchSize;
    return { id, files: files.slice(id, id + batchSize) };
  };
  const store = (response: WorkerResponse) => {
    response.outcomes.forEach((outcome, offset) => {
      outcomes[response.id + offset] = outcome;
    });
    done += response.outcomes.length;
    onProgress?.(done, files.length);
  };
  // `threads - 1` workers, each with two batches in flight so it never waits for the main
  // thread, which checks batches too: one thread fewer to start, and less memory.
  const runWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      let finished = false;
      const send = () => {
        const request = take();
        if (request) {
          inFlight++;
          worker.postMessage(request);
        } else if (inFlight === 0) {
          finished = true;
          resolve();
        }
      };
      worker.on('message', (response: WorkerResponse) => {
        inFlight--;
        store(response);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`a worker thread stopped (exit code ${code})`));
      });
      send();
      send();
    });
  const runMain = async () => {
    for (let request = take(); request; request = take()) {
      // Let worker messages in between batches.
      await new Promise((resolve) => setImmediate(resolve));
      store({
        id: request.id,
        outcomes: await mapLimit(request.files, 8, (input) => checkOne(input, settings, undefined)),
      });
    }
  };
  const workers = Array.from(
    { length: threads - 1 },
    () => new Worker(new URL(import.meta.url), { workerData: { flag: workerFlag, settings } }),
  );
  try {
    await Promise.all([runMain(), ...workers.map(runWorker)]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/**
 * Check many files, in worker threads when that pays (see {@link CheckFilesOptions.threads}),
 * keeping their order. Standard input is always read in the main thread.
 *
 * @example
 * const outcomes = await checkFiles(files, settings, { threads: 0 })
 */
export async function checkFiles(
  files: readonly InputFile[],
  settings: Readonly<Settings>,
  options: Readonly<CheckFilesOptions> = {},
): Promise<FileOutcome[]> {
  if (!settings.fix || settings.dryRun) return checkFilesIn(files, settings, options);
  // Fixing writes temporary files next to the files: clean up after killed runs, and after
  // this one if it is interrupted.
  const release = await guardFolders(
    files.filter((file) => file.absolute !== '-').map((file) => path.dirname(file.absolute)),
  );
  try {
    return await checkFilesIn(files, settings, options);
  } finally {
    release();
  }
}

async function checkFilesIn(
  files: readonly InputFile[],
  settings: Readonly<Settings>,
  options: Readonly<CheckFilesOptions>,
): Promise<FileOutcome[]> {
  const threads = threadCount(files, options.threads);
  const fromStdin = files.filter((file) => file.absolute === '-');
  if (threads <= 1 || fromStdin.length > 0) {
    let done = 0;
    return mapLimit(files, 8, async (input) => {
      const outcome = await checkOne(input, settings, options.stdin);
      done++;
      options.onProgress?.(done, files.length);
      return outcome;
    });
  }
  return checkInWorkers(files, settings, threads, options.onProgress);
}

/** In a worker started by {@link checkInWorkers}: check the batches the main thread sends. */
function serve(settings: Settings): void {
  parentPort?.on('message', async (request: WorkerRequest) => {
    const outcomes = await mapLimit(request.files, 8, (input) =>
      checkOne(input, settings, undefined),
    );
    parentPort?.postMessage({ id: request.id, outcomes } satisfies WorkerResponse);
  });
}

if (!isMainThread && (workerData as { flag?: unknown } | null)?.flag === workerFlag) {
  serve((workerData as { settings: Settings }).settings);
}
