import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxUnmappedFindings } from '../../src/jsonld/from-json-ld.js';
import { fromJsonLd, jsonLdRules, toJsonLd } from '../../src/jsonld/index.js';
import { validateArticle } from '../../src/schema/index.js';
import { article as anyArticle } from './arbitraries.js';
import { cases, expectFile, fixturesRoot, readJson } from './fixtures.js';

describe('fromJsonLd fixtures (JSON-LD as sites write it)', () => {
  for (const name of cases('reading')) {
    it(name, () => {
      const folder = `${fixturesRoot}reading/${name}/`;
      const options = existsSync(`${folder}options.json`) ? readJson(`${folder}options.json`) : {};
      // As text, so that diagnostics carry their line and column in input.json.
      const text = readFileSync(`${folder}input.json`, 'utf8');
      const result = fromJsonLd(text, options as object);
      expect(fromJsonLd(JSON.parse(text), options as object).article).toEqual(result.article);
      if (result.article) expect(validateArticle(result.article).diagnostics).toEqual([]);
      const ids = new Set<string>(jsonLdRules.map((rule) => rule.id));
      for (const diagnostic of result.diagnostics) {
        expect(ids.has(diagnostic.ruleId) || diagnostic.ruleId === 'invalid-field').toBe(true);
      }
      expectFile(`${folder}expected.json`, result);
    });
  }
});

