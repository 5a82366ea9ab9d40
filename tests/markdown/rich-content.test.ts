import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import type { Article, Block, Inline } from '../../src/schema/index.js';
import { sourceOf, validateArticle } from '../../src/schema/index.js';

const text = (value: string): Inline => ({ type: 'text', value });
const link = (url: string, value: string): Inline => ({
  type: 'link',
  url,
  children: [text(value)],
});
const emphasis = (value: string): Inline => ({ type: 'emphasis', children: [text(value)] });
const strong = (value: string): Inline => ({ type: 'strong', children: [text(value)] });

/** The body of a Markdown file with a frontmatter headline, and what else parseMarkdown gave. */
function read(body: string) {
  const result = parseMarkdown(`---\ntitle: Night ferries\n---\n\n${body}`);
  if (result.article) expect(validateArticle(result.article).diagnostics).toEqual([]);
  return { ...result, body: result.article?.body ?? [] };
}

/** Write and read back: the same body. */
function roundTrips(body: Block[]): string {
  const article: Article = { headline: 'Night ferries', type: 'NewsArticle', body };
  const markdown = toMarkdown(article);
  const back = parseMarkdown(markdown);
  expect(back.diagnostics).toEqual([]);
  expect(back.article?.body).toEqual(body);
  return markdown.slice(markdown.indexOf('---\n\n', 4) + 5);
}

describe('parseMarkdown: list items', () => {
  it('reads a plain item as { text } and keeps links, emphasis and code in content', () => {
    const { body } = read(
      '- Ferries run at night\n- See the [timetable](/t) *today* and `npm ci`\n',
    );
    expect(body).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'Ferries run at night' },
          {
            text: 'See the timetable today and npm ci',
            content: [
              text('See the '),
              link('/t', 'timetable'),
              text(' '),
              emphasis('today'),
              text(' and '),
              { type: 'code', value: 'npm ci' },
            ],
          },
        ],
      },
    ]);
  });

  it('reads nested lists as the blocks of their item, not flattened into its text', () => {
    const { body, sources } = read('- Routes:\n  1. North **pier**\n  2. South\n- Fares\n');
    expect(body).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          {
            text: 'Routes:',
            blocks: [
              {
                type: 'list',
                ordered: true,
                items: [
                  { text: 'North pier', content: [text('North '), strong('pier')] },
                  { text: 'South' },
                ],
              },
            ],
          },
          { text: 'Fares' },
        ],
      },
    ]);
    expect(sourceOf(sources, 'body.0.items.0.text')?.start).toMatchObject({ line: 5, column: 3 });
    expect(sourceOf(sources, 'body.0.items.0.blocks.0')?.start).toMatchObject({
      line: 6,
      column: 3,
    });
    expect(sourceOf(sources, 'body.0.items.0.blocks.0.items.1.text')?.start).toMatchObject({
      line: 7,
    });
  });

  it('keeps code and further paragraphs under an item, in order', () => {
    const { body } = read('1. Install:\n\n   ```sh\n   npm ci\n   ```\n\n   Then run it.\n');
    expect(body).toEqual([
      {
        type: 'list',
        ordered: true,
        items: [
          {
            text: 'Install:',
            blocks: [
              { type: 'code', text: 'npm ci', language: 'sh' },
              { type: 'paragraph', text: 'Then run it.' },
            ],
          },
        ],
      },
    ]);
  });

  it('keeps task states and the start of a numbered list', () => {
    const { body } = read('- [x] Book the crew\n- [ ] Print the rota\n\n3. Third\n4. Fourth\n');
    expect(body).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'Book the crew', checked: true },
          { text: 'Print the rota', checked: false },
        ],
      },
      { type: 'list', ordered: true, start: 3, items: [{ text: 'Third' }, { text: 'Fourth' }] },
    ]);
  });

  it('gives an item that opens with another block an empty text', () => {
    const { body } = read('- ```\n  timetable --night\n  ```\n-\n');
    expect(body).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [{ text: '', blocks: [{ type: 'code', text: 'timetable --night' }] }, { text: '' }],
      },
    ]);
  });

  it('reports a link to a script URL in an item at the link, with the item path', () => {
    const { body, diagnostics } = read('- Safe\n- Run [this](javascript:alert(1)) now\n');
    expect(body[0]).toMatchObject({ items: [{ text: 'Safe' }, { text: 'Run this now' }] });
    expect(diagnostics).toMatchObject([
      {
        ruleId: 'invalid-field',
        path: ['body', 0, 'items', 1],
        place: { start: { line: 6, column: 7 } },
      },
    ]);
  });
});

describe('parseMarkdown: quotes, tables, headings', () => {
  it('keeps the links and emphasis of a quote, its paragraphs two breaks apart', () => {
    const { body } = read('> The *night* boats [ran](/log).\n>\n> All of them.\n> — Ana Ruiz\n');
    expect(body).toEqual([
      {
        type: 'quote',
        text: 'The night boats ran.\n\nAll of them.',
        content: [
          text('The '),
          emphasis('night'),
          text(' boats '),
          link('/log', 'ran'),
          text('.'),
          { type: 'break' },
          { type: 'break' },
          text('All of them.'),
        ],
        citation: 'Ana Ruiz',
      },
    ]);
  });

  it('reads a list inside a quote as lines, links kept', () => {
    const { body } = read('> Stops:\n>\n> - [North](/n)\n> - South\n');
    expect(body).toEqual([
      {
        type: 'quote',
        text: 'Stops:\n\nNorth\nSouth',
        content: [
          text('Stops:'),
          { type: 'break' },
          { type: 'break' },
          link('/n', 'North'),
          { type: 'break' },
          text('South'),
        ],
      },
    ]);
  });

  it('keeps table cells’ formatting, a <br> as a break, and column alignment', () => {
    const { body } = read('| Route | **Last** |\n|:--|--:|\n| [North](/n) | 01:30<br>02:10 |\n');
    expect(body).toEqual([
      {
        type: 'table',
        rows: [
          [{ text: 'Route' }, { text: 'Last', content: [strong('Last')] }],
          [{ text: 'North', content: [link('/n', 'North')] }, { text: '01:30\n02:10' }],
        ],
        align: ['left', 'right'],
      },
    ]);
  });

  it('keeps a heading’s links and emphasis, its white space collapsed', () => {
    const { body } = read('## The [*night*  ferries ](/f)\n');
    expect(body).toEqual([
      {
        type: 'heading',
        level: 2,
        text: 'The night ferries',
        content: [
          text('The '),
          { type: 'link', url: '/f', children: [emphasis('night'), text(' ferries')] },
        ],
      },
    ]);
  });
});

