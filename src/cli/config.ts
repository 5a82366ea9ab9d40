import { readFile } from 'node:fs/promises';
import path from 'node:path';
import jsonc from 'jsonc-parser';
import { lilconfig } from 'lilconfig';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { fileDiagnostic } from '../lint/file-rules.js';
import { rules as ruleTable } from '../lint/index.js';
import {
  type ArticlePath,
  type Diagnostic,
  formatPath,
  placeOf,
  type SourceMap,
  setSource,
} from '../schema/index.js';
import { createLineIndex, type LineIndex } from '../schema/line-index.js';
import { didYouMean } from './did-you-mean.js';
import { documentSources } from './yaml-sources.js';

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
    preset: presetSchema.optional(),
    rules: rulesSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    baseUrl: baseUrlSchema.optional(),
    authors: authorsSchema.optional(),
    images: imagesSchema.optional(),
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

/** The files looked for, in this order, in each folder from the working directory up. */
export const configFileNames = [
  'nutgraf.config.json',
  'nutgraf.config.jsonc',
  'nutgraf.config.yaml',
  'nutgraf.config.yml',
  '.nutgrafrc',
  '.nutgrafrc.json',
  '.nutgrafrc.jsonc',
  '.nutgrafrc.yaml',
  '.nutgrafrc.yml',
  'package.json',
] as const;

/** A loaded configuration, or the diagnostics that explain why it could not be loaded. */
export interface LoadedConfig {
  config: Config;
  /** The file it came from, when one was found. */
  file?: string;
  /** The folder paths in the configuration are relative to: the file's, or the working directory. */
  directory?: string;
  /** Problems with the file; non-empty means the run must stop with exit code 2. */
  diagnostics: Diagnostic[];
}

function configError(file: string, message: string, place?: Diagnostic['place']): Diagnostic {
  return fileDiagnostic('invalid-config', message, file, place);
}

/** jsonc-parser's error codes, in words. */
const jsonErrors: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected `:`',
  CommaExpected: 'Expected `,`',
  CloseBraceExpected: 'Expected `}`',
  CloseBracketExpected: 'Expected `]`',
  EndOfFileExpected: 'Expected the end of the file',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unclosed comment',
  UnexpectedEndOfString: 'Unclosed string',
  UnexpectedEndOfNumber: 'Unfinished number',
  InvalidUnicode: 'Invalid Unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in a string',
};

/** Parsed configuration text: its value and where each key is, or its syntax errors. */
interface ParsedText {
  value?: unknown;
  sources: SourceMap;
  diagnostics: Diagnostic[];
}

/** Positions of the keys and items of a jsonc-parser tree, as yaml-sources gives them for YAML. */
function jsoncSources(root: jsonc.Node | undefined, lines: LineIndex): SourceMap {
  const sources: SourceMap = {};
  if (!root) return sources;
  sources.place = lines.range(root.offset, root.offset + root.length);
  const stack: Array<[jsonc.Node, ArticlePath]> = [[root, []]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, prefix] = entry;
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || typeof key.value !== 'string') continue;
        const at = [...prefix, key.value];
        setSource(sources, at, lines.range(property.offset, property.offset + property.length));
        if (value) stack.push([value, at]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((item, index) => {
        const at = [...prefix, index];
        setSource(sources, at, lines.range(item.offset, item.offset + item.length));
        stack.push([item, at]);
      });
    }
  }
  return sources;
}

function parseJsonc(text: string, file: string, lines: LineIndex): ParsedText {
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, {
    allowTrailingComma: false,
    disallowComments: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first) {
    const reason = jsonErrors[jsonc.printParseErrorCode(first.error)] ?? 'Syntax error';
    return {
      sources: {},
      diagnostics: [
        configError(file, `Cannot parse the configuration: ${reason}`, lines.point(first.offset)),
      ],
    };
  }
  return {
    value: root ? jsonc.getNodeValue(root) : undefined,
    sources: jsoncSources(root, lines),
    diagnostics: [],
  };
}

function parseYaml(text: string, file: string, lines: LineIndex): ParsedText {
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: true });
  const [first] = document.errors;
  if (first) {
    const message = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    return {
      sources: {},
      diagnostics: [
        configError(file, `Cannot parse the configuration: ${message}`, lines.point(first.pos[0])),
      ],
    };
  }
  return {
    value: document.toJS({ maxAliasCount: 100 }),
    sources: documentSources(document, lines),
    diagnostics: [],
  };
}

const yamlExtensions = new Set(['.yaml', '.yml']);

