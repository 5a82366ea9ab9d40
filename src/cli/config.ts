import path from 'node:path';
import { z } from 'zod';
import { isLanguageTag } from '../schema/checks.js';
import { formatPath } from '../schema/diagnostic.js';
import { placeOf, type SourceMap } from '../schema/source-map.js';
import {
  configError,
  knownRuleIds,
  type LoadedConfig,
  parseText,
  unknownRuleMessage,
} from './config-text.js';
import { didYouMean } from './did-you-mean.js';

export {
  configFileNames,
  isKnownRule,
  type LoadedConfig,
  unknownRuleMessage,
} from './config-text.js';
export { loadConfig } from './load-config.js';

/** A rule setting in a config file or `--rule`. */
export const ruleSettingSchema = z.enum(['off', 'info', 'warn', 'warning', 'error']);

const presetSchema = z
  .enum(['recommended', 'google', 'strict'])
  .describe('The preset the rules start from: `recommended` (default), `google` or `strict`.');

const rulesSchema = z
  .record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), ruleSettingSchema)
  .describe('Severity per rule id: `off`, `info`, `warn` (or `warning`) or `error`.');

const timeZoneSchema = z
  .string()
  .min(1)
  .describe('IANA time zone for dates without an offset, e.g. `America/New_York`.');

const baseUrlSchema = z
  .url({ protocol: /^https?$/ })
  .describe(
    "The site's URL, to resolve relative links and images in Markdown (`/images/a.jpg`), e.g. `https://example.com/`.",
  );

const languageSchema = z
  .string()
  .refine(isLanguageTag, 'Expected a BCP 47 language tag such as `en` or `pt-BR`')
  .describe(
    "The site's language (BCP 47, e.g. `en`, `pt-BR`): the `language` of articles that give none.",
  );

const authorsSchema = z
  .union([z.string().min(1), z.strictObject({ path: z.string().min(1) })])
  .describe(
    'Where the site keeps its authors, for `authors: [jane-doe]` in frontmatter: a folder with a file per author (`_authors/jane-doe.md` with frontmatter, or `.yml`/`.json`), or a data file (`_data/authors.yml`) mapping each slug to its record. Relative to this file.',
  );

const imagesSchema = z
  .union([
    z.string().min(1),
    z.strictObject({
      path: z.string().min(1),
      url: z
        .string()
        .min(1)
        .optional()
        .describe(
          'The URL of each image, when its record has none: `{id}` is the record key, `{field}` any field of the record, e.g. `https://cdn.example.com/{id}.{format}`.',
        ),
    }),
  ])
  .describe(
    'Where the site keeps its images, for `primary_image: harbour` in frontmatter: a folder with a file per image (`_images/harbour.yml`) or a data file mapping each id to its record (`url`, `alt`, `caption`, `credit`, `width`, `height`). Relative to this file.',
  );

/** The options an `overrides` entry may change for the files it names. */
const overrideOptionsSchema = z.strictObject({
  preset: presetSchema.optional(),
  rules: rulesSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  baseUrl: baseUrlSchema.optional(),
  language: languageSchema.optional(),
  authors: authorsSchema.optional(),
  images: imagesSchema.optional(),
});

/** Globs relative to the configuration file's folder. */
const globsSchema = z.array(z.string().min(1));

/**
 * The `nutgraf` configuration: `nutgraf.config.json` (or `.jsonc`, `.yaml`, `.yml`),
 * `.nutgrafrc` (JSON or YAML), `.nutgrafrc.json` (`.jsonc`, `.yaml`, `.yml`), or the
 * `nutgraf` key of `package.json`. JSON files may hold comments. Paths and globs in it are
 * relative to its folder; command-line options override it.
 */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    ...overrideOptionsSchema.shape,
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
    timeout: z
      .int()
      .min(0)
      .optional()
      .describe(
        'Seconds each file may take to check, per started megabyte (default 10); `0` turns the budget off.',
      ),
    maxMemory: z
      .int()
      .min(16)
      .optional()
      .describe(
        'Megabytes of JavaScript heap a worker may use to check a file (default: the heap limit of Node.js).',
      ),
    files: globsSchema
      .optional()
      .describe(
        'Paths, folders or globs to check when none are given on the command line, relative to this file.',
      ),
    ignores: globsSchema
      .optional()
      .describe(
        'Globs never checked, relative to this file; a folder ignores everything in it (`node_modules` and `.git` are always ignored).',
      ),
    gitignore: z
      .boolean()
      .optional()
      .describe('Skip what `.gitignore` files ignore (default `true`).'),
    overrides: z
      .array(
        z.strictObject({
          files: globsSchema.min(1).describe('Globs of the files, relative to this file.'),
          excludeFiles: globsSchema
            .optional()
            .describe('Globs of files to leave out, relative to this file.'),
          options: overrideOptionsSchema.describe('The options for those files.'),
        }),
      )
      .optional()
      .describe(
        'Options for some files only, as Prettier has them: `[{ "files": ["content/uk/**"], "options": { "timeZone": "Europe/London" } }]`. Later entries win.',
      ),
  })
  .meta({
    title: 'nutgraf configuration',
    description:
      'Configuration of the nutgraf CLI: nutgraf.config.json, .nutgrafrc.json or package.json#nutgraf.',
  });

