import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../src/markdown/index.js';
import { parseMdx } from '../../src/mdx/index.js';
import { sourceOf, validateArticle } from '../../src/schema/index.js';

const file = [
  '---',
  'title: Tide tables go digital',
  'pubDate: 2026-04-02',
  '---',
  "import TideChart from '../../components/TideChart.astro';",
  "export const station = 'North Pier';",
  '',
  'The harbour office posts tide tables online at https://example.com/tides.',
  '',
  '<TideChart station={station} days={7} />',
  '',
  '<Aside type="note">',
  '  Readings are *provisional* until checked.',
  '</Aside>',
  '',
  'The office said the <Term>datum</Term> is unchanged.',
  '',
  '{/* a comment for editors */}',
  '',
  'Text with \\{ braces \\} and a \\< sign.[^1]',
  '',
  '[^1]: Checked on *Monday*.',
  '',
].join('\n');

describe('parseMdx', () => {
  it('reads the frontmatter and Markdown, and keeps JSX, expressions and ESM as mdx blocks', () => {
    const { article, diagnostics, sources } = parseMdx(file, { file: 'tides.mdx' });
    expect(diagnostics).toEqual([]);
    expect(article?.headline).toBe('Tide tables go digital');
    expect(article?.datePublished).toBe('2026-04-02');
    expect(article?.body.map((block) => block.type)).toEqual([
      'html',
      'paragraph',
      'html',
      'html',
      'html',
      'html',
      'paragraph',
      'footnote',
    ]);
    expect(article?.body[0]).toEqual({
      type: 'html',
      html: "import TideChart from '../../components/TideChart.astro';\nexport const station = 'North Pier';",
      syntax: 'mdx',
    });
    expect(article?.body[2]).toEqual({
      type: 'html',
      html: '<TideChart station={station} days={7} />',
      syntax: 'mdx',
    });
    expect(article?.body[3]).toMatchObject({ html: expect.stringContaining('</Aside>') });
    // JSX inside a line of text: the paragraph is kept whole, as written.
    expect(article?.body[4]).toEqual({
      type: 'html',
      html: 'The office said the <Term>datum</Term> is unchanged.',
      syntax: 'mdx',
    });
    expect(article?.body[5]).toEqual({
      type: 'html',
      html: '{/* a comment for editors */}',
      syntax: 'mdx',
    });
    expect(article?.body[6]).toMatchObject({ text: 'Text with { braces } and a < sign.' });
    expect(sourceOf(sources, ['body', 2])?.start).toEqual({
      line: 10,
      column: 1,
      offset: file.indexOf('<TideChart'),
    });
    if (article) expect(validateArticle(article).diagnostics).toEqual([]);
  });

  it('round-trips through toMarkdown with mdx: true, JSX and ESM verbatim', () => {
    const { article } = parseMdx(file);
    if (!article) throw new Error('no article');
    const mdx = toMarkdown(article, { mdx: true });
    expect(mdx).toContain('<TideChart station={station} days={7} />');
    expect(mdx).toContain("import TideChart from '../../components/TideChart.astro';");
    expect(mdx).toContain('Text with \\{ braces } and a \\< sign.[^1]');
    const again = parseMdx(mdx);
    expect(again.diagnostics).toEqual([]);
    expect(again.article).toEqual(article);
  });

  it('writes text that would read as a link, JSX or an expression so that MDX reads it as text', () => {
    const article = {
      headline: 'T',
      type: 'NewsArticle' as const,
      body: [
        { type: 'paragraph' as const, text: 'Boats <12 m pay {less}; see example.com or a@b.co.' },
      ],
    };
    const mdx = toMarkdown(article, { mdx: true });
    const again = parseMdx(mdx);
    expect(again.diagnostics).toEqual([]);
    expect(again.article?.body).toEqual(article.body);
  });

  it('reports an MDX syntax error at its place in the file and reads the file as Markdown', () => {
    const { article, diagnostics } = parseMdx(
      '---\ntitle: Fees\n---\n\nFees rise for boats <12 m.\n\nMore.\n',
      { file: 'fees.mdx' },
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'mdx-invalid',
      severity: 'error',
      file: 'fees.mdx',
      place: {
        line: 5,
        column: 22,
        offset: '---\ntitle: Fees\n---\n\nFees rise for boats <'.length,
      },
    });
    expect(diagnostics[0]?.message).toMatch(/^Unexpected MDX syntax error, expected valid MDX: /);
    expect(article?.body).toEqual([
      { type: 'paragraph', text: 'Fees rise for boats <12 m.' },
      { type: 'paragraph', text: 'More.' },
    ]);
  });

  it('never throws on odd input', () => {
    for (const input of [
      '',
      '<',
      '{',
      '---\n',
      'export',
      '<a>\n\n{',
      '\u0000<X/>',
      '<>{/**/}</>',
    ]) {
      expect(() => parseMdx(input)).not.toThrow();
    }
    expect(() => parseMdx(42 as unknown as string)).toThrow(TypeError);
  });
});
