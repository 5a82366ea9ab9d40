/**
 * Every regular expression in `src/` goes through the ReDoS checker `recheck`: one that can take
 * exponential or polynomial time (or that the checker cannot decide in time) fails this test
 * unless `redos-allow.ts` lists it with the reason it is harmless there.
 *
 * recheck takes minutes over all of them, so its verdicts are kept in `redos-verdicts.json`,
 * keyed by `/source/flags`. A regex that is new or changed has no verdict there and is checked
 * now; verdicts of regexes that are gone fail the test as stale. Rewrite the file with the
 * verdicts of today's regexes (new ones checked, gone ones dropped), or re-check every one:
 *
 *   NUTGRAF_REDOS_UPDATE=1 npx vitest run tests/security/redos.test.ts
 *   NUTGRAF_REDOS_UPDATE=all npx vitest run tests/security/redos.test.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { check } from 'recheck';
import { describe, expect, it, vi } from 'vitest';
import { allowed, sitesNotRunAtImport } from './redos-allow.js';
import { builtAtImport, type FoundRegex, regexKey, scanSources } from './regexes.js';

const verdictFile = resolve(import.meta.dirname, 'redos-verdicts.json');
const update = process.env.NUTGRAF_REDOS_UPDATE !== undefined;
const recheckAll = process.env.NUTGRAF_REDOS_UPDATE === 'all';

/** What recheck said about one regex. */
interface Verdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  /** `linear`, `2nd degree polynomial`, `exponential`, … or why it is unknown (`timeout`). */
  summary: string;
}

async function recheck(source: string, flags: string): Promise<Verdict> {
  const result = await check(source, flags, { timeout: 10_000, randomSeed: 20261125 });
  if (result.status === 'unknown') return { status: 'unknown', summary: result.error.kind };
  return { status: result.status, summary: result.complexity.summary };
}

const srcDir = resolve(import.meta.dirname, '../../src');
/** Every module of src/ but the CLI's bin (it runs the CLI when imported). */
const modules = (readdirSync(srcDir, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('bin.ts'))
  .sort();

/**
 * Every regex of src/ (literals, and what `RegExp(…)` builds at import), and the `RegExp` calls
 * that did not run at import, by the declaration they are written in.
 */
async function allRegexes(): Promise<{ regexes: FoundRegex[]; notRun: string[] }> {
  const { literals, constructors } = scanSources();
  vi.resetModules();
  const built = await builtAtImport(async () => {
    for (const file of modules) await import(join(srcDir, file));
  });
  const found = new Map<string, FoundRegex>(
    literals.map((regex) => [regexKey(regex.source, regex.flags), regex]),
  );
  const add = (source: string, flags: string, site: string) => {
    const key = regexKey(source, flags);
    const regex = found.get(key) ?? { source, flags, sites: [] };
    if (!regex.sites.includes(site)) regex.sites.push(site);
    found.set(key, regex);
  };
  const ran = new Set<string>();
  for (const site of constructors) {
    if (site.literal) {
      add(site.literal.source, site.literal.flags, site.site);
      ran.add(site.site);
    }
  }
  const sites = new Set(constructors.map((site) => site.site));
  for (const regex of built) {
    // Regexes that libraries build while our modules load have no `RegExp` site of ours.
    if (!sites.has(regex.site)) continue;
    add(regex.source, regex.flags, regex.site);
    ran.add(regex.site);
  }
  const notRun = constructors.filter((site) => !ran.has(site.site)).map((site) => site.declaration);
  return { regexes: [...found.values()], notRun };
}

const { regexes, notRun } = await allRegexes();
const stored: Record<string, Verdict> = JSON.parse(readFileSync(verdictFile, 'utf8'));

describe('regular expressions in src/', () => {
  it('finds the regexes (literals and RegExp calls)', () => {
    expect(regexes.length).toBeGreaterThan(300);
    expect(
      regexes.some((regex) => regex.sites.some((site) => site.startsWith('src/fields/'))),
    ).toBe(true);
  });

  it('builds every RegExp at import, or says why one is built per call', () => {
    const unexplained = notRun.filter((site) => !Object.hasOwn(sitesNotRunAtImport, site));
    expect(unexplained, 'a RegExp built per call: give a reason in sitesNotRunAtImport').toEqual(
      [],
    );
    const stale = Object.keys(sitesNotRunAtImport).filter((site) => !notRun.includes(site));
    expect(stale, 'sitesNotRunAtImport lists sites that no longer exist').toEqual([]);
  });

  it('has no exponential or polynomial regex that the allow-list does not explain', {
    timeout: update ? 3_600_000 : 600_000,
  }, async () => {
    const verdicts: Record<string, Verdict> = {};
    const problems: string[] = [];
    for (const regex of regexes) {
      const key = regexKey(regex.source, regex.flags);
      const verdict =
        !recheckAll && Object.hasOwn(stored, key)
          ? stored[key]!
          : await recheck(regex.source, regex.flags);
      verdicts[key] = verdict;
      if (verdict.status === 'safe' || Object.hasOwn(allowed, key)) continue;
      problems.push(`${verdict.status} (${verdict.summary}) at ${regex.sites.join(', ')}: ${key}`);
    }
    if (update) {
      const sorted = Object.fromEntries(
        Object.entries(verdicts).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
      writeFileSync(verdictFile, `${JSON.stringify(sorted, null, 2)}\n`);
    }
    expect(
      problems,
      'make it linear, or list it in redos-allow.ts with the bound that makes it safe',
    ).toEqual([]);
  });

  it('keeps no verdict or allow-list entry for a regex that is gone', () => {
    const current = new Set(regexes.map((regex) => regexKey(regex.source, regex.flags)));
    if (!update) {
      const stale = Object.keys(stored).filter((key) => !current.has(key));
      expect(stale, 'refresh with NUTGRAF_REDOS_UPDATE=1').toEqual([]);
    }
    expect(Object.keys(allowed).filter((key) => !current.has(key))).toEqual([]);
  });

  it('gives each allowed regex a reason, and allows only what the checker flags', () => {
    for (const [key, reason] of Object.entries(allowed)) {
      expect(reason.length, key).toBeGreaterThan(20);
      if (!update && Object.hasOwn(stored, key)) expect(stored[key]!.status, key).not.toBe('safe');
    }
  });
});
