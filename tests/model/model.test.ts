import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chooseBest,
  compiledModelCache,
  compileModel,
  contributions,
  extractFeatures,
  type Feature,
  featureNames,
  linearScore,
  logistic,
  logit,
  packModel,
  type Transitions,
  unpackModel,
  viterbi,
} from '../../src/model/index.js';

const table: Feature<string>[] = [
  { name: 'long', value: (text) => text.length > 20 },
  { name: 'words', value: (text) => text.split(' ').length / 10 },
  { name: 'broken', value: () => Number.NaN },
];

describe('named features', () => {
  it('lists names in table order and writes values, booleans as 0/1 and non-finite as 0', () => {
    expect(featureNames(table)).toEqual(['long', 'words', 'broken']);
    expect([...extractFeatures(table, 'The harbour board met on Tuesday')]).toEqual([1, 0.6, 0]);
    expect([...extractFeatures(table, 'Short')]).toEqual([0, 0.1, 0]);
  });
});

describe('linear models', () => {
  it('lays weights out by feature name, ignoring unknown names', () => {
    const model = compileModel(
      { bias: -1, weights: { words: 2, long: 0.5, unknown: 9 } },
      featureNames(table),
    );
    expect([...model.weights]).toEqual([0.5, 2, 0]);
    expect(linearScore(model, [1, 0.6, 0])).toBeCloseTo(0.7);
    expect(contributions(model, [1, 0.6, 0]).map((c) => c.name)).toEqual(['words', 'long']);
  });

  it('logistic and logit are inverse and stable at the extremes', () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(-1000)).toBe(0);
    expect(logistic(1000)).toBe(1);
    expect(logit(logistic(2.5))).toBeCloseTo(2.5);
    expect(Number.isFinite(logit(0))).toBe(true);
  });

  it('chooses the best candidate above the threshold', () => {
    const model = compileModel({ bias: 0, weights: { a: 1 } }, ['a']);
    expect(chooseBest(model, [[-1], [2], [1]])).toEqual({ index: 1, score: 2 });
    expect(chooseBest(model, [[-1], [-2]])).toEqual({ index: -1, score: 0 });
    expect(chooseBest(model, [[-1], [-2]], Number.NEGATIVE_INFINITY).index).toBe(0);
    expect(chooseBest(model, []).index).toBe(-1);
  });
});

/** Brute force: the best path by trying every label sequence. */
function bruteForce(emissions: number[], length: number, t: Transitions): number[] {
  const k = t.labels.length;
  let best = Number.NEGATIVE_INFINITY;
  let bestPath: number[] = [];
  const total = k ** length;
  for (let code = 0; code < total; code++) {
    const path: number[] = [];
    for (let i = 0, c = code; i < length; i++, c = Math.floor(c / k)) path.push(c % k);
    let score = t.start[path[0]!]! + emissions[path[0]!]! + (t.end?.[path[length - 1]!] ?? 0);
    for (let i = 1; i < length; i++)
      score += t.next[path[i - 1]!]![path[i]!]! + emissions[i * k + path[i]!]!;
    if (score > best) {
      best = score;
      bestPath = path;
    }
  }
  return bestPath;
}

describe('compiledModelCache', () => {
  it('lays a model out once for its table, and each model object on its own', () => {
    const compiled = compiledModelCache(['short', 'long']);
    const a = { bias: -1, weights: { long: 2 } };
    const b = { bias: 0, weights: { short: 3 } };
    expect(compiled(a)).toBe(compiled(a));
    expect(linearScore(compiled(a), [0, 1])).toBe(1);
    expect(linearScore(compiled(b), [1, 0])).toBe(3);
  });
});

describe('viterbi', () => {
  const story: Transitions = {
    labels: ['out', 'content'],
    start: [0, -1],
    next: [
      [0, -3],
      [-3, 0],
    ],
    end: [0, 0],
  };

  it('smooths a lone weak item into its neighbours', () => {
    // content, content, weak furniture, content: switching twice costs more than one weak item.
    const emissions = Float64Array.from([-2, 2, -2, 2, 0.5, -0.5, -2, 2]);
    expect([...viterbi(emissions, 4, story)]).toEqual([1, 1, 1, 1]);
  });

  it('respects forbidden transitions', () => {
    const oneRegion: Transitions = {
      labels: ['before', 'content', 'after'],
      start: [0, 0, Number.NEGATIVE_INFINITY],
      next: [
        [0, 0, Number.NEGATIVE_INFINITY],
        [Number.NEGATIVE_INFINITY, 0, 0],
        [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, 0],
      ],
    };
    // Content, furniture, content again: after is absorbing, so the middle must stay content.
    const emissions = Float64Array.from([0, 3, 0, 0, -1, 0, 0, 3, 0]);
    expect([...viterbi(emissions, 3, oneRegion)]).toEqual([1, 1, 1]);
  });

  it('returns an empty path for an empty sequence', () => {
    expect(viterbi(new Float64Array(0), 0, story).length).toBe(0);
  });

  it('finds the same path as trying every sequence', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 6 * 3 + 9 + 6, maxLength: 40 }),
        (length, numbers) => {
          const k = 3;
          const values = numbers.map((n) => n / 10);
          const t: Transitions = {
            labels: ['a', 'b', 'c'],
            start: values.slice(0, 3),
            next: [values.slice(3, 6), values.slice(6, 9), values.slice(9, 12)],
            end: values.slice(12, 15),
          };
          const emissions = values.slice(15, 15 + length * k);
          while (emissions.length < length * k) emissions.push(0);
          const path = [...viterbi(Float64Array.from(emissions), length, t)];
          const expected = bruteForce(emissions, length, t);
          const score = (p: number[]) =>
            t.start[p[0]!]! +
            (t.end?.[p[length - 1]!] ?? 0) +
            p.reduce(
              (sum, s, i) => sum + emissions[i * k + s]! + (i > 0 ? t.next[p[i - 1]!]![s]! : 0),
              0,
            );
          expect(score(path)).toBeCloseTo(score(expected), 9);
        },
      ),
    );
  });
});

describe('packModel', () => {
  it('keeps three significant digits and at most two decimal places, in table order', () => {
    const packed = packModel(
      { bias: -1.23456, weights: { long: 2.04567, rare: 0.0312, tiny: -0.0041 } },
      ['short', 'long', 'rare', 'tiny'],
    );
    expect(packed).toEqual([-1.23, 0, 2.05, 0.03, 0]);
    expect(Object.is(packed[4], -0)).toBe(false);
  });

  it('unpacks to the same scores up to the rounding', () => {
    const model = { bias: 0.5, weights: { a: 1.2345, b: -0.0678 } };
    const compiled = unpackModel(packModel(model, ['a', 'b']), 1, ['a', 'b']);
    expect(linearScore(compiled, [1, 1])).toBeCloseTo(0.5 + 1.23 - 0.07, 10);
  });

  it('unpacks whole numbers of 1 / scale, for a table or by the packed length', () => {
    const named = unpackModel([-16, 8, 64], 32, ['a', 'b', 'c']);
    expect(named.bias).toBe(-0.5);
    expect([...named.weights]).toEqual([0.25, 2, 0]);
    expect(named.names).toEqual(['a', 'b', 'c']);
    const unnamed = unpackModel([-16, 8, 64], 32);
    expect([...unnamed.weights]).toEqual([0.25, 2]);
    expect(unnamed.names).toEqual([]);
    expect(linearScore(unnamed, [1, 1])).toBe(named.bias + 0.25 + 2);
    expect(unpackModel([]).weights.length).toBe(0);
  });
});
