import path from 'node:path';
import picomatch from 'picomatch';
import type { OverrideOptions } from './config.js';
import type { InputFile } from './expand-paths.js';

/** An `overrides` entry of the configuration, with the folder its globs are relative to. */
export interface Override {
  files: readonly string[];
  excludeFiles?: readonly string[] | undefined;
  options: OverrideOptions;
}

/** Which settings profile each file gets, and the `overrides` entries (by index) behind each profile. */
export interface FileProfiles {
  /** Per profile: the indexes of the overrides that apply, in order. Profile 0 is the base settings. */
  profiles: number[][];
  /** Per file (same order as the input): its profile. */
  profileOf: number[];
}

/**
 * Sort files into settings profiles by the `overrides` that match them (globs relative to
 * `directory`, the configuration's folder; `excludeFiles` taken out). Files matched by the
 * same overrides share a profile, so each distinct combination is built, sent to workers and
 * keyed in the cache once. Standard input is matched by its `--stdin-filename`.
 *
 * @example
 * fileProfiles(files, [{ files: ['uk/**'], options: { timeZone: 'Europe/London' } }], '/site')
 */
export function fileProfiles(
  files: readonly InputFile[],
  overrides: readonly Override[],
  directory: string,
  cwd: string,
  stdinName: string,
): FileProfiles {
  const matchers = overrides.map((override) => {
    const include = picomatch([...override.files], { dot: true });
    const exclude = override.excludeFiles?.length
      ? picomatch([...override.excludeFiles], { dot: true })
      : () => false;
    return (relative: string) => include(relative) && !exclude(relative);
  });
  const profiles: number[][] = [[]];
  const byKey = new Map<string, number>([['', 0]]);
  const profileOf = files.map((input) => {
    const absolute = input.absolute === '-' ? path.resolve(cwd, stdinName) : input.absolute;
    const relative = path.relative(directory, absolute).split(path.sep).join('/');
    const applied = matchers.flatMap((matches, index) => (matches(relative) ? [index] : []));
    const key = applied.join(',');
    let profile = byKey.get(key);
    if (profile === undefined) {
      profile = profiles.length;
      profiles.push(applied);
      byKey.set(key, profile);
    }
    return profile;
  });
  return { profiles, profileOf };
}
