/**
 * A set of unit indices (the units the body keeps): one byte per unit of the page, so asking,
 * adding and removing are one array access and listing them in page order is one pass, where
 * a `Set` of 100,000 numbers hashes each, grows its table, and needs a sort to be read in
 * order. Indices outside the page are never in it.
 */
export class UnitFlags {
  readonly flags: Uint8Array;
  size = 0;

  constructor(length: number) {
    this.flags = new Uint8Array(length);
  }

  has(index: number): boolean {
    return this.flags[index] === 1;
  }

  add(index: number): void {
    if (this.flags[index] === 0) {
      this.flags[index] = 1;
      this.size++;
    }
  }

  delete(index: number): void {
    if (this.flags[index] === 1) {
      this.flags[index] = 0;
      this.size--;
    }
  }

  /** The indices in it, in page order. */
  list(): number[] {
    const list: number[] = [];
    for (let index = 0; index < this.flags.length; index++)
      if (this.flags[index] === 1) list.push(index);
    return list;
  }

  /** The first index in it after `after`; -1 when none is. */
  firstAfter(after: number): number {
    for (let index = Math.max(0, after + 1); index < this.flags.length; index++)
      if (this.flags[index] === 1) return index;
    return -1;
  }

  /** The last index in it; -1 when it is empty. */
  last(): number {
    for (let index = this.flags.length - 1; index >= 0; index--)
      if (this.flags[index] === 1) return index;
    return -1;
  }
}
