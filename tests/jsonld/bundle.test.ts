import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** The built entry: `dist/jsonld.js`, or `$NUTGRAF_DIST/jsonld.js` for a private build. */
const entry = resolve(process.env.NUTGRAF_DIST ?? 'dist', 'jsonld.js');
const forbidden = /unified|micromark|mdast|yaml|remark/i;

async function bundle(external: string[] = []) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    external,
    // A private build (`NUTGRAF_DIST=/tmp/…`) resolves packages from this repository.
    nodePaths: [resolve('node_modules')],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return {
    inputs: Object.keys(result.metafile.inputs),
    imports: Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.map((item) => item.path),
    ),
    minified: code.byteLength,
    gzipped: gzipSync(code).byteLength,
  };
}

describe.skipIf(!existsSync(entry))(`browser bundle of ${entry}`, () => {
  it('pulls in no unified, micromark, mdast, yaml, remark or node: built-in', async () => {
    const { inputs, imports } = await bundle([]);
    expect(inputs.filter((input) => forbidden.test(input))).toEqual([]);
    expect([...inputs, ...imports].filter((path) => path.startsWith('node:'))).toEqual([]);
  });

  it('does not pull in zod, and reports its minified and gzipped size', async () => {
    const { inputs, minified, gzipped } = await bundle([]);
    expect(inputs.filter((input) => /[/\\]zod[/\\]/.test(input))).toEqual([]);
    console.log(
      `nutgraf/jsonld browser bundle: ${inputs.length} inputs, ${(minified / 1024).toFixed(1)} KiB minified, ${(gzipped / 1024).toFixed(1)} KiB minified+gzipped`,
    );
    expect(gzipped).toBeLessThan(20 * 1024);
  });
});
