import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonLdRules } from '../../src/jsonld/rules.js';
import { FILE_DIAGNOSTICS } from '../../src/lint/file-rules.js';
import { getRule, presets, RULE_DOCS_BASE, rules } from '../../src/lint/index.js';
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

  it('lists every id the JSON-LD reader emits, at the reader severity', () => {
    for (const { id, severity } of jsonLdRules) {
      expect(getRule(id), id).toBeDefined();
      expect(getRule(id)?.severity, id).toBe(severity);
    }
  });

  it('lists every rule id written as a literal in the parsers', () => {
    const ids = new Set<string>();
    for (const folder of ['text', 'markdown', 'jsonld', 'fields', 'schema']) {
      const dir = new URL(`../../src/${folder}/`, import.meta.url);
      for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
        const source = readFileSync(new URL(name, dir), 'utf8');
        const calls = /(?:ruleId:|report\(|info\(|jsonLdDiagnostic\()\s*'([a-z]+(?:-[a-z]+)+)'/g;
        for (const match of source.matchAll(calls)) ids.add(match[1] as string);
      }
    }
    expect(ids.size).toBeGreaterThan(2);
    for (const id of ids) expect(getRule(id), id).toBeDefined();
  });

  it('lists every id the CLI reports about files, at its severity, in category file', () => {
    for (const { id, severity } of FILE_DIAGNOSTICS) {
      expect(getRule(id)?.category, id).toBe('file');
      expect(getRule(id)?.severity, id).toBe(severity);
      expect(presets.recommended[id], id).toBe(severity);
    }
    expect(rules.filter((rule) => rule.category === 'file').map((rule) => rule.id)).toEqual(
      FILE_DIAGNOSTICS.map((rule) => rule.id),
    );
    expect(presets.strict['fix-rejected']).toBe('error');
  });

  it('lists every rule id the CLI emits: literals in src/cli and file diagnostics built there', () => {
    const ids = new Set<string>();
    const files: string[] = [];
    const walk = (dir: URL) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(new URL(`${entry.name}/`, dir));
        else if (entry.name.endsWith('.ts'))
          files.push(readFileSync(new URL(entry.name, dir), 'utf8'));
      }
    };
    walk(new URL('../../src/cli/', import.meta.url));
    const calls =
      /(?:ruleId:|fileDiagnostic\(|problem\(\s*file,|configError\(\s*file,)\s*'([a-z]+(?:-[a-z]+)+)'/g;
    for (const source of files) {
      for (const match of source.matchAll(calls)) ids.add(match[1] as string);
    }
    for (const id of ['invalid-json', 'no-article', 'unsupported-format', 'binary-file']) {
      expect(ids, id).toContain(id);
    }
    for (const id of ids) expect(getRule(id), id).toBeDefined();
  });

  it('turns every rule on in strict, and every recommended rule in strict too', () => {
    for (const rule of rules) {
      expect(rule.presets).toContain('strict');
      expect(rule.summary.length).toBeGreaterThan(10);
    }
  });
});
