import { describe, expect, it } from 'vitest';
import {
  floorGrowth,
  growthRatios,
  leastRow,
  parseFilters,
  type Row,
  selects,
  shapeId,
  verdict,
} from '../../bench/growth-verdict.mjs';

const sizes = [1e3, 1e4, 1e5, 1e6];
/** A row from its times (ms), as the bench measures one. */
const row = (times: Array<number | undefined>, projected: number[] = []): Row => {
  const ratios = growthRatios(times, projected, sizes);
  return {
    cells: times.map(String),
    times,
    walls: times,
    ratios,
    wallRatios: ratios,
    worst: Math.max(...ratios),
  };
};

describe('growth bench: shape filters', () => {
  it('selects by parser, by a part of the shape name, or by the exact name', () => {
    const filters = parseFilters(['parseText', 'parseMarkdown:shortcodes', 'parseByline:=dashes']);
    expect(selects(filters, 'parseText', 'blank lines')).toBe(true);
    expect(selects(filters, 'parseMarkdown', 'shortcodes between links')).toBe(true);
    expect(selects(filters, 'parseMarkdown', 'links')).toBe(false);
    expect(selects(filters, 'parseByline', 'dashes')).toBe(true);
    expect(selects(filters, 'parseDate', 'dashes')).toBe(false);
    expect(selects(parseFilters(['parseByline:=dash']), 'parseByline', 'dashes')).toBe(false);
    expect(selects([], 'toJsonLd', 'keywords')).toBe(true);
  });

  it('gives each shape an id that selects it alone, whatever its name holds', () => {
    const names = [
      'shortcodes',
      'shortcodes between links',
      'TOML fence, \\r\\n lines',
      '**a (remark)',
    ];
    for (const name of names) {
      const filters = parseFilters([shapeId('parseMarkdown', name)]);
      expect(names.filter((other) => selects(filters, 'parseMarkdown', other))).toEqual([name]);
    }
  });
});

describe('growth bench: verdict', () => {
  it('passes linear growth and fails quadratic growth', () => {
    expect(verdict(row([1, 10, 100, 1000]))).toBe('pass');
    expect(verdict(row([1, 10, 150, 2250]))).toBe('pass');
    expect(verdict(row([1, 10, 160, 1600]))).toBe('fail');
    expect(verdict(row([1, 100, 1e4, 1e6]))).toBe('fail');
  });

  it('reads growth between sizes not 10× apart per 10×', () => {
    const ratios = growthRatios([1, 4], [], [1e5, 2e5]);
    expect(ratios[0]).toBeCloseTo(100, 6);
  });

  it('passes growth over the limit by a floor that grows as fast, and only so', () => {
    const floor = row([0.1, 1, 20, 400]);
    expect(verdict(row([1, 10, 200, 4000]), floor)).toBe('floor');
    expect(floorGrowth(row([1, 10, 200, 4000]), floor)).toBeCloseTo(1, 6);
    // Our share grows 2× over the floor's: over FLOOR_GROWTH.
    expect(verdict(row([1, 10, 200, 8000]), floor)).toBe('fail');
    // Large fixed costs at 1e3 do not hide the growth: the base is the least quotient so far.
    expect(verdict(row([50, 10, 200, 8000]), floor)).toBe('fail');
  });

  it('needs the floor measured at both ends of every step over the limit', () => {
    const own = row([1, 10, 200, 4000]);
    expect(verdict(own, row([0.1, 1, 20, undefined], [20, 20, 20]))).toBe('fail');
  });

  it('leaves remark-parse’s own shapes to the CLI’s budget', () => {
    expect(verdict(row([1, 100, 1e4, undefined], [100, 100, 250]), undefined, true)).toBe('remark');
    expect(verdict(row([1, 10, 100, 1000]), undefined, true)).toBe('pass');
  });
});

describe('growth bench: least of several measurements', () => {
  it('takes the least time at each size and the growth between those', () => {
    const least = leastRow(
      [row([1, 12, 130, 2000]), row([1.2, 10, 150, 1500]), row([1.1, 11, 120, 1800])],
      sizes,
      (ms) => `${ms} ms`,
    );
    expect(least.times).toEqual([1, 10, 120, 1500]);
    expect(least.cells).toEqual(['1 ms', '10 ms', '120 ms', '1500 ms']);
    expect(least.worst).toBeCloseTo(12.5, 6);
    expect(verdict(least)).toBe('pass');
  });

  it('keeps a size skipped in any run skipped, with the median projection', () => {
    const least = leastRow(
      [row([1, 100, 1e4, undefined], [100, 100, 300]), row([1, 90, 8000, 9e5], [90, 89, 112])],
      sizes,
      String,
    );
    expect(least.times[3]).toBeUndefined();
    expect(least.cells[3]).toBe('undefined');
    expect(least.ratios[2]).toBe(300);
  });
});
