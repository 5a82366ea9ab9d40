/**
 * The worker side of {@link checkFiles}: the module a worker thread loads, and the one
 * place that loads the parsers. Loaded in the main thread only when the time budget is off
 * (`--timeout 0`) or from TypeScript sources.
 */
import { Readable } from 'node:stream';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkOne, crashOutcome, type FileOutcome, mapLimit, type Settings } from './check-file.js';
import type { InputFile } from './expand-paths.js';
import { type ParseOutput, parseOne } from './parse-file.js';

export { mapLimit };

/** The value of {@link WorkerData.flag}. */
export const workerFlag = 'nutgraf-check-worker';

/** What a worker is started with: a mark, so that this module serves only in the workers {@link checkFiles} starts. */
export interface WorkerData {
  flag: typeof workerFlag;
}

/** A worker's first message: the settings of the run (one per profile), and `parse` for `nutgraf parse`. */
export interface WorkerSetup {
  setup: {
    profiles: Settings[];
    parse?: ParseOutput | undefined;
  };
}

/** One file for a worker. */
export interface WorkerRequest {
  id: number;
  input: InputFile;
  profile: number;
  /** Standard input, read by the main thread. */
  bytes?: Uint8Array | undefined;
}

/** A worker's messages: ready once loaded, then one outcome per request, in order. */
export type WorkerResponse = { ready: true } | { id: number; outcome: FileOutcome };

/**
 * Check or convert one file, as `parse` says. Never throws: a parser or rule that throws
 * gives an `internal-error` outcome.
 *
 * @example
 * const outcome = await runJob({ absolute: '/a.md', file: 'a.md' }, settings, undefined, undefined)
 */
export function runJob(
  input: InputFile,
  settings: Settings,
  parse: ParseOutput | undefined,
  stdin: Readable | undefined,
): Promise<FileOutcome> {
  if (!parse) return checkOne(input, settings, stdin);
  return parseOne(input, settings, parse, stdin).catch((error: unknown) =>
    crashOutcome(input.absolute === '-' ? settings.stdinName : input.file, error),
  );
}

/** In a worker: take the setup, then check the files the main thread sends, one at a time, in order. */
function serve(): void {
  const port = parentPort;
  if (!port) return;
  const queue: WorkerRequest[] = [];
  let data: WorkerSetup['setup'] | undefined;
  let busy = false;
  const next = async () => {
    if (busy || !data) return;
    busy = true;
    for (let request = queue.shift(); request; request = queue.shift()) {
      const settings = data.profiles[request.profile]!;
      const bytes = request.bytes;
      const stdin = bytes
        ? Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)])
        : undefined;
      const outcome = await runJob(request.input, settings, data.parse, stdin);
      port.postMessage({ id: request.id, outcome } satisfies WorkerResponse);
    }
    busy = false;
  };
  port.on('message', (message: WorkerRequest | WorkerSetup) => {
    if ('setup' in message) data = message.setup;
    else queue.push(message);
    void next();
  });
  port.postMessage({ ready: true } satisfies WorkerResponse);
}

if (!isMainThread && (workerData as Partial<WorkerData> | null)?.flag === workerFlag) {
  serve();
}
