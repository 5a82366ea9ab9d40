import { describe, expect, it } from 'vitest';
import {
  type Position,
  placeOf,
  type SourceMap,
  setSource,
  sourceEntries,
  sourceMapFrom,
  sourceOf,
} from '../../src/schema/index.js';
import { copySources, deleteSource, restoreSources } from '../../src/schema/source-map.js';

/** A one-line range on `line`, columns `from` to `to`. */
const range = (line: number, from = 1, to = 10): Position => ({
  start: { line, column: from, offset: line * 100 + from - 1 },
  end: { line, column: to, offset: line * 100 + to - 1 },
});

describe('SourceMap', () => {
  it('records and reads a field by array path or dotted string', () => {
    const sources: SourceMap = {};
    setSource(sources, 'headline', range(1));
    setSource(sources, ['body', 2], range(5));
    setSource(sources, 'body.2.caption', range(6));
    expect(sourceOf(sources, ['headline'])).toEqual(range(1));
    expect(sourceOf(sources, 'body.2')).toEqual(range(5));
    expect(sourceOf(sources, ['body', 2, 'caption'])).toEqual(range(6));
    expect(sourceOf(sources, 'body.1')).toBeUndefined();
    expect(sourceOf(sources, 'body')).toBeUndefined();
    expect(sourceOf(undefined, 'headline')).toBeUndefined();
  });

  it('keeps array items in an array, not in string keys', () => {
    const sources: SourceMap = {};
    for (let index = 0; index < 3; index++) setSource(sources, ['body', index], range(index + 1));
    expect(sources).toEqual({
      fields: { body: { items: [{ place: range(1) }, { place: range(2) }, { place: range(3) }] } },
    });
    expect(JSON.parse(JSON.stringify(sources))).toEqual(sources);
  });

  it('falls back to the closest ancestor, then the article, in placeOf', () => {
    const sources: SourceMap = { place: range(1, 1, 80) };
    setSource(sources, ['body', 3], range(9));
    expect(placeOf(sources, ['body', 3, 'text'])).toEqual(range(9));
    expect(placeOf(sources, ['body', 4, 'text'])).toEqual(range(1, 1, 80));
    expect(placeOf(sources, [])).toEqual(range(1, 1, 80));
    expect(placeOf({}, ['headline'])).toBeUndefined();
  });

  it('tells a field named like an index from an array item', () => {
    const sources: SourceMap = {};
    setSource(sources, ['extra', '0'], range(2));
    setSource(sources, ['items', 0], range(3));
    expect(sourceOf(sources, ['extra', '0'])).toEqual(range(2));
    expect(sourceOf(sources, ['extra', 0])).toBeUndefined();
    expect(sourceOf(sources, 'items.0')).toEqual(range(3));
  });

  it('never reads inherited keys as fields', () => {
    const sources: SourceMap = {};
    setSource(sources, 'headline', range(1));
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(sourceOf(sources, [key])).toBeUndefined();
      expect(placeOf(sources, [key, 'name'])).toBeUndefined();
    }
    setSource(sources, ['__proto__'], range(4));
    expect(sourceOf(sources, ['__proto__'])).toEqual(range(4));
    expect(Object.getPrototypeOf(sources)).toBe(Object.prototype);
    // Once the map has been through JSON (fields with Object.prototype), still no inherited keys.
    const copied = JSON.parse(JSON.stringify({ fields: { headline: { place: range(1) } } }));
    expect(sourceOf(copied, 'constructor')).toBeUndefined();
  });

  it('lists every range with its path, parents first', () => {
    const sources = sourceMapFrom({
      '': range(1, 1, 90),
      headline: range(2),
      'byline.contributors.1': range(4),
      'body.0': range(6),
    });
    expect([...sourceEntries(sources)]).toEqual([
      [[], range(1, 1, 90)],
      [['headline'], range(2)],
      [['byline', 'contributors', 1], range(4)],
      [['body', 0], range(6)],
    ]);
  });

  it('walks a deep map without recursion', () => {
    const sources: SourceMap = {};
    const path = Array.from({ length: 20_000 }, (_, index) => `k${index}`);
    setSource(sources, path, range(1));
    expect([...sourceEntries(sources)]).toHaveLength(1);
    expect(sourceOf(sources, path)).toEqual(range(1));
  });

  it('forgets a range, and goes back to a snapshot', () => {
    const sources = sourceMapFrom({ headline: range(1), byline: range(2) });
    const before = copySources(sources);
    setSource(sources, 'body.0', range(3));
    deleteSource(sources, 'byline');
    expect(sourceOf(sources, 'byline')).toBeUndefined();
    restoreSources(sources, before);
    expect(sources).toEqual(sourceMapFrom({ headline: range(1), byline: range(2) }));
  });
});
