import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANGLED_PROPS } from '../../tsup.config.js';

/**
 * The build shortens the internal property names of tsup.config.ts's MANGLED_PROPS. A name is
 * safe to shorten only when no user ever meets it: it must not be a key of any public type
 * (dist's `.d.ts` files, their declarations: `'@context'` is another name, and doc comments
 * are no types) and must never be written as a string in src (esbuild leaves quoted
 * keys and `obj['name']` as they are, so such a use would stop matching the shortened name).
 */
const root = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string, suffix: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffix));
    else if (path.endsWith(suffix)) found.push(path);
  }
  return found;
}

describe('mangled property names', () => {
  const sources = filesUnder(join(root, 'src'), '.ts').map((file) => ({
    file,
    text: readFileSync(file, 'utf8'),
  }));
  // The declarations without their doc comments: a name that only a comment mentions (`cut
  // into blocks`, `code units`) is no key of a public type.
  const types = filesUnder(join(root, 'dist'), '.d.ts').map((file) => ({
    file,
    text: readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, ''),
  }));

  it('lists names that src uses as properties', () => {
    expect(MANGLED_PROPS.length).toBeGreaterThan(0);
    for (const name of MANGLED_PROPS) {
      const used = sources.some(({ text }) =>
        new RegExp(`\\.${name}\\b|\\b${name}\\??:`).test(text),
      );
      expect(used, name).toBe(true);
    }
  });

  it('never meets a quoted use of a listed name in src', () => {
    const quoted = MANGLED_PROPS.flatMap((name) =>
      sources
        .filter(({ text }) => new RegExp(`['"]${name}['"]`).test(text))
        .map(({ file }) => `${name} in ${file}`),
    );
    expect(quoted).toEqual([]);
  });

  it.skipIf(types.length === 0)('finds no listed name in a public type', () => {
    const inTypes = MANGLED_PROPS.flatMap((name) =>
      types
        .filter(({ text }) => new RegExp(`(?<![\\w$@])${name}(?![\\w$])`).test(text))
        .map(({ file }) => `${name} in ${file}`),
    );
    expect(inTypes).toEqual([]);
  });
});
