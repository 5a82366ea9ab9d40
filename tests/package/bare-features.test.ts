import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureValue } from '../../src/model/index.js';
import { bareFeatures } from '../../tsup.config.js';

/**
 * The build ships src/text's feature tables as bare value functions (tsup.config.ts's
 * `bareFeatures`); readers take either form through `featureValue`.
 */
const textDir = resolve(import.meta.dirname, '../../src/text');

describe('bare feature tables', () => {
  it('rewrites exactly the `{ name: literal, value }` entries', () => {
    const source = [
      'const T: Feature<V>[] = [',
      "  { name: 'short', value: ({ unit }) => unit.size < 4 },",
      '  {',
      // A template name: `rule:${kind}`.
      '    name: `rule:$' + '{kind}`,',
      '    value: (v) => ({ a: v }).a === 1,',
      '  },',
      "  { index: 1, value: 'kept' },",
      "  { name: other, value: 'kept' },",
      '];',
      "const one = { name: 'one', value: (v) => v, };",
    ].join('\n');
    expect(bareFeatures('t.ts', source)).toBe(
      [
        'const T: Feature<V>[] = [',
        // Array items bare; anywhere else in parentheses.
        '  ({ unit }) => unit.size < 4,',
        '  (v) => ({ a: v }).a === 1,',
        "  { index: 1, value: 'kept' },",
        "  { name: other, value: 'kept' },",
        '];',
        'const one = ((v) => v);',
      ].join('\n'),
    );
  });

  it('leaves no named feature in a src/text file that declares tables', () => {
    const files = readdirSync(textDir).filter((file) => file.endsWith('.ts'));
    let rewritten = 0;
    for (const file of files) {
      const source = readFileSync(join(textDir, file), 'utf8');
      if (!source.includes('Feature<')) continue;
      const contents = bareFeatures(file, source);
      expect(contents, file).not.toBe(source);
      expect(contents, file).not.toMatch(/\bname: ['`][^'`\n]*['`],\s*value:/);
      rewritten++;
    }
    expect(rewritten).toBeGreaterThanOrEqual(4);
  });

  it('reads a feature in either form', () => {
    expect(featureValue({ name: 'long', value: (s: string) => s.length > 3 }, 'long line')).toBe(1);
    const bare = ((s: string) => s.length) as unknown as Parameters<typeof featureValue<string>>[0];
    expect(featureValue(bare, 'four')).toBe(4);
  });
});
