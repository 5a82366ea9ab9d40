/**
 * A fast loop for headline features: the headline choice alone, cross-validated by site as
 * `text.ts --quick` does, on story labels from content models fitted once per fold and cached
 * (`node_modules/.cache/nutgraf-train/story-<fold>.json`; delete them after changing a content
 * feature or the decoder). Prints headline right per key, train and CV, and writes each page's
 * held-out result to `--out` for comparing two runs.
 *
 *   node scripts/train/run.mjs scripts/train/headline-quick.ts [--out file.json]
 *     [--drop a,b]                 the named headline features read as 0 (an ablation)
 *     [--headline-l2 1e-3]         the choice's L2
 *     [--key-weight trafilatura/raw=2,…]   a key's pages count more (or less) than balance gives
 *     [--misses file]              each CV-missed page (not generated): expected, picked and best
 *                                  right candidate, the lines around them
 *     [--dump file]                every titled page's candidates (file.json: names, pages,
 *                                  right candidates; file.bin: float32 features) under its own
 *                                  fold's story model, for fitting elsewhere; nothing else runs
 *
 * Its figures equal `text.ts --quick`'s headline column (same folds, fits and balance).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { linearScore } from '../../src/model/index.js';
import {
  HEADLINE_FEATURE_NAMES,
  HEADLINE_FEATURES,
  headlineCandidates,
} from '../../src/text/headline.js';
import { headlineText } from '../../src/text/parse-text.js';
import { CONTENT } from '../../src/text/story.js';
import { compileTextModel, type TextWeights } from '../../src/text/text-model.js';
import { dropOption, option } from './args.js';
import { fitChoice } from './fit.js';
import { quickPages } from './quick-pages.js';
import { fitStory, labelsOf, type TextFitOptions } from './text-fit.js';
import type { Page } from './text-pages.js';

const root = process.cwd();
const corpusRoot = path.resolve(option('--corpus', '../shared/corpus'));
const cache = path.join(root, 'node_modules/.cache/nutgraf-train');
const l2 = Number(option('--headline-l2', '1e-3'));
const options: TextFitOptions = { l2: 1e-4, headlineL2: l2, metaL2: 1e-3, generated: 1 };

dropOption(HEADLINE_FEATURES, 'headline');
const { h, pages, itemFold } = await quickPages(corpusRoot);

function storyModel(name: string, fitted: readonly Page[]): Pick<TextWeights, 'content' | 'story'> {
  const file = path.join(cache, `story-${name}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const weights = fitStory(fitted, options);
  mkdirSync(cache, { recursive: true });
  writeFileSync(file, JSON.stringify(weights));
  return weights;
}

const empty = { bias: 0, weights: {} };

/** The story model fitted on `fitted` (cached as `name`), every other decision empty. */
function storyOnly(name: string, fitted: readonly Page[]) {
  return compileTextModel({
    ...storyModel(name, fitted),
    headline: empty,
    anchor: empty,
    byline: empty,
    date: empty,
    bodyStart: empty,
  });
}
const titled = pages.filter((p) => p.item.truth.title && p.units.length > 0);

function rightOf(page: Page, texts: readonly string[]): boolean[] {
  const title = page.item.truth.title!;
  const strip = page.item.truth.stripTitleSuffix === true;
  return texts.map(
    (text) => h.scoreHeadline(headlineText(text).headline, title, strip, () => '').correct,
  );
}

