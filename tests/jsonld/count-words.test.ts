import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyTexts, countWords } from '../../src/jsonld/count-words.js';
import type { Block } from '../../src/schema/block.js';

/** The definition, written as plainly as possible: the reference for the fast loop. */
function reference(text: string): number {
  const tokens =
    text.match(
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu,
    ) ?? [];
  return tokens.filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

describe('countWords', () => {
  it.each([
    ['', 0],
    ['The port board voted — 7 to 2.', 7],
    ['  spaced\tout\nwords  ', 3],
    ['港口委员会 voted — twice', 7],
    ['とうきょう', 5],
    ['e-mail, U.S. and 7-2', 4],
    ['• — –', 0],
    ['Ünïcödé wörds', 2],
    ['emoji 🚢 ship', 2],
    ['no\u00a0break\u2003space', 3],
  ])('counts %j as %i words', (text, expected) => {
    expect(countWords(text)).toBe(expected);
    expect(reference(text)).toBe(expected);
  });

  it('agrees with the plain definition on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string()),
        (text) => {
          expect(countWords(text)).toBe(reference(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('bodyTexts', () => {
  it('reads paragraphs, headings, quotes, list items (then their blocks), footnotes, table rows and captions in order', () => {
    const body = [
      { type: 'heading', depth: 2, text: 'Night ferries' },
      { type: 'paragraph', text: 'The board voted.' },
      { type: 'figure', caption: { text: 'A pier.' } },
      {
        type: 'list',
        ordered: false,
        items: [
          {
            text: 'First item',
            blocks: [
              { type: 'paragraph', text: 'Under the first.' },
              { type: 'list', ordered: true, items: [{ text: 'Nested item' }] },
            ],
          },
          { text: '  ' },
          { text: 'Second item' },
        ],
      },
      { type: 'quote', text: 'We will sail.' },
      { type: 'paragraph', text: ' \n ' },
      { type: 'footnote', label: '1', blocks: [{ type: 'paragraph', text: 'A note.' }] },
      {
        type: 'table',
        rows: [
          [{ text: 'Route' }, { text: 'Boats' }],
          [{ text: 'North' }, { text: '4' }],
        ],
        caption: 'Boats per route',
      },
      { type: 'divider' },
      { type: 'paragraph', text: 'The end.' },
    ];
    expect(bodyTexts(body as unknown as Block[])).toEqual([
      'Night ferries',
      'The board voted.',
      'First item',
      'Under the first.',
      'Nested item',
      'Second item',
      'We will sail.',
      'A note.',
      'Route Boats',
      'North 4',
      'Boats per route',
      'The end.',
    ]);
  });

  it('walks lists nested 100,000 deep and a million blocks without recursion', () => {
    let item: { text: string; blocks?: unknown[] } = { text: 'bottom' };
    for (let depth = 0; depth < 100_000; depth++) {
      item = { text: `level ${depth}`, blocks: [{ type: 'list', ordered: false, items: [item] }] };
    }
    const deep = bodyTexts([{ type: 'list', ordered: false, items: [item] }] as unknown as Block[]);
    expect(deep).toHaveLength(100_001);
    expect(deep[0]).toBe('level 99999');
    expect(deep.at(-1)).toBe('bottom');
    const many = Array.from({ length: 1_000_000 }, (_, index) => ({
      type: 'paragraph',
      text: index % 2 === 0 ? 'Ab' : ' ',
    }));
    expect(bodyTexts(many as unknown as Block[])).toHaveLength(500_000);
  });

  it('skips what is not a block (invalid input) and reads on', () => {
    const body = [null, 'text', undefined, { type: 'paragraph', text: 'Kept.' }, { text: 3 }];
    expect(bodyTexts(body as unknown as Block[])).toEqual(['Kept.']);
  });
});