describe('parseMarkdown: where a figure links to', () => {
  const figure = (extra: Partial<Block>): Block =>
    ({ type: 'figure', url: 'https://example.com/p.jpg', alt: 'Pier', ...extra }) as Block;

  it('reads the link around an image, by URL or by reference', () => {
    const { body } = read(
      '[![Pier](https://example.com/p.jpg)](https://example.com/full.jpg)\n\n[![Pier](https://example.com/p.jpg)][big]\n\n[big]: /full.jpg\n',
    );
    expect(body).toEqual([
      figure({ link: 'https://example.com/full.jpg' }),
      figure({ link: '/full.jpg' }),
    ]);
  });

  it('reads it around an image in a WordPress [caption] and around an image shortcode', () => {
    const { body } = read(
      '[caption id="1"][![Pier](https://example.com/p.jpg)](/full.jpg) The pier[/caption]\n\n[{{< img src="https://example.com/p.jpg" alt="Pier" >}}](/full.jpg)\n',
    );
    expect(body).toMatchObject([
      { type: 'figure', link: '/full.jpg', caption: { text: 'The pier' } },
      { type: 'figure', url: 'https://example.com/p.jpg', link: '/full.jpg' },
    ]);
  });

  it('reads it from an HTML figure and leaves a script URL out, reported', () => {
    const { body, diagnostics } = read(
      '<figure><a href="/full.jpg"><img src="https://example.com/p.jpg" alt="Pier"></a></figure>\n\n[![Pier](https://example.com/p.jpg)](javascript:void(0))\n',
    );
    expect(body).toEqual([figure({ link: '/full.jpg' }), figure({})]);
    expect(diagnostics).toMatchObject([{ ruleId: 'invalid-field', path: ['body', 1, 'link'] }]);
  });
});

describe('toMarkdown: rich content', () => {
  it('writes a tight list when that reads back the same', () => {
    const markdown = roundTrips([
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'See the timetable', content: [text('See the '), link('/t', 'timetable')] },
          { text: 'Done', checked: true },
          {
            text: 'Routes:',
            blocks: [
              { type: 'list', ordered: true, items: [{ text: 'North' }, { text: 'South' }] },
            ],
          },
        ],
      },
    ]);
    expect(markdown).toBe(
      '- See the [timetable](/t)\n- [x] Done\n- Routes:\n  1. North\n  2. South\n',
    );
  });

  it('writes an item loose when its blocks would otherwise read as its text', () => {
    const markdown = roundTrips([
      {
        type: 'list',
        ordered: false,
        items: [
          {
            text: 'Stops',
            blocks: [{ type: 'list', ordered: true, start: 3, items: [{ text: 'North' }] }],
          },
          {
            text: 'Fares',
            blocks: [
              { type: 'quote', text: 'Cheap.' },
              { type: 'paragraph', text: 'After the quote.' },
            ],
          },
        ],
      },
    ]);
    expect(markdown).toBe('- Stops\n\n  3. North\n- Fares\n\n  > Cheap.\n\n  After the quote.\n');
  });

  it('writes quotes, cells, headings and linked figures back', () => {
    roundTrips([
      {
        type: 'heading',
        level: 2,
        text: 'The night ferries',
        content: [text('The '), emphasis('night'), text(' ferries')],
      },
      {
        type: 'quote',
        text: 'It ran.\n\n— not a citation',
        content: [
          text('It '),
          strong('ran'),
          text('.'),
          { type: 'break' },
          { type: 'break' },
          text('— not a citation'),
        ],
      },
      {
        type: 'table',
        rows: [[{ text: 'a\nb' }, { text: 'c', content: [emphasis('c')] }]],
        align: [null, 'center'],
      },
      { type: 'figure', url: 'https://example.com/p.jpg', alt: 'Pier', link: '/full.jpg' },
      { type: 'figure', url: 'https://example.com/p.jpg', width: 40, link: '/full.jpg' },
      { type: 'list', ordered: true, start: 0, items: [] },
    ]);
  });

  it('writes lists nested deeper than parseMarkdown reads as their text, without running out of stack', () => {
    let list: Block = { type: 'list', ordered: false, items: [{ text: 'deep' }] };
    for (let level = 0; level < 1000; level++) {
      list = { type: 'list', ordered: false, items: [{ text: `${level}`, blocks: [list] }] };
    }
    const markdown = toMarkdown({ headline: 'N', type: 'NewsArticle', body: [list] });
    const { article } = parseMarkdown(markdown);
    let depth = 0;
    let block = article?.body[0];
    while (block?.type === 'list' && block.items[0]?.blocks) {
      block = block.items[0].blocks[0];
      depth++;
    }
    expect(depth).toBe(31);
    expect(block?.type === 'list' && block.items[0]?.text.split('\n').at(-1)).toBe('deep');
  });
});
