import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromJsonLd, type JsonLdGraph, toJsonLd } from '../../src/jsonld/index.js';
import { type ArticleInput, articleTypeSchema } from '../../src/schema/index.js';
import { article as anyArticle, url } from './arbitraries.js';
import { cases, expectFile, fixturesRoot, readJson } from './fixtures.js';

const full = readJson(
  `${fixturesRoot}writing/full-news-article-with-every-field/input.json`,
) as ArticleInput;

type Node = Record<string, unknown>;

function walk(value: unknown, visit: (node: Node, path: string) => void, path = '$'): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      walk(item, visit, `${path}[${index}]`);
    });
  } else if (typeof value === 'object' && value !== null) {
    visit(value as Node, path);
    for (const [key, item] of Object.entries(value)) walk(item, visit, `${path}.${key}`);
  }
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, reverseKeys(item)]),
  );
}

const modes = [
  ['expected.jsonld', {}],
  ['expected-graph.jsonld', { graph: true }],
  ['expected-compat.jsonld', { graph: true, compat: true }],
] as const;

describe('toJsonLd fixtures', () => {
  for (const name of cases('writing')) {
    for (const [file, options] of modes) {
      it(`${name} → ${file}`, () => {
        const input = readJson(`${fixturesRoot}writing/${name}/input.json`) as ArticleInput;
        expectFile(`${fixturesRoot}writing/${name}/${file}`, toJsonLd(input, options));
      });
    }
  }
});

