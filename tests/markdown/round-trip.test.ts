import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import type { Article, Block } from '../../src/schema/index.js';
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
    // 18.5 s for 300 runs in a full `npm test` at load 19–28: room for a busier machine.
    Math.max(180_000, runs * 600),
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

describe('toMarkdown → parseMarkdown, cases once lost', () => {
  const article = (fields: Partial<Article>): Article => ({
    headline: 'Night Ferries',
    type: 'NewsArticle',
    body: [],
    ...fields,
  });
  const paragraph = (text: string): Block => ({ type: 'paragraph', text });

  it.each([
    ['a first paragraph that reads as a byline', article({ body: [paragraph('By Jane Doe')] })],
    [
      // The second of two lists takes the other bullet (`*`); a divider written `***` after it
      // made the whole line one thematic break, and the list was lost.
      'a list item that opens with a divider, after another list',
      article({
        body: [
          { type: 'list', ordered: false, items: [{ text: 'Tides' }] },
          {
            type: 'list',
            ordered: false,
            items: [{ text: '', blocks: [{ type: 'divider' }, paragraph('Ferries')] }],
          },
        ],
      }),
    ],
    [
      'a first paragraph that reads as a byline, in emphasis',
      article({
        body: [
          {
            type: 'paragraph',
            text: 'By Jane Doe',
            content: [{ type: 'emphasis', children: [{ type: 'text', value: 'By Jane Doe' }] }],
          },
        ],
      }),
    ],
    [
      'a first paragraph that reads as a dateline',
      article({ body: [paragraph('LISBON (AP) — The port board voted.')] }),
    ],
    ['a headline with a line break', article({ headline: 'Night\nFerries' })],
    [
      'empty lists',
      article({
        body: [
          { type: 'list', ordered: false, items: [] },
          { type: 'list', ordered: true, items: [] },
        ],
      }),
    ],
    [
      'frontmatter text with white space at the ends and in runs',
      article({ description: ' The  port\tboard ', id: '\u00a0x ' }),
    ],
    ['a paragraph with spaces at the ends', article({ body: [paragraph('  The port.\t')] })],
    [
      'a paragraph that opens with a line break and a space',
      article({ body: [paragraph('Lead.'), paragraph('\n The port.')] }),
    ],
    [
      'white space and line breaks alone',
      article({
        byline: { text: ' \n\n', contributors: [{ name: 'Jane', type: 'Person', role: 'author' }] },
      }),
    ],
    ['a last value ending in line breaks', article({ wire: { advisory: '(Adds reaction)\n\n' } })],
  ])('gives back %s', (_, given) => {
    const { article: read, diagnostics } = parseMarkdown(toMarkdown(given));
    expect(diagnostics).toEqual([]);
    expect(read).toEqual(given);
  });

  it('reads a block scalar that keeps its final line breaks', () => {
    const { extra } = parseMarkdown('---\ntitle: T\nnote: |+\n  Night\n\n---\n');
    expect(extra).toEqual({ note: 'Night\n\n' });
  });
});
