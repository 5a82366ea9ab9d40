import { type FSWatcher, watch } from 'node:fs';
import path from 'node:path';

/** Options for {@link watchFolders}. */
export interface WatchFoldersOptions {
  /** Called for each change seen (the path that changed, or the folder when the system does not say). */
  onChange: (absolute: string) => void;
  /** Changes to leave alone (files the run itself writes: the cache, report files). */
  skip?: ((absolute: string) => boolean) | undefined;
  /**
   * Look for changes every this many milliseconds instead of waiting for the system's
   * events (network drives, some containers); also the fallback when folders cannot be
   * watched.
   */
  poll?: number | undefined;
  /** Called once when watching falls back to polling, with why. */
  onFallback?: ((reason: string) => void) | undefined;
}

/** A set of watched folders, changed after each run. */
export interface FolderWatcher {
  /**
   * Watch exactly these folders from now on (each without its subfolders: the run's
   * folders are listed one by one). Resolves with the number of folders newly watched.
   */
  set(folders: Iterable<string>): number;
  /** `events` while the system reports changes, `poll` once polling. */
  readonly mode: 'events' | 'poll';
  /** Stop watching. */
  close(): void;
}

/** Polling interval after a fallback, in milliseconds. */
export const fallbackPoll = 1000;

/**
 * Dotfiles that change a run (configuration and ignore files); changes to other hidden
 * entries (editor swap files, `.git`) are not.
 */
const hiddenThatMatter = /^\.(?:gitignore|nutgrafignore|nutgrafrc(?:\.[a-z]+)?)$/;

/**
 * Watch folders for changes: `fs.watch` on each folder, not recursively, so that exactly
 * the folders a run searched are watched: not `node_modules`, `.git` or ignored folders.
 * (Node.js 20 emulates `recursive` on Linux with a watcher per file of the whole tree.)
 * When a folder cannot be watched (out of inotify watches, too many open files, a
 * platform without `fs.watch`), or with `poll`, `onChange` is called every interval
 * instead, and the run finds out what changed.
 *
 * @example
 * const watcher = watchFolders({ onChange: (file) => console.log(file) })
 * watcher.set(['/site/content'])
 */
export function watchFolders(options: Readonly<WatchFoldersOptions>): FolderWatcher {
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let mode: 'events' | 'poll' = 'events';
  const startPolling = (interval: number) => {
    mode = 'poll';
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
    timer = setInterval(() => options.onChange(''), interval);
  };
  const changed = (folder: string, name: string | Buffer | null) => {
    if (name === null) {
      options.onChange(folder);
      return;
    }
    const base = path.basename(String(name));
    if (base.startsWith('.') && !hiddenThatMatter.test(base)) return;
    const absolute = path.join(folder, String(name));
    if (options.skip?.(absolute)) return;
    options.onChange(absolute);
  };
  if (options.poll !== undefined) startPolling(options.poll);
  return {
    get mode() {
      return mode;
    },
    set(folders) {
      if (mode === 'poll') return 0;
      const wanted = new Set(folders);
      for (const [folder, watcher] of watchers) {
        if (!wanted.has(folder)) {
          watcher.close();
          watchers.delete(folder);
        }
      }
      let added = 0;
      for (const folder of wanted) {
        if (watchers.has(folder)) continue;
        let watcher: FSWatcher;
        try {
          watcher = watch(folder, { persistent: true }, (_event, name) => changed(folder, name));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // A folder gone since the run searched it: the next run finds out.
          if (code === 'ENOENT' || code === 'ENOTDIR') continue;
          options.onFallback?.(`cannot watch \`${folder}\` (${code ?? String(error)})`);
          startPolling(fallbackPoll);
          return 0;
        }
        // A folder removed or no longer readable: stop watching it and let a run look.
        watcher.on('error', () => {
          watcher.close();
          if (watchers.get(folder) === watcher) watchers.delete(folder);
          options.onChange(folder);
        });
        watchers.set(folder, watcher);
        added++;
      }
      return added;
    },
    close() {
      clearInterval(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
