import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceOf, validateArticle } from '../../src/schema/index.js';
import { parseText } from '../../src/text/index.js';

const root = new URL('../fixtures/text/', import.meta.url);
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('parseText fixtures', () => {
  it('has one fixture per layout named in the issue', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  it.each(cases)('%s', (name) => {
    const input = readFileSync(new URL(`${name}/input.txt`, root), 'utf8');
    const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf8'));
    const { article, diagnostics, sources } = parseText(input);
    expect(article).toEqual(expected);
    expect(validateArticle(article).diagnostics).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(sourceOf(sources, 'headline')).toBeDefined();
    for (const [index] of (article?.body ?? []).entries()) {
      expect(sourceOf(sources, `body.${index}`), `body.${index} has a source`).toBeDefined();
    }
  });
});
