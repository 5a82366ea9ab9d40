import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCounts, wordSet } from '../../src/html/features.js';

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
  });
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
