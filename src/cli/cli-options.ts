import type { Readable, Writable } from 'node:stream';
import type { parseArgs } from 'node:util';

/** What {@link main} needs from the outside world, so tests can run it in-process. */
export interface MainOptions {
  /** Arguments after `nutgraf`. */
  argv: readonly string[];
  /** The working directory. */
  cwd: string;
  /** Standard input, for `-`. */
  stdin?: Readable;
  /** Standard output. */
  stdout: Writable;
  /** Standard error. */
  stderr: Writable;
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`, `TERM`, `GITHUB_WORKSPACE`). */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Ends `check --watch` (which then resolves with 0). Without it, `--watch` ends on
   * SIGINT, SIGTERM or SIGHUP.
   */
  signal?: AbortSignal;
}

/** The command-line options, for `node:util`'s `parseArgs`. */
export const optionSpec = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'f', multiple: true },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  preset: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'time-zone': { type: 'string' },
  'base-url': { type: 'string' },
  authors: { type: 'string' },
  images: { type: 'string' },
  'image-url': { type: 'string' },
  ignore: { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean' },
  'no-gitignore': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  'stdin-filename': { type: 'string' },
  fix: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  cache: { type: 'boolean' },
  language: { type: 'string' },
  watch: { type: 'boolean', short: 'w' },
  poll: { type: 'string' },
  'cache-location': { type: 'string' },
  threads: { type: 'string' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  graph: { type: 'boolean' },
  script: { type: 'boolean' },
  'out-dir': { type: 'string', short: 'o' },
} as const;

/** The parsed options. */
export type Values = ReturnType<typeof parseArgs<{ options: typeof optionSpec }>>['values'];

/** A misuse of the command line: printed with the hint to run `--help`, exit code 2. */
export class UsageError extends Error {}

/** A run that cannot go on (a report or data file that cannot be read or written): printed, exit code 2. */
export class RunError extends Error {}

const integerPattern = /^\d+$/;

/** A whole-number option, or `undefined` when not given; a usage error otherwise. */
export function integerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!integerPattern.test(value)) {
    throw new UsageError(`\`--${name}\` expects a whole number, got \`${value}\``);
  }
  return Number(value);
}

/** Whether `zone` is an IANA time zone this Node.js knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `zone` when it is a known time zone (or `undefined`); a usage error otherwise. */
export function timeZoneOption(zone: string | undefined): string | undefined {
  if (zone !== undefined && !isTimeZone(zone)) {
    throw new UsageError(
      `Unknown time zone \`${zone}\`: use an IANA name such as \`Europe/Berlin\``,
    );
  }
  return zone;
}
