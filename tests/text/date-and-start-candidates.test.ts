import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/text/lines.js';
import { withLineMemo } from '../../src/text/memo.js';
import { bylineCandidates, DATE_FEATURE_NAMES, dateCandidates } from '../../src/text/meta-model.js';
import { CONTENT } from '../../src/text/story.js';
import {
  compileTextModel,
  packTextWeights,
  type TextWeights,
  textFeatureNames,
} from '../../src/text/text-model.js';
import { toUnits } from '../../src/text/units.js';
import { TEXT_WEIGHTS } from '../../src/text/weights.js';

const SENTENCE =
  'The harbour board voted on Tuesday to run ferries after midnight, ending a debate that had split the waterfront for most of the year.';

/** Units of `lines` (one unit each, blank lines between them) and labels marking `story` as story text. */
function page(lines: readonly string[], story: readonly number[]) {
  const units = toUnits(splitLines(lines.join('\n\n')));
  const labels = new Uint8Array(units.length);
  for (const i of story) labels[i] = CONTENT;
  return { units, labels };
}

const feature = (names: readonly string[], features: Float64Array, name: string) =>
  features[names.indexOf(name)];

describe('date candidates', () => {
  it('include the lines just past the story end, however far from the headline', () =>
    withLineMemo(() => {
      // A wrongly chosen headline at the top, 350 menu lines, then the story and its date under it.
      const lines = [
        'Valdora Ledger',
        ...Array.from({ length: 350 }, (_, i) => `Menu entry ${i + 1}`),
        SENTENCE,
        SENTENCE.replace('Tuesday', 'Monday'),
        'Published 3 March 2026',
        'Aktualisiert am 17.01.2026.',
        ...Array.from({ length: 30 }, (_, i) => `Footer link ${i + 1}`),
        'Archiv 2.2.2020',
      ];
      const { units, labels } = page(lines, [351, 352]);
      const found = dateCandidates(units, 0, labels, {});
      // In page order, "none" first; far below the story's end and the headline: not a candidate.
      expect(found.map((c) => [c.index, c.value?.value])).toEqual([
        [-1, undefined],
        [353, '2026-03-03'],
        [354, '2026-01-17'],
      ]);
      const f = (c: number, name: string) => feature(DATE_FEATURE_NAMES, found[c]!.features, name);
      expect(f(1, 'right-after-end')).toBe(1);
      expect(f(1, 'after-end')).toBeCloseTo(0.1);
      expect(f(2, 'after-end')).toBeCloseTo(0.2);
      // Without story labels only the headline's window is read.
      expect(dateCandidates(units, 0, undefined, {}).map((c) => c.index)).toEqual([-1]);
    }));

  it('reach 90 units above and 300 below the headline (bylines: 30 and 100)', () =>
    withLineMemo(() => {
      // Dated lines at every distance from a headline at 400: 100 to 1 above, 1 to 400 below.
      const lines = Array.from({ length: 801 }, (_, i) =>
        i === 400 ? 'Night ferries approved' : `Archiv ${(i % 28) + 1}.2.2020 von Ana Ruiz`,
      );
      const { units } = page(lines, []);
      const indices = dateCandidates(units, 400, undefined, {}).map((c) => c.index);
      expect(indices[0]).toBe(-1);
      expect(indices[1]).toBe(310);
      expect(indices.at(-1)).toBe(700);
      expect(indices).toHaveLength(1 + 90 + 300);
      // The same lines as bylines: the headline's narrower window.
      const bylines = bylineCandidates(units, 400, undefined).map((c) => c.index);
      expect([bylines[1], bylines.at(-1)]).toEqual([370, 500]);
    }));

  it('place a date inside the story at no distance past its end', () =>
    withLineMemo(() => {
      const { units, labels } = page(
        ['Night ferries approved', 'Published 3 March 2026', SENTENCE, 'Updated 4 March 2026'],
        [2],
      );
      const found = dateCandidates(units, 0, labels, {});
      const f = (c: number, name: string) => feature(DATE_FEATURE_NAMES, found[c]!.features, name);
      expect(found.map((c) => c.index)).toEqual([-1, 1, 3]);
      expect(f(1, 'after-end')).toBe(0);
      expect(f(1, 'right-after-end')).toBe(0);
      expect(f(2, 'right-after-end')).toBe(1);
    }));

  it('read a second date printed on a line, and no date of a long paragraph', () =>
    withLineMemo(() => {
      const { units, labels } = page(
        [
          'Night ferries approved',
          'Ana Ruiz | 29. Dezember 2022 30. Dezember 2022 | Hafen',
          `29.11.2022 – ${SENTENCE} ${SENTENCE}`,
          `${SENTENCE} It met on 3 March 2026 and again a week later, ${SENTENCE}`,
        ],
        [2, 3],
      );
      const found = dateCandidates(units, 0, labels, {});
      // Both dates of line 1; none of the paragraphs, even one that opens with a date.
      expect(found.map((c) => [c.index, c.value?.value])).toEqual([
        [-1, undefined],
        [1, '2022-12-29'],
        [1, '2022-12-30'],
      ]);
      expect(found[2]!.value!.index).toBe(units[1]!.text.indexOf('30.'));
    }));
});

describe('the shipped weights in 32nds', () => {
  it('pack every weight as a whole number within 1/64 of its fit in hundredths, and compile back', () => {
    const names = textFeatureNames();
    const fitted = (list: readonly string[], seed: number) => ({
      bias: -0.2618,
      weights: Object.fromEntries(list.map((name, i) => [name, Math.sin(i * seed) * 3.7])),
    });
    const weights: TextWeights = {
      content: fitted(names.content, 1),
      story: TEXT_WEIGHTS.story,
      headline: fitted(names.headline, 2),
      anchor: fitted(names.anchor, 6),
      byline: fitted(names.byline, 3),
      date: fitted(names.date, 4),
      bodyStart: fitted(names.bodyStart, 5),
    };
    const packed = packTextWeights(weights);
    expect(packed.scale).toBe(32);
    expect(packed.date[0]).toBe(-8);
    const compiled = compileTextModel(packed);
    for (const decision of [
      'content',
      'headline',
      'anchor',
      'byline',
      'date',
      'bodyStart',
    ] as const) {
      expect(packed[decision].every(Number.isInteger)).toBe(true);
      const model = compiled[decision];
      names[decision].forEach((name, i) => {
        expect(Math.abs(model.weights[i]! - weights[decision].weights[name]!)).toBeLessThanOrEqual(
          // Hundredths first (packModel), then 32nds.
          0.005 + 1 / 64 + 1e-12,
        );
      });
    }
  });

  it('read weights packed without a scale as they are', () => {
    const { scale: _, ...packed } = packTextWeights(compileTextModelInput());
    const compiled = compileTextModel({ ...packed, date: packed.date.map((w) => w / 32) });
    expect(compiled.date.bias).toBe(-0.25);
    expect(compileTextModel(packTextWeights(compileTextModelInput())).date.bias).toBe(-0.25);
  });
});

function compileTextModelInput(): TextWeights {
  const names = textFeatureNames();
  const zero = (list: readonly string[]) => ({
    bias: -0.26,
    weights: Object.fromEntries(list.map((name) => [name, 0])),
  });
  return {
    content: zero(names.content),
    story: TEXT_WEIGHTS.story,
    headline: zero(names.headline),
    anchor: zero(names.anchor),
    byline: zero(names.byline),
    date: zero(names.date),
    bodyStart: zero(names.bodyStart),
  };
}
