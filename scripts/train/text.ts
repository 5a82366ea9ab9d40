/**
 * `npm run train`: fit parseText's layout models on the shared corpora and write
 * `src/text/weights.ts`; with `--cv`, also cross-validate grouped by site and print training
 * and cross-validated figures side by side.
 *
 *   npm run train                       # fit on every corpus page, write the weights
 *   npm run train -- --cv               # … and cross-validate (k = 5, grouped by site)
 *   npm run train -- --cv --no-write    # measure only
 *   npm run train -- --corpus <dir>     # another corpus root (default ../shared/corpus)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  type CompiledModel,
  chooseBest,
  compileModel,
  type LinearModel,
  linearScore,
} from '../../src/model/index.js';
import {
  HEADLINE_FEATURE_NAMES,
  headlineCandidates,
  rankHeadlines,
} from '../../src/text/headline.js';
import { splitLines } from '../../src/text/lines.js';
import {
  BYLINE_FEATURE_NAMES,
  bylineCandidates,
  DATE_FEATURE_NAMES,
  dateCandidates,
  isBylinePerson,
} from '../../src/text/meta-model.js';
import { headlineText } from '../../src/text/parse-text.js';
import {
  CONTENT,
  CONTENT_FEATURES,
  contentFeatures,
  contentScores,
  type StoryDecoder,
  storyLabels,
  storyTransitions,
} from '../../src/text/story.js';
import type { TextWeights } from '../../src/text/text-model.js';
import { toUnits, type Unit } from '../../src/text/units.js';
import { bundleWith } from './bundle.js';
import { type CorpusItem, loadCorpora } from './corpus.js';
import { type ChoiceGroup, type Example, fitChoice, fitLogistic } from './fit.js';
import { groupedFolds } from './folds.js';
import { generatedItems, inventedStory, type Story } from './layouts.js';
import { seededRandom } from './random.js';
import {
  evalFolder,
  figures,
  poolMetrics,
  runScorer,
  type ScorerRun,
  scorerHelpers,
} from './scorers.js';
import { siteOf } from './sites.js';
import { type ContentLabel, contentLabels, type ScorerHelpers } from './text-labels.js';
import { writeModule } from './write-module.js';

const root = process.cwd();
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const corpusRoot = path.resolve(option('--corpus', '../shared/corpus'));
const folds = Number(option('--folds', '5'));
const seed = Number(option('--seed', '1'));
const cache = path.join(root, 'node_modules/.cache/nutgraf-train');
const weightsFile = path.join(root, 'src/text/weights.ts');
/** The scorer's helpers, set once the corpus is found. */
let h: ScorerHelpers;

/** One page as the models see it: its units, and what its ground truth says about them. */
interface Page {
  item: CorpusItem;
  input: 'raw' | 'raw-article';
  units: Unit[];
  content: ContentLabel[] | undefined;
}

function pagesOf(items: readonly CorpusItem[], h: ScorerHelpers): Page[] {
  const pages: Page[] = [];
  for (const item of items) {
    const inputs: Array<['raw' | 'raw-article', string]> = [
      [(item as { clean?: boolean }).clean ? 'raw-article' : 'raw', item.raw],
    ];
    if (item.rawArticle !== undefined) inputs.push(['raw-article', item.rawArticle]);
    for (const [input, text] of inputs) {
      const units = toUnits(splitLines(text));
      pages.push({ item, input, units, content: contentLabels(units, item.truth, h) });
    }
  }
  return pages;
}

/** How much each corpus's examples count: every corpus about as much as any other. */
function corpusWeights(pages: readonly Page[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const page of pages) {
    const key = `${page.item.corpus}/${page.input}`;
    const labelled = page.content?.filter((l) => l >= 0).length ?? 0;
    totals.set(key, (totals.get(key) ?? 0) + labelled);
  }
  const weights = new Map<string, number>();
  const mean = [...totals.values()].reduce((a, b) => a + b, 0) / Math.max(1, totals.size);
  for (const [key, total] of totals)
    weights.set(key, total > 0 ? (mean / total) * keyWeight(key) : 0);
  return weights;
}