describe('fromJsonLd', () => {
  it('reads a node listed twice as one person: one `@id` referred to twice, or the same object', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsArticle',
          headline: 'Night Ferries',
          author: [{ '@id': '#ana' }, { '@id': '#lena' }, { '@id': '#ana' }],
        },
        { '@id': '#ana', '@type': 'Person', name: 'Ana Ruiz' },
        { '@id': '#lena', '@type': 'Person', name: 'Lena Moritz' },
      ],
    };
    const names = (value: object) =>
      fromJsonLd(value).article?.byline?.contributors.map((person) => person.name);
    expect(names(graph)).toEqual(['Ana Ruiz', 'Lena Moritz']);
    // The same object many times, without a name: one finding, not one per reference.
    const nameless = { '@type': 'Person', name: ['', ' '] };
    const shared = {
      '@type': 'NewsArticle',
      headline: 'Night Ferries',
      author: Array.from({ length: 1000 }, () => nameless),
    };
    const result = fromJsonLd(shared);
    expect(result.diagnostics.filter((d) => d.ruleId === 'missing-name')).toHaveLength(1);
    // Two people of the same name in two nodes stay two.
    const twins = {
      '@type': 'NewsArticle',
      headline: 'Night Ferries',
      author: [
        { '@type': 'Person', name: 'Ana Ruiz' },
        { '@type': 'Person', name: 'Ana Ruiz' },
      ],
    };
    expect(names(twins)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });

  it('reads a JSON string, and reports invalid JSON at its line and column', () => {
    expect(fromJsonLd('{"@type":"NewsArticle","headline":"x"}').article?.headline).toBe('x');
    const { article, diagnostics } = fromJsonLd('{\n  "@type": "NewsArticle",\n  "headline": x\n}');
    expect(article).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'invalid-json',
      severity: 'error',
      place: { line: 3, column: 15, offset: 42 },
      source: 'nutgraf',
    });
  });

  it('places a finding about a prefixed key at the key as written, and at the last of two spellings', () => {
    const placed = (text: string, key: string) => {
      const finding = fromJsonLd(text).diagnostics.find(
        (diagnostic) => diagnostic.ruleId === 'unmapped-property' && diagnostic.actual === key,
      );
      const place = finding?.place as { start: { offset: number }; end: { offset: number } };
      return text.slice(place.start.offset, place.end.offset);
    };
    const head = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x", ';
    expect(placed(`${head}"schema:mood": "calm"}`, 'mood')).toBe('"schema:mood": "calm"');
    expect(placed(`${head}"schema:mood": "calm", "mood": "wry"}`, 'mood')).toBe('"mood": "wry"');
    expect(placed(`${head}"mood": "wry", "schema:mood": "calm"}`, 'mood')).toBe(
      '"schema:mood": "calm"',
    );
  });

  it('lists the first 100 unmapped properties of a node one by one and the rest in one finding at the first of them', () => {
    const findings = (count: number) => {
      const more: Record<string, number> = {};
      for (let index = 0; index < count; index++) more[`k${index}`] = index;
      const text = JSON.stringify({ '@type': 'NewsArticle', headline: 'x', ...more });
      const unmapped = fromJsonLd(text).diagnostics.filter(
        (diagnostic) => diagnostic.ruleId === 'unmapped-property',
      );
      return { text, unmapped };
    };
    // Up to 101 properties, each has its finding (a summary of one would say no less).
    expect(findings(101).unmapped.map((diagnostic) => diagnostic.actual)).toEqual(
      Array.from({ length: 101 }, (_, index) => `k${index}`),
    );
    for (const count of [102, 5000]) {
      const { text, unmapped } = findings(count);
      expect(unmapped).toHaveLength(maxUnmappedFindings + 1);
      const last = unmapped[maxUnmappedFindings];
      expect(last?.actual).toBe('k100');
      expect(last?.message).toBe(
        `Property \`k100\` and ${count - 101} more after it have no place in the article model (not listed one by one)`,
      );
      const place = last?.place as { start: { offset: number }; end: { offset: number } };
      expect(text.slice(place.start.offset, place.end.offset)).toBe('"k100":100');
    }
  });

  it('reads the article type from a @type array, preferring the most specific', () => {
    for (const [types, expected] of [
      [['Article', 'NewsArticle'], 'NewsArticle'],
      [['NewsArticle', 'Article'], 'NewsArticle'],
      [['WebPage', 'OpinionNewsArticle'], 'OpinionNewsArticle'],
      [['TechArticle'], 'Article'],
      [['AskPublicNewsArticle'], 'NewsArticle'],
    ] as const) {
      expect(fromJsonLd({ '@type': types, headline: 'x' }).article?.type).toBe(expected);
    }
  });

  it('finds an article nested in a WebPage mainEntity', () => {
    const { article } = fromJsonLd({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      name: 'Page',
      mainEntity: { '@type': 'NewsArticle', headline: 'Nested' },
    });
    expect(article?.headline).toBe('Nested');
  });

  describe('chooses the page’s main article among several', () => {
    const story = { '@type': 'NewsArticle', headline: 'The Story', author: 'Ana Ruiz' };
    const headlineOf = (input: unknown, options = {}) =>
      fromJsonLd(input, options).article?.headline;

    it('reads a top-level article before one nested in another node (subjectOf, ItemList, hasPart)', () => {
      const nested = {
        '@type': 'NewsArticle',
        headline: 'Nested',
        author: 'Lena Moritz',
        about: 'x',
        wordCount: 900,
      };
      expect(headlineOf([{ '@type': 'VideoObject', name: 'Clip', subjectOf: nested }, story])).toBe(
        'The Story',
      );
      expect(
        headlineOf({
          '@graph': [
            { '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: nested }] },
            story,
          ],
        }),
      ).toBe('The Story');
      expect(headlineOf({ ...story, hasPart: nested })).toBe('The Story');
    });

    it('reads a WebPage’s mainEntity as top-level, by reference too', () => {
      expect(
        headlineOf({
          '@graph': [
            { '@type': 'WebPage', '@id': '#page', mainEntity: { '@id': '#main' } },
            { '@type': 'ItemList', itemListElement: [{ '@type': 'Article', headline: 'Teaser' }] },
            { '@type': 'Article', '@id': '#main', headline: 'Main' },
          ],
        }),
      ).toBe('Main');
    });

    it('reads the node whose url, @id or mainEntityOfPage is `options.url` first', () => {
      const teaser = (n: number) => ({
        '@type': 'NewsArticle',
        headline: `Teaser ${n}`,
        mainEntityOfPage: { '@type': 'WebPage', '@id': `/news/${n}.html` },
      });
      const page = [teaser(1), teaser(2), teaser(3)];
      expect(headlineOf(page)).toBe('Teaser 1');
      expect(headlineOf(page, { url: 'https://ledger.example/news/2.html#top' })).toBe('Teaser 2');
      expect(headlineOf(page, { url: 'http://LEDGER.example/news/3.html/' })).toBe('Teaser 3');
      const { diagnostics } = fromJsonLd(page, { url: 'https://ledger.example/news/3.html' });
      expect(diagnostics.find((d) => d.ruleId === 'multiple-articles')?.message).toBe(
        'Found 3 article nodes: read `Teaser 3`, the one whose URL is the page’s (`options.url`)',
      );
    });

    it('then prefers a headline, a more specific type, more properties, document order', () => {
      expect(headlineOf([{ '@type': 'Article' }, { '@type': 'Article', name: 'Named' }])).toBe(
        'Named',
      );
      expect(headlineOf([{ '@type': 'Article', headline: 'Plain' }, story])).toBe('The Story');
      expect(
        headlineOf([
          { '@type': 'article', headline: 'Lower', a: 1, b: 2 },
          { '@type': 'Article', headline: 'Right' },
        ]),
      ).toBe('Right');
      expect(headlineOf([{ '@type': 'NewsArticle', headline: 'Small' }, story])).toBe('The Story');
      expect(headlineOf([story, { ...story, headline: 'Twin' }])).toBe('The Story');
    });

    it('throws a TypeError for a `url` that is not a string', () => {
      expect(() => fromJsonLd(story, { url: 42 as unknown as string })).toThrow(/`options.url`/);
    });
  });

  it('reads author names from strings, objects and arrays, one contributor each', () => {
    const { article } = fromJsonLd({
      '@type': 'NewsArticle',
      headline: 'x',
      author: ['Ana Ruiz', { '@type': 'Organization', name: 'Island Wire' }],
      editor: { name: 'Priya Nair' },
    });
    expect(article?.byline?.contributors).toEqual([
      { name: 'Ana Ruiz', type: 'Person', role: 'author' },
      { name: 'Island Wire', type: 'Organization', role: 'author' },
      { name: 'Priya Nair', type: 'Person', role: 'editor' },
    ]);
  });

  it('reads every author string as a byline: several people, agencies, intro words, titles', () => {
    const read = (author: unknown) => {
      const { article, diagnostics } = fromJsonLd({
        '@type': 'NewsArticle',
        headline: 'x',
        author,
      });
      return {
        contributors: article?.byline?.contributors,
        rules: diagnostics.map((diagnostic) => diagnostic.ruleId),
      };
    };
    expect(read('By Meg Kinnard and Errin Haines, Associated Press')).toEqual({
      contributors: [
        { name: 'Meg Kinnard', type: 'Person', role: 'author', affiliation: 'Associated Press' },
        { name: 'Errin Haines', type: 'Person', role: 'author', affiliation: 'Associated Press' },
      ],
      rules: ['multiple-authors-in-one-name'],
    });
    for (const agency of ['Reuters', 'Associated Press', 'The Associated Press', 'AFP']) {
      expect(read(agency).contributors, agency).toEqual([
        { name: agency, type: 'Organization', role: 'author' },
      ]);
      // A node typed Person that names an agency is read as one, and reported.
      expect(read({ '@type': 'Person', name: agency })).toEqual({
        contributors: [{ name: agency, type: 'Organization', role: 'author' }],
        rules: ['author-type-mismatch'],
      });
    }
    expect(read('  Ana \n Ruiz  ')).toEqual({
      contributors: [{ name: 'Ana Ruiz', type: 'Person', role: 'author' }],
      rules: [],
    });
    expect(read({ '@type': 'Person', name: 'By GREG BEACHAM, AP Sports Writer' })).toEqual({
      contributors: [
        { name: 'GREG BEACHAM', type: 'Person', role: 'author', jobTitle: 'AP Sports Writer' },
      ],
      rules: ['author-name-has-prefix'],
    });
    expect(read('Troy Lane, Cleveland.com').rules).toEqual(['author-name-has-outlet']);
  });

  it('keeps author names parseByline would cut or split wrongly as written', () => {
    for (const name of [
      'jdoe81',
      'admin',
      'Doe, Jane',
      'Smith, John A.',
      'Bruno (Henrique) Rodrigues',
    ]) {
      const { article, diagnostics } = fromJsonLd({
        '@type': 'NewsArticle',
        headline: 'x',
        author: name,
      });
      expect(article?.byline?.contributors, name).toEqual([
        { name, type: 'Person', role: 'author' },
      ]);
      expect(diagnostics, name).toEqual([]);
    }
    // Organizations are named as they are: `Procter and Gamble` is one.
    const { article } = fromJsonLd({
      '@type': 'NewsArticle',
      headline: 'x',
      author: { '@type': 'Organization', name: ' Procter and Gamble ' },
    });
    expect(article?.byline?.contributors).toEqual([
      { name: 'Procter and Gamble', type: 'Organization', role: 'author' },
    ]);
  });

  it('reads nested author arrays and organization types in any letter case', () => {
    const { article } = fromJsonLd({
      '@type': 'newsarticle',
      headline: 'x',
      author: [[{ '@type': 'organization', name: 'Island Wire' }, ['Ana Ruiz']], 'Lena Moritz'],
    });
    expect(article?.type).toBe('NewsArticle');
    expect(article?.byline?.contributors).toEqual([
      { name: 'Island Wire', type: 'Organization', role: 'author' },
      { name: 'Ana Ruiz', type: 'Person', role: 'author' },
      { name: 'Lena Moritz', type: 'Person', role: 'author' },
    ]);
  });

  it('reads a node typed both Person and Organization (a person’s own site) as a person', () => {
    const { article } = fromJsonLd({
      '@type': 'BlogPosting',
      headline: 'x',
      author: { '@type': ['Person', 'Organization'], name: 'Ana Ruiz' },
      publisher: { '@type': ['Person', 'Organization'], name: 'Ana Ruiz' },
    });
    expect(article?.byline?.contributors).toEqual([
      { name: 'Ana Ruiz', type: 'Person', role: 'author' },
    ]);
  });

  it('keeps a split node’s own properties off the people it names', () => {
    const { article, diagnostics } = fromJsonLd({
      '@type': 'NewsArticle',
      headline: 'x',
      author: {
        '@type': 'Person',
        name: 'Hedda Thielking und Bettina Röttig',
        url: 'https://ledger.example/team',
      },
    });
    expect(article?.byline?.contributors).toEqual([
      { name: 'Hedda Thielking', type: 'Person', role: 'author' },
      { name: 'Bettina Röttig', type: 'Person', role: 'author' },
    ]);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'multiple-authors-in-one-name',
      message:
        '`author` holds 2 names in one (`Hedda Thielking und Bettina Röttig`): read as Hedda Thielking, Bettina Röttig',
    });
  });

  it('decodes text a page HTML-encoded before writing it into JSON-LD, and says so once', () => {
    const { article, diagnostics } = fromJsonLd(
      JSON.stringify({
        '@type': 'NewsArticle',
        headline: 'Don&#8217;t Wait &#8211; Ferries &amp; Buses',
        description: 'AT&T &amp; partners',
        url: 'https://ledger.example/a?b=1&#038;c=2',
        author: { '@type': 'Person', name: 'Ana&nbsp;Ruiz' },
        keywords: 'Q&amp;A, Harbour',
        articleSection: 'Caf&eacute; &lt;Culture&gt;',
      }),
    );
    expect(article).toMatchObject({
      headline: 'Don’t Wait – Ferries & Buses',
      // A bare `&` means the text was not encoded: kept as written.
      description: 'AT&T &amp; partners',
      url: 'https://ledger.example/a?b=1&c=2',
      // Decoded, then white space collapsed as in every name.
      byline: { contributors: [{ name: 'Ana Ruiz' }] },
      keywords: ['Q&A', 'Harbour'],
      section: { name: 'Café <Culture>' },
    });
    expect(diagnostics.filter((d) => d.ruleId === 'encoded-text')).toEqual([
      {
        ruleId: 'encoded-text',
        severity: 'info',
        message:
          'Unexpected HTML character references in the text of `headline` (and 4 more), expected plain text: read decoded',
        place: {
          start: { line: 1, column: 24, offset: 23 },
          end: { line: 1, column: 81, offset: 80 },
        },
        source: 'nutgraf',
      },
    ]);
  });

  it('reads dates that are not ISO 8601 (RFC 2822, zone names, Date#toString, printed), with a warning', () => {
    const cases = [
      ['Mon, 18 Nov 2019 16:07:38 -0600', '2019-11-18T16:07:38-06:00'],
      ['19 Nov 2019 07:09 GMT', '2019-11-19T07:09:00Z'],
      ['2022-05-04T03:00:00 UTC', '2022-05-04T03:00:00Z'],
      ['Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)', '2019-11-19T03:05:46Z'],
      ['November 19, 2019', '2019-11-19'],
    ] as const;
    for (const [text, expected] of cases) {
      const { article, diagnostics } = fromJsonLd({
        '@type': 'NewsArticle',
        headline: 'x',
        datePublished: text,
      });
      expect(article?.datePublished, text).toBe(expected);
      expect(diagnostics, text).toMatchObject([
        { ruleId: 'date-not-iso', severity: 'warning', actual: text.slice(0, 60), expected },
      ]);
    }
  });

  it('reads a printed numeric date in the article language, and a printed time in `timeZone`', () => {
    const read = (language: string | undefined, date: string, timeZone?: string) =>
      fromJsonLd(
        { '@type': 'NewsArticle', headline: 'x', inLanguage: language, datePublished: date },
        timeZone === undefined ? {} : { timeZone },
      ).article?.datePublished;
    expect(read('en-US', '03/04/2015')).toBe('2015-03-04');
    expect(read('de', '03/04/2015')).toBe('2015-04-03');
    expect(read(undefined, 'March 10, 2026 6:05 PM')).toBe('2026-03-10');
    expect(read(undefined, 'March 10, 2026 6:05 PM', 'America/New_York')).toBe(
      '2026-03-10T18:05:00-04:00',
    );
    expect(read(undefined, 'yesterday')).toBeUndefined();
    expect(read(undefined, `${'March 10, 2026 '.repeat(20)}`)).toBeUndefined();
  });

  it('keeps offsets as written and normalizes compact ones', () => {
    const read = (date: string) =>
      fromJsonLd({ '@type': 'NewsArticle', headline: 'x', datePublished: date }).article
        ?.datePublished;
    expect(read('2026-03-10T18:05:00-05:00')).toBe('2026-03-10T18:05:00-05:00');
    expect(read('2026-03-10T18:05:00.123Z')).toBe('2026-03-10T18:05:00.123Z');
    expect(read('2026-03-10T18:05:00+0530')).toBe('2026-03-10T18:05:00+05:30');
    expect(read('2026-03-10 18:05:00+01')).toBe('2026-03-10T18:05:00+01:00');
    expect(read('2026-03-10')).toBe('2026-03-10');
  });

  it('applies the time zone to date-times without an offset, daylight saving included', () => {
    const read = (date: string, timeZone: string) =>
      fromJsonLd({ '@type': 'NewsArticle', headline: 'x', datePublished: date }, { timeZone })
        .article?.datePublished;
    expect(read('2026-01-15T08:45:00', 'America/New_York')).toBe('2026-01-15T08:45:00-05:00');
    expect(read('2026-07-15T08:45:00', 'America/New_York')).toBe('2026-07-15T08:45:00-04:00');
    expect(read('2026-11-01T03:00:00', 'America/New_York')).toBe('2026-11-01T03:00:00-05:00');
    expect(read('2026-11-01T01:30:00', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(read('2026-07-15T08:45', 'Asia/Kolkata')).toBe('2026-07-15T08:45:00+05:30');
    expect(read('2026-07-15T08:45:00', 'UTC')).toBe('2026-07-15T08:45:00+00:00');
  });

  it('throws a TypeError for misuse, naming the argument', () => {
    expect(() => fromJsonLd(42)).toThrow(/`input`/);
    expect(() => fromJsonLd(null)).toThrow(/`input`/);
    expect(() => fromJsonLd({}, { timeZone: 'Mars/Olympus' })).toThrow(/`options.timeZone`/);
  });

  it('keeps only sizes the model accepts (positive safe integers)', () => {
    const read = (width: unknown) =>
      fromJsonLd({
        '@type': 'NewsArticle',
        headline: 'x',
        image: { url: 'https://a.example/i.jpg', width },
      }).article?.image?.width;
    expect(read(1600)).toBe(1600);
    expect(read('1600')).toBe(1600);
    expect(read('1600px')).toBe(1600);
    expect(read({ '@type': 'QuantitativeValue', value: 1600 })).toBe(1600);
    for (const bad of [0, -1, 1.5, 2 ** 53, '16.5', 'wide', null])
      expect(read(bad)).toBeUndefined();
  });

  it('reads an empty articleSection next to a CollectionPage as a section without a path', () => {
    const { article, diagnostics } = fromJsonLd({
      '@type': 'NewsArticle',
      headline: 'Night ferries approved',
      articleSection: [],
      isPartOf: { '@type': 'CollectionPage', name: 'Local', url: 'https://a.example/local/' },
    });
    expect(article?.section).toEqual({ name: 'Local', url: 'https://a.example/local/' });
    expect(validateArticle(article).diagnostics).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('never throws on any JSON value, and any article it returns is valid', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const input = typeof value === 'object' && value !== null ? value : { value };
        const result = fromJsonLd(input);
        if (result.article) expect(validateArticle(result.article).diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on damaged JSON-LD, and any article it returns is valid', () => {
    const damaged = fc
      .tuple(
        anyArticle,
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.jsonValue()), { maxLength: 6 }),
      )
      .map(([input, graph, damage]) => {
        const document = JSON.parse(JSON.stringify(toJsonLd(input, { graph })));
        const objects: Array<Record<string, unknown>> = [];
        const collect = (value: unknown) => {
          if (Array.isArray(value)) value.forEach(collect);
          else if (typeof value === 'object' && value !== null) {
            objects.push(value as Record<string, unknown>);
            Object.values(value).forEach(collect);
          }
        };
        collect(document);
        for (const [index, replacement] of damage) {
          const target = objects[index % objects.length]!;
          const keys = Object.keys(target);
          if (keys.length > 0) target[keys[index % keys.length]!] = replacement;
        }
        return document;
      });
    fc.assert(
      fc.property(damaged, (document) => {
        const result = fromJsonLd(document);
        if (result.article) expect(validateArticle(result.article).diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the same error offset as the engine when the engine gives one', () => {
    const nearlyJson = fc
      .tuple(
        fc.jsonValue(),
        fc.nat(),
        fc.constantFrom('', 'x', '"', '}', ']', ',', ':', '\\', '\n', '-'),
      )
      .map(([value, at, insert]) => {
        const text = JSON.stringify(value, null, 1);
        const cut = at % (text.length + 1);
        return text.slice(0, cut) + insert + text.slice(cut + (insert === '' ? 1 : 0));
      });
    fc.assert(
      fc.property(fc.oneof(nearlyJson, fc.string()), (text) => {
        let position: number | undefined;
        try {
          JSON.parse(text);
          return;
        } catch (error) {
          const match = /at position (\d+)/.exec((error as Error).message);
          if (match) position = Number(match[1]);
        }
        const { diagnostics } = fromJsonLd(text);
        const offset = (diagnostics[0]!.place as { offset: number }).offset;
        if (position !== undefined) expect(offset).toBe(position);
        else expect(offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(anyArticle, fc.boolean(), (input, graph) => {
        const document = JSON.parse(JSON.stringify(toJsonLd(input, { graph })));
        const before = structuredClone(document);
        fromJsonLd(document);
        expect(document).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('reads many article nodes in linear time', () => {
    const many = Array.from({ length: 50_000 }, (_, index) => ({
      '@type': 'NewsArticle',
      headline: `Story ${index}`,
    }));
    const result = fromJsonLd(many);
    expect(result.article?.headline).toBe('Story 0');
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'multiple-articles',
    ]);
  });

  it('survives deep nesting, shared objects and cycles in object input', () => {
    const deep = `${'['.repeat(10_000)}{"@type":"NewsArticle","headline":"deep"}${']'.repeat(10_000)}`;
    expect(fromJsonLd(deep).diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'unmapped-value',
      'no-article',
    ]);
    const broken = `${'['.repeat(10_000)}{"headline":x}`;
    expect(fromJsonLd(broken).diagnostics[0]).toMatchObject({
      ruleId: 'invalid-json',
      place: { line: 1, column: 10_013 },
    });
    const shared: Record<string, unknown> = { '@type': 'Person', name: 'Ana' };
    let wide: unknown = shared;
    for (let level = 0; level < 40; level++) wide = { a: wide, b: wide };
    const cyclic: Record<string, unknown> = {
      '@type': 'NewsArticle',
      headline: 'x',
      about: wide,
    };
    cyclic.isPartOf = cyclic;
    const result = fromJsonLd(cyclic);
    expect(result.article?.headline).toBe('x');
    const named: Record<string, unknown> = { '@type': 'Person' };
    named.name = named;
    const list: unknown[] = [];
    list.push(list);
    const sized: Record<string, unknown> = {};
    sized.value = sized;
    const loops = fromJsonLd({
      '@type': 'NewsArticle',
      headline: named,
      name: 'Fallback',
      author: named,
      url: list,
      image: { url: 'https://a.example/i.jpg', width: sized },
    });
    expect(loops.article?.headline).toBe('Fallback');
    expect(loops.article?.image).toEqual({ url: 'https://a.example/i.jpg' });
  });
});
