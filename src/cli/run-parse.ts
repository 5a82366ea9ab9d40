import path from 'node:path';
import type { Settings } from './check-file.js';
import { checkFiles, type WarmWorker } from './check-files.js';
import {
  integerOption,
  type MainOptions,
  timeZoneOption,
  UsageError,
  type Values,
} from './cli-options.js';
import { formatOfFile, type InputFormat } from './detect-format.js';
import { diagnosticLine } from './diagnostic-line.js';
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
 * `nutgraf parse`: convert one file (or standard input) in a worker, with the same time and
 * memory budget as `check`; print the result on standard output and the parser's
 * diagnostics on standard error. Exit code 0, 1 when there is no article or an error, 2
 * when the budget stopped it.
 */
export async function runParse(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  warm: WarmWorker | undefined,
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
  const timeZone = timeZoneOption(values['time-zone']);
  const isStdin = target === '-';
  const file = isStdin ? (values['stdin-filename'] ?? '<stdin>') : target;
  const format =
    from !== undefined
      ? parseFormats[from]
      : (formatOfFile(file) ?? (isStdin ? 'markdown' : undefined));
  if (!format) throw new UsageError(`Cannot tell the format of \`${target}\`: pass \`--from\``);
  const settings: Settings = {
    format: 'stylish',
    rules: {},
    maxFileSize: integerOption('max-file-size', values['max-file-size']) ?? defaultMaxFileSize,
    quiet: false,
    verbose: true,
    fix: false,
    dryRun: false,
    stdinFormat: format,
    stdinName: file,
  };
  if (timeZone !== undefined) settings.timeZone = timeZone;
  if (values['base-url'] !== undefined) settings.baseUrl = values['base-url'];
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
  for (const diagnostic of diagnostics) options.stderr.write(diagnosticLine(diagnostic));
  if (outcome?.output !== undefined) options.stdout.write(outcome.output);
  if (outcome?.crashed) return 2;
  return outcome?.output === undefined || diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
