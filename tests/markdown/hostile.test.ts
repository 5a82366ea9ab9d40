import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import type { Diagnostic } from '../../src/schema/index.js';

/** More runs on demand: `NUTGRAF_FC_RUNS=5000 npx vitest run tests/markdown/hostile.test.ts`. */
const runs = Number(process.env.NUTGRAF_FC_RUNS ?? 200);

const at = (diagnostic: Diagnostic): [string, number, number] | undefined => {
  const place = diagnostic.place;
  if (!place) return undefined;
  const start = 'start' in place ? place.start : place;
  return [diagnostic.ruleId, start.line, start.column];
};

/** Whether a value is plain JSON data: what `JSON.parse(JSON.stringify(value))` gives back. */
function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== null && prototype !== Object.prototype) return false;
  return Object.values(value).every((item) => isPlainData(item, depth + 1));
}

describe('parseMarkdown: duplicate keys', () => {
  it('finds duplicates at every depth, at the second key, naming the first line', () => {
    const { extra, diagnostics } = parseMarkdown(
      '---\ntitle: T\nparams:\n  a: 1\n  b: 2\n  a: 3\ntitle: U\n---\n',
    );
    expect(extra).toEqual({ params: { a: 1, b: 2 } });
    expect(diagnostics.map(at)).toEqual([
      ['frontmatter-duplicate-key', 6, 3],
      ['frontmatter-duplicate-key', 7, 1],
    ]);
    expect(diagnostics[0]?.message).toBe(
      'Unexpected duplicate key `a` in `params`, expected each key once: the first one (line 4) is kept',
    );
  });

  it('reads 50,000 keys (quadratic in the YAML parser with its own duplicate check)', () => {
    const keys = Array.from({ length: 50_000 }, (_, index) => `k${index}: ${index}`).join('\n');
    const { extra, diagnostics } = parseMarkdown(`---\ntitle: T\n${keys}\nk7: again\n---\n`);
    expect(Object.keys(extra)).toHaveLength(50_000);
    expect(extra.k7).toBe(7);
    expect(diagnostics.map(at)).toEqual([['frontmatter-duplicate-key', 50_003, 1]]);
  });
});

describe('parseMarkdown: prototype keys', () => {
  it('keeps `__proto__` as a plain key of `extra`, and toMarkdown writes it back', () => {
    const text = '---\ntitle: T\n__proto__: {layout: evil}\nconstructor: 1\n---\n';
    const { article, extra, diagnostics } = parseMarkdown(text);
    expect(diagnostics).toEqual([]);
    expect(Object.getPrototypeOf(extra)).toBe(null);
    expect(Object.keys(extra)).toEqual(['__proto__', 'constructor']);
    expect((extra as Record<string, unknown>).layout).toBeUndefined();
    expect(JSON.stringify(extra)).toBe('{"__proto__":{"layout":"evil"},"constructor":1}');
    const written = toMarkdown(article as never, { extra });
    expect(written).toContain('__proto__:\n  layout: evil\nconstructor: 1\n');
    expect(JSON.stringify(parseMarkdown(written).extra)).toBe(JSON.stringify(extra));
  });

  it('does not read inherited names as key aliases in authors and images', () => {
    const { article, diagnostics } = parseMarkdown(
      '---\ntitle: T\nauthors: [{name: Ana Ruiz, constructor: x, toString: y}]\nimage: {src: "https://a.example/i.jpg", constructor: 1, __proto__: {alt: z}}\n---\n',
    );
    expect(diagnostics).toEqual([]);
    expect(article?.byline?.contributors).toEqual([
      { name: 'Ana Ruiz', type: 'Person', role: 'author' },
    ]);
    expect(article?.image).toEqual({ url: 'https://a.example/i.jpg' });
  });

  const prototypeKey = fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'prototype',
  );
  /** A YAML value at some depth whose keys include prototype names. */
  const nested: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('1', 'x', 'null', 'true', '"s"'),
      fc
        .array(fc.tuple(fc.oneof(prototypeKey, fc.constantFrom('a', 'b')), tie('value')), {
          minLength: 1,
          maxLength: 3,
        })
        .map((pairs) => `{${pairs.map(([key, value]) => `${key}: ${value}`).join(', ')}}`),
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
    ),
  })).value;

  it('keeps prototype names as plain keys at any depth (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(prototypeKey, nested), {
          minLength: 1,
          maxLength: 4,
          selector: ([key]) => key,
        }),
        (pairs) => {
          const yaml = pairs.map(([key, value]) => `${key}: ${value}`).join('\n');
          const { extra } = parseMarkdown(`---\ntitle: T\n${yaml}\n---\n`);
          expect(Object.getPrototypeOf(extra)).toBe(null);
          expect(Object.keys(extra)).toEqual(pairs.map(([key]) => key));
          expect(isPlainData(extra)).toBe(true);
          // Nothing leaked onto shared prototypes.
          expect(({} as Record<string, unknown>).a).toBeUndefined();
          // The same data as a JSON parser reads from the same mapping written as JSON.
          const json = JSON.parse(JSON.stringify(extra));
          expect(JSON.stringify(json)).toBe(JSON.stringify(extra));
        },
      ),
      { numRuns: runs },
    );
  });
});

