import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import type { Article, Diagnostic } from '../schema/index.js';
import type { Settings } from './check-file.js';
import { checkFiles } from './check-files.js';
import { checkSource } from './check-source.js';
import { type Config, loadConfig, ruleSettingSchema } from './config.js';
import { formatOfFile, type InputFormat } from './detect-format.js';
import * as engines from './engines.js';
import { expandPaths } from './expand-paths.js';
import { helpText } from './help.js';
import { defaultMaxFileSize, readInput, readStream } from './read-input.js';
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
  from: { type: 'string' },
  to: { type: 'string' },
  graph: { type: 'boolean' },
  script: { type: 'boolean' },
  'out-dir': { type: 'string', short: 'o' },
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
  const outcomes = await checkFiles(files, settings, {
    stdin: options.stdin,
    threads: integerOption('threads', values.threads),
    onProgress: (done, total) => {
      if (showProgress && (done % 50 === 0 || done === total)) {
        options.stderr.write(`\rnutgraf: checked ${done}/${total} files`);
      }
    },
  });
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
    engines.ruleTable(),
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

/** The file extension `--out-dir` writes for each `--to`. */
const outputExtensions: Readonly<Record<(typeof outputFormats)[number], string>> = {
  json: '.json',
  markdown: '.md',
  jsonld: '.jsonld',
};

/** Read and parse one source: HTML through `parseHtml` (the page and its metadata), others as `check` reads them. */
function parseOne(
  text: string,
  bytes: Uint8Array | undefined,
  format: InputFormat,
  file: string,
  timeZone: string | undefined,
) {
  if (format === 'html') {
    const options: engines.EngineParseOptions = { file };
    if (timeZone !== undefined) options.timeZone = timeZone;
    const parsed = engines.parseHtml(bytes ?? text, options);
    return { article: parsed.article, diagnostics: parsed.diagnostics };
  }
  return checkSource(text, format, { file, timeZone, lint: false });
}

function render(article: Article, to: (typeof outputFormats)[number], values: Values): string {
  const graph = values.graph ?? false;
  const output =
    to === 'json'
      ? JSON.stringify(article, null, 2)
      : to === 'markdown'
        ? engines.toMarkdown(article)
        : values.script
          ? engines.toJsonLdScript(article, { graph })
          : JSON.stringify(engines.toJsonLd(article, { graph }), null, 2);
  return output.endsWith('\n') ? output : `${output}\n`;
}

