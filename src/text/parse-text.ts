import { checkTimeZone } from '../fields/parse-date.js';
import type { Article, ArticleType, Diagnostic, SourceMap, Wire } from '../schema/index.js';
import { deleteSource, setSource, sourceEntries, sourceOf } from '../schema/source-map.js';
import { isSignOff, type LeadParagraph, readBody, readCopyright } from './body.js';
import { bodyStartOf } from './body-start.js';
import { pageWritesDayFirst } from './day-order.js';
import { findDeck } from './deck.js';
import {
  datePublishedInferred,
  emptyInput,
  headlineInferred,
  lineDropped,
  linesLeftOut,
  missingHeadline,
} from './diagnostics.js';
import { firstTitleIndex, opensClean, rankHeadlines } from './headline.js';
import { rangeOf, splitLines } from './lines.js';
import { withLineMemo } from './memo.js';
import { applyChosenMeta, readAbove, readMetaZone } from './meta.js';
import { bylineCandidates, chooseMeta, dateCandidates } from './meta-model.js';
import { CONTRIBUTED, COPYRIGHT, correctionRow, HEADLINE_TAG, TAG_TYPES } from './patterns.js';
import type { Reading } from './reading.js';
import { CONTENT, contentScores, storyLabels } from './story.js';
import { defaultTextModel, type TextModel } from './text-model.js';
import { toUnits, type Unit } from './units.js';

function startOffset(diagnostic: Diagnostic): number {
  const place = diagnostic.place;
  if (!place) return -1;
  return ('start' in place ? place.start.offset : place.offset) ?? -1;
}

/** How many lines below the story a footer copyright notice is looked for. */
const FOOTER_REACH = 200;

/** Options for {@link parseText}. */
export interface ParseTextOptions {
  /**
   * IANA time zone for times printed without a zone, e.g. `America/New_York`. Default: none,
   * so such times are dropped and only the calendar date is kept. An unknown zone throws a
   * `TypeError`.
   */
  timeZone?: string;
  /**
   * The moment the text was captured, for relative dates (`2 hours ago`, `Yesterday`).
   * Default: none, so relative dates are ignored. A value that is no date throws a `TypeError`.
   */
  referenceDate?: Date | string;
  /**
   * Read `03/04/2024` as 3 April (`true`) or March 4 (`false`). Default: as the page writes its
   * dates: day first when more of its numeric dates can only be day first (`29/04/2024`) than
   * month first, and, with no such date either way, when the page is not in English.
   */
  dayFirst?: boolean;
  /** The file name, copied onto every diagnostic (as `validateArticle` does). Default: none. */
  file?: string;
  /** Look for the article inside a whole page (menus, footers, related links). Default `true`. */
  findArticle?: boolean;
}

/** The result of {@link parseText}. */
export interface ParseTextResult {
  /** The article, when a headline was found. */
  article?: Article;
  /** What was dropped or inferred (`info`), doubtful (`warning`) or missing (`error`). */
  diagnostics: Diagnostic[];
  /** Where each extracted field came from: `headline`, `byline`, `datePublished`, `body.3`, … */
  sources: SourceMap;
}

/**
 * Read an article from plain text: a page copied from a browser, wire copy, or clean
 * article text. Finds the article inside a whole page, picks the headline, reads the
 * byline, dates, dateline, captions, end credits, corrections and copyright, and drops
 * boilerplate (each dropped line is reported as an `info` diagnostic).
 *
 * Never throws on content: empty or headline-less input returns no article and an `error`
 * diagnostic (`empty-input`, `missing-headline`). Throws a `TypeError` on misuse only: a
 * non-string `text`, non-object `options`, an unknown `timeZone` or a `referenceDate` that is
 * no date.
 *
 * @example
 * const { article } = parseText('Harbour Authority Approves Night Ferries\n\nBy Dana Whitfield\n\nThe port board voted on Tuesday.')
 * article.headline //=> 'Harbour Authority Approves Night Ferries'
 * article.byline.contributors[0].name //=> 'Dana Whitfield'
 */
export function parseText(text: string, options: Readonly<ParseTextOptions> = {}): ParseTextResult {
  if (typeof text !== 'string') {
    throw new TypeError(
      `parseText: expected \`text\` to be a string, got ${text === null ? 'null' : typeof text}`,
    );
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError('parseText: expected `options` to be an object when given');
  }
  checkTimeZone(options.timeZone);
  const reference = options.referenceDate;
  const referenceDate =
    reference === undefined
      ? undefined
      : new Date(reference instanceof Date ? reference.getTime() : reference);
  if (referenceDate && Number.isNaN(referenceDate.getTime())) {
    throw new TypeError('parseText: unreadable `options.referenceDate`');
  }
  const result = withLineMemo(() => read(text, options, referenceDate));
  if (options.file !== undefined)
    for (const diagnostic of result.diagnostics) diagnostic.file = options.file;
  return result;
}

