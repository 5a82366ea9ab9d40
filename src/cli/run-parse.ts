import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from './check-file.js';
import { checkFiles, type WorkerPool } from './check-files.js';
import { integerOption, type MainOptions, UsageError, type Values } from './cli-options.js';
import type { LoadedConfig } from './config-text.js';
import { formatOfFile, type InputFormat } from './detect-format.js';
import { diagnosticLine } from './diagnostic-line.js';
import { expandPaths } from './expand-paths.js';
import { settingsForFiles } from './file-settings.js';
import { defaultMaxFileSize } from './read-input.js';

const parseFormats: Readonly<Record<string, InputFormat>> = {
  text: 'text',
  markdown: 'markdown',
  md: 'markdown',
  json: 'json',
  jsonld: 'json',
  html: 'html',
};
const outputFormats = ['json', 'markdown', 'jsonld'] as const;
type OutputFormat = (typeof outputFormats)[number];

/** `--to`, checked (default `json`). */
function outputFormatOf(values: Values): OutputFormat {
  const to = values.to ?? 'json';
  if (!(outputFormats as readonly string[]).includes(to)) {
    throw new UsageError(`Unknown \`--to\` \`${to}\`: expected one of ${outputFormats.join(', ')}`);
  }
  return to as OutputFormat;
}

/** `--from`, checked; `undefined` when it is not given. */
function inputFormatOf(values: Values): InputFormat | undefined {
  if (values.from === undefined) return undefined;
  const from = Object.hasOwn(parseFormats, values.from) ? parseFormats[values.from] : undefined;
  if (!from) {
    throw new UsageError(
      `Unknown \`--from\` \`${values.from}\`: expected text, markdown, jsonld, json or html`,
    );
  }
  return from;
}

/** The settings `check` would start from, for `parse` (before configuration and overrides). */
function parseSettings(
  values: Values,
  loaded: LoadedConfig,
  stdin: { format: InputFormat; name: string },
  verbose: boolean,
): Settings {
  return {
    format: 'stylish',
    rules: {},
    maxFileSize:
      integerOption('max-file-size', values['max-file-size']) ??
      loaded.config.maxFileSize ??
      defaultMaxFileSize,
    quiet: values.quiet ?? false,
    verbose,
    fix: false,
    dryRun: false,
    stdinFormat: stdin.format,
    stdinName: stdin.name,
  };
}

/**
 * `nutgraf parse`: convert one file (or standard input) in a worker, with the settings
 * `check` would give it (configuration, overrides, site data, command line) and the same
 * time and memory budget; print the result on standard output and the parser's
 * diagnostics on standard error. Exit code 0, 1 when there is no article or an error, 2
 * when the budget stopped it.
 */
