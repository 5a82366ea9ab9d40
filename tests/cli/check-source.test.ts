import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/cli/check-source.js';
import type { InputFormat } from '../../src/cli/detect-format.js';

const formats: InputFormat[] = ['markdown', 'text', 'json', 'html'];

/** Text that looks a little like each format, so the parsers get past their first checks. */
const sourceText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc
    .tuple(fc.string({ maxLength: 80 }), fc.string({ maxLength: 200 }))
    .map(([yaml, body]) => `---\n${yaml}\n---\n${body}`),
  fc.json({ maxDepth: 3 }),
  fc
    .json({ maxDepth: 3 })
    .map((json) => `<html><script type="application/ld+json">${json}</script></html>`),
  fc.string({ maxLength: 100 }).map((text) => `{"headline": ${JSON.stringify(text)}, "body": []}`),
);

describe('checkSource', () => {
  it('never throws, and every diagnostic names the file and has a known severity', () => {
    fc.assert(
      fc.property(sourceText, fc.constantFrom(...formats), (text, format) => {
        const result = checkSource(text, format, { file: 'x' });
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.file).toBe('x');
          expect(['error', 'warning', 'info']).toContain(diagnostic.severity);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('does not change its input options', () => {
    const options = Object.freeze({
      file: 'a.json',
      rules: Object.freeze({ 'missing-image': 'off' as const }),
    });
    expect(() => checkSource('{"headline": "A", "body": []}', 'json', options)).not.toThrow();
  });
});