const L2 = Number(option('--l2', '1e-4'));
const HEADLINE_L2 = Number(option('--headline-l2', '1e-3'));
const META_L2 = Number(option('--meta-l2', '1e-3'));
/** How much generated layouts count, relative to one corpus. */
const GENERATED = Number(option('--generated', '1'));
/** How many generated pages: from bbc stories (every n-th) and invented ones. */
const GENERATED_BBC_EVERY = 3;
const GENERATED_INVENTED = 600;

/** How much the examples of one corpus/input key count, besides balancing. */
function keyWeight(key: string): number {
  return key.startsWith('generated/') ? GENERATED : 1;
}

/** A page's units as the decoder's tuning sees them: scores, gold labels and token counts. */
interface Scored {
  scores: Float64Array;
  gold: ContentLabel[];
  tokens: number[];
  weight: number;
}

/** Mean token F1 of the decoded story against the gold labels (unknown units left out). */
function decodedF1(pages: readonly Scored[], decoder: StoryDecoder): number {
  const transitions = storyTransitions(decoder);
  let sum = 0;
  let total = 0;
  for (const page of pages) {
    const labels = storyLabels(page.scores, decoder, transitions);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < labels.length; i++) {
      const gold = page.gold[i]!;
      if (gold < 0) continue;
      const predicted = labels[i] === CONTENT;
      const t = page.tokens[i]!;
      if (predicted && gold === 1) tp += t;
      else if (predicted) fp += t;
      else if (gold === 1) fn += t;
    }
    const f1 = tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
    sum += page.weight * f1;
    total += page.weight;
  }
  return total ? sum / total : 0;
}