/** Fit the headline choice on `fitted` and decide `tested`; per page: right or not, picked text. */
function run(fitted: readonly Page[], tested: readonly Page[], name: string) {
  const model = storyOnly(name, fitted);
  const counts = new Map<string, number>();
  for (const page of fitted) counts.set(page.key, (counts.get(page.key) ?? 0) + 1);
  const groupsOf = [];
  for (const page of fitted) {
    if (!page.item.truth.title || page.units.length === 0) continue;
    const candidates = headlineCandidates(page.units, labelsOf(page, model));
    const positive = rightOf(
      page,
      candidates.map((c) => c.text),
    );
    if (positive.some(Boolean))
      groupsOf.push({
        key: page.key,
        candidates: candidates.map((c) => c.features),
        positive,
      });
  }
  const totals = new Map<string, number>();
  for (const g of groupsOf) totals.set(g.key, (totals.get(g.key) ?? 0) + 1);
  const mean = [...totals.values()].reduce((a, b) => a + b, 0) / totals.size;
  const extra = new Map(
    option('--key-weight', '')
      .split(',')
      .filter(Boolean)
      .map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])] as const),
  );
  const weight = (key: string) => (mean / totals.get(key)!) * (extra.get(key) ?? 1);
  const headline = fitChoice(
    groupsOf.map((g) => ({
      candidates: g.candidates,
      positive: g.positive,
      weight: weight(g.key),
    })),
    HEADLINE_FEATURE_NAMES,
    { l2 },
  );
  const compiled = compileTextModel({
    ...storyModel(name, fitted),
    headline,
    anchor: headline,
    byline: empty,
    date: empty,
    bodyStart: empty,
  });
  const out: Array<{
    id: string;
    key: string;
    right: boolean;
    picked: string;
    why?: string;
    context?: string[];
  }> = [];
  for (const page of tested) {
    if (!page.item.truth.title || page.units.length === 0) continue;
    const labels = labelsOf(page, compiled);
    const candidates = headlineCandidates(page.units, labels)
      .map((c) => ({ ...c, score: linearScore(compiled.headline, c.features) }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    const picked = candidates[0]?.text ?? page.units[0]!.text;
    const right = rightOf(page, [picked])[0]!;
    const row: (typeof out)[number] = {
      id: `${page.key}/${page.item.name}`,
      key: page.key,
      right,
      picked,
    };
    if (!right && missesFile) row.context = missContext(page, candidates, labels);
    out.push(row);
  }
  return { out, headline };
}

const missesFile = option('--misses', '');

/**
 * A missed page's picture for `--misses`: the expected title, the picked candidate and the best
 * right one (line, rank, score), and the lines around both (`>` picked, `+` right, `·` story).
 */
function missContext(
  page: Page,
  ranked: ReadonlyArray<{ index: number; text: string; score: number }>,
  labels: Uint8Array | undefined,
): string[] {
  const lines = [`expected: ${page.item.truth.title}`];
  const pos = rightOf(
    page,
    ranked.map((c) => c.text),
  );
  const rank = pos.indexOf(true);
  const pick = ranked[0];
  const good = rank >= 0 ? ranked[rank] : undefined;
  lines.push(
    pick ? `picked: #${pick.index} ${pick.score.toFixed(2)} ${pick.text}` : 'picked: none',
    good
      ? `right: #${good.index} rank ${rank + 1}/${ranked.length} ${good.score.toFixed(2)} ${good.text}`
      : 'right: no candidate',
  );
  const at = [pick?.index, good?.index].filter((i): i is number => i !== undefined);
  const from = Math.max(0, Math.min(...at) - 3);
  const to = Math.min(page.units.length - 1, Math.max(...at) + 3);
  for (let i = from; i <= to && i - from < 40; i++) {
    const mark = i === pick?.index ? '>' : i === good?.index ? '+' : ' ';
    const story = labels?.[i] === CONTENT ? '·' : ' ';
    lines.push(`  ${mark}${story}${String(i).padStart(4)} ${page.units[i]!.text.slice(0, 140)}`);
  }
  return lines;
}

const dumpFile = option('--dump', '');
if (dumpFile) {
  // Every titled page's candidates under its own fold's story model (fold -1: the full one).
  const meta: Array<{
    id: string;
    key: string;
    fold: number;
    n: number;
    pos: boolean[];
    idx: number[];
    texts: string[];
  }> = [];
  const rows: number[] = [];
  for (const page of titled) {
    const fold = itemFold.get(page.item) ?? -1;
    const name = fold < 0 ? 'all' : `fold-${fold}`;
    const fitted = fold < 0 ? pages : pages.filter((p) => itemFold.get(p.item) !== fold);
    const model = storyOnly(name, fitted);
    const candidates = headlineCandidates(page.units, labelsOf(page, model));
    const pos = rightOf(
      page,
      candidates.map((c) => c.text),
    );
    for (const c of candidates) rows.push(...c.features);
    meta.push({
      id: `${page.key}/${page.item.name}`,
      key: page.key,
      fold,
      n: candidates.length,
      pos,
      idx: candidates.map((c) => c.index),
      texts: candidates.map((c) => c.text.slice(0, 80)),
    });
  }
  writeFileSync(`${dumpFile}.json`, JSON.stringify({ names: HEADLINE_FEATURE_NAMES, meta }));
  writeFileSync(`${dumpFile}.bin`, Buffer.from(new Float32Array(rows).buffer));
  process.exit(0);
}
const foldPages = (k: number) => titled.filter((p) => itemFold.get(p.item) === k);
const trainPages = (k: number) => pages.filter((p) => itemFold.get(p.item) !== k);
const cv: ReturnType<typeof run>['out'] = [];
for (let k = 0; k < 5; k++) cv.push(...run(trainPages(k), foldPages(k), `fold-${k}`).out);
const all = run(pages, titled, 'all');
const rate = (list: typeof cv, key: string) => {
  const mine = list.filter((r) => r.key === key);
  return `${mine.filter((r) => r.right).length}/${mine.length} ${(mine.filter((r) => r.right).length / mine.length).toFixed(3)}`;
};
for (const key of [...new Set(cv.map((r) => r.key))].sort())
  console.log(`${key.padEnd(26)} train ${rate(all.out, key).padEnd(16)} CV ${rate(cv, key)}`);
if (missesFile)
  writeFileSync(
    missesFile,
    cv
      .filter((r) => !r.right && r.key !== 'generated')
      .map((r) => [`## ${r.id}`, ...(r.context ?? [])].join('\n'))
      .join('\n\n'),
  );
const outFile = option('--out', '');
if (outFile)
  writeFileSync(outFile, JSON.stringify({ cv, train: all.out, weights: all.headline }, null, 1));
