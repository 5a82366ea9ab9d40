import path from 'node:path';
import type { Settings } from './check-file.js';
import { checkFiles, type WorkerPool } from './check-files.js';
import { integerOption, type MainOptions, UsageError, type Values } from './cli-options.js';
import type { LoadedConfig } from './config.js';
import { formatOfFile, type InputFormat } from './detect-format.js';
import { diagnosticLine } from './diagnostic-line.js';
import { settingsForFiles } from './file-settings.js';
import type { ParseOutput } from './parse-file.js';
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
  if (paths.length !== 1) {
    throw new UsageError('`parse` takes exactly one file, or `-` for standard input');
  }
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
  const isStdin = target === '-';
  const file = isStdin ? (values['stdin-filename'] ?? '<stdin>') : target;
  const format =
    from !== undefined
      ? parseFormats[from]
      : (formatOfFile(file) ?? (isStdin ? 'markdown' : undefined));
  if (!format) throw new UsageError(`Cannot tell the format of \`${target}\`: pass \`--from\``);
  const base: Settings = {
    format: 'stylish',
    rules: {},
    maxFileSize:
      integerOption('max-file-size', values['max-file-size']) ??
      loaded.config.maxFileSize ??
      defaultMaxFileSize,
    quiet: false,
    verbose: true,
    fix: false,
    dryRun: false,
    stdinFormat: format,
    stdinName: file,
  };
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
      to: to as ParseOutput['to'],
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
