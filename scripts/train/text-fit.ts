/**
 * Fitting parseText's layout models, stage by stage as parseText applies them: the content
 * model and the story decoder, then the headline choice on the story labels the fitted content
 * model gives, then the byline and date choices around the headline the fitted headline model
 * picks. Each stage is trained on what the earlier stages really predict, so training sees the
 * same inputs parseText will. `evaluate` measures the same decisions on other pages.
 */
import type { FoundDate } from '../../src/fields/parse-date.js';
import {
  type CompiledModel,
  compileModel,
  type LinearModel,
  linearScore,
} from '../../src/model/index.js';
import type { Byline } from '../../src/schema/index.js';
import { IMAGE_LINE } from '../../src/text/body.js';
import {
  BODY_START_FEATURE_NAMES,
  bodyStartCandidates,
  deckAt,
  prose,
} from '../../src/text/body-start.js';
import { pageWritesDayFirst } from '../../src/text/day-order.js';
import { HEADLINE_FEATURE_NAMES, headlineCandidates } from '../../src/text/headline.js';
import {
  BYLINE_FEATURE_NAMES,
  bylineCandidates,
  DATE_FEATURE_NAMES,
  dateCandidates,
  isBylinePerson,
  type MetaCandidate,
} from '../../src/text/meta-model.js';
import { headlineText } from '../../src/text/parse-text.js';
import {
  CONTENT,
  CONTENT_FEATURES,
  contentFeatures,
  contentScores,
  hasCredit,
  type StoryDecoder,
  storyLabels,
  storyTransitions,
} from '../../src/text/story.js';
import { compileTextModel, type TextModel, type TextWeights } from '../../src/text/text-model.js';
import type { Unit } from '../../src/text/units.js';
import { type ChoiceGroup, type Example, fitChoice, fitLogistic } from './fit.js';
import { looseNorm, type ScorerHelpers } from './text-labels.js';
import type { Page } from './text-pages.js';

export interface TextFitOptions {
  /** L2 penalty of the content model. */
  l2: number;
  /** L2 penalty of the headline choice. */
  headlineL2: number;
  /** L2 penalty of the byline, date and body-start choices (each unless given its own). */
  metaL2: number;
  /** L2 penalty of the byline choice (default `metaL2`). */
  bylineL2?: number | undefined;
  /** L2 penalty of the date choice (default `metaL2`). */
  dateL2?: number | undefined;
  /** L2 penalty of the body-start choice (default `metaL2`). */
  bodyStartL2?: number | undefined;
  /**
   * Leave out of the body-start fit the mercury pages whose first words open with a caption or
   * credit (see {@link bodyStartRight}); measured in the fourteenth session, not the default.
   */
  skipCaptionStarts?: boolean | undefined;
  /**
   * Where a deck goes in the body-start labels, the same in every key (see {@link deckShape}):
   * `out`, a label on the deck moves to the lede under it (the deck is the article's
   * description, not body text); `in`, a label on the lede moves up to the deck. Undefined: each
   * corpus's own convention (sixteenth session, text-deck).
   */
  deck?: 'out' | 'in' | undefined;
  /**
   * How far the byline choice evens out the corpora: each key's pages weigh (mean / count)^x
   * (1: every key counts as much in total; 0: every page counts as much).
   */
  bylineBalance?: number | undefined;
  /** The same for the date choice. */
  dateBalance?: number | undefined;
  /** How much generated pages count, relative to one corpus. */
  generated: number;
  /**
   * The story decoder's bias, pinned (undefined, the default: fitted with the rest). Pinning
   * keeps a fit from trading it against new content features; it lowered the CV of main's
   * features, so it is an option for experiments.
   */
  storyBias?: number | undefined;
  /**
   * How far below the best mean token F1 the decoder's bias may fall to stand nearer 0 (see
   * {@link fitDecoder}; 0: the best on the grid).
   */
  storyBiasSlack?: number | undefined;
  /**
   * Content features fitted second, as a correction on the others held fixed (bias included):
   * the features that read only what lies past the story's first prose, so that where they
   * read 0 the scores, and so where the story starts, are what the other features make them.
   */
  contentLate?: readonly string[] | undefined;
  /**
   * With {@link contentLate}: the story decoder is fitted on the scores of the first content fit
   * (without the late features) and kept, so that a page where the late features read 0 is
   * decoded exactly as without them, and only pages where they act change labels.
   */
  decoderEarly?: boolean | undefined;
  /**
   * Headline features the anchor does not see besides {@link ANCHOR_HIDDEN}; with any given, the
   * body-start choice is fitted around the anchor's headline too, so adding headline features
   * leaves the other choices' weights as they were.
   */
  headlineHidden?: readonly string[] | undefined;
  /** Print what each stage learned. */
  log?: ((line: string) => void) | undefined;
}

