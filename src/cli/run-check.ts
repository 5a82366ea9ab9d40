import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { rules as ruleTable } from '../lint/index.js';
import type { ContributorInput, ImageInput } from '../schema/index.js';
import type { FileOutcome, Settings } from './check-file.js';
import { type CheckJob, checkFiles, type WarmWorker } from './check-files.js';
import {
  integerOption,
  type MainOptions,
  RunError,
  timeZoneOption,
  UsageError,
  type Values,
} from './cli-options.js';
import {
  type Config,
  isKnownRule,
  type LoadedConfig,
  type OverrideOptions,
  ruleSettingSchema,
  unknownRuleMessage,
} from './config.js';
import { formatOfFile } from './detect-format.js';
import { diagnosticLine } from './diagnostic-line.js';
import type * as engines from './engines.js';
import { expandPaths, type Pattern, type Unmatched } from './expand-paths.js';
import { fileProfiles } from './file-settings.js';
import { createIgnoreMatcher, type GlobIgnores } from './ignore-rules.js';
import { defaultMaxFileSize } from './read-input.js';
import { outputTargets, renderReport, writeReportFile } from './report-outputs.js';
import {
  contentHash,
  defaultCacheName,
  openCache,
  type RunCache,
  settingsKey,
} from './run-cache.js';
import { type LookupSource, loadAuthors, loadImages } from './site-data.js';
import { type FileResult, sortDiagnostics, summarize } from './types.js';
import { useColor } from './use-color.js';
import { version } from './version.js';

const presets = ['recommended', 'google', 'strict'] as const;
const rulePattern = /^([a-z0-9]+(?:-[a-z0-9]+)*)=([a-z]+)$/;

/** Runs with more files than this show a progress line on a terminal. */
const progressThreshold = 300;

