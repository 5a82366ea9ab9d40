import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixSource,
  normalizeDate,
  splitAuthorNames,
  stripAuthorPrefix,
} from '../../src/cli/fix-source.js';

describe('normalizeDate', () => {
  it.each([
    ['2024-03-09 14:30:00 -0500', '2024-03-09T14:30:00-05:00'],
    ['2024-03-09T14:30+0100', '2024-03-09T14:30:00+01:00'],
    ['2024-03-09 14:30:00Z', '2024-03-09T14:30:00Z'],
    ['2024-03-09t14:30:00.250z', '2024-03-09T14:30:00.250Z'],
    ['2024/03/09', '2024-03-09'],
    ['2024-03-09T14:30:00-05:00', undefined],
    ['2024-03-09', undefined],
    ['2024-03-09 14:30', undefined],
    ['2024-02-30', undefined],
    ['March 9, 2024', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe('author names', () => {
  it.each([
    ['By Ana Ruiz', 'Ana Ruiz'],
    ['by: Ana Ruiz', 'Ana Ruiz'],
    ['Written by Ana Ruiz', 'Ana Ruiz'],
    ['Byron Tate', undefined],
    ['Ana Ruiz', undefined],
  ])('strips the prefix of %s', (input, expected) => {
    expect(stripAuthorPrefix(input)).toBe(expected);
  });

  it.each([
    ['Ana Ruiz and Lena Moritz', ['Ana Ruiz', 'Lena Moritz']],
    ['Ana Ruiz, Lena Moritz & Dana Whitfield', ['Ana Ruiz', 'Lena Moritz', 'Dana Whitfield']],
    ['Ana Ruiz, Staff Writer', undefined],
    ['Ana Ruiz and The Associated Press', undefined],
    ['Ana Ruiz', undefined],
    ['Procter and Gamble', undefined],
  ])('splits %s only when every part is a name', (input, expected) => {
    expect(splitAuthorNames(input)).toEqual(expected);
  });
});

describe('fixSource', () => {
  it('fixes frontmatter (comments move with their key) and leaves the body byte for byte', () => {
    const body = '\nBy the river, *nothing* changes.  \n\n- date: 2024/03/09\n';
    const input = `---\n# the story\nauthor: By Ana Ruiz and Lena Moritz\ndate: 2024-03-09 14:30 -0500\ntitle: "Night Ferries"\nlayout: post\n---${body}`;
    const result = fixSource(input, 'markdown');
    expect(result.text).toBe(
      `---\ntitle: "Night Ferries"\n# the story\nauthor:\n  - Ana Ruiz\n  - Lena Moritz\ndate: 2024-03-09T14:30:00-05:00\nlayout: post\n---${body}`,
    );
    expect(result.fixes.map((fix) => fix.kind)).toEqual([
      'author-name-prefix',
      'author-list',
      'date-format',
      'key-order',
    ]);
    expect(fixSource(result.text, 'markdown')).toEqual({ text: result.text, fixes: [] });
  });

  it('fixes names inside author objects and lists', () => {
    const input = '---\ntitle: A\nauthors:\n  - name: By Ana Ruiz\n  - By Lena Moritz\n---\n';
    expect(fixSource(input, 'markdown').text).toBe(
      '---\ntitle: A\nauthors:\n  - name: Ana Ruiz\n  - Lena Moritz\n---\n',
    );
  });

  it('leaves files it cannot parse alone', () => {
    const broken = '---\ntitle: [A\nauthor: By Ana Ruiz\n---\n';
    expect(fixSource(broken, 'markdown')).toEqual({
      text: broken,
      fixes: [],
      skipped: 'the frontmatter is not valid YAML',
    });
    const duplicate = '---\nauthor: By A B\nauthor: By C D\n---\n';
    expect(fixSource(duplicate, 'markdown').text).toBe(duplicate);
    expect(fixSource('{"headline": ', 'json').skipped).toBe('the JSON cannot be parsed');
    expect(fixSource('{"@context": "https://schema.org"}', 'json').skipped).toBe(
      'no safe fixes for JSON-LD',
    );
  });

  it('keeps CRLF line endings', () => {
    const input = '---\r\nauthor: By Ana Ruiz\r\ntitle: A\r\n---\r\nText\r\n';
    expect(fixSource(input, 'markdown').text).toBe(
      '---\r\ntitle: A\r\nauthor: Ana Ruiz\r\n---\r\nText\r\n',
    );
  });

  it('never throws and is idempotent on any frontmatter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 50 }), (yaml, body) => {
        const input = `---\n${yaml}\n---\n${body}`;
        const once = fixSource(input, 'markdown');
        expect(once.text.endsWith(body)).toBe(true);
        expect(fixSource(once.text, 'markdown').text).toBe(once.text);
      }),
      { numRuns: 300 },
    );
  });
});
