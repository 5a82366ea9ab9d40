import type { Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { formatOfFile } from './detect-format.js';
import type { IgnoreMatcher, IgnoreReason } from './ignore-rules.js';
import { kindOf } from './read-input.js';

/** Folders never searched, whatever the configuration says. */
export const alwaysIgnored = ['node_modules', '.git'] as const;

/**
 * JSON files that are never articles: skipped when searching folders and globs (still
 * checked when named one by one).
 */
const notArticles = new Set([
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'jsconfig.json',
  'composer.json',
  'nutgraf.config.json',
  'nutgraf.config.jsonc',
  '.nutgrafrc.json',
  '.nutgrafrc.jsonc',
]);

/** One input of a run. */
export interface InputFile {
  /** Absolute path, or `-` for standard input. */
  absolute: string;
  /** As shown in reports: relative to the working directory, `/`-separated; `<stdin>` for `-`. */
  file: string;
}

/** A pattern that gave no file to check, and why. */
export interface Unmatched {
  pattern: string;
  /**
   * `missing`: a path that does not exist; `not-a-file`: a FIFO, socket or device;
   * `no-match`: a glob or folder without article files; `ignored`: every file it gave is
   * ignored.
   */
  reason: 'missing' | 'not-a-file' | 'no-match' | 'ignored';
  /** For `not-a-file`: what it is instead (`a FIFO`, …). */
  kind?: string;
}

/** A file named on the command line that an ignore pattern skips. */
export interface SkippedFile extends IgnoreReason {
  file: string;
}

/** What {@link expandPaths} found. */
export interface ExpandResult {
  files: InputFile[];
  unmatched: Unmatched[];
  /** Files named one by one that were skipped because an ignore pattern matches them. */
  skipped: SkippedFile[];
  /**
   * The folders a change in which can change the run (for `--watch`): each folder searched,
   * the folder of each file named one by one, and the folder above each searched root (where
   * the root itself may be removed or made again).
   */
  folders: string[];
}

/** One pattern and the folder it is relative to (the working directory, or the configuration's). */
export interface Pattern {
  pattern: string;
  base: string;
}

/** Options for {@link expandPaths}. */
export interface ExpandOptions {
  /** The working directory: paths are shown relative to it. */
  cwd: string;
  /** What to skip; `undefined` skips only `node_modules` and `.git`. */
  ignores?: IgnoreMatcher | undefined;
}

function display(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === '' ? absolute : relative).split(path.sep).join('/');
}

/**
 * Walk `root` for files nutgraf reads that `accept` takes, in sorted order. Hidden entries,
 * `node_modules`, `.git` and ignored folders are not entered. A symbolic link to a file is
 * taken under the link's name, as if it were the file; a link to a folder is not followed
 * (that could loop); a broken link, or a link loop, is taken so that the check reports it
 * instead of skipping it silently. Other kinds of entries (FIFOs, sockets) are skipped.
 */
async function walk(
  root: string,
  accept: (relative: string) => boolean,
  ignores: IgnoreMatcher | undefined,
  found: (absolute: string, ignored: boolean, isLink: boolean) => void,
  searched: Set<string>,
): Promise<void> {
  const folders = [root];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    searched.add(folder);
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || (alwaysIgnored as readonly string[]).includes(name)) continue;
      const absolute = path.join(folder, name);
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(absolute).catch(() => undefined);
        // A folder behind a link is not followed; a broken link is reported by the check.
        isFile = target === undefined || target.isFile();
      } else if (entry.isDirectory()) {
        if (!(await ignores?.reason(absolute, true))) folders.push(absolute);
        continue;
      }
      if (!isFile || formatOfFile(name) === undefined || notArticles.has(name)) continue;
      const relative = path.relative(root, absolute).split(path.sep).join('/');
      if (!accept(relative)) continue;
      const ignored = (await ignores?.reason(absolute, false)) !== undefined;
      found(absolute, ignored, entry.isSymbolicLink());
    }
  }
}

