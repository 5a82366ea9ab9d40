import { describe, expect, it } from 'vitest';
import { BODY_START_FEATURE_NAMES, bodyStartCandidates } from '../../src/text/body-start.js';
import { splitLines } from '../../src/text/lines.js';
import { toUnits } from '../../src/text/units.js';

const units = (paragraphs: string[]) => toUnits(splitLines(paragraphs.join('\n\n')));
const HEADLINE = 'Harbour ferry returns after a winter of repairs';
const LEDE =
  'The ferry left its slipway on Tuesday morning with the mayor and forty passengers on board, its first crossing since November.';
const NEXT =
  'Repairs to the hull took longer than planned because the yard had to find oak of the right age.';
const DECK = 'The old wooden ferry is back on the water, and the town turned out to greet it.';

/** The named features' values per candidate index. */
function features(list: ReturnType<typeof units>, byline: number) {
  const deck = BODY_START_FEATURE_NAMES.indexOf('deck');
  const under = BODY_START_FEATURE_NAMES.indexOf('under-deck');
  return bodyStartCandidates(list, 0, undefined, byline, -1).map((c) => ({
    index: c.index,
    deck: c.features[deck],
    under: c.features[under],
  }));
}

describe('body-start deck features', () => {
  it('mark a short prose unit under the headline with furniture under it, and the lede past it', () => {
    // Headline, deck, photo credit, byline, lede, next paragraph (an invented page).
    const page = units([
      HEADLINE,
      DECK,
      'Photograph: Mara Lindqvist/Coastal Images',
      'By Tomas Brennan',
      LEDE,
      NEXT,
    ]);
    expect(features(page, 3)).toEqual([
      { index: 1, deck: 1, under: 0 },
      { index: 2, deck: 0, under: 0 },
      { index: 3, deck: 0, under: 0 },
      { index: 4, deck: 0, under: 1 },
      { index: 5, deck: 0, under: 0 },
    ]);
  });

  it('mark nothing when prose follows the first unit directly (a lede, not a deck)', () => {
    const page = units([HEADLINE, LEDE, NEXT, 'By Tomas Brennan', DECK]);
    for (const c of features(page, 3)) expect([c.deck, c.under]).toEqual([0, 0]);
  });

  it('mark nothing when the first unit is longer than a deck', () => {
    const long = `${LEDE} ${NEXT} ${LEDE}`;
    const page = units([HEADLINE, long, 'By Tomas Brennan', NEXT]);
    for (const c of features(page, 2)) expect([c.deck, c.under]).toEqual([0, 0]);
  });

  it('do not count the deck as text the lede under it skips; a first unit that is no deck counts', () => {
    const skippedWords = BODY_START_FEATURE_NAMES.indexOf('skipped-words');
    const skipped = (list: ReturnType<typeof units>, byline: number, at: number) =>
      bodyStartCandidates(list, 0, undefined, byline, -1).find((c) => c.index === at)!.features[
        skippedWords
      ];
    const credit = 'Photograph: Mara Lindqvist/Coastal Images';
    const withDeck = units([HEADLINE, DECK, credit, 'By Tomas Brennan', LEDE, NEXT]);
    // Only the credit and the byline stand between the headline and the lede.
    expect(skipped(withDeck, 3, 4)).toBeCloseTo(
      Math.log1p(withDeck[2]!.size + withDeck[3]!.size) / 5,
    );
    // The same page with a lede in the deck's place: the second paragraph skips it.
    const plain = units([HEADLINE, LEDE, NEXT]);
    expect(skipped(plain, -1, 2)).toBeCloseTo(Math.log1p(plain[1]!.size) / 5);
  });
});
