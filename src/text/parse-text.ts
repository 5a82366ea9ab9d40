import type {
  Article,
  ArticleType,
  Block,
  Byline,
  Contributor,
  Copyright,
  Correction,
  Dateline,
  Diagnostic,
  Section,
  SourceMap,
  Wire,
} from '../schema/index.js';
import { isPersonName, readByline } from './byline.js';
import { isCaption, readCaption, readCredit } from './caption.js';
import { findDateline } from './dateline.js';
import { type FoundDate, findDate } from './dates.js';
import { textDiagnostic } from './diagnostics.js';
import { firstTitleIndex, kickerOf, opensClean, rankHeadlines, titleScore } from './headline.js';
import { type Line, rangeOf, splitLines } from './lines.js';
import { withLineMemo } from './memo.js';
import {
  ADVISORY,
  BYLINE_INTRO,
  CONTRIBUTED,
  COPYRIGHT,
  CREDIT_ROLES,
  correctionRow,
  HEADLINE_TAG,
  SIGN_OFF,
  SLUG,
  TAG_TYPES,
} from './patterns.js';
import {
  BREADCRUMB_SPLIT,
  HOME,
  LETTER,
  mainRegion,
  RELATIVE,
  TERMINAL,
  toUnits,
} from './units.js';

/** Furniture characters before a byline: `// By …`, `• By …`. */
const LEADING_JUNK = /^[/|•·»>\-–—\s]+/u;

function startOffset(diagnostic: Diagnostic): number {
  const place = diagnostic.place;
  if (!place) return -1;
  return ('start' in place ? place.start.offset : place.offset) ?? -1;
}

/** Lines that stand for a lead image: credits and viewer buttons. */
const IMAGE_LINE =
  /^(?:\[(?:photo|image|picture|illustration)s?:[^\]]{1,80}\]|view images?|enlarge this image|(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video) (?:by|courtesy of|credit:?)\s.{2,80}|(?:photo|image|picture) credit:?\s.{2,80}|getty images|ap photo.{0,60})$/i;

/** A credit on a line of its own; group 1 is the credit. */
const CREDIT_LINE =
  /^(?:(?:photo(?:graph)?s?|pictures?|images?|illustrations?) (?:by|courtesy of)\s|(?:photo|image|picture) credit:?\s)(.{2,80})$/i;

const DIGITS = /\d/;

/** `Will Leitch/November 18, 2016`, `Ana Ruiz | March 3, 2026`: a name, then a date. */
function nameThenDate(text: string): boolean {
  if (text.length > 90 || !DIGITS.test(text)) return false;
  const date = findDate(text);
  if (!date || date.index < 5) return false;
  return isPersonName(text.slice(0, date.index).replace(/[\s/|,·•–—-]+$/u, ''));
}

const SUMMARY = /^(?:summary|in brief|at a glance|tl;dr|zusammenfassung|résumé|resumen)\s*:?$/i;