/** Parse configuration text by its file name: YAML for `.yaml`/`.yml`, and for `.nutgrafrc` unless it starts with `{`; JSON with comments otherwise. */
function parseText(text: string, file: string): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const lines = createLineIndex(body);
  const extension = path.extname(file).toLowerCase();
  const yaml =
    yamlExtensions.has(extension) || (extension === '' && !body.trimStart().startsWith('{'));
  return yaml ? parseYaml(body, file, lines) : parseJsonc(body, file, lines);
}

const knownRuleIds = new Set(ruleTable.map((rule) => rule.id));

/**
 * The message for a rule id that no rule has, with the closest known id when there is one.
 *
 * @example
 * unknownRuleMessage('mising-image') //=> 'Unknown rule `mising-image`: did you mean `missing-image`?'
 */
export function unknownRuleMessage(id: string): string {
  const guess = didYouMean(id, knownRuleIds);
  return `Unknown rule \`${id}\`${guess ? `: did you mean \`${guess}\`?` : ': see the rules table in the README'}`;
}

/** Whether a rule id names a rule. */
export function isKnownRule(id: string): boolean {
  return knownRuleIds.has(id);
}

/** Rule ids in `config.rules` and each override's that name no rule, with where they are. */
function unknownRules(config: Config): Array<{ id: string; path: Array<string | number> }> {
  const found: Array<{ id: string; path: Array<string | number> }> = [];
  for (const id of Object.keys(config.rules ?? {})) {
    if (!knownRuleIds.has(id)) found.push({ id, path: ['rules', id] });
  }
  (config.overrides ?? []).forEach((override, index) => {
    for (const id of Object.keys(override.options.rules ?? {})) {
      if (!knownRuleIds.has(id))
        found.push({ id, path: ['overrides', index, 'options', 'rules', id] });
    }
  });
  return found;
}

const configKeys = Object.keys(configSchema.shape);

/** Validate a parsed configuration value: the config, or diagnostics at the keys and values. */
function validate(
  value: unknown,
  file: string,
  sources: SourceMap,
  prefix: readonly string[],
): LoadedConfig {
  const directory = path.dirname(file);
  const result = configSchema.safeParse(value);
  if (result.success) {
    const diagnostics = unknownRules(result.data).map(({ id, path: at }) => {
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
  return validate(value, file, parsed.sources, prefix);
}

/** Raised by the loaders below to stop the search at a file that cannot be parsed. */
class ConfigSyntaxError extends Error {
  constructor(readonly loaded: LoadedConfig) {
    super('invalid configuration');
  }
}

/**
 * Load the configuration: the file given with `configFile` (relative to `cwd`), or the first
 * of {@link configFileNames} found from `cwd` upward (with lilconfig, which stops at the home
 * folder when `cwd` is under it). Never throws: an unreadable or invalid file gives
 * positioned diagnostics.
 *
 * @example
 * const { config, directory, diagnostics } = await loadConfig({ cwd: process.cwd() })
 */
export async function loadConfig(options: {
  cwd: string;
  configFile?: string | undefined;
}): Promise<LoadedConfig> {
  const none: LoadedConfig = { config: {}, directory: path.resolve(options.cwd), diagnostics: [] };
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
        directory: path.dirname(file),
        diagnostics: [configError(file, `Cannot read the configuration file (${reason})`)],
      };
    }
    const isPackage = path.basename(file) === 'package.json';
    return parseConfig(text, file, isPackage ? 'nutgraf' : undefined) ?? none;
  }
  /** Each file the search parsed, with where its keys are. */
  const parsedFiles = new Map<string, ParsedText>();
  const loader = (file: string, text: string) => {
    const parsed = parseText(text, file);
    if (parsed.diagnostics.length > 0) {
      throw new ConfigSyntaxError({
        config: {},
        file,
        directory: path.dirname(file),
        diagnostics: parsed.diagnostics,
      });
    }
    parsedFiles.set(file, parsed);
    return parsed.value;
  };
  const search = lilconfig('nutgraf', {
    searchPlaces: [...configFileNames],
    loaders: { '.json': loader, '.jsonc': loader, '.yaml': loader, '.yml': loader, noExt: loader },
    cache: false,
  });
  try {
    const found = await search.search(path.resolve(options.cwd));
    if (!found) return none;
    const file = found.filepath;
    if (found.isEmpty) return { config: {}, file, directory: path.dirname(file), diagnostics: [] };
    const isPackage = path.basename(file) === 'package.json';
    return validate(
      found.config,
      file,
      parsedFiles.get(file)?.sources ?? {},
      isPackage ? ['nutgraf'] : [],
    );
  } catch (error) {
    if (error instanceof ConfigSyntaxError) return error.loaded;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const file = (error as NodeJS.ErrnoException).path ?? path.resolve(options.cwd);
    return {
      config: {},
      file,
      directory: path.resolve(options.cwd),
      diagnostics: [configError(file, `Cannot read the configuration file (${code})`)],
    };
  }
}