describe('parseMarkdown: YAML that is not plain data', () => {
  it('leaves out a cyclic alias, binary and infinite numbers; reads sets and omaps as data', () => {
    const { extra, article, diagnostics } = parseMarkdown(
      '---\ntitle: T\na: &a [1, *a]\nb: !!binary aGVsbG8=\nc: !!set {x, y}\nd: !!omap [p: 1, q: 2]\ne: .inf\nf: [1, .nan]\ndate: !!timestamp 2001-12-14t21:59:43.10-05:00\n---\n',
    );
    expect(extra).toEqual({ a: [1], c: ['x', 'y'], d: { p: 1, q: 2 }, f: [1] });
    expect(isPlainData(extra)).toBe(true);
    expect(article?.datePublished).toBe('2001-12-14T21:59:43.10-05:00');
    expect(diagnostics.map(at)).toEqual([
      ['frontmatter-non-data', 3, 11], // the alias
      ['frontmatter-non-data', 4, 13], // the value after its tag
      ['frontmatter-non-data', 5, 10],
      ['frontmatter-non-data', 6, 11],
      ['frontmatter-non-data', 7, 4],
      ['frontmatter-non-data', 8, 8],
    ]);
  });

  it('leaves out a value nested 1,000 deep as a whole, and toMarkdown writes the rest', () => {
    for (const deep of [
      `x: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)}`,
      `x:\n${Array.from({ length: 1000 }, (_, index) => `${' '.repeat(index + 1)}a:`).join('\n')} 1`,
      `x: ${'['.repeat(100)}${']'.repeat(100)}`,
    ]) {
      const { article, extra, diagnostics } = parseMarkdown(`---\ntitle: T\n${deep}\ny: 2\n---\n`);
      expect(extra).toEqual({ y: 2 });
      expect(diagnostics.map((d) => d.ruleId)).toEqual(['frontmatter-non-data']);
      expect(diagnostics[0]?.message).toContain('nested more than 64 levels deep');
      expect(toMarkdown(article as never, { extra })).toContain('y: 2');
    }
  });

  const scalar = fc.constantFrom(
    '1',
    'x',
    '.inf',
    '-.inf',
    '.nan',
    '!!binary aGVsbG8=',
    '!!timestamp 2001-12-14 21:59:43.10 -5',
    '!!str 1',
    '!!float 1',
    '~',
    '0x1F',
  );
  const collection: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `!!set {${items.join(', ')}}`),
      fc
        .array(tie('value'), { maxLength: 3 })
        .map((items) => `!!omap [${items.map((item, index) => `k${index}: ${item}`).join(', ')}]`),
      fc
        .array(tie('value'), { maxLength: 3 })
        .map((items) => `{${items.map((item, index) => `k${index}: ${item}`).join(', ')}}`),
    ),
  })).value;

  it('gives plain JSON data with a diagnostic for what is not (property)', () => {
    fc.assert(
      fc.property(
        fc.array(collection, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (values, anchored) => {
          const lines = values.map((value, index) =>
            anchored && index === 0 ? `v0: &x ${value}` : `v${index}: ${value}`,
          );
          if (anchored) lines.push('alias: *x', 'cycle: &c [*c, *x]');
          const text = `---\ntitle: T\n${lines.join('\n')}\n---\n`;
          const { extra, article, diagnostics } = parseMarkdown(text);
          expect(article?.headline).toBe('T');
          expect(isPlainData(extra)).toBe(true);
          expect(() => JSON.stringify(extra)).not.toThrow();
          const flagged = diagnostics.some((d) => d.ruleId === 'frontmatter-non-data');
          const nonData = /\.inf|\.nan|!!binary|!!set|!!omap|\*c/.test(text);
          expect(flagged).toBe(nonData);
          for (const diagnostic of diagnostics) expect(diagnostic.place).toBeDefined();
          // What was read is written back and read again the same.
          const again = parseMarkdown(toMarkdown(article as never, { extra }));
          expect(again.extra).toEqual(extra);
        },
      ),
      { numRuns: runs },
    );
  });
});

