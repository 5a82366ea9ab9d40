import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/text/index.js';
import { splitLines } from '../../src/text/lines.js';
import { withLineMemo } from '../../src/text/memo.js';
import { NONE_FEATURE } from '../../src/text/meta-model.js';
import { contentScores, STORY_LABELS, storyLabels } from '../../src/text/story.js';
import {
  decodeWeights,
  defaultTextModel,
  encodeWeights,
  textFeatureNames,
} from '../../src/text/text-model.js';
import { toUnits } from '../../src/text/units.js';
import { TEXT_FEATURE_ORDER, TEXT_WEIGHTS } from '../../src/text/weights.js';

describe('the generated weights module', () => {
  const names = textFeatureNames();
  const decisions = Object.keys(names) as Array<keyof typeof names>;

  it.each(decisions)('was packed for the feature table the code computes (%s)', (decision) => {
    expect(TEXT_FEATURE_ORDER[decision]).toEqual(names[decision]);
    expect(decodeWeights(TEXT_WEIGHTS[decision])).toHaveLength(names[decision].length + 1);
  });

  it.each(decisions)('holds finite, fitted numbers (%s)', (decision) => {
    const packed = decodeWeights(TEXT_WEIGHTS[decision]);
    expect(encodeWeights(packed)).toBe(TEXT_WEIGHTS[decision]);
    expect(packed.every(Number.isInteger)).toBe(true);
    // A trained model, not the placeholder of an empty module.
    expect(packed.filter((weight) => weight !== 0).length).toBeGreaterThan(10);
  });

  it('finds `none` first in the byline and date tables (the build drops names)', () => {
    expect(names.byline[NONE_FEATURE]).toBe('none');
    expect(names.date[NONE_FEATURE]).toBe('none');
  });

  it('writes every whole number within ±940 as text that decodes to it', () => {
    const all = Array.from({ length: 1881 }, (_, i) => i - 940);
    const text = encodeWeights(all);
    expect(decodeWeights(text)).toEqual(all);
    // One character for -45…46, and a `!` (+91) or a space (−91) before it for every 91 beyond;
    // printable ASCII without `"`.
    expect(encodeWeights(all.slice(940 - 45, 940 + 47))).toHaveLength(92);
    expect(encodeWeights([47, 137, 138, -46, -136, -137])).toBe('!$!~!!$ } #  }');
    expect(text).toMatch(/^[ !#-~]*$/);
    expect(encodeWeights([0, -8, 30, -116])).toBe('PHn 7');
    expect(decodeWeights('')).toEqual([]);
    for (const bad of [941, -941, 0.5, Number.NaN])
      expect(() => encodeWeights([bad])).toThrow(RangeError);
  });

  it('holds seven finite numbers for the story decoder', () => {
    const decoder = TEXT_WEIGHTS.story;
    expect(Object.keys(decoder).sort()).toEqual(
      ['bias', 'enter', 'gapClose', 'gapOpen', 'gapStay', 'leave', 'scale'].sort(),
    );
    expect(Object.values(decoder).every(Number.isFinite)).toBe(true);
  });
});

/** The story label of every unit of `text`, as parseText decodes them. */
function labelsOf(text: string): Array<[string, string]> {
  return withLineMemo(() => {
    const units = toUnits(splitLines(text));
    const model = defaultTextModel();
    const scores = contentScores(units, model.content);
    const labels = storyLabels(scores, model.story, model.storyTransitions);
    return units.map((unit, i): [string, string] => [unit.text, STORY_LABELS[labels[i]!]!]);
  });
}

const PARAGRAPHS = [
  'The harbour board voted on Tuesday to run ferries after midnight, ending a debate that had split the waterfront for most of the year.',
  'The vote followed three months of hearings in which residents, night-shift workers and operators argued over noise, cost and safety on the water.',
  'Operators will hire forty crew members to staff the new night runs, the authority said, and the first boats will sail in the spring.',
  'Residents of the old quay will be able to comment on the timetable until the end of the month, the board added.',
];

describe('inference on invented layouts', () => {
  it('reads menus before the story and a footer after it as furniture', () => {
    const page = [
      'Skip to content',
      'Home',
      'News',
      'Sport',
      'Sign in',
      'Night ferries approved after long harbour debate',
      'By Dana Whitfield',
      ...PARAGRAPHS,
      'Share this article',
      'About us',
      'Privacy policy',
      'Terms of use',
    ].join('\n\n');
    const labels = new Map(labelsOf(page));
    for (const paragraph of PARAGRAPHS) expect(labels.get(paragraph)).toBe('content');
    for (const menu of ['Skip to content', 'Home', 'News', 'Sign in'])
      expect(labels.get(menu)).toBe('before');
    for (const footer of ['About us', 'Privacy policy']) expect(labels.get(footer)).toBe('after');
  });

  it('picks the headline over teasers for other stories, and its byline and date', () => {
    const page = [
      'Valdora Ledger',
      'Menu',
      'Tram line delayed again as costs rise',
      'School meals to be free from September',
      'Night ferries approved after long harbour debate',
      'By Dana Whitfield and Tomás Reyes',
      'Published March 3, 2026',
      ...PARAGRAPHS,
      'More from Local',
      'Why the old bridge will close for a month',
    ].join('\n\n');
    const { article } = parseText(page);
    expect(article?.headline).toBe('Night ferries approved after long harbour debate');
    expect(article?.byline?.contributors.map((c) => c.name)).toEqual([
      'Dana Whitfield',
      'Tomás Reyes',
    ]);
    expect(article?.datePublished).toBe('2026-03-03');
    expect(article?.body.map((block) => (block.type === 'paragraph' ? block.text : ''))).toEqual(
      PARAGRAPHS,
    );
  });

  it('invents no byline and no date on clean copy that prints none', () => {
    const story = [
      'Harbour board backs night ferries',
      '',
      'The board voted on 3 March 2026 to run ferries after midnight, its chair, Dana Whitfield, said.',
      '',
      ...PARAGRAPHS.slice(1).flatMap((p) => [p, '']),
    ].join('\n');
    const { article } = parseText(story);
    expect(article?.headline).toBe('Harbour board backs night ferries');
    expect(article?.byline).toBeUndefined();
    expect(article?.datePublished).toBeUndefined();
    expect(article?.body).toHaveLength(4);
  });

  it('reads a byline and date printed on one line under the headline of a clean copy', () => {
    const story = [
      'Harbour board backs night ferries',
      '',
      'Posted by Quinn Adair on June 14, 2025',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
    ].join('\n');
    const { article } = parseText(story);
    expect(article?.byline?.contributors.map((c) => c.name)).toEqual(['Quinn Adair']);
    expect(article?.datePublished).toBe('2025-06-14');
    expect(article?.body).toHaveLength(4);
  });
});

describe('the story decoder', () => {
  // Three story units, a run of furniture, then one more story-like unit; scores are log-odds.
  const decoder = { bias: 0, scale: 1, enter: 0, leave: 0, gapOpen: 2, gapClose: 2 };
  const page = (gap: number) => Float64Array.from([-6, 5, 5, 5, ...Array(gap).fill(-6), 5]);
  const labelNames = (scores: Float64Array, d: typeof decoder & { gapStay?: number }) =>
    [...storyLabels(scores, d)].map((label) => STORY_LABELS[label]);

  it('bridges a run of furniture of any length when staying in it is free', () => {
    expect(labelNames(page(8), decoder).at(-1)).toBe('content');
    expect(labelNames(page(8), { ...decoder, gapStay: 0 }).at(-1)).toBe('content');
  });

  it('charges each further unit of furniture inside the story `gapStay`', () => {
    // One unit of furniture costs the gap's two ends only: the story goes on after it.
    expect(labelNames(page(1), { ...decoder, gapStay: 1 })).toEqual([
      'before',
      'content',
      'content',
      'content',
      'inside',
      'content',
    ]);
    // Eight cost 2 + 2 + 7 × 1, more than the last unit is worth: the story ends before them.
    const long = labelNames(page(8), { ...decoder, gapStay: 1 });
    expect(long.slice(4)).toEqual(Array(9).fill('after'));
  });
});
