/**
 * A fast loop for the date choice: every page read once with the shipped content and headline
 * (anchor) models, then only the date choice fitted per fold (the folds, key balance and L2 of
 * `text.ts`). Minutes a variant instead of `--quick`'s half hour; it ranks ideas, `text.ts
 * --cv` judges them (the upstream decisions are the shipped ones here, fitted on every page).
 *
 *   node scripts/train/run.mjs scripts/train/date-quick.ts
 *     [--drop a,b]           the named date features read as 0 (an ablation)
 *     [--date-l2 1e-3]       the choice's L2
 *     [--date-balance 0.5]   how far the corpora are evened out
 *     [--misses file]        the held-out misses: picked and right candidates with their rank,
 *                            `why:`, where the expected day is printed when no candidate has it
 *
 * Prints per key: pages right / pages (label level) in training and CV, bbc: dates invented.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findDateUnchecked } from '../../src/fields/parse-date.js';
import { compiledModelCache, type LinearModel, linearScore } from '../../src/model/index.js';
import { DATE_FEATURE_NAMES, DATE_FEATURES } from '../../src/text/meta-model.js';
import { defaultTextModel } from '../../src/text/text-model.js';
import { dropOption, option } from './args.js';
import { foldPicks, quickPages } from './quick-pages.js';
import { dateRight, fitKeyed, type Keyed, pageDateOptions, readPage } from './text-fit.js';
import { whyPicked } from './text-misses.js';
import type { Page } from './text-pages.js';

const corpusRoot = path.resolve(option('--corpus', '../shared/corpus'));
const l2 = Number(option('--date-l2', option('--meta-l2', '1e-3')));
const balanceExponent = Number(option('--date-balance', '0.5'));
dropOption(DATE_FEATURES, 'date');

const { h, pages, itemFold } = await quickPages(corpusRoot);
const model = defaultTextModel();

interface Group {
  page: Page;
  fold: number;
  read: ReturnType<typeof readPage>;
  positive: boolean[];
}
const all: Group[] = [];
for (const page of pages) {
  if (page.units.length === 0 || !(page.date || page.dateAbsent)) continue;
  const read = readPage(page, model);
  all.push({
    page,
    fold: itemFold.get(page.item) ?? -1,
    read,
    positive: dateRight(page, read.dates, h),
  });
}

function fitDate(groups: readonly Group[]): LinearModel {
  const keyed: Keyed[] = groups
    .filter((g) => g.positive.some(Boolean))
    .map((g) => ({
      key: g.page.key,
      group: { candidates: g.read.dates.map((c) => c.features), positive: g.positive },
    }));
  return fitKeyed(keyed, DATE_FEATURE_NAMES, l2, { generated: 1 }, balanceExponent);
}

const compiled = compiledModelCache(DATE_FEATURE_NAMES);

function scores(g: Group, weights: LinearModel): number[] {
  const model = compiled(weights);
  return g.read.dates.map((c) => linearScore(model, c.features));
}
function pick(g: Group, weights: LinearModel): number {
  const s = scores(g, weights);
  let best = 0;
  for (let i = 1; i < s.length; i++) if (s[i]! > s[best]!) best = i;
  return best;
}

interface Tally {
  right: number;
  pages: number;
  invented: number;
}
function add(into: Map<string, Tally>, g: Group, picked: number) {
  const t = into.get(g.page.key) ?? { right: 0, pages: 0, invented: 0 };
  into.set(g.page.key, t);
  t.pages++;
  if (g.positive[picked]) t.right++;
  if (g.page.dateAbsent && g.read.dates[picked]!.index >= 0) t.invented++;
}

const { weights: trainWeights, train: trainPick, cv: cvPick } = foldPicks(all, fitDate, pick);
const train = new Map<string, Tally>();
const cv = new Map<string, Tally>();
for (const [g, picked] of trainPick) add(train, g, picked);
for (const [g, [picked]] of cvPick) add(cv, g, picked);
const show = (t: Tally) =>
  `${String(t.right).padStart(4)}/${String(t.pages).padEnd(4)} ${(t.right / t.pages).toFixed(3)}${t.invented ? ` invented ${t.invented}` : ''}`;
for (const key of [...cv.keys()].sort())
  console.log(`${key.padEnd(26)} train ${show(train.get(key)!)}   CV ${show(cv.get(key)!)}`);
console.log(
  `weights bias ${trainWeights.bias.toFixed(2)}, ${DATE_FEATURE_NAMES.map((n) => `${n} ${(trainWeights.weights[n] ?? 0).toFixed(2)}`).join(', ')}`,
);

/** Every date a unit prints (each found after the previous one), with its value. */
function datesIn(g: Group, index: number): Array<{ text: string; value: string }> {
  const text = g.page.units[index]!.text;
  const out: Array<{ text: string; value: string }> = [];
  let from = 0;
  for (let n = 0; n < 20 && from < text.length; n++) {
    const d = findDateUnchecked(text.slice(from), pageDateOptions(g.page));
    if (!d) break;
    out.push({ text: d.text, value: d.value });
    from += d.index + Math.max(1, d.text.length);
  }
  return out;
}

const missesFile = option('--misses', '');
if (missesFile) {
  const out: string[] = [];
  const clip = (s: string) => (s.length > 150 ? `${s.slice(0, 147)}…` : s);
  for (const [g, [p, weights]] of cvPick) {
    if (g.positive[p] || g.page.key.startsWith('generated') || g.page.item.corpus === 'bbc')
      continue;
    const c = g.read.dates;
    const s = scores(g, weights);
    const order = c.map((_, i) => i).sort((a, b) => s[b]! - s[a]!);
    const rankOf = (i: number) => order.indexOf(i);
    const right = order.filter((i) => g.positive[i]);
    const at = (i: number) =>
      c[i]!.index < 0
        ? '(none)'
        : `@${c[i]!.index} ${c[i]!.value!.value} «${clip(g.page.units[c[i]!.index]!.text)}»`;
    out.push(`## ${g.page.key} ${g.page.item.name} expected ${g.page.date ?? '(none)'}`);
    out.push(`picked ${at(p)}; headline @${g.read.anchor}; candidates ${c.length}`);
    if (right.length > 0) {
      out.push(`right #${rankOf(right[0]!)} ${at(right[0]!)}`);
      out.push(`why: ${whyPicked(compiled(weights), c[p]!.features, c[right[0]!]!.features)}`);
    } else if (g.page.date) {
      const printed: string[] = [];
      g.page.units.forEach((u, i) => {
        for (const d of datesIn(g, i))
          if (h.scoreDate(g.page.date!, d.value).correct)
            printed.push(`@${i} ${d.value} «${clip(u.text)}»`);
      });
      out.push(
        printed.length > 0
          ? `no candidate; read in page: ${printed.slice(0, 3).join(' | ')}`
          : 'no candidate; not read in the page',
      );
    }
    const others = order
      .slice(0, 4)
      .filter((i) => i !== p)
      .map((i) => `#${rankOf(i)} ${at(i)}`);
    if (others.length) out.push(`next: ${others.join(' || ')}`);
    out.push('');
  }
  writeFileSync(missesFile, out.join('\n'));
}