/**
 * Turn command-line paths, folders and globs (and the configuration's `files`) into the
 * files to check. Folders are searched for every extension nutgraf reads; `node_modules`,
 * `.git`, hidden entries and ignored files are skipped; `-` stands for standard input. A
 * file named one by one is checked unless an ignore pattern matches it (then it is listed in
 * `skipped`); a path that does not exist, is not a regular file or folder, or gives no file
 * to check is listed in `unmatched`. Files come back sorted and without duplicates (a link
 * and the file it points to, both found, are checked once, under the file's own name).
 *
 * @example
 * await expandPaths([{ pattern: 'content', base: '/site' }], { cwd: '/site' })
 */
export async function expandPaths(
  patterns: readonly Pattern[],
  options: Readonly<ExpandOptions>,
): Promise<ExpandResult> {
  const found = new Map<string, InputFile>();
  const unmatched: Unmatched[] = [];
  const skipped: SkippedFile[] = [];
  const links = new Set<string>();
  const folders = new Set<string>();
  let stdin = false;
  const add = (absolute: string) => {
    if (!found.has(absolute)) {
      found.set(absolute, { absolute, file: display(options.cwd, absolute) });
    }
  };
  for (const { pattern, base } of patterns) {
    if (pattern === '-') {
      stdin = true;
      continue;
    }
    const scan = picomatch.scan(pattern);
    const absolute = path.resolve(base, pattern);
    // The root searched, or the file named: a change in the folder above it can change the run.
    folders.add(path.dirname(scan.isGlob ? path.resolve(base, scan.base) : absolute));
    if (!scan.isGlob) {
      const info = await stat(absolute).catch(() => undefined);
      if (!info) {
        const link = await lstat(absolute).catch(() => undefined);
        // A broken link named on the command line is a file the check reports.
        if (link?.isSymbolicLink()) {
          links.add(absolute);
          add(absolute);
        } else unmatched.push({ pattern, reason: 'missing' });
        continue;
      }
      if (info.isFile()) {
        const reason = await options.ignores?.reason(absolute, false);
        if (reason) skipped.push({ file: display(options.cwd, absolute), ...reason });
        else {
          if ((await lstat(absolute)).isSymbolicLink()) links.add(absolute);
          add(absolute);
        }
        continue;
      }
      if (!info.isDirectory()) {
        unmatched.push({ pattern, reason: 'not-a-file', kind: kindOf(info) });
        continue;
      }
    }
    // A folder, or a glob searched from the folder its static part names.
    const root = scan.isGlob ? path.resolve(base, scan.base) : absolute;
    const matcher = scan.isGlob ? picomatch(scan.glob, { dot: false }) : () => true;
    let kept = 0;
    let ignored = 0;
    await walk(
      root,
      matcher,
      options.ignores,
      (file, isIgnored, isLink) => {
        if (isIgnored) ignored++;
        else {
          kept++;
          if (isLink) links.add(file);
          add(file);
        }
      },
      folders,
    );
    if (kept === 0) unmatched.push({ pattern, reason: ignored > 0 ? 'ignored' : 'no-match' });
  }
  if (links.size > 0) await dropLinksToFound(found, links);
  const files = [...found.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  if (stdin) files.unshift({ absolute: '-', file: '<stdin>' });
  return { files, unmatched, skipped, folders: [...folders].sort() };
}

/** Drop symbolic links whose target is also in `found`: each file is checked once, under its own name. */
async function dropLinksToFound(
  found: Map<string, InputFile>,
  links: ReadonlySet<string>,
): Promise<void> {
  const targets = new Set<string>();
  for (const absolute of found.keys()) {
    if (links.has(absolute)) continue;
    targets.add(await realpath(absolute).catch(() => absolute));
  }
  for (const link of links) {
    const target = await realpath(link).catch(() => undefined);
    if (target !== undefined && targets.has(target)) found.delete(link);
  }
}
