import { readFileSync, writeFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';
import ts from 'typescript';

/**
 * The feature tables of `src/text` (`{ name, value }`) name each feature for training, for
 * the generated weights module (`TEXT_FEATURE_ORDER`) and for the tests; parseText itself only
 * runs the `value` functions, in table order (its weights are packed by position). The build
 * ships each such entry as its bare `value` function: `{ name: 'words', value: (v) => … }`
 * becomes `(v) => …` (in parentheses outside an array literal; esbuild keeps them), which drops the names (about 1 KiB of `nutgraf/text`'s minified and
 * gzipped size) and the `{value:…}` wrappers (about 0.1 KiB). Readers go through
 * `featureValue` (src/model/features.ts), which takes either form. Only object literals of
 * exactly a literal `name` and a `value` are rewritten (found with the TypeScript parser), and
 * a file that declares feature tables but has none fails the build, so a rewrite of the tables
 * cannot silently bring the names back.
 */
export function bareFeatures(path: string, source: string): string {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const literalName = (node: ts.Expression) =>
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateExpression(node);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node) && node.properties.length === 2) {
      const [name, value] = node.properties;
      if (
        name !== undefined &&
        value !== undefined &&
        ts.isPropertyAssignment(name) &&
        ts.isIdentifier(name.name) &&
        name.name.text === 'name' &&
        literalName(name.initializer) &&
        ts.isPropertyAssignment(value) &&
        ts.isIdentifier(value.name) &&
        value.name.text === 'value'
      ) {
        // An array item needs no parentheses; elsewhere they keep the function one expression.
        const fn = value.initializer.getText(file);
        const text = ts.isArrayLiteralExpression(node.parent) ? fn : `(${fn})`;
        edits.push({ start: node.getStart(file), end: node.end, text });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let contents = source;
  for (const { start, end, text } of edits.reverse())
    contents = contents.slice(0, start) + text + contents.slice(end);
  return contents;
}

const stripFeatureNames: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'strip-text-feature-names',
  setup(build) {
    build.onLoad({ filter: /[/\\]src[/\\]text[/\\][^/\\]+\.ts$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('Feature<')) return undefined;
      const contents = bareFeatures(args.path, source);
      if (contents === source)
        throw new Error(`${args.path}: feature tables without \`{ name: '…', value }\` to strip`);
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Entry points. unified, remark and micromark are ESM-only, so `nutgraf/markdown` and the
 * CLI ship as ESM only; every other entry ships ESM and CommonJS.
 */
const dual = {
  index: 'src/index.ts',
  schema: 'src/schema/index.ts',
  text: 'src/text/index.ts',
  jsonld: 'src/jsonld/index.ts',
  html: 'src/html/index.ts',
  lint: 'src/lint/index.ts',
};
const esmOnly = {
  markdown: 'src/markdown/index.ts',
  // remark-mdx brings acorn: its own entry, so `nutgraf/markdown` does not load it.
  mdx: 'src/mdx/index.ts',
  cli: 'src/cli/index.ts',
  bin: 'src/cli/bin.ts',
  // The CLI's worker threads load this file (see src/cli/check-files.ts).
  'check-worker': 'src/cli/check-worker.ts',
};

/**
 * Property names of the layout readers' internal records (units, rankings, candidate views,
 * date-reading state) that no public type, option or output has: the build shortens them
 * (esbuild `mangleProps`), about 0.3 KiB of `nutgraf/text` minified and gzipped. Only names
 * listed here are touched, each unquoted everywhere in `src/` and absent from every `.d.ts`
 * (tests/package/mangled-props.test.ts checks both), so no object a user sees or passes changes.
 */
export const MANGLED_PROPS = [
  'afterBoiler',
  'afterShort',
  'alternatives',
  'ambiguous',
  'anchorIndex',
  'bare',
  'beforeBoiler',
  'beforeShort',
  'boiler',
  'bylineIndex',
  'capitalised',
  'consumed',
  'contentBefore',
  'context',
  'crumb',
  'cut',
  'dateIndex',
  'dateOptions',
  'deckIndex',
  'emails',
  'exists',
  'extras',
  'firstTitle',
  'groupClosed',
  'hasDistinct',
  'hasIntro',
  'headlineIndex',
  'hourToken',
  'indent',
  'labels',
  'locales',
  'marks',
  'maxSize',
  'meridiem',
  'metaStep',
  'metaSteps',
  'near',
  'notes',
  'opening',
  'outlets',
  'overlap',
  'paragraphs',
  'parts',
  'phrase',
  'quotation',
  'rank',
  'ranking',
  'regionStart',
  'relativeDays',
  'relativeMs',
  'score',
  'seen',
  'sentences',
  'since',
  'storyEnd',
  'storyTransitions',
  'storyWords',
  'suffix',
  'tail',
  'tokens',
  'unit',
  'units',
  'urls',
  'weekday',
  'weekdaySpelledOut',
  'window',
  'wordsBefore',
  'zoneIsUtcWord',
  'zoneSource',
];

const common = {
  dts: true,
  sourcemap: false,
  // The language level of Node 20 (and tsconfig's). Not `node20`: esbuild's Node table has
  // regular expressions with `\p{…}` outside a class as unsupported, so it rewrote 47 of ours
  // as `new RegExp("…")` strings (same pattern, same behaviour, 0.2 KiB more of `nutgraf/text`).
  target: 'es2022',
  splitting: true,
  treeshake: true,
  esbuildOptions(options: { mangleProps?: RegExp }) {
    options.mangleProps = new RegExp(`^(?:${MANGLED_PROPS.join('|')})$`);
  },
  esbuildPlugins: [stripFeatureNames] as NonNullable<Options['esbuildPlugins']>,
} as const;

/**
 * The ESM entries, last listed first. esbuild orders the chunks an entry imports by which
 * entries share them, so this order is the order of the shared chunks inside each entry's
 * browser bundle, and gzip finds more repeats within its 32 KiB window in some orders than in
 * others. Outputs are the same in any order; minified and gzipped, this one makes `nutgraf/html`
 * 391 B smaller, `nutgraf/jsonld` 142 B and `nutgraf/text` 7 B than `{ ...dual, ...esmOnly }`
 * (docs/history/17-text-bytes7.md).
 */
const esmEntries = Object.fromEntries(Object.entries({ ...dual, ...esmOnly }).reverse());

export default defineConfig([
  {
    ...common,
    entry: esmEntries,
    format: ['esm'],
    async onSuccess() {
      // The JSON Schemas are generated from the zod source of truth.
      const { jsonSchemas } = await import('./scripts/json-schemas.js');
      for (const [file, schema] of Object.entries(jsonSchemas())) {
        writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
      }
    },
  },
  { ...common, entry: dual, format: ['cjs'] },
]);
