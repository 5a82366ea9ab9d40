import { stopWords } from '../fields/byline-words.js';
import { isParticle } from '../fields/name-case.js';
import { dateKindOf } from '../fields/parse-date.js';
import { looksLikePersonName } from '../fields/person-name.js';
import { setSource, sourceOf } from '../schema/source-map.js';
import { kickerOf } from './headline.js';
import { rangeOf } from './lines.js';
import { lineDate } from './memo.js';
import { ADVISORY, SLUG } from './patterns.js';
import type { Reading } from './reading.js';
import { BREADCRUMB_SPLIT, HOME } from './units.js';

/** A capitalised word of a name, without inner capitals (`PlayStation`) or a possessive. */
const PLAIN_NAME_WORD = /^(?:\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)?|\p{Lu}\.)$/u;

/**
 * Whether a line is just a person's name, strictly (for a second author on a line of its own):
 * two to four plain capitalised words or particles, none of them a common word (`This`).
 */
function isPlainName(text: string): boolean {
  if (!looksLikePersonName(text)) return false;
  return text.split(' ').every((word) => {
    const key = word.toLowerCase();
    return (PLAIN_NAME_WORD.test(word) && !stopWords.has(key)) || isParticle(key);
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
 * Set the byline and the publication date the models chose (see `meta-model.ts`), with their
 * sources; a chosen line outside the lines under the headline is left out of the body.
 */
export function applyChosenMeta(reading: Reading): void {
  const { units, sources, bylineIndex, dateIndex } = reading;
  if (bylineIndex >= 0 && reading.byline) {
    const unit = units[bylineIndex]!;
    setSource(sources, 'byline', rangeOf(unit.first, unit.last));
    if (/^posted by\s/i.test(unit.text)) reading.type ??= 'BlogPosting';
  }
  if (dateIndex >= 0 && reading.published) {
    const unit = units[dateIndex]!;
    if (dateKindOf(reading.published) === 'modified') {
      // Only an update date is printed there: it is the modification date (and, unless
      // another line gives one, the publication date is inferred from it).
      reading.modified = reading.published;
      reading.published = undefined;
      setSource(sources, 'dateModified', rangeOf(unit.first, unit.last));
    } else setSource(sources, 'datePublished', rangeOf(unit.first, unit.last));
  }
}

/**
 * The lines under the headline, up to the first paragraphs: the advisory, the chosen byline
 * and date, other date lines (an update date), and a second author on the line under the
 * byline. Chosen lines beyond the last of them are left out of the body.
 */
export function readMetaZone(reading: Reading): void {
  const { units, headlineIndex, kicker, wire, sources, dateOptions, bylineIndex, dateIndex } =
    reading;
  let { byline, published, modified } = reading;
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
    let meta = i === bylineIndex || i === dateIndex;
    if (i === bylineIndex) bylineAt = i;
    const date = t.length <= 200 ? lineDate(t, dateOptions) : undefined;
    if (date && i !== dateIndex && (t.length - date.text.length < 60 || date.label)) {
      // Another date line: the publication date beside a chosen update date, an update
      // date, or the same date printed again.
      if (!published && modified && dateKindOf(date) === 'published') {
        published = date;
        setSource(sources, 'datePublished', rangeOf(unit.first, unit.last));
      } else if (
        !modified &&
        (dateKindOf(date) === 'modified' || (published && date.value !== published.value))
      ) {
        modified = date;
        setSource(sources, 'dateModified', rangeOf(unit.first, unit.last));
      }
      meta = true;
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
      // Read as metadata: not body text, wherever the body starts.
      reading.consumed.add(i);
      lastMeta = i;
      continue;
    }
    if (unit.sentence && unit.size >= 4) {
      sentences++;
      if (sentences > 2 || unit.size > 60) break;
    }
  }
  // Chosen lines the zone did not reach (above the headline, or further down) stay out of the body.
  for (const index of [bylineIndex, dateIndex])
    if (index >= 0 && (index < headlineIndex || index > lastMeta)) reading.consumed.add(index);
  Object.assign(reading, { byline, published, modified });
}
