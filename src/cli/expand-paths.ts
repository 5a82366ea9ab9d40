import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { formatByExtension } from './detect-format.js';

/** Always ignored, whatever the config says. */
export const alwaysIgnored = ['**/node_modules/**', '**/.git/**'] as const;

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
  '.nutgrafrc.json',
]);

/** One input of a run. */
export interface InputFile {
  /** Absolute path, or `-` for standard input. */
  absolute: string;
  /** As shown in reports: relative to the working directory, `/`-separated; `<stdin>` for `-`. */
  file: string;
}

/** What {@link expandPaths} found, and the patterns that matched nothing. */
export interface ExpandResult {
  files: InputFile[];
  unmatched: string[];
}

const extensions = Object.keys(formatByExtension).map((extension) => extension.slice(1));
const searchPattern = `**/*.{${extensions.join(',')}}`;

function display(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' || relative.startsWith('..') ? absolute : relative;
  return shown.split(path.sep).join('/');
}

/**
 * Turn command-line paths, folders and globs into the list of files to check. Folders are
 * searched for every extension nutgraf reads; `node_modules`, `.git` and `ignores` are
 * skipped; `-` stands for standard input. Files come back sorted and without duplicates.
 *
 * @example
 * await expandPaths(['content', 'posts/*.md'], { cwd: '/site' })
 */
export async function expandPaths(
  patterns: readonly string[],
  options: Readonly<{ cwd: string; ignores?: readonly string[] | undefined }>,
): Promise<ExpandResult> {
  const ignore = [...alwaysIgnored, ...(options.ignores ?? [])];
  const found = new Map<string, InputFile>();
  const unmatched: string[] = [];
  let stdin = false;
  const add = (absolute: string) => {
    if (!found.has(absolute))
      found.set(absolute, { absolute, file: display(options.cwd, absolute) });
  };
  const addSearched = (relative: string[], base: string) => {
    for (const entry of relative) {
      if (!notArticles.has(path.basename(entry))) add(path.resolve(base, entry));
    }
  };
  for (const pattern of patterns) {
    if (pattern === '-') {
      stdin = true;
      continue;
    }
    const absolute = path.resolve(options.cwd, pattern);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) {
      add(absolute);
      continue;
    }
    if (info?.isDirectory()) {
      const entries = await glob(searchPattern, {
        cwd: absolute,
        ignore,
        dot: false,
        followSymbolicLinks: false,
        expandDirectories: false,
      });
      if (entries.length === 0) unmatched.push(pattern);
      addSearched(entries, absolute);
      continue;
    }
    if (!isDynamicPattern(pattern)) {
      // Neither a file nor a folder: report it as a file that cannot be read.
      add(absolute);
      continue;
    }
    const entries = await glob(pattern, {
      cwd: options.cwd,
      ignore,
      dot: false,
      followSymbolicLinks: false,
      expandDirectories: false,
      onlyFiles: true,
    });
    const readable = entries.filter((entry) => {
      const dot = entry.lastIndexOf('.');
      return dot !== -1 && entry.slice(dot).toLowerCase() in formatByExtension;
    });
    if (readable.length === 0) unmatched.push(pattern);
    addSearched(readable, options.cwd);
  }
  const files = [...found.values()].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : 0,
  );
  if (stdin) files.unshift({ absolute: '-', file: '<stdin>' });
  return { files, unmatched };
}
