/**
 * A fast loop for the body-start choice: every page read once with the shipped content,
 * headline, byline and date models, then only the body-start choice fitted per fold (the
 * folds, key balance and L2 of `text.ts`). A few minutes a variant instead of `--quick`'s half
 * hour; it ranks ideas, `text.ts --cv` judges them. Its figures match `text.ts --quick`'s
 * body-start column within a page or two (the upstream decisions are the shipped ones here).
 *
 *   node scripts/train/run.mjs scripts/train/start-quick.ts
 *     [--drop a,b]                 the named body-start features read as 0 (an ablation)
 *     [--body-start-l2 3e-3]       the choice's L2
 *     [--key-weight mercury/raw=2,…]   a key's pages count more (or less) than balance gives
 *     [--tail-label]               mercury: a start is right where the scorer's "or their tail"
 *                                  rule passes, not only where the first five words open the unit
 *     [--relabel 1|2|3]            labels from parseHtml's reading of source.html (a deck is not
 *                                  the body's start): 1 a start label on parseHtml's deck moves to
 *                                  parseHtml's first paragraph (or the page is left out); 2 also
 *                                  unlabelled trafilatura pages with a deck get that first
 *                                  paragraph; 3 every unlabelled trafilatura page does
 *     [--html-stats]               count, per key, parseHtml's decks and first paragraphs within
 *                                  reach and how they meet the labels (nothing is fitted)
 *     [--misses file]              the held-out misses, with the units between headline and start
 *                                  and `why:` (the features that put the picked unit over the right one)
 *     [--deck out|in]              a deck's label moves to the lede under it (out) or the lede's
 *                                  to the deck (in) in every key (text-fit.ts deckRelabel)
 *     [--meta-deck]                a start label on a prose unit above the chosen byline or date
 *                                  line, with story text under it, moves under it (not mercury's)
 *     [--skip-caption-starts]      leave mercury pages whose first words open with a caption
 *                                  out of the fit (mercury-tail judges them always)
 *     [--show-differ]              list the corpus pages whose anchor is not the chosen headline
 *                                  (their counts per key are always printed)
 *
 * Prints body start right / pages with a right candidate per key, training fit and CV, and
 * `mercury-tail`: mercury pages judged by the tail rule whatever the training labels are.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHtml } from '../../src/html/index.js';
import { chooseBest, compiledModelCache, type LinearModel } from '../../src/model/index.js';
import { BODY_START_FEATURE_NAMES, BODY_START_FEATURES } from '../../src/text/body-start.js';
import { defaultTextModel } from '../../src/text/text-model.js';
import { args, dropOption, option } from './args.js';
import { fitChoice } from './fit.js';
import { foldPicks, quickPages } from './quick-pages.js';
import { bodyStartRight, deckMoves, deckRelabel, readPage, startCandidatesOf } from './text-fit.js';
import { whyPicked } from './text-misses.js';
import type { Page } from './text-pages.js';

const root = process.cwd();
const corpusRoot = path.resolve(option('--corpus', '../shared/corpus'));
const cache = path.join(root, 'node_modules/.cache/nutgraf-train');
const l2 = Number(option('--body-start-l2', '3e-3'));
const keyWeight = new Map(
  option('--key-weight', '')
    .split(',')
    .filter(Boolean)
    .map((pair) => [pair.split('=')[0]!, Number(pair.split('=')[1])] as const),
);
dropOption(BODY_START_FEATURES, 'body-start');
const tailLabel = args.includes('--tail-label');
const relabel = Number(option('--relabel', '0'));
const htmlStats = args.includes('--html-stats');
const metaDeck = args.includes('--meta-deck');
const skipCaptionStarts = args.includes('--skip-caption-starts');
const deck = option('--deck', '') as '' | 'out' | 'in';
const readHtml = htmlStats || relabel > 0;
const differ = new Map<string, number>();

const { h, pages, itemFold } = await quickPages(corpusRoot);

// ----------------------------------------------------------------- parseHtml's reading

interface HtmlReading {
  deck?: string | undefined;
  first?: string | undefined;
}
const htmlCacheFile = path.join(cache, 'start-quick-html.json');
const htmlCache: Record<string, HtmlReading> = existsSync(htmlCacheFile)
  ? JSON.parse(readFileSync(htmlCacheFile, 'utf8'))
  : {};

/** parseHtml's deck and first paragraph of the page's `source.html`, when it has one. */
function htmlReading(page: Page): HtmlReading | undefined {
  const file = path.join(page.item.dir, 'source.html');
  if (!page.item.dir || page.input !== 'raw' || !existsSync(file)) return undefined;
  if (!htmlCache[file]) {
    const { article } = parseHtml(readFileSync(file));
    const first = article?.body.find((block) => block.type === 'paragraph' && block.text) as
      | { text: string }
      | undefined;
    htmlCache[file] = { deck: article?.alternativeHeadline, first: first?.text };
  }
  return htmlCache[file];
}