/** How much one key's examples count besides balancing: generated pages by `generated`. */
function keyWeight(key: string, options: Pick<TextFitOptions, 'generated'>): number {
  return key.startsWith('generated/') ? options.generated : 1;
}

/** Weights that make every key's examples count as much in total, each example `units` times. */
function balance<T extends { key: string }>(
  items: readonly T[],
  size: (item: T) => number,
  options: Pick<TextFitOptions, 'generated'>,
  exponent = 1,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(item.key, (totals.get(item.key) ?? 0) + size(item));
  const mean = [...totals.values()].reduce((a, b) => a + b, 0) / Math.max(1, totals.size);
  const weights = new Map<string, number>();
  for (const [key, total] of totals)
    weights.set(key, total > 0 ? (mean / total) ** exponent * keyWeight(key, options) : 0);
  return weights;
}

// ----------------------------------------------------------------- what a page reads as

/** The date options parseText reads a page with by default (numeric dates in the page's order). */
export function pageDateOptions(page: Page): { locale?: string } {
  return pageWritesDayFirst(page.units) ? { locale: 'en-GB' } : {};
}

/** Set each unit's content score and return the page's story labels, as parseText does. */
export function labelsOf(page: Page, model: TextModel): Uint8Array {
  page.contentX ??= contentFeatures(page.units);
  const scores = contentScores(page.units, model.content, page.contentX);
  for (let i = 0; i < page.units.length; i++) page.units[i]!.score = scores[i]!;
  return storyLabels(scores, model.story, model.storyTransitions);
}

/** Which headline candidates the scorer would count right. */
function headlineRight(page: Page, texts: readonly string[], h: ScorerHelpers): boolean[] {
  const title = page.item.truth.title;
  if (!title) return texts.map(() => false);
  const strip = page.item.truth.stripTitleSuffix === true;
  return texts.map(
    (text) => h.scoreHeadline(headlineText(text).headline, title, strip, () => '').correct,
  );
}

/** Which byline candidates give the expected names (F1 ≥ 2/3); "none" is right when there are none. */
export function bylineRight(
  page: Page,
  candidates: readonly MetaCandidate<Byline>[],
  h: ScorerHelpers,
): boolean[] {
  const expected = new Set(page.names);
  return candidates.map(({ value }) => {
    if (!value) return expected.size === 0;
    const got = new Set(
      value.contributors.filter(isBylinePerson).map((c) => h.tokenize(c.name).join(' ')),
    );
    let tp = 0;
    for (const name of got) if (expected.has(name)) tp++;
    const fp = got.size - tp;
    const fn = expected.size - tp;
    return tp > 0 && (2 * tp) / (2 * tp + fp + fn) >= 0.66;
  });
}

/** Which date candidates the scorer would count right; "none" when the page prints no date. */
export function dateRight(
  page: Page,
  candidates: readonly MetaCandidate<FoundDate>[],
  h: ScorerHelpers,
): boolean[] {
  return candidates.map(({ value }) =>
    value
      ? page.date !== undefined && h.scoreDate(page.date, value.value).correct
      : page.dateAbsent,
  );
}

