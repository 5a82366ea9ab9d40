import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoized, withLineMemo } from '../../src/text/memo.js';
import { BOILERPLATE, CORRECTIONS, KICKERS, rowMatcher } from '../../src/text/patterns.js';

// Lines built from the words the tables look for, so that matches are common.
const words = [
  'advertisement',
  'share',
  'this',
  'article',
  'on',
  'twitter',
  'correction',
  ':',
  'opinion',
  'analysis',
  'live',
  'updates',
  'read',
  'more',
  'subscribe',
  'now',
  'the',
  'story',
  'has',
  'been',
  'updated',
  'cookies',
  'we',
  'use',
  'Menu',
  'ANALYSIS',
  '—',
  '(',
  'x',
];
const line = fc.oneof(
  fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((parts) => parts.join(' ')),
  fc.string({ maxLength: 40 }),
);

describe('rowMatcher', () => {
  for (const [name, table] of [
    ['BOILERPLATE', BOILERPLATE],
    ['KICKERS', KICKERS],
    ['CORRECTIONS', CORRECTIONS],
  ] as const) {
    it(`finds the same row as a scan of ${name}`, () => {
      const match = rowMatcher<{ pattern: RegExp }>(table);
      fc.assert(
        fc.property(line, (text) => {
          expect(match(text)).toBe(table.find((row) => row.pattern.test(text)));
        }),
      );
    });
  }

  it('returns the first matching row, in table order', () => {
    const rows = [{ pattern: /^a/i }, { pattern: /a$/i }];
    const match = rowMatcher(rows);
    expect(match('abba')).toBe(rows[0]);
    expect(match('bca')).toBe(rows[1]);
    expect(match('bcd')).toBeUndefined();
  });

  it('still works when rows have different flags (no combined pre-test)', () => {
    const rows = [{ pattern: /^A$/ }, { pattern: /^b$/i }];
    const match = rowMatcher(rows);
    expect(match('a')).toBeUndefined();
    expect(match('A')).toBe(rows[0]);
    expect(match('B')).toBe(rows[1]);
  });
});

describe('memoized line readers', () => {
  it('answer from the table only inside one parse, and forget it afterwards', () => {
    let calls = 0;
    const read = memoized((text: string) => {
      calls++;
      return text.length > 3 ? undefined : text;
    });
    read('abcd');
    read('abcd');
    expect(calls).toBe(2);
    withLineMemo(() => {
      expect(read('abcd')).toBeUndefined();
      expect(read('abcd')).toBeUndefined();
      expect(read('ab')).toBe('ab');
      expect(read('ab')).toBe('ab');
    });
    expect(calls).toBe(4);
    withLineMemo(() => read('ab'));
    expect(calls).toBe(5);
  });

  it('forgets the table when the parse throws', () => {
    let calls = 0;
    const read = memoized((text: string) => ++calls + text.length);
    expect(() =>
      withLineMemo(() => {
        read('x');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    withLineMemo(() => read('x'));
    expect(calls).toBe(2);
  });
});
