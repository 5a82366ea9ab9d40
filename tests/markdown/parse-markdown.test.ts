import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { markdownRules, parseMarkdown } from '../../src/markdown/index.js';
import {
  type Block,
  type Diagnostic,
  type Inline,
  type Position,
  sourceOf,
} from '../../src/schema/index.js';

function startOf(diagnostic: Diagnostic | undefined): [number, number] | undefined {
  const place = diagnostic?.place as Position | undefined;
  return place ? [place.start.line, place.start.column] : undefined;
}

describe('parseMarkdown: positions', () => {
  const source = [
    '---', // 1
    'title: Council Approves Budget', // 2
    'date: yesterday', // 3
    'authors: 42', // 4
    'canonical: ftp://example.com/budget', // 5
    'title: Again', // 6
    '  # a comment', // 7
    'image:', // 8
    '  src: https://example.com/a.jpg', // 9
    '  width: wide', // 10
    '---', // 11
    '',
    'Text.',
  ].join('\n');
  const { diagnostics, sources } = parseMarkdown(source, { file: 'budget.md' });
  const byRule = (ruleId: string, path?: string) =>
    diagnostics.find(
      (diagnostic) =>
        diagnostic.ruleId === ruleId && (path === undefined || diagnostic.path?.join('.') === path),
    );

  it('points a wrong date at its value', () => {
    expect(startOf(byRule('invalid-field', 'datePublished'))).toEqual([3, 7]);
  });
  it('points a wrong authors type at its value', () => {
    expect(startOf(byRule('invalid-field', 'byline'))).toEqual([4, 10]);
  });
  it('points a bad URL at its value', () => {
    expect(startOf(byRule('invalid-field', 'url'))).toEqual([5, 12]);
  });
  it('points a duplicate key at the second key', () => {
    expect(startOf(byRule('frontmatter-duplicate-key'))).toEqual([6, 1]);
  });
  it('points a wrong nested value at that value', () => {
    expect(startOf(byRule('invalid-field', 'image.width'))).toEqual([10, 10]);
  });
  it('reports every problem in one pass, in file order, with the file name', () => {
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'invalid-field',
      'invalid-field',
      'invalid-field',
      'frontmatter-duplicate-key',
      'invalid-field',
    ]);
    for (const diagnostic of diagnostics) expect(diagnostic.file).toBe('budget.md');
  });
  it('maps fields to their places', () => {
    expect(sourceOf(sources, 'headline')?.start).toEqual({ line: 2, column: 8, offset: 11 });
    expect(sourceOf(sources, 'body.0')?.start.line).toBe(13);
  });
  it('uses only rule ids from the rule table, with their severities', () => {
    for (const diagnostic of diagnostics) {
      const rule = markdownRules[diagnostic.ruleId as keyof typeof markdownRules];
      expect(rule?.severity).toBe(diagnostic.severity);
    }
  });
  it('keeps positions right after a byte order mark and CRLF line endings', () => {
    const result = parseMarkdown('\ufeff---\r\ntitle: A\r\ndate: nope\r\n---\r\n\r\nText.\r\n');
    expect(startOf(result.diagnostics[0])).toEqual([3, 7]);
  });
});

