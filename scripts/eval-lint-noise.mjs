// How noisy are the default rule settings on real content? Checks every file of the
// development corpora as `nutgraf check` does (the preset and rule settings given) and prints,
// per site or corpus, the problems per file and, per rule, how many files it fires on.
// A rule that fires on more than half of the files of a site that does nothing wrong is
// mis-set (issue 13): the table marks those with ⚠.
//
//   node scripts/eval-lint-noise.mjs                      recommended preset, no lookups
//   node scripts/eval-lint-noise.mjs --lookups            with each site's baseUrl and, for
//                                                         digitalgov, its _authors/_images
//   node scripts/eval-lint-noise.mjs --lookups --cli      the same through the built CLI
//                                                         (npm run build) and a config file
//   node scripts/eval-lint-noise.mjs --preset strict --only markdown
//   node scripts/eval-lint-noise.mjs --json               machine-readable
//
// It bundles the TypeScript sources with esbuild (no build needed) and reads the corpora from
// ../shared/corpus by path; it prints nothing when they are absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { baseUrls, siteLookups } from './markdown-sites.mjs';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'recommended' },
    lookups: { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    rule: { type: 'string', multiple: true, default: [] },
    cli: { type: 'boolean', default: false },
  },
});

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = new URL('../../shared/corpus/', import.meta.url);
if (!existsSync(corpus)) {
  console.log('No corpus at ../shared/corpus: nothing to evaluate.');
  process.exit(0);
}

