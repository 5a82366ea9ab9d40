import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  keyPlace,
  parseJsonWithPlaces,
  placesDepth,
} from '../../src/jsonld/parse-json-with-places.js';
import { jsonPlaces, readJsonText } from '../../src/jsonld/read-json-text.js';

/** Every object (not array) inside a JSON value, the value itself included. */
function objectsIn(value: unknown): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) stack.push(...item);
    else {
      objects.push(item as Record<string, unknown>);
      stack.push(...Object.values(item));
    }
  }
  return objects;
}

function engine(text: string): { ok: boolean; value?: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const nearlyJson = fc
  .tuple(
    fc.jsonValue(),
    fc.nat(),
    fc.constantFrom(
      '',
      'x',
      '"',
      '}',
      ']',
      ',',
      ':',
      '\\',
      '\n',
      '-',
      '0',
      '.',
      'e',
      ' ',
      '\u0001',
    ),
    fc.boolean(),
  )
  .map(([value, at, insert, pretty]) => {
    const text = JSON.stringify(value, null, pretty ? 1 : undefined);
    const cut = at % (text.length + 1);
    return text.slice(0, cut) + insert + text.slice(cut + (insert === '' ? 1 : 0));
  });

describe('parseJsonWithPlaces', () => {
  it('accepts exactly what JSON.parse accepts, with the same value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((value) => JSON.stringify(value, null, 2)),
          fc.json(),
          nearlyJson,
          fc.string(),
          fc.constantFrom(
            '{"__proto__": {"a": 1}}',
            '{"a":1,"a":2}',
            '{"1":1,"b":2,"0":3}',
            '-0',
            '1E+2',
          ),
        ),
        (text) => {
          const expected = engine(text);
          const result = parseJsonWithPlaces(text);
          expect(result !== undefined, text).toBe(expected.ok);
          if (result) expect(result.value).toStrictEqual(expected.value);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it(`accepts exactly what JSON.parse accepts below ${placesDepth} levels too, with the same value`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue().map((value) => JSON.stringify(value)),
          nearlyJson,
          fc.constantFrom(
            '{"__proto__": {"a": 1}}',
            '{"a": "]}\\"[{", "b": [1, {"c": "\\\\"}]}',
            '[1, 2',
            '{"a": 1}}',
            '[}',
            '{"a": "\u0001"}',
          ),
        ),
        fc.integer({ min: placesDepth - 2, max: placesDepth + 2 }),
        (inner, depth) => {
          const text = `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
          const expected = engine(text);
          const result = parseJsonWithPlaces(text);
          expect(result !== undefined, text).toBe(expected.ok);
          if (result) expect(result.value).toStrictEqual(expected.value);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives the place of every object and key', () => {
    const text = '{\n  "a": [1, {"b": "x"}],\n  "c": {}\n}';
    const result = parseJsonWithPlaces(text)!;
    const root = result.value as { a: [number, { b: string }]; c: object };
    const places = result.places.get(root)!;
    expect(places).toMatchObject({ start: 0, end: text.length });
    expect(text.slice(keyPlace(places, 'a')!.start, keyPlace(places, 'a')!.end)).toBe(
      '"a": [1, {"b": "x"}]',
    );
    const inner = result.places.get(root.a[1])!;
    expect(text.slice(inner.start, inner.end)).toBe('{"b": "x"}');
    expect(text.slice(keyPlace(inner, 'b')!.start, keyPlace(inner, 'b')!.end)).toBe('"b": "x"');
    expect(text.slice(keyPlace(places, 'c')!.start, keyPlace(places, 'c')!.end)).toBe('"c": {}');
  });

  it('gives every object of any JSON value its own key places, nested objects and arrays in between', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const result = parseJsonWithPlaces(text);
        expect(result).toBeDefined();
        for (const item of objectsIn(result!.value)) {
          const places = result!.places.get(item)!;
          expect(text.slice(places.start, places.end)).toBe(JSON.stringify(item));
          const keys = Object.keys(item);
          expect(places.keys).toHaveLength(keys.length * 3);
          for (const key of keys) {
            const range = keyPlace(places, key)!;
            expect(text.slice(range.start, range.end)).toBe(
              `${JSON.stringify(key)}:${JSON.stringify(item[key])}`,
            );
          }
        }
      }),
    );
  });

  it('places a repeated key where its last value is (the value JSON.parse keeps), in objects of few and of many keys', () => {
    for (const count of [3, 40]) {
      const keys = Array.from({ length: count }, (_, index) => `"k${index}": ${index}`);
      const text = `{"a": 1, ${keys.join(', ')}, "a": 2}`;
      const result = parseJsonWithPlaces(text)!;
      const places = result.places.get(result.value as object)!;
      expect(text.slice(keyPlace(places, 'a')!.start, keyPlace(places, 'a')!.end)).toBe('"a": 2');
      const last = `k${count - 1}`;
      expect(text.slice(keyPlace(places, last)!.start, keyPlace(places, last)!.end)).toBe(
        `"${last}": ${count - 1}`,
      );
      expect(keyPlace(places, 'missing')).toBeUndefined();
      expect(keyPlace(places, '__proto__')).toBeUndefined();
    }
  });

  it('handles any nesting depth', () => {
    const deep = `${'['.repeat(100_000)}{"a":1}${']'.repeat(100_000)}`;
    expect(parseJsonWithPlaces(deep)).toBeDefined();
  });

  it(`gives places down to ${placesDepth} levels and none deeper, keeping every value`, () => {
    const depth = 1_000;
    const text = `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;
    const result = parseJsonWithPlaces(text)!;
    const chain: object[] = [];
    let node = result.value as { a?: object };
    while (node !== undefined) {
      chain.push(node);
      node = node.a as { a?: object };
    }
    expect(chain).toHaveLength(depth + 1);
    const placed = chain.map((object) => result.places.has(object));
    expect(placed.indexOf(false)).toBe(placesDepth);
    expect(placed.slice(placesDepth)).not.toContain(true);
    const last = result.places.get(chain[placesDepth - 1]!)!;
    expect(text.slice(last.start, last.end)).toBe(
      `${'{"a":'.repeat(depth - placesDepth + 1)}{}${'}'.repeat(depth - placesDepth + 1)}`,
    );
  });
});

describe('jsonPlaces', () => {
  it('gives each object that readJsonText read (by JSON.parse) the places of its text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, wrapped) => {
        const json = JSON.stringify(value, null, 1);
        const text = wrapped ? `<!--\n${json}\n-->` : json;
        const read = readJsonText(text);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.places).toBeUndefined();
        const places = jsonPlaces(text, read.value);
        const objects = objectsIn(read.value);
        for (const item of objects) {
          const found = places.get(item)!;
          expect(JSON.parse(text.slice(found.start, found.end))).toEqual(item);
          for (const key of Object.keys(item)) {
            const range = keyPlace(found, key)!;
            expect(JSON.parse(`{${text.slice(range.start, range.end)}}`)).toEqual({
              [key]: item[key],
            });
          }
        }
        expect(places.size).toBe(objects.length);
      }),
    );
  });

  it('pairs repeated keys and `__proto__` keys with the values JSON.parse kept', () => {
    const text = '{"a": {"x": 1}, "__proto__": {"y": 2}, "a": {"z": 3}}';
    const read = readJsonText(text);
    if (!read.ok) throw new Error('expected valid JSON');
    const value = read.value as Record<string, object>;
    const places = jsonPlaces(text, value);
    const slice = (object: object) => {
      const found = places.get(object)!;
      return text.slice(found.start, found.end);
    };
    expect(slice(value.a!)).toBe('{"z": 3}');
    expect(slice(Object.getOwnPropertyDescriptor(value, '__proto__')!.value)).toBe('{"y": 2}');
  });
});