/** The headline parseText would pick with `model`: its unit and text (the first unit when no candidate). */
function headlineOf(
  candidates: ReadonlyArray<{ index: number; features: Float64Array; text: string }>,
  model: CompiledModel,
  units: readonly { text: string }[],
): { index: number; text: string } {
  let best = { index: 0, text: units[0]?.text ?? '' };
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const candidate of candidates) {
    const score = linearScore(model, candidate.features);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return { index: best.index, text: best.text };
}

function argmax(candidates: readonly { features: Float64Array }[], model: CompiledModel): number {
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  candidates.forEach((candidate, c) => {
    const score = linearScore(model, candidate.features);
    if (score > bestScore) [best, bestScore] = [c, score];
  });
  return best;
}

// ----------------------------------------------------------------- stages

/** A page's units as the decoder's tuning sees them: scores, gold labels and token counts. */
interface Scored {
  scores: Float64Array;
  gold: readonly number[];
  tokens: number[];
  weight: number;
}

/**
 * Weighted mean F1 of the decoded story against the gold labels (unknown units left out), each
 * unit counted by its `tokens` (words; 1 on trafilatura pages, whose metric counts segments).
 */
function decodedF1(pages: readonly Scored[], decoder: StoryDecoder): number {
  const transitions = storyTransitions(decoder);
  let sum = 0;
  let total = 0;
  for (const page of pages) {
    const f1 = storyF1(storyLabels(page.scores, decoder, transitions), page.gold, page.tokens);
    sum += page.weight * f1;
    total += page.weight;
  }
  return total ? sum / total : 0;
}

/** Token F1 of story labels against gold content labels (-1: unknown). */
export function storyF1(
  labels: Uint8Array,
  gold: readonly number[],
  tokens: readonly number[],
): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < labels.length; i++) {
    const g = gold[i]!;
    if (g < 0) continue;
    const predicted = labels[i] === CONTENT;
    const t = tokens[i]!;
    if (predicted && g === 1) tp += t;
    else if (predicted) fp += t;
    else if (g === 1) fn += t;
  }
  return tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
}

const DECODER_GRID: Record<keyof StoryDecoder, number[]> = {
  bias: [-2, -1.5, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 1.5, 2],
  scale: [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6],
  enter: [-4, -2, -1, 0, 1, 2, 3, 4, 6, 8, 12],
  leave: [0, 1, 2, 3, 4, 6, 8, 12],
  // The gap's two costs stay where every fit on token F1 put them: a free or cheap gap lets
  // prose furniture above the headline (a cookie notice, a sign-in prompt) into the story.
  gapOpen: [2],
  gapClose: [2],
  gapStay: [0, 0.125, 0.25, 0.5, 0.75, 1, 1.5],
};

/**
 * Coordinate search for the decoder's numbers (the gap's two costs fixed), maximising
 * {@link decodedF1}.
 */
function fitDecoder(pages: readonly Scored[], options: TextFitOptions): StoryDecoder {
  let best: StoryDecoder = {
    bias: options.storyBias ?? 0,
    scale: 1,
    enter: 2,
    leave: 2,
    gapOpen: 2,
    gapClose: 2,
    gapStay: 0,
  };
  let bestF1 = decodedF1(pages, best);
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const key of Object.keys(DECODER_GRID) as Array<keyof StoryDecoder>) {
      if (key === 'bias' && options.storyBias !== undefined) continue;
      for (const value of DECODER_GRID[key]) {
        const candidate = { ...best, [key]: value };
        const f1 = decodedF1(pages, candidate);
        if (f1 > bestF1 + 1e-6) [best, bestF1] = [candidate, f1];
        changed ||= best === candidate;
      }
    }
    if (!changed) break;
  }
  // The objective is nearly flat in the bias (the content model's intercept does its work), so
  // the best grid point wanders from fit to fit: take the bias nearest 0 that scores within the
  // slack of the best, the other numbers as searched.
  const slack = options.storyBiasSlack ?? 0;
  if (options.storyBias === undefined && slack > 0) {
    const near = [...DECODER_GRID.bias].sort((a, b) => Math.abs(a) - Math.abs(b) || b - a);
    for (const value of near) {
      const candidate = { ...best, bias: value };
      const f1 = decodedF1(pages, candidate);
      if (f1 >= bestF1 - slack) {
        [best, bestF1] = [candidate, f1];
        break;
      }
    }
  }
  options.log?.(`story decoder ${JSON.stringify(best)} (mean token F1 ${bestF1.toFixed(4)})`);
  return best;
}

