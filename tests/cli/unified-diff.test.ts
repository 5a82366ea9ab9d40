import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cli/unified-diff.js';

/** Rebuild the old and new text from a diff of complete files (context large enough). */
function sides(diff: string): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const line of diff.split('\n').slice(2)) {
    if (line.startsWith('@@') || line === '' || line.startsWith('\\')) continue;
    const text = `${line.slice(1)}\n`;
    if (line[0] !== '+') before += text;
    if (line[0] !== '-') after += text;
  }
  return { before, after };
}

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.md', 'x\n', 'x\n')).toBe('');
  });

  it('prints hunks with context and line numbers', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const after = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
    expect(unifiedDiff('a.md', before, after, 1)).toBe(
      '--- a/a.md\n+++ b/a.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -10 +10,2 @@\n j\n+k\n',
    );
  });

  it('marks a missing final newline', () => {
    expect(unifiedDiff('a.md', 'x', 'y')).toBe(
      '--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n',
    );
  });

  it('holds both texts (property)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const before = a.map((line) => `${line}\n`).join('');
        const after = b.map((line) => `${line}\n`).join('');
        const diff = unifiedDiff('f', before, after, 1000);
        if (before === after) expect(diff).toBe('');
        else expect(sides(diff)).toEqual({ before, after });
      }),
      { numRuns: 500 },
    );
  });
});