export async function runParse(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  loaded: LoadedConfig,
  pool: WorkerPool | undefined,
): Promise<number> {
  const outDir = values['out-dir'];
  if (outDir === undefined && paths.length !== 1) {
    throw new UsageError(
      '`parse` takes exactly one file, or `-` for standard input (or many with `--out-dir`)',
    );
  }
  if (outDir !== undefined) {
    if (paths.length === 0) throw new UsageError('`parse --out-dir` needs files, folders or globs');
    return runParseMany(options, values, paths, outDir, loaded, pool);
  }
  const target = paths[0]!;
  const to = outputFormatOf(values);
  const from = inputFormatOf(values);
  const isStdin = target === '-';
  const file = isStdin ? (values['stdin-filename'] ?? '<stdin>') : target;
  const format = from ?? formatOfFile(file) ?? (isStdin ? 'markdown' : undefined);
  if (!format) throw new UsageError(`Cannot tell the format of \`${target}\`: pass \`--from\``);
  const base = parseSettings(values, loaded, { format, name: file }, true);
  const input = isStdin
    ? { absolute: '-', file }
    : { absolute: path.resolve(options.cwd, target), file: target };
  // The configuration's time zone, site data and overrides for this file, as `check` uses them.
  const { profiles, profileOf } = await settingsForFiles(options, values, loaded, base, [input]);
  const [outcome] = await checkFiles([{ input, profile: profileOf[0]! }], profiles, {
    stdin: options.stdin,
    timeout: integerOption('timeout', values.timeout) ?? loaded.config.timeout,
    maxMemory: integerOption('max-memory', values['max-memory']) ?? loaded.config.maxMemory,
    pool,
    parse: {
      from: format,
      to,
      graph: values.graph ?? false,
      script: values.script ?? false,
    },
  });
  const diagnostics = outcome?.result.diagnostics ?? [];
  for (const diagnostic of diagnostics) options.stderr.write(diagnosticLine(diagnostic));
  if (outcome?.output !== undefined) options.stdout.write(outcome.output);
  if (outcome?.crashed) return 2;
  return outcome?.output === undefined || diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

/** The file extension `--out-dir` writes for each `--to`. */
const outputExtensions: Readonly<Record<OutputFormat, string>> = {
  json: '.json',
  markdown: '.md',
  jsonld: '.jsonld',
};

/** The deepest folder holding every file. */
function commonFolder(files: readonly string[]): string {
  if (files.length === 0) return '.';
  let common = path.dirname(files[0]!);
  for (const file of files.slice(1)) {
    while (common !== path.dirname(common) && !file.startsWith(common + path.sep)) {
      common = path.dirname(common);
    }
  }
  return common;
}

/**
 * `parse <paths…> --out-dir <dir>`: convert many files (with the same worker budget as
 * `check`), writing each under `dir` at its path relative to the inputs' common folder with
 * the extension of `--to`. A progress line on a terminal, errors on standard error, then a
 * one-line summary. Exit 1 when a file gave no article, 2 when the budget stopped one.
 */
async function runParseMany(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  outDir: string,
  loaded: LoadedConfig,
  pool: WorkerPool | undefined,
): Promise<number> {
  const to = outputFormatOf(values);
  const from = inputFormatOf(values);
  const expanded = await expandPaths(
    paths.map((pattern) => ({ pattern, base: options.cwd })),
    { cwd: options.cwd },
  );
  if (expanded.unmatched.length > 0) {
    throw new UsageError(
      `No article files match ${expanded.unmatched.map((entry) => `\`${entry.pattern}\``).join(', ')}`,
    );
  }
  const files = expanded.files.filter((input) => input.absolute !== '-');
  const base = parseSettings(values, loaded, { format: 'markdown', name: '<stdin>' }, false);

  // The configuration's time zone, site data and overrides for each file, as `check` uses them.
  const { profiles, profileOf } = await settingsForFiles(options, values, loaded, base, files);
  const showProgress = (options.stderr as { isTTY?: boolean }).isTTY === true;
  const outcomes = await checkFiles(
    files.map((input, index) => ({ input, profile: profileOf[index]! })),
    profiles,
    {
      timeout: integerOption('timeout', values.timeout) ?? loaded.config.timeout,
      maxMemory: integerOption('max-memory', values['max-memory']) ?? loaded.config.maxMemory,
      pool,
      parse: { from, to, graph: values.graph ?? false, script: values.script ?? false },
      onProgress: (done, total) => {
        if (showProgress) options.stderr.write(`\rnutgraf: converted ${done}/${total} files\x1b[K`);
      },
    },
  );
  if (showProgress) options.stderr.write('\r\x1b[K');
  const outRoot = path.resolve(options.cwd, outDir);
  const common = commonFolder(files.map((input) => input.absolute));
  let written = 0;
  let errors = 0;
  let warnings = 0;
  let crashed = false;
  for (let index = 0; index < outcomes.length; index++) {
    const outcome = outcomes[index]!;
    const input = files[index]!;
    if (outcome.crashed) crashed = true;
    for (const diagnostic of outcome.result.diagnostics) {
      if (diagnostic.severity === 'error') {
        errors++;
        options.stderr.write(diagnosticLine(diagnostic));
      } else if (diagnostic.severity === 'warning') warnings++;
    }
    if (outcome.output === undefined) continue;
    const relative = path.relative(common, input.absolute).replace(/\.[^./\\]+$/u, '');
    const target = path.join(outRoot, relative + outputExtensions[to]);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, outcome.output);
    written++;
  }
  const failed = files.length - written;
  const shown = path.relative(options.cwd, outRoot) || '.';
  options.stderr.write(
    `nutgraf: wrote ${written} of ${files.length} file${files.length === 1 ? '' : 's'} to ${shown}/` +
      (failed > 0 ? `, ${failed} without an article` : '') +
      ` (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`,
  );
  if (crashed) return 2;
  return failed > 0 ? 1 : 0;
}
