/** The command line of a training script: its arguments, flags and options with values. */

/** The arguments after the script's path. */
export const args: readonly string[] = process.argv.slice(2);

/** Whether `name` (`--cv`) is on the command line. */
export const flag = (name: string): boolean => args.includes(name);

/** The value after `name` (`--corpus DIR`), or `fallback` when it is missing or has none. */
export function option(name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
}
