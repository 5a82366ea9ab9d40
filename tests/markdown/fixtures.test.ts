import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ParseMarkdownOptions, parseMarkdown } from '../../src/markdown/index.js';
import { validateArticle } from '../../src/schema/index.js';

/**
 * Each folder of `tests/fixtures/markdown/` holds `input.md`, optional `options.json`
 * (options for parseMarkdown) and `expected.json` (the article and the diagnostics).
 * Regenerate deliberately with `UPDATE_FIXTURES=1 npx vitest run tests/markdown/fixtures.test.ts`,
 * then read the diff.
 */
const root = new URL('../fixtures/markdown/', import.meta.url);
const cases = readdirSync(root).filter((name) => existsSync(new URL(`${name}/input.md`, root)));

describe('parseMarkdown fixtures', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    it(name.replace(/-/g, ' '), () => {
      const folder = new URL(`${name}/`, root);
      const input = readFileSync(new URL('input.md', folder), 'utf8');
      const optionsFile = new URL('options.json', folder);
      const options: ParseMarkdownOptions = existsSync(optionsFile)
        ? JSON.parse(readFileSync(optionsFile, 'utf8'))
        : {};
      const result = parseMarkdown(input, options);
      const actual = { article: result.article, diagnostics: result.diagnostics };
      const expectedFile = new URL('expected.json', folder);
      if (process.env.UPDATE_FIXTURES) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(JSON.parse(JSON.stringify(actual))).toEqual(
        JSON.parse(readFileSync(expectedFile, 'utf8')),
      );
      if (result.article) expect(validateArticle(result.article).diagnostics).toEqual([]);
    });
  }
});
