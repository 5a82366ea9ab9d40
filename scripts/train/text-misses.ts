/**
 * What the headline and byline choices get wrong, page by page, for reading misses by kind
 * (`npm run train -- --quick --misses <file>`: the pages of each fold, decided by the weights
 * fitted without it). Each record says what was picked, which candidates would have been
 * right (and where they ranked), where the expected value stands in the page when no
 * candidate has it, and the lines around both.
 */

import { type CompiledModel, linearScore } from '../../src/model/index.js';
import { bodyStartCandidates } from '../../src/text/body-start.js';
import { headlineCandidates } from '../../src/text/headline.js';
import { bylineCandidates, dateCandidates, isBylinePerson } from '../../src/text/meta-model.js';
import { headlineText } from '../../src/text/parse-text.js';
import { CONTENT } from '../../src/text/story.js';
import { compileTextModel, type TextWeights } from '../../src/text/text-model.js';
import {
  bodyStartRight,
  labelsOf,
  pageDateOptions,
  readPage,
  startCandidatesOf,
} from './text-fit.js';
import type { ScorerHelpers } from './text-labels.js';
import type { Page } from './text-pages.js';

export interface Miss {
  field: 'headline' | 'byline' | 'date' | 'start' | 'segments';
  key: string;
  name: string;
  expected: string | string[];
  picked: { index: number; text: string };
  /** Right candidates with their rank (0 = best) among the page's candidates. */
  right: Array<{ index: number; rank: number; text: string }>;
  candidates: number;
  /** When no candidate is right: units that hold the expected value (best F1 first). */
  found: Array<{ index: number; f1: number; text: string }>;
  regionStart: number;
  context: string[];
  /**
   * Headline and byline misses with a right candidate: the features that put the picked line
   * over the best right one, and those that spoke for the right one (weight × difference,
   * largest first).
   */
  why?: string;
}

/** The features whose weighted difference between `picked` and `right` is largest, either way. */
export function whyPicked(
  model: CompiledModel,
  picked: Float64Array,
  right: Float64Array,
  count = 6,
): string {
  const parts = model.names
    .map((name, f) => ({ name, d: model.weights[f]! * (picked[f]! - right[f]!) }))
    .filter(({ d }) => Math.abs(d) >= 0.05);
  const show = (list: typeof parts) =>
    list
      .slice(0, count)
      .map(({ name, d }) => `${name} ${d > 0 ? '+' : ''}${d.toFixed(2)}`)
      .join(', ');
  const over = parts.filter(({ d }) => d > 0).sort((a, b) => b.d - a.d);
  const under = parts.filter(({ d }) => d < 0).sort((a, b) => a.d - b.d);
  return `${show(over) || '—'} | for the right line: ${show(under) || '—'}`;
}

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

function around(page: Page, indices: readonly number[], labels: Uint8Array): string[] {
  const keep = new Set<number>();
  for (const i of indices)
    for (let j = Math.max(0, i - 3); j <= Math.min(page.units.length - 1, i + 3); j++) keep.add(j);
  const out: string[] = [];
  let last = -2;
  for (const j of [...keep].sort((a, b) => a - b)) {
    if (j !== last + 1) out.push('   …');
    const mark = indices.indexOf(j) === 0 ? '>' : indices.includes(j) ? '*' : ' ';
    out.push(
      `${mark}${String(j).padStart(4)}${labels[j] === 1 ? 'S' : ' '} ${clip(page.units[j]!.text)}`,
    );
    last = j;
  }
  return out;
}

