import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import { articleArbitrary } from './arbitraries.js';

/** More runs on demand: `NUTGRAF_FC_RUNS=5000 npx vitest run tests/markdown/round-trip.test.ts`. */
const runs = Number(process.env.NUTGRAF_FC_RUNS ?? 300);

describe('toMarkdown → parseMarkdown', () => {
  it(
    'gives back every generated article, deep-equal',
    () => {
      fc.assert(
        fc.property(articleArbitrary, (article) => {
          const markdown = toMarkdown(article);
          const result = parseMarkdown(markdown);
          expect(result.diagnostics).toEqual([]);
          expect(result.article).toEqual(article);
        }),
        { numRuns: runs },
      );
    },
    Math.max(30_000, runs * 60),
  );

  it('is stable: writing what was read gives the same text', () => {
    fc.assert(
      fc.property(articleArbitrary, (article) => {
        const once = toMarkdown(article);
        const again = parseMarkdown(once).article;
        expect(again && toMarkdown(again)).toBe(once);
      }),
      { numRuns: 100 },
    );
  });

  it('does not mutate the article', () => {
    fc.assert(
      fc.property(articleArbitrary, (article) => {
        const copy = structuredClone(article);
        toMarkdown(article);
        expect(article).toEqual(copy);
      }),
      { numRuns: 50 },
    );
  });
});
