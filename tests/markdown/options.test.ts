import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, remarkNutgraf } from '../../src/markdown/index.js';

describe('parseMarkdown options', () => {
  it.each([['Mars/Olympus'], [''], ['UTC+25'], [42]])(
    'throws a TypeError naming `timeZone` for %j',
    (timeZone) => {
      expect(() => parseMarkdown('# T\n', { timeZone: timeZone as string })).toThrow(
        /`options\.timeZone` to be an IANA time zone/,
      );
      const processor = unified()
        .use(remarkParse)
        .use(remarkNutgraf, { timeZone: timeZone as string });
      // unified runs a plugin's attacher when the processor is frozen.
      expect(() => processor.freeze()).toThrow(TypeError);
    },
  );

  it('accepts IANA zones', () => {
    const { article } = parseMarkdown('---\ntitle: T\ndate: 2024-11-05 20:00:00\n---\n', {
      timeZone: 'America/New_York',
    });
    expect(article?.datePublished).toBe('2024-11-05T20:00:00-05:00');
  });
});

describe('date-from-filename', () => {
  const place = (text: string) =>
    parseMarkdown(text, { file: 'posts/2015-06-11-ferries.md' }).diagnostics.find(
      (d) => d.ruleId === 'date-from-filename',
    );

  it('points at the date key that gave no date', () => {
    const found = place('---\ntitle: T\ndate: someday\n---\n');
    expect(found?.place).toEqual({
      start: { line: 3, column: 7, offset: 19 },
      end: { line: 3, column: 14, offset: 26 },
    });
    expect(found?.note).toContain('2015-06-11-ferries.md');
  });

  it('points at the frontmatter without a date key, else at the first line', () => {
    expect(place('---\ntitle: T\n---\n')?.place).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 3, column: 4, offset: 16 },
    });
    expect(place('# Ferries\n\nText.\n')?.place).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 10, offset: 9 },
    });
  });
});
