import path from 'node:path';
import type { Writable } from 'node:stream';
import picomatch from 'picomatch';
import { isLanguageTag } from '../schema/checks.js';
import type { ContributorInput, ImageInput } from '../schema/index.js';
import type { Settings } from './check-file.js';
import {
  type MainOptions,
  RunError,
  timeZoneOption,
  UsageError,
  type Values,
} from './cli-options.js';
import type { Config, OverrideOptions } from './config.js';
import { isKnownRule, type LoadedConfig, ruleLevels, unknownRuleMessage } from './config-text.js';
import type * as engines from './engines.js';
import type { InputFile } from './expand-paths.js';
import { type LookupSource, loadAuthors, loadImages } from './site-data.js';

/** An `overrides` entry of the configuration, with the folder its globs are relative to. */
export interface Override {
  files: readonly string[];
  excludeFiles?: readonly string[] | undefined;
  options: OverrideOptions;
}

/** Which settings profile each file gets, and the `overrides` entries (by index) behind each profile. */
export interface FileProfiles {
  /** Per profile: the indexes of the overrides that apply, in order. Profile 0 is the base settings. */
  profiles: number[][];
  /** Per file (same order as the input): its profile. */
  profileOf: number[];
}

/**
 * Sort files into settings profiles by the `overrides` that match them (globs relative to
 * `directory`, the configuration's folder; `excludeFiles` taken out). Files matched by the
 * same overrides share a profile, so each distinct combination is built, sent to workers and
 * keyed in the cache once. Standard input is matched by its `--stdin-filename`.
 *
 * @example
 * fileProfiles(files, [{ files: ['uk/**'], options: { timeZone: 'Europe/London' } }], '/site')
 */
export function fileProfiles(
  files: readonly InputFile[],
  overrides: readonly Override[],
  directory: string,
  cwd: string,
  stdinName: string,
): FileProfiles {
  const matchers = overrides.map((override) => {
    const include = picomatch([...override.files], { dot: true });
    const exclude = override.excludeFiles?.length
      ? picomatch([...override.excludeFiles], { dot: true })
      : () => false;
    return (relative: string) => include(relative) && !exclude(relative);
  });
  const profiles: number[][] = [[]];
  if (overrides.length === 0) return { profiles, profileOf: files.map(() => 0) };
  const byKey = new Map<string, number>([['', 0]]);
  const profileOf = files.map((input) => {
    const absolute = input.absolute === '-' ? path.resolve(cwd, stdinName) : input.absolute;
    const relative = path.relative(directory, absolute).split(path.sep).join('/');
    const applied = matchers.flatMap((matches, index) => (matches(relative) ? [index] : []));
    const key = applied.join(',');
    let profile = byKey.get(key);
    if (profile === undefined) {
      profile = profiles.length;
      profiles.push(applied);
      byKey.set(key, profile);
    }
    return profile;
  });
  return { profiles, profileOf };
}

const presets = ['recommended', 'google', 'strict'] as const;
const rulePattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)=([a-z]+)$/;

/** `--rule id=level` settings, checked: usage errors for bad syntax and unknown ids. */
function ruleOptions(values: Values): Record<string, engines.RuleSetting> {
  const rules: Record<string, engines.RuleSetting> = {};
  for (const rule of values.rule ?? []) {
    const match = rulePattern.exec(rule);
    const level = match?.[2];
    if (!match || level === undefined || !ruleLevels.has(level)) {
      throw new UsageError(
        `\`--rule\` expects \`id=off|info|warn|error\`, such as \`missing-image=off\`, got \`${rule}\``,
      );
    }
    const id = match[1]!;
    if (!isKnownRule(id)) throw new UsageError(unknownRuleMessage(id));
    rules[id] = level as engines.RuleSetting;
  }
  return rules;
}

function presetOption(preset: string | undefined): engines.PresetName | undefined {
  if (preset !== undefined && !(presets as readonly string[]).includes(preset)) {
    throw new UsageError(`Unknown preset \`${preset}\`: expected one of ${presets.join(', ')}`);
  }
  return preset as engines.PresetName | undefined;
}

function baseUrlOption(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new UsageError(
      `\`--base-url\` expects an http(s) URL, such as \`https://example.com/\`, got \`${url}\``,
    );
  }
  return url;
}

/** `--language`, checked: a BCP 47 tag. */
function languageOption(tag: string | undefined): string | undefined {
  if (tag !== undefined && !isLanguageTag(tag)) {
    throw new UsageError(
      `\`--language\` expects a BCP 47 language tag such as \`en\` or \`pt-BR\`, got \`${tag}\``,
    );
  }
  return tag;
}

/** Lookup tables loaded once per source, shared by every profile that names it. */
class SiteTables {
  private readonly tables = new Map<string, Promise<Record<string, unknown>>>();
  /** The folders and data files read, as absolute paths. */
  readonly paths = new Set<string>();
  constructor(private readonly stderr: Writable) {}