/** Options for {@link parseText}. */
export interface ParseTextOptions {
  /**
   * IANA time zone for times printed without a zone, e.g. `America/New_York`. Default: none,
   * so such times are dropped and only the calendar date is kept.
   */
  timeZone?: string;
  /**
   * The moment the text was captured, for relative dates (`2 hours ago`, `Yesterday`).
   * Default: none, so relative dates are ignored.
   */
  referenceDate?: Date | string;
  /** Read `03/04/2024` as 3 April. Default `false` (month first unless the first number is > 12). */
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

/** Split a breadcrumb line into crumbs, or undefined when it is not one. */
function crumbsOf(text: string, headline: string): string[] | undefined {
  if (text.length > 300) return undefined;
  if (headline && text.endsWith(headline) && text.length > headline.length) {
    const rest = text.slice(0, text.length - headline.length).trim();
    const words = rest
      .replace(/[>›»/|→]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
    if (words.length >= 1 && words.length <= 8 && HOME.test(words[0]!)) {
      const crumbs = rest
        .split(BREADCRUMB_SPLIT)
        .map((c) => c.trim())
        .filter(Boolean);
      if (crumbs.length > 1) return crumbs.filter((c) => !HOME.test(c));
      return words.slice(1).length > 0 ? [words.slice(1).join(' ')] : undefined;
    }
  }
  if (!/[>›»→]/.test(text) && !/^(?:home|start)\s*[/|]/i.test(text)) return undefined;
  const crumbs = text
    .split(BREADCRUMB_SPLIT)
    .map((c) => c.trim())
    .filter(Boolean);
  if (crumbs.length < 2 || crumbs.some((c) => c.length > 60)) return undefined;
  return crumbs.filter((c) => !HOME.test(c) && c !== headline);
}

function relativeDate(text: string, reference: Date | undefined): string | undefined {
  if (!reference) return undefined;
  const match = RELATIVE.exec(text);
  if (!match) return undefined;
  let ms = reference.getTime();
  if (match[3]) ms -= match[3].toLowerCase() === 'yesterday' ? 86_400_000 : 0;
  else
    ms -=
      Number(match[1]) *
      ({ minute: 60_000, hour: 3_600_000, day: 86_400_000 }[match[2]!.toLowerCase() as 'minute'] ??
        0);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Read a byline, or the `By …` segment of a metadata line (`Le Monde | 4 May | Par Ana Ruiz`). */
function readSegments(text: string): ReturnType<typeof readByline> {
  if (text.length <= 300 && !BYLINE_INTRO.test(text) && SEGMENT.test(text)) {
    for (const segment of text.split(SEGMENT)) {
      if (!BYLINE_INTRO.test(segment)) continue;
      const read = readByline(segment);
      if (read.contributors.length > 0) return read;
    }
  }
  return readByline(text);
}

const SEGMENT = /\s+[|•·]\s+/u;

/** A sign-off is set apart: in parentheses, split by semicolons, or short. */
function isSignOff(text: string): boolean {
  return SIGN_OFF.test(text) && (text.startsWith('(') || text.includes(';') || text.length <= 90);
}

/** Read Reuters sign-offs and `… contributed to this report.` into contributors. */
function endCredits(text: string): Contributor[] | undefined {
  const clean = text.replace(/^\(|\)\.?$/g, '').trim();
  if (isSignOff(text)) {
    const contributors: Contributor[] = [];
    for (const part of clean.split(/\s*;\s*/)) {
      const rule = CREDIT_ROLES.find((r) => r.pattern.test(part));
      if (!rule) continue;
      contributors.push(...readByline(part.replace(rule.pattern, ''), rule.role).contributors);
    }
    return contributors.length > 0 ? contributors : undefined;
  }
  const contributed = /contribut/i.test(clean) ? CONTRIBUTED.exec(clean) : null;
  if (contributed) {
    const who = contributed[1]!.replace(
      /^(?:the )?(?:associated press|ap|reuters|afp)\s+(?:writers?|reporters?|correspondents?)\s+/i,
      '',
    );
    const contributors = readByline(who, 'contributor').contributors.filter(
      (c) => c.type === 'Person',
    );
    return contributors.length > 0 ? contributors : undefined;
  }
  return undefined;
}

/**
 * Read an article from plain text: a page copied from a browser, wire copy, or clean
 * article text. Finds the article inside a whole page, picks the headline, reads the
 * byline, dates, dateline, captions, end credits, corrections and copyright, and drops
 * boilerplate (each dropped line is reported as an `info` diagnostic).
 *
 * Never throws on content: empty or headline-less input returns no article and an `error`
 * diagnostic (`empty-input`, `missing-headline`).
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
  const result = withLineMemo(() => read(text, options));
  if (options.file !== undefined)
    for (const diagnostic of result.diagnostics) diagnostic.file = options.file;
  return result;
}

function read(text: string, options: Readonly<ParseTextOptions>): ParseTextResult {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceMap = {};
  const lines = splitLines(text);
  const units = toUnits(lines);
  if (units.length === 0) {
    diagnostics.push(
      textDiagnostic('empty-input', 'The text is empty: there is no headline or body to read'),
    );
    return { diagnostics, sources };
  }
  const dateOptions = {
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.dayFirst ? { dayFirst: true } : {}),
  };
  const reference =
    options.referenceDate === undefined
      ? undefined
      : new Date(
          options.referenceDate instanceof Date
            ? options.referenceDate.getTime()
            : options.referenceDate,
        );
  const referenceOk = reference && !Number.isNaN(reference.getTime()) ? reference : undefined;

  // 1. The article region.
  let [regionStart, regionEnd] =
    options.findArticle === false ? [0, units.length - 1] : mainRegion(units);
  if (units[regionStart]!.score <= 0 && regionStart === regionEnd)
    [regionStart, regionEnd] = [0, units.length - 1];

  // 2. The headline: the best title-like unit just above the region (or at its top).
  const wire: Wire = {};
  let headlineIndex = -1;
  const ranked = rankHeadlines(units, regionStart, regionEnd);
  if (ranked.length > 0) headlineIndex = ranked[0]!.index;
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
      diagnostics.push(
        textDiagnostic(
          'headline-inferred',
          'No title-like line found: the first line with words was taken as the headline',
          rangeOf(unit.first, unit.last),
          ['headline'],
        ),
      );
      if (regionStart <= headlineIndex) regionStart = headlineIndex + 1;
    }
  }
  if (headlineIndex < 0) {
    diagnostics.push(
      textDiagnostic(
        'missing-headline',
        'No headline found: the text has no line with letters or digits',
        rangeOf(units[0]!.first, units[units.length - 1]!.last),
        ['headline'],
      ),
    );
    return { diagnostics, sources };
  }
  const headlineUnit = units[headlineIndex]!;
  let headline = headlineUnit.text;
  if (headline.length > 300) {
    const sentence = /^.{20,280}?[.!?。！？](?=\s|$)/u.exec(headline.slice(0, 400));
    headline = sentence ? sentence[0] : `${headline.slice(0, 280).replace(/\s+\S*$/u, '')}…`;
  }
  let type: ArticleType | undefined;
  const tags: string[] = [];
  for (let guard = 0; guard < 3; guard++) {
    const tag = HEADLINE_TAG.exec(headline);
    if (!tag) break;
    tags.push(...tag[1]!.split(/\s*\/\s*/));
    headline = headline.slice(tag[0].length).trim();
  }
  for (const tag of tags) type ??= TAG_TYPES[tag];
  if (tags.length > 0) wire.tags = tags;
  sources.headline = rangeOf(headlineUnit.first, headlineUnit.last);

  // 3. Above the headline: kicker, breadcrumb, slug.
  let kicker: string | undefined;
  let section: Section | undefined;
  for (let i = headlineIndex - 1; i >= Math.max(0, headlineIndex - 6); i--) {
    const unit = units[i]!;
    if (i >= headlineIndex - 2 && !kicker) {
      const found = kickerOf(unit.text);
      if (found) {
        kicker = unit.text.replace(/[:|]$/, '').trim();
        type ??= found.type;
        sources.kicker = rangeOf(unit.first, unit.last);
        continue;
      }
    }
    if (!wire.slug && SLUG.test(unit.text)) {
      wire.slug = unit.text;
      sources['wire.slug'] = rangeOf(unit.first, unit.last);
      continue;
    }
    if (!section) {
      const crumbs = crumbsOf(unit.text, headline);
      if (crumbs && crumbs.length > 0) {
        section = { name: crumbs[crumbs.length - 1]!, path: crumbs };
        sources.section = rangeOf(unit.first, unit.last);
      }
    }
  }

  // 4. Under the headline: deck, byline, dates, advisory.
  let byline: Byline | undefined;
  let published: FoundDate | undefined;
  let modified: FoundDate | undefined;
  let deckIndex = -1;
  let lastMeta = headlineIndex;
  let sentences = 0;
  const zoneEnd = Math.min(units.length - 1, headlineIndex + 10);
  for (let i = headlineIndex + 1; i <= zoneEnd; i++) {
    const unit = units[i]!;
    const t = unit.text;
    if (unit.boiler) continue;
    if (t.length > 400) break;
    if (ADVISORY.test(t)) {
      wire.advisory = t;
      sources['wire.advisory'] = rangeOf(unit.first, unit.last);
      lastMeta = i;
      continue;
    }
    if (!kicker && i === headlineIndex + 1 && kickerOf(t)) continue;
    let meta = false;
    const segmented = t.length <= 300 && SEGMENT.test(t);
    const date = t.length <= 200 ? findDate(t, dateOptions) : undefined;
    // A metadata line of segments: `Le Monde | 04.05.2015 • Mis à jour le 05.05.2015 | Par …`.
    if (segmented && date) {
      for (const segment of t.split(SEGMENT)) {
        const found = findDate(segment, dateOptions);
        if (!found || segment.length - found.length > 40) continue;
        if (found.label === 'updated') {
          if (!modified) {
            modified = found;
            sources.dateModified = rangeOf(unit.first, unit.last);
          }
        } else if (!published) {
          published = found;
          sources.datePublished = rangeOf(unit.first, unit.last);
        }
        meta = true;
      }
    }
    const relative =
      !date && t.length < 80
        ? relativeDate(t.replace(/^(?:updated|published|posted)\s*:?\s*/i, ''), referenceOk)
        : undefined;
    if (date || relative) {
      const found: FoundDate = date ?? { value: relative!, index: 0, length: t.length };
      const onlyDate = t.length - found.length < 60;
      if (onlyDate || found.label) {
        if (found.label === 'updated' && !modified) {
          modified = found;
          sources.dateModified = rangeOf(unit.first, unit.last);
        } else if (!published) {
          published = found;
          sources.datePublished = rangeOf(unit.first, unit.last);
        } else if (!modified && found.value !== published.value) {
          modified = found;
          sources.dateModified = rangeOf(unit.first, unit.last);
        }
        meta = true;
      }
    }
    if (
      !byline &&
      t.length <= 200 &&
      (BYLINE_INTRO.test(t) ||
        (t.length <= 90 && !TERMINAL.test(t)) ||
        (segmented && t.split(SEGMENT).some((segment) => BYLINE_INTRO.test(segment))))
    ) {
      const read = readSegments(t);
      const nameOnly = isPersonName(t.replace(/\s+[-–—|•·]\s.*$/u, '').trim());
      if (
        read.contributors.length > 0 &&
        (read.intro || nameOnly || meta || /[,|/]/.test(t) || read.contributors.length >= 2)
      ) {
        const plausible =
          read.intro ||
          nameOnly ||
          read.contributors.some((c) => t.startsWith(c.name)) ||
          (date !== undefined && date.index <= 2) ||
          t.toUpperCase() === t;
        if (plausible) {
          byline = { text: t, contributors: read.contributors };
          if (/^posted by\s/i.test(t)) type ??= 'BlogPosting';
          sources.byline = rangeOf(unit.first, unit.last);
          meta = true;
        }
      }
    }
    if (meta) {
      lastMeta = i;
      continue;
    }
    if (unit.sentence && unit.size >= 4) {
      sentences++;
      if (sentences > 2 || unit.size > 60) break;
      continue;
    }
    if (unit.score < 0 && unit.size <= 8) continue;
  }
  // A byline or date printed further down (after share buttons, a lead image, a first paragraph).
  const consumed = new Set<number>();
  const lateEnd = Math.min(units.length - 1, headlineIndex + 60);
  const lateOrder: number[] = [];
  for (let i = headlineIndex - 1; i >= Math.max(0, headlineIndex - 8); i--) lateOrder.push(i);
  for (let i = zoneEnd + 1; i <= lateEnd; i++) lateOrder.push(i);
  for (const i of lateOrder) {
    if (byline && published) break;
    const unit = units[i]!;
    const t = unit.text.replace(LEADING_JUNK, '');
    if (t.length > 200 || unit.boiler) continue;
    if (!byline && (BYLINE_INTRO.test(t) || nameThenDate(t))) {
      const read = readSegments(t);
      if (read.contributors.length > 0) {
        byline = { text: t, contributors: read.contributors };
        sources.byline = rangeOf(unit.first, unit.last);
        consumed.add(i);
      }
    }
    if (!published && !modified) {
      const date = findDate(t, dateOptions);
      if (date && (date.label || date.length >= t.length * 0.5 || consumed.has(i))) {
        if (date.label === 'updated') {
          modified = date;
          sources.dateModified = rangeOf(unit.first, unit.last);
        } else {
          published = date;
          sources.datePublished = rangeOf(unit.first, unit.last);
        }
        consumed.add(i);
      }
    }
  }
  // A text that opens with its headline is the article itself (clean copy, wire copy).
  const clean = headlineIndex === firstTitleIndex(units) && opensClean(units, headlineIndex);
  if (clean) {
    regionStart = headlineIndex + 1;
    regionEnd = units.length - 1;
  }
  let bodyStart = Math.max(headlineIndex + 1, regionStart);
  if (lastMeta > headlineIndex) {
    for (let i = headlineIndex + 1; i < lastMeta && deckIndex < 0; i++) {
      const unit = units[i]!;
      const t = unit.text;
      if (unit.size < 4 || unit.boiler || unit.bullet || t.length > 400 || ADVISORY.test(t))
        continue;
      if (findDate(t) || BYLINE_INTRO.test(t) || isCaption(t) || kickerOf(t)) continue;
      if (titleScore(unit) === Number.NEGATIVE_INFINITY && !unit.sentence) continue;
      deckIndex = i;
    }
    bodyStart = Math.max(bodyStart, lastMeta + 1);
  }
  if (headlineIndex >= regionStart) bodyStart = Math.max(bodyStart, headlineIndex + 1);
  // A byline or date found a few lines into the body: what stands above it is the deck.
  const below = [...consumed].filter((index) => index > headlineIndex);
  const lateMeta = Math.min(...below);
  if (below.length > 0 && lateMeta > bodyStart && lateMeta - bodyStart <= 3) {
    for (let i = bodyStart; i < lateMeta && deckIndex < 0; i++) {
      const unit = units[i]!;
      if (!unit.boiler && !unit.bullet && unit.size >= 4 && unit.text.length <= 400) deckIndex = i;
    }
    bodyStart = Math.max(...below) + 1;
  }
  // A labelled summary under the headline: `Summary:` and the paragraph after it.
  for (let summary = Math.max(headlineIndex, lastMeta) + 1; summary <= bodyStart + 2; summary++) {
    if (deckIndex >= 0 || !units[summary + 1]) break;
    if (SUMMARY.test(units[summary]!.text) && units[summary + 1]!.sentence) {
      deckIndex = summary + 1;
      bodyStart = Math.max(bodyStart, summary + 2);
    }
  }
  // A standfirst under the headline, set apart from the story by a lead image's credit or
  // caption: `Deck sentence.` / `Photograph by …` / `First paragraph …`.
  if (!clean && deckIndex < 0 && bodyStart === headlineIndex + 1) {
    const first = units[bodyStart];
    if (first?.sentence && first.size >= 6 && first.size <= 45 && !first.boiler) {
      for (let j = bodyStart + 1; j <= Math.min(units.length - 2, bodyStart + 3); j++) {
        const unit = units[j]!;
        const furniture =
          IMAGE_LINE.test(unit.text) ||
          (unit.size <= 60 && isCaption(unit.text)) ||
          (j === bodyStart + 1 &&
            !unit.bullet &&
            (unit.size <= 3 || (unit.size <= 5 && !unit.sentence)));
        if (!furniture && unit.score >= 0) break;
        let story = j + 1;
        while (
          story < Math.min(units.length - 1, j + 4) &&
          units[story]!.score <= 0 &&
          units[story]!.size <= 1
        )
          story++;
        if (furniture && units[story]!.score > 0) {
          deckIndex = bodyStart;
          const shortJunk = !IMAGE_LINE.test(unit.text) && !isCaption(unit.text);
          bodyStart = shortJunk ? j + 1 : bodyStart + 1;
          break;
        }
      }
    }
  }
  const deck = deckIndex >= 0 ? units[deckIndex]!.text : undefined;
  if (deck && deckIndex >= 0)
    sources.alternativeHeadline = rangeOf(units[deckIndex]!.first, units[deckIndex]!.last);

  // A text that opens with its headline is the article itself (clean copy, wire copy).
  if (headlineIndex === firstTitleIndex(units)) regionEnd = units.length - 1;

  // 5. Extend the region end over trailing credits, corrections and copyright.
  let bodyEnd = Math.max(regionEnd, bodyStart - 1);
  for (let i = bodyEnd + 1; i < Math.min(units.length, regionEnd + 6); i++) {
    const t = units[i]!.text;
    if (isSignOff(t) || CONTRIBUTED.test(t) || COPYRIGHT.test(t) || correctionRow(t) !== undefined)
      bodyEnd = i;
  }
  // Lines between the headline and the body that were not read as metadata.
  const usedLines = new Set(Object.values(sources).map((position) => position.start.line));
  for (let i = headlineIndex + 1; i < bodyStart; i++) {
    const unit = units[i]!;
    if (usedLines.has(unit.first.line)) continue;
    diagnostics.push(
      textDiagnostic(
        'boilerplate-dropped',
        `Dropped ${unit.boiler ?? 'page furniture'} line \`${unit.text.slice(0, 60)}\` under the headline`,
        rangeOf(unit.first, unit.last),
      ),
    );
  }

  // Report what was left out around the article, as line ranges.
  const firstUsed = Math.min(
    headlineIndex,
    ...['section', 'kicker', 'wire.slug'].flatMap((key) => {
      const at = sources[key]?.start.line;
      const unit = at === undefined ? -1 : units.findIndex((u) => u.first.line === at);
      return unit >= 0 ? [unit] : [];
    }),
  );
  if (firstUsed > 0) {
    const last = units[firstUsed - 1]!;
    diagnostics.push(
      textDiagnostic(
        'page-furniture-dropped',
        `Left out ${firstUsed} line${firstUsed === 1 ? '' : 's'} before the headline (navigation, menus)`,
        rangeOf(units[0]!.first, last.last),
      ),
    );
  }
  if (bodyEnd < units.length - 1) {
    const count = units.length - 1 - bodyEnd;
    diagnostics.push(
      textDiagnostic(
        'page-furniture-dropped',
        `Left out ${count} line${count === 1 ? '' : 's'} after the article (related links, comments, footers)`,
        rangeOf(units[bodyEnd + 1]!.first, units[units.length - 1]!.last),
      ),
    );
  }

  // 6. The body.
  const body: Block[] = [];
  const corrections: Correction[] = [];
  const extra: Contributor[] = [];
  let copyright: Copyright | undefined;
  let dateline: Dateline | undefined;
  let list: { items: string[]; first: Line; last: Line } | undefined;
  const flushList = () => {
    if (!list) return;
    sources[`body.${body.length}`] = rangeOf(list.first, list.last);
    body.push({ type: 'list', ordered: false, items: list.items });
    list = undefined;
  };
  for (let i = bodyStart; i <= bodyEnd; i++) {
    const unit = units[i]!;
    const t = unit.text;
    const place = rangeOf(unit.first, unit.last);
    if (consumed.has(i)) continue;
    if (unit.boiler) {
      diagnostics.push(
        textDiagnostic(
          'boilerplate-dropped',
          `Dropped ${unit.boiler} line \`${t.slice(0, 60)}\``,
          place,
        ),
      );
      continue;
    }
    if (unit.bullet) {
      if (!clean && unit.score < 0 && unit.size < 4) {
        diagnostics.push(
          textDiagnostic(
            'boilerplate-dropped',
            `Dropped short list line \`${t.slice(0, 60)}\``,
            place,
          ),
        );
        continue;
      }
      if (!list) list = { items: [], first: unit.first, last: unit.last };
      list.items.push(t);
      list.last = unit.last;
      continue;
    }
    flushList();
    if (t.length <= 700) {
      const credits = endCredits(t);
      if (credits) {
        extra.push(...credits);
        sources[`byline.endCredits.${extra.length - 1}`] = place;
        continue;
      }
      const correction = correctionRow(t);
      if (correction) {
        sources[`corrections.${corrections.length}`] = place;
        corrections.push({ text: t, type: correction.type });
        continue;
      }
      const copy = COPYRIGHT.exec(t);
      if (copy) {
        copyright = { notice: t };
        if (copy[1]) copyright.year = Number(copy[1]);
        const holder = copy[2]
          ?.split(/\.\s|\.$/)[0]
          ?.replace(/^by\s+/i, '')
          .trim();
        if (holder && holder.length <= 80 && !/all rights reserved/i.test(holder))
          copyright.holder = holder;
        sources.copyright = place;
        continue;
      }
      if (ADVISORY.test(t) && body.length === 0) {
        wire.advisory = t;
        sources['wire.advisory'] = place;
        continue;
      }
      const caption = unit.size <= 80 ? readCaption(t) : undefined;
      if (caption) {
        sources[`body.${body.length}`] = place;
        body.push({ type: 'figure', caption });
        continue;
      }
      // A lead-image line on its own (`View Images`, `Photograph by …`).
      if (IMAGE_LINE.test(t)) {
        const credit = CREDIT_LINE.exec(t);
        const parsed = credit ? readCredit(credit[1]!) : undefined;
        if (parsed) {
          sources[`body.${body.length}`] = place;
          body.push({ type: 'figure', caption: { text: '', credit: parsed } });
        } else {
          diagnostics.push(
            textDiagnostic(
              'boilerplate-dropped',
              `Dropped image line \`${t.slice(0, 60)}\``,
              place,
            ),
          );
        }
        continue;
      }
      // A caption whose credit stands on the next line: `A crowd at the pier.` / `Photograph by Ana Ruiz`.
      const next = units[i + 1];
      if (next && i + 1 <= bodyEnd && unit.size <= 60 && CREDIT_LINE.test(next.text)) {
        const parsed = readCredit(CREDIT_LINE.exec(next.text)![1]!);
        if (parsed) {
          sources[`body.${body.length}`] = rangeOf(unit.first, next.last);
          body.push({ type: 'figure', caption: { text: t, credit: parsed } });
          i++;
          continue;
        }
      }
    }
    if (!unit.sentence && unit.size <= 14 && unit.size >= 1 && !unit.bullet && t.length <= 120) {
      const next = units[i + 1];
      if (body.length > 0 && next && i + 1 <= bodyEnd && next.size >= 8 && LETTER.test(t)) {
        sources[`body.${body.length}`] = place;
        body.push({ type: 'heading', level: 2, text: t });
        continue;
      }
      if (!clean && unit.score < 0) {
        diagnostics.push(
          textDiagnostic(
            'boilerplate-dropped',
            `Dropped short line \`${t.slice(0, 60)}\` between paragraphs`,
            place,
          ),
        );
        continue;
      }
    }
    let paragraph = t;
    if (!dateline && body.every((b) => b.type !== 'paragraph')) {
      const found = findDateline(paragraph);
      if (found) {
        dateline = found.dateline;
        sources.dateline = {
          start: place.start,
          end: {
            line: unit.first.line,
            column: place.start.column + found.length,
            offset: (place.start.offset ?? 0) + found.length,
          },
        };
        paragraph = paragraph.slice(found.length).trim();
      }
    }
    sources[`body.${body.length}`] = place;
    body.push({ type: 'paragraph', text: paragraph });
  }
  flushList();

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
  else delete sources.byline;
  if (dateline) article.dateline = dateline;
  if (!published && modified && sources.dateModified) {
    published = modified;
    sources.datePublished = sources.dateModified;
    diagnostics.push(
      textDiagnostic(
        'date-published-inferred',
        'Only an update date is printed: it was also taken as the publication date',
        sources.dateModified,
        ['datePublished'],
      ),
    );
  }
  if (published) article.datePublished = published.value;
  if (modified) article.dateModified = modified.value;
  if (corrections.length > 0) article.corrections = corrections;
  if (copyright) article.copyright = copyright;
  if (wire.slug || wire.tags || wire.advisory) article.wire = wire;
  diagnostics.sort((a, b) => startOffset(a) - startOffset(b));
  return { article, diagnostics, sources };
}