const stats = new Map<string, number>();
const count = (what: string) => stats.set(what, (stats.get(what) ?? 0) + 1);
const norm = (text: string) => h.tokenize(text).join(' ');

/** Whether the body starting at unit `at` passes the scorer's tail rule for `fw`. */
function tailRight(units: Page['units'], at: number, fw: readonly string[]): boolean {
  const body: string[] = [];
  for (let i = at; i < units.length && body.length < fw.length + 5; i++)
    body.push(...h.tokenize(units[i]!.text));
  for (let p = 1; fw.length - p >= Math.min(5, fw.length); p++)
    if (fw.slice(p).every((token, j) => body[j] === token)) return true;
  return false;
}

/** The page's labels moved by parseHtml's deck and first paragraph (see `--relabel`). */
function relabelled(
  page: Page,
  indices: readonly number[],
  positive: boolean[] | undefined,
): boolean[] | undefined {
  const reading = htmlReading(page);
  if (!reading) return positive;
  count(`${page.key} html read`);
  const deck = reading.deck ? norm(reading.deck) : '';
  const deckAt = deck ? indices.find((i) => norm(page.units[i]!.text) === deck) : undefined;
  const first = reading.first ? norm(reading.first).split(' ').slice(0, 8).join(' ') : '';
  const firstAt = first
    ? indices.find((i) => norm(page.units[i]!.text).startsWith(first))
    : undefined;
  const labelled = positive?.some(Boolean) === true;
  if (deckAt !== undefined) count(`${page.key} deck in reach`);
  if (firstAt !== undefined) count(`${page.key} first paragraph in reach`);
  if (labelled && deckAt !== undefined && positive![indices.indexOf(deckAt)])
    count(`${page.key} label on the deck`);
  if (labelled && firstAt !== undefined)
    count(`${page.key} label ${positive![indices.indexOf(firstAt)] ? '=' : '!='} first paragraph`);
  if (!labelled && firstAt !== undefined) count(`${page.key} unlabelled, first paragraph in reach`);
  const content = page.content;
  const firstOk =
    firstAt !== undefined &&
    (deckAt === undefined || firstAt > deckAt) &&
    content !== undefined &&
    (page.item.corpus === 'trafilatura' ? content[firstAt] !== 0 : content[firstAt] === 1);
  const at = (i: number | undefined) => indices.map((index) => index === i);
  if (relabel >= 1 && deckAt !== undefined && labelled && positive![indices.indexOf(deckAt)]) {
    count(`${page.key} relabelled: deck -> ${firstOk ? 'first paragraph' : 'left out'}`);
    return firstOk ? at(firstAt) : undefined;
  }
  if (labelled || !firstOk || page.item.corpus !== 'trafilatura') return positive;
  if (relabel >= 2 && deckAt !== undefined) {
    count(`${page.key} labelled: first paragraph under a deck`);
    return at(firstAt);
  }
  if (relabel >= 3) {
    count(`${page.key} labelled: first paragraph`);
    return at(firstAt);
  }
  return positive;
}