/**
 * The content model: in one fit, or in two with {@link TextFitOptions.contentLate} second
 * (`first` is then the model of the first fit, the late features at 0).
 */
function fitContent(
  examples: readonly Example[],
  options: TextFitOptions,
): { model: LinearModel; first: LinearModel } {
  const names = CONTENT_FEATURES;
  const late = new Set(options.contentLate ?? []);
  for (const name of late)
    if (!names.includes(name)) throw new Error(`contentLate: no content feature ${name}`);
  if (late.size === 0) {
    const model = fitLogistic(examples, names, { l2: options.l2 });
    return { model, first: model };
  }
  const first = fitLogistic(examples, names, {
    l2: options.l2,
    free: [...names.map((name) => !late.has(name)), true],
  });
  const start = Float64Array.from([...names.map((name) => first.weights[name] ?? 0), first.bias]);
  const model = fitLogistic(examples, names, {
    l2: options.l2,
    start,
    free: [...names.map((name) => late.has(name)), false],
  });
  return { model, first };
}

/** The content model and the story decoder. */
export function fitStory(
  pages: readonly Page[],
  options: TextFitOptions,
): Pick<TextWeights, 'content' | 'story'> {
  const labelled = pages.filter((page) => page.content);
  const weights = balance(labelled, (page) => page.content!.filter((l) => l >= 0).length, options);
  const width = CONTENT_FEATURES.length;
  const examples: Example[] = [];
  const features = new Map<Page, Float64Array>();
  for (const page of labelled) {
    const weight = weights.get(page.key) ?? 1;
    page.contentX ??= contentFeatures(page.units);
    const x = page.contentX;
    features.set(page, x);
    page.content!.forEach((label, i) => {
      if (label < 0) return;
      examples.push({
        x: x.subarray(i * width, (i + 1) * width),
        y: label === 1 ? 1 : 0,
        // Long units count more: the body metrics count words.
        weight: weight * Math.log2(2 + page.units[i]!.size),
      });
    });
  }
  const { model: content, first } = fitContent(examples, options);
  const compiled = compileModel(options.decoderEarly ? first : content, CONTENT_FEATURES);
  const perPage = balance(labelled, () => 1, options);
  const scored: Scored[] = labelled.map((page) => ({
    scores: contentScores(page.units, compiled, features.get(page)),
    gold: page.content!,
    // trafilatura's truth is segments, scored by count: each labelled unit counts once there.
    tokens: page.units.map((unit) => (page.item.corpus === 'trafilatura' ? 1 : unit.size)),
    weight: perPage.get(page.key) ?? 1,
  }));
  return { content, story: fitDecoder(scored, options) };
}

/** A choice to learn: a page's candidates and which are right. */
export interface Keyed {
  key: string;
  group: ChoiceGroup;
}

export function fitKeyed(
  groups: readonly Keyed[],
  names: readonly string[],
  l2: number,
  options: Pick<TextFitOptions, 'generated'>,
  exponent = 1,
) {
  const weights = balance(groups, () => 1, options, exponent);
  return fitChoice(
    groups.map(({ key, group }) => ({ ...group, weight: (group.weight ?? 1) * weights.get(key)! })),
    names,
    { l2 },
  );
}

/**
 * Headline features the anchor does not read (see `TextWeights.anchor`): the ones that read the
 * story's words under a line, and those added since (`chrome`, `under-opening`, `in-list`,
 * `echoed`). The byline and date choices are fitted and run around the line the anchor picks, so
 * these features move the headline without moving where they look.
 */