/** `--rule id=level` settings, checked: usage errors for bad syntax and unknown ids. */
function ruleOptions(values: Values): Record<string, engines.RuleSetting> {
  const rules: Record<string, engines.RuleSetting> = {};
  for (const rule of values.rule ?? []) {
    const match = rulePattern.exec(rule);
    const level = ruleSettingSchema.safeParse(match?.[2]);
    if (!match || !level.success) {
      throw new UsageError(
        `\`--rule\` expects \`id=off|info|warn|error\`, such as \`missing-image=off\`, got \`${rule}\``,
      );
    }
    const id = match[1]!;
    if (!isKnownRule(id)) throw new UsageError(unknownRuleMessage(id));
    rules[id] = level.data;
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

/** A path shown relative to the working directory, `/`-separated. */
function shown(cwd: string, file: string): string {
  return (path.relative(cwd, file) || '.').split(path.sep).join('/');
}

/** The message of a pattern that gave no file. */
function unmatchedMessage(unmatched: Unmatched): string {
  const pattern = `\`${unmatched.pattern}\``;
  switch (unmatched.reason) {
    case 'missing':
      return `No such file or folder: ${pattern}`;
    case 'not-a-file':
      return `${pattern} is ${unmatched.kind ?? 'not a regular file'}, not a file or folder: nutgraf reads files, and standard input with \`-\``;
    case 'ignored':
      return `Every article file in ${pattern} is ignored (\`ignores\`, \`--ignore\`, \`.nutgrafignore\` or \`.gitignore\`): \`--no-ignore\` checks them`;
    default:
      return `No article files match ${pattern}`;
  }
}

/** Lookup tables loaded once per source, shared by every profile that names it. */
class SiteTables {
  private readonly tables = new Map<string, Promise<Record<string, unknown>>>();
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
      let authors: SourceAt | undefined;
      let images: SourceAt | undefined;
      for (const layer of layers) {
        preset = layer.preset ?? preset;
        rules = { ...rules, ...layer.rules };
        timeZone = layer.timeZone ?? timeZone;
        baseUrl = layer.baseUrl ?? baseUrl;
        if (layer.authors !== undefined) authors = { source: layer.authors, directory };
        if (layer.images !== undefined) images = { source: layer.images, directory };
      }
      preset = cli.preset ?? preset;
      rules = { ...rules, ...cli.rules };
      timeZone = timeZoneOption(cli.timeZone ?? timeZone);
      baseUrl = cli.baseUrl ?? baseUrl;
      authors = cli.authors ?? authors;
      images = cli.images ?? images;
      const settings: Settings = { ...base, rules };
      if (preset !== undefined) settings.preset = preset;
      if (timeZone !== undefined) settings.timeZone = timeZone;
      if (baseUrl !== undefined) settings.baseUrl = baseUrl;
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

/** Read and hash each file for the cache; files already known are answered from it. */
async function answerFromCache(
  cache: RunCache,
  jobs: readonly CheckJob[],
  keys: readonly string[],
  outcomes: FileOutcome[],
): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  await Promise.all(
    jobs.map(async (job, index) => {
      if (job.input.absolute === '-') return;
      const bytes = await readFile(job.input.absolute).catch(() => undefined);
      if (!bytes) return;
      const hash = contentHash(bytes);
      hashes.set(index, hash);
      const hit = cache.get(job.input.absolute, hash, keys[job.profile]!, job.input.file);
      if (hit) outcomes[index] = hit;
    }),
  );
  return hashes;
}

/** Write `text` unless it is empty. */
function write(stream: Writable, text: string): void {
  if (text !== '') stream.write(text);
}

/**
 * `nutgraf check` and `nutgraf fix`: load the configuration, find the files, check them (in
 * workers, with the cache when asked), print or write each report, and return the exit code.
 */
export async function runCheck(
  options: MainOptions,
  values: Values,
  paths: readonly string[],
  fix: boolean,
  loaded: LoadedConfig,
  warm: WarmWorker | undefined,
): Promise<number> {
  const cwd = options.cwd;
  if (values['dry-run'] && !fix) {
    throw new UsageError(
      '`--dry-run` goes with `--fix` or the `fix` command: it prints the fixes as a diff instead of writing them',
    );
  }
  const targets = outputTargets(values.format, cwd);
  const config = loaded.config;
  const directory = loaded.directory ?? cwd;
  const cliRules = ruleOptions(values);
  const preset = presetOption(values.preset ?? config.preset);
  const stdinName = values['stdin-filename'] ?? '<stdin>';
  const base: Settings = {
    format: targets[0]!.format,
    rules: {},
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
  const maxWarnings = integerOption('max-warnings', values['max-warnings']) ?? config.maxWarnings;
  const cli = {
    preset: values.preset === undefined ? undefined : preset,
    rules: cliRules,
    timeZone: timeZoneOption(values['time-zone']),
    baseUrl: baseUrlOption(values['base-url']),
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

  const ignoreFiles = !values['no-ignore'];
  const globs: GlobIgnores[] = [];
  if (ignoreFiles && config.ignores?.length) {
    globs.push({
      base: directory,
      patterns: config.ignores,
      source: loaded.file ? shown(cwd, loaded.file) : 'the configuration',
    });
  }
  if (ignoreFiles && values.ignore?.length) {
    globs.push({ base: cwd, patterns: values.ignore, source: '--ignore' });
  }
  const ignores = ignoreFiles
    ? await createIgnoreMatcher({
        cwd,
        globs,
        gitignore: !values['no-gitignore'] && config.gitignore !== false,
        root: loaded.file ? directory : undefined,
      })
    : undefined;
  const patterns: Pattern[] =
    paths.length > 0
      ? paths.map((pattern) => ({ pattern, base: cwd }))
      : (config.files ?? []).map((pattern) => ({ pattern, base: directory }));
  if (patterns.length === 0) {
    throw new UsageError(
      'No files to check: give paths, folders or globs (or `files` in the configuration)',
    );
  }
  const expanded = await expandPaths(patterns, { cwd, ignores });
  if (expanded.unmatched.length > 0) {
    throw new UsageError(expanded.unmatched.map(unmatchedMessage).join('\nnutgraf: '));
  }
  for (const skipped of expanded.skipped) {
    options.stderr.write(
      `nutgraf: skipped \`${skipped.file}\`: ignored by \`${skipped.pattern}\` in ${skipped.source} (\`--no-ignore\` checks it)\n`,
    );
  }
  const files = expanded.files;
  const grouped = fileProfiles(
    files,
    (config.overrides ?? []).map((override) => ({ ...override })),
    directory,
    cwd,
    stdinName,
  );
  const profiles = await profileSettings(
    base,
    grouped.profiles,
    config,
    directory,
    cli,
    new SiteTables(options.stderr),
  );
  const jobs: CheckJob[] = files.map((input, index) => ({
    input,
    profile: grouped.profileOf[index]!,
  }));

  const outcomes = new Array<FileOutcome>(jobs.length);
  let cache: RunCache | undefined;
  let hashes = new Map<number, string>();
  const keys = profiles.map((settings) => settingsKey(settings));
  if (values.cache) {
    cache = await openCache(
      path.resolve(cwd, values['cache-location'] ?? defaultCacheName),
      version,
    );
    hashes = await answerFromCache(cache, jobs, keys, outcomes);
  }
  const missing = jobs.flatMap((_job, index) => (outcomes[index] === undefined ? [index] : []));
  const showProgress =
    missing.length > progressThreshold && (options.stderr as { isTTY?: boolean }).isTTY === true;
  const checked = await checkFiles(
    missing.map((index) => jobs[index]!),
    profiles,
    {
      stdin: options.stdin,
      threads: integerOption('threads', values.threads),
      timeout: integerOption('timeout', values.timeout) ?? config.timeout,
      maxMemory: integerOption('max-memory', values['max-memory']) ?? config.maxMemory,
      warm,
      onProgress: (done, total) => {
        if (showProgress && (done % 50 === 0 || done === total)) {
          options.stderr.write(`\rnutgraf: checked ${done}/${total} files`);
        }
      },
    },
  );
  if (showProgress) options.stderr.write('\r\x1b[K');
  missing.forEach((index, at) => {
    outcomes[index] = checked[at]!;
  });
  if (cache) {
    for (const index of missing) {
      const hash = hashes.get(index);
      const job = jobs[index]!;
      if (hash === undefined) continue;
      // A file `fix` wrote has new content: it is checked again next time.
      if (fix && !base.dryRun) {
        const now = await readFile(job.input.absolute).catch(() => undefined);
        if (!now || contentHash(now) !== hash) continue;
      }
      cache.set(job.input.absolute, hash, keys[job.profile]!, outcomes[index]!);
    }
    await cache.save().catch((error: NodeJS.ErrnoException) => {
      options.stderr.write(
        `nutgraf: cannot write the cache \`${shown(cwd, cache?.location ?? '')}\` (${error.code ?? error.message})\n`,
      );
    });
  }

  return report(options, outcomes, targets, base, maxWarnings);
}

/** Print and write the reports of a run, and return its exit code. */
async function report(
  options: MainOptions,
  outcomes: readonly FileOutcome[],
  targets: ReturnType<typeof outputTargets>,
  base: Readonly<Settings>,
  maxWarnings: number | undefined,
): Promise<number> {
  const env = options.env ?? {};
  const results = outcomes.map((outcome) => outcome.result);
  // `fix -` prints the fixed text: standard output is taken, reports for it go to standard error.
  const texts = outcomes.flatMap((outcome) =>
    outcome.output === undefined ? [] : [outcome.output],
  );
  const stdoutTaken = texts.length > 0;
  const toStdout = targets.find((target) => target.file === undefined);
  // Diffs are for people: on standard output next to a stylish report, else on standard error.
  const diffs = outcomes.map((outcome) => outcome.diff).join('');
  const diffStream =
    !stdoutTaken && (toStdout === undefined || toStdout.format === 'stylish')
      ? options.stdout
      : options.stderr;
  write(diffStream, diffs);
  write(options.stdout, texts.join(''));
  for (const target of targets) {
    const stream =
      target.file !== undefined ? undefined : stdoutTaken ? options.stderr : options.stdout;
    const text = renderReport(
      target,
      {
        results: target.format === 'github' ? githubPaths(results, options, base) : results,
        cwd: options.cwd,
        color: stream !== undefined && useColor(stream, env),
        version: version,
      },
      ruleTable,
    );
    if (stream) write(stream, text);
    else await writeReportFile(target, text);
  }
  const summary = summarize(results);
  if (outcomes.some((outcome) => outcome.crashed)) return 2;
  if (summary.errors > 0) return 1;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    options.stderr.write(
      `nutgraf: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`,
    );
    return 1;
  }
  return 0;
}

/** GitHub resolves annotation paths against the repository root, not the working directory. */
function githubPaths(
  results: readonly FileResult[],
  options: MainOptions,
  base: Readonly<Settings>,
): readonly FileResult[] {
  const workspace = options.env?.GITHUB_WORKSPACE;
  if (!workspace) return results;
  return results.map((result) =>
    result.file === base.stdinName
      ? result
      : {
          ...result,
          file: path
            .relative(workspace, path.resolve(options.cwd, result.file))
            .split(path.sep)
            .join('/'),
        },
  );
}

/** Print configuration problems on standard error, paths relative to the working directory. */
export function printConfigProblems(options: MainOptions, loaded: LoadedConfig): void {
  for (const diagnostic of sortDiagnostics(loaded.diagnostics)) {
    const file = diagnostic.file ? shown(options.cwd, diagnostic.file) : '';
    options.stderr.write(diagnosticLine(file === '' ? diagnostic : { ...diagnostic, file }));
  }
}
