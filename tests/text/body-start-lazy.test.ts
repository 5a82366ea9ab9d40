import { describe, expect, it } from 'vitest';
import { compileModel, linearScore } from '../../src/model/index.js';
import {
  BODY_START_FEATURE_NAMES,
  BYLINE_LINE,
  bodyStartCandidates,
  bodyStartOf,
} from '../../src/text/body-start.js';
import { splitLines } from '../../src/text/lines.js';
import { defaultTextModel } from '../../src/text/text-model.js';
import { toUnits } from '../../src/text/units.js';

// bodyStartOf reads `byline-line` (parseByline) only when the choice may turn on it; whatever
// it leaves unread, it must pick what scoring every candidate's full vector picks.

const units = (paragraphs: string[]) => toUnits(splitLines(paragraphs.join('\n\n')));

/** The first best-scoring candidate of the full vectors (the unit under the headline when none). */
function fullChoice(list: ReturnType<typeof units>, model: ReturnType<typeof compileModel>) {
  let best = 1;
  let bestScore = -Infinity;
  for (const { index, features } of bodyStartCandidates(list, 0, undefined, -1, -1)) {
    const score = linearScore(model, features);
    if (score > bestScore) [best, bestScore] = [index, score];
  }
  return best;
}

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADLINE = 'Harbour ferry returns after a winter of repairs';
const LINES = [
  'By Tomas Brennan',
  'Tomas Brennan and Ines Okafor',
  'In fact, the yard had never built a hull of this size before.',
  'Veteran skipper Ola Brandt',
  'Photograph: Mara Lindqvist/Coastal Images',
  'The ferry left its slipway on Tuesday morning with the mayor and forty passengers on board, its first crossing since November.',
  'Repairs to the hull took longer than planned.',
  'Local news',
  'Written by Ines Okafor, Harbour Correspondent',
  '12 March 2025',
];

const EVEN = ['right-below', 'two-below', 'short', 'long', 'terminal', 'byline-line', 'caption'];

describe('bodyStartOf', () => {
  it('keeps `byline-line` where the table says', () => {
    expect(BODY_START_FEATURE_NAMES[BYLINE_LINE]).toBe('byline-line');
  });

  it('picks what the full feature vectors pick, for the shipped model and random ones', () => {
    const next = random(11);
    const shipped = defaultTextModel().bodyStart;
    let turned = 0;
    for (let page = 0; page < 300; page++) {
      const paragraphs = [HEADLINE];
      const count = 1 + Math.floor(next() * 8);
      for (let i = 0; i < count; i++) paragraphs.push(LINES[Math.floor(next() * LINES.length)]!);
      const list = units(paragraphs);
      const weights: Record<string, number> = {};
      for (const name of BODY_START_FEATURE_NAMES) weights[name] = Math.round(next() * 8 - 4) / 4;
      // Often a heavy `byline-line`, either way, so that the choice turns on it.
      if (next() < 0.5) weights['byline-line'] = (next() < 0.5 ? -1 : 1) * 6;
      const model = compileModel({ bias: 0, weights }, BODY_START_FEATURE_NAMES);
      // Whole weights on yes/no features only: candidates often tie, and the first must win.
      const even: Record<string, number> = {};
      for (const name of EVEN) even[name] = Math.floor(next() * 5) - 2;
      const ties = compileModel({ bias: 0, weights: even }, BODY_START_FEATURE_NAMES);
      for (const m of [shipped, model, ties]) {
        const chosen = bodyStartOf(list, 0, undefined, -1, -1, m);
        expect(chosen).toBe(fullChoice(list, m));
        const flat = compileModel(
          { bias: 0, weights: { ...weights, 'byline-line': 0 } },
          BODY_START_FEATURE_NAMES,
        );
        if (m === model && chosen !== fullChoice(list, flat)) turned++;
      }
    }
    // The pages exercise choices that `byline-line` decides.
    expect(turned).toBeGreaterThan(10);
  });
});
