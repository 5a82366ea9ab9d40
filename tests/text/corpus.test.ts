import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateArticle } from '../../src/schema/index.js';
import { parseText } from '../../src/text/index.js';

// The shared development corpus, when present (it is never published with the package).
const corpus = new URL('../../../shared/corpus/', import.meta.url);
const corpora = ['readability', 'mercury', 'aeb', 'bbc'];

function inputs(name: string): string[] {
  const folder = new URL(`${name}/`, corpus);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((item) => new URL(`${item}/raw.txt`, folder))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'));
}

// Each corpus takes 3–6 s at load 16 run alone, several times that beside the other test files
// at load 25: a limit for a busy machine (it checks articles, not timings).
const busyMachine = { timeout: 180_000 };

describe.skipIf(!existsSync(corpus))('parseText on the development corpus', () => {
  it.each(corpora)('returns a valid article for every %s page', busyMachine, (name) => {
    const texts = inputs(name);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      const { article } = parseText(text);
      expect(article).toBeDefined();
      expect(validateArticle(article).diagnostics).toEqual([]);
    }
  });
});
