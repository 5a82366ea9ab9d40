import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/jsonld/count-words.js';

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
