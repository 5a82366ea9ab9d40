import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDate, parseByline } from '../../src/fields/index.js';

/**
 * Real bylines from the shared corpus (read only when it is there): the names parseByline finds,
 * compared the way the official scorer compares them (its own normalizer decides the expected
 * names). Floors, not targets: they catch regressions. `scripts/eval-bylines.mjs` prints the figures.
 */
const corpus = new URL('../../../shared/corpus/', import.meta.url);
const scorer = new URL('../../../shared/eval/score-text.mjs', import.meta.url);
const present = existsSync(corpus) && existsSync(scorer);

interface Scorer {
  deriveNames(raw: string): string[];
  tokenize(text: string): string[];
  BYLINE_OVERRIDES: Record<string, { names: string[] | null }>;
}

describe.skipIf(!present)('corpus bylines', () => {
  it('parse into the expected names for at least 95% of the scored items', async () => {
    const { deriveNames, tokenize, BYLINE_OVERRIDES } = (await import(scorer.href)) as Scorer;
    const key = (name: string) => tokenize(name).join(' ');
    const items: Array<[string, string]> = [];
    const manifest = JSON.parse(
      readFileSync(new URL('readability/manifest.json', corpus), 'utf8'),
    ) as {
      pages: Array<{ name: string; bylineQuality?: string }>;
    };
    for (const page of manifest.pages) {
      if (page.bylineQuality !== 'person' && page.bylineQuality !== 'person+extra') continue;
      const file = new URL(`readability/${page.name}/expected-metadata.json`, corpus);
      const byline = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { byline?: string }).byline
        : undefined;
      if (byline) items.push([`readability/${page.name}`, byline]);
    }
    for (const name of readdirSync(new URL('mercury/', corpus))) {
      const file = new URL(`mercury/${name}/expected.json`, corpus);
      const author = existsSync(file)
        ? (JSON.parse(readFileSync(file, 'utf8')) as { author?: unknown }).author
        : undefined;
      if (typeof author === 'string' && author.trim()) items.push([`mercury/${name}`, author]);
    }
    let scored = 0;
    let exact = 0;
    for (const [id, byline] of items) {
      const override = BYLINE_OVERRIDES[id];
      const expected = override ? override.names : deriveNames(byline);
      if (!expected || expected.length === 0) continue;
      const predicted = parseByline(byline)
        .contributors.filter((c) => c.type === 'Person' && !/photo|editor/i.test(c.role))
        .map((c) => key(c.name));
      scored++;
      const want = new Set(expected.map(key));
      if (predicted.length === want.size && predicted.every((name) => want.has(name))) exact++;
    }
    expect(scored).toBeGreaterThan(50);
    expect(exact / scored).toBeGreaterThanOrEqual(0.95);
  });

  it('finds no date in a byline without one, and the glued one where it is', () => {
    expect(findDate('By Nicolas Example and Ana Ruiz')).toBeUndefined();
    const dir = new URL('readability/', corpus);
    const glued = readdirSync(dir)
      .map((name) => new URL(`${name}/expected-metadata.json`, dir))
      .filter((file) => existsSync(file))
      .map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { byline?: string }).byline ?? '')
      .filter((byline) => /\d{4}/.test(byline) && /^by\s/i.test(byline.trim()));
    for (const byline of glued) {
      const names = parseByline(byline).contributors.map((c) => c.name);
      for (const name of names) expect(name).not.toMatch(/\d/);
    }
  });
});
