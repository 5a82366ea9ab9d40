import { describe, expect, it } from 'vitest';
import { deckRelabel, deckShape } from '../../scripts/train/text-fit.js';
import type { Page } from '../../scripts/train/text-pages.js';
import { splitLines } from '../../src/text/lines.js';
import { toUnits } from '../../src/text/units.js';

// An invented page: headline, a one-sentence deck, a photo credit, the byline, the lede.
const PAGE = [
  'Harbour ferry returns after a winter of repairs',
  'The old wooden ferry is back on the water, and the town turned out to greet it.',
  'Photograph: Mara Lindqvist/Coastal Images',
  'By Tomas Brennan',
  'The ferry left its slipway on Tuesday morning with the mayor and forty passengers on board, its first crossing since November.',
  'Repairs to the hull took longer than planned because the yard had to find oak of the right age.',
].join('\n\n');
const units = toUnits(splitLines(PAGE));
const read = { headline: 0, bylineIndex: 3, dateIndex: -1 };
const indices = [1, 2, 3, 4, 5];

function page(key: string, content?: Array<1 | 0 | -1>): Page {
  const corpus = key.split('/')[0]!;
  return { key, item: { corpus }, units, content } as unknown as Page;
}

describe('deckShape', () => {
  it('finds a short prose line right below the headline with furniture before the lede', () => {
    expect(deckShape(units, read, indices)).toEqual({ deck: 1, lede: 4 });
  });

  it('finds none when the lede follows the first prose line directly', () => {
    const plain = toUnits(
      splitLines(
        [
          'Harbour ferry returns after a winter of repairs',
          'The ferry left its slipway on Tuesday morning with the mayor and forty passengers on board.',
          'Repairs to the hull took longer than planned because the yard had to find oak of the right age.',
        ].join('\n\n'),
      ),
    );
    expect(deckShape(plain, { headline: 0, bylineIndex: -1, dateIndex: -1 }, [1, 2])).toBe(
      undefined,
    );
  });

  it('finds none when the first prose line is not right below the headline', () => {
    expect(deckShape(units, { ...read, headline: -1 }, indices)).toBe(undefined);
  });
});

describe('deckRelabel', () => {
  const onDeck = indices.map((i) => i === 1);
  const onLede = indices.map((i) => i === 4);

  it('moves a label on the deck to the lede (out), and one on the lede to the deck (in)', () => {
    expect(deckRelabel(page('trafilatura/raw'), read, indices, onDeck, 'out')).toEqual(onLede);
    expect(deckRelabel(page('mercury/raw'), read, indices, onLede, 'in')).toEqual(onDeck);
  });

  it('leaves labels that already follow the convention as they are', () => {
    expect(deckRelabel(page('aeb/raw'), read, indices, onLede, 'out')).toBe(onLede);
  });

  it('leaves generated layouts and bbc alone: their truth knows the deck', () => {
    expect(deckRelabel(page('generated/raw'), read, indices, onDeck, 'out')).toBe(onDeck);
    expect(deckRelabel(page('bbc/raw'), read, indices, onDeck, 'out')).toBe(onDeck);
  });

  it('leaves the page out when the truth says the unit to move to is not story text', () => {
    const content: Array<1 | 0 | -1> = [0, 1, 0, 0, 0, 1];
    expect(deckRelabel(page('readability/raw', content), read, indices, onDeck, 'out')).toBe(
      undefined,
    );
  });
});