describe('parseMarkdown: key table', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['title', 'title: A', { headline: 'A' }],
    ['headline', 'headline: A', { headline: 'A' }],
    ['pubDate', 'pubDate: 2020-01-02', { datePublished: '2020-01-02' }],
    ['publishDate', 'publishDate: 2020-01-02', { datePublished: '2020-01-02' }],
    ['published as a date', 'published: 2020-01-02', { datePublished: '2020-01-02' }],
    ['lastmod', 'lastmod: 2020-01-03T10:00:00Z', { dateModified: '2020-01-03T10:00:00Z' }],
    ['updated', 'updated: 2020-01-03', { dateModified: '2020-01-03' }],
    ['last_modified_at', 'last_modified_at: 2020-01-03', { dateModified: '2020-01-03' }],
    ['updatedDate', 'updatedDate: 2020-01-03', { dateModified: '2020-01-03' }],
    ['summary', 'summary: S', { description: 'S' }],
    ['excerpt', 'excerpt: S', { description: 'S' }],
    ['subtitle', 'subtitle: S', { alternativeHeadline: 'S' }],
    ['category', 'category: World', { section: { name: 'World' } }],
    ['keywords as a string', 'keywords: a, b', { keywords: ['a', 'b'] }],
    ['language', 'language: en_GB', { language: 'en-GB' }],
    ['canonical_url', 'canonical_url: https://example.com/a', { url: 'https://example.com/a' }],
    ['cover', 'cover: https://example.com/a.jpg', { image: { url: 'https://example.com/a.jpg' } }],
    [
      'featured_image with url',
      'featured_image:\n  url: https://example.com/a.jpg\n  alt: A',
      { image: { url: 'https://example.com/a.jpg', alt: 'A' } },
    ],
    [
      'image_credit',
      'image: https://example.com/a.jpg\nimage_credit: Ana Ruiz',
      {
        image: {
          url: 'https://example.com/a.jpg',
          caption: { text: '', credit: { text: 'Ana Ruiz' } },
        },
      },
    ],
    [
      'Author in capitals',
      'Author: Ana Ruiz',
      { byline: { contributors: [{ name: 'Ana Ruiz', type: 'Person', role: 'author' }] } },
    ],
    ['draft', 'draft: true', { draft: true }],
  ];
  it.each(cases)('reads %s', (_, yaml, expected) => {
    const title = /^(?:title|headline):/.test(yaml) ? '' : 'title: T\n';
    const { article, diagnostics } = parseMarkdown(`---\n${title}${yaml}\n---\n\nText.\n`);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
    expect(article).toMatchObject(expected);
  });

  it('reports shadowed keys and keeps the first in table order', () => {
    const { article, diagnostics } = parseMarkdown(
      '---\ntitle: T\nexcerpt: E\ndescription: D\n---\n',
    );
    expect(article?.description).toBe('D');
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, startOf(diagnostic)])).toEqual([
      ['frontmatter-shadowed-key', [3, 1]],
    ]);
  });

  it('keeps unknown keys in `extra`, silently unless strict', () => {
    const source = '---\ntitle: T\nlayout: post\nweight: 3\n---\n';
    expect(parseMarkdown(source)).toMatchObject({
      diagnostics: [],
      extra: { layout: 'post', weight: 3 },
    });
    expect(parseMarkdown(source, { strict: true }).diagnostics.map((d) => d.ruleId)).toEqual([
      'frontmatter-unknown-key',
      'frontmatter-unknown-key',
    ]);
  });

  it('resolves author slugs and image ids through lookups (table or function)', () => {
    const source = '---\ntitle: T\nauthors: [ana-ruiz, x]\nprimary_image: harbour-at-night\n---\n';
    const { article, diagnostics } = parseMarkdown(source, {
      authors: (slug) => (slug === 'ana-ruiz' ? { name: 'Ana Ruiz' } : undefined),
      images: { 'harbour-at-night': { url: 'https://example.com/h.jpg', alt: 'Harbour' } },
    });
    expect(article?.byline?.contributors.map((contributor) => contributor.name)).toEqual([
      'Ana Ruiz',
      'x',
    ]);
    expect(article?.image).toEqual({ url: 'https://example.com/h.jpg', alt: 'Harbour' });
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['author-unresolved']);
  });

  it('resolves relative URLs against baseUrl', () => {
    const { article } = parseMarkdown('---\ntitle: T\nimage: /a.jpg\n---\n\n![b](img/b.jpg)\n', {
      baseUrl: 'https://example.com/news/',
    });
    expect(article?.image?.url).toBe('https://example.com/a.jpg');
    expect(article?.body[0]).toMatchObject({
      type: 'figure',
      url: 'https://example.com/news/img/b.jpg',
    });
  });

  it('keeps a date-time without offset as its date, or uses timeZone', () => {
    const source = '---\ntitle: T\ndate: 2024-07-01 09:00:00\n---\n';
    const plain = parseMarkdown(source);
    expect(plain.article?.datePublished).toBe('2024-07-01');
    expect(plain.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'date-without-offset',
    ]);
    expect(parseMarkdown(source, { timeZone: 'Europe/Lisbon' }).article?.datePublished).toBe(
      '2024-07-01T09:00:00+01:00',
    );
  });

  it('reads a VFile and uses its path', () => {
    const file = new VFile({ path: 'posts/2012-03-04-a.md', value: '---\ntitle: T\n---\n' });
    const { article, diagnostics } = parseMarkdown(file);
    expect(article?.datePublished).toBe('2012-03-04');
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'date-from-filename',
      file: 'posts/2012-03-04-a.md',
    });
  });

  it('does not mutate its options', () => {
    const options = Object.freeze({ authors: Object.freeze({ a: { name: 'A' } }), strict: true });
    expect(() => parseMarkdown('---\ntitle: T\nauthor: a\n---\n', options)).not.toThrow();
  });
});

