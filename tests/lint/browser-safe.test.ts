import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('nutgraf/lint bundle', () => {
  it('pulls in no Node.js built-ins, unified, remark, micromark or yaml', async () => {
    const result = await build({
      entryPoints: [new URL('../../src/lint/index.ts', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['zod'],
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('src/lint/'))).toBe(true);
    // Of the parsers, only their rule tables (plain data) may come along.
    const ruleTables = new Set([
      'src/markdown/rules.ts',
      'src/text/diagnostics.ts',
      'src/jsonld/rules.ts',
      'src/jsonld/json-error-offset.ts',
    ]);
    for (const input of inputs.filter((path) => !ruleTables.has(path))) {
      expect(input).not.toMatch(/node_modules|^node:|src\/(markdown|cli|text|jsonld)\//);
    }
    const imports = Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.map((entry) => entry.path),
    );
    expect(new Set(imports)).toEqual(new Set(['zod']));
  });
});
