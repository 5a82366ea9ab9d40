import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import { type Article, type Diagnostic, sourceOf } from '../../src/schema/index.js';

const at = (diagnostic: Diagnostic): [string, number, number] | undefined => {
  const place = diagnostic.place;
  if (!place) return undefined;
  const start = 'start' in place ? place.start : place;
  return [diagnostic.ruleId, start.line, start.column];
};

describe('parseMarkdown: TOML frontmatter', () => {
  it('points at the key, the value, each list item and each table field', () => {
    const { diagnostics } = parseMarkdown(
      '+++\ntitle = "T"\ndate = "yesterday"\ntags = ["a", 42, {x = 1}]\nimage = {src = "https://a.example/i.jpg", width = "wide"}\n+++\n',
    );
    expect(diagnostics.map(at)).toEqual([
      ['invalid-field', 3, 8], // yesterday
      ['invalid-field', 4, 18], // {x = 1} (42 reads as a keyword)
      ['invalid-field', 5, 51], // wide
    ]);
  });

  it('points at keys and fields under `[table]` and `[[array]]` headers', () => {
    const { sources, extra } = parseMarkdown(
      '+++\ntitle = "T"\n[image]\n  src = "https://a.example/i.jpg"\n  alt = "A tram"\n[[resources]]\n  src = "a.jpg"\n+++\n',
    );
    expect(sourceOf(sources, 'image.url')?.start).toEqual({ line: 4, column: 9, offset: 32 });
    expect(sourceOf(sources, 'image.alt')?.start).toEqual({ line: 5, column: 9, offset: 66 });
    expect(extra).toEqual({ resources: [{ src: 'a.jpg' }] });
  });

  it('reads the keys before a syntax error and reports it where it is', () => {
    const { article, diagnostics } = parseMarkdown(
      '+++\ntitle = "T"\ntags = ["a"]\nweight = = 2\nsummary = "S"\n+++\n',
    );
    expect(article?.keywords).toEqual(['a']);
    expect(article?.description).toBeUndefined();
    expect(diagnostics.map(at)).toEqual([['frontmatter-invalid-toml', 4, 10]]);
  });

  it('reports a `+++` that is never closed', () => {
    const { diagnostics } = parseMarkdown('+++\ntitle = "T"\n\n# Heading\n');
    expect(diagnostics.map(at)).toEqual([['frontmatter-invalid-toml', 1, 1]]);
  });

  it('keeps dates as written, offset included, and prototype names as plain keys', () => {
    const { article, extra, diagnostics } = parseMarkdown(
      '+++\ntitle = "T"\ndate = 1979-05-27T00:32:00.5-07:00\nlastmod = 1979-05-27 07:32:00Z\n__proto__ = {layout = "x"}\nconstructor = inf\n+++\n',
    );
    expect(article?.datePublished).toBe('1979-05-27T00:32:00.5-07:00');
    expect(article?.dateModified).toBe('1979-05-27T07:32:00Z');
    expect(Object.getPrototypeOf(extra)).toBe(null);
    expect(JSON.stringify(extra)).toBe('{"__proto__":{"layout":"x"}}');
    expect(diagnostics.map(at)).toEqual([['frontmatter-non-data', 6, 15]]);
  });

  it('never throws, and reads hostile TOML (deep nesting, unclosed strings and arrays, \\r\\n)', () => {
    for (const toml of [
      `a = ${'['.repeat(10_000)}${']'.repeat(10_000)}`,
      `a = ${'{b = '.repeat(5_000)}1${'}'.repeat(5_000)}`,
      `a = """${'x\n'.repeat(10_000)}`,
      `a = [${'1,\n'.repeat(10_000)}`,
      `${'\r\n'.repeat(10_000)}title = "T"`,
      `[${'a.'.repeat(5_000)}a]\nx = 1`,
      `${'"'.repeat(10_000)}`,
    ]) {
      const result = parseMarkdown(`+++\n${toml}\n+++\nBody.\n`);
      expect(result.diagnostics.length + (result.article ? 1 : 0)).toBeGreaterThan(0);
    }
  });

  it('never throws on generated TOML-like frontmatter', () => {
    const piece = fc.constantFrom(
      'title = "T"',
      'a = 1',
      'b = [1, "x", {c = 2}]',
      '[t]',
      '[[u]]',
      'd = """x',
      "e = '''",
      'f = 1979-05-27',
      '#',
      '=',
      '"',
      '[',
      '{',
      '\n',
      '\r\n',
      ' ',
      '__proto__ = 1',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const result = parseMarkdown(`+++\n${pieces.join('')}\n+++\nBody.\n`);
        for (const diagnostic of result.diagnostics) expect(diagnostic.place).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('toMarkdown: TOML frontmatter', () => {
  it('writes back the format it read', () => {
    const text =
      '+++\ntitle = "Night ferries"\ndate = 2026-03-10T18:05:00-05:00\ntags = ["ferries"]\nauthors = ["Dana Whitfield"]\nweight = 3\n\n[params]\nlayout = "wide"\n+++\n\nThe board voted.\n';
    const read = parseMarkdown(text);
    const written = toMarkdown(read.article as Article, {
      extra: read.extra,
      frontmatterFormat: read.frontmatterFormat,
    });
    expect(written.startsWith('+++\nheadline = "Night ferries"\n')).toBe(true);
    const again = parseMarkdown(written);
    expect(again.diagnostics).toEqual([]);
    expect(again.article).toEqual(read.article);
    expect(again.extra).toEqual(read.extra);
    expect(again.frontmatterFormat).toBe('toml');
  });

  it('writes YAML when the data has no TOML form, and rejects an unknown format', () => {
    const article: Article = { headline: 'T', type: 'NewsArticle', body: [] };
    expect(toMarkdown(article, { extra: { x: [null] }, frontmatterFormat: 'toml' })).toBe(
      '---\nheadline: T\nx:\n  - null\n---\n',
    );
    expect(() => toMarkdown(article, { frontmatterFormat: 'json' as 'toml' })).toThrow(TypeError);
  });
});
