/**
 * Where each key's body-start labels fall on the deck's shape: the first prose unit P under the
 * headline (src/text/body-start.ts `prose`: twelve words or more, or six ending a sentence; not
 * the chosen byline or date line, not a credit or caption), and the next prose unit L after it. Counted per key by where P
 * stands (right below the headline or lower), what lies between P and L (nothing, or which
 * furniture: image/credit lines, the chosen meta lines, short lines, mid-sized lines) and where
 * the label is (on P, on L, above P, below L). A key that labels P where another labels L on the
 * same shape teaches the choice the opposite (a deck kept or left out of the body). Read with
 * the shipped models; nothing is fitted.
 *
 *   node scripts/train/run.mjs scripts/train/start-shapes.ts [--show]   (--show: list the
 *   pages whose P stands right below the headline with furniture before L, and their units)
 */
import path from 'node:path';
import { IMAGE_LINE } from '../../src/text/body.js';
import { prose as proseAt } from '../../src/text/body-start.js';
import { hasCredit } from '../../src/text/story.js';
import { defaultTextModel } from '../../src/text/text-model.js';
import { flag, option } from './args.js';
import { quickPages } from './quick-pages.js';
import { bodyStartRight, readPage, startCandidatesOf } from './text-fit.js';

const { h, pages } = await quickPages(path.resolve(option('--corpus', '../shared/corpus')));
const model = defaultTextModel();
const stats = new Map<string, string[]>();
for (const page of pages) {
  if (page.key.startsWith('bbc')) continue;
  const read = readPage(page, model);
  const indices = startCandidatesOf(page, read).map((c) => c.index);
  const right = bodyStartRight(page, read.headline, indices, h);
  if (!right?.some(Boolean)) continue;
  const label = indices[right.indexOf(true)]!;
  const u = page.units;
  const meta = (i: number) => i === read.bylineIndex || i === read.dateIndex;
  const image = (i: number) =>
    u[i]!.size <= 80 && (hasCredit(u[i]!.text) || IMAGE_LINE.test(u[i]!.text));
  const view = { units: u, ...read };
  const prose = (i: number) => proseAt(view, i);
  const p = indices.find(prose);
  const l = p === undefined ? undefined : indices.find((i) => i > p && prose(i));
  if (p === undefined || l === undefined) continue;
  const between = new Set<string>();
  for (let i = p + 1; i < l; i++)
    between.add(meta(i) ? 'meta' : image(i) ? 'image' : u[i]!.size < 4 ? 'short' : 'mid');
  const below = p === read.headline + 1;
  const shape = between.size === 0 ? 'adjacent' : [...between].sort().join('+');
  const at = label === p ? 'P' : label === l ? 'L' : label < p ? 'above P' : 'below L';
  const key = `${page.key} ${below ? 'below' : 'lower'} ${shape === 'adjacent' ? 'adjacent' : 'furniture'} label on ${at}`;
  stats.set(key, [...(stats.get(key) ?? []), page.item.name]);
  if (flag('--show') && below && shape !== 'adjacent') {
    console.log(`## ${page.key} ${page.item.name}: ${shape}, label on ${at}`);
    for (let i = read.headline; i <= Math.min(Math.max(l, label), read.headline + 14); i++)
      console.log(`${i === label ? 'R' : ' '} ${i} [${u[i]!.size}] ${u[i]!.text.slice(0, 140)}`);
  }
}
for (const [key, names] of [...stats].sort())
  console.log(
    `${key.padEnd(56)} ${String(names.length).padStart(3)}${key.startsWith('mercury') ? `  ${names.join(' ')}` : ''}`,
  );
