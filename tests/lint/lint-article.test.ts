import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRule, lintArticle } from '../../src/lint/index.js';
import { type ArticleInput, sourceMapFrom } from '../../src/schema/index.js';
import { cleanArticle, type LooseArticle, NOW } from './clean-article.js';

const range = (line: number, column: number, endColumn: number) => ({
  start: { line, column, offset: line * 100 + column },
  end: { line, column: endColumn, offset: line * 100 + endColumn },
});

describe('lintArticle', () => {
  it('puts place, file, url and source on every diagnostic', () => {
    const article = { ...cleanArticle(), headline: 'HARBOUR BOARD APPROVES FERRIES' };
    delete article.language;
    const sources = sourceMapFrom({ '': range(1, 1, 4), headline: range(2, 8, 38) });
    const [second, first] = lintArticle(article, { sources, file: 'news/ferries.md', now: NOW });
    expect(first).toEqual({
      ruleId: 'headline-all-caps',
      severity: 'warning',
      message: 'Unexpected all-caps headline: write it in sentence or title case',
      path: ['headline'],
      place: range(2, 8, 38),
      file: 'news/ferries.md',
      source: 'nutgraf',
      url: getRule('headline-all-caps')?.url,
      actual: 'HARBOUR BOARD APPROVES FERRIES',
    });
    // A missing field has no place of its own: it gets the closest ancestor's, here the document's.
    expect(second).toMatchObject({ ruleId: 'missing-language', place: range(1, 1, 4) });
  });

  it('sorts whole-article findings first, then by line and column', () => {
    const article = cleanArticle() as LooseArticle;
    article.headline = 'HARBOUR BOARD APPROVES FERRIES';
    article.body[2].text = '';
    delete article.section;
    const sources = sourceMapFrom({ headline: range(5, 3, 9), 'body.2': range(3, 1, 2) });
    const ids = lintArticle(article as ArticleInput, { sources, now: NOW }).map((d) => d.ruleId);
    expect(ids).toEqual(['missing-section', 'empty-paragraph', 'headline-all-caps']);
  });

  it('reports a schema problem once, by the more specific rule', () => {
    const article = { ...cleanArticle(), headline: '' };
    const found = lintArticle(article, { now: NOW }).map((d) => `${d.ruleId} ${d.path?.join('.')}`);
    expect(found).toEqual(['missing-headline headline']);
  });

  it('still reports the schema problem when the specific rule is off', () => {
    const article = { ...cleanArticle(), headline: '' };
    const found = lintArticle(article, { now: NOW, rules: { 'missing-headline': 'off' } });
    expect(found.map((d) => d.ruleId)).toEqual(['invalid-field']);
  });

  it('keeps the schema problem when the rule at that path is milder', () => {
    const article = { ...cleanArticle(), url: '/news/night-ferries' };
    const found = lintArticle(article, { now: NOW }).map((d) => `${d.severity} ${d.ruleId}`);
    expect(found.sort()).toEqual(['error invalid-field', 'info url-not-absolute']);
    const datePublished = '2026-03-10T18:05:00';
    const dates = lintArticle({ ...cleanArticle(), datePublished }, { now: NOW });
    expect(dates.map((d) => `${d.severity} ${d.ruleId}`).sort()).toEqual([
      'error invalid-field',
      'info date-without-time-zone',
    ]);
  });

  it('applies presets and overrides', () => {
    const article = cleanArticle();
    delete article.section;
    delete article.image;
    article.body = article.body.filter((block) => block.type !== 'figure');
    expect(lintArticle(article, { now: NOW }).map((d) => [d.ruleId, d.severity])).toEqual([
      ['missing-image', 'info'],
      ['missing-section', 'info'],
    ]);
    expect(
      lintArticle(article, { now: NOW, preset: 'google' }).map((d) => [d.ruleId, d.severity]),
    ).toEqual([['missing-image', 'warning']]);
    expect(
      lintArticle(article, {
        now: NOW,
        preset: 'strict',
        rules: { 'missing-image': 'info', 'missing-section': 'off' },
      }).map((d) => [d.ruleId, d.severity]),
    ).toEqual([['missing-image', 'info']]);
  });

  it('follows the input: raw text holds no image URL or language, and may print no byline', () => {
    const article = cleanArticle();
    delete article.image;
    delete article.language;
    delete article.byline;
    article.body = article.body.filter((block) => block.type !== 'figure');
    const found = (options: Parameters<typeof lintArticle>[1]) =>
      lintArticle(article, { now: NOW, ...options })
        .map((d) => `${d.severity} ${d.ruleId}`)
        .filter((entry) => /missing-(image|language|author)/.test(entry))
        .sort();
    expect(found({})).toEqual([
      'info missing-image',
      'info missing-language',
      'warning missing-author',
    ]);
    expect(found({ input: 'text' })).toEqual(['info missing-author']);
    expect(found({ input: 'text', preset: 'strict' })).toEqual(['error missing-author']);
    expect(found({ input: 'text', rules: { 'missing-image': 'error' } })).toEqual([
      'error missing-image',
      'info missing-author',
    ]);
    expect(found({ input: 'markdown' })).toEqual(found({}));
    // @ts-expect-error not an input kind
    expect(() => lintArticle(article, { input: 'pdf' })).toThrow(/`options.input` `pdf`/);
  });

  it('uses now for future dates, accepting a Date or a string', () => {
    const article = { ...cleanArticle(), dateModified: '2026-12-01T00:00:00Z' };
    expect(lintArticle(article, { now: NOW }).map((d) => d.ruleId)).toEqual(['date-in-future']);
    expect(lintArticle(article, { now: new Date('2026-12-02T00:00:00Z') })).toEqual([]);
  });

  it('does not change the article or the options', () => {
    const article = { ...cleanArticle(), headline: 'HARBOUR BOARD APPROVES FERRIES' };
    const options = { now: NOW, rules: { 'missing-image': 'warn' as const } };
    const copies = structuredClone([article, options]);
    lintArticle(article, options);
    expect([article, options]).toEqual(copies);
  });

  it('throws a TypeError for misuse, naming the argument', () => {
    expect(() => lintArticle(null as never)).toThrow(/`article`/);
    expect(() => lintArticle([] as never)).toThrow(TypeError);
    expect(() => lintArticle(cleanArticle(), { now: 'soon' })).toThrow(/`options\.now`/);
    expect(() => lintArticle(cleanArticle(), { preset: 'loud' as never })).toThrow(
      /`options\.preset`/,
    );
    expect(() =>
      lintArticle(cleanArticle(), { rules: { 'missing-image': 'loud' as never } }),
    ).toThrow(/`loud`/);
  });

  it('lints an article that fails the schema as far as its fields allow', () => {
    const broken = {
      headline: 42,
      byline: { contributors: [{ name: 'By Ana Ruiz' }, 'x', null] },
      body: 'text',
      image: { url: 7 },
    };
    const found = lintArticle(broken as never, { now: NOW }).map(
      (d) => `${d.ruleId} ${d.path?.join('.')}`,
    );
    expect(found).toContain('author-name-has-prefix byline.contributors.0.name');
    expect(found).toContain('missing-headline headline');
    expect(found).toContain('invalid-field body');
    expect(found).toContain('invalid-field image.url');
    expect(found).not.toContain('invalid-field headline');
  });

  it('never throws on any JSON value as an article', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        expect(Array.isArray(lintArticle(value as never, { now: NOW, preset: 'strict' }))).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on articles built from odd strings, and reports only known rules', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 300 });
    fc.assert(
      fc.property(text, text, text, text, (headline, name, paragraph, link) => {
        const article = cleanArticle() as LooseArticle;
        article.headline = headline;
        article.byline.contributors[0].name = name;
        article.body[2].text = paragraph;
        article.body[0].content[1].url = link;
        for (const d of lintArticle(article as ArticleInput, { now: NOW, preset: 'strict' })) {
          expect(getRule(d.ruleId), d.ruleId).toBeDefined();
          // Every path leads into the article: all but its last key exist.
          let node: unknown = article;
          for (const key of (d.path ?? []).slice(0, -1)) {
            expect(node, `${d.ruleId} ${d.path?.join('.')}`).toHaveProperty([String(key)]);
            node = (node as LooseArticle)[key];
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds what blocks nested in list items hold, at their paths, in reading order', () => {
    const article = cleanArticle() as LooseArticle;
    const figure = { type: 'figure', url: 'https://example.com/pier.jpg' };
    const relative = (text: string) => ({
      type: 'paragraph',
      text,
      content: [{ type: 'link', url: `/${text}`, children: [{ type: 'text', value: text }] }],
    });
    article.body = [
      relative('first'),
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'one', blocks: [figure, relative('nested')] },
          {
            text: 'two',
            blocks: [
              { type: 'list', ordered: true, items: [{ text: 'a', blocks: [relative('deep')] }] },
            ],
          },
        ],
      },
      relative('last'),
      { type: 'paragraph', text: ' ' },
    ];
    const found = lintArticle(article as ArticleInput, { now: NOW, preset: 'strict' });
    const at = (ruleId: string) =>
      found.filter((d) => d.ruleId === ruleId).map((d) => (d.path ?? []).join('.'));
    expect(at('image-without-alt')).toEqual(['body.1.items.0.blocks.0.alt']);
    expect(at('url-not-absolute')).toEqual([
      'body.0.content.0.url',
      'body.1.items.0.blocks.1.content.0.url',
      'body.1.items.1.blocks.0.items.0.blocks.0.content.0.url',
      'body.2.content.0.url',
    ]);
    expect(at('empty-paragraph')).toEqual(['body.3']);
  });

  it('handles huge and deeply nested content', () => {
    const article = cleanArticle() as LooseArticle;
    article.byline.contributors[0].name = `${'Ana '.repeat(50_000)}Ruiz`;
    article.headline = 'A'.repeat(200_000);
    article.description = 'March 3, '.repeat(20_000);
    let inline: Record<string, unknown> = { type: 'text', value: 'deep' };
    for (let depth = 0; depth < 2000; depth++) inline = { type: 'emphasis', children: [inline] };
    article.body.push({ type: 'paragraph', text: 'deep', content: [inline] });
    article.body.push(
      ...Array.from({ length: 5000 }, (_, i) => ({
        type: 'paragraph',
        text: `Paragraph number ${i % 2500} of a very long article.`,
      })),
    );
    const found = lintArticle(article as ArticleInput, { now: NOW, preset: 'strict' });
    expect(found.filter((d) => d.ruleId === 'duplicate-paragraph')).toHaveLength(2500);
    expect(found.map((d) => d.ruleId)).toContain('headline-too-long');
  });
});
