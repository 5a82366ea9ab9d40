import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAgency } from '../../src/fields/index.js';
import { fromJsonLd, serializeJsonLd, toJsonLd } from '../../src/jsonld/index.js';
import { validateArticle } from '../../src/schema/index.js';
import { article, articleWithProse } from './arbitraries.js';
import { carried } from './carried.js';

const modes = [
  ['a single node', {}],
  ['a graph', { graph: true }],
  ['a compat graph', { graph: true, compat: true }],
] as const;

describe('fromJsonLd(toJsonLd(article))', () => {
  it('generates valid articles', () => {
    fc.assert(
      fc.property(article, (input) => {
        expect(validateArticle(input).diagnostics).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  for (const [name, options] of modes) {
    it(`gives back every field JSON-LD carries, as ${name}`, () => {
      fc.assert(
        fc.property(article, (input) => {
          // A person named after an agency (`Reuters`) is read as one: tested on its own.
          fc.pre(!(input.byline?.contributors ?? []).some((person) => isAgency(person.name)));
          const valid = validateArticle(input).article!;
          const expected = validateArticle(carried(valid)).article;
          expect(expected).toBeDefined();
          const jsonLd = toJsonLd(valid, options);
          const result = fromJsonLd(JSON.parse(serializeJsonLd(jsonLd)));
          expect(result.diagnostics.filter((d) => d.ruleId !== 'encoded-text')).toEqual([]);
          expect(result.article).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('gives back the paragraphs with `articleBody: true`', () => {
    fc.assert(
      fc.property(articleWithProse, (input) => {
        const valid = validateArticle(input).article!;
        const result = fromJsonLd(toJsonLd(valid, { articleBody: true }));
        expect(result.diagnostics.filter((d) => d.ruleId !== 'encoded-text')).toEqual([]);
        expect(result.article).toEqual(
          validateArticle(carried(valid, { articleBody: true })).article,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives back the place and agency of a BlogPosting dateline, with its text printed from them', () => {
    const post = {
      headline: 'Notes From the Night Crossing',
      type: 'BlogPosting' as const,
      dateline: { text: 'LISBON, March 12 (Reuters) -', place: 'LISBON', agency: 'Reuters' },
      body: [],
    };
    const jsonLd = toJsonLd(post) as unknown as Record<string, unknown>;
    expect(jsonLd.dateline).toBeUndefined();
    expect(fromJsonLd(jsonLd).article?.dateline).toEqual({
      text: 'LISBON (Reuters)',
      place: 'LISBON',
      agency: 'Reuters',
    });
  });

  it('keeps an empty alt (a decorative image), written as an empty description', () => {
    const input = {
      headline: 'Night Ferries',
      image: { url: 'https://ledger.example/rule.png', alt: '' },
      body: [{ type: 'figure' as const, url: 'https://ledger.example/map.png', alt: '' }],
    };
    const jsonLd = toJsonLd(input);
    expect(jsonLd.image).toMatchObject([{ description: '' }, { description: '' }]);
    const { article } = fromJsonLd(jsonLd);
    expect(article?.image).toEqual({ url: 'https://ledger.example/rule.png', alt: '' });
    expect(article?.body).toEqual([
      { type: 'figure', url: 'https://ledger.example/map.png', alt: '' },
    ]);
  });

  it('reads back through JSON text as well as through a value', () => {
    fc.assert(
      fc.property(article, (input) => {
        const jsonLd = toJsonLd(input, { graph: true });
        const fromText = fromJsonLd(serializeJsonLd(jsonLd));
        const fromValue = fromJsonLd(jsonLd);
        expect(fromText.article).toEqual(fromValue.article);
        // Given text, diagnostics also carry their place.
        expect(fromText.diagnostics.map(({ place: _place, ...rest }) => rest)).toEqual(
          fromValue.diagnostics,
        );
      }),
      { numRuns: 100 },
    );
  });
});
