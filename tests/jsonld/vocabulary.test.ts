import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonLd } from '../../src/jsonld/index.js';
import type { ArticleInput } from '../../src/schema/index.js';
import { article as anyArticle } from './arbitraries.js';
import { cases, fixturesRoot, readJson } from './fixtures.js';
import { loadVocabulary } from './vocabulary.js';

const vocabulary = loadVocabulary();
const modes = [
  ['single node', {}],
  ['graph', { graph: true }],
  ['compat', { graph: true, compat: true }],
  ['with articleBody', { articleBody: true }],
] as const;

type Node = Record<string, unknown>;

describe.skipIf(!vocabulary)('schema.org vocabulary (30.0, current)', () => {
  const check = (value: unknown) => vocabulary!.check(value);

  it('catches what it should: unknown types, unknown properties, wrong domains and ranges', () => {
    expect(
      check({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headlne: 'typo',
        editor: { '@type': 'Organization', name: 'Desk' },
        isAccessibleForFree: 'False',
        author: { '@type': 'Persona', name: 'x' },
        image: { '@type': 'ImageObject', dateline: 'x' },
        wordCount: 'many',
      }),
    ).toEqual([
      '$.headlne: not a schema.org property',
      '$.editor: a Organization, expected Person',
      '$.isAccessibleForFree: a string, expected Boolean',
      '$.author: a Persona, expected Organization | Person',
      '$.author: `Persona` is not a schema.org class',
      '$.author.name: not defined for Persona (domain Thing)',
      '$.image.dateline: not defined for ImageObject (domain NewsArticle)',
      '$.wordCount: a string, expected Integer',
    ]);
  });

  for (const name of cases('writing')) {
    for (const [mode, options] of modes) {
      it(`has zero violations: ${name} (${mode})`, () => {
        const input = readJson(`${fixturesRoot}writing/${name}/input.json`) as ArticleInput;
        expect(check(toJsonLd(input, options))).toEqual([]);
      });
    }
  }

  it('has zero violations for any article in any mode (fast-check)', () => {
    fc.assert(
      fc.property(
        anyArticle,
        fc.constantFrom(...modes.map(([, options]) => options)),
        (input, options) => {
          expect(check(toJsonLd(input, options))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("Google's Article guidance", () => {
  it('gives each author one object whose name is the name only, with job title and honorifics apart', () => {
    fc.assert(
      fc.property(anyArticle, (input) => {
        const node = toJsonLd(input) as Node;
        const authors = (input.byline?.contributors ?? []).filter((person) =>
          ['author', 'reporter', 'writer', undefined].includes(person.role),
        );
        const emitted = (node.author ?? []) as Node[];
        expect(emitted).toHaveLength(authors.length);
        emitted.forEach((author, index) => {
          const person = authors[index]!;
          expect(author.name).toBe(person.name);
          expect(author['@type']).toBe(person.type ?? 'Person');
          if (author['@type'] === 'Person') {
            expect(author.jobTitle).toBe(person.jobTitle);
            expect(author.honorificPrefix).toBe(person.honorificPrefix);
            expect(author.honorificSuffix).toBe(person.honorificSuffix);
          }
        });
      }),
    );
  });

  it('keeps the offsets of datePublished and dateModified', () => {
    fc.assert(
      fc.property(anyArticle, (input) => {
        const node = toJsonLd(input);
        expect(node.datePublished).toBe(input.datePublished);
        expect(node.dateModified).toBe(input.dateModified);
        for (const date of [node.datePublished, node.dateModified]) {
          if (typeof date === 'string' && date.includes('T')) {
            expect(date).toMatch(/(?:Z|[+-]\d{2}:\d{2})$/);
          }
        }
      }),
    );
  });

  it('has an image whenever the article has one with a URL', () => {
    fc.assert(
      fc.property(anyArticle, fc.boolean(), (input, graph) => {
        const output = toJsonLd(input, { graph });
        const node = (
          graph
            ? (output as { '@graph': Node[] })['@graph'].find((each) => each.headline !== undefined)
            : output
        ) as Node;
        const urls: string[] = [];
        if (input.image?.url !== undefined) urls.push(input.image.url);
        for (const block of input.body) {
          if (block.type === 'figure' && block.url !== undefined) urls.push(block.url);
        }
        const images = (node.image ?? []) as Node[];
        expect(images.map((image) => image.contentUrl)).toEqual(urls);
        if (input.image?.url !== undefined) {
          expect(images[0]).toMatchObject({
            contentUrl: input.image.url,
            representativeOfPage: true,
          });
        }
      }),
    );
  });

  it('writes paywalled parts as class-selector WebPageElements that are not free', () => {
    const node = toJsonLd({
      headline: 'x',
      body: [],
      isAccessibleForFree: false,
      paywalledSelectors: ['.paywall'],
    });
    expect(node.isAccessibleForFree).toBe(false);
    expect(node.hasPart).toEqual([
      { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' },
    ]);
  });
});
