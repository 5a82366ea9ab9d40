import { describe, expect, it } from 'vitest';
import { toJsonLd } from '../../src/jsonld/index.js';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import { type Article, articleSchema } from '../../src/schema/index.js';

describe('parseMarkdown: GFM in every file', () => {
  it('reads a bare URL and an email as links whether or not the file has other GFM syntax', () => {
    const body = 'See https://example.com/map and write to desk@example.com.\n';
    for (const extra of ['', '\nStruck ~~out~~.\n']) {
      const { article } = parseMarkdown(`---\ntitle: T\n---\n\n${body}${extra}`);
      expect(article?.body[0]).toMatchObject({
        content: [
          { type: 'text', value: 'See ' },
          { type: 'link', url: 'https://example.com/map' },
          { type: 'text', value: ' and write to ' },
          { type: 'link', url: 'mailto:desk@example.com' },
          { type: 'text', value: '.' },
        ],
      });
    }
  });

  it('reads a table and a footnote reference in a file with nothing else of GFM', () => {
    const { article } = parseMarkdown('# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(article?.body).toMatchObject([
      {
        type: 'table',
        rows: [
          [{ text: 'a' }, { text: 'b' }],
          [{ text: '1' }, { text: '2' }],
        ],
      },
    ]);
  });

  it('writes text that only looks like a link, an email or a shortcode so that it reads back as text', () => {
    const article: Article = {
      headline: 'T',
      type: 'NewsArticle',
      dateline: { text: 'LISBON —', place: 'LISBON' },
      body: [
        { type: 'paragraph', text: 'Lead.' },
        {
          type: 'paragraph',
          text: 'Mail a@e.l, see www.example.com or https://example.com/x. Use {{< figure src="https://example.com/a.jpg" >}} here.',
        },
      ],
    };
    const markdown = toMarkdown(article);
    const { article: read, diagnostics } = parseMarkdown(markdown);
    expect(diagnostics).toEqual([]);
    expect(read).toEqual(article);
  });
});

describe('toMarkdown → parseMarkdown: empty keywords', () => {
  it('keeps `keywords: []`', () => {
    const article: Article = { headline: 'T', type: 'NewsArticle', keywords: [], body: [] };
    expect(toMarkdown(article)).toContain('keywords: []');
    expect(parseMarkdown(toMarkdown(article)).article).toEqual(article);
  });
});

describe('parseMarkdown: footnotes', () => {
  const file = [
    '---',
    'title: Tides',
    '---',
    '',
    'The sea rose 3 cm.[^1] The board *agreed*.[^board]',
    '',
    '- A list item with a note.[^1]',
    '',
    '[^1]: Measured at the *harbour* gauge, see [the data](https://example.com/d).',
    '',
    '[^board]: Two paragraphs.',
    '',
    '    - and a list',
    '',
  ].join('\n');

  it('reads references as inline nodes and definitions as footnote blocks with their blocks', () => {
    const { article, diagnostics, sources } = parseMarkdown(file);
    expect(diagnostics).toEqual([]);
    expect(article?.body[0]).toEqual({
      type: 'paragraph',
      text: 'The sea rose 3 cm. The board agreed.',
      content: [
        { type: 'text', value: 'The sea rose 3 cm.' },
        { type: 'footnoteReference', label: '1' },
        { type: 'text', value: ' The board ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'agreed' }] },
        { type: 'text', value: '.' },
        { type: 'footnoteReference', label: 'board' },
      ],
    });
    expect(article?.body[1]).toMatchObject({
      type: 'list',
      items: [{ content: [{ type: 'text' }, { type: 'footnoteReference', label: '1' }] }],
    });
    expect(article?.body.slice(2)).toEqual([
      {
        type: 'footnote',
        label: '1',
        blocks: [
          {
            type: 'paragraph',
            text: 'Measured at the harbour gauge, see the data.',
            content: [
              { type: 'text', value: 'Measured at the ' },
              { type: 'emphasis', children: [{ type: 'text', value: 'harbour' }] },
              { type: 'text', value: ' gauge, see ' },
              {
                type: 'link',
                url: 'https://example.com/d',
                children: [{ type: 'text', value: 'the data' }],
              },
              { type: 'text', value: '.' },
            ],
          },
        ],
      },
      {
        type: 'footnote',
        label: 'board',
        blocks: [
          { type: 'paragraph', text: 'Two paragraphs.' },
          { type: 'list', ordered: false, items: [{ text: 'and a list' }] },
        ],
      },
    ]);
    expect(sources.fields?.body?.items?.[2]?.place?.start.line).toBe(9);
  });

  it('writes them back so that the article reads back the same', () => {
    const { article } = parseMarkdown(file);
    if (!article) throw new Error('no article');
    const markdown = toMarkdown(article);
    expect(markdown).toContain('The sea rose 3 cm.[^1] The board *agreed*.[^board]');
    expect(markdown).toContain('[^1]: Measured at the *harbour* gauge');
    expect(parseMarkdown(markdown).article).toEqual(article);
  });

  it("puts the footnotes' text in JSON-LD articleBody", () => {
    const { article } = parseMarkdown(file);
    if (!article) throw new Error('no article');
    const node = toJsonLd(article, { articleBody: true }) as { articleBody?: string };
    expect(node.articleBody).toContain('Measured at the harbour gauge, see the data.');
    expect(node.articleBody).toContain('and a list');
  });

  it('rejects a footnote label with white space', () => {
    const article = {
      headline: 'T',
      type: 'NewsArticle',
      body: [{ type: 'footnote', label: 'a b', blocks: [] }],
    };
    expect(articleSchema.safeParse(article).success).toBe(false);
  });
});

describe('parseMarkdown and toMarkdown: table captions (Pandoc’s `Table: …`)', () => {
  const table = '| Route | Fare |\n| --- | --- |\n| Quay | £2.40 |\n';
  const read = (body: string) => parseMarkdown(`---\ntitle: Fares\n---\n\n${body}`);

  it('reads a plain `Table: …` paragraph right after a table as its caption', () => {
    const { article } = read(`${table}\nTable: Winter fares\n\nSeason tickets go on sale.\n`);
    expect(article?.body.map((block) => block.type)).toEqual(['table', 'paragraph']);
    expect(article?.body[0]).toMatchObject({ type: 'table', caption: 'Winter fares' });
  });

  it('leaves a `Table:` paragraph with links or emphasis, or written as a reference, a paragraph', () => {
    for (const caption of [
      'Table: *Winter* fares',
      'Table: fares [here](https://a.example)',
      '&#84;able: fares',
    ]) {
      const { article } = read(`${table}\n${caption}\n`);
      expect(article?.body.map((block) => block.type)).toEqual(['table', 'paragraph']);
      expect(article?.body[0]).not.toHaveProperty('caption');
    }
  });

  it('round-trips a caption, and a caption-less table followed by a paragraph that looks like one', () => {
    const base: Article = {
      type: 'NewsArticle',
      headline: 'Fares',
      body: [
        {
          type: 'table',
          rows: [[{ text: 'Route' }], [{ text: 'Quay' }]],
          caption: 'Winter fares\n\n# not a heading [x](javascript:alert(1))',
        },
        { type: 'table', rows: [[{ text: 'Route' }], [{ text: 'Point' }]] },
        { type: 'paragraph', text: 'Table: a paragraph, not a caption' },
      ],
    } as Article;
    const markdown = toMarkdown(base);
    expect(markdown).not.toMatch(/^# not a heading/m);
    const { article } = parseMarkdown(markdown);
    expect(article?.body).toEqual(base.body);
  });
});
