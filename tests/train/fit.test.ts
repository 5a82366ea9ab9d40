import { describe, expect, it } from 'vitest';
import { fitChoice, fitLogistic, fitTransitions, roundWeight } from '../../scripts/train/fit.js';
import { groupedFolds } from '../../scripts/train/folds.js';
import { hashString, seededRandom, shuffled } from '../../scripts/train/random.js';
import { siteOf, siteOfHost } from '../../scripts/train/sites.js';
import { moduleSource } from '../../scripts/train/write-module.js';
import { compileModel, linearScore, logistic } from '../../src/model/index.js';

describe('fitLogistic', () => {
  it('learns a rule from noisy examples, reproducibly', () => {
    const random = seededRandom(7);
    const examples = Array.from({ length: 400 }, () => {
      const a = random();
      const b = random();
      const y = (a + 0.2 * random() > 0.6 ? 1 : 0) as 0 | 1;
      return { x: [a, b], y };
    });
    const model = fitLogistic(examples, ['a', 'b'], { l2: 1e-4 });
    expect(model.weights.a).toBeGreaterThan(5);
    expect(Math.abs(model.weights.b ?? 0)).toBeLessThan(1.5);
    expect(fitLogistic(examples, ['a', 'b'], { l2: 1e-4 })).toEqual(model);
    const compiled = compileModel(model, ['a', 'b']);
    expect(logistic(linearScore(compiled, [0.95, 0.5]))).toBeGreaterThan(0.9);
    expect(logistic(linearScore(compiled, [0.1, 0.5]))).toBeLessThan(0.1);
  });

  it('returns an empty model for no examples', () => {
    expect(fitLogistic([], ['a'])).toEqual({ bias: 0, weights: {} });
  });

  it('holds the weights that are not free at their start, bias included', () => {
    const random = seededRandom(3);
    const examples = Array.from({ length: 400 }, () => {
      const a = random();
      const b = random();
      const y = (a + b + 0.2 * random() > 1.1 ? 1 : 0) as 0 | 1;
      return { x: [a, b], y };
    });
    const first = fitLogistic(examples, ['a', 'b'], { l2: 1e-4, free: [true, false, true] });
    expect(first.weights.b).toBeUndefined();
    expect(first.weights.a).toBeGreaterThan(1);
    const start = Float64Array.from([first.weights.a!, 0, first.bias]);
    const second = fitLogistic(examples, ['a', 'b'], {
      l2: 1e-4,
      start,
      free: [false, true, false],
    });
    expect(second.weights.a).toBe(first.weights.a);
    expect(second.bias).toBe(first.bias);
    expect(second.weights.b).toBeGreaterThan(1);
  });
});

describe('fitChoice', () => {
  it('learns which candidate is right, with several right answers allowed', () => {
    // Candidates have [isTitle, isNone]; the right one is the title-like one, else none.
    const groups = [
      {
        candidates: [
          [0, 0],
          [1, 0],
          [0, 1],
        ],
        positive: [false, true, false],
      },
      {
        candidates: [
          [1, 0],
          [1, 0],
          [0, 1],
        ],
        positive: [true, true, false],
      },
      {
        candidates: [
          [0, 0],
          [0, 1],
        ],
        positive: [false, true],
      },
      {
        candidates: [
          [0, 0],
          [0, 0],
          [0, 1],
        ],
        positive: [false, false, true],
      },
    ];
    const model = fitChoice(groups, ['title', 'none'], { l2: 1e-3 });
    expect(model.weights.title).toBeGreaterThan(model.weights.none ?? 0);
    expect(model.weights.none ?? 0).toBeGreaterThan(0);
  });
});

describe('fitTransitions', () => {
  it('counts label pairs into log-probabilities and forbids the given pairs', () => {
    const t = fitTransitions(
      [
        [0, 0, 1, 1, 2],
        [0, 1, 2, 2],
      ],
      ['before', 'content', 'after'],
      {
        forbidden: [
          [2, 0],
          [2, 1],
        ],
      },
    );
    expect(t.next[2]![0]).toBe(Number.NEGATIVE_INFINITY);
    expect(t.next[2]![2]).toBe(0);
    expect(Math.exp(t.next[0]![1]!)).toBeCloseTo(3 / 6, 3);
  });
});

describe('training helpers', () => {
  it('rounds weights to four significant digits', () => {
    expect(roundWeight(1.234567)).toBe(1.235);
    expect(roundWeight(0.00001)).toBe(0);
  });

  it('seeded randomness and hashes are reproducible', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(hashString('bbc.co.uk')).toBe(hashString('bbc.co.uk'));
    expect(shuffled([1, 2, 3, 4, 5], seededRandom(1)).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('groups items by site', () => {
    expect(siteOfHost('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOfHost('news.example.com')).toBe('example.com');
    expect(siteOf({ corpus: 'mercury', name: 'www.example.org' })).toBe('example.org');
    expect(siteOf({ corpus: 'readability', name: 'guardian-1' })).toBe('readability:guardian');
    expect(siteOf({ corpus: 'aeb', name: 'x', url: 'https://m.site.fr/a' })).toBe('site.fr');
  });

  it('keeps every group in one fold and balances each stratum', () => {
    const items = Array.from({ length: 100 }, (_, i) => ({
      site: `s${i % 23}`,
      corpus: i % 2 === 0 ? 'a' : 'b',
    }));
    const folds = groupedFolds(
      items,
      5,
      (item) => item.site,
      (item) => item.corpus,
    );
    const foldOf = new Map<string, number>();
    items.forEach((item, i) => {
      expect(foldOf.get(item.site) ?? folds[i]).toBe(folds[i]);
      foldOf.set(item.site, folds[i]!);
    });
    const sizes = [0, 0, 0, 0, 0];
    for (const fold of folds) sizes[fold]!++;
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(6);
    expect(
      groupedFolds(
        items,
        5,
        (item) => item.site,
        (item) => item.corpus,
      ),
    ).toEqual(folds);
  });

  it('writes a module of sorted data with -Infinity kept', () => {
    const source = moduleSource({
      name: 'WEIGHTS',
      value: { b: 1, a: [Number.NEGATIVE_INFINITY, 0.5] },
      generatedBy: 'a test',
    });
    expect(source).toContain('export const WEIGHTS = {\n  "a": [Number.NEGATIVE_INFINITY, 0.5],');
    expect(source.indexOf('"a"')).toBeLessThan(source.indexOf('"b"'));
  });
});
