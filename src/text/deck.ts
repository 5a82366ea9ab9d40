import { IMAGE_LINE } from './body.js';
import { kickerOf, titleScore } from './headline.js';
import { lineDate } from './memo.js';
import { ADVISORY, BYLINE_INTRO } from './patterns.js';
import type { Reading } from './reading.js';
import { hasCredit } from './story.js';

const SUMMARY = /^(?:summary|in brief|at a glance|tl;dr|zusammenfassung|résumé|resumen)\s*:?$/i;

/**
 * Where the body starts, and the deck (standfirst) above it if there is one: a title-like
 * line among the metadata under the headline, the lines above a byline found a few lines into
 * the body, a labelled `Summary:`, or a sentence set apart from the story by a lead image's
 * credit or caption. `deckIndex` is -1 when there is no deck.
 */
export function findDeck(
  reading: Reading,
  regionStart: number,
  clean: boolean,
): { deckIndex: number; bodyStart: number } {
  const { units, headlineIndex, lastMeta, consumed } = reading;
  let deckIndex = -1;
  let bodyStart = Math.max(headlineIndex + 1, regionStart);
  if (lastMeta > headlineIndex) {
    for (let i = headlineIndex + 1; i < lastMeta && deckIndex < 0; i++) {
      const unit = units[i]!;
      const t = unit.text;
      if (unit.size < 4 || unit.boiler || unit.bullet || t.length > 400 || ADVISORY.test(t))
        continue;
      if (lineDate(t) || BYLINE_INTRO.test(t) || hasCredit(t) || kickerOf(t)) continue;
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
          (unit.size <= 60 && hasCredit(unit.text)) ||
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
          const shortJunk = !IMAGE_LINE.test(unit.text) && !hasCredit(unit.text);
          bodyStart = shortJunk ? j + 1 : bodyStart + 1;
          break;
        }
      }
    }
  }
  return { deckIndex, bodyStart };
}
