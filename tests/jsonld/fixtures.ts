import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The fixture folders of the JSON-LD tests. */
export const fixturesRoot = fileURLToPath(new URL('../fixtures/jsonld/', import.meta.url));

/** The case folders under a fixture group, each named as a sentence. */
export function cases(group: 'writing' | 'reading'): string[] {
  return readdirSync(`${fixturesRoot}${group}`).sort();
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * Compare a result with an expected file, key order included. Run with
 * `UPDATE_FIXTURES=1` to regenerate the files deliberately (then review the diff).
 */
export function expectFile(path: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_FIXTURES === '1' || !existsSync(path)) {
    writeFileSync(path, text);
    return;
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
}
