import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromJsonLd } from '../../src/jsonld/index.js';
import type { RuleMeta } from '../../src/lint/index.js';
import { lintArticle, rules } from '../../src/lint/index.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import type { Diagnostic } from '../../src/schema/index.js';
import { parseText } from '../../src/text/index.js';
import { NOW } from './clean-article.js';

const docs = new URL('../../docs/rules/', import.meta.url);

interface Example {
  lang: string;
  code: string;
  options: Record<string, unknown>;
}

/** The examples of a docs page section: fenced blocks, each with an optional `<!-- options: {…} -->` line before it. */
function examples(page: string, heading: string): Example[] {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start === -1) return [];
  const end = page.indexOf('\n## ', start + 1);
  const part = page.slice(start, end === -1 ? undefined : end);
  return [...part.matchAll(/(?:<!-- options: (.*) -->\n)?```(\w+)\n([\s\S]*?)\n```/g)].map(
    (match) => ({
      lang: match[2] as string,
      code: `${match[3]}\n`,
      options: match[1] ? (JSON.parse(match[1]) as Record<string, unknown>) : {},
    }),
  );
}

type Runner = (example: Example, rule: RuleMeta) => Diagnostic[];

/** How each category's examples are run: lint rules on Article JSON, parser rules through their parser. */
const runners: Record<RuleMeta['category'], Runner> = {
  schema: ({ code }, rule) =>
    lintArticle(JSON.parse(code), { now: NOW, rules: { [rule.id]: 'error' } }),
  google: ({ code }, rule) =>
    lintArticle(JSON.parse(code), { now: NOW, rules: { [rule.id]: 'error' } }),
  editorial: ({ code }, rule) =>
    lintArticle(JSON.parse(code), { now: NOW, rules: { [rule.id]: 'error' } }),
  markdown: ({ code, options }) => parseMarkdown(code, options).diagnostics,
  text: ({ code, options }) => parseText(code, options).diagnostics,
  jsonld: ({ code, options }) => fromJsonLd(code, options).diagnostics,
};

const languages: Record<RuleMeta['category'], string> = {
  schema: 'json',
  google: 'json',
  editorial: 'json',
  markdown: 'markdown',
  text: 'text',
  jsonld: 'json',
};

describe('docs/rules', () => {
  it('has a page for every rule and no page for an unknown rule', () => {
    const pages = readdirSync(docs).filter((name) => name.endsWith('.md'));
    expect(pages.sort()).toEqual(rules.map((rule) => `${rule.id}.md`).sort());
  });

  describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const url = new URL(`${id}.md`, docs);
    const page = existsSync(url) ? readFileSync(url, 'utf8') : '';

    it('has the title, the summary from the rule table and the four sections', () => {
      expect(page.startsWith(`# ${id}\n\n${rule.summary}.\n`)).toBe(true);
      for (const heading of ['Why', 'Not ok', 'Ok', 'Fix'])
        expect(page).toContain(`\n## ${heading}\n`);
    });

    it(`has ${languages[rule.category]} examples`, () => {
      for (const heading of ['Not ok', 'Ok']) {
        const found = examples(page, heading);
        expect(found.length, heading).toBeGreaterThan(0);
        for (const example of found) expect(example.lang).toBe(languages[rule.category]);
      }
    });

    it('reports the not-ok example and not the ok one', () => {
      const run = runners[rule.category];
      for (const example of examples(page, 'Not ok')) {
        expect(run(example, rule).map((d) => d.ruleId)).toContain(id);
      }
      for (const example of examples(page, 'Ok')) {
        expect(run(example, rule).map((d) => d.ruleId)).not.toContain(id);
      }
    });
  });
});