describe('parseMarkdown: bad input', () => {
  it('throws only for a wrong argument type, naming it', () => {
    expect(() => parseMarkdown(42 as unknown as string)).toThrow(/`source`/);
    expect(() => parseMarkdown('', null as unknown as undefined)).toThrow(/`options`/);
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        parseMarkdown(text);
        parseMarkdown(`---\n${text}\n---\n${text}`);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on frontmatter-like input', () => {
    const line = fc.oneof(
      fc.constantFrom(
        'title: A',
        'date: 2020-01-01',
        'authors:',
        '  - a',
        '- b',
        '"',
        "'",
        ': x',
        '---',
        '\t',
        '[',
        '{',
        '&a x',
        '*a',
        '!!binary x',
        'image:',
        '  src: /x',
        'tags: 1',
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const result = parseMarkdown(`---\n${lines.join('\n')}\n---\n\nBody.\n`);
        for (const diagnostic of result.diagnostics) expect(diagnostic.source).toBe('nutgraf');
      }),
      { numRuns: 300 },
    );
  });

  it('reports a YAML alias bomb instead of expanding it', () => {
    const bomb = [
      '---',
      'title: Bomb',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'tags: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      '---',
    ].join('\n');
    const result = parseMarkdown(bomb);
    expect(result.article?.headline).toBe('Bomb');
    expect(result.diagnostics.some((d) => d.ruleId === 'frontmatter-invalid-yaml')).toBe(true);
  });

  it('reads a large file', () => {
    const paragraph = 'The council met again on Tuesday to discuss the harbour budget. '.repeat(20);
    const big = `---\ntitle: Long\n---\n\n${`${paragraph}\n\n`.repeat(2000)}`;
    const result = parseMarkdown(big);
    expect(result.article?.body).toHaveLength(2000);
  });

  it.each([
    [
      'long runs of spaces in a paragraph',
      `# T\n\na${' '.repeat(200_000)}x\nb${' \t'.repeat(50_000)}\nc`,
    ],
    ['an unclosed shortcode', `# T\n\n{{< figure src="a"${' '.repeat(200_000)}`],
    // remark-gfm's literal-link tokenizer made this quadratic (100,000 words took 6 minutes);
    // nutgraf reads literal links from the text nodes in linear time.
    ['an unclosed caption shortcode', `# T\n\n[caption${' x'.repeat(100_000)} ![a](b.jpg)`],
    ['many unindented lines in a quoted value', `---\ntitle: "T\n${'x\n'.repeat(20_000)}"\n---\n`],
    ['many figcaptions', `# T\n\n<figure>${'<figcaption>a'.repeat(10_000)}</figure>`],
    ['deeply nested emphasis and quotes', `# T\n\n${'> '.repeat(2_000)}${'*a '.repeat(5_000)}`],
  ])('reads %s without hanging', (_, text) => {
    expect(() => parseMarkdown(text)).not.toThrow();
  });

  it('reads a file without frontmatter, with a headline heading', () => {
    expect(parseMarkdown('# Hello\n\nWorld.').article).toMatchObject({
      headline: 'Hello',
      body: [{ type: 'paragraph', text: 'World.' }],
    });
  });

  it('reports a missing headline without an article', () => {
    const result = parseMarkdown('Just text.');
    expect(result.article).toBeUndefined();
    expect(result.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['missing-headline']);
  });
});

describe('parseMarkdown: image shortcodes', () => {
  it('resolves a shortcode src through `images` before reading it as a URL', () => {
    const { article } = parseMarkdown('# T\n\n{{< img src="harbour-at-night" >}}\n', {
      baseUrl: 'https://example.com/',
      images: { 'harbour-at-night': { url: 'https://cdn.example.com/h.jpg', alt: 'Harbour' } },
    });
    expect(article?.body).toEqual([
      { type: 'figure', url: 'https://cdn.example.com/h.jpg', alt: 'Harbour' },
    ]);
  });
});