/** Headline and byline misses of `pages` under `weights`. */
export function misses(pages: readonly Page[], weights: TextWeights, h: ScorerHelpers): Miss[] {
  const model = compileTextModel(weights);
  const out: Miss[] = [];
  for (const page of pages) {
    if (page.units.length === 0 || page.item.corpus === 'bbc' || page.key.startsWith('generated'))
      continue;
    const labels = labelsOf(page, model);
    const regionStart = Math.max(0, labels.indexOf(1));
    const candidates = headlineCandidates(page.units, labels)
      .map((c) => ({ ...c, score: linearScore(model.headline, c.features) }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    const headline = candidates[0]?.index ?? 0;
    const headlineLine = candidates[0]?.text ?? page.units[0]!.text;
    const title = page.item.truth.title;
    const strip = page.item.truth.stripTitleSuffix === true;
    const f1Of = (text: string) =>
      title ? h.scoreHeadline(headlineText(text).headline, title, strip, () => '') : undefined;
    if (title && !f1Of(headlineLine)!.correct) {
      const rightAt = candidates.findIndex((c) => f1Of(c.text)!.correct);
      const right = candidates
        .map((c, rank) => ({ index: c.index, rank, text: clip(c.text), full: c.text }))
        .filter((c) => f1Of(c.full)!.correct)
        .map(({ full: _, ...c }) => c);
      const found =
        right.length > 0
          ? []
          : page.units
              .map((u, index) => ({ index, f1: f1Of(u.text)!.f1, text: clip(u.text) }))
              .filter((u) => u.f1 >= 0.4)
              .sort((a, b) => b.f1 - a.f1)
              .slice(0, 3);
      out.push({
        field: 'headline',
        key: page.key,
        name: page.item.name,
        expected: title,
        picked: { index: headline, text: clip(headlineLine) },
        right,
        candidates: candidates.length,
        found,
        regionStart,
        context: around(
          page,
          [headline, ...(right[0] ? [right[0].index] : found.map((f) => f.index))],
          labels,
        ),
        ...(rightAt > 0
          ? {
              why: whyPicked(
                model.headline,
                candidates[0]!.features,
                candidates[rightAt]!.features,
              ),
            }
          : {}),
      });
    }
    if (page.date || page.dateAbsent) {
      const miss = dateMiss(page, headline, labels, regionStart, model, h);
      if (miss) out.push(miss);
    }
    const start = startMiss(page, model, h);
    if (start) out.push(start);
    const segments = segmentMiss(page, model);
    if (segments) out.push(segments);
    if (!page.names) continue;
    const bylines = bylineCandidates(page.units, headline, labels)
      .map((c) => ({ ...c, score: linearScore(model.byline, c.features) }))
      .sort((a, b) => b.score - a.score);
    const expected = new Set(page.names);
    const namesOf = (c: (typeof bylines)[number]) =>
      c.value
        ? c.value.contributors.filter(isBylinePerson).map((p) => h.tokenize(p.name).join(' '))
        : [];
    const rightOf = (c: (typeof bylines)[number]) => {
      const got = new Set(namesOf(c));
      if (got.size === 0) return expected.size === 0;
      let tp = 0;
      for (const name of got) if (expected.has(name)) tp++;
      return tp > 0 && (2 * tp) / (got.size + expected.size) >= 0.66;
    };
    const chosen = bylines[0]!;
    if (rightOf(chosen)) continue;
    const right = bylines
      .map((c, rank) => ({ c, rank }))
      .filter(({ c }) => rightOf(c))
      .map(({ c, rank }) => ({
        index: c.index,
        rank,
        text: c.index < 0 ? '(none)' : clip(page.units[c.index]!.text),
      }));
    const found: Miss['found'] = [];
    if (right.length === 0 && expected.size > 0) {
      const first = [...expected][0]!;
      page.units.forEach((u, index) => {
        if (found.length < 4 && ` ${h.tokenize(u.text).join(' ')} `.includes(` ${first} `))
          found.push({ index, f1: 0, text: clip(u.text) });
      });
    }
    out.push({
      field: 'byline',
      key: page.key,
      name: page.item.name,
      expected: page.names,
      picked: {
        index: chosen.index,
        text:
          chosen.index < 0
            ? '(none)'
            : `${clip(page.units[chosen.index]!.text)} → ${namesOf(chosen).join('; ')}`,
      },
      right,
      candidates: bylines.length,
      found,
      ...(right[0]
        ? {
            why: whyPicked(model.byline, chosen.features, bylines[right[0].rank]!.features),
          }
        : {}),
      regionStart,
      context: around(
        page,
        [
          headline,
          ...(chosen.index >= 0 ? [chosen.index] : []),
          ...(right[0] && right[0].index >= 0
            ? [right[0].index]
            : found.slice(0, 2).map((f) => f.index)),
        ],
        labels,
      ),
    });
  }
  return out;
}

/** The date miss of a page (undefined when the chosen candidate is right). */
function dateMiss(
  page: Page,
  headline: number,
  labels: Uint8Array,
  regionStart: number,
  model: ReturnType<typeof compileTextModel>,
  h: ScorerHelpers,
): Miss | undefined {
  const dates = dateCandidates(page.units, headline, labels, pageDateOptions(page))
    .map((c) => ({ ...c, score: linearScore(model.date, c.features) }))
    .sort((a, b) => b.score - a.score);
  const rightOf = (c: (typeof dates)[number]) =>
    c.value
      ? page.date !== undefined && h.scoreDate(page.date, c.value.value).correct
      : page.dateAbsent;
  const chosen = dates[0]!;
  if (rightOf(chosen)) return undefined;
  const right = dates
    .map((c, rank) => ({ c, rank }))
    .filter(({ c }) => rightOf(c))
    .map(({ c, rank }) => ({
      index: c.index,
      rank,
      text: c.index < 0 ? '(none)' : `${clip(page.units[c.index]!.text)} → ${c.value!.value}`,
    }));
  return {
    field: 'date',
    key: page.key,
    name: page.item.name,
    expected: page.date ?? '(none)',
    picked: {
      index: chosen.index,
      text:
        chosen.index < 0
          ? '(none)'
          : `${clip(page.units[chosen.index]!.text)} → ${chosen.value!.value}`,
    },
    right,
    candidates: dates.length,
    found: [],
    regionStart,
    context: around(
      page,
      [
        headline,
        ...(chosen.index >= 0 ? [chosen.index] : []),
        ...(right[0] && right[0].index >= 0 ? [right[0].index] : []),
      ],
      labels,
    ),
  };
}

/**
 * The body-start miss of a page (undefined when the chosen start is right or the truth cannot
 * say): the picked unit, the right candidates and their rank, `why:` the features that put the
 * picked unit over the best right one; when no candidate is right, where mercury's first words
 * stand in the page.
 */
function startMiss(
  page: Page,
  model: ReturnType<typeof compileTextModel>,
  h: ScorerHelpers,
): Miss | undefined {
  const read = readPage(page, model);
  const candidates = startCandidatesOf(page, read)
    .map((c) => ({ ...c, score: linearScore(model.bodyStart, c.features) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const truthRight = bodyStartRight(
    page,
    read.headline,
    candidates.map((c) => c.index),
    h,
  );
  const first = page.item.truth.firstWords;
  if (truthRight === undefined || (!first && !truthRight.some(Boolean))) return undefined;
  const chosen = candidates[0];
  if (chosen && truthRight[0]) return undefined;
  const right = candidates
    .map((c, rank) => ({ index: c.index, rank, text: clip(page.units[c.index]!.text) }))
    .filter((_, rank) => truthRight[rank]);
  const found: Miss['found'] = [];
  if (right.length === 0 && first) {
    const want = h.tokenize(first).slice(0, 5).join(' ');
    page.units.forEach((u, index) => {
      if (found.length < 3 && ` ${h.tokenize(u.text).join(' ')} `.includes(` ${want} `))
        found.push({ index, f1: 1, text: clip(u.text) });
    });
  }
  const best = right[0] ? candidates[right[0].rank] : undefined;
  return {
    field: 'start',
    key: page.key,
    name: page.item.name,
    expected: first ?? `unit ${right[0]?.index}`,
    picked: {
      index: chosen?.index ?? read.headline + 1,
      text: clip(page.units[chosen?.index ?? read.headline + 1]?.text ?? ''),
    },
    right,
    candidates: candidates.length,
    found,
    regionStart: read.headline,
    context: around(
      page,
      [
        chosen?.index ?? read.headline + 1,
        read.headline,
        ...(right[0] ? [right[0].index] : found.slice(0, 1).map((f) => f.index)),
      ],
      read.labels,
    ),
    ...(chosen && best ? { why: whyPicked(model.bodyStart, chosen.features, best.features) } : {}),
  };
}

/**
 * The segment misses of a trafilatura page (undefined when none): units labelled `without`
 * kept in the story, and `with` units left out, each placed before, inside or after the span of
 * the `with` units; the context marks each unit `+` (with), `-` (without) or ` ` (unknown) and
 * `S` when kept. The body start is applied as parseText applies it (units from it to the
 * region are story text).
 */
function segmentMiss(page: Page, model: ReturnType<typeof compileTextModel>): Miss | undefined {
  if (page.item.corpus !== 'trafilatura' || !page.content) return undefined;
  const read = readPage(page, model);
  const labels = read.labels.slice();
  const starts = bodyStartCandidates(
    page.units,
    read.headline,
    labels,
    read.bylineIndex,
    read.dateIndex,
  );
  let bodyStart = read.headline + 1;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const c of starts) {
    const score = linearScore(model.bodyStart, c.features);
    if (score > bestScore) [bodyStart, bestScore] = [c.index, score];
  }
  const regionStart = labels.indexOf(CONTENT);
  for (let i = bodyStart; i < Math.max(regionStart, 0); i++) labels[i] = CONTENT;
  const gold = page.content;
  const firstWith = gold.indexOf(1);
  const lastWith = gold.lastIndexOf(1);
  const where = (i: number) =>
    firstWith < 0 || i < firstWith ? 'before' : i > lastWith ? 'after' : 'inside';
  const kept: Record<string, number[]> = { before: [], inside: [], after: [] };
  const lost: number[] = [];
  gold.forEach((g, i) => {
    const story = labels[i] === CONTENT;
    if (g === 0 && story) kept[where(i)]!.push(i);
    else if (g === 1 && !story) lost.push(i);
  });
  const all = [...kept.before!, ...kept.inside!, ...kept.after!, ...lost];
  if (all.length === 0) return undefined;
  const lines: string[] = [];
  let last = -2;
  const show = new Set<number>();
  for (const i of all)
    for (let j = Math.max(0, i - 2); j <= Math.min(page.units.length - 1, i + 2); j++) show.add(j);
  for (const j of [...show].sort((a, b) => a - b)) {
    if (j !== last + 1) lines.push('   …');
    const g = gold[j] === 1 ? '+' : gold[j] === 0 ? '-' : ' ';
    const mark = all.includes(j) ? '>' : ' ';
    lines.push(
      `${mark}${g}${String(j).padStart(4)}${labels[j] === CONTENT ? 'S' : ' '} ${clip(page.units[j]!.text)}`,
    );
    last = j;
  }
  const count = (name: string) => `${name} ${kept[name]!.length}`;
  return {
    field: 'segments',
    key: page.key,
    name: page.item.name,
    expected: `without kept: ${count('before')}, ${count('inside')}, ${count('after')}; with lost: ${lost.length}`,
    picked: { index: read.headline, text: clip(page.units[read.headline]?.text ?? '') },
    right: [],
    candidates: 0,
    found: [],
    regionStart: bodyStart,
    context: lines,
  };
}

/** The misses as text, grouped by field and key. */
export function missesText(list: readonly Miss[]): string {
  const lines: string[] = [];
  const order = ['headline', 'byline', 'date', 'start', 'segments'];
  const sorted = [...list].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  for (const m of sorted) {
    lines.push(`## ${m.field} ${m.key} ${m.name}`);
    if (m.field === 'segments') {
      lines.push(m.expected as string, `body starts @${m.regionStart}`, ...m.context, '');
      continue;
    }
    lines.push(`expected: ${JSON.stringify(m.expected)}`);
    lines.push(`picked:   ${m.picked.index} ${m.picked.text}`);
    if (m.right.length > 0)
      lines.push(
        `right:    ${m.right.map((r) => `#${r.rank} @${r.index} ${r.text}`).join(' | ')} (of ${m.candidates})`,
      );
    else if (m.found.length > 0)
      lines.push(
        `no candidate; in page: ${m.found.map((f) => `@${f.index} (${f.f1.toFixed(2)}) ${f.text}`).join(' | ')}`,
      );
    else lines.push('no candidate; not in the page');
    if (m.why) lines.push(`why:      ${m.why}`);
    lines.push(`region starts @${m.regionStart}`, ...m.context, '');
  }
  return lines.join('\n');
}
