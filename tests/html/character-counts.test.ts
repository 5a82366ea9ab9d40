import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCounts, wordSet } from '../../src/html/features.js';
import { collapse, collapsedLength } from '../../src/html/tree-text.js';

const byPattern = (text: string) => ({
  letters: text.match(/\p{L}/gu)?.length ?? 0,
  upper: text.match(/\p{Lu}/gu)?.length ?? 0,
  digits: text.match(/\p{N}/gu)?.length ?? 0,
  commas: text.match(/[,，、]/gu)?.length ?? 0,
  separators: text.match(/[|•·»/]/gu)?.length ?? 0,
  words: text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0,
});

describe('characterCounts', () => {
  it('counts as the Unicode property patterns do, astral letters, lone surrogates and words included', () => {
    expect(characterCounts('Café, Ärger · »Zitat« 12 | 𝐀 東京、１')).toEqual(
      byPattern('Café, Ärger · »Zitat« 12 | 𝐀 東京、１'),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(characterCounts(text)).toEqual(byPattern(text));
      }),
      { seed: 42, numRuns: 500 },
    );
    // The file's first `unit: 'binary'` string: fast-check builds its table of every code point
    // once per worker, 2.5 s idle, past the default 30 s under heavy load.
  }, 120_000);
});

describe('wordSet', () => {
  it('gives the lower-cased runs of letters and numbers the Unicode pattern gives', () => {
    const byPattern = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    expect(wordSet('Night FERRIES, 2024: Größe 𝐀b 東京１')).toEqual(
      byPattern('Night FERRIES, 2024: Größe 𝐀b 東京１'),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(wordSet(text)).toEqual(byPattern(text));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('collapsedLength', () => {
  it('is the length of what collapse gives, for every kind of white space and soft hyphens', () => {
    const spaces = [
      ' ',
      '\t',
      '\n',
      '\r',
      '\u000b',
      '\f',
      '\u00a0',
      '\u1680',
      '\u2003',
      '\u200a',
      '\u200b',
      '\u2028',
      '\u202f',
      '\u205f',
      '\u3000',
      '\ufeff',
      '\u00ad',
      '\u180e',
      '\u0085',
    ];
    expect(collapsedLength(' \u00a0Night\u00ad \u00ad ferries\u200b ')).toBe(
      collapse(' \u00a0Night\u00ad \u00ad ferries\u200b ').length,
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom(...spaces), fc.string({ unit: 'binary', maxLength: 3 })),
          {
            maxLength: 20,
          },
        ),
        (parts) => {
          const text = parts.join('');
          expect(collapsedLength(text)).toBe(collapse(text).length);
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });
});
