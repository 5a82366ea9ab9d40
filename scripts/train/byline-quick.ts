/**
 * A fast loop for the byline choice: every page read once with the shipped content and
 * headline (anchor) models, then only the byline choice fitted per fold (the folds, key
 * balance and L2 of `text.ts`). Minutes a variant instead of `--quick`'s half hour; it ranks
 * ideas, `text.ts --cv` judges them (the upstream decisions are the shipped ones here, fitted
 * on every page).
 *
 *   node scripts/train/run.mjs scripts/train/byline-quick.ts
 *     [--drop a,b]             the named byline features read as 0 (an ablation)
 *     [--byline-l2 1e-3]       the choice's L2
 *     [--byline-balance 0.5]   how far the corpora are evened out
 *     [--misses file]          the held-out misses, with `why:` and the lines around
 *
 * Prints per key: pages right / pages (label level), and the scorer's name F1 (micro P / R /
 * F1 over names; pages with no person author: the share where a person is named).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chooseBest, compiledModelCache, type LinearModel } from '../../src/model/index.js';
import {
  BYLINE_FEATURE_NAMES,
  BYLINE_FEATURES,
  isBylinePerson,
} from '../../src/text/meta-model.js';
import { defaultTextModel } from '../../src/text/text-model.js';
import { dropOption, option } from './args.js';
import { foldPicks, quickPages } from './quick-pages.js';
import { bylineRight, fitKeyed, type Keyed, readPage } from './text-fit.js';
import { whyPicked } from './text-misses.js';
import type { Page } from './text-pages.js';

const corpusRoot = path.resolve(option('--corpus', '../shared/corpus'));
const l2 = Number(option('--byline-l2', '1e-3'));
const balanceExponent = Number(option('--byline-balance', '0.5'));
dropOption(BYLINE_FEATURES, 'byline');

const { h, pages, itemFold } = await quickPages(corpusRoot);
const model = defaultTextModel();

interface Group {
  page: Page;
  fold: number;
  read: ReturnType<typeof readPage>;
  positive: boolean[];
  names: string[][];
}
const all: Group[] = [];
for (const page of pages) {
  if (page.units.length === 0 || !page.names) continue;
  const read = readPage(page, model);
  const positive = bylineRight(page, read.bylines, h);
  const names = read.bylines.map((c) =>
    c.value
      ? [
          ...new Set(
            c.value.contributors.filter(isBylinePerson).map((p) => h.tokenize(p.name).join(' ')),
          ),
        ]
      : [],
  );
  all.push({ page, fold: itemFold.get(page.item) ?? -1, read, positive, names });
}
const fitted = (g: Group) => g.positive.some(Boolean);

function fitByline(groups: readonly Group[]): LinearModel {
  const keyed: Keyed[] = groups.filter(fitted).map((g) => ({
    key: g.page.key,
    group: {
      candidates: g.read.bylines.map((c) => c.features),
      positive: g.positive,
      weight: g.page.bylineWeight,
    },
  }));
  return fitKeyed(keyed, BYLINE_FEATURE_NAMES, l2, { generated: 1 }, balanceExponent);
}

const compiled = compiledModelCache(BYLINE_FEATURE_NAMES);

function pick(g: Group, weights: LinearModel): number {
  const features = g.read.bylines.map((c) => c.features);
  return Math.max(0, chooseBest(compiled(weights), features, Number.NEGATIVE_INFINITY).index);
}

interface Tally {
  right: number;
  pages: number;
  tp: number;
  fp: number;
  fn: number;
  noPerson: number;
  named: number;
}
const tally = () => ({ right: 0, pages: 0, tp: 0, fp: 0, fn: 0, noPerson: 0, named: 0 });
function add(into: Map<string, Tally>, g: Group, picked: number) {
  const t = into.get(g.page.key) ?? tally();
  into.set(g.page.key, t);
  t.pages++;
  if (g.positive[picked]) t.right++;
  const expected = new Set(g.page.names);
  const got = g.names[picked]!;
  if (expected.size === 0) {
    t.noPerson++;
    if (got.length > 0) t.named++;
    return;
  }
  const tp = got.filter((n) => expected.has(n)).length;
  t.tp += tp;
  t.fp += got.length - tp;
  t.fn += expected.size - tp;
}

const { weights: trainWeights, train: trainPick, cv: cvPick } = foldPicks(all, fitByline, pick);
const train = new Map<string, Tally>();
const cv = new Map<string, Tally>();
for (const [g, picked] of trainPick) add(train, g, picked);
for (const [g, [picked]] of cvPick) add(cv, g, picked);
const f1 = (t: Tally) => (t.tp ? (2 * t.tp) / (2 * t.tp + t.fp + t.fn) : 0);
const show = (t: Tally) =>
  `${String(t.right).padStart(4)}/${String(t.pages).padEnd(4)} F1 ${f1(t).toFixed(3)}${t.noPerson ? ` named ${t.named}/${t.noPerson} ${(t.named / t.noPerson).toFixed(3)}` : ''}`;
for (const key of [...cv.keys()].sort())
  console.log(`${key.padEnd(26)} train ${show(train.get(key)!)}   CV ${show(cv.get(key)!)}`);
console.log(
  `weights bias ${trainWeights.bias.toFixed(2)}, ${BYLINE_FEATURE_NAMES.map((n) => `${n} ${(trainWeights.weights[n] ?? 0).toFixed(2)}`).join(', ')}`,
);

const missesFile = option('--misses', '');
if (missesFile) {
  const out: string[] = [];
  for (const [g, [p, weights]] of cvPick) {
    if (g.positive[p] || g.page.key.startsWith('generated') || g.page.item.corpus === 'bbc')
      continue;
    const right = g.positive.indexOf(true);
    const units = g.page.units;
    const c = g.read.bylines;
    out.push(`## ${g.page.key} ${g.page.item.name} expected ${JSON.stringify(g.page.names)}`);
    out.push(
      `picked ${c[p]!.index} ${JSON.stringify(g.names[p])}; right ${right < 0 ? 'none' : `${c[right]!.index} ${JSON.stringify(g.names[right])}`}; headline ${g.read.anchor}`,
    );
    if (right >= 0) {
      out.push(`why: ${whyPicked(compiled(weights), c[p]!.features, c[right]!.features)}`);
    }
    const show = new Set<number>();
    for (const i of [g.read.anchor, c[p]!.index, right >= 0 ? c[right]!.index : -1])
      if (i >= 0)
        for (let j = Math.max(0, i - 3); j <= Math.min(units.length - 1, i + 3); j++) show.add(j);
    let last = -2;
    for (const j of [...show].sort((a, b) => a - b)) {
      if (j !== last + 1) out.push('   …');
      const mark =
        j === g.read.anchor
          ? 'H'
          : j === c[p]!.index
            ? 'P'
            : right >= 0 && j === c[right]!.index
              ? 'R'
              : ' ';
      out.push(`${mark}${String(j).padStart(5)} ${units[j]!.text.slice(0, 150)}`);
      last = j;
    }
    out.push('');
  }
  writeFileSync(missesFile, out.join('\n'));
}