/**
 * `--meta-deck`: a start label on a prose unit between the headline and the chosen byline or
 * date line (the deck, by its place), with story text under that line, moves to the first
 * story unit under it: mercury's first words leave such a deck out, and the parser gives it
 * as `alternativeHeadline`. Mercury's labels are counted, not moved.
 */
function overMeta(
  page: Page,
  read: ReturnType<typeof readPage>,
  indices: readonly number[],
  positive: boolean[] | undefined,
): boolean[] | undefined {
  const s = positive?.indexOf(true) ?? -1;
  if (!positive || s < 0) return positive;
  const start = indices[s]!;
  const meta = Math.max(read.bylineIndex, read.dateIndex);
  if (meta > read.headline && start > meta && page.item.truth.firstWords) {
    let prose = false;
    for (let i = read.headline + 1; i < meta; i++) prose ||= page.units[i]!.size >= 6;
    if (prose) count(`${page.key} label under the meta line, prose over it`);
  }
  if (meta <= read.headline || start > meta || page.key.startsWith('generated/')) return positive;
  if (page.item.truth.firstWords) {
    count(`${page.key} label over the meta line`);
    return positive;
  }
  const unit = page.units[start]!;
  if (unit.size < 6) return positive;
  const next = indices.findIndex((i) => i > meta && page.content?.[i] === 1);
  count(`${page.key} deck over meta: ${next < 0 ? 'left out' : 'moved'}`);
  if (next < 0) return undefined;
  return indices.map((_, c) => c === next);
}

// ----------------------------------------------------------------- the choices

const model = defaultTextModel();
interface Group {
  page: Page;
  key: string;
  fold: number;
  headline: number;
  indices: number[];
  candidates: Float64Array[];
  positive: boolean[];
}
const all: Group[] = [];
/** mercury pages judged by the tail rule (evaluated, never fitted). */
const tailJudged: Group[] = [];
for (const page of pages) {
  if (page.units.length === 0) continue;
  const read = readPage(page, model);
  if (read.anchor !== read.headline) {
    const what = `${page.key} anchor ${read.anchor < read.headline ? '<' : '>'} headline`;
    differ.set(what, (differ.get(what) ?? 0) + 1);
    if (args.includes('--show-differ') && !page.key.startsWith('generated'))
      console.log(
        `${what} ${page.item.name}: H ${read.headline} ${page.units[read.headline]!.text.slice(0, 70)} | A ${read.anchor} ${page.units[read.anchor]!.text.slice(0, 70)} | fw ${page.item.truth.firstWords?.slice(0, 40)}`,
      );
  }
  const candidates = startCandidatesOf(page, read);
  const indices = candidates.map((c) => c.index);
  const judged = bodyStartRight(page, read.headline, indices, h);
  let positive = bodyStartRight(page, read.headline, indices, h, skipCaptionStarts);
  const fw = page.item.truth.firstWords ? h.tokenize(page.item.truth.firstWords) : [];
  const base = {
    page,
    fold: itemFold.get(page.item) ?? -1,
    headline: read.headline,
    indices,
    candidates: candidates.map((c) => c.features),
  };
  if (fw.length > 0 && judged) {
    const tail = judged.map((right, c) => right || tailRight(page.units, indices[c]!, fw));
    if (tail.some(Boolean)) tailJudged.push({ ...base, key: 'mercury-tail', positive: tail });
    if (tailLabel && positive) positive = tail;
    if (!positive) count('mercury labels left out');
  }
  if (readHtml) positive = relabelled(page, indices, positive);
  if (metaDeck) positive = overMeta(page, read, indices, positive);
  if (deck) positive = deckRelabel(page, read, indices, positive, deck);
  if (positive?.some(Boolean)) all.push({ ...base, key: page.key, positive });
}
for (const [what, n] of [...differ].sort()) console.log(`${what}: ${n}`);
for (const [what, n] of [...deckMoves].sort()) console.log(`deck ${what}: ${n}`);
if (metaDeck || skipCaptionStarts)
  for (const [what, n] of [...stats].sort()) console.log(`${what}: ${n}`);
