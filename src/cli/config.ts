import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { fileDiagnostic } from '../lint/file-rules.js';
import { type Diagnostic, formatPath, placeOf } from '../schema/index.js';
import { createLineIndex } from '../schema/line-index.js';
import { documentSources } from './yaml-sources.js';

/** A rule setting in a config file or `--rule`. */
export const ruleSettingSchema = z.enum(['off', 'info', 'warn', 'warning', 'error']);

/**
 * The `nutgraf` configuration: `nutgraf.config.json`, `.nutgrafrc.json`, or the `nutgraf`
 * key of `package.json`. Command-line options override it.
 */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    preset: z
      .enum(['recommended', 'google', 'strict'])
      .optional()
      .describe('The preset the rules start from: `recommended` (default), `google` or `strict`.'),
    rules: z
      .record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), ruleSettingSchema)
      .optional()
      .describe('Severity per rule id: `off`, `info`, `warn` (or `warning`) or `error`.'),
    timeZone: z
      .string()
      .min(1)
      .optional()
      .describe('IANA time zone for dates without an offset, e.g. `America/New_York`.'),
    maxWarnings: z
      .int()
      .min(0)
      .optional()
      .describe('Exit with code 1 when there are more warnings than this.'),
    maxFileSize: z
      .int()
      .positive()
      .optional()
      .describe(
        'Files larger than this many bytes get an error instead of a check (default 10 MB).',
      ),
    files: z
      .array(z.string().min(1))
      .optional()
      .describe('Paths, folders or globs to check when none are given on the command line.'),
    ignores: z
      .array(z.string().min(1))
      .optional()
      .describe('Globs never checked (`node_modules` and `.git` are always ignored).'),
  })
  .meta({
    title: 'nutgraf configuration',
    description:
      'Configuration of the nutgraf CLI: nutgraf.config.json, .nutgrafrc.json or package.json#nutgraf.',
  });

/** A nutgraf configuration (see {@link configSchema}). */
export type Config = z.infer<typeof configSchema>;

/** The files looked for, in this order, in each folder from the working directory up. */
export const configFileNames = ['nutgraf.config.json', '.nutgrafrc.json', 'package.json'] as const;

/** A loaded configuration, or the diagnostics that explain why it could not be loaded. */
export interface LoadedConfig {
  config: Config;
  /** The file it came from, when one was found. */
  file?: string;
  /** Problems with the file; non-empty means the run must stop with exit code 2. */
  diagnostics: Diagnostic[];
}

function configError(file: string, message: string, place?: Diagnostic['place']): Diagnostic {
  return fileDiagnostic('invalid-config', message, file, place);
}

/** `Unexpected token } in JSON at position 12` → 12. */
const jsonErrorPosition = /at position (\d+)/;
/** The position part of a JSON error message, dropped because the diagnostic's place says it. */
const jsonErrorTail = /\s+(?:in JSON\s+)?at position \d+(?: \(line \d+ column \d+\))?$/;

/**
 * Parse and validate configuration text. `key` selects a sub-object (`nutgraf` in
 * `package.json`); a `package.json` without it yields `undefined`.
 *
 * @example
 * parseConfig('{"preset":"strict"}', 'nutgraf.config.json').config //=> { preset: 'strict' }
 */
export function parseConfig(text: string, file: string, key?: string): LoadedConfig | undefined {
  const lines = createLineIndex(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(
      jsonErrorTail,
      '',
    );
    const at = jsonErrorPosition.exec(error instanceof Error ? error.message : '');
    const place = lines.point(at ? Number(at[1]) : text.length);
    return {
      config: {},
      file,
      diagnostics: [configError(file, `Cannot parse the configuration: ${message}`, place)],
    };
  }
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const sources = documentSources(document, lines);
  const prefix: Array<string> = [];
  if (key !== undefined) {
    if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
    value = (value as Record<string, unknown>)[key];
    prefix.push(key);
  }
  const result = configSchema.safeParse(value);
  if (result.success) return { config: result.data, file, diagnostics: [] };
  return {
    config: {},
    file,
    diagnostics: result.error.issues.map((issue) => {
      const issuePath = issue.path.filter(
        (part): part is string | number => typeof part === 'string' || typeof part === 'number',
      );
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const fieldPath = [...prefix, ...issuePath, ...keys.slice(0, 1)];
      const where = fieldPath.length > 0 ? `\`${formatPath(fieldPath)}\`` : 'the configuration';
      const text =
        issue.code === 'unrecognized_keys'
          ? `Unknown configuration key ${where}: expected one of ${Object.keys(configSchema.shape)
              .map((name) => `\`${name}\``)
              .join(', ')}`
          : `${issue.message} at ${where}`;
      return configError(file, text, placeOf(sources, fieldPath)?.start);
    }),
  };
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * Load the configuration: the file given with `--config`, or the first of
 * {@link configFileNames} found from `cwd` upward. Never throws: an unreadable or invalid
 * file gives positioned diagnostics.
 *
 * @example
 * const { config, diagnostics } = await loadConfig({ cwd: process.cwd() })
 */
export async function loadConfig(options: {
  cwd: string;
  configFile?: string | undefined;
}): Promise<LoadedConfig> {
  if (options.configFile !== undefined) {
    const file = path.resolve(options.cwd, options.configFile);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      return {
        config: {},
        file,
        diagnostics: [configError(file, `Cannot read the configuration file (${reason})`)],
      };
    }
    const isPackage = path.basename(file) === 'package.json';
    return (
      parseConfig(text, file, isPackage ? 'nutgraf' : undefined) ?? { config: {}, diagnostics: [] }
    );
  }
  let directory = path.resolve(options.cwd);
  for (;;) {
    for (const name of configFileNames) {
      const file = path.join(directory, name);
      let text: string | undefined;
      try {
        text = await readIfPresent(file);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? String(error);
        return {
          config: {},
          file,
          diagnostics: [configError(file, `Cannot read the configuration file (${reason})`)],
        };
      }
      if (text === undefined) continue;
      const loaded = parseConfig(text, file, name === 'package.json' ? 'nutgraf' : undefined);
      if (loaded) return loaded;
    }
    const parent = path.dirname(directory);
    if (parent === directory) return { config: {}, diagnostics: [] };
    directory = parent;
  }
}