describe('parseMarkdown: inline content of 100,000s of nodes', () => {
  it('reads an emphasis holding 100,000 literal links (its children were spread onto a stack, which overflowed)', () => {
    const count = 100_000;
    const { article, diagnostics } = parseMarkdown(
      `# Night Ferries\n\n*${'www.a.b '.repeat(count)}x*\n`,
    );
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const [block] = article?.body ?? [];
    const [emphasis] = block?.type === 'paragraph' ? (block.content ?? []) : [];
    expect(emphasis?.type).toBe('emphasis');
    const children = emphasis && 'children' in emphasis ? emphasis.children : [];
    expect(children.filter((child) => child.type === 'link')).toHaveLength(count);
    expect(children[0]).toEqual({
      type: 'link',
      url: 'http://www.a.b',
      children: [{ type: 'text', value: 'www.a.b' }],
    });
  });

  it('takes a Hugo figure shortcode out of a paragraph of 150,000 literal links (the rest was spread onto an array, which overflowed the stack)', () => {
    const count = 150_000;
    const { article } = parseMarkdown(
      `# Night Ferries\n\nUse {{< figure src="https://example.com/a.png" >}} ${'www.a.b '.repeat(count)}\n`,
    );
    const [figure, paragraph] = article?.body ?? [];
    expect(figure).toEqual({ type: 'figure', url: 'https://example.com/a.png' });
    const content = paragraph?.type === 'paragraph' ? (paragraph.content ?? []) : [];
    expect(content.filter((item) => item.type === 'link')).toHaveLength(count);
  });

  it('takes every shortcode out of a paragraph of shortcodes between links, keeping the links in order', () => {
    // Each cut used to walk the paragraph from its start: 6,000 pairs took 11 s.
    const count = 2_000;
    const pair = (index: number) =>
      `{{< figure src="https://example.com/${index}.png" >}} www.a${index}.b`;
    const { article } = parseMarkdown(
      `# Night Ferries\n\n${Array.from({ length: count }, (_, index) => pair(index)).join(' ')} [{{< figure src="https://example.com/linked.png" >}}](https://example.com/target) end\n`,
    );
    const body = article?.body ?? [];
    const figures = body.filter((block) => block.type === 'figure');
    expect(figures).toHaveLength(count + 1);
    expect(figures[count - 1]).toEqual({
      type: 'figure',
      url: `https://example.com/${count - 1}.png`,
    });
    const paragraph = body.find((block) => block.type === 'paragraph');
    const content = paragraph?.type === 'paragraph' ? (paragraph.content ?? []) : [];
    const links = content.filter((item) => item.type === 'link');
    expect(links.slice(0, 2)).toEqual([
      { type: 'link', url: 'http://www.a0.b', children: [{ type: 'text', value: 'www.a0.b' }] },
      { type: 'link', url: 'http://www.a1.b', children: [{ type: 'text', value: 'www.a1.b' }] },
    ]);
    // The link around the last shortcode and nothing else went with it: the figure links there.
    expect(links).toHaveLength(count);
    expect(figures[count]).toMatchObject({
      url: 'https://example.com/linked.png',
      link: 'https://example.com/target',
    });
    expect(
      paragraph?.type === 'paragraph' && paragraph.text.endsWith(`www.a${count - 1}.b end`),
    ).toBe(true);
  });
});

describe('toMarkdown: a paragraph of 20,000 line breaks', () => {
  it('writes it as one paragraph and reads it back the same', () => {
    // Not timed: the growth per 10× is in bench/growth.bench.mjs (`toMarkdown line breaks`,
    // once about 240 µs a line, now about 20 µs of CPU and 13× per 10×).
    const text = 'a\n'.repeat(20_000).slice(0, -1);
    const markdown = toMarkdown({
      headline: 'Night Ferries',
      type: 'NewsArticle',
      body: [{ type: 'paragraph', text }],
    });
    const { article, diagnostics } = parseMarkdown(markdown);
    expect(diagnostics).toEqual([]);
    const paragraph = article?.body[0];
    expect(article?.body).toHaveLength(1);
    expect(paragraph?.type === 'paragraph' && paragraph.text).toBe(text);
  });
});
