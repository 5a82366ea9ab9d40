import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../schema/index.js';
import type { FileOutcome } from './check-file.js';

/** The default `--cache-location`: a file in the working directory, as ESLint's `.eslintcache`. */
export const defaultCacheName = '.nutgrafcache';

/**
 * What `stat` says of a file: when all of it is unchanged, the file is taken as unchanged
 * without reading it, as git's index does (the content hash decides otherwise).
 */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** A file's content hash, and its stamp when the hash was taken. */
export interface FileKey {
  hash: string;
  stamp: FileStamp;
}

/** One file's cached result. */
interface Entry {
  /** SHA-1 of the file's bytes. */
  hash: string;
  stamp: FileStamp;
  /** The key of the settings it was checked with (see {@link settingsKey}). */
  settings: string;
  /** The file as it was shown: diagnostics and diffs name it. */
  file: string;
  diagnostics: Diagnostic[];
  diff?: string;
  /** Stopped by the time or memory budget: kept for the runs of one `--watch`, never written. */
  crashed?: true;
}

interface CacheFile {
  /** The nutgraf version that wrote it: another version's cache is not read. */
  nutgraf: string;
  entries: Record<string, Entry>;
}

/** Results of earlier runs, keyed by file content, settings and nutgraf version. */
export interface RunCache {
  /** The file the cache is kept in (none for {@link memoryCache}). */
  readonly location: string | undefined;
  /**
   * The content hash stored for this file when its stamp is unchanged: the file need not
   * be read to be looked up.
   */
  knownHash(absolute: string, stamp: Readonly<FileStamp>): string | undefined;
  /** The outcome stored for this file (shown as `file`), content and settings. */
  get(
    absolute: string,
    key: Readonly<FileKey>,
    settings: string,
    file: string,
  ): FileOutcome | undefined;
  /**
   * Store an outcome for this run. A crashed one (over its time or memory budget) is kept
   * for the next run of this process only: a file that did not change is not stopped again
   * by `--watch`, and is checked again by the next `nutgraf check`.
   */
  set(absolute: string, key: Readonly<FileKey>, settings: string, outcome: FileOutcome): void;
  /** Write the entries of this run (and only those, as ESLint does) to the cache file, unless nothing changed. */
  save(): Promise<void>;
  /** Start the next run (`--watch`): the entries of this run are the ones looked up. */
  next(): void;
}

/**
 * SHA-1 of some bytes, as the cache keys file content.
 *
 * @example
 * contentHash(Buffer.from('a')) //=> '86f7e437faa5a7fce15d1ddcb9eaeaea377667b8'
 */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * The key of a file's settings: a hash of everything that changes its result (rules,
 * preset, time zone, site options and lookup tables, limits, `--fix`/`--dry-run`, quiet and
 * verbose), so that a change to the configuration or its data files checks files again.
 *
 * @example
 * settingsKey({ rules: {}, fix: false }) === settingsKey({ rules: {}, fix: false }) //=> true
 */
export function settingsKey(settings: unknown): string {
  return createHash('sha1').update(JSON.stringify(settings)).digest('hex');
}

/** Where the cache file is: `location` itself, or a file in it when it is (or ends like) a folder. */
async function cacheFile(location: string): Promise<string> {
  if (/[\\/]$/.test(location)) return path.join(location, defaultCacheName);
  const info = await stat(location).catch(() => undefined);
  return info?.isDirectory() ? path.join(location, defaultCacheName) : location;
}

/**
 * Open the cache at `location` (a file, or a folder to keep `.nutgrafcache` in). A missing,
 * unreadable or damaged cache file, or one another nutgraf version wrote, is an empty cache:
 * never an error.
 *
 * @example
 * const cache = await openCache('/site/.nutgrafcache', '0.2.0')
 */
export async function openCache(location: string, version: string): Promise<RunCache> {
  const file = await cacheFile(location);
  let previous: Record<string, Entry> = {};
  /** Whether the file holds this version's cache: then it is rewritten only when something changed. */
  let upToDate = false;
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<CacheFile>;
    if (data.nutgraf === version && typeof data.entries === 'object' && data.entries !== null) {
      previous = data.entries;
      upToDate = true;
    }
  } catch {
    // No cache yet, or a damaged one: start empty.
  }
  return runCache(previous, upToDate, { file, version });
}

/**
 * A cache kept in memory only, for the runs of one `--watch` without `--cache`.
 *
 * @example
 * const cache = memoryCache()
 */
export function memoryCache(): RunCache {
  return runCache({}, true, undefined);
}

function sameStamp(a: Readonly<FileStamp> | undefined, b: Readonly<FileStamp>): boolean {
  return (
    a !== undefined &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs &&
    a.ino === b.ino
  );
}

function runCache(
  entries: Record<string, Entry>,
  upToDate: boolean,
  store: { file: string; version: string } | undefined,
): RunCache {
  let previous = new Map<string, Entry>(Object.entries(entries));
  /** How many entries the cache file holds. */
  let saved = previous.size;
  let current = new Map<string, Entry>();
  let changed = false;
  return {
    location: store?.file,
    knownHash(absolute, stamp) {
      const entry = previous.get(absolute);
      return entry && sameStamp(entry.stamp, stamp) ? entry.hash : undefined;
    },
    get(absolute, key, settings, shown) {
      const entry = previous.get(absolute);
      if (
        !entry ||
        entry.hash !== key.hash ||
        entry.settings !== settings ||
        entry.file !== shown
      ) {
        return undefined;
      }
      if (!sameStamp(entry.stamp, key.stamp)) {
        current.set(absolute, { ...entry, stamp: key.stamp });
        if (!entry.crashed) changed = true;
      } else current.set(absolute, entry);
      return {
        result: { file: shown, diagnostics: entry.diagnostics },
        diff: entry.diff === undefined ? '' : entry.diff,
        ...(entry.crashed ? { crashed: true } : {}),
      };
    },
    set(absolute, key, settings, outcome) {
      if (outcome.output !== undefined) return;
      const entry: Entry = {
        hash: key.hash,
        stamp: key.stamp,
        settings,
        file: outcome.result.file,
        diagnostics: outcome.result.diagnostics,
      };
      if (outcome.diff !== '') entry.diff = outcome.diff;
      if (outcome.crashed) entry.crashed = true;
      else changed = true;
      current.set(absolute, entry);
    },
    async save() {
      if (!store) return;
      const kept = [...current].filter(([, entry]) => !entry.crashed);
      if (upToDate && !changed && kept.length === saved) return;
      const data: CacheFile = { nutgraf: store.version, entries: Object.fromEntries(kept) };
      await mkdir(path.dirname(store.file), { recursive: true });
      const temporary = `${store.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, JSON.stringify(data));
        await rename(temporary, store.file);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
      upToDate = true;
      saved = kept.length;
    },
    next() {
      previous = current;
      current = new Map();
      changed = false;
    },
  };
}
