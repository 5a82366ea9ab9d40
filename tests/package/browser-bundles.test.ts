import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * The entry points meant for browsers and edge runtimes, with their size budgets (minified and
 * gzipped). Built files come from `dist/`, or `$NUTGRAF_DIST/` for a private build.
 */
const entries = [
  // fromJsonLd reads printed dates and author strings with parseDate and parseByline (about
  // 13 KiB of the 36.5: the field parsers, their word tables and @date-fns/tz's tzOffset). 38.3
  // KiB with the byline parser's additions (+1.0 KiB), 36.5 since parseDate dropped TZDate (−1.8).
  { name: 'nutgraf/jsonld', file: 'jsonld.js', budgetKiB: 39 },
  // parseText with its fitted weights (packed arrays, feature names dropped by the build) and
  // the field parsers: 41.5 KiB with the byline parser's labels, phrases and trailing job titles
  // of other languages (+1.0 KiB), 39.8 since parseDate uses @date-fns/tz's tzOffset and UTC
  // date arithmetic instead of the TZDate class and date-fns (−1.8 KiB); 40,943 B with the
  // headline and byline features of the text-model branch and the dates past the story's end,
  // with weights shipped as whole hundredths (17 B under the budget); 40,924 B with weights in
  // 32nds, four features fewer, Russian month names, `26 | 01 | 2022` dates and the fifth
  // session's byline cuts; 40,736 B since the build targets es2022 (47 `\p{…}` regular
  // expressions stay literals instead of `new RegExp("…")` strings); 40,620 B in the eleventh session
  // (names-only values dropped, one date-line test, internal property names shortened by the
  // build: tsup.config.ts's MANGLED_PROPS). Issue 11's goal: 40.
  { name: 'nutgraf/text', file: 'text.js', budgetKiB: 40 },
  // html: the tokenizer, the field parsers, the JSON-LD reader, and four learned models (story
  // blocks; headline, byline and date choices: ~1.5 KiB of weights and features). 85.1 KiB with
  // the third session's byline parser additions, field candidates and 25 story features; 83.4
  // since parseDate dropped TZDate and date-fns (−1.8); 84.3 with the lead paragraph's dateline
  // (parseDateline and the inline-prefix helpers, +0.9); 85.3 with the fourth session's field
  // reading (text with spaces between touching elements, heading parts, dates' distance and
  // comment sections, date-led byline lines, author boxes; +1.0); 84.6 in the fifth session
  // with the unit and field models' weights shipped as whole hundredths in their tables' order
  // (-1.3) and the speed work (+0.3: references decoded apart from the tokenizer, its fast path);
  // 85.8 with the fifth session's headline candidates (`<h4>`, a heading's `<br>` lines, site
  // names from the address, title parts and kicker features, per-candidate text caches; +1.0);
  // 85.9 (88,007 B) with the sixth session's work on main; 85.8 (87,875 B) since the build
  // targets es2022 (regular expressions stay literals; -0.13); 86.2 (88,275 B) with the seventh
  // session's byline work (parseByline's page words and relative times of other languages, the
  // JSON-LD publisher that is its own author) and speed work (headline similarities in one pass,
  // prototype-less attributes). The issue asks for the size to be reported, not a figure: this
  // budget is ours, raised by 1 KiB. 79,821 B (77.9 KiB) in the ninth session since the bundle
  // carries one decoder of character references, ours, with every name of the standard
  // (htmlparser2's tokenizer is bundled without the `entities` decoder: -9,250 B); 80,408 B
  // with htmlparser2's license notice kept in the bundle. Budget lowered from 87 to 82 KiB so
  // the saving is not given back unnoticed.
  { name: 'nutgraf/html', file: 'html.js', budgetKiB: 82 },
];
const forbidden = /unified|micromark|mdast|yaml|remark/i;

async function bundle(entry: string, external: string[] = []) {
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
    text: result.outputFiles[0]!.text,
  };
}