await build({
  stdin: {
    contents: [
      "export { checkSource } from './src/cli/check-source.ts';",
      "export { parseMarkdown } from './src/markdown/index.ts';",
      "export { lintArticle, applyRuleSettings } from './src/lint/index.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  // Written inside the project, so that its bare imports (zod, yaml, …) resolve.
  outfile: `${root}node_modules/.cache/nutgraf-eval/lint-noise.mjs`,
  logLevel: 'warning',
});
const engine = await import(
  pathToFileURL(`${root}node_modules/.cache/nutgraf-eval/lint-noise.mjs`).href
);

/** Rule settings from `--rule id=level`. */
const rules = Object.fromEntries(values.rule.map((setting) => setting.split('=')));
const ruleOptions = { preset: values.preset, rules };

/** A site's author and image records, as parseMarkdown lookups. */
const lookupsOf = (site) => siteLookups(new URL(`markdown/${site}/`, corpus));

/** Check a Markdown file as `nutgraf check` does, with the parse options of `--lookups`. */
function checkMarkdown(text, file, site) {
  if (!values.lookups) return engine.checkSource(text, 'markdown', { file, ...ruleOptions });
  const parsed = engine.parseMarkdown(text, { file, baseUrl: baseUrls[site], ...lookups(site) });
  const diagnostics = [...parsed.diagnostics];
  if (parsed.article) {
    diagnostics.push(...engine.lintArticle(parsed.article, { file, sources: parsed.sources }));
  }
  return { diagnostics: engine.applyRuleSettings(diagnostics, ruleOptions) };
}

/** The configuration file a site needs: its baseUrl and, where it has them, its lookup folders. */
function siteConfig(site) {
  const dir = fileURLToPath(new URL(`markdown/${site}/`, corpus));
  const config = { baseUrl: baseUrls[site], preset: values.preset, rules };
  if (existsSync(join(dir, '_authors'))) config.authors = join(dir, '_authors');
  if (existsSync(join(dir, '_images'))) {
    config.images = {
      path: join(dir, '_images'),
      url: 'https://s3.amazonaws.com/digitalgov/{id}.{format}',
    };
  }
  return config;
}

/** Every file's diagnostics from `nutgraf check --config` on a site's articles (the built CLI). */
function checkSiteWithCli(site) {
  const work = mkdtempSync(join(tmpdir(), 'nutgraf-noise-'));
  try {
    const config = join(work, 'nutgraf.config.json');
    writeFileSync(config, JSON.stringify(siteConfig(site)));
    const articles = fileURLToPath(new URL(`markdown/${site}/articles/`, corpus));
    const run = spawnSync(
      process.execPath,
      [
        `${root}dist/bin.js`,
        'check',
        articles,
        '--config',
        config,
        '--format',
        'json',
        '--verbose',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    return JSON.parse(run.stdout).results.map((result) => result.diagnostics);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const lookupCache = new Map();
function lookups(site) {
  if (!lookupCache.has(site)) lookupCache.set(site, lookupsOf(site));
  return lookupCache.get(site);
}

/** The sets of files to measure: each Markdown site, then raw text and saved pages per corpus. */
function sets() {
  const result = [];
  if (!values.only || values.only === 'markdown') {
    for (const site of Object.keys(baseUrls)) {
      const dir = new URL(`markdown/${site}/articles/`, corpus);
      if (!existsSync(dir)) continue;
      const files = readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .map((name) => new URL(name, dir));
      result.push({ name: `markdown/${site}`, kind: 'markdown', site, files });
    }
  }
  for (const [kind, fileName] of [
    ['text', 'raw.txt'],
    ['html', 'source.html'],
  ]) {
    if (values.only && values.only !== kind) continue;
    for (const name of ['readability', 'mercury', 'aeb', 'bbc', 'trafilatura']) {
      const dir = new URL(`${name}/`, corpus);
      if (!existsSync(dir)) continue;
      const files = readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => new URL(`${entry.name}/${fileName}`, dir))
        .filter((file) => existsSync(file));
      if (files.length > 0) result.push({ name: `${name}/${fileName}`, kind, files });
    }
  }
  return result;
}

const report = [];
for (const set of sets()) {
  const perRule = new Map();
  const totals = { error: 0, warning: 0, info: 0 };
  const viaCli = values.cli && values.lookups && set.kind === 'markdown';
  const fromCli = viaCli ? checkSiteWithCli(set.site) : [];
  for (const [index, url] of set.files.entries()) {
    let diagnostics;
    if (viaCli) diagnostics = fromCli[index] ?? [];
    else {
      const text = readFileSync(url, 'utf8').replace(/^\uFEFF/, '');
      const file = fileURLToPath(url);
      try {
        diagnostics =
          set.kind === 'markdown'
            ? checkMarkdown(text, file, set.site).diagnostics
            : engine.checkSource(text, set.kind, { file, ...ruleOptions }).diagnostics;
      } catch (error) {
        diagnostics = [{ ruleId: 'internal-error', severity: 'error', message: String(error) }];
      }
    }
    const seen = new Set();
    for (const diagnostic of diagnostics) {
      totals[diagnostic.severity]++;
      const entry = perRule.get(diagnostic.ruleId) ?? {
        severity: diagnostic.severity,
        count: 0,
        files: 0,
      };
      entry.count++;
      if (!seen.has(diagnostic.ruleId)) entry.files++;
      seen.add(diagnostic.ruleId);
      perRule.set(diagnostic.ruleId, entry);
    }
  }
  const files = set.files.length;
  report.push({
    set: set.name,
    files,
    perFile: {
      errors: totals.error / files,
      warnings: totals.warning / files,
      infos: totals.info / files,
    },
    rules: [...perRule.entries()]
      .map(([id, entry]) => ({ id, ...entry, share: entry.files / files }))
      .sort((a, b) => b.files - a.files || a.id.localeCompare(b.id)),
  });
}

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const fixed = (n) => n.toFixed(2);
  console.log(
    `Preset ${values.preset}${values.lookups ? `, with lookups${values.cli ? ' (CLI and config file)' : ''}` : ''}${values.rule.length ? `, ${values.rule.join(' ')}` : ''}\n`,
  );
  console.log('| files | n | errors/file | warnings/file | infos/file |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const entry of report) {
    console.log(
      `| ${entry.set} | ${entry.files} | ${fixed(entry.perFile.errors)} | ${fixed(entry.perFile.warnings)} | ${fixed(entry.perFile.infos)} |`,
    );
  }
  for (const entry of report) {
    console.log(`\n${entry.set} (${entry.files} files): rule, severity, files (share), count`);
    for (const rule of entry.rules) {
      if (rule.severity === 'info') continue;
      const flag = rule.share > 0.5 ? ' ⚠' : '';
      console.log(
        `  ${rule.id.padEnd(34)} ${rule.severity.padEnd(8)} ${String(rule.files).padStart(5)} (${(100 * rule.share).toFixed(0).padStart(3)}%) ${String(rule.count).padStart(6)}${flag}`,
      );
    }
  }
}