export const ANCHOR_HIDDEN: readonly string[] = [
  'story-overlap-below',
  'repeated',
  'chrome',
  'under-opening',
  'in-list',
  'echoed',
];

/** Fit every model on `pages`. */
export function train(
  pages: readonly Page[],
  h: ScorerHelpers,
  options: TextFitOptions,
): TextWeights {
  const { content, story } = fitStory(pages, options);
  const empty = { bias: 0, weights: {} };
  let weights: TextWeights = {
    content,
    story,
    headline: empty,
    anchor: empty,
    byline: empty,
    date: empty,
    bodyStart: empty,
  };
  let model = compileTextModel(weights);

  const headlineGroups: Keyed[] = [];
  for (const page of pages) {
    if (!page.item.truth.title || page.units.length === 0) continue;
    const candidates = headlineCandidates(page.units, labelsOf(page, model));
    const positive = headlineRight(
      page,
      candidates.map((c) => c.text),
      h,
    );
    if (positive.some(Boolean))
      headlineGroups.push({
        key: page.key,
        group: { candidates: candidates.map((c) => c.features), positive },
      });
  }
  const headline = fitKeyed(headlineGroups, HEADLINE_FEATURE_NAMES, options.headlineL2, options);
  const hiddenNames = [...ANCHOR_HIDDEN, ...(options.headlineHidden ?? [])];
  const hidden = HEADLINE_FEATURE_NAMES.map((name) => hiddenNames.includes(name));
  // The anchor (see TextWeights.anchor): the headline choice with the hidden features read as 0.
  const anchor = hidden.some(Boolean)
    ? fitKeyed(
        headlineGroups.map(({ key, group }) => ({
          key,
          group: {
            ...group,
            candidates: group.candidates.map((x) =>
              Float64Array.from(x, (v, i) => (hidden[i] ? 0 : v)),
            ),
          },
        })),
        HEADLINE_FEATURE_NAMES,
        options.headlineL2,
        options,
      )
    : headline;
  // With `--headline-hidden`, the later stages also learn around the anchor's headline.
  weights = { ...weights, headline: options.headlineHidden?.length ? anchor : headline, anchor };
  model = compileTextModel(weights);

  const bylineGroups: Keyed[] = [];
  const dateGroups: Keyed[] = [];
  for (const page of pages) {
    if (page.units.length === 0) continue;
    const labels = labelsOf(page, model);
    const headline = headlineOf(
      headlineCandidates(page.units, labels),
      model.anchor,
      page.units,
    ).index;
    if (page.names) {
      const candidates = bylineCandidates(page.units, headline, labels);
      const positive = bylineRight(page, candidates, h);
      if (positive.some(Boolean))
        bylineGroups.push({
          key: page.key,
          group: {
            candidates: candidates.map((c) => c.features),
            positive,
            weight: page.bylineWeight,
          },
        });
    }
    if (page.date || page.dateAbsent) {
      const candidates = dateCandidates(page.units, headline, labels, pageDateOptions(page));
      const positive = dateRight(page, candidates, h);
      if (positive.some(Boolean))
        dateGroups.push({
          key: page.key,
          group: { candidates: candidates.map((c) => c.features), positive },
        });
    }
  }
  weights = {
    ...weights,
    byline: fitKeyed(
      bylineGroups,
      BYLINE_FEATURE_NAMES,
      options.bylineL2 ?? options.metaL2,
      options,
      options.bylineBalance,
    ),
    date: fitKeyed(
      dateGroups,
      DATE_FEATURE_NAMES,
      options.dateL2 ?? options.metaL2,
      options,
      options.dateBalance,
    ),
  };
  model = compileTextModel(weights);

  const startGroups: Keyed[] = [];
  for (const page of pages) {
    if (page.units.length === 0) continue;
    const read = readPage(page, model);
    const candidates = startCandidatesOf(page, read);
    let positive = bodyStartRight(
      page,
      read.headline,
      candidates.map((c) => c.index),
      h,
      options.skipCaptionStarts === true,
    );
    if (options.deck)
      positive = deckRelabel(
        page,
        read,
        candidates.map((c) => c.index),
        positive,
        options.deck,
      );
    if (positive?.some(Boolean))
      startGroups.push({
        key: page.key,
        group: { candidates: candidates.map((c) => c.features), positive },
      });
  }
  const perKey = new Map<string, number>();
  for (const { key } of startGroups) perKey.set(key, (perKey.get(key) ?? 0) + 1);
  options.log?.(
    `body-start pages: ${[...perKey]
      .sort()
      .map(([key, n]) => `${key} ${n}`)
      .join(', ')}`,
  );
  return {
    ...weights,
    headline,
    bodyStart: fitKeyed(
      startGroups,
      BODY_START_FEATURE_NAMES,
      options.bodyStartL2 ?? options.metaL2,
      options,
    ),
  };
}

