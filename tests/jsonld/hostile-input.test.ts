import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromJsonLd, toJsonLd } from '../../src/jsonld/index.js';
import { articleTypeSchema, validateArticle } from '../../src/schema/index.js';
import { article as anyArticle } from './arbitraries.js';

/** Keys that reach an object's prototype when assigned naively; never schema.org terms. */
const reservedKeys = ['__proto__', 'constructor', 'prototype'] as const;
/** Names that an object inherits from `Object.prototype`, read by a naive lookup table. */
const inheritedNames = [
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];

/** What an attacker puts under such a key: a whole article, with an author. */
const payload = () => ({
  '@type': 'NewsArticle',
  headline: 'Inherited',
  name: 'Inherited',
  author: { '@type': 'Person', name: 'Evil Twin' },
  datePublished: '1999-01-01',
});

/** Set an own, enumerable property, whatever its name (`__proto__` included). */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Every object of a JSON value, in document order. */
function objects(value: unknown, found: object[] = []): object[] {
  if (Array.isArray(value)) for (const item of value) objects(item, found);
  else if (typeof value === 'object' && value !== null) {
    found.push(value);
    for (const item of Object.values(value)) objects(item, found);
  }
  return found;
}

/** Whether a value is plain JSON data all the way down (no functions, no prototypes but Object's). */
function isPlainJson(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every(isPlainJson);
}

