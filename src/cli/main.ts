import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { rules as ruleTable } from '../lint/index.js';
import type { Diagnostic } from '../schema/index.js';
import type { Settings } from './check-file.js';
import { checkFiles, type WarmWorker, warmUpWorker } from './check-files.js';
import { type Config, loadConfig, ruleSettingSchema } from './config.js';
import { formatOfFile, type InputFormat } from './detect-format.js';
import type * as engines from './engines.js';
import { expandPaths } from './expand-paths.js';
import { helpText } from './help.js';
import type { ParseOutput } from './parse-file.js';
import { defaultMaxFileSize } from './read-input.js';
import { type FormatName, reporters } from './reporters/index.js';
import { sortDiagnostics, startOf, summarize } from './types.js';

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
  /** Environment variables (`NO_COLOR`, `FORCE_COLOR`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The nutgraf version. */
export const version: string = packageJson.version;

const optionSpec = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  preset: { type: 'string' },
  config: { type: 'string', short: 'c' },
  'time-zone': { type: 'string' },
  'max-file-size': { type: 'string' },
  'stdin-filename': { type: 'string' },
  fix: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  threads: { type: 'string' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  graph: { type: 'boolean' },
  script: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof optionSpec }>>['values'];

/** A misuse of the command line: printed with the hint to run `--help`, exit code 2. */
class UsageError extends Error {}

const presets = ['recommended', 'google', 'strict'] as const;
const rulePattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)=([a-z]+)$/;
const integerPattern = /^\d+$/;

function integerOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!integerPattern.test(value)) {
    throw new UsageError(`\`--${name}\` expects a whole number, got \`${value}\``);
  }
  return Number(value);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function settingsFrom(values: Values, config: Config, fix: boolean): Settings {
  const format = values.format ?? 'stylish';
  if (!(format in reporters)) {
    throw new UsageError(
      `Unknown format \`${format}\`: expected one of ${Object.keys(reporters).join(', ')}`,
    );
  }
  const preset = values.preset ?? config.preset;
  if (preset !== undefined && !(presets as readonly string[]).includes(preset)) {
    throw new UsageError(`Unknown preset \`${preset}\`: expected one of ${presets.join(', ')}`);
  }
  const rules: Record<string, engines.RuleSetting> = { ...config.rules };
  for (const rule of values.rule ?? []) {
    const match = rulePattern.exec(rule);
    const level = ruleSettingSchema.safeParse(match?.[2]);
    if (!match || !level.success) {
      throw new UsageError(
        `\`--rule\` expects \`id=off|info|warn|error\`, such as \`missing-image=off\`, got \`${rule}\``,
      );
    }
    rules[match[1]!] = level.data;
  }
  const timeZone = values['time-zone'] ?? config.timeZone;
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw new UsageError(
      `Unknown time zone \`${timeZone}\`: use an IANA name such as \`Europe/Berlin\``,
    );
  }
  const stdinName = values['stdin-filename'] ?? '<stdin>';
  const settings: Settings = {
    format: format as FormatName,
    rules,
    maxFileSize:
      integerOption('max-file-size', values['max-file-size']) ??
      config.maxFileSize ??
      defaultMaxFileSize,
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    fix,
    dryRun: values['dry-run'] ?? false,
    stdinFormat: formatOfFile(stdinName) ?? 'markdown',
    stdinName,
  };
  if (preset !== undefined) settings.preset = preset as engines.PresetName;
  if (timeZone !== undefined) settings.timeZone = timeZone;
  const maxWarnings = integerOption('max-warnings', values['max-warnings']) ?? config.maxWarnings;
  if (maxWarnings !== undefined) settings.maxWarnings = maxWarnings;
  return settings;
}

function formatDiagnosticLine(diagnostic: Diagnostic): string {
  const start = startOf(diagnostic.place);
  const where = `${diagnostic.file ?? ''}${start ? `:${start.line}:${start.column}` : ''}`;
  return `${where}: ${diagnostic.severity}: ${diagnostic.message} (${diagnostic.ruleId})\n`;
}

