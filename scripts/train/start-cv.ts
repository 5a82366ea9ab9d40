/**
 * The scorers' site-grouped CV of the body-start choice alone: every other model of each fold
 * is read from a finished `text.ts --cv` run (the weights of its fold builds, which do not
 * depend on the body-start choice), the body-start choice is refitted on the fold's training
 * pages around what those models read, and the scorers judge the fold's held-out pages with
 * a build of those weights. The train column refits it on every page around the weights in
 * `src/text/weights.ts`. Minutes a variant instead of a full `--cv`'s hour; its baseline
 * reproduces `text.ts --cv`'s first-words and body rows when the run and the shipped weights
 * are of the same code.
 *
 *   node scripts/train/run.mjs scripts/train/text.ts --cv --no-write    # once, for the folds
 *   node scripts/train/run.mjs scripts/train/start-cv.ts
 *     [--from DIR]                 the finished run's cache (default node_modules/.cache/nutgraf-train)
 *     [--body-start-l2 3e-3]       the choice's L2
 *     [--drop a,b]                 the named body-start features read as 0
 *     [--oof]                      each training page read by the models of a fold that left it
 *                                  out (the folds of `--from`), as held-out pages are read
 *     [--skip-caption-starts]      leave mercury pages whose first words open with a caption out
 *     [--bbc]                      also score bbc (1,497 pages, slow)
 *     [--out DIR]                  where the builds go (default <cache>/start-cv)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LinearModel } from '../../src/model/index.js';
import { BODY_START_FEATURE_NAMES, BODY_START_FEATURES } from '../../src/text/body-start.js';
import {
  compileTextModel,
  decodeWeights,
  encodeWeights,
  type PackedTextWeights,
  packTextWeights,
  type ShippedTextWeights,
  type TextDecision,
  type TextModel,
} from '../../src/text/text-model.js';
import { args, dropOption, option } from './args.js';
import { bundleWith } from './bundle.js';
import { quickPages } from './quick-pages.js';
import { evalFolder, figures, poolMetrics, runScorer, type ScorerRun } from './scorers.js';
import { bodyStartRight, fitKeyed, readPage, startCandidatesOf } from './text-fit.js';
import type { Page } from './text-pages.js';
import { writeModule } from './write-module.js';

const root = process.cwd();
const corpusRoot = path.resolve(option('--corpus', '../shared/corpus'));
const from = path.resolve(option('--from', path.join(root, 'node_modules/.cache/nutgraf-train')));
const out = path.resolve(option('--out', path.join(from, 'start-cv')));
const l2 = Number(option('--body-start-l2', '3e-3'));
const oof = args.includes('--oof');
const skipCaptionStarts = args.includes('--skip-caption-starts');
dropOption(BODY_START_FEATURES, 'body-start');
const FOLDS = 5;
const weightsFile = path.join(root, 'src/text/weights.ts');

/** The TEXT_WEIGHTS object of a generated weights module. */
function shippedOf(file: string): ShippedTextWeights {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('= {', text.indexOf('TEXT_WEIGHTS')) + 2;
  const end = text.indexOf('\n};', start) + 2;
  return JSON.parse(text.slice(start, end)) as ShippedTextWeights;
}
const DECISIONS: TextDecision[] = ['content', 'headline', 'anchor', 'byline', 'date', 'bodyStart'];
function modelOf(shipped: ShippedTextWeights): TextModel {
  const packed = { story: shipped.story, scale: shipped.scale } as PackedTextWeights;
  for (const d of DECISIONS) (packed as Record<string, unknown>)[d] = decodeWeights(shipped[d]);
  return compileTextModel(packed);
}

const { h, pages, itemFold } = await quickPages(corpusRoot);
const evalDir = evalFolder(corpusRoot)!;
const shippedAll = shippedOf(weightsFile);
const shippedFold = [...Array(FOLDS).keys()].map((k) =>
  shippedOf(path.join(from, 'cv', `fold-${k}`, 'weights.ts')),
);
const modelAll = modelOf(shippedAll);
const modelFold = shippedFold.map(modelOf);

interface Group {
  key: string;
  candidates: Float64Array[];
  positive: boolean[];
}
/** A page's body-start group as `model` reads it (undefined without a label). */
function groupOf(page: Page, model: TextModel): Group | undefined {
  if (page.units.length === 0) return undefined;
  const read = readPage(page, model);
  const candidates = startCandidatesOf(page, read);
  const positive = bodyStartRight(
    page,
    read.headline,
    candidates.map((c) => c.index),
    h,
    skipCaptionStarts,
  );
  if (!positive?.some(Boolean)) return undefined;
  return { key: page.key, candidates: candidates.map((c) => c.features), positive };
}

/** The body-start choice fitted as text.ts fits it: every corpus key counts alike. */
function fitStart(groups: readonly Group[]): LinearModel {
  return fitKeyed(
    groups.map(({ key, candidates, positive }) => ({ key, group: { candidates, positive } })),
    BODY_START_FEATURE_NAMES,
    l2,
    { generated: 1 },
  );
}

