import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordCount } from '../../src/html/read-fields.js';

/** Every character `\s` matches, and some that it does not (zero-width space, letters, marks). */
const pieces = [
  ...'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff',
  '\u200b',
  'a',
  'Ü',
  '\u0301',
  '日',
  '.',
  '\ud83d\ude00',
];

describe('wordCount', () => {
  it('counts runs of characters other than white space', () => {
    expect(wordCount('')).toBe(0);
    expect(wordCount('  \n\t ')).toBe(0);
    expect(wordCount('Five trends\u00a0to watch\u3000now')).toBe(5);
    expect(wordCount('\u200b')).toBe(1);
  });

  it('agrees with splitting on \\s for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(wordCount(text)).toBe(text.split(/\s+/u).filter(Boolean).length);
      }),
      { numRuns: 2000 },
    );
  });
});
