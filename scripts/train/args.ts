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

/**
 * `--drop a,b`: the named features of `table` read 0 from now on, an ablation before deleting
 * them. `label` names the table in the error for a name it does not hold.
 */
export function dropOption(table: readonly { readonly name: string }[], label: string): void {
  for (const name of option('--drop', '').split(',').filter(Boolean)) {
    const feature = table.find((f) => f.name === name);
    if (!feature) throw new Error(`--drop: no ${label} feature ${name}`);
    (feature as unknown as { value: () => number }).value = () => 0;
  }
}
