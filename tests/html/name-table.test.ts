import { describe, expect, it } from 'vitest';
import { nameTable } from '../../src/html/name-table.js';

describe('nameTable', () => {
  it("finds its own entries and none of Object.prototype's names", () => {
    const table = nameTable({ h1: 'heading', p: 'paragraph' });
    expect(table.h1).toBe('heading');
    expect(table.p).toBe('paragraph');
    for (const name of [...Object.getOwnPropertyNames(Object.prototype), '__proto__'])
      expect(table[name], name).toBeUndefined();
  });

  it('copies its entries (the object given is left as it is)', () => {
    const entries = { em: 'emphasis' };
    const table = nameTable(entries);
    expect(table).not.toBe(entries);
    expect(Object.getPrototypeOf(entries)).toBe(Object.prototype);
  });
});
