import { describe, expect, it } from 'vitest';
import { sourceOf } from '../../src/schema/index.js';
import { parseText } from '../../src/text/index.js';
import { splitLines } from '../../src/text/lines.js';

describe('splitLines', () => {
  it('lists a run of blank lines once, as its first line, and keeps the place of every other line', () => {
    const text = 'Night Ferries\n\n  \n\t\n\u200b\nThe board voted.\r\n\r\nIt was late.';
    const lines = splitLines(text);
    expect(lines.map((line) => [line.index, line.line, line.text])).toEqual([
      [0, 1, 'Night Ferries'],
      [1, 2, ''],
      [2, 6, 'The board voted.'],
      [3, 7, ''],
      [4, 8, 'It was late.'],
    ]);
    expect(lines[1]).toMatchObject({ start: 14, end: 14 });
    for (const line of lines.filter((each) => each.text !== '')) {
      expect(text.slice(line.start + line.lead, line.end)).toBe(line.text);
    }
  });

  it('keeps a lone blank line between text lines, and lines that are only a bullet', () => {
    const lines = splitLines('a\n\nb\n-\nc');
    expect(lines.map((line) => line.text)).toEqual(['a', '', 'b', '-', 'c']);
  });

  it('reads a day before a month name as part of a date, not as a numbered item', () => {
    const lines = splitLines(
      '14. November 2019\n3. Mai\n01. Dez. 2022 | 14:08 Uhr\n2. May I ask a question?\n1. Januar-Ausgabe lesen\n2. Pay the fee',
    );
    expect(lines.map((line) => [line.text, line.bullet])).toEqual([
      ['14. November 2019', false],
      ['3. Mai', false],
      ['01. Dez. 2022 | 14:08 Uhr', false],
      ['May I ask a question?', true],
      ['Januar-Ausgabe lesen', true],
      ['Pay the fee', true],
    ]);
  });

  it('reads the date of a German date line that opens with the day', () => {
    const text =
      'Neue Fähren für den Hafen\n\n14. November 2019\n\nDer Hafenrat hat am Dienstag beschlossen, nachts Fähren fahren zu lassen. Die erste fährt im Dezember.\n';
    expect(parseText(text).article?.datePublished).toBe('2019-11-14');
  });
});

describe('parseText with many blank lines', () => {
  it('reads the same article after 100,000 blank lines as after one, at the right lines', () => {
    const body = 'The harbour board voted on Tuesday to run ferries after midnight.';
    const one = parseText(`Night Ferries\n\n${body}\n`);
    const gap = 100_000;
    const text = `Night Ferries\n${'\n'.repeat(gap)}${body}\n`;
    const many = parseText(text);
    expect(many.article).toEqual(one.article);
    const place = sourceOf(many.sources, 'body.0');
    expect(place?.start).toEqual({ line: gap + 2, column: 1, offset: text.indexOf(body) });
    expect(place?.end.offset).toBe(text.indexOf(body) + body.length);
  });
});