/**
 * Report what was left out as `info` diagnostics: lines between the headline and the body that
 * were not read as metadata, and the page furniture before and after the article.
 */
function reportLeftOut(reading: Reading, bodyStart: number, bodyEnd: number): void {
  const { units, sources, diagnostics, headlineIndex } = reading;
  // Lines between the headline and the body that were not read as metadata.
  const usedLines = new Set<number>();
  if (headlineIndex + 1 < bodyStart)
    for (const [, place] of sourceEntries(sources)) usedLines.add(place.start.line);
  for (let i = headlineIndex + 1; i < bodyStart; i++) {
    const unit = units[i]!;
    if (usedLines.has(unit.first.line)) continue;
    diagnostics.push(
      lineDropped(
        unit.boiler ?? 'page furniture',
        unit.text,
        ' under the headline',
        rangeOf(unit.first, unit.last),
      ),
    );
  }

  // Report what was left out around the article, as line ranges.
  // (No unit stands before the first: a headline there leaves nothing out above it.)
  const firstUsed = Math.min(
    headlineIndex,
    ...(headlineIndex === 0 ? [] : ['section', 'kicker', 'wire.slug']).flatMap((key) => {
      const at = sourceOf(sources, key)?.start.line;
      const unit = at === undefined ? -1 : units.findIndex((u) => u.first.line === at);
      return unit >= 0 ? [unit] : [];
    }),
  );
  if (firstUsed > 0) {
    const last = units[firstUsed - 1]!;
    diagnostics.push(
      linesLeftOut(
        firstUsed,
        'before the headline (navigation, menus)',
        rangeOf(units[0]!.first, last.last),
      ),
    );
  }
  if (bodyEnd < units.length - 1) {
    const count = units.length - 1 - bodyEnd;
    diagnostics.push(
      linesLeftOut(
        count,
        'after the article (related links, comments, footers)',
        rangeOf(units[bodyEnd + 1]!.first, units[units.length - 1]!.last),
      ),
    );
  }
}

/**
 * The headline's unit: the best-ranked title-like unit, or else the first line with words
 * (reported as `headline-inferred`, and the region then starts below it). -1 when no line has
 * letters or digits.
 */
function pickHeadline(
  units: readonly Unit[],
  start: number,
  diagnostics: Diagnostic[],
  model: TextModel,
  labels: Uint8Array | undefined,
): { headlineIndex: number; anchorIndex: number; regionStart: number; line: string | undefined } {
  let regionStart = start;
  let headlineIndex = -1;
  const ranked = rankHeadlines(units, labels, model.headline, model.anchor);
  const best = ranked[0];
  if (best) headlineIndex = best.index;
  // The line the byline and the date are looked for around: the anchor model's first.
  let anchor = best;
  for (const candidate of ranked) if (candidate.anchor! > anchor!.anchor!) anchor = candidate;
  if (headlineIndex < 0) {
    // No title-like line: fall back to the first line with words, and say so.
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!;
      if (!unit.boiler && /[\p{L}\p{N}]/u.test(unit.text)) {
        headlineIndex = i;
        break;
      }
    }
    // Every line with words is furniture (`Advertisement`): take the first one all the same.
    if (headlineIndex < 0)
      headlineIndex = units.findIndex((unit) => /[\p{L}\p{N}]/u.test(unit.text));
    if (headlineIndex >= 0) {
      const unit = units[headlineIndex]!;
      diagnostics.push(headlineInferred(rangeOf(unit.first, unit.last)));
      if (regionStart <= headlineIndex) regionStart = headlineIndex + 1;
    }
  }
  // `line`: the headline with a kicker or a site name cut off the unit's line.
  return {
    headlineIndex,
    anchorIndex: anchor ? anchor.index : headlineIndex,
    regionStart,
    line: best?.text,
  };
}

/**
 * The headline as printed, without wire tags (`UPDATE 2-`, `CORRECTED-`), which are returned
 * apart; a run-on line over 300 characters is cut at its first sentence, and `rest` (where the
 * cut is and what follows it) is read as the first paragraph.
 */