describe('parseMarkdown: deep nesting', () => {
  it('reads a list nested 2,000 levels deep as 32 nested lists, the innermost text kept', () => {
    const { article, diagnostics } = parseMarkdown(`# N\n\n${'- '.repeat(2000)}x\n`);
    let expected: Block = { type: 'list', ordered: false, items: [{ text: 'x' }] };
    const path: Array<string | number> = ['body', 0];
    for (let level = 1; level < 32; level++) {
      expected = { type: 'list', ordered: false, items: [{ text: '', blocks: [expected] }] };
      path.push('items', 0, 'blocks', 0);
    }
    expect(article?.body).toEqual([expected]);
    expect(diagnostics).toMatchObject([
      {
        ruleId: 'list-nested-too-deep',
        message: /nested more than 32 levels/,
        path: [...path, 'items', 0],
      },
    ]);
    expect(diagnostics[0]?.place).toMatchObject({ start: { line: 3, column: 63 } });
  });

  it('reads a quote nested 6,000 levels deep, with and without frontmatter', () => {
    const quote = `${'>'.repeat(6000)} x\n`;
    for (const head of ['---\ntitle: N\n---\n\n', '# N\n\n']) {
      const { article, diagnostics, sources } = parseMarkdown(head + quote);
      expect(diagnostics).toEqual([]);
      expect(article?.body).toEqual([{ type: 'quote', text: 'x' }]);
      expect(sourceOf(sources, 'body.0')?.start.line).toBe(head.split('\n').length);
    }
  });

  it('keeps the text of formatting nested too deeply, reporting where it starts', () => {
    const stars = '*'.repeat(80);
    const { article, diagnostics } = parseMarkdown(`# N\n\nThe port ${stars}won${stars}.\n`);
    expect(article?.body).toHaveLength(1);
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: 'The port won.' });
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.path])).toEqual([
      ['inline-nested-too-deep', ['body', 0]],
    ]);
    expect(startOf(diagnostics[0])?.[0]).toBe(3);
    // 32 levels are kept.
    let depth = 0;
    const paragraph = article?.body[0];
    let node: Inline | undefined =
      paragraph?.type === 'paragraph' ? paragraph.content?.[1] : undefined;
    while (node && 'children' in node) {
      depth++;
      node = node.children[0];
    }
    expect(depth).toBe(32);
  });
});

describe('parseMarkdown: YAML syntax errors', () => {
  const read = (yaml: string) => {
    const { article, diagnostics } = parseMarkdown(`---\n${yaml}\n---\n\nBody.\n`);
    return {
      article,
      errors: diagnostics.map((diagnostic) => [diagnostic.ruleId, startOf(diagnostic)]),
    };
  };

  it('points an error at the start of a line at that line, keeping the value above', () => {
    const tab = read('title: A\n\tdate: 2020-01-01');
    expect(tab.errors).toEqual([['frontmatter-invalid-yaml', [3, 1]]]);
    expect(tab.article).toMatchObject({ headline: 'A', datePublished: '2020-01-01' });

    const reserved = read('title: A\n@bad');
    expect(reserved.errors).toEqual([['frontmatter-invalid-yaml', [3, 1]]]);
    expect(reserved.article?.headline).toBe('A');

    const date = read('title: T\ndate: 2020-01-01\n\tx: 1');
    expect(date.errors).toEqual([['frontmatter-invalid-yaml', [4, 1]]]);
    expect(date.article?.datePublished).toBe('2020-01-01');
  });

  it('reports one error per place', () => {
    const flow = read('title: A\n[oops\ndate: 2020-01-01');
    expect(flow.errors).toEqual([
      ['frontmatter-invalid-yaml', [3, 1]],
      ['frontmatter-invalid-yaml', [4, 17]],
    ]);
    expect(flow.article?.headline).toBe('A');
    expect(read('title: A\n- x').errors).toEqual([['frontmatter-invalid-yaml', [3, 1]]]);
  });

  it('keeps a key the YAML parser could not read out of `extra`', () => {
    expect(parseMarkdown('---\ntitle: A\n@bad\n---\n').extra).toEqual({});
  });

  it('places each error among many keys at its key or value, keeping the other keys', () => {
    const count = 60;
    const lines = Array.from({ length: count }, (_, i) => `k${i}: v\n@e${i}: w\nv${i}: @x`);
    const { extra, diagnostics } = parseMarkdown(`---\ntitle: A\n${lines.join('\n')}\n---\n`);
    expect(Object.keys(extra)).toEqual(Array.from({ length: count }, (_, i) => `k${i}`));
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, startOf(diagnostic)])).toEqual(
      Array.from({ length: count }, (_, i) => [
        ['frontmatter-invalid-yaml', [4 + 3 * i, 1]],
        ['frontmatter-invalid-yaml', [5 + 3 * i, `v${i}: `.length + 1]],
      ]).flat(),
    );
  });

  it('still points an unclosed quote at the value and leaves the value out', () => {
    const quote = read('title: "A\ndate: 2020-01-01');
    expect(quote.article).toBeUndefined();
    expect(quote.errors).toContainEqual(['frontmatter-invalid-yaml', [2, 8]]);
  });
});

