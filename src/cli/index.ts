import type { Readable, Writable } from 'node:stream';

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
  /** Environment variables (`NO_COLOR`, `CI`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Run the `nutgraf` command line. Resolves to the exit code: 0 clean, 1 problems found,
 * 2 usage error or failure.
 */
export async function main(options: MainOptions): Promise<number> {
  options.stderr.write('nutgraf: the command line is not available yet\n');
  return 2;
}
