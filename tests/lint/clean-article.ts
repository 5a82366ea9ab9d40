import { readFileSync } from 'node:fs';
import type { ArticleInput } from '../../src/schema/index.js';

/** The moment tests treat as now. */
export const NOW = '2026-11-25T12:00:00Z';

const cleanPath = new URL(
  '../fixtures/lint/a-complete-article-passes-every-rule/input.json',
  import.meta.url,
);

/** A fresh copy of an article that passes every rule, even in `strict`. */
export function cleanArticle(): ArticleInput {
  return JSON.parse(readFileSync(cleanPath, 'utf8')) as ArticleInput;
}

/** An article as loose JSON, for tests that change it field by field. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into and break arbitrary fields
export type LooseArticle = Record<string, any>;
