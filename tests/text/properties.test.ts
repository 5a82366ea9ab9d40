import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceEntries, validateArticle } from '../../src/schema/index.js';
import { parseText } from '../../src/text/index.js';

/** Lines that look like parts of news pages, so the generator reaches the interesting paths. */
const pieces = [
  'By ANA RUIZ and LENA MORITZ, Associated Press',
  'Published: March 9, 2024',
  'Updated 11:42 GMT, 2 February 2026',
  'Home > News > Local',
  'ANALYSIS',
  'UPDATE 2-Grain exports slow',
  'BC-US--Harbor-Tunnel,0512',
  'MOSCOW (Reuters) - Talks resumed on Monday after a pause of two weeks.',
  'Passengers at the pier. (Photo: AP)',
  'A crowd gathers. Photograph: Ana Ruiz/Reuters',
  '(Reporting by Lena Moritz; Editing by Sam Okafor)',
  'Copyright 2026 The Associated Press. All rights reserved.',
  'Correction: An earlier version of this story misstated the date.',
  'Advertisement',
  '  • Share on Facebook',
  'The council voted on Tuesday to keep the library open in the evenings, officials said.',
  'مجلس الميناء يوافق على العبارات الليلية',
  '港湾局が夜間フェリーを承認',
  '\t\u0000\uFEFF',
  '“The quay comes alive at night and the whole city should see it.” — Ana Ruiz',
  '1. Crossings run from midnight to five.',
  'Updated 2 hours ago',
  '© 2026 Valdora Weekly | Newsroom | Archive | Events',
  'Tomás Reyes contributed reporting.',
  '\u202Bسوق ليلي\u202C',
  `Harbour board approves night ferries. ${'The board voted on Tuesday to run crossings after midnight. '.repeat(6)}`,
];

const page = fc
  .array(
    fc.oneof(
      fc.constantFrom(...pieces),
      fc.string({ maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ),
    {
      maxLength: 30,
    },
  )
  .chain((lines) =>
    fc.constantFrom('\n', '\r\n', '\r', '\n\n').map((separator) => lines.join(separator)),
  );

describe('parseText properties', () => {
  it('never throws, and returns a valid article or an error', () => {
    fc.assert(
      fc.property(page, (text) => {
        const result = parseText(text);
        if (result.article) {
          expect(validateArticle(result.article).diagnostics).toEqual([]);
        } else {
          expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        }
        for (const [, position] of sourceEntries(result.sources)) {
          expect(position.start.line).toBeGreaterThanOrEqual(1);
          expect(position.start.column).toBeGreaterThanOrEqual(1);
          expect(position.end.offset ?? 0).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(parseText(text)).toEqual(parseText(text));
      }),
      { numRuns: 200 },
    );
  });

  it('returns an article for any text with a word in it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.stringMatching(/^[A-Za-z]{1,12}$/),
        (noise, word) => {
          expect(parseText(`${noise}\n${word}\n${noise}`).article).toBeDefined();
        },
      ),
      { numRuns: 200 },
    );
  });
});
