import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/text/lines.js';
import { withLineMemo } from '../../src/text/memo.js';
import { CONTENT_FEATURES, contentFeatures, contentScores } from '../../src/text/story.js';
import { defaultTextModel } from '../../src/text/text-model.js';
import { toUnits } from '../../src/text/units.js';

const page = [
  'Home | News | Harbour',
  'Night Ferries Return to the Harbour',
  'By Ana Ruiz',
  'March 10, 2026',
  'PORT ELLIS — The harbour board voted on Tuesday to run ferries after midnight, ending a long debate.',
  'Share this article',
  'The vote followed three months of hearings in which residents and night-shift workers argued over noise.',
  'A crowd at the pier. (Photo: Staff)',
  'Operators will hire forty crew members, the authority said, and the first boats will sail in spring.',
  'Advertisement',
  '© 2026 The Harbour Ledger',
].join('\n\n');

describe('contentScores', () => {
  it('scores each unit row by row exactly as from the whole feature matrix', () => {
    withLineMemo(() => {
      const units = toUnits(splitLines(page));
      const model = defaultTextModel().content;
      const matrix = contentFeatures(units);
      expect(matrix.length).toBe(units.length * CONTENT_FEATURES.length);
      const fromMatrix = contentScores(units, model, matrix);
      const rowByRow = contentScores(units, model);
      expect([...rowByRow]).toEqual([...fromMatrix]);
      expect(new Set(rowByRow).size).toBeGreaterThan(units.length / 2);
      // Neighbours beyond the page's ends read as zeros, not as the previous unit's values.
      const width = CONTENT_FEATURES.length;
      const last = matrix.subarray((units.length - 1) * width);
      const first = matrix.subarray(0, width);
      CONTENT_FEATURES.forEach((name, f) => {
        if (name.endsWith(':none')) return;
        if (name.startsWith('next:') || name.startsWith('next2:')) expect(last[f]).toBe(0);
        if (name.startsWith('prev:') || name.startsWith('prev2:')) expect(first[f]).toBe(0);
      });
      // A neighbour's slots hold that neighbour's own features.
      const own = CONTENT_FEATURES.indexOf(`prev:${CONTENT_FEATURES[0]}`);
      for (let i = 1; i < units.length; i++) {
        expect([...matrix.subarray(i * width + own, i * width + 2 * own)]).toEqual([
          ...matrix.subarray((i - 1) * width, (i - 1) * width + own),
        ]);
      }
    });
  });
});

describe('end headings (past-heading, prose-since-heading)', () => {
  const prose =
    'The harbour board voted on Tuesday to run ferries after midnight, ending a debate that had lasted for many months in the town.';
  const read = (lines: string[]) =>
    withLineMemo(() => {
      const units = toUnits(splitLines(lines.join('\n\n')));
      const x = contentFeatures(units);
      const width = CONTENT_FEATURES.length;
      const at = (name: string) => CONTENT_FEATURES.indexOf(name);
      return units.map((unit, i) => ({
        text: unit.text,
        past: x[i * width + at('past-heading')],
        since: x[i * width + at('prose-since-heading')],
      }));
    });

  it('marks the units from a related-posts heading on, once the story has begun', () => {
    const rows = read([prose, prose, prose, 'Ähnliche Beiträge', prose, 'Lire aussi', prose]);
    expect(rows.map((row) => row.past)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    // Words of prose from the heading through the unit; a second heading starts the count again.
    expect(rows.map((row) => row.since! > 0)).toEqual([
      false,
      false,
      false,
      false,
      true,
      false,
      true,
    ]);
    expect(rows[6]!.since).toBe(rows[4]!.since);
  });

  it('ignores such a heading above the first prose, and a long line that opens like one', () => {
    const rows = read([
      'Mehr zum Thema',
      prose,
      prose,
      prose,
      'You may also like the ferries that run after midnight in the harbour of Port Ellis, the board said.',
      prose,
    ]);
    expect(rows.every((row) => row.past === 0 && row.since === 0)).toBe(true);
  });
});
