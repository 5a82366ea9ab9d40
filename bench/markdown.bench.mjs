// parseMarkdown over the Markdown corpus, side by side with the bare pipeline it is built on
// (unified + remark-parse + remark-frontmatter + a `yaml` parse of the frontmatter, no
// extraction) and with gray-matter + remark-parse. Tasks run interleaved, round after round,
// in one process; the table shows the median round. Targets: parseMarkdown ≤ 1.3× the bare
// pipeline, and faster than gray-matter + remark. parseMarkdown reads GFM in every file, so a
// second bare row adds remark-gfm: the like-for-like floor. A last row, for explanation only: remark-parse
// of the body alone (frontmatter cut off before timing, no YAML): the micromark floor that
// parseMarkdown and gray-matter + remark both stand on.
//
//   NUTGRAF_DIST=/tmp/markdown-dist/ node bench/markdown.bench.mjs   # a private bundle
//   NUTGRAF_BENCH_EVERY=1 node bench/markdown.bench.mjs              # every file (default: every 4th)
//   NUTGRAF_BENCH_ROUNDS=9 node bench/markdown.bench.mjs             # rounds (default 7)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseDocument } from 'yaml';

const require = createRequire(import.meta.url);
const matter = require('gray-matter');

const dist = process.env.NUTGRAF_DIST
  ? pathToFileURL(`${resolve(process.env.NUTGRAF_DIST)}/`)
  : new URL('../dist/', import.meta.url);
const { parseMarkdown } = await import(new URL('markdown.js', dist).href);

const corpus = new URL('../../shared/corpus/markdown/', import.meta.url);
if (!existsSync(corpus)) {
  console.log('No corpus at ../shared/corpus/markdown: skipped.');
  process.exit(0);
}
const every = Number(process.env.NUTGRAF_BENCH_EVERY ?? 4);
const rounds = Number(process.env.NUTGRAF_BENCH_ROUNDS ?? 7);
const texts = [];
for (const site of readdirSync(corpus).sort()) {
  const folder = new URL(`${site}/articles/`, corpus);
  if (!existsSync(folder)) continue;
  readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .forEach((name, index) => {
      if (index % every === 0) texts.push(readFileSync(new URL(name, folder), 'utf8'));
    });
}
/** The body of each file (after a closing `---` line), cut off before timing: the floor row. */
const bodies = new Map(
  texts.map((text) => {
    const fence = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
    return [text, fence ? text.slice(fence[0].length) : text];
  }),
);
const megabytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / 1e6;

const bare = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();
/** The same with remark-gfm, which parseMarkdown runs on every file (tables, literal links…). */
const bareGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const plainRemark = unified().use(remarkParse).freeze();
let sink = 0;

const tasks = {
  'bare pipeline (remark-parse + remark-frontmatter + yaml)': (text) => {
    const tree = bare.parse(text);
    const first = tree.children[0];
    if (first?.type === 'yaml') sink += parseDocument(first.value).errors.length;
    sink += tree.children.length;
  },
  'bare pipeline + remark-gfm (GFM as parseMarkdown reads it)': (text) => {
    const tree = bareGfm.parse(text);
    const first = tree.children[0];
    if (first?.type === 'yaml') sink += parseDocument(first.value).errors.length;
    sink += tree.children.length;
  },
  'nutgraf parseMarkdown': (text) => {
    sink += parseMarkdown(text).diagnostics.length;
  },
  'gray-matter + remark-parse': (text) => {
    // Options disable gray-matter's cache of earlier inputs.
    const file = matter(text, {});
    sink += plainRemark.parse(file.content).children.length + Object.keys(file.data).length;
  },
  'floor: remark-parse of the body alone (no YAML)': (text) => {
    sink += plainRemark.parse(bodies.get(text)).children.length;
  },
};

const names = Object.keys(tasks);
const times = Object.fromEntries(names.map((name) => [name, []]));
for (const text of texts.slice(0, 20)) for (const name of names) tasks[name](text); // warm up
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? names : [...names].reverse();
  for (const name of order) {
    globalThis.gc?.();
    const start = performance.now();
    for (const text of texts) tasks[name](text);
    times[name].push(performance.now() - start);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const fastest = (values) => Math.min(...values);
const [bareName, bareGfmName, oursName, grayName] = names;
console.log(
  `${texts.length} files, ${megabytes.toFixed(2)} MB, ${rounds} interleaved rounds; median round (fastest round)\n`,
);
console.log(
  `${'task'.padEnd(58)} ${'ms'.padStart(14)} ${'MB/s'.padStart(13)} ${'× bare'.padStart(13)}`,
);
for (const name of names) {
  const cell = (pick, format) =>
    `${format(pick(times[name]))} (${format(fastest(times[name]))})`.padStart(13);
  const ms = (value) => value.toFixed(0);
  const rate = (value) => (megabytes / (value / 1000)).toFixed(2);
  console.log(
    `${name.padEnd(58)} ${cell(median, ms).padStart(14)} ${cell(median, rate)} ${`${(median(times[name]) / median(times[bareName])).toFixed(2)} (${(fastest(times[name]) / fastest(times[bareName])).toFixed(2)})`.padStart(13)}`,
  );
}
const ratio = (a, b) =>
  `${(median(times[a]) / median(times[b])).toFixed(2)}× (fastest rounds ${(fastest(times[a]) / fastest(times[b])).toFixed(2)}×)`;
console.log(`\nparseMarkdown / bare pipeline: ${ratio(oursName, bareName)}, target ≤ 1.30`);
console.log(`parseMarkdown / bare pipeline + remark-gfm: ${ratio(oursName, bareGfmName)}`);
console.log(`parseMarkdown / gray-matter + remark: ${ratio(oursName, grayName)}, target < 1`);
console.log(
  `rounds (ms): ${names.map((name) => `${name.split(' ')[0]} ${times[name].map((t) => t.toFixed(0)).join(' ')}`).join(' · ')}`,
);
if (sink === -1) console.log(sink);