export function headlineText(text: string): {
  headline: string;
  tags: string[];
  rest?: { at: number; text: string };
} {
  let headline = text;
  let rest: { at: number; text: string } | undefined;
  if (headline.length > 300) {
    const sentence = /^.{20,280}?[.!?。！？](?=\s|$)/u.exec(headline.slice(0, 400));
    const cut = sentence ? sentence[0] : headline.slice(0, 280).replace(/\s+\S*$/u, '');
    headline = sentence ? cut : `${cut}…`;
    const after = text.slice(cut.length);
    const lead = after.length - after.trimStart().length;
    if (after.trim() !== '') rest = { at: cut.length + lead, text: after.trim() };
  }
  const tags: string[] = [];
  for (let guard = 0; guard < 3; guard++) {
    const tag = HEADLINE_TAG.exec(headline);
    if (!tag) break;
    tags.push(...tag[1]!.split(/\s*\/\s*/));
    headline = headline.slice(tag[0].length).trim();
  }
  return rest ? { headline, tags, rest } : { headline, tags };
}

function read(
  text: string,
  options: Readonly<ParseTextOptions>,
  referenceDate: Date | undefined,
): ParseTextResult {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceMap = {};
  const lines = splitLines(text);
  const units = toUnits(lines);
  if (units.length === 0) {
    diagnostics.push(emptyInput());
    return { diagnostics, sources };
  }
  const dateOptions = {
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    // Day-first numeric dates: any locale but `en-US` reads `03/04/2024` as 3 April.
    ...((options.dayFirst ?? pageWritesDayFirst(units)) ? { locale: 'en-GB' } : {}),
    ...(referenceDate ? { referenceDate } : {}),
  };

  // 1. The article region: each unit's content score, and the story labels decoded from them.
  const model = defaultTextModel();
  const scores = contentScores(units, model.content);
  for (let i = 0; i < units.length; i++) units[i]!.score = scores[i]!;
  const labels =
    options.findArticle === false
      ? new Uint8Array(units.length).fill(CONTENT)
      : storyLabels(scores, model.story, model.storyTransitions);
  let regionStart = labels.indexOf(CONTENT);
  let regionEnd = labels.lastIndexOf(CONTENT);
  if (regionStart < 0) [regionStart, regionEnd] = [0, units.length - 1];

  // 2. The headline: the best title-like unit just above the region (or at its top).
  const wire: Wire = {};
  const picked = pickHeadline(
    units,
    regionStart,
    diagnostics,
    model,
    options.findArticle === false ? undefined : labels,
  );
  const { headlineIndex, anchorIndex, line } = picked;
  regionStart = picked.regionStart;
  if (headlineIndex < 0) {
    diagnostics.push(missingHeadline(rangeOf(units[0]!.first, units[units.length - 1]!.last)));
    return { diagnostics, sources };
  }
  const headlineUnit = units[headlineIndex]!;
  const { headline, tags, rest } = headlineText(line ?? headlineUnit.text);
  let type: ArticleType | undefined;
  for (const tag of tags) type ??= TAG_TYPES[tag];
  if (tags.length > 0) wire.tags = tags;
  setSource(sources, 'headline', rangeOf(headlineUnit.first, headlineUnit.last));
  // The rest of a run-on headline line opens the body, so no text is lost.
  let lead: LeadParagraph | undefined;
  if (rest) {
    const { first, last } = headlineUnit;
    const place = sourceOf(sources, 'headline')!;
    // Exact columns when the unit is one line whose text is as written (no cleaning, no joins).
    if (first === last && first.end - first.start - first.lead === headlineUnit.text.length) {
      const at = first.start + first.lead + rest.at;
      const point = { line: first.line, column: 1 + first.lead + rest.at, offset: at };
      lead = { text: rest.text, place: { start: point, end: place.end } };
      setSource(sources, 'headline', { start: place.start, end: { ...point } });
    } else {
      lead = { text: rest.text, place };
    }
  }

  const reading: Reading = {
    units,
    sources,
    diagnostics,
    wire,
    dateOptions,
    headlineIndex,
    headline,
    type,
    bylineIndex: -1,
    dateIndex: -1,
    consumed: new Set(),
  };
  const storyLabelsOrNone = options.findArticle === false ? undefined : labels;
  // The byline and the date are chosen among the lines around the anchor (the headline a model
  // without the story-overlap features picks), so a headline that story words move does not
  // move where they are looked for.
  const bylineChoice = chooseMeta(
    bylineCandidates(units, anchorIndex, storyLabelsOrNone),
    model.byline,
  );
  const dateChoice = chooseMeta(
    dateCandidates(units, anchorIndex, storyLabelsOrNone, dateOptions),
    model.date,
  );
  if (bylineChoice.value) {
    reading.byline = bylineChoice.value;
    reading.bylineIndex = bylineChoice.index;
  }
  if (dateChoice.value) {
    reading.published = dateChoice.value;
    reading.dateIndex = dateChoice.index;
  }
  readAbove(reading);
  applyChosenMeta(reading);
  readMetaZone(reading);
  const { kicker, section } = reading;
  let { byline, published, modified } = reading;
  type = reading.type;
  // A text that opens with its headline is the article itself (clean copy, wire copy).
  const clean = headlineIndex === firstTitleIndex(units) && opensClean(units, headlineIndex);
  if (clean) {
    regionStart = headlineIndex + 1;
    regionEnd = units.length - 1;
  }
  // The body starts where the body-start model says; units from there to the story region
  // are story text whatever their labels.
  const chosenStart = bodyStartOf(
    units,
    headlineIndex,
    storyLabelsOrNone,
    reading.bylineIndex,
    reading.dateIndex,
    model.bodyStart,
  );
  const { deckIndex, bodyStart } = findDeck(reading, chosenStart);
  for (let i = bodyStart; i < Math.min(regionStart, units.length); i++) labels[i] = CONTENT;
  if (regionEnd < bodyStart) regionEnd = Math.min(units.length - 1, bodyStart);
  const deck = deckIndex >= 0 ? units[deckIndex]!.text : undefined;
  if (deck)
    setSource(
      sources,
      'alternativeHeadline',
      rangeOf(units[deckIndex]!.first, units[deckIndex]!.last),
    );

  // A text that opens with its headline is the article itself (clean copy, wire copy).
  if (headlineIndex === firstTitleIndex(units)) regionEnd = units.length - 1;

  // 5. Extend the region end over trailing credits, corrections and copyright.
  let bodyEnd = Math.max(regionEnd, bodyStart - 1);
  for (let i = bodyEnd + 1; i < Math.min(units.length, regionEnd + 6); i++) {
    const t = units[i]!.text;
    if (isSignOff(t) || CONTRIBUTED.test(t) || COPYRIGHT.test(t) || correctionRow(t) !== undefined)
      bodyEnd = i;
  }
  reportLeftOut(reading, bodyStart, bodyEnd);

  const { body, corrections, extra, copyright, dateline } = readBody(
    reading,
    bodyStart,
    bodyEnd,
    clean,
    lead,
    labels,
  );

  // A copyright line in the page footer, below what was read as the story.
  let notice = copyright;
  // A copyright line between the headline and the body, or in the page footer.
  const noticeLines = [];
  for (let i = headlineIndex + 1; i < bodyStart; i++)
    if (!reading.consumed.has(i)) noticeLines.push(i);
  for (let i = bodyEnd + 1; i < Math.min(units.length, bodyEnd + FOOTER_REACH); i++)
    noticeLines.push(i);
  for (const i of noticeLines) {
    if (notice) break;
    const unit = units[i]!;
    notice = readCopyright(unit.text);
    if (notice) setSource(sources, 'copyright', rangeOf(unit.first, unit.last));
  }

  if (!byline && extra.length > 0) {
    byline = { contributors: [] };
  }
  if (byline && extra.length > 0) {
    const named = new Set(byline.contributors.map((c) => c.name));
    for (const contributor of extra) {
      if (!named.has(contributor.name)) byline.contributors.push(contributor);
      named.add(contributor.name);
    }
  }

  const article: Article = { headline, type: type ?? 'NewsArticle', body };
  if (deck) article.alternativeHeadline = deck;
  if (kicker) article.kicker = kicker;
  if (section) article.section = section;
  if (byline && byline.contributors.length > 0) article.byline = byline;
  else deleteSource(sources, 'byline');
  if (dateline) article.dateline = dateline;
  const modifiedPlace = sourceOf(sources, 'dateModified');
  if (!published && modified && modifiedPlace) {
    published = modified;
    setSource(sources, 'datePublished', modifiedPlace);
    diagnostics.push(datePublishedInferred(modifiedPlace));
  }
  if (published) article.datePublished = published.value;
  if (modified) article.dateModified = modified.value;
  if (corrections.length > 0) article.corrections = corrections;
  if (notice) article.copyright = notice;
  if (wire.slug || wire.tags || wire.advisory) article.wire = wire;
  diagnostics.sort((a, b) => startOffset(a) - startOffset(b));
  return { article, diagnostics, sources };
}