/** What parseText's models read on a page: story labels, headline, chosen byline and date units. */
export function readPage(page: Page, model: TextModel) {
  const labels = labelsOf(page, model);
  const candidates = headlineCandidates(page.units, labels);
  const chosen = headlineOf(candidates, model.headline, page.units);
  const headline = chosen.index;
  const anchor = headlineOf(candidates, model.anchor, page.units).index;
  const bylines = bylineCandidates(page.units, anchor, labels);
  const dates = dateCandidates(page.units, anchor, labels, pageDateOptions(page));
  return {
    labels,
    headline,
    anchor,
    headlineText: chosen.text,
    bylines,
    dates,
    bylineIndex: bylines[argmax(bylines, model.byline)]!.index,
    dateIndex: dates[argmax(dates, model.date)]!.index,
  };
}

/** The body-start candidates of a page as {@link readPage} read it. */
export function startCandidatesOf(page: Page, read: ReturnType<typeof readPage>) {
  return bodyStartCandidates(
    page.units,
    read.headline,
    read.labels,
    read.bylineIndex,
    read.dateIndex,
  );
}

/**
 * Which units the body should start at: the unit that opens with mercury's first words, or
 * the first unit under the headline labelled story text. Undefined when the truth cannot say,
 * and, when `fitting`, on a mercury page whose first words open with a picture's caption or
 * credit ({@link captionStart}): Postlight's first words do on some pages, where a parser
 * should not start the body (../shared/eval/README.md), so the fit does not learn from them.
 */
export function bodyStartRight(
  page: Page,
  headline: number,
  indices: readonly number[],
  h: ScorerHelpers,
  fitting = false,
): boolean[] | undefined {
  const first = page.item.truth.firstWords;
  if (first) {
    const want = h.tokenize(first).slice(0, 5);
    if (want.length === 0) return undefined;
    const right = indices.map((i) => {
      const got = h.tokenize(page.units[i]!.text.slice(0, 400));
      return want.every((token, k) => got[k] === token);
    });
    const at = right.indexOf(true);
    if (fitting && at >= 0 && captionStart(page.units, indices[at]!)) return undefined;
    return right;
  }
  if (!page.content) return undefined;
  let start = -1;
  for (let i = headline + 1; i < page.units.length && start < 0; i++)
    if (page.content[i] === 1) start = i;
  if (start >= 0 && page.item.corpus === 'trafilatura' && !clearSegmentStart(page, headline, start))
    return undefined;
  return start < 0 ? undefined : indices.map((i) => i === start);
}

/**
 * The deck's shape under a headline, as parseText's body-start features read it
 * (src/text/body-start.ts `deckAt`, `prose`): the unit right below the headline reads as prose
 * (twelve words or more, or six ending a sentence; not the chosen byline or date line, not a
 * credit or caption), has at most 60 words, and furniture (credits, the byline or date, short
 * or mid-sized lines) stands between it and the next prose unit among the candidates, the lede.
 * Undefined when the page has no such shape.
 */
