import { randomBytes } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import {
  type FileHandle,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import path from 'node:path';

/**
 * Thrown by {@link writeAtomic} when the file no longer holds what was read from it: someone
 * edited it while nutgraf ran. Nothing was written.
 */
export class WriteConflictError extends Error {
  readonly code = 'ECONFLICT';
  constructor(file: string) {
    super(`${file} changed while it was being fixed`);
    this.name = 'WriteConflictError';
  }
}

/** Options for {@link writeAtomic}. */
export interface WriteAtomicOptions {
  /**
   * The bytes the file held when it was read. Just before the new content replaces it, the
   * file is read again: when it holds anything else, nothing is written and a
   * {@link WriteConflictError} is thrown. Default: no check.
   */
  expected?: Uint8Array;
}

/** `.<name>.nutgraf-<pid>-<random>.tmp`: the temporary files of {@link writeAtomic}. */
const temporaryName = /^\..+\.nutgraf-(\d+)-[0-9a-f]{8}\.tmp$/;

/** Temporary files being written by this thread, removed if the process is interrupted. */
const pending = new Set<string>();

/**
 * Folders where worker threads of this process may be writing temporary files (signals
 * reach the main thread only): swept for this process's temporary files on interruption.
 */
const guarded = new Map<string, number>();

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeOwnTemporaryFiles(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // Already renamed or removed.
    }
  }
  pending.clear();
  sweep(guarded.keys());
}

/** Remove this process's temporary files from `folders`, except those this thread is writing. */
function sweep(folders: Iterable<string>): void {
  const own = `.nutgraf-${process.pid}-`;
  for (const folder of folders) {
    try {
      for (const name of readdirSync(folder)) {
        if (
          name.includes(own) &&
          temporaryName.test(name) &&
          !pending.has(path.join(folder, name))
        ) {
          try {
            unlinkSync(path.join(folder, name));
          } catch {
            // Renamed meanwhile.
          }
        }
      }
    } catch {
      // A folder that cannot be read holds none of ours.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  removeOwnTemporaryFiles();
  for (const each of signals) process.off(each, onSignal);
  process.off('exit', removeOwnTemporaryFiles);
  watching = false;
  // Die of the signal as if nobody had listened, so the exit status says what happened.
  process.kill(process.pid, signal);
}

let watching = false;

function updateWatching(): void {
  const needed = pending.size > 0 || guarded.size > 0;
  if (needed === watching) return;
  watching = needed;
  for (const signal of signals) {
    if (needed) process.on(signal, onSignal);
    else process.off(signal, onSignal);
  }
  if (needed) process.on('exit', removeOwnTemporaryFiles);
  else process.off('exit', removeOwnTemporaryFiles);
}

/**
 * Prepare `folders` for a run that fixes files in them: remove the temporary files earlier
 * runs left there when they were killed ({@link removeStaleTemporaryFiles}), and until the
 * returned function is called, remove this process's temporary files from them if the
 * process is interrupted (SIGINT, SIGTERM, SIGHUP), whichever thread wrote them. The
 * returned function also removes those a worker thread left when it was stopped mid-write
 * (call it once every writer of the run is done).
 *
 * @example
 * const release = await guardFolders(['/repo/content'])
 * try { await fixAll() } finally { release() }
 */
export async function guardFolders(folders: Iterable<string>): Promise<() => void> {
  const started = Date.now();
  const unique = [...new Set(folders)];
  for (const folder of unique) await removeStaleTemporaryFiles(folder, started);
  for (const folder of unique) guarded.set(folder, (guarded.get(folder) ?? 0) + 1);
  updateWatching();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    sweep(unique);
    for (const folder of unique) {
      const count = (guarded.get(folder) ?? 1) - 1;
      if (count <= 0) guarded.delete(folder);
      else guarded.set(folder, count);
    }
    updateWatching();
  };
}

async function sameBytes(file: string, expected: Uint8Array): Promise<boolean> {
  const info = await stat(file);
  if (info.size !== expected.length) return false;
  const now = await readFile(file);
  return Buffer.from(expected.buffer, expected.byteOffset, expected.length).equals(now);
}

/**
 * Replace a file's content atomically: write a temporary file next to it (same mode, synced
 * to disk), then rename it over the original, so readers see the old or the new file, never
 * a half-written one. A symbolic link is written through: its target gets the new content
 * and the link stays (as ESLint, and write-file-atomic, do). With `expected`, a file edited
 * since it was read is left as it is ({@link WriteConflictError}). The temporary file,
 * named `.<name>.nutgraf-<pid>-<random>.tmp`, is removed when anything fails and when the
 * process is interrupted (SIGINT, SIGTERM, SIGHUP); after a `kill -9`,
 * {@link removeStaleTemporaryFiles} removes it on a later run.
 *
 * @example
 * await writeAtomic('/repo/a.md', fixedText, { expected: bytesAsRead })
 */
export async function writeAtomic(
  file: string,
  content: string,
  options: Readonly<WriteAtomicOptions> = {},
): Promise<void> {
  const target = await realpath(file);
  const { mode } = await stat(target);
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.nutgraf-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  pending.add(temporary);
  updateWatching();
  let handle: FileHandle | undefined;
  try {
    handle = await open(temporary, 'wx', mode & 0o7777);
    await handle.writeFile(content);
    await handle.chmod(mode & 0o7777);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (options.expected && !(await sameBytes(target, options.expected))) {
      throw new WriteConflictError(file);
    }
    await rename(temporary, target);
    pending.delete(temporary);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    pending.delete(temporary);
    throw error;
  } finally {
    updateWatching();
  }
}

/** Whether a process with this id runs (one we may not signal counts as running). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files {@link writeAtomic} left in `folder` when a run was killed
 * (`kill -9`, power loss): those older than `before` whose process no longer runs. Returns
 * the paths removed. Never throws: a folder that cannot be read is skipped.
 *
 * @example
 * await removeStaleTemporaryFiles('/repo/content', runStartedAt)
 */
export async function removeStaleTemporaryFiles(
  folder: string,
  before: number = Date.now(),
): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = temporaryName.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    const file = path.join(folder, name);
    try {
      const info = await stat(file);
      if (!info.isFile() || info.mtimeMs >= before) continue;
      await unlink(file);
      removed.push(file);
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
  return removed;
}
