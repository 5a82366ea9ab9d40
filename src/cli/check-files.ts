import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkOne, type FileOutcome, mapLimit, type Settings } from './check-file.js';
import type { InputFile } from './expand-paths.js';

/** Options for {@link checkFiles}. */
export interface CheckFilesOptions {
  /** Standard input, for `-`. */
  stdin?: Readable | undefined;
  /**
   * Worker threads to use (default `0`: check in the main thread). Measured with
   * `bench/cli.bench.mjs` on a busy 2-CPU machine, 2 workers ran 0.82× to 1.24× the speed
   * of the main thread alone and always took peak RSS past 300 MB (312–319 MB vs
   * 174–182 MB), so they are opt-in.
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
  if (!import.meta.url.endsWith('.js')) return 0;
  if (requested === undefined || files.length < threadThreshold) return 0;
  return Math.max(0, Math.min(requested, availableParallelism(), 16));
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
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: threads }, async () => {
        const worker = new Worker(new URL(import.meta.url), {
          workerData: { flag: workerFlag, settings },
        });
        workers.push(worker);
        await new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= files.length) {
              resolve();
              return;
            }
            const id = next;
            next += batchSize;
            worker.postMessage({
              id,
              files: files.slice(id, id + batchSize),
            } satisfies WorkerRequest);
          };
          worker.on('message', (response: WorkerResponse) => {
            response.outcomes.forEach((outcome, offset) => {
              outcomes[response.id + offset] = outcome;
            });
            done += response.outcomes.length;
            onProgress?.(done, files.length);
            send();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (next < files.length || code !== 0) reject(new Error(`worker exited with ${code}`));
          });
          send();
        });
      }),
    );
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
  const threads = threadCount(files, options.threads);
  const fromStdin = files.filter((file) => file.absolute === '-');
  if (threads === 0 || fromStdin.length > 0) {
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