export function deckShape(
  units: readonly Unit[],
  read: { headline: number; bylineIndex: number; dateIndex: number },
  indices: readonly number[],
): { deck: number; lede: number } | undefined {
  const view = { units, ...read };
  const deck = read.headline + 1;
  if (!indices.includes(deck) || !deckAt(view, deck)) return undefined;
  const lede = indices.find((i) => i > deck && prose(view, i));
  return lede === undefined ? undefined : { deck, lede };
}

/** Counts of what {@link deckRelabel} did, per key (printed by text.ts). */
export const deckMoves = new Map<string, number>();

/**
 * A page's body-start labels with its deck put one way whatever the corpus says: `out`, a label
 * on the deck moves to the lede (the page is left out when the truth marks the lede as not
 * story text); `in`, a label on the lede moves up to the deck. Generated layouts and bbc keep
 * their labels: a generated page's truth knows its deck, and a lede over a picture takes the
 * deck's shape there.
 */
export function deckRelabel(
  page: Page,
  read: { headline: number; bylineIndex: number; dateIndex: number },
  indices: readonly number[],
  positive: boolean[] | undefined,
  deck: 'out' | 'in',
): boolean[] | undefined {
  // Generated layouts know their deck (left out of the body); bbc's stories print none.
  if (!positive?.some(Boolean) || page.key.startsWith('generated') || page.item.corpus === 'bbc')
    return positive;
  const shape = deckShape(page.units, read, indices);
  if (!shape) return positive;
  const [from, to] = deck === 'out' ? [shape.deck, shape.lede] : [shape.lede, shape.deck];
  if (!positive[indices.indexOf(from)]) return positive;
  const count = (what: string) =>
    deckMoves.set(`${page.key} ${what}`, (deckMoves.get(`${page.key} ${what}`) ?? 0) + 1);
  if (page.content?.[to] === 0) {
    count('left out');
    return undefined;
  }
  count('moved');
  return indices.map((i) => i === to);
}

/**
 * The content labels of the decks ({@link deckShape}, read with `model`: the shipped models) set
 * one way in every annotated corpus: 0 (`out`: not story text) or 1 (`in`), where the truth gave
 * the deck a label. Generated layouts and bbc keep theirs. Returns how many labels changed.
 */
export function deckContent(pages: readonly Page[], model: TextModel, deck: 'out' | 'in'): number {
  let changed = 0;
  for (const page of pages) {
    if (!page.content || page.key.startsWith('generated') || page.item.corpus === 'bbc') continue;
    if (page.units.length === 0) continue;
    const read = readPage(page, model);
    const shape = deckShape(
      page.units,
      read,
      startCandidatesOf(page, read).map((c) => c.index),
    );
    const want = deck === 'out' ? 0 : 1;
    if (!shape || page.content[shape.deck] === want || page.content[shape.deck] === -1) continue;
    page.content[shape.deck] = want;
    changed++;
  }
  return changed;
}

/**
 * Whether the unit a page's first words open is a picture's caption or credit (a credit in it,
 * a credit line under it, or an image line): Postlight's first words open with one on some
 * pages, where a parser should not start the body (../shared/eval/README.md).
 */
function captionStart(units: readonly Unit[], at: number): boolean {
  const unit = units[at]!;
  const next = units[at + 1];
  return (
    (unit.size <= 80 && hasCredit(unit.text)) ||
    IMAGE_LINE.test(unit.text) ||
    (next !== undefined && next.size <= 8 && (hasCredit(next.text) || IMAGE_LINE.test(next.text)))
  );
}

/**
 * Whether a trafilatura page's first `with` unit under the headline is surely where its story
 * starts: trafilatura's annotators quote a few phrases of the story, not always its opening,
 * so the unit counts only when every `with` phrase it holds is printed in no other unit, and no
 * unit between the headline and it reads as prose (twelve words or more, or six ending a
 * sentence) that is not marked `without`: such a unit may be the story's unquoted opening.
 */
