import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import { type Article, articleSchema, type Inline } from '../../src/schema/index.js';

const article: Article = articleSchema.parse({
  headline: 'Harbour Authority Approves Night Ferries',
  datePublished: '2026-03-10T18:05:00-05:00',
  byline: { contributors: [{ name: 'Dana Whitfield' }, { name: 'AP', type: 'Organization' }] },
  keywords: ['ferries'],
  body: [
    { type: 'paragraph', text: 'The port board voted on Tuesday.' },
    { type: 'heading', level: 2, text: 'What changes' },
    {
      type: 'figure',
      url: 'https://example.com/ferry.jpg',
      alt: 'A ferry',
      caption: { text: 'The night ferry.', credit: { text: 'Ana Ruiz' } },
    },
  ],
});

describe('toMarkdown', () => {
  const markdown = toMarkdown(article);

  it('writes canonical frontmatter in schema order, defaults left out', () => {
    expect(markdown.split('---\n')[1]).toBe(
      [
        'headline: Harbour Authority Approves Night Ferries',
        'byline:',
        '  contributors:',
        '    - name: Dana Whitfield',
        '    - name: AP',
        '      type: Organization',
        'datePublished: 2026-03-10T18:05:00-05:00',
        'keywords:',
        '  - ferries',
        '',
      ].join('\n'),
    );
  });

  it('writes the body as Markdown, figures with a credit as HTML', () => {
    expect(markdown.split('---\n')[2]).toBe(
      [
        '',
        'The port board voted on Tuesday.',
        '',
        '## What changes',
        '',
        '<figure class="nutgraf-figure">',
        '<img src="https://example.com/ferry.jpg" alt="A ferry">',
        '<figcaption>The night ferry.<small>Ana Ruiz</small></figcaption>',
        '</figure>',
        '',
      ].join('\n'),
    );
  });

  it('writes extra keys after the article fields', () => {
    const withExtra = toMarkdown(article, { extra: { layout: 'post', headline: 'ignored' } });
    expect(withExtra).toContain('  - ferries\nlayout: post\n---');
    expect(parseMarkdown(withExtra).extra).toEqual({ layout: 'post' });
  });

  it('throws only for a wrong argument type', () => {
    expect(() => toMarkdown(null as unknown as Article)).toThrow(/`article`/);
  });
});

describe('toMarkdown: deep nesting', () => {
  it('writes formatting nested thousands of levels deep as its text below 32 levels', () => {
    let node: Inline = { type: 'text', value: 'won' };
    for (let level = 0; level < 5000; level++) {
      node = { type: level % 2 ? 'emphasis' : 'strong', children: [node] };
    }
    const deep: Article = {
      headline: 'N',
      type: 'NewsArticle',
      body: [{ type: 'paragraph', text: 'won', content: [node] }],
    };
    const markdown = toMarkdown(deep);
    const { article, diagnostics } = parseMarkdown(markdown);
    expect(diagnostics).toEqual([]);
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: 'won' });
    expect(toMarkdown(article as Article)).toBe(markdown);
  });
});

describe('toMarkdown: quotes', () => {
  it.each([
    ['a last line', 'We will win.\n— Jane Doe'],
    ['a last paragraph', 'We will win.\n\n-- Jane Doe'],
    ['the whole text', '– Jane Doe'],
  ])('writes %s starting with a dash so that it is not read as the citation', (_, text) => {
    const article: Article = {
      headline: 'H',
      type: 'NewsArticle',
      body: [{ type: 'quote', text }],
    };
    expect(parseMarkdown(toMarkdown(article)).article).toEqual(article);
  });
});
