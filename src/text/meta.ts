import { stopWords } from '../fields/byline-words.js';
import { setSource, sourceOf } from '../schema/source-map.js';
import { isPersonName, PARTICLES, readByline } from './byline.js';
import { type FoundDate, findDate } from './dates.js';
import { kickerOf } from './headline.js';
import { rangeOf } from './lines.js';
import { ADVISORY, BYLINE_INTRO, SLUG } from './patterns.js';
import type { Reading } from './reading.js';
import { BREADCRUMB_SPLIT, HOME, TERMINAL } from './units.js';

/** Furniture characters before a byline: `// By …`, `• By …`. */
const LEADING_JUNK = /^[/|•·»>\-–—\s]+/u;

const DIGITS = /\d/;

/** `Will Leitch/November 18, 2016`, `Ana Ruiz | March 3, 2026`: a name, then a date. */
function nameThenDate(text: string): boolean {
  if (text.length > 90 || !DIGITS.test(text)) return false;
  const date = findDate(text);
  if (!date || date.index < 5) return false;
  return isPersonName(text.slice(0, date.index).replace(/[\s/|,·•–—-]+$/u, ''));
}

/** A capitalised word of a name, without inner capitals (`PlayStation`) or a possessive. */
const PLAIN_NAME_WORD = /^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?|\p{Lu}\.)$/u;

/**
 * Whether a line is just a person's name, strictly (for a second author on a line of its own):
 * two to four plain capitalised words or particles, none of them a common word (`This`).
 */
function isPlainName(text: string): boolean {
  if (!isPersonName(text)) return false;
  return text.split(' ').every((word) => {
    const key = word.toLowerCase();
    return (PLAIN_NAME_WORD.test(word) && !stopWords.has(key)) || PARTICLES.has(key);
  });
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

/**
 * The lines just above the headline: a kicker (`ANALYSIS`), a breadcrumb (the section) and a
 * wire slug line.
 */
export function readAbove(reading: Reading): void {
  const { units, headlineIndex, headline, wire, sources } = reading;
  let { kicker, section, type } = reading;
  for (let i = headlineIndex - 1; i >= Math.max(0, headlineIndex - 6); i--) {
    const unit = units[i]!;
    if (i >= headlineIndex - 2 && !kicker) {
      const found = kickerOf(unit.text);
      if (found) {
        kicker = unit.text.replace(/[:|]$/, '').trim();
        type ??= found.type;
        setSource(sources, 'kicker', rangeOf(unit.first, unit.last));
        continue;
      }
    }
    if (!wire.slug && SLUG.test(unit.text)) {
      wire.slug = unit.text;
      setSource(sources, 'wire.slug', rangeOf(unit.first, unit.last));
      continue;
    }
    if (!section) {
      const crumbs = crumbsOf(unit.text, headline);
      if (crumbs && crumbs.length > 0) {
        section = { name: crumbs[crumbs.length - 1]!, path: crumbs };
        setSource(sources, 'section', rangeOf(unit.first, unit.last));
      }
    }
  }
  Object.assign(reading, { kicker, section, type });
}

/**
 * The lines under the headline: advisory, dates (`Published …`, `Updated …`, a metadata line
 * of segments) and the byline, up to the first paragraphs.
 */
export function readMetaZone(reading: Reading): void {
  const { units, headlineIndex, kicker, wire, sources, dateOptions } = reading;
  let { byline, published, modified, type } = reading;
  let lastMeta = headlineIndex;
  let sentences = 0;
  /** The unit the byline was read from (-1 before it is found). */
  let bylineAt = -1;
  const zoneEnd = Math.min(units.length - 1, headlineIndex + 10);
  for (let i = headlineIndex + 1; i <= zoneEnd; i++) {
    const unit = units[i]!;
    const t = unit.text;
    if (unit.boiler) continue;
    if (t.length > 400) break;
    if (ADVISORY.test(t)) {
      wire.advisory = t;
      setSource(sources, 'wire.advisory', rangeOf(unit.first, unit.last));
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
            setSource(sources, 'dateModified', rangeOf(unit.first, unit.last));
          }
        } else if (!published) {
          published = found;
          setSource(sources, 'datePublished', rangeOf(unit.first, unit.last));
        }
        meta = true;
      }
    }
    if (date) {
      const found: FoundDate = date;
      const onlyDate = t.length - found.length < 60;
      if (onlyDate || found.label) {
        if (found.label === 'updated' && !modified) {
          modified = found;
          setSource(sources, 'dateModified', rangeOf(unit.first, unit.last));
        } else if (!published) {
          published = found;
          setSource(sources, 'datePublished', rangeOf(unit.first, unit.last));
        } else if (!modified && found.value !== published.value) {
          modified = found;
          setSource(sources, 'dateModified', rangeOf(unit.first, unit.last));
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
          setSource(sources, 'byline', rangeOf(unit.first, unit.last));
          bylineAt = i;
          meta = true;
        }
      }
    }
    // A second author on the line under the byline: `By Ana Ruiz` / `Tom Bell`.
    if (
      !meta &&
      byline &&
      bylineAt === i - 1 &&
      unit.size <= 4 &&
      !unit.bullet &&
      isPlainName(t) &&
      !byline.contributors.some((c) => c.name === t)
    ) {
      const role = byline.contributors[0]?.role ?? 'author';
      byline = {
        text: `${byline.text}\n${t}`,
        contributors: [...byline.contributors, { name: t, type: 'Person', role }],
      };
      const place = sourceOf(sources, 'byline');
      if (place)
        setSource(sources, 'byline', {
          start: place.start,
          end: rangeOf(unit.first, unit.last).end,
        });
      bylineAt = i;
      meta = true;
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
  Object.assign(reading, { byline, published, modified, type, lastMeta });
}

/** A byline or date printed further down (after share buttons, a lead image, a first paragraph) or just above the headline. */
export function readLateMeta(reading: Reading): void {
  const { units, headlineIndex, sources, dateOptions, consumed } = reading;
  let { byline, published, modified } = reading;
  const zoneEnd = Math.min(units.length - 1, headlineIndex + 10);
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
        setSource(sources, 'byline', rangeOf(unit.first, unit.last));
        consumed.add(i);
      }
    }
    if (!published && !modified) {
      const date = findDate(t, dateOptions);
      if (date && (date.label || date.length >= t.length * 0.5 || consumed.has(i))) {
        if (date.label === 'updated') {
          modified = date;
          setSource(sources, 'dateModified', rangeOf(unit.first, unit.last));
        } else {
          published = date;
          setSource(sources, 'datePublished', rangeOf(unit.first, unit.last));
        }
        consumed.add(i);
      }
    }
  }
  Object.assign(reading, { byline, published, modified });
}
