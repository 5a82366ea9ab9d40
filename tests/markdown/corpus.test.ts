import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import { validateArticle } from '../../src/schema/index.js';

/** The shared development corpus, when present (it is not part of the repository). */
const corpus = new URL('../../../shared/corpus/markdown/', import.meta.url);
const sites = existsSync(corpus)
  ? readdirSync(corpus).filter((site) => existsSync(new URL(`${site}/articles/`, corpus)))
  : [];

describe.skipIf(sites.length === 0)('parseMarkdown over the Markdown corpus', () => {
  for (const site of sites) {
    it(`${site}: never throws, ≥ 99% give a valid article, output is stable`, () => {
      const folder = new URL(`${site}/articles/`, corpus);
      const files = readdirSync(folder).filter((name) => name.endsWith('.md'));
      let articles = 0;
      const unstable: string[] = [];
      files.forEach((name, index) => {
        const text = readFileSync(new URL(name, folder), 'utf8');
        const { article } = parseMarkdown(text, { file: name });
        if (!article) return;
        articles++;
        expect(validateArticle(article).diagnostics).toEqual([]);
        // Stability on every fourth file here (scripts/eval-markdown.mjs checks them all).
        if (index % 4 !== 0) return;
        const once = toMarkdown(article);
        const again = parseMarkdown(once).article;
        if (!again || toMarkdown(again) !== once) unstable.push(name);
      });
      expect(articles / files.length).toBeGreaterThanOrEqual(0.99);
      // Known unstable files are listed in the README; allow at most 1% of a site.
      expect(unstable.length).toBeLessThanOrEqual(Math.ceil(files.length / 100));
    }, 300_000);
  }
});
