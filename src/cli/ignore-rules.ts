import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

/** Where a file's ignore came from, for the note printed when a named file is skipped. */
export interface IgnoreReason {
  /** The pattern that matched. */
  pattern: string;
  /** Where it is written: `nutgraf.config.json`, `.gitignore`, `--ignore`, … (relative to the working directory). */
  source: string;
}

/** Decides which files and folders a run skips. */
export interface IgnoreMatcher {
  /** Why `absolute` (a folder when `isDirectory`) is ignored, or `undefined` when it is not. */
  reason(absolute: string, isDirectory: boolean): Promise<IgnoreReason | undefined>;
}

/** Glob patterns relative to a folder, as `ignores` in the configuration and `--ignore` take them. */
export interface GlobIgnores {
  /** The folder the patterns are relative to. */
  base: string;
  patterns: readonly string[];
  /** Where they are written, for messages. */
  source: string;
}

/** What {@link createIgnoreMatcher} combines. */
export interface IgnoreOptions {
  /** The working directory: where the search for `.nutgrafignore` starts, and the base of messages. */
  cwd: string;
  /** Glob pattern lists: `ignores` of the configuration (relative to its folder), `--ignore` (relative to `cwd`). */
  globs: readonly GlobIgnores[];
  /** Read `.gitignore` files (default `true`). */
  gitignore?: boolean;
  /** Read the nearest `.nutgrafignore` (default `true`). */
  nutgrafignore?: boolean;
  /** The folder `.gitignore` files are read from when `cwd` is in no git repository (the configuration's). */
  root?: string | undefined;
}

/** Posix path of `absolute` under `base`, or `undefined` when it is not under it. */
function under(base: string, absolute: string): string | undefined {
  const relative = path.relative(base, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** The nearest folder from `start` up that holds `name`. */
async function findUp(start: string, name: string): Promise<string | undefined> {
  let directory = path.resolve(start);
  for (;;) {
    if (await exists(path.join(directory, name))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

async function readIgnoreFile(file: string): Promise<Ignore | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : ignore().add(text);
}

/**
 * A matcher over every source of ignores a run has, checked in this order: the glob lists
 * (`ignores` in the configuration, relative to its folder; `--ignore`, relative to the
 * working directory), the nearest `.nutgrafignore` (gitignore syntax, relative to its
 * folder), and the `.gitignore` files of the git repository, each relative to its folder
 * from the repository's root down to the file, as git reads them. A glob pattern ignores
 * what it matches and everything under a folder it matches (`content/drafts` is enough).
 *
 * @example
 * const ignores = await createIgnoreMatcher({ cwd: '/site', globs: [] })
 * await ignores.reason('/site/_site/index.html', false) //=> { pattern: '_site/', source: '.gitignore' }
 */
export async function createIgnoreMatcher(
  options: Readonly<IgnoreOptions>,
): Promise<IgnoreMatcher> {
  const display = (file: string) =>
    (path.relative(options.cwd, file) || '.').split(path.sep).join('/');
  const globs = options.globs.flatMap((list) =>
    list.patterns.map((pattern) => {
      let trimmed = pattern;
      while (trimmed.endsWith('/')) trimmed = trimmed.slice(0, -1);
      const matchers = [
        picomatch(trimmed, { dot: true }),
        picomatch(`${trimmed}/**`, { dot: true }),
      ];
      return {
        base: list.base,
        pattern,
        source: list.source,
        test: (relative: string) => matchers.some((matcher) => matcher(relative)),
      };
    }),
  );
  let nutgrafignore: { directory: string; rules: Ignore } | undefined;
  if (options.nutgrafignore !== false) {
    const directory = await findUp(options.cwd, '.nutgrafignore');
    const rules = directory && (await readIgnoreFile(path.join(directory, '.nutgrafignore')));
    if (directory && rules) nutgrafignore = { directory, rules };
  }
  const gitRoot =
    options.gitignore === false
      ? undefined
      : ((await findUp(options.cwd, '.git')) ?? options.root ?? options.cwd);
  /** `.gitignore` of each folder, read once. */
  const gitignores = new Map<string, Promise<Ignore | undefined>>();
  const gitignoreOf = (directory: string) => {
    let rules = gitignores.get(directory);
    if (!rules) {
      rules = readIgnoreFile(path.join(directory, '.gitignore'));
      gitignores.set(directory, rules);
    }
    return rules;
  };

  /** Per folder: where it is under each base (`''` for the base itself), computed once. */
  interface Folder {
    globs: Array<string | undefined>;
    nutgrafignore: string | undefined;
    /** The `.gitignore` of each folder from the repository's root down to this one, and this folder's path under it. */
    git: Array<{ rules: Ignore; prefix: string; source: string }>;
  }
  const folders = new Map<string, Promise<Folder>>();
  const prefixUnder = (base: string, folder: string): string | undefined => {
    if (folder === base) return '';
    const relative = under(base, folder);
    return relative === undefined ? undefined : `${relative}/`;
  };
  const folderOf = (folder: string): Promise<Folder> => {
    let found = folders.get(folder);
    if (!found) {
      found = (async () => {
        const git: Folder['git'] = [];
        if (gitRoot !== undefined && prefixUnder(gitRoot, folder) !== undefined) {
          const parent = path.dirname(folder);
          if (folder !== gitRoot && parent !== folder) {
            for (const entry of (await folderOf(parent)).git) {
              git.push({ ...entry, prefix: `${entry.prefix}${path.basename(folder)}/` });
            }
          }
          const rules = await gitignoreOf(folder);
          if (rules) {
            git.push({ rules, prefix: '', source: display(path.join(folder, '.gitignore')) });
          }
        }
        return {
          globs: globs.map((glob) => prefixUnder(glob.base, folder)),
          nutgrafignore: nutgrafignore && prefixUnder(nutgrafignore.directory, folder),
          git,
        };
      })();
      folders.set(folder, found);
    }
    return found;
  };

  return {
    async reason(absolute, isDirectory) {
      const folder = await folderOf(path.dirname(absolute));
      const name = path.basename(absolute);
      for (let index = 0; index < globs.length; index++) {
        const prefix = folder.globs[index];
        const glob = globs[index]!;
        if (prefix !== undefined && glob.test(`${prefix}${name}`)) {
          return { pattern: glob.pattern, source: glob.source };
        }
      }
      const suffix = isDirectory ? '/' : '';
      if (nutgrafignore && folder.nutgrafignore !== undefined) {
        const result = nutgrafignore.rules.test(`${folder.nutgrafignore}${name}${suffix}`);
        if (result.ignored) {
          return {
            pattern: result.rule?.pattern ?? name,
            source: display(path.join(nutgrafignore.directory, '.nutgrafignore')),
          };
        }
      }
      // From the repository's root down: a deeper .gitignore may re-include what one above ignores.
      let found: IgnoreReason | undefined;
      for (const { rules, prefix, source } of folder.git) {
        const result = rules.test(`${prefix}${name}${suffix}`);
        if (result.ignored) found = { pattern: result.rule?.pattern ?? name, source };
        else if (result.unignored) found = undefined;
      }
      return found;
    },
  };
}