describe('parseMarkdown: blank lines before the frontmatter', () => {
  it('reads the frontmatter, with exact positions, and keeps YAML out of the body', () => {
    const { article, diagnostics, sources } = parseMarkdown(
      '\n \t\n---\ntitle: Night Ferries\n# a YAML comment\ndate: nope\n---\n\nThe board voted.\n',
    );
    expect(article).toMatchObject({
      headline: 'Night Ferries',
      body: [{ type: 'paragraph', text: 'The board voted.' }],
    });
    expect(sourceOf(sources, 'headline')?.start).toEqual({ line: 4, column: 8, offset: 15 });
    expect(sourceOf(sources, 'body.0')?.start.line).toBe(9);
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, startOf(diagnostic)])).toEqual([
      ['invalid-field', [6, 7]],
    ]);
  });

  it('reports a frontmatter that is never closed at its opening line', () => {
    const { diagnostics } = parseMarkdown('\n\n---\ntitle: A\n');
    expect(startOf(diagnostics.find((d) => d.ruleId === 'frontmatter-invalid-yaml'))).toEqual([
      3, 1,
    ]);
  });
});

describe('parseMarkdown: quote citations', () => {
  const quoteOf = (markdown: string) => parseMarkdown(`# T\n\n${markdown}`).article?.body[0];

  it('reads a citation on the last line of the quote', () => {
    expect(quoteOf('> We will win.\n> — Jane Doe\n')).toEqual({
      type: 'quote',
      text: 'We will win.',
      citation: 'Jane Doe',
    });
    expect(quoteOf('> We will win.  \n> -- *Jane Doe*, harbour master\n')).toEqual({
      type: 'quote',
      text: 'We will win.',
      citation: 'Jane Doe, harbour master',
    });
  });

  it('reads a citation in a paragraph of its own', () => {
    expect(quoteOf('> We will win.\n>\n> — Jane Doe\n')).toEqual({
      type: 'quote',
      text: 'We will win.',
      citation: 'Jane Doe',
    });
  });

  it('reads a dash written as a character reference as text', () => {
    expect(quoteOf('> We will win.\n> &#8212; Jane Doe\n')).toEqual({
      type: 'quote',
      text: 'We will win. — Jane Doe',
    });
  });

  it('takes no citation from a code block', () => {
    expect(quoteOf('> We will win.\n>\n>     -- Jane Doe\n')).toEqual({
      type: 'quote',
      text: 'We will win.\n\n-- Jane Doe',
    });
  });
});

describe('parseMarkdown: where a missing headline is reported', () => {
  const placeOf = (source: string) => {
    const diagnostic = parseMarkdown(source).diagnostics.find(
      (d) => d.ruleId === 'missing-headline',
    );
    return diagnostic?.place;
  };

  it('at the first line when there is no frontmatter', () => {
    expect(placeOf('Just text.\nMore.')).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 11, offset: 10 },
    });
    expect(placeOf('')).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: 0 },
    });
  });

  it('at the headline key when it gives none', () => {
    const { diagnostics } = parseMarkdown('---\nlayout: post\ntitle: null\n---\n');
    expect(diagnostics.map((diagnostic) => [diagnostic.message, startOf(diagnostic)])).toEqual([
      ['Missing headline, expected a value for `title` or a `#` heading', [3, 1]],
    ]);
  });

  it('at the frontmatter, closed or not', () => {
    expect(placeOf('---\nlayout: post\n---\n\nText.')).toMatchObject({
      start: { line: 1, column: 1 },
      end: { line: 3, column: 4 },
    });
    expect(placeOf('---\n\tbroken: yaml\n\nText.')).toMatchObject({
      start: { line: 1, column: 1 },
      end: { line: 1, column: 4 },
    });
  });
});