if (readHtml) {
  mkdirSync(cache, { recursive: true });
  writeFileSync(htmlCacheFile, JSON.stringify(htmlCache));
  for (const [what, n] of [...stats].sort()) console.log(`${what}: ${n}`);
  if (htmlStats) process.exit(0);
}

function fitStart(fitted: readonly Group[]): LinearModel {
  const totals = new Map<string, number>();
  for (const g of fitted) totals.set(g.key, (totals.get(g.key) ?? 0) + 1);
  const mean = [...totals.values()].reduce((a, b) => a + b, 0) / totals.size;
  return fitChoice(
    fitted.map((g) => ({
      candidates: g.candidates,
      positive: g.positive,
      weight: (mean / totals.get(g.key)!) * (keyWeight.get(g.key) ?? 1),
    })),
    BODY_START_FEATURE_NAMES,
    { l2 },
  );
}

const compiled = compiledModelCache(BODY_START_FEATURE_NAMES);

function pick(g: Group, weights: LinearModel): number {
  return Math.max(0, chooseBest(compiled(weights), g.candidates, Number.NEGATIVE_INFINITY).index);
}

// mercury-tail groups are judged in every fold, never fitted on.
const {
  weights: trainWeights,
  train,
  cv,
} = foldPicks(
  [...all, ...tailJudged],
  (groups) => fitStart(groups.filter((g) => g.key !== 'mercury-tail')),
  pick,
);
const trainRight = new Map<string, [number, number]>();
const cvRight = new Map<string, [number, number]>();
const cvPick = new Map<Group, number>();
const cvModel = new Map<Group, LinearModel>();
const add = (into: Map<string, [number, number]>, g: Group, picked: number) => {
  const entry = into.get(g.key) ?? [0, 0];
  entry[0] += g.positive[picked] ? 1 : 0;
  entry[1]++;
  into.set(g.key, entry);
};
for (const [g, picked] of train) add(trainRight, g, picked);
for (const [g, [picked, weights]] of cv) {
  if (g.key !== 'mercury-tail') cvPick.set(g, picked);
  cvModel.set(g, weights);
  add(cvRight, g, picked);
}
for (const key of [...cvRight.keys()].sort()) {
  const t = trainRight.get(key)!;
  const c = cvRight.get(key)!;
  console.log(`${key.padEnd(26)} train ${t[0]}/${t[1]}  CV ${c[0]}/${c[1]}`);
}
console.log(
  `weights ${BODY_START_FEATURE_NAMES.map((n) => `${n} ${(trainWeights.weights[n] ?? 0).toFixed(2)}`).join(', ')}`,
);

const missesFile = option('--misses', '');
if (missesFile) {
  const out: string[] = [];
  for (const [g, p] of cvPick) {
    if (g.positive[p]) continue;
    const right = g.positive.indexOf(true);
    const units = g.page.units;
    out.push(`## ${g.key} ${g.page.item.name} picked ${g.indices[p]} right ${g.indices[right]}`);
    out.push(
      `why: ${whyPicked(compiled(cvModel.get(g)!), g.candidates[p]!, g.candidates[right]!)}`,
    );
    const to = Math.min(units.length - 1, Math.max(g.indices[p]!, g.indices[right]!) + 1);
    for (let i = g.headline; i <= to; i++) {
      const mark =
        i === g.headline
          ? 'H'
          : i === g.indices[p]
            ? 'P'
            : g.positive[g.indices.indexOf(i)]
              ? 'R'
              : ' ';
      out.push(`${mark} ${i} [${units[i]!.size}] ${units[i]!.text.slice(0, 160)}`);
    }
    out.push('');
  }
  writeFileSync(missesFile, out.join('\n'));
}