  load(
    kind: 'authors' | 'images',
    source: LookupSource,
    directory: string,
    baseUrl: string | undefined,
  ): Promise<Record<string, unknown>> {
    const key = JSON.stringify([kind, source, directory, baseUrl]);
    let table = this.tables.get(key);
    if (!table) {
      const loader = kind === 'authors' ? loadAuthors : loadImages;
      const where = typeof source === 'string' ? source : source.path;
      this.paths.add(path.resolve(directory, where));
      table = loader(source, directory, baseUrl).then(
        (loaded) => {
          if (loaded.skipped.length > 0) {
            const listed = loaded.skipped.slice(0, 5).join(', ');
            const more = loaded.skipped.length > 5 ? `, and ${loaded.skipped.length - 5} more` : '';
            this.stderr.write(
              `nutgraf: left out ${loaded.skipped.length} of the ${kind} in \`${where}\`: ${listed}${more}\n`,
            );
          }
          return loaded.table as Record<string, unknown>;
        },
        (error: NodeJS.ErrnoException) => {
          throw new RunError(
            `Cannot read the ${kind} in \`${where}\` (${error.code ?? error.message.split('\n')[0]})`,
          );
        },
      );
      this.tables.set(key, table);
    }
    return table;
  }
}

/** Where a lookup source comes from: the command line (relative to the working directory) or the configuration. */
interface SourceAt {
  source: LookupSource;
  directory: string;
}

/** The settings of each profile: the configuration, then its overrides in order, then the command line. */
async function profileSettings(
  base: Settings,
  profiles: readonly number[][],
  config: Config,
  directory: string,
  cli: {
    preset?: engines.PresetName | undefined;
    rules: Record<string, engines.RuleSetting>;
    timeZone?: string | undefined;
    baseUrl?: string | undefined;
    language?: string | undefined;
    authors?: SourceAt | undefined;
    images?: SourceAt | undefined;
  },
  tables: SiteTables,
): Promise<Settings[]> {
  return Promise.all(
    profiles.map(async (applied) => {
      const layers: OverrideOptions[] = [
        config,
        ...applied.map((index) => config.overrides?.[index]?.options ?? {}),
      ];
      let preset: engines.PresetName | undefined;
      let rules: Record<string, engines.RuleSetting> = {};
      let timeZone: string | undefined;
      let baseUrl: string | undefined;
      let language: string | undefined;
      let authors: SourceAt | undefined;
      let images: SourceAt | undefined;
      for (const layer of layers) {
        preset = layer.preset ?? preset;
        rules = { ...rules, ...layer.rules };
        timeZone = layer.timeZone ?? timeZone;
        baseUrl = layer.baseUrl ?? baseUrl;
        language = layer.language ?? language;
        if (layer.authors !== undefined) authors = { source: layer.authors, directory };
        if (layer.images !== undefined) images = { source: layer.images, directory };
      }
      preset = cli.preset ?? preset;
      rules = { ...rules, ...cli.rules };
      timeZone = timeZoneOption(cli.timeZone ?? timeZone);
      baseUrl = cli.baseUrl ?? baseUrl;
      language = cli.language ?? language;
      authors = cli.authors ?? authors;
      images = cli.images ?? images;
      const settings: Settings = { ...base, rules };
      if (preset !== undefined) settings.preset = preset;
      if (timeZone !== undefined) settings.timeZone = timeZone;
      if (baseUrl !== undefined) settings.baseUrl = baseUrl;
      if (language !== undefined) settings.language = language;
      if (authors) {
        settings.authors = (await tables.load(
          'authors',
          authors.source,
          authors.directory,
          baseUrl,
        )) as Record<string, ContributorInput>;
      }
      if (images) {
        settings.images = (await tables.load(
          'images',
          images.source,
          images.directory,
          baseUrl,
        )) as Record<string, ImageInput>;
      }
      return settings;
    }),
  );
}

/** The settings of a run's files: one per profile, and each file's profile. */
export interface FileSettings {
  profiles: Settings[];
  profileOf: number[];
  /** The site data folders and files the settings were read from (absolute paths). */
  dataPaths: string[];
}

/**
 * The settings of each file of a run: the configuration, then the `overrides` that match the
 * file in order, then the command line (`--preset`, `--rule`, `--time-zone`, `--base-url`,
 * `--authors`, `--images`), over `base` (what every file shares). Files with the same
 * overrides share a profile; site data files are read once. Usage errors for bad options,
 * a {@link RunError} for site data that cannot be read.
 *
 * @example
 * const { profiles, profileOf } = await settingsForFiles(options, values, loaded, base, files)
 */
export async function settingsForFiles(
  options: MainOptions,
  values: Values,
  loaded: LoadedConfig,
  base: Settings,
  files: readonly InputFile[],
): Promise<FileSettings> {
  const cwd = options.cwd;
  const config = loaded.config;
  const directory = loaded.directory ?? cwd;
  const preset = presetOption(values.preset ?? config.preset);
  const cli = {
    preset: values.preset === undefined ? undefined : preset,
    rules: ruleOptions(values),
    timeZone: timeZoneOption(values['time-zone']),
    baseUrl: baseUrlOption(values['base-url']),
    language: languageOption(values.language),
    authors: values.authors === undefined ? undefined : { source: values.authors, directory: cwd },
    images:
      values.images === undefined
        ? undefined
        : {
            source:
              values['image-url'] === undefined
                ? values.images
                : { path: values.images, url: values['image-url'] },
            directory: cwd,
          },
  };
  timeZoneOption(config.timeZone);
  const grouped = fileProfiles(files, config.overrides ?? [], directory, cwd, base.stdinName);
  const tables = new SiteTables(options.stderr);
  const profiles = await profileSettings(base, grouped.profiles, config, directory, cli, tables);
  return { profiles, profileOf: grouped.profileOf, dataPaths: [...tables.paths].sort() };
}