describe('fromJsonLd on prototype keys', () => {
  it('reads nothing through `__proto__`, at the top or nested (the issue’s cases)', () => {
    const top = fromJsonLd('{"__proto__":{"@type":"NewsArticle","headline":"Inherited"}}');
    expect(top.article).toBeUndefined();
    expect(top.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'unmapped-value',
      'no-article',
    ]);
    expect(top.diagnostics[0]).toMatchObject({
      message: 'Unexpected key `__proto__`: never a schema.org term, its value is not read',
      place: { start: { line: 1, column: 2 } },
    });
    const nested = fromJsonLd(
      '{"@type":"NewsArticle","headline":"Real","author":{"__proto__":{"name":"Evil Twin"}}}',
    );
    expect(nested.article?.headline).toBe('Real');
    expect(nested.article?.byline).toBeUndefined();
    expect(nested.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain('missing-name');
    const inherited = fromJsonLd(
      '{"@type":"NewsArticle","headline":"Real","author":{"@type":"Person","__proto__":{"name":"Evil Twin"}},"publisher":{"constructor":{"name":"Evil"}}}',
    );
    expect(inherited.article?.byline).toBeUndefined();
    expect(inherited.article?.publisher).toBeUndefined();
  });

  it('takes no `@type` from Object.prototype (`toString`, `constructor`, `__proto__`)', () => {
    for (const type of ['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty']) {
      const result = fromJsonLd({ '@type': type, headline: 'x' });
      expect(result.article, type).toBeUndefined();
      const both = fromJsonLd({ '@type': [type, 'NewsArticle'], headline: 'x' });
      expect(both.article?.type, type).toBe('NewsArticle');
      const text = fromJsonLd(`{"@type":"${type}","headline":"x"}`);
      expect(text.article, type).toBeUndefined();
    }
  });

  it('reads a correction named after an Object.prototype property as a correction', () => {
    const { article } = fromJsonLd({
      '@type': 'NewsArticle',
      headline: 'x',
      correction: { '@type': 'CorrectionComment', name: 'constructor', text: 'Fixed.' },
    });
    expect(article?.corrections).toEqual([{ text: 'Fixed.', type: 'correction' }]);
  });

  it('toJsonLd writes a string `@type` and a known property for any role or correction kind', () => {
    const odd = {
      headline: 'x',
      type: 'NewsArticle',
      byline: { contributors: [{ name: 'Ana', role: '__proto__' }] },
      corrections: [{ text: 'Fixed.', type: 'toString' }],
      body: [],
    } as unknown as Parameters<typeof toJsonLd>[0];
    const output = toJsonLd(odd) as unknown as Record<string, unknown>;
    expect(output.author).toEqual([{ '@type': 'Person', name: 'Ana' }]);
    expect(output.correction).toEqual([
      { '@type': 'CorrectionComment', name: 'Correction', text: 'Fixed.' },
    ]);
  });

  it('gives the same article whatever is put under `__proto__`, `constructor` or `prototype`, at any depth', () => {
    const injected = fc
      .tuple(
        anyArticle,
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...reservedKeys)), {
          minLength: 1,
          maxLength: 6,
        }),
      )
      .map(([input, graph, picks]) => {
        const clean = JSON.parse(JSON.stringify(toJsonLd(input, { graph })));
        const dirty = JSON.parse(JSON.stringify(clean));
        const targets = objects(dirty);
        for (const [index, key] of picks) define(targets[index % targets.length]!, key, payload());
        return { clean, dirty: JSON.stringify(dirty) };
      });
    fc.assert(
      fc.property(injected, ({ clean, dirty }) => {
        const expected = fromJsonLd(clean).article;
        // As text and as the value JSON.parse gives (own `__proto__` keys).
        expect(fromJsonLd(dirty).article).toEqual(expected);
        expect(fromJsonLd(JSON.parse(dirty)).article).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a prefixed `__proto__` or `constructor` as a plain unknown key of the node', () => {
    const text = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Real',
      'schema:__proto__': { '@type': 'NewsArticle', headline: 'Inherited' },
      author: {
        '@type': 'Person',
        name: 'Ana Ruiz',
        'http://schema.org/constructor': { name: 'Evil Twin' },
      },
    });
    for (const input of [text, JSON.parse(text)]) {
      const { article, diagnostics } = fromJsonLd(input);
      expect(article?.headline).toBe('Real');
      expect(article?.byline?.contributors.map((contributor) => contributor.name)).toEqual([
        'Ana Ruiz',
      ]);
      expect(isPlainJson(article)).toBe(true);
      const unmapped = diagnostics.filter(
        (diagnostic) => diagnostic.ruleId === 'unmapped-property',
      );
      expect(unmapped.map((diagnostic) => diagnostic.actual)).toContain('__proto__');
    }
  });

  it('returns plain data and a known type, and toJsonLd writes only string types, for Object.prototype names anywhere', () => {
    const types = articleTypeSchema.options as readonly string[];
    const names = [...reservedKeys, ...inheritedNames];
    const injected = fc
      .tuple(
        anyArticle,
        fc.boolean(),
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom(...names),
            fc.constantFrom<'key' | 'type' | 'value'>('key', 'type', 'value'),
          ),
          { minLength: 1, maxLength: 6 },
        ),
      )
      .map(([input, graph, picks]) => {
        const document = JSON.parse(JSON.stringify(toJsonLd(input, { graph })));
        const targets = objects(document);
        for (const [index, name, where] of picks) {
          const target = targets[index % targets.length] as Record<string, unknown>;
          if (where === 'key') define(target, name, payload());
          else if (where === 'type') define(target, '@type', name);
          else {
            const keys = Object.keys(target);
            if (keys.length > 0) define(target, keys[index % keys.length]!, name);
          }
        }
        return JSON.stringify(document);
      });
    fc.assert(
      fc.property(injected, (text) => {
        for (const input of [text, JSON.parse(text)]) {
          const { article } = fromJsonLd(input);
          if (!article) continue;
          expect(isPlainJson(article)).toBe(true);
          expect(types).toContain(article.type);
          expect(validateArticle(article).diagnostics).toEqual([]);
          const output = toJsonLd(article, { graph: true });
          for (const node of objects(output)) {
            const type = (node as Record<string, unknown>)['@type'];
            if (type !== undefined) expect(typeof type).toBe('string');
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('fromJsonLd on values that are not JSON data', () => {
  it('leaves out functions, getters, class instances and symbols, each reported', () => {
    let called = false;
    const input: Record<string, unknown> = {
      '@type': 'NewsArticle',
      headline: 'x',
      description: () => 'function',
      datePublished: new Date('2026-03-10T18:05:00Z'),
      keywords: new Set(['a']),
      genre: Symbol('kicker'),
    };
    Object.defineProperty(input, 'alternativeHeadline', {
      enumerable: true,
      get() {
        called = true;
        throw new Error('getter ran');
      },
    });
    const { article, diagnostics } = fromJsonLd(input);
    expect(called).toBe(false);
    expect(article).toEqual({ headline: 'x', type: 'NewsArticle', body: [] });
    expect(
      diagnostics
        .filter((diagnostic) => diagnostic.ruleId === 'unmapped-value')
        .map((diagnostic) => diagnostic.actual),
    ).toEqual(['description', 'datePublished', 'keywords', 'genre', 'alternativeHeadline']);
  });

  it('reports values nested deeper than it reads, once each', () => {
    let deep: unknown = 'too deep';
    for (let level = 0; level < 150; level++) deep = { value: deep };
    const { article, diagnostics } = fromJsonLd({
      '@type': 'NewsArticle',
      headline: 'x',
      about: deep,
    });
    expect(article?.headline).toBe('x');
    const dropped = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'unmapped-value');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]!.message).toBe(
      'Unexpected value of `value` nested more than 100 levels deep: left out',
    );
  });

  it('places the report of a value nested too deep in JSON text, however deep the text goes', () => {
    const text = `{"@type":"NewsArticle","headline":"x","about":${'{"value":'.repeat(5_000)}"x"${'}'.repeat(5_000)}}`;
    const { diagnostics } = fromJsonLd(text);
    const dropped = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'unmapped-value');
    expect(dropped).toHaveLength(1);
    // The key of the first value past 100 levels: `"value":` at nesting level 101.
    const place = dropped[0]!.place;
    const offset = (place && 'start' in place ? place.start.offset : undefined) ?? -1;
    expect(text.slice(offset, offset + 8)).toBe('"value":');
    expect(text.slice(0, offset).split('{').length - 1).toBe(101);
  });

  it('reads the first text of an array shared many times over in bounded time', () => {
    let wide: unknown = [''];
    for (let level = 0; level < 7; level++) wide = Array.from({ length: 50 }, () => wide);
    const started = performance.now();
    const { article } = fromJsonLd({ '@type': 'NewsArticle', headline: wide, name: 'Named' });
    expect(article?.headline).toBe('Named');
    // 50^7 paths: a search without a bound would not finish.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reads every reference to one shared person, whose name is found deep in a long list', () => {
    // 9,000 blank strings before the name (the search is bounded at 10,000 steps), and the
    // person listed 1,000 times: the growth bench times this shape, this test its reading.
    const name = [...Array.from({ length: 9_000 }, () => ' '), 'Ana Ruiz'];
    const person = { '@type': 'Person', name, jobTitle: name };
    const { article } = fromJsonLd({
      '@type': 'NewsArticle',
      headline: 'Night Ferries',
      author: Array.from({ length: 1_000 }, () => person),
    });
    const names = article?.byline?.contributors?.map((contributor) => contributor.name) ?? [];
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['Ana Ruiz']));
  });

  it('keeps the last of duplicate keys, as JSON.parse does, with its place', () => {
    const { article, diagnostics } = fromJsonLd(
      '{"@type":"NewsArticle","headline":"First","headline":"Second","speakable":1,"speakable":2}',
    );
    expect(article?.headline).toBe('Second');
    expect(diagnostics.map((diagnostic) => diagnostic.place)).toEqual([
      { start: { line: 1, column: 77, offset: 76 }, end: { line: 1, column: 90, offset: 89 } },
    ]);
  });
});
