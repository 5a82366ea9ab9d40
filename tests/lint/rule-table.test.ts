import { describe, expect, it } from 'vitest';
import { getRule, RULE_DOCS_BASE, rules } from '../../src/lint/index.js';
import { checks } from '../../src/lint/rules/index.js';
import { markdownRules } from '../../src/markdown/rules.js';
import { INVALID_FIELD } from '../../src/schema/index.js';

describe('the rule table', () => {
  it('has unique kebab-case ids named after a problem', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)+$/);
  });

  it('links every rule to its docs page', () => {
    for (const rule of rules) expect(rule.url).toBe(`${RULE_DOCS_BASE}${rule.id}.md`);
    expect(RULE_DOCS_BASE).toBe('https://github.com/nutgraf/nutgraf/blob/main/docs/rules/');
  });

  it('has a check for every schema-less lint rule and a row for every check', () => {
    const linted = rules.filter(
      (rule) => rule.category === 'google' || rule.category === 'editorial',
    );
    expect(Object.keys(checks).sort()).toEqual(linted.map((rule) => rule.id).sort());
  });

  it('lists the id validateArticle emits', () => {
    expect(getRule(INVALID_FIELD)?.category).toBe('schema');
  });

  it('lists every id the Markdown parser emits, at the parser severity', () => {
    for (const { id, severity } of Object.values(markdownRules)) {
      expect(getRule(id), id).toBeDefined();
      expect(getRule(id)?.severity, id).toBe(severity);
    }
  });

  it('turns every rule on in strict, and every recommended rule in strict too', () => {
    for (const rule of rules) {
      expect(rule.presets).toContain('strict');
      expect(rule.summary.length).toBeGreaterThan(10);
    }
  });
});
