import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitFlags } from '../../src/html/unit-flags.js';

describe('UnitFlags', () => {
  it('answers as a Set of the same indices, listed in order', () => {
    const length = 40;
    const operation = fc.tuple(fc.constantFrom('add', 'delete'), fc.integer({ min: -2, max: 42 }));
    fc.assert(
      fc.property(
        fc.array(operation, { maxLength: 80 }),
        fc.integer({ min: -2, max: 42 }),
        (operations, probe) => {
          const flags = new UnitFlags(length);
          const reference = new Set<number>();
          for (const [kind, index] of operations) {
            const inPage = index >= 0 && index < length;
            if (kind === 'add') {
              flags.add(index);
              if (inPage) reference.add(index);
            } else {
              flags.delete(index);
              reference.delete(index);
            }
          }
          const sorted = [...reference].sort((a, b) => a - b);
          expect(flags.size).toBe(reference.size);
          expect(flags.list()).toEqual(sorted);
          expect(flags.has(probe)).toBe(reference.has(probe));
          expect(flags.last()).toBe(sorted.length > 0 ? sorted[sorted.length - 1] : -1);
          expect(flags.firstAfter(probe)).toBe(sorted.find((index) => index > probe) ?? -1);
        },
      ),
      { seed: 15, numRuns: 500 },
    );
  });
});