describe('toJsonLd mapping (full article)', () => {
  const node = toJsonLd(full) as Node;

  it('maps the headline fields, type, language, genre and identifiers', () => {
    expect(node['@context']).toBe('https://schema.org');
    expect(node['@type']).toBe('AnalysisNewsArticle');
    expect(node.headline).toBe(full.headline);
    expect(node.alternativeHeadline).toBe(full.alternativeHeadline);
    expect(node.genre).toBe('ANALYSIS');
    expect(node.description).toBe(full.description);
    expect(node.url).toBe(full.url);
    expect(node.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': full.url });
    expect(node.inLanguage).toBe('en-GB');
    expect(node.identifier).toEqual([
      'ledger-2026-03-10-ferries',
      { '@type': 'PropertyValue', propertyID: 'slug', value: 'BC-Harbour-Ferries' },
    ]);
  });

  it('copies the dates exactly as stored, offsets kept', () => {
    expect(node.datePublished).toBe('2026-03-10T18:05:00-05:00');
    expect(node.dateModified).toBe('2026-03-11T09:30:00-05:00');
    expect(node.dateCreated).toBe('2026-03-10');
  });

  it('gives each contributor its own object under its role', () => {
    expect(node.author).toEqual([
      {
        '@type': 'Person',
        name: 'Dana Whitfield',
        honorificPrefix: 'Dr.',
        honorificSuffix: 'PhD',
        jobTitle: 'Staff Writer',
        affiliation: { '@type': 'Organization', name: 'The Meridian Ledger' },
        url: 'https://ledger.example/staff/dana-whitfield',
        sameAs: ['https://social.example/@dana'],
        email: 'dana@ledger.example',
      },
      {
        '@type': 'Person',
        name: 'Omar Haddad',
        affiliation: { '@type': 'Organization', name: 'Island Wire' },
        workLocation: { '@type': 'Place', name: 'Salt Island' },
      },
    ]);
    expect(node.contributor).toEqual([
      { '@type': 'Organization', name: 'Island Wire', url: 'https://wire.example/' },
      { '@type': 'Person', name: 'Lena Moritz' },
    ]);
    expect(node.editor).toEqual([{ '@type': 'Person', name: 'Priya Nair' }]);
    expect(node.translator).toEqual([{ '@type': 'Person', name: 'Jonas Berg' }]);
    expect(node.creditText).toBe(full.byline?.text);
  });

  it('maps the publisher as a NewsMediaOrganization with its logo', () => {
    expect(node.publisher).toEqual({
      '@type': 'NewsMediaOrganization',
      name: 'The Meridian Ledger',
      url: 'https://ledger.example/',
      logo: {
        '@type': 'ImageObject',
        url: 'https://ledger.example/logo.png',
        contentUrl: 'https://ledger.example/logo.png',
        width: 600,
        height: 120,
      },
      sameAs: ['https://social.example/@ledger'],
    });
  });

  it('maps the lead image and figures with a URL as ImageObjects with their credits', () => {
    expect(node.image).toEqual([
      {
        '@type': 'ImageObject',
        url: 'https://ledger.example/img/ferry-16x9.jpg',
        contentUrl: 'https://ledger.example/img/ferry-16x9.jpg',
        width: 1600,
        height: 900,
        caption: 'The Salt Island ferry leaves Port Meridian at 1 a.m. on Tuesday.',
        description: 'A white ferry at a lit pier at night',
        creditText: 'Lena Moritz/Island Wire',
        creator: { '@type': 'Person', name: 'Lena Moritz' },
        provider: { '@type': 'Organization', name: 'Island Wire' },
        copyrightHolder: { '@type': 'Organization', name: 'Island Wire' },
        license: 'https://wire.example/licence',
        representativeOfPage: true,
      },
      {
        '@type': 'ImageObject',
        url: 'https://ledger.example/img/pier.jpg',
        contentUrl: 'https://ledger.example/img/pier.jpg',
        width: 1200,
        height: 800,
        caption: 'Passengers queue at the pier.',
        creditText: 'Ledger staff',
        representativeOfPage: false,
      },
    ]);
  });

  it('maps section, dateline, keywords, paywall, corrections, copyright and wire tags', () => {
    expect(node.articleSection).toEqual(['Local', 'Harbour']);
    expect(node.isPartOf).toEqual({
      '@type': 'CollectionPage',
      '@id': 'https://ledger.example/local/harbour',
      url: 'https://ledger.example/local/harbour',
      name: 'Harbour',
    });
    expect(node.dateline).toBe('PORT MERIDIAN (Island Wire) -');
    expect(node.locationCreated).toEqual({ '@type': 'Place', name: 'PORT MERIDIAN' });
    expect(node.sourceOrganization).toEqual({ '@type': 'Organization', name: 'Island Wire' });
    expect(node.keywords).toEqual(['ferries', 'Port Meridian', 'transport']);
    expect(node.isAccessibleForFree).toBe(false);
    expect(node.hasPart).toEqual([
      { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.paywall' },
      { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.members-only' },
    ]);
    expect(node.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        name: 'Correction',
        text: 'An earlier version misstated the vote as 6-3.',
        datePublished: '2026-03-11',
      },
      {
        '@type': 'CorrectionComment',
        name: 'Clarification',
        text: 'The trial began in 2024, not 2023.',
      },
    ]);
    expect(node.copyrightHolder).toEqual({ '@type': 'Organization', name: 'The Meridian Ledger' });
    expect(node.copyrightYear).toBe(2026);
    expect(node.copyrightNotice).toBe('Copyright 2026 The Meridian Ledger');
    expect(node.creativeWorkStatus).toEqual(['UPDATE 2']);
  });

  it('counts words in the body text, captions and code excluded', () => {
    // 12 (paragraph) + 2 (heading) + 8 (quote) + 4 + 4 (list items)
    expect(node.wordCount).toBe(30);
    // An empty body says nothing of the length: no `wordCount: 0`.
    expect(toJsonLd({ headline: 'x', body: [] }).wordCount).toBeUndefined();
    expect(
      toJsonLd({ headline: 'x', body: [{ type: 'paragraph', text: '港口委员会 voted — twice' }] })
        .wordCount,
    ).toBe(7);
  });

  it('adds articleBody only when asked', () => {
    expect(node.articleBody).toBeUndefined();
    expect(toJsonLd(full, { articleBody: true }).articleBody).toBe(
      [
        'The port board voted 7-2 on Tuesday to keep the night ferries.',
        'What changes',
        'We heard the night shift loud and clear.',
        'Departures every 40 minutes',
        'Last crossing 2 a.m.',
      ].join('\n\n'),
    );
  });

  it('marks a draft with creativeWorkStatus Draft', () => {
    expect(toJsonLd({ headline: 'x', body: [], draft: true }).creativeWorkStatus).toEqual([
      'Draft',
    ]);
  });
});

describe('toJsonLd edge cases', () => {
  it('writes an Organization editor as a contributor (editor is Person only)', () => {
    const node = toJsonLd({
      headline: 'x',
      body: [],
      byline: { contributors: [{ name: 'Desk', type: 'Organization', role: 'editor' }] },
    });
    expect(node.editor).toBeUndefined();
    expect(node.contributor).toEqual([{ '@type': 'Organization', name: 'Desk' }]);
  });

  it('keeps dateline (a NewsArticle property) off other types, but keeps its place', () => {
    const node = toJsonLd({
      headline: 'x',
      type: 'BlogPosting',
      body: [],
      dateline: { text: 'SALT ISLAND -', place: 'SALT ISLAND' },
    });
    expect(node.dateline).toBeUndefined();
    expect(node.locationCreated).toEqual({ '@type': 'Place', name: 'SALT ISLAND' });
  });

  it('writes dateline for every …NewsArticle type of the schema and for no other', () => {
    for (const type of articleTypeSchema.options) {
      const node = toJsonLd({ headline: 'x', type, body: [], dateline: { text: 'SALT ISLAND -' } });
      expect(node.dateline, type).toBe(type.endsWith('NewsArticle') ? 'SALT ISLAND -' : undefined);
    }
  });

  it('uses the options as defaults, the article first', () => {
    const publisher = { name: 'Default Times', url: 'https://default.example/' };
    const node = toJsonLd({ headline: 'x', body: [] }, { publisher, url: 'https://a.example/x' });
    expect(node.url).toBe('https://a.example/x');
    expect((node.publisher as Node).name).toBe('Default Times');
    const own = toJsonLd(
      { headline: 'x', body: [], url: 'https://own.example/x', publisher: { name: 'Own' } },
      { publisher, url: 'https://a.example/x' },
    );
    expect(own.url).toBe('https://own.example/x');
    expect((own.publisher as Node).name).toBe('Own');
  });

  it('never truncates', () => {
    const headline = `${'Night ferries '.repeat(2000)}end`;
    expect(toJsonLd({ headline, body: [] }).headline).toBe(headline);
  });

  it('throws a TypeError naming `article` when it is not an object', () => {
    expect(() => toJsonLd(null as unknown as ArticleInput)).toThrow(/`article`/);
    expect(() => toJsonLd('x' as unknown as ArticleInput)).toThrow(TypeError);
  });
});

describe('toJsonLd properties', () => {
  const options = [{}, { graph: true }, { graph: true, compat: true }, { articleBody: true }];

  it('has no undefined, only single @type strings, and does not mutate its input', () => {
    fc.assert(
      fc.property(anyArticle, fc.constantFrom(...options), (input, option) => {
        const before = structuredClone(input);
        const output = toJsonLd(input, option);
        expect(input).toEqual(before);
        expect(JSON.parse(JSON.stringify(output))).toEqual(output);
        walk(output, (node, path) => {
          for (const [key, value] of Object.entries(node)) {
            expect(value, `${path}.${key}`).not.toBeUndefined();
          }
          if ('@type' in node) expect(typeof node['@type'], path).toBe('string');
        });
      }),
      { numRuns: 200 },
    );
  });

  it('has a key order that does not depend on the input key order', () => {
    fc.assert(
      fc.property(anyArticle, fc.constantFrom(...options), (input, option) => {
        expect(JSON.stringify(toJsonLd(reverseKeys(input) as ArticleInput, option))).toBe(
          JSON.stringify(toJsonLd(input, option)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives a graph unique @ids, with every reference resolving to a node', () => {
    fc.assert(
      fc.property(anyArticle, fc.boolean(), (input, compat) => {
        const graph = toJsonLd(input, { graph: true, compat });
        const ids: string[] = [];
        const references: string[] = [];
        walk(graph, (node) => {
          const id = node['@id'];
          if (typeof id !== 'string') return;
          if (Object.keys(node).length === 1) references.push(id);
          else if (node['@type'] !== 'CollectionPage') ids.push(id);
        });
        expect(new Set(ids).size).toBe(ids.length);
        for (const reference of references) expect(ids).toContain(reference);
      }),
      { numRuns: 200 },
    );
  });
});

describe('toJsonLd graph', () => {
  const graph = toJsonLd(full, { graph: true }) as JsonLdGraph;
  const nodes = graph['@graph'] as Node[];
  const byType = (type: string) => nodes.filter((node) => node['@type'] === type);

  it('holds WebSite, WebPage, BreadcrumbList, the article, people and the publisher', () => {
    expect(nodes.map((node) => node['@type'])).toEqual([
      'WebSite',
      'WebPage',
      'BreadcrumbList',
      'AnalysisNewsArticle',
      'Person',
      'Person',
      'Organization',
      'Person',
      'Person',
      'Person',
      'NewsMediaOrganization',
    ]);
    expect(byType('WebSite')[0]).toMatchObject({
      '@id': 'https://ledger.example/#website',
      url: 'https://ledger.example/',
      name: 'The Meridian Ledger',
      publisher: { '@id': 'https://ledger.example/#publisher' },
    });
    expect(byType('WebPage')[0]).toMatchObject({
      '@id': `${full.url}#webpage`,
      isPartOf: { '@id': 'https://ledger.example/#website' },
      breadcrumb: { '@id': `${full.url}#breadcrumb` },
    });
  });

  it('builds the breadcrumb Home → section → article, every crumb but the last with its URL', () => {
    // `Local`, the crumb of section.path above `Harbour`, has no URL: Google asks for one.
    expect(byType('BreadcrumbList')[0]?.itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        name: 'The Meridian Ledger',
        item: 'https://ledger.example/',
      },
      {
        '@type': 'ListItem',
        position: 2,
        name: 'Harbour',
        item: 'https://ledger.example/local/harbour',
      },
      { '@type': 'ListItem', position: 3, name: full.headline, item: full.url },
    ]);
  });

  it('gives every crumb but the last an item, for any article and options', () => {
    fc.assert(
      fc.property(anyArticle, fc.option(url, { nil: undefined }), (input, site) => {
        const output = toJsonLd(input, {
          graph: true,
          site: site === undefined ? {} : { url: site },
        });
        for (const node of output['@graph'] as Node[]) {
          if (node['@type'] !== 'BreadcrumbList') continue;
          const crumbs = node.itemListElement as Node[];
          expect(crumbs.length).toBeGreaterThanOrEqual(2);
          for (const crumb of crumbs.slice(0, -1)) expect(typeof crumb.item).toBe('string');
          expect(crumbs.map((crumb) => crumb.position)).toEqual(
            crumbs.map((_, index) => index + 1),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('without URLs, links nodes by blank node ids and writes no WebSite, WebPage or breadcrumb', () => {
    const bare = toJsonLd(
      {
        headline: 'Night Ferries',
        body: [],
        byline: { contributors: [{ name: 'Ana Ruiz' }] },
        publisher: { name: 'The Ledger' },
      },
      { graph: true },
    );
    expect(bare['@graph']).toEqual([
      {
        '@type': 'NewsArticle',
        '@id': '_:article',
        headline: 'Night Ferries',
        author: [{ '@id': '_:person-ana-ruiz' }],
        publisher: { '@id': '_:publisher' },
      },
      { '@type': 'Person', '@id': '_:person-ana-ruiz', name: 'Ana Ruiz' },
      { '@type': 'NewsMediaOrganization', '@id': '_:publisher', name: 'The Ledger' },
    ]);
    expect(fromJsonLd(bare).article?.byline?.contributors).toEqual([
      { name: 'Ana Ruiz', type: 'Person', role: 'author' },
    ]);
  });

  it('with a site but no article URL, writes the WebSite and a breadcrumb ending in the headline', () => {
    const sited = toJsonLd(
      {
        headline: 'Night Ferries',
        body: [],
        section: { name: 'Harbour', url: 'https://ledger.example/harbour' },
      },
      { graph: true, site: { name: 'The Ledger', url: 'https://ledger.example/' } },
    );
    expect((sited['@graph'] as Node[]).map((node) => [node['@type'], node['@id']])).toEqual([
      ['WebSite', 'https://ledger.example/#website'],
      ['BreadcrumbList', '_:breadcrumb'],
      ['NewsArticle', '_:article'],
    ]);
    expect((sited['@graph'][1] as Node).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'The Ledger', item: 'https://ledger.example/' },
      { '@type': 'ListItem', position: 2, name: 'Harbour', item: 'https://ledger.example/harbour' },
      { '@type': 'ListItem', position: 3, name: 'Night Ferries' },
    ]);
  });

  it('links authors and publisher by @id, and a publisher affiliation to the publisher node', () => {
    const article = byType('AnalysisNewsArticle')[0]!;
    expect(article.author).toEqual([
      { '@id': 'https://ledger.example/#/schema/person/dana-whitfield' },
      { '@id': 'https://ledger.example/#/schema/person/omar-haddad' },
    ]);
    expect(article.publisher).toEqual({ '@id': 'https://ledger.example/#publisher' });
    expect(byType('Person')[0]?.affiliation).toEqual({
      '@id': 'https://ledger.example/#publisher',
    });
  });

  it('writes one node for a person named in two roles', () => {
    const twice = toJsonLd(
      {
        headline: 'x',
        body: [],
        byline: {
          contributors: [
            { name: 'Ana Ruiz', role: 'author' },
            { name: 'Ana Ruiz', role: 'translator' },
            { name: 'Ana Ruiz', role: 'author', url: 'https://other.example/ana' },
          ],
        },
      },
      { graph: true },
    );
    const people = twice['@graph'].filter((node) => node['@type'] === 'Person');
    expect(people.map((node) => (node as unknown as Node)['@id'])).toEqual([
      '_:person-ana-ruiz',
      '_:person-ana-ruiz-2',
    ]);
  });

  it('keeps @ids unique for many namesakes, in linear time', () => {
    const contributors = Array.from({ length: 20_000 }, (_, index) => ({
      name: 'Ana Ruiz',
      url: `https://ledger.example/staff/${index}`,
    }));
    const many = toJsonLd({ headline: 'x', body: [], byline: { contributors } }, { graph: true });
    const ids = many['@graph'].map((node) => (node as unknown as Node)['@id']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.at(-1)).toBe('_:person-ana-ruiz-20000');
  });

  it('writes people and publisher inline with compat: true', () => {
    const compat = toJsonLd(full, { graph: true, compat: true });
    const compatNodes = compat['@graph'] as Node[];
    expect(compatNodes.map((node) => node['@type'])).toEqual([
      'WebSite',
      'WebPage',
      'BreadcrumbList',
      'AnalysisNewsArticle',
    ]);
    const article = compatNodes[3]!;
    expect((article.author as Node[]).map((author) => author.name)).toEqual([
      'Dana Whitfield',
      'Omar Haddad',
    ]);
    expect((article.publisher as Node).name).toBe('The Meridian Ledger');
  });
});
