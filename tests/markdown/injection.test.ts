import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCredit } from '../../src/fields/index.js';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import type { Article, Block, Inline } from '../../src/schema/index.js';

/** More runs on demand: `NUTGRAF_FC_RUNS=5000 npx vitest run tests/markdown/injection.test.ts`. */
const runs = Number(process.env.NUTGRAF_FC_RUNS ?? 200);

/** Pieces of text that try to end the block they are written in, or to start a new one. */
const hostile = fc.constantFrom(
  'x',
  'harbour',
  '\n\n',
  '\n',
  '```',
  '~~~',
  '</figure>',
  '</figcaption>',
  '-->',
  '<!--',
  '<div>',
  '</div>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1))',
  '![t](https://evil.example/t.png)',
  '[ref]',
  '[ref]: https://evil.example/r',
  '<https://evil.example/a>',
  'https://evil.example/b',
  'www.evil.example',
  'a@evil.example',
  '# H',
  '## H',
  '> q',
  '- item',
  '* item',
  '1. item',
  '---',
  '***',
  '+++',
  '===',
  '| a | b |',
  '|---|---|',
  '\\',
  '&amp;',
  '&#10;',
  '"',
  "'",
  '{{< figure src="https://evil.example/s.png" >}}',
  '{{< youtube abc >}}',
  '[caption]x[/caption]',
  '    indented',
  '\t',
  '[^1]',
  '[^1]: note',
  '~~s~~',
  '*e*',
  '`c`',
);
const separator = fc.constantFrom('', ' ', '\n', '\n\n');
/** Text made of hostile pieces, with at least one letter so that it is never empty. */
const text = fc
  .array(fc.tuple(hostile, separator), { minLength: 1, maxLength: 8 })
  .map((parts) => `word ${parts.map(([piece, gap]) => piece + gap).join('')}`.trim());

const collapse = (value: string): string => value.replace(/\s+/g, ' ').trim();

const articleArbitrary: fc.Arbitrary<Article> = fc
  .record({
    headline: text,
    description: text,
    alternativeHeadline: text,
    keyword: text,
    section: text,
    imageAlt: text,
    imageCaption: text,
    paragraph: text,
    heading: text,
    figureAlt: text,
    caption: text,
    credit: text,
    quote: text,
    citation: text,
    item: text,
    cell: text,
    code: text,
  })
  .map(
    (f): Article => ({
      headline: f.headline,
      type: 'NewsArticle',
      description: f.description,
      alternativeHeadline: f.alternativeHeadline,
      keywords: [collapse(f.keyword)],
      section: { name: collapse(f.section) },
      image: {
        url: 'https://example.com/lead.jpg',
        alt: f.imageAlt,
        caption: { text: collapse(f.imageCaption) },
      },
      body: [
        { type: 'paragraph', text: 'Lead paragraph.' },
        { type: 'paragraph', text: collapse(f.paragraph) },
        { type: 'heading', level: 2, text: collapse(f.heading) },
        {
          type: 'figure',
          url: 'https://example.com/figure.jpg',
          alt: collapse(f.figureAlt),
          caption: { text: collapse(f.caption), credit: parseCredit(collapse(f.credit)) },
        },
        { type: 'figure', url: 'https://example.com/plain.jpg', alt: collapse(f.figureAlt) },
        { type: 'quote', text: collapse(f.quote), citation: collapse(f.citation) },
        {
          type: 'list',
          ordered: false,
          items: [{ text: collapse(f.item) }, { text: 'second' }],
        },
        {
          type: 'table',
          rows: [
            [{ text: 'head' }, { text: collapse(f.cell) }],
            [{ text: collapse(f.cell) }, { text: 'x' }],
          ],
        },
        { type: 'code', text: f.code },
        { type: 'paragraph', text: 'Last paragraph.' },
      ],
    }),
  );

/** Every link and image in inline content, walked without recursion. */
function linksIn(blocks: readonly Block[]): string[] {
  const found: string[] = [];
  const stack: Inline[] = blocks.flatMap((block) =>
    block.type === 'paragraph' ? (block.content ?? []) : [],
  );
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'link') found.push(node.url);
    if ('children' in node) stack.push(...node.children);
  }
  return found;
}

describe('toMarkdown: no field text leaves its block', () => {
  it('reads back the same blocks, no new link or image, the same text (white space aside)', () => {
    fc.assert(
      fc.property(articleArbitrary, (article) => {
        const markdown = toMarkdown(article);
        const { article: read } = parseMarkdown(markdown);
        expect(read).toBeDefined();
        if (!read) return;
        expect(read.body.map((block) => block.type)).toEqual(
          article.body.map((block) => block.type),
        );
        expect(linksIn(read.body)).toEqual([]);
        // Field by field, white space runs aside (documented: they are not kept everywhere).
        const normal = (value: unknown): unknown =>
          JSON.parse(
            JSON.stringify(value, (_, item) => (typeof item === 'string' ? collapse(item) : item)),
          );
        expect(normal(read)).toEqual(normal(article));
      }),
      { numRuns: runs },
    );
  });

  it('keeps a figure caption that tries to end the `<figure>` inside it', () => {
    const caption = 'x\n\n[click](javascript:alert(1)) ![t](https://evil.example/t.png)\n# H';
    const article: Article = {
      headline: 'Night ferries',
      type: 'NewsArticle',
      body: [
        {
          type: 'figure',
          url: 'https://example.com/a.jpg',
          alt: 'A ferry\n\n# alt',
          caption: { text: caption, credit: { text: 'Ana\n\n<b>Ruiz</b>' } },
        },
      ],
    };
    const markdown = toMarkdown(article);
    expect(markdown).not.toMatch(/\n\[click\]|\n# H/);
    const { article: read, diagnostics } = parseMarkdown(markdown);
    expect(diagnostics).toEqual([]);
    expect(read?.body).toEqual([
      {
        type: 'figure',
        url: 'https://example.com/a.jpg',
        alt: 'A ferry\n\n# alt',
        caption: {
          text: 'x [click](javascript:alert(1)) ![t](https://evil.example/t.png) # H',
          credit: parseCredit('Ana <b>Ruiz</b>'),
        },
      },
    ]);
  });
});
