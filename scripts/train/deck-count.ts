/**
 * Where a build puts the decks of the corpus pages: every whole page with the deck's shape
 * (text-fit.ts `deckShape`, read with the shipped models) parsed by a built `parseText`, counted
 * per key by what the build did with the deck unit (the deck field `alternativeHeadline`, the
 * body's first paragraph, or neither: the body starts above it or past the lede) against where
 * the key's own body-start label falls (on the deck, on the lede, elsewhere).
 *
 *   node scripts/train/run.mjs scripts/train/deck-count.ts [--module dist/index.js] [--show]
 *     [--cv DIR]   each page parsed by the fold build of a finished `text.ts --cv` run that left
 *                  it out (DIR/cv/fold-k/index.js; DIR a copy of the run's cache under node_modules)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultTextModel } from '../../src/text/text-model.js';
import { flag, option } from './args.js';
import { quickPages } from './quick-pages.js';
import { bodyStartRight, deckShape, readPage, startCandidatesOf } from './text-fit.js';

type ParseText = (text: string) => {
  article?: { alternativeHeadline?: string; body: Array<{ text?: string; items?: string[] }> };
};
const load = async (file: string) =>
  ((await import(pathToFileURL(path.resolve(file)).href)) as { parseText: ParseText }).parseText;
const cv = option('--cv', '');
const builds: ParseText[] = cv
  ? await Promise.all(
      [0, 1, 2, 3, 4].map((k) => load(path.join(cv, 'cv', `fold-${k}`, 'index.js'))),
    )
  : [await load(option('--module', 'dist/index.js'))];
const { h, pages, itemFold } = await quickPages(
  path.resolve(option('--corpus', '../shared/corpus')),
);
const model = defaultTextModel();
const norm = (text: string) => h.tokenize(text).join(' ');
const counts = new Map<string, number>();
for (const page of pages) {
  if (page.key.startsWith('bbc') || page.key.startsWith('generated')) continue;
  const read = readPage(page, model);
  const indices = startCandidatesOf(page, read).map((c) => c.index);
  const shape = deckShape(page.units, read, indices);
  if (!shape) continue;
  const right = bodyStartRight(page, read.headline, indices, h);
  const at = right?.some(Boolean) ? indices[right.indexOf(true)]! : -1;
  const label =
    at < 0 ? 'no label' : at === shape.deck ? 'deck' : at === shape.lede ? 'lede' : 'other';
  const parseText = builds[cv ? itemFold.get(page.item)! : 0]!;
  const article = parseText(page.input === 'raw' ? page.item.raw : page.item.rawArticle!).article;
  const deck = norm(page.units[shape.deck]!.text);
  const first = article?.body.find((b) => b.text || b.items);
  const body = norm(first?.text ?? first?.items?.join(' ') ?? '');
  const where =
    article?.alternativeHeadline && norm(article.alternativeHeadline) === deck
      ? 'deck field'
      : body.startsWith(deck.slice(0, 60))
        ? 'body'
        : 'neither';
  const key = `${page.key.padEnd(24)} label on ${label.padEnd(8)} build: ${where}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (flag('--show'))
    console.log(`${page.key} ${page.item.name}: label ${label}, ${where}: ${deck.slice(0, 80)}`);
}
for (const [key, n] of [...counts].sort()) console.log(`${key} ${String(n).padStart(4)}`);
