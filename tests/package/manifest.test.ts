import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS_BASE, rules } from '../../src/lint/index.js';

const manifest = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as {
  homepage?: string;
  repository?: { type?: string; url?: string };
  bugs?: { url?: string };
  dependencies?: Record<string, string>;
};

describe('package.json', () => {
  it('names the repository the rule pages link to', () => {
    const repository = manifest.repository?.url?.replace(/^git\+/, '').replace(/\.git$/, '');
    expect(manifest.repository?.type).toBe('git');
    expect(repository).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+$/);
    expect(manifest.homepage).toBe(`${repository}#readme`);
    expect(manifest.bugs?.url).toBe(`${repository}/issues`);
    expect(RULE_DOCS_BASE).toBe(`${repository}/blob/main/docs/rules/`);
    for (const rule of rules) expect(rule.url.startsWith(RULE_DOCS_BASE)).toBe(true);
  });

  it('has no dependency that only supplies types (consumers would have to check them)', () => {
    expect(Object.keys(manifest.dependencies ?? {})).not.toContain('schema-dts');
  });
});