function useColor(stream: Writable, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/** Runs with more files than this show a progress line on a terminal. */
const progressThreshold = 300;

async function runCheck(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  fix: boolean,
  warm: WarmWorker | undefined,
): Promise<number> {
  const env = options.env ?? {};
  const loaded = await loadConfig({ cwd: options.cwd, configFile: values.config });
  if (loaded.diagnostics.length > 0) {
    for (const diagnostic of sortDiagnostics(loaded.diagnostics)) {
      const file = diagnostic.file ? path.relative(options.cwd, diagnostic.file) : '';
      options.stderr.write(
        formatDiagnosticLine(file === '' ? diagnostic : { ...diagnostic, file }),
      );
    }
    return 2;
  }
  const settings = settingsFrom(values, loaded.config, fix);
  const patterns = paths.length > 0 ? paths : (loaded.config.files ?? []);
  if (patterns.length === 0) {
    throw new UsageError(
      'No files to check: give paths, folders or globs (or `files` in the configuration)',
    );
  }
  const expanded = await expandPaths(patterns, {
    cwd: options.cwd,
    ignores: loaded.config.ignores,
  });
  if (expanded.unmatched.length > 0) {
    throw new UsageError(
      `No article files match ${expanded.unmatched.map((pattern) => `\`${pattern}\``).join(', ')}`,
    );
  }
  const files = expanded.files;
  const showProgress =
    files.length > progressThreshold && (options.stderr as { isTTY?: boolean }).isTTY === true;
  const outcomes = await checkFiles(
    files.map((input) => ({ input, profile: 0 })),
    [settings],
    {
      stdin: options.stdin,
      threads: integerOption('threads', values.threads),
      timeout: integerOption('timeout', values.timeout) ?? loaded.config.timeout,
      maxMemory: integerOption('max-memory', values['max-memory']) ?? loaded.config.maxMemory,
      warm,
      onProgress: (done, total) => {
        if (showProgress && (done % 50 === 0 || done === total)) {
          options.stderr.write(`\rnutgraf: checked ${done}/${total} files`);
        }
      },
    },
  );
  if (showProgress) options.stderr.write('\r\x1b[K');
  const results = outcomes.map((outcome) => outcome.result);
  // GitHub resolves annotation paths against the repository root, not the working directory.
  const workspace = env.GITHUB_WORKSPACE;
  const reported =
    settings.format === 'github' && workspace
      ? results.map((result) =>
          result.file === settings.stdinName
            ? result
            : {
                ...result,
                file: path
                  .relative(workspace, path.resolve(options.cwd, result.file))
                  .split(path.sep)
                  .join('/'),
              },
        )
      : results;
  const diffs = outcomes.map((outcome) => outcome.diff).join('');
  if (diffs !== '') options.stdout.write(diffs);
  const report = reporters[settings.format](
    { results: reported, cwd: options.cwd, color: useColor(options.stdout, env), version },
    ruleTable,
  );
  if (report !== '') options.stdout.write(report);
  const summary = summarize(results);
  if (outcomes.some((outcome) => outcome.crashed)) return 2;
  if (summary.errors > 0) return 1;
  if (settings.maxWarnings !== undefined && summary.warnings > settings.maxWarnings) {
    options.stderr.write(
      `nutgraf: ${summary.warnings} warnings, more than --max-warnings ${settings.maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

const parseFormats: Readonly<Record<string, InputFormat>> = {
  text: 'text',
  markdown: 'markdown',
  md: 'markdown',
  json: 'json',
  jsonld: 'json',
  html: 'html',
};
const outputFormats = ['json', 'markdown', 'jsonld'] as const;

async function runParse(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  warm: WarmWorker | undefined,
): Promise<number> {
  if (paths.length !== 1)
    throw new UsageError('`parse` takes exactly one file, or `-` for standard input');
  const target = paths[0]!;
  const to = values.to ?? 'json';
  if (!(outputFormats as readonly string[]).includes(to)) {
    throw new UsageError(`Unknown \`--to\` \`${to}\`: expected one of ${outputFormats.join(', ')}`);
  }
  const from = values.from;
  if (from !== undefined && !(from in parseFormats)) {
    throw new UsageError(
      `Unknown \`--from\` \`${from}\`: expected text, markdown, jsonld, json or html`,
    );
  }
  const timeZone = values['time-zone'];
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw new UsageError(
      `Unknown time zone \`${timeZone}\`: use an IANA name such as \`Europe/Berlin\``,
    );
  }
  const isStdin = target === '-';
  const file = isStdin ? (values['stdin-filename'] ?? '<stdin>') : target;
  const format =
    from !== undefined
      ? parseFormats[from]
      : (formatOfFile(file) ?? (isStdin ? 'markdown' : undefined));
  if (!format) throw new UsageError(`Cannot tell the format of \`${target}\`: pass \`--from\``);
  const maxFileSize = integerOption('max-file-size', values['max-file-size']) ?? defaultMaxFileSize;
  const settings: Settings = {
    format: 'stylish',
    rules: {},
    maxFileSize,
    quiet: false,
    verbose: true,
    fix: false,
    dryRun: false,
    stdinFormat: format,
    stdinName: file,
  };
  if (timeZone !== undefined) settings.timeZone = timeZone;
  const input = isStdin
    ? { absolute: '-', file }
    : { absolute: path.resolve(options.cwd, target), file: target };
  const [outcome] = await checkFiles([{ input, profile: 0 }], [settings], {
    stdin: options.stdin,
    timeout: integerOption('timeout', values.timeout),
    maxMemory: integerOption('max-memory', values['max-memory']),
    warm,
    parse: {
      from: format,
      to: to as ParseOutput['to'],
      graph: values.graph ?? false,
      script: values.script ?? false,
    },
  });
  const diagnostics = outcome?.result.diagnostics ?? [];
  for (const diagnostic of diagnostics) options.stderr.write(formatDiagnosticLine(diagnostic));
  if (outcome?.output !== undefined) options.stdout.write(outcome.output);
  if (outcome?.crashed) return 2;
  return outcome?.output === undefined || diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

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
  if (command !== 'check' && command !== 'fix' && command !== 'parse') {
    if (command === undefined)
      throw new UsageError('Missing command: expected check, fix or parse');
    throw new UsageError(`Unknown command \`${command}\`: expected check, fix or parse`);
  }
  // Start a worker now: it loads the parsers while this thread reads the configuration.
  const warm =
    values.timeout === '0'
      ? undefined
      : warmUpWorker(integerOption('max-memory', values['max-memory']));
  try {
    if (command === 'parse') return await runParse(options, values, rest, warm);
    return await runCheck(options, values, rest, command === 'fix' || (values.fix ?? false), warm);
  } finally {
    warm?.close();
  }
}

/**
 * Run the `nutgraf` command line. Resolves to the exit code: 0 clean (warnings allowed),
 * 1 problems found (errors, or more warnings than `--max-warnings`), 2 usage error,
 * unreadable or invalid configuration, or crash. Never rejects.
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
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    options.stderr.write(`nutgraf: internal error: ${detail}\n`);
    return 2;
  }
}