describe.each(entries)('browser bundle of $name', ({ name, file, budgetKiB }) => {
  const entry = resolve(process.env.NUTGRAF_DIST ?? 'dist', file);
  if (!existsSync(entry)) {
    it.skip(`${entry} is not built`, () => {});
    return;
  }

  it('pulls in no unified, micromark, mdast, yaml, remark or node: built-in', async () => {
    const { inputs, imports } = await bundle(entry, []);
    expect(inputs.filter((input) => forbidden.test(input))).toEqual([]);
    expect([...inputs, ...imports].filter((path) => path.startsWith('node:'))).toEqual([]);
  });

  it('does not pull in zod, and reports its minified and gzipped size', async () => {
    const { inputs, minified, gzipped } = await bundle(entry, []);
    expect(inputs.filter((input) => /[/\\]zod[/\\]/.test(input))).toEqual([]);
    console.log(
      `${name} browser bundle: ${inputs.length} inputs, ${(minified / 1024).toFixed(1)} KiB minified, ${(gzipped / 1024).toFixed(1)} KiB minified+gzipped`,
    );
    expect(gzipped).toBeLessThan(budgetKiB * 1024);
  });
});

describe('nutgraf/html carries one decoder of character references', () => {
  const entry = resolve(process.env.NUTGRAF_DIST ?? 'dist', 'html.js');
  it.skipIf(!existsSync(entry))(
    'bundles htmlparser2 without the `entities` package (tsup.config.ts)',
    async () => {
      const { inputs } = await bundle(entry);
      expect(inputs.filter((input) => /[/\\]entities[/\\]/.test(input))).toEqual([]);
      expect(inputs.filter((input) => /[/\\]htmlparser2[/\\]/.test(input))).toEqual([]);
    },
  );

  // htmlparser2 is a devDependency: its tokenizer ships inside dist, so its MIT notice must too.
  const dist = resolve(process.env.NUTGRAF_DIST ?? 'dist');
  it.skipIf(!existsSync(entry))(
    "keeps htmlparser2's license notice in every build file that carries its tokenizer",
    () => {
      const files = readdirSync(dist).filter((file) => /\.c?js$/.test(file));
      const withTokenizer = files.filter((file) =>
        readFileSync(resolve(dist, file), 'utf8').includes('fastForwardTo'),
      );
      expect(withTokenizer.length).toBeGreaterThanOrEqual(2); // the ESM and CommonJS builds
      for (const file of withTokenizer)
        expect(readFileSync(resolve(dist, file), 'utf8')).toContain(
          'Copyright 2010, 2011, Chris Winberry',
        );
    },
  );
});

describe('the feature names of parseText stay out of its bundle', () => {
  const entry = resolve(process.env.NUTGRAF_DIST ?? 'dist', 'text.js');
  it.skipIf(!existsSync(entry))(
    'carries no `name: …, value:` feature entries (tsup.config.ts drops them)',
    async () => {
      const { text: code } = await bundle(entry);
      expect(code.match(/name:(?:"[^"]*"|`[^`]*`),value:/g) ?? []).toEqual([]);
      // The feature functions are there all the same.
      expect(code).toMatch(/value:/);
    },
  );
});

describe('the MDX syntax stays out of nutgraf/markdown', () => {
  const dist = process.env.NUTGRAF_DIST ?? 'dist';
  const markdown = resolve(dist, 'markdown.js');
  const mdx = resolve(dist, 'mdx.js');
  const mdxInput =
    /[/\\](?:acorn|acorn-jsx|micromark-extension-mdx[\w-]*|mdast-util-mdx[\w-]*)[/\\]/;
  it.skipIf(!existsSync(markdown) || !existsSync(mdx))(
    'bundles acorn and remark-mdx only from nutgraf/mdx, and reports what they cost',
    async () => {
      const plain = await bundle(markdown, ['zod', 'node:*']);
      const withMdx = await bundle(mdx, ['zod', 'node:*']);
      expect(plain.inputs.filter((input) => mdxInput.test(input))).toEqual([]);
      expect(withMdx.inputs.some((input) => mdxInput.test(input))).toBe(true);
      console.log(
        `nutgraf/markdown ${(plain.minified / 1024).toFixed(0)} KiB minified (${(plain.gzipped / 1024).toFixed(0)} gzipped); nutgraf/mdx ${(withMdx.minified / 1024).toFixed(0)} KiB (${(withMdx.gzipped / 1024).toFixed(0)} gzipped)`,
      );
    },
  );
});