/** Coordinate search for the decoder's six numbers, maximising {@link decodedF1}. */
function fitDecoder(pages: readonly Scored[]): StoryDecoder {
  let best: StoryDecoder = { bias: 0, scale: 1, enter: 2, leave: 2, gapOpen: 2, gapClose: 2 };
  let bestF1 = decodedF1(pages, best);
  const grid: Record<keyof StoryDecoder, number[]> = {
    bias: [-2, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2],
    scale: [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6],
    enter: [-4, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12],
    leave: [0, 1, 2, 3, 4, 6, 8, 12],
    gapOpen: [0, 0.5, 1, 2, 3, 4, 6, 8],
    gapClose: [0, 0.5, 1, 2, 3, 4, 6, 8],
  };
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const key of Object.keys(grid) as Array<keyof StoryDecoder>) {
      for (const value of grid[key]) {
        const candidate = { ...best, [key]: value };
        const f1 = decodedF1(pages, candidate);
        if (f1 > bestF1 + 1e-6) {
          best = candidate;
          bestF1 = f1;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  console.error(
    `train: story decoder ${JSON.stringify(best)} (mean token F1 ${bestF1.toFixed(4)})`,
  );
  return best;
}

function train(pages: readonly Page[]): TextWeights {
  const weights = corpusWeights(pages);
  const examples: Example[] = [];
  const width = CONTENT_FEATURES.length;
  const features = new Map<Page, Float64Array>();
  for (const page of pages) {
    if (!page.content) continue;
    const weight = weights.get(`${page.item.corpus}/${page.input}`) ?? 1;
    const x = contentFeatures(page.units);
    features.set(page, x);
    page.content.forEach((label, i) => {
      if (label < 0) return;
      examples.push({
        x: x.subarray(i * width, (i + 1) * width),
        y: label === 1 ? 1 : 0,
        weight: weight * Math.log2(2 + page.units[i]!.size),
      });
    });
  }
  const content = fitLogistic(examples, CONTENT_FEATURES, { l2: L2 });
  const compiled = compileModel(content, CONTENT_FEATURES);
  const pageWeights = new Map<string, number>();
  for (const page of pages) {
    if (!page.content) continue;
    const key = `${page.item.corpus}/${page.input}`;
    pageWeights.set(key, (pageWeights.get(key) ?? 0) + 1);
  }
  const scored: Scored[] = [];
  for (const [page, x] of features) {
    scored.push({
      scores: contentScores(page.units, compiled, x),
      gold: page.content!,
      tokens: page.units.map((unit) => unit.size),
      weight:
        keyWeight(`${page.item.corpus}/${page.input}`) /
        pageWeights.get(`${page.item.corpus}/${page.input}`)!,
    });
  }
  const story = fitDecoder(scored);
  const headline = fitHeadline(pages, compiled, story);
  const { byline, date } = fitMeta(
    pages,
    compiled,
    story,
    compileModel(headline, HEADLINE_FEATURE_NAMES),
  );
  return { content, story, headline, byline, date };
}

/** The expected byline names of a page, as keys; undefined when unknown, [] when it has none. */
function expectedNames(page: Page): string[] | undefined {
  const { item, input } = page;
  const t = item.truth;
  let names: string[] | null | undefined;
  if (t.authors) names = t.authors;
  else if (t.noBylineNoDate) names = [];
  else if (t.byline)
    names = h.BYLINE_OVERRIDES[`${item.corpus}/${item.name}`]?.names ?? h.deriveNames(t.byline);
  else if (input === 'raw-article' && t.bylineAbsent) names = [];
  if (!names) return undefined;
  return names.map((name) => h.tokenize(name).join(' ')).filter(Boolean);
}

/** Whether a page has no date (bbc; a clean copy without a date line). */
function dateAbsent(page: Page): boolean {
  const t = page.item.truth;
  return t.dateAbsent === true || (page.input === 'raw-article' && t.date === undefined);
}

/** Byline and date choices: conditional logit over the candidates around the predicted headline. */
function fitMeta(
  pages: readonly Page[],
  compiled: CompiledModel,
  story: StoryDecoder,
  headlineModel: CompiledModel,
): { byline: LinearModel; date: LinearModel } {
  const bylineGroups: Array<{ key: string; group: ChoiceGroup }> = [];
  const dateGroups: Array<{ key: string; group: ChoiceGroup }> = [];
  for (const page of pages) {
    if (page.units.length === 0) continue;
    const key = `${page.item.corpus}/${page.input}`;
    const labels = labelsOf(page.units, compiled, story);
    const headline = rankHeadlines(page.units, labels, headlineModel)[0]?.index ?? 0;
    const names = expectedNames(page);
    if (names) {
      const candidates = bylineCandidates(page.units, headline, labels);
      const expected = new Set(names);
      const positive = candidates.map(({ value }) => {
        if (!value) return expected.size === 0;
        const got = new Set(
          value.contributors.filter(isBylinePerson).map((c) => h.tokenize(c.name).join(' ')),
        );
        let tp = 0;
        for (const name of got) if (expected.has(name)) tp++;
        const fp = got.size - tp;
        const fn = expected.size - tp;
        return tp > 0 && (2 * tp) / (2 * tp + fp + fn) >= 0.66;
      });
      const weight = page.item.truth.authorNone ? 0.5 : 1;
      if (positive.some(Boolean))
        bylineGroups.push({
          key,
          group: { candidates: candidates.map((c) => c.features), positive, weight },
        });
    }
    const expectedDate = page.item.truth.date;
    if (expectedDate || dateAbsent(page)) {
      const candidates = dateCandidates(page.units, headline, labels, {});
      const positive = candidates.map(({ value }) =>
        value
          ? expectedDate !== undefined && h.scoreDate(expectedDate, value.value).correct
          : !expectedDate,
      );
      if (positive.some(Boolean))
        dateGroups.push({
          key,
          group: { candidates: candidates.map((c) => c.features), positive },
        });
    }
  }
  const fitOne = (groups: typeof bylineGroups, names: readonly string[], what: string) => {
    const perKey = new Map<string, number>();
    for (const { key } of groups) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    const weighted = groups.map(({ key, group }) => ({
      ...group,
      weight: ((group.weight ?? 1) * keyWeight(key)) / perKey.get(key)!,
    }));
    const model = fitChoice(weighted, names, { l2: META_L2 });
    const compiledModel = compileModel(model, names);
    const right = new Map<string, [number, number]>();
    for (const { key, group } of groups) {
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      group.candidates.forEach((x, c) => {
        const score = linearScore(compiledModel, x);
        if (score > bestScore) [best, bestScore] = [c, score];
      });
      const row = right.get(key) ?? [0, 0];
      row[0] += group.positive[best] ? 1 : 0;
      row[1]++;
      right.set(key, row);
    }
    console.error(
      `train: ${what} picks (right/reachable): ${[...right].map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ')}`,
    );
    return model;
  };
  return {
    byline: fitOne(bylineGroups, BYLINE_FEATURE_NAMES, 'byline'),
    date: fitOne(dateGroups, DATE_FEATURE_NAMES, 'date'),
  };
}

/** A page's story labels (and its units' content scores set), as parseText reads them. */
function labelsOf(
  units: readonly Unit[],
  compiled: CompiledModel,
  story: StoryDecoder,
): Uint8Array {
  const scores = contentScores(units, compiled);
  for (let i = 0; i < units.length; i++) units[i]!.score = scores[i]!;
  return storyLabels(scores, story);
}

/** Conditional logit over each page's headline candidates; a candidate is right when the scorer would say so. */
function fitHeadline(pages: readonly Page[], compiled: CompiledModel, story: StoryDecoder) {
  const groups: ChoiceGroup[] = [];
  const perCorpus = new Map<string, number>();
  const pending: Array<{ key: string; group: ChoiceGroup }> = [];
  let reachable = 0;
  let titled = 0;
  const titledPer = new Map<string, number>();
  for (const page of pages) {
    const title = page.item.truth.title;
    if (!title || page.units.length === 0) continue;
    titled++;
    titledPer.set(
      `${page.item.corpus}/${page.input}`,
      (titledPer.get(`${page.item.corpus}/${page.input}`) ?? 0) + 1,
    );
    const candidates = headlineCandidates(page.units, labelsOf(page.units, compiled, story));
    const strip = page.item.truth.stripTitleSuffix === true;
    const positive = candidates.map(
      ({ index }) =>
        h.scoreHeadline(headlineText(page.units[index]!.text).headline, title, strip, () => '')
          .correct,
    );
    if (!positive.some(Boolean)) continue;
    reachable++;
    const key = `${page.item.corpus}/${page.input}`;
    perCorpus.set(key, (perCorpus.get(key) ?? 0) + 1);
    pending.push({ key, group: { candidates: candidates.map((c) => c.features), positive } });
  }
  for (const { key, group } of pending)
    groups.push({ ...group, weight: keyWeight(key) / perCorpus.get(key)! });
  console.error(
    `train: headline: ${reachable}/${titled} titled pages have the title among their candidates`,
  );
  const model = fitChoice(groups, HEADLINE_FEATURE_NAMES, { l2: HEADLINE_L2 });
  const compiledHeadline = compileModel(model, HEADLINE_FEATURE_NAMES);
  const right = new Map<string, [number, number, number]>();
  for (const [i, { key, group }] of pending.entries()) {
    const best = chooseBest(compiledHeadline, group.candidates, Number.NEGATIVE_INFINITY).index;
    const row = right.get(key) ?? [0, 0, titledPer.get(key) ?? 0];
    row[0] += group.positive[best] ? 1 : 0;
    row[1]++;
    right.set(key, row);
    void i;
  }
  console.error(
    `train: headline picks (right/reachable/titled): ${[...right].map(([k, [a, b, c]]) => `${k} ${a}/${b}/${c}`).join(', ')}`,
  );
  return model;
}

function writeWeights(file: string, weights: TextWeights, note: string): void {
  writeModule(file, {
    name: 'TEXT_WEIGHTS',
    value: weights,
    generatedBy: `scripts/train/text.ts (${note})`,
    type: {
      importLine: "import type { TextWeights } from './text-model.js';",
      name: 'TextWeights',
    },
  });
}

const RUNS: ScorerRun[] = [
  { scorer: 'score-text', input: 'raw', corpora: ['readability', 'mercury', 'aeb', 'bbc'] },
  { scorer: 'score-text', input: 'raw-article', corpora: ['readability'] },
  { scorer: 'score-pages', corpora: ['trafilatura'] },
];

type Pooled = Record<string, Record<string, Record<string, number>>>;

/** Score a build on some items (all when `names` is undefined), per run and corpus. */
function score(
  evalDir: string,
  module: string,
  names?: Map<string, string[]>,
  dir?: string,
): Record<string, Record<string, unknown>>[] {
  let split: { file: string; name: 'holdout' } | undefined;
  if (names && dir) {
    const corpora: Record<string, { dev: string[]; holdout: string[] }> = {};
    for (const [corpus, list] of names) corpora[corpus] = { dev: [], holdout: list };
    const file = path.join(dir, 'splits.json');
    writeFileSync(file, JSON.stringify({ corpora }));
    split = { file, name: 'holdout' };
  }
  return RUNS.map((run) => {
    const present = run.corpora.filter((c) => !names || names.has(c));
    if (present.length === 0) return {};
    const out = runScorer(evalDir, corpusRoot, module, { ...run, corpora: present }, split);
    return out.corpora as Record<string, unknown>;
  }) as Record<string, Record<string, unknown>>[];
}

function pool(runs: Array<Record<string, Record<string, unknown>>[]>): Pooled {
  const out: Pooled = {};
  RUNS.forEach((run, r) => {
    for (const corpus of run.corpora) {
      const metrics = runs.map((x) => x[r]?.[corpus]).filter(Boolean) as never[];
      out[`${run.input ?? 'raw'}/${corpus}`] = poolMetrics(metrics);
    }
  });
  return out;
}

const ROWS: Array<[string, string, (f: Record<string, number>) => string]> = [];
const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

function report(trainPooled: Pooled, cvPooled: Pooled): string {
  const lines = ['| input · corpus | metric | train | CV | gap |', '|---|---|---|---|---|'];
  const metricsOf: Record<string, string[]> = {
    'raw/readability': ['headline', 'bylineF1', 'date', 'bodyF1'],
    'raw/mercury': ['headline', 'bylineF1', 'date', 'firstWords', 'firstWordsTail'],
    'raw/aeb': ['bodyF1'],
    'raw/bbc': ['headline', 'bodyF1', 'inventedBylines', 'inventedDates'],
    'raw-article/readability': ['headline', 'bylineF1', 'date', 'bodyF1'],
    'raw/trafilatura': ['headline', 'bylineF1', 'noPersonRate', 'date', 'segmentsF1'],
  };
  for (const [key, metrics] of Object.entries(metricsOf)) {
    const t = figures(trainPooled[key]!);
    const c = figures(cvPooled[key]!);
    for (const metric of metrics) {
      const gap = t[metric]! - c[metric]!;
      lines.push(`| ${key} | ${metric} | ${pct(t[metric]!)} | ${pct(c[metric]!)} | ${pct(gap)} |`);
    }
  }
  void ROWS;
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { items, skipped } = loadCorpora(corpusRoot);
  const evalDir = evalFolder(corpusRoot);
  if (items.length === 0 || !evalDir) {
    console.log(
      `train: skipped, the weights are left as they are (${items.length === 0 ? skipped.map((s) => s.reason).join('; ') : `no scorer next to ${corpusRoot}`})`,
    );
    return 0;
  }
  h = (await scorerHelpers(evalDir)) as unknown as ScorerHelpers;
  console.error(`train: ${items.length} items (${skipped.length} skipped)`);
  const random = seededRandom(seed);
  const stories: Array<{ story: Story; site: string; name: string }> = [];
  items.forEach((item, i) => {
    if (item.corpus !== 'bbc' || i % GENERATED_BBC_EVERY !== 0) return;
    const [title = '', ...rest] = item.raw.split(/\n\s*\n/).map((p) => p.trim());
    stories.push({
      story: { title, paragraphs: rest.filter(Boolean), language: 'en' },
      site: 'bbc.co.uk',
      name: item.name,
    });
  });
  for (let i = 0; i < GENERATED_INVENTED; i++)
    stories.push({ story: inventedStory(random), site: 'generated', name: 'invented' });
  const generated = generatedItems(stories, seed);
  console.error(`train: ${generated.length} generated pages`);
  const pages = pagesOf([...items, ...generated], h);
  const all = train(pages);
  if (!flag('--no-write')) {
    writeWeights(
      weightsFile,
      all,
      `${items.length} pages of ${corpusRoot.split(path.sep).slice(-2).join('/')}`,
    );
    console.error(`train: wrote ${path.relative(root, weightsFile)}`);
  }
  if (!flag('--cv')) return 0;

  const sites = items.map(siteOf);
  // Pages with the same text (readability's test fixtures) share a group whatever their site.
  const byText = new Map<string, string>();
  const groups = items.map((item, i) => {
    const first = byText.get(item.raw);
    if (first) return first;
    byText.set(item.raw, sites[i]!);
    return sites[i]!;
  });
  const foldOf = groupedFolds(
    items,
    folds,
    (item) => groups[items.indexOf(item)]!,
    (item) => item.corpus,
    seed,
  );
  const itemFold = new Map<CorpusItem, number>(items.map((item, i) => [item, foldOf[i]!]));
  // Generated pages follow the fold of the site their story came from (bbc); invented ones always train.
  const siteFold = new Map(items.map((item, i) => [groups[i]!, foldOf[i]!]));
  for (const item of generated) itemFold.set(item, siteFold.get(item.site) ?? -1);
  const cvRuns: Array<Record<string, Record<string, unknown>>[]> = [];
  for (let k = 0; k < folds; k++) {
    const dir = path.join(cache, 'cv', `fold-${k}`);
    mkdirSync(dir, { recursive: true });
    const weights = train(pages.filter((page) => itemFold.get(page.item) !== k));
    const module = path.join(dir, 'weights.ts');
    writeWeights(module, weights, `fold ${k}`);
    await bundleWith({
      entry: 'src/index.ts',
      outfile: path.join(dir, 'index.js'),
      replaced: weightsFile,
      replacement: module,
    });
    const names = new Map<string, string[]>();
    items.forEach((item, i) => {
      if (foldOf[i] !== k) return;
      names.set(item.corpus, [...(names.get(item.corpus) ?? []), item.name]);
    });
    console.error(`train: fold ${k}: ${[...names].map(([c, n]) => `${c} ${n.length}`).join(', ')}`);
    cvRuns.push(score(evalDir, path.join(dir, 'index.js'), names, dir));
  }
  const fullDir = path.join(cache, 'cv', 'all');
  mkdirSync(fullDir, { recursive: true });
  const fullModule = path.join(fullDir, 'weights.ts');
  writeWeights(fullModule, all, 'all');
  await bundleWith({
    entry: 'src/index.ts',
    outfile: path.join(fullDir, 'index.js'),
    replaced: weightsFile,
    replacement: fullModule,
  });
  const trainRuns = [score(evalDir, path.join(fullDir, 'index.js'))];
  const trainPooled = pool(trainRuns);
  const cvPooled = pool(cvRuns);
  writeFileSync(
    path.join(cache, 'cv', 'report.json'),
    JSON.stringify({ train: trainPooled, cv: cvPooled }, null, 1),
  );
  console.log(report(trainPooled, cvPooled));
  return 0;
}

process.exitCode = await main();