async function runParse(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
): Promise<number> {
  const outDir = values['out-dir'];
  if (outDir === undefined && paths.length !== 1)
    throw new UsageError(
      '`parse` takes exactly one file, or `-` for standard input (or many with `--out-dir`)',
    );
  if (outDir !== undefined && paths.length === 0)
    throw new UsageError('`parse --out-dir` needs files, folders or globs to convert');
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
  const maxFileSize = integerOption('max-file-size', values['max-file-size']) ?? defaultMaxFileSize;
  if (outDir !== undefined) {
    return runParseMany(options, values, paths, {
      outDir,
      to: to as (typeof outputFormats)[number],
      from,
      timeZone,
      maxFileSize,
    });
  }
  const target = paths[0]!;
  const isStdin = target === '-';
  const file = isStdin ? (values['stdin-filename'] ?? '<stdin>') : target;
  const format =
    from !== undefined
      ? parseFormats[from]
      : (formatOfFile(file) ?? (isStdin ? 'markdown' : undefined));
  if (!format) throw new UsageError(`Cannot tell the format of \`${target}\`: pass \`--from\``);
  const html = format === 'html';
  const read = isStdin
    ? options.stdin
      ? await readStream(options.stdin, file, { maxFileSize, html })
      : { text: '' }
    : await readInput(path.resolve(options.cwd, target), file, { maxFileSize, html });
  if ('diagnostic' in read) {
    options.stderr.write(formatDiagnosticLine(read.diagnostic));
    return 1;
  }
  const checked = parseOne(
    read.text,
    'bytes' in read ? read.bytes : undefined,
    format,
    file,
    timeZone,
  );
  for (const diagnostic of sortDiagnostics(checked.diagnostics)) {
    options.stderr.write(formatDiagnosticLine(diagnostic));
  }
  const article = checked.article;
  if (!article) return 1;
  options.stdout.write(render(article, to as (typeof outputFormats)[number], values));
  return checked.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/**
 * `parse … --out-dir <dir>`: convert many files, each written under `dir` at its path relative
 * to the inputs' common folder, with the extension of `--to`. A progress line on a terminal,
 * then a one-line summary on stderr. Exit 1 when a file gave no article.
 */
async function runParseMany(
  options: MainOptions,
  values: Values,
  patterns: readonly string[],
  settings: {
    outDir: string;
    to: (typeof outputFormats)[number];
    from: string | undefined;
    timeZone: string | undefined;
    maxFileSize: number;
  },
): Promise<number> {
  const expanded = await expandPaths(patterns, { cwd: options.cwd });
  if (expanded.unmatched.length > 0) {
    throw new UsageError(
      `No article files match ${expanded.unmatched.map((pattern) => `\`${pattern}\``).join(', ')}`,
    );
  }
  const files = expanded.files.filter((input) => input.absolute !== '-');
  const outRoot = path.resolve(options.cwd, settings.outDir);
  const base = commonFolder(files.map((input) => input.absolute));
  const showProgress = (options.stderr as { isTTY?: boolean }).isTTY === true;
  let written = 0;
  let failed = 0;
  let warnings = 0;
  let errors = 0;
  for (let index = 0; index < files.length; index++) {
    const input = files[index]!;
    if (showProgress)
      options.stderr.write(
        `\rnutgraf: ${index + 1}/${files.length} ${input.file.slice(-60)}\x1b[K`,
      );
    const format =
      settings.from !== undefined ? parseFormats[settings.from] : formatOfFile(input.absolute);
    if (!format) continue;
    const html = format === 'html';
    const read = await readInput(input.absolute, input.file, {
      maxFileSize: settings.maxFileSize,
      html,
    });
    const report = (diagnostic: Diagnostic) => {
      if (showProgress) options.stderr.write('\r\x1b[K');
      options.stderr.write(formatDiagnosticLine(diagnostic));
    };
    if ('diagnostic' in read) {
      report(read.diagnostic);
      failed++;
      continue;
    }
    const checked = parseOne(read.text, read.bytes, format, input.file, settings.timeZone);
    for (const diagnostic of sortDiagnostics(checked.diagnostics)) {
      if (diagnostic.severity === 'warning') warnings++;
      if (diagnostic.severity === 'error') errors++;
      if (diagnostic.severity === 'error' || (diagnostic.severity === 'warning' && values.verbose))
        report(diagnostic);
    }
    if (!checked.article) {
      failed++;
      continue;
    }
    const relative = path.relative(base, input.absolute);
    const target = path.join(
      outRoot,
      relative.replace(/\.[^./\\]+$/u, '') + outputExtensions[settings.to],
    );
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, render(checked.article, settings.to, values));
    written++;
  }
  if (showProgress) options.stderr.write('\r\x1b[K');
  const shownOut = path.relative(options.cwd, outRoot) || '.';
  options.stderr.write(
    `nutgraf: wrote ${written} of ${files.length} file${files.length === 1 ? '' : 's'} to ${shownOut}/` +
      (failed > 0 ? `, ${failed} without an article` : '') +
      ` (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`,
  );
  return failed > 0 ? 1 : 0;
}

/** The deepest folder holding every file. */
function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return '.';
  let common = path.dirname(files[0]!);
  for (const file of files.slice(1)) {
    while (common !== path.dirname(common) && !file.startsWith(common + path.sep))
      common = path.dirname(common);
  }
  return common;
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
  if (command === 'check') return runCheck(options, values, rest, values.fix ?? false);
  if (command === 'fix') return runCheck(options, values, rest, true);
  if (command === 'parse') return runParse(options, values, rest);
  if (command === undefined) throw new UsageError('Missing command: expected check, fix or parse');
  throw new UsageError(`Unknown command \`${command}\`: expected check, fix or parse`);
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