describe('parseMarkdown: a frontmatter that is never closed', () => {
  it('reads its keys up to the first blank line when they are clean YAML', () => {
    const { article, diagnostics, sources } = parseMarkdown(
      '---\ntitle: A Night Ferry\ndate: 2020-01-01\n\nBody.\n',
    );
    expect(article).toEqual({
      headline: 'A Night Ferry',
      type: 'NewsArticle',
      datePublished: '2020-01-01',
      body: [{ type: 'paragraph', text: 'Body.' }],
    });
    expect(sourceOf(sources, 'headline')?.start).toEqual({ line: 2, column: 8, offset: 11 });
    expect(diagnostics.map((diagnostic) => [diagnostic.ruleId, startOf(diagnostic)])).toEqual([
      ['frontmatter-invalid-yaml', [1, 1]],
    ]);
  });

  it('reads them to the end of the file, after blank lines, with CRLF line endings', () => {
    expect(parseMarkdown('\n---\r\ntitle: A\r\ndate: 2020-01-01').article).toMatchObject({
      headline: 'A',
      datePublished: '2020-01-01',
      body: [],
    });
    const crlf = parseMarkdown('---\r\ntitle: A\r\ndate: nope\r\n\r\nBody.\r\n');
    expect(crlf.article?.headline).toBe('A');
    expect(crlf.diagnostics.map((diagnostic) => startOf(diagnostic))).toEqual([
      [1, 1],
      [3, 7],
    ]);
  });

  it('reads nothing from lines that are not clean YAML, and keeps them out of the body', () => {
    const { article, diagnostics } = parseMarkdown('---\ntitle: A\n\tx: 1\n\n# T\n\nBody.\n');
    expect(article).toEqual({
      headline: 'T',
      type: 'NewsArticle',
      body: [{ type: 'paragraph', text: 'Body.' }],
    });
    expect(diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'frontmatter-invalid-yaml',
    ]);
  });
});

describe('parseMarkdown: links that would run script', () => {
  it('keeps the text of a javascript: or data: link, unlinked, and reports it at the link', () => {
    const { article, diagnostics } = parseMarkdown(
      '---\ntitle: Night ferries\n---\n\nSee [the map](javascript:alert(1)) and [the timetable](https://a.example/t).\n\nAlso [this][ref].\n\n[ref]: data:text/html,hi\n',
    );
    expect(article?.body).toEqual([
      {
        type: 'paragraph',
        text: 'See the map and the timetable.',
        content: [
          { type: 'text', value: 'See the map and ' },
          {
            type: 'link',
            url: 'https://a.example/t',
            children: [{ type: 'text', value: 'the timetable' }],
          },
          { type: 'text', value: '.' },
        ],
      },
      { type: 'paragraph', text: 'Also this.' },
    ]);
    const found = diagnostics.filter((d) => d.ruleId === 'invalid-field');
    expect(found.map((d) => [startOf(d), d.message.slice(0, 26)])).toEqual([
      [[5, 5], 'Unexpected `javascript:` U'],
      [[7, 6], 'Unexpected `data:` URL in '],
    ]);
  });
});

describe('parseMarkdown: TOML frontmatter', () => {
  it('finds an unclosed `+++` fence in linear time (once exponential in `\\r\\n` lines)', () => {
    // 26 `\r\n` took 20 s with the old fence pattern, 28 never finished.
    const { diagnostics } = parseMarkdown(`+++\n${'\r\n'.repeat(20_000)}x`);
    expect(diagnostics.map((d) => d.ruleId)).toContain('missing-headline');
  });

  it('reads TOML keys like YAML ones and keeps the frontmatter out of the body', () => {
    const { article, diagnostics, frontmatterFormat, sources } = parseMarkdown(
      '+++\ntitle = "Night ferries"\ndate = 2026-03-10\n+++\n\n# Night ferries\n\nThe board voted.\n',
    );
    expect(article).toEqual({
      headline: 'Night ferries',
      type: 'NewsArticle',
      datePublished: '2026-03-10',
      body: [{ type: 'paragraph', text: 'The board voted.' }],
    });
    expect(diagnostics).toEqual([]);
    expect(frontmatterFormat).toBe('toml');
    expect(sourceOf(sources, 'headline')).toEqual({
      start: { line: 2, column: 9, offset: 12 },
      end: { line: 2, column: 24, offset: 27 },
    });
  });
});