/** `shipped` with its body-start model replaced by `bodyStart`, built in `dir`. */
async function build(dir: string, shipped: ShippedTextWeights, bodyStart: LinearModel) {
  mkdirSync(dir, { recursive: true });
  const empty = { bias: 0, weights: {} };
  const packed = packTextWeights({
    content: empty,
    story: shipped.story,
    headline: empty,
    anchor: empty,
    byline: empty,
    date: empty,
    bodyStart,
  });
  const module = path.join(dir, 'weights.ts');
  writeModule(module, {
    name: 'TEXT_WEIGHTS',
    value: { ...shipped, bodyStart: encodeWeights(packed.bodyStart) },
    generatedBy: 'scripts/train/start-cv.ts',
    type: {
      importLine: "import type { ShippedTextWeights } from './text-model.js';",
      name: 'ShippedTextWeights',
    },
  });
  await bundleWith({
    entry: 'src/index.ts',
    outfile: path.join(dir, 'index.js'),
    replaced: weightsFile,
    replacement: module,
  });
  return path.join(dir, 'index.js');
}

const RUNS: ScorerRun[] = [
  {
    scorer: 'score-text',
    input: 'raw',
    corpora: ['readability', 'mercury', 'aeb', ...(args.includes('--bbc') ? ['bbc'] : [])],
  },
  { scorer: 'score-text', input: 'raw-article', corpora: ['readability'] },
  { scorer: 'score-pages', corpora: ['trafilatura'] },
];
type Run = Array<Record<string, Record<string, unknown>>>;
function score(module: string, names?: Map<string, string[]>, dir?: string): Run {
  let split: { file: string; name: 'holdout' } | undefined;
  if (names && dir) {
    const corpora: Record<string, { dev: string[]; holdout: string[] }> = {};
    for (const [corpus, list] of names) corpora[corpus] = { dev: [], holdout: list };
    writeFileSync(path.join(dir, 'splits.json'), JSON.stringify({ corpora }));
    split = { file: path.join(dir, 'splits.json'), name: 'holdout' };
  }
  return RUNS.map((run) => {
    const present = run.corpora.filter((c) => !names || names.has(c));
    if (present.length === 0) return {};
    return runScorer(evalDir, corpusRoot, module, { ...run, corpora: present }, split)
      .corpora as Record<string, Record<string, unknown>>;
  }) as Run;
}
function pool(runs: Run[]) {
  const pooled: Record<string, Record<string, number>> = {};
  RUNS.forEach((run, r) => {
    for (const corpus of run.corpora) {
      const metrics = runs.map((x) => x[r]?.[corpus]).filter(Boolean) as never[];
      pooled[`${run.input ?? 'raw'}/${corpus}`] = figures(poolMetrics(metrics));
    }
  });
  return pooled;
}

/** How a training page is read: by the model of its own fold (`--oof`) or by `model`. */
const readerOf = (page: Page, model: TextModel) => {
  const fold = itemFold.get(page.item) ?? -1;
  return oof && fold >= 0 ? modelFold[fold]! : model;
};

const corpusItems = pages.filter((p) => !p.key.startsWith('generated/')).map((p) => p.item);
const trainGroups = pages
  .map((page) => groupOf(page, readerOf(page, modelAll)))
  .filter((g): g is Group => g !== undefined);
const trainModule = await build(path.join(out, 'all'), shippedAll, fitStart(trainGroups));
const trainFigures = pool([score(trainModule)]);
const cvRuns: Run[] = [];
for (let k = 0; k < FOLDS; k++) {
  const groups = pages
    .filter((page) => itemFold.get(page.item) !== k)
    .map((page) => groupOf(page, readerOf(page, modelFold[k]!)))
    .filter((g): g is Group => g !== undefined);
  const dir = path.join(out, `fold-${k}`);
  const module = await build(dir, shippedFold[k]!, fitStart(groups));
  const names = new Map<string, string[]>();
  for (const item of new Set(corpusItems)) {
    if (itemFold.get(item) !== k) continue;
    names.set(item.corpus, [...(names.get(item.corpus) ?? []), item.name]);
  }
  cvRuns.push(score(module, names, dir));
  console.error(`start-cv: fold ${k} scored`);
}
const cvFigures = pool(cvRuns);
const METRICS: Record<string, string[]> = {
  'raw/mercury': ['firstWords', 'firstWordsTail'],
  'raw/readability': ['bodyF1'],
  'raw/aeb': ['bodyF1'],
  'raw/bbc': ['bodyF1'],
  'raw-article/readability': ['bodyF1'],
  'raw/trafilatura': ['segmentsF1'],
};
for (const [key, metrics] of Object.entries(METRICS)) {
  if (!trainFigures[key]) continue;
  for (const metric of metrics)
    console.log(
      `${key.padEnd(24)} ${metric.padEnd(15)} train ${trainFigures[key]![metric]!.toFixed(3)}  CV ${cvFigures[key]![metric]!.toFixed(3)}`,
    );
}
writeFileSync(
  path.join(out, 'report.json'),
  JSON.stringify({ train: trainFigures, cv: cvFigures }, null, 1),
);