function clearSegmentStart(page: Page, headline: number, start: number): boolean {
  const keys = page.units.map((unit) => looseNorm(unit.text));
  const held = (page.item.truth.with ?? [])
    .map(looseNorm)
    .filter((phrase) => phrase.trim().length > 0 && keys[start]!.includes(phrase));
  if (held.length === 0) return false;
  if (held.some((phrase) => keys.some((key, i) => i !== start && key.includes(phrase))))
    return false;
  for (let i = headline + 1; i < start; i++) {
    const unit = page.units[i]!;
    const prose = unit.size >= 12 || (unit.size >= 6 && unit.sentence);
    if (prose && page.content![i] !== 0) return false;
  }
  return true;
}

// ----------------------------------------------------------------- evaluation

/** Per key: story token F1 (mean), and right / asked for each choice. */
export interface Evaluation {
  story: [number, number];
  headline: [number, number];
  byline: [number, number];
  date: [number, number];
  bodyStart: [number, number];
}

/**
 * How `weights` decide on `pages`, per key, against the labels: mean story token F1, headline
 * right / titled pages, byline right / pages with known names (no byline included), date
 * right / pages with a known date or none. Close to the scorers' figures, without a build.
 */
export function evaluate(
  pages: readonly Page[],
  weights: TextWeights,
  h: ScorerHelpers,
): Map<string, Evaluation> {
  const model = compileTextModel(weights);
  const out = new Map<string, Evaluation>();
  for (const page of pages) {
    if (page.units.length === 0) continue;
    let e = out.get(page.key);
    if (!e) {
      e = { story: [0, 0], headline: [0, 0], byline: [0, 0], date: [0, 0], bodyStart: [0, 0] };
      out.set(page.key, e);
    }
    const read = readPage(page, model);
    if (page.content) {
      e.story[0] += storyF1(
        read.labels,
        page.content,
        page.units.map((u) => u.size),
      );
      e.story[1]++;
    }
    if (page.item.truth.title) {
      e.headline[0] += headlineRight(page, [read.headlineText], h)[0] ? 1 : 0;
      e.headline[1]++;
    }
    if (page.names) {
      e.byline[0] += bylineRight(page, read.bylines, h)[argmax(read.bylines, model.byline)] ? 1 : 0;
      e.byline[1]++;
    }
    if (page.date || page.dateAbsent) {
      e.date[0] += dateRight(page, read.dates, h)[argmax(read.dates, model.date)] ? 1 : 0;
      e.date[1]++;
    }
    const starts = startCandidatesOf(page, read);
    const right = bodyStartRight(
      page,
      read.headline,
      starts.map((c) => c.index),
      h,
    );
    if (right?.some(Boolean)) {
      e.bodyStart[0] += right[argmax(starts, model.bodyStart)] ? 1 : 0;
      e.bodyStart[1]++;
    }
  }
  return out;
}

/** Sum evaluations (of several folds). */
export function addEvaluations(into: Map<string, Evaluation>, more: Map<string, Evaluation>): void {
  for (const [key, e] of more) {
    const to = into.get(key);
    if (!to) {
      into.set(key, structuredClone(e));
      continue;
    }
    for (const part of ['story', 'headline', 'byline', 'date', 'bodyStart'] as const) {
      to[part][0] += e[part][0];
      to[part][1] += e[part][1];
    }
  }
}

/** A table of evaluations: train and held-out side by side. */
export function evaluationTable(
  train: Map<string, Evaluation>,
  test: Map<string, Evaluation>,
): string {
  const f = ([a, b]: [number, number]) => (b ? (a / b).toFixed(3) : '  —  ');
  const lines = [
    'key                     story (train/CV)   headline        byline          date            body start',
  ];
  for (const key of [...test.keys()].sort()) {
    const t = train.get(key)!;
    const c = test.get(key)!;
    lines.push(
      `${key.padEnd(24)}${f(t.story)}/${f(c.story)}     ${f(t.headline)}/${f(c.headline)}   ${f(t.byline)}/${f(c.byline)}   ${f(t.date)}/${f(c.date)}   ${f(t.bodyStart)}/${f(c.bodyStart)}`,
    );
  }
  return lines.join('\n');
}
