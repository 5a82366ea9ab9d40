import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveUrl } from '../../src/html/to-inline.js';

/** What the URL parser alone gives (resolveUrl skips it for relative URLs without a base). */
function byParser(url: string, base: string | undefined): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || /^\s*(?:javascript|vbscript|data):/iu.test(trimmed)) return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return undefined;
  }
}

describe('resolveUrl', () => {
  it('resolves against a base, and without one keeps only absolute URLs, as the URL parser does', () => {
    expect(resolveUrl('/ferries', 'https://ledger.example/news/')).toBe(
      'https://ledger.example/ferries',
    );
    expect(resolveUrl('/ferries', undefined)).toBeUndefined();
    expect(resolveUrl('https://ledger.example/a', undefined)).toBe('https://ledger.example/a');
    expect(resolveUrl('\u0001https://ledger.example/a', undefined)).toBe(
      'https://ledger.example/a',
    );
    expect(resolveUrl('ht\ttps://ledger.example/a', undefined)).toBe('https://ledger.example/a');
    const parts = fc.constantFrom(
      'h',
      't',
      'p',
      's',
      ':',
      '/',
      'a',
      '.',
      '\t',
      '\n',
      '\u0001',
      ' ',
      '-',
      '+',
      '1',
      'x',
    );
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 16 }), (chars) => {
        const url = chars.join('');
        if (/^\s*(?:javascript|vbscript|data):/iu.test(url.trim())) return;
        expect(resolveUrl(url, undefined)).toBe(byParser(url, undefined));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
