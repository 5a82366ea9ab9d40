/**
 * Mercury's first words page by page, as the scorers judge a finished `text.ts --cv` run: each
 * page read by the fold build that left it out (cross-validated) and by the build fitted on
 * every page (training), with the scorer's own tokenizer, `bodyText` and `firstWordsMatch`.
 * Lists the cross-validated tail misses (headline, expected title, deck, expected first words,
 * the body's start, where the first words stand in the body) to read them by kind, and the
 * pages right in one reading only (the train − CV gap).
 *
 *   node scripts/train/run.mjs scripts/train/text.ts --cv --no-write     # once, for the builds
 *   node scripts/train/run.mjs scripts/train/first-words-misses.ts
 *     [--from DIR]     the finished run's cache (default node_modules/.cache/nutgraf-train; a
 *                      copy must stay under node_modules, where the builds find their packages)
 *     [--json FILE]    also write every page's result
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { option } from './args.js';
import { loadCorpora } from './corpus.js';
import { evalFolder, scorerHelpers } from './scorers.js';

const root = process.cwd();
const corpusRoot = path.resolve(option('--corpus', '../shared/corpus'));
const from = path.resolve(option('--from', path.join(root, 'node_modules/.cache/nutgraf-train')));
const jsonFile = option('--json', '');
const FOLDS = 5;

interface Helpers {
  tokenize(text: string): string[];
  bodyText(article: unknown): string;
  firstWordsMatch(
    fw: string[],
    body: string[],
  ): { strict: boolean; tail: boolean; foundAt: number };
}
const h = (await scorerHelpers(evalFolder(corpusRoot)!)) as unknown as Helpers;
const { items } = loadCorpora(corpusRoot, ['mercury']);

interface Result {
  name: string;
  strict: boolean;
  tail: boolean;
  foundAt: number;
  headline?: string | undefined;
  title?: string | undefined;
  deck?: string | undefined;
  expected: string;
  start: string;
}
type Parse = (text: string) => Promise<{ article?: Record<string, unknown> }>;

async function read(build: string, names: ReadonlySet<string> | undefined): Promise<Result[]> {
  const { parseText } = (await import(pathToFileURL(build).href)) as { parseText: Parse };
  const out: Result[] = [];
  for (const item of items) {
    const first = item.truth.firstWords;
    if (!first || (names && !names.has(item.name))) continue;
    const { article = {} } = await parseText(item.raw);
    const body = h.bodyText(article);
    const match = h.firstWordsMatch(h.tokenize(first), h.tokenize(body));
    out.push({
      name: item.name,
      ...match,
      headline: article.headline as string | undefined,
      title: item.truth.title,
      deck: article.alternativeHeadline as string | undefined,
      expected: first.slice(0, 160),
      start: body.slice(0, 200),
    });
  }
  return out;
}

const cv: Result[] = [];
for (let k = 0; k < FOLDS; k++) {
  const dir = path.join(from, 'cv', `fold-${k}`);
  if (!existsSync(path.join(dir, 'splits.json'))) throw new Error(`no fold build in ${dir}`);
  const splits = JSON.parse(readFileSync(path.join(dir, 'splits.json'), 'utf8'));
  const names = new Set<string>(splits.corpora.mercury?.holdout ?? []);
  cv.push(...(await read(path.join(dir, 'index.js'), names)));
}
const train = await read(path.join(from, 'cv', 'all', 'index.js'), undefined);
const trained = new Map(train.map((r) => [r.name, r]));
const count = (list: Result[], key: 'strict' | 'tail') => list.filter((r) => r[key]).length;
console.log(
  `mercury first words (tail): train ${count(train, 'tail')}/${train.length}, CV ${count(cv, 'tail')}/${cv.length}; ` +
    `strict: train ${count(train, 'strict')}, CV ${count(cv, 'strict')}`,
);
for (const r of cv) {
  const t = trained.get(r.name);
  if (t && t.tail !== r.tail) console.log(`gap: ${r.name} train ${t.tail} CV ${r.tail}`);
}
const q = (text: string | undefined) => JSON.stringify(text ?? null);
for (const r of cv.filter((r) => !r.tail)) {
  console.log(
    `\n## ${r.name} (train ${trained.get(r.name)?.tail ? 'right' : 'wrong'}, found at ${r.foundAt})`,
  );
  console.log(`headline ${q(r.headline)}${r.headline === r.title ? '' : ` want ${q(r.title)}`}`);
  if (r.deck) console.log(`deck     ${q(r.deck)}`);
  console.log(`want     ${q(r.expected)}`);
  console.log(`got      ${q(r.start)}`);
}
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ cv, train }, null, 1));
