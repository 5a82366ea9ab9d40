import { parseArgs } from 'node:util';
import { type WorkerPool, workerPool } from './check-files.js';
import {
  integerOption,
  type MainOptions,
  optionSpec,
  RunError,
  UsageError,
} from './cli-options.js';
import { helpText } from './help.js';
import { loadConfig } from './load-config.js';
import { printConfigProblems, runCheck } from './run-check.js';
import { runParse } from './run-parse.js';
import { runWatch } from './run-watch.js';
import { version } from './version.js';

export type { MainOptions };
export { version };

const commands = ['check', 'fix', 'parse'] as const;

async function run(options: MainOptions): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>;
  try {
    parsed = parseArgs({
      args: [...options.argv],
      options: optionSpec,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    options.stdout.write(helpText);
    return 0;
  }
  if (values.version) {
    options.stdout.write(`${version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (!(commands as readonly (string | undefined)[]).includes(command)) {
    if (command === undefined)
      throw new UsageError('Missing command: expected check, fix or parse');
    throw new UsageError(`Unknown command \`${command}\`: expected check, fix or parse`);
  }
  const fix = command === 'fix' || (values.fix ?? false);
  if (values.watch && (command !== 'check' || fix)) {
    throw new UsageError('`--watch` goes with `check` only: it checks files again as they change');
  }
  if (values.poll !== undefined && !values.watch) {
    throw new UsageError('`--poll` goes with `--watch`');
  }
  // Start a worker now, so that it loads the parsers while this thread reads the
  // configuration and searches folders (not with --cache: a rerun may need none).
  const pool: WorkerPool | undefined =
    values.timeout === '0'
      ? undefined
      : workerPool({
          warm: !values.cache,
          maxMemory: integerOption('max-memory', values['max-memory']),
        });
  try {
    if (values.watch) return await runWatch(options, values, rest, pool);
    const loaded = await loadConfig({ cwd: options.cwd, configFile: values.config });
    if (loaded.diagnostics.length > 0) {
      printConfigProblems(options, loaded);
      return 2;
    }
    if (command === 'parse') return await runParse(options, values, rest, loaded, pool);
    return await runCheck(options, values, rest, fix, loaded, pool);
  } finally {
    pool?.close();
  }
}

/**
 * Run the `nutgraf` command line. Resolves to the exit code, as ESLint and markdownlint-cli2
 * have them: 0 clean (warnings allowed), 1 problems found (errors, or more warnings than
 * `--max-warnings`), 2 the run failed: a usage error, a path that does not exist, an
 * unreadable or invalid configuration, a file over its time or memory budget, or a crash.
 * Never rejects.
 *
 * @example
 * const code = await main({ argv: ['check', 'content'], cwd: process.cwd(),
 *   stdout: process.stdout, stderr: process.stderr, env: process.env })
 */
export async function main(options: MainOptions): Promise<number> {
  try {
    return await run(options);
  } catch (error) {
    if (error instanceof UsageError) {
      options.stderr.write(`nutgraf: ${error.message}\nRun \`nutgraf --help\` for usage.\n`);
      return 2;
    }
    if (error instanceof RunError) {
      options.stderr.write(`nutgraf: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    options.stderr.write(`nutgraf: internal error: ${detail}\n`);
    return 2;
  }
}
