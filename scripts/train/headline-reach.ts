/**
 * Where each titled whole page's expected headline stands, for the reachable ceiling of the
 * headline choice: a candidate holds it (`candidate`), a unit holds it but is no candidate
 * (and why: outside the window, not title-like, a story sentence, …), two adjacent units
 * joined hold it (`join`), a unit holds all its words and more (`inside`: a glued kicker or
 * deck), or nothing does (`absent`). Story labels come from the shipped weights.
 *
 *   node scripts/train/run.mjs scripts/train/headline-reach.ts [--corpora trafilatura,mercury] [--list]
 */
import path from 'node:path';
import { firstTitleIndex, headlineCandidates, titleLike } from '../../src/text/headline.js';
import { headlineText } from '../../src/text/parse-text.js';
import { defaultTextModel } from '../../src/text/text-model.js';

import { args, option } from './args.js';
import { type CorpusName, loadCorpora } from './corpus.js';
import { evalFolder, scorerHelpers } from './scorers.js';
import { labelsOf } from './text-fit.js';
import type { ScorerHelpers } from './text-labels.js';
import { pagesOf } from './text-pages.js';

const corpusRoot = path.resolve(option('--corpus', '../shared/corpus'));
const corpora = option('--corpora', 'trafilatura,mercury').split(',') as CorpusName[];
const { items } = loadCorpora(corpusRoot, corpora);
const h = (await scorerHelpers(evalFolder(corpusRoot)!)) as unknown as ScorerHelpers;
const pages = pagesOf(items, h).filter((p) => p.input === 'raw' && p.item.truth.title);
const model = defaultTextModel();

const counts = new Map<string, number>();
const lines: string[] = [];
for (const page of pages) {
  const title = page.item.truth.title!;
  const strip = page.item.truth.stripTitleSuffix === true;
  const score = (text: string) =>
    h.scoreHeadline(headlineText(text).headline, title, strip, () => '');
  const labels = labelsOf(page, model);
  const candidates = headlineCandidates(page.units, labels);
  let kind: string;
  let where = '';
  if (candidates.some((c) => score(c.text).correct)) kind = 'candidate';
  else {
    const at = page.units.findIndex((u) => score(u.text).correct);
    if (at >= 0) {
      const unit = page.units[at]!;
      const total = page.units.reduce((s, u, i) => s + (labels[i] === 1 ? u.size : 0), 0);
      let above = 0;
      for (let i = 0; i < at; i++) if (labels[i] === 1) above += page.units[i]!.size;
      const opening = at === firstTitleIndex(page.units);
      kind =
        total > 0 && above / total > 0.5
          ? 'unit: past half the story'
          : unit.size > 30
            ? 'unit: over 30 words'
            : !titleLike(unit, opening)
              ? `unit: not title-like${unit.bullet ? ' (bullet)' : ''}${unit.boiler ? ` (${unit.boiler})` : ''}`
              : 'unit: other gate';
      where = `@${at} ${unit.text.slice(0, 100)}`;
    } else {
      const join = page.units.findIndex(
        (u, i) =>
          i + 1 < page.units.length && score(`${u.text} ${page.units[i + 1]!.text}`).correct,
      );
      if (join >= 0) {
        kind = 'join';
        where = `@${join} ${page.units[join]!.text.slice(0, 60)} ‖ ${page.units[join + 1]!.text.slice(0, 60)}`;
      } else {
        const want = h.tokenize(title).join(' ');
        const inside = page.units.findIndex((u) =>
          ` ${h.tokenize(u.text).join(' ')} `.includes(` ${want} `),
        );
        if (inside >= 0) {
          kind = 'inside';
          where = `@${inside} ${page.units[inside]!.text.slice(0, 120)}`;
        } else {
          let best = { f1: 0, at: -1 };
          page.units.forEach((u, i) => {
            const f1 = score(u.text).f1;
            if (f1 > best.f1) best = { f1, at: i };
          });
          kind = best.f1 >= 0.6 ? 'near (0.6–0.9)' : 'absent';
          if (best.at >= 0)
            where = `(${best.f1.toFixed(2)}) ${page.units[best.at]!.text.slice(0, 100)}`;
        }
      }
    }
  }
  const key = `${page.item.corpus} ${kind}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  if (kind !== 'candidate')
    lines.push(`${key.padEnd(40)} ${page.item.name}: "${title.slice(0, 80)}" ${where}`);
}
for (const [key, n] of [...counts].sort()) console.log(`${key.padEnd(40)} ${n}`);
if (args.includes('--list')) console.log(lines.sort().join('\n'));