/** A nutgraf configuration (see {@link configSchema}). */
export type Config = z.infer<typeof configSchema>;

/** The options an `overrides` entry sets. */
export type OverrideOptions = z.infer<typeof overrideOptionsSchema>;

/** The own keys of a value that is a plain object (a rules table as parsed), else none. */
const ownKeys = (value: unknown): string[] =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];

/**
 * Rule ids in `config.rules` and each override's that name no rule, with where they are. Read
 * from the parsed value, which zod has accepted: zod's record leaves a `__proto__` key out of
 * its output without a word, and an unknown rule must never be dropped silently.
 */
function unknownRules(value: unknown): Array<{ id: string; path: Array<string | number> }> {
  const found: Array<{ id: string; path: Array<string | number> }> = [];
  const config = value as { rules?: unknown; overrides?: Array<{ options?: { rules?: unknown } }> };
  for (const id of ownKeys(config.rules)) {
    if (!knownRuleIds.has(id)) found.push({ id, path: ['rules', id] });
  }
  (config.overrides ?? []).forEach((override, index) => {
    for (const id of ownKeys(override.options?.rules)) {
      if (!knownRuleIds.has(id))
        found.push({ id, path: ['overrides', index, 'options', 'rules', id] });
    }
  });
  return found;
}

const configKeys = Object.keys(configSchema.shape);

/** Validate a parsed configuration value: the config, or diagnostics at the keys and values. */
export function validateConfig(
  value: unknown,
  file: string,
  sources: SourceMap,
  prefix: readonly string[],
): LoadedConfig {
  const directory = path.dirname(file);
  const result = configSchema.safeParse(value);
  if (result.success) {
    const diagnostics = unknownRules(value).map(({ id, path: at }) => {
      const fieldPath = [...prefix, ...at];
      return configError(file, unknownRuleMessage(id), placeOf(sources, fieldPath)?.start);
    });
    return diagnostics.length > 0
      ? { config: {}, file, directory, diagnostics }
      : { config: result.data, file, directory, diagnostics: [] };
  }
  return {
    config: {},
    file,
    directory,
    diagnostics: result.error.issues.map((issue) => {
      const issuePath = issue.path.filter(
        (part): part is string | number => typeof part === 'string' || typeof part === 'number',
      );
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const fieldPath = [...prefix, ...issuePath, ...keys.slice(0, 1)];
      const where = fieldPath.length > 0 ? `\`${formatPath(fieldPath)}\`` : 'the configuration';
      let text = `${issue.message} at ${where}`;
      if (issue.code === 'unrecognized_keys') {
        const key = keys[0] ?? '';
        const guess = issuePath.length === 0 ? didYouMean(key, configKeys) : undefined;
        const known = issuePath.length === 0 ? configKeys : [];
        text = `Unknown configuration key ${where}${guess ? `: did you mean \`${guess}\`?` : ''}${known.length > 0 ? ` Expected one of ${known.map((name) => `\`${name}\``).join(', ')}` : ''}`;
      }
      return configError(file, text, placeOf(sources, fieldPath)?.start);
    }),
  };
}

/**
 * Parse and validate configuration text: JSON with comments, or YAML for `.yaml`, `.yml` and
 * a `.nutgrafrc` that does not start with `{`. `key` selects a sub-object (`nutgraf` in
 * `package.json`); a `package.json` without it yields `undefined`. Unknown rule ids are
 * errors, with the closest known id.
 *
 * @example
 * parseConfig('{"preset":"strict"}', 'nutgraf.config.json').config //=> { preset: 'strict' }
 */
export function parseConfig(text: string, file: string, key?: string): LoadedConfig | undefined {
  const parsed = parseText(text, file);
  if (parsed.diagnostics.length > 0) {
    return { config: {}, file, directory: path.dirname(file), diagnostics: parsed.diagnostics };
  }
  let value = parsed.value;
  const prefix: string[] = [];
  if (key !== undefined) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
    prefix.push(key);
  }
  return validateConfig(value, file, parsed.sources, prefix);
}
