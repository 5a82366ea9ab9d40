import { IMAGE_LINE } from './body.js';
import { kickerOf, titleScore } from './headline.js';
import { lineDate } from './memo.js';
import { ADVISORY } from './patterns.js';
import type { Reading } from './reading.js';
import { hasCredit } from './story.js';
import { opensWithIntro } from './units.js';

const SUMMARY = /^(?:summary|in brief|at a glance|tl;dr|zusammenfassung|résumé|resumen)\s*:?$/i;

/**
 * The deck (standfirst) between the headline and the start of the body: the first title-like
 * line or sentence there that is not metadata, a caption or furniture; or a labelled
 * `Summary:` and the paragraph after it (which moves the body's start past it). `deckIndex`
 * is -1 when there is no deck.
 */
export function findDeck(
  reading: Reading,
  bodyStart: number,
): { deckIndex: number; bodyStart: number } {
  const { units, headlineIndex, bylineIndex, dateIndex } = reading;
  let deckIndex = -1;
  for (let i = headlineIndex + 1; i < bodyStart && deckIndex < 0; i++) {
    const unit = units[i]!;
    const t = unit.text;
    if (i === bylineIndex || i === dateIndex) continue;
    if (unit.size < 4 || unit.boiler || unit.bullet || t.length > 400 || ADVISORY.test(t)) continue;
    if (lineDate(t) || opensWithIntro(t) || hasCredit(t) || IMAGE_LINE.test(t) || kickerOf(t))
      continue;
    if (titleScore(unit) === Number.NEGATIVE_INFINITY && !unit.sentence) continue;
    deckIndex = i;
  }
  // A labelled summary under the headline: `Summary:` and the paragraph after it.
  for (let summary = headlineIndex + 1; summary <= bodyStart + 1; summary++) {
    if (deckIndex >= 0 || !units[summary + 1]) break;
    if (SUMMARY.test(units[summary]!.text) && units[summary + 1]!.sentence) {
      deckIndex = summary + 1;
      bodyStart = Math.max(bodyStart, summary + 2);
    }
  }
  return { deckIndex, bodyStart };
}
