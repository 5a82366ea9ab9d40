import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import type { Article } from '../../src/schema/index.js';

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
