// Which HTML parser should `nutgraf/html` build on? Measures parse5 and htmlparser2 on the
// corpus pages (`source.html` of readability, mercury, aeb, trafilatura): speed per page,
// agreement of the paragraph text each tree gives with parse5's (the spec's tree), hostile
// inputs (deep nesting, stray end tags), and the minified bundle size of each.
// Run: node scripts/measure-html-parsers.mjs [--limit N]  (reads ../shared/corpus; skips when absent)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { Parser as Htmlparser2, Tokenizer as Htmlparser2Tokenizer } from 'htmlparser2';
import { parse as parse5 } from 'parse5';

const corpus = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
if (!existsSync(corpus)) {
  console.log('no ../shared/corpus: nothing to measure');
  process.exit(0);
}
const limitAt = process.argv.indexOf('--limit');
const limit = limitAt > 0 ? Number(process.argv[limitAt + 1]) : Infinity;

const pages = [];
for (const name of ['readability', 'mercury', 'aeb', 'trafilatura']) {
  const dir = join(corpus, name);
  if (!existsSync(dir)) continue;
  for (const item of readdirSync(dir).sort().slice(0, limit)) {
    const file = join(dir, item, 'source.html');
    if (existsSync(file)) pages.push({ corpus: name, item, html: readFileSync(file, 'utf8') });
  }
}
const totalBytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page.html), 0);

const blockTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'pre']);
const skipTags = new Set(['script', 'style', 'template', 'noscript']);

/** Paragraph-level texts from a parse5 tree, in order (iterative walk). */
function parse5Blocks(html) {
  const document = parse5(html);
  const out = [];
  const stack = [{ node: document, inBlock: null }];
  const texts = new Map();
  const order = [];
  while (stack.length > 0) {
    const { node, block } = stack.pop();
    if (node.nodeName === '#text') {
      if (block) texts.set(block, (texts.get(block) ?? '') + node.value);
      continue;
    }
    const tag = node.tagName;
    if (tag && skipTags.has(tag)) continue;
    let current = block;
    if (tag && blockTags.has(tag)) {
      current = {};
      order.push(current);
    }
    const children = node.content ? node.content.childNodes : node.childNodes;
    if (children)
      for (let i = children.length - 1; i >= 0; i--)
        stack.push({ node: children[i], block: current });
  }
  for (const block of order) {
    const text = (texts.get(block) ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  return out;
}

/** The same from htmlparser2's event stream (its own implied-end rules). */
function htmlparser2Blocks(html) {
  const out = [];
  const open = [];
  let skip = 0;
  const parser = new Htmlparser2(
    {
      onopentag(name) {
        if (skipTags.has(name)) skip++;
        if (blockTags.has(name)) open.push({ name, text: '' });
      },
      ontext(text) {
        if (skip === 0 && open.length > 0) open[open.length - 1].text += text;
      },
      onclosetag(name) {
        if (skipTags.has(name)) skip--;
        if (blockTags.has(name)) {
          const block = open.pop();
          const text = block?.text.replace(/\s+/g, ' ').trim();
          if (text) out.push(text);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return out;
}

function time(fn) {
  // One warm-up pass, then the timed pass.
  for (const page of pages) fn(page.html);
  const start = performance.now();
  for (const page of pages) fn(page.html);
  return performance.now() - start;
}

const noop = () => {};
const tokenizerOnly = (html) => {
  const callbacks = new Proxy({}, { get: () => noop });
  const tokenizer = new Htmlparser2Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
};

const rows = [
  ['parse5 (tree)', (html) => parse5(html)],
  ['parse5 (tree + locations)', (html) => parse5(html, { sourceCodeLocationInfo: true })],
  [
    'htmlparser2 Parser (events)',
    (html) => new Htmlparser2({}, { decodeEntities: true }).end(html),
  ],
  ['htmlparser2 Tokenizer (events)', tokenizerOnly],
];
console.log(`${pages.length} pages, ${(totalBytes / 1e6).toFixed(1)} MB`);
console.log('| parser | ms/page | MB/s |\n|---|---|---|');
for (const [name, fn] of rows) {
  const ms = time(fn);
  console.log(
    `| ${name} | ${(ms / pages.length).toFixed(2)} | ${(totalBytes / 1e6 / (ms / 1000)).toFixed(1)} |`,
  );
}

// Agreement: htmlparser2's paragraph-level texts against parse5's.
let same = 0;
let blocksA = 0;
let blocksB = 0;
let common = 0;
for (const page of pages) {
  const a = parse5Blocks(page.html);
  const b = htmlparser2Blocks(page.html);
  blocksA += a.length;
  blocksB += b.length;
  const bag = new Map();
  for (const text of a) bag.set(text, (bag.get(text) ?? 0) + 1);
  for (const text of b) {
    const left = bag.get(text) ?? 0;
    if (left > 0) {
      common++;
      bag.set(text, left - 1);
    }
  }
  if (a.length === b.length && a.every((text, i) => text === b[i])) same++;
}
console.log(
  `\nhtmlparser2 vs parse5 block texts: identical on ${same}/${pages.length} pages; ` +
    `${common} of parse5's ${blocksA} blocks found (htmlparser2 gives ${blocksB})`,
);

// Hostile inputs: time to parse.
const hostile = [
  ['100,000 nested <div>', '<div>'.repeat(100_000)],
  [
    '50,000 nested <div> + 50,000 stray </span>',
    `${'<div>'.repeat(50_000)}${'</span>'.repeat(50_000)}`,
  ],
  ['100,000 nested <b>', '<b>'.repeat(100_000)],
  ['20,000 misnested <b><i></b></i>', '<p><b><i></b></i>'.repeat(20_000)],
  ['1 MB attribute', `<p title="${'x'.repeat(1_000_000)}">a</p>`],
  ['10,000 scripts', '<script>var a = 1;</script>'.repeat(10_000)],
];
console.log(
  '\n| hostile input | parse5 ms | htmlparser2 Parser ms | htmlparser2 Tokenizer ms |\n|---|---|---|---|',
);
for (const [name, html] of hostile) {
  const cells = [];
  for (const fn of [(h) => parse5(h), (h) => new Htmlparser2({}).end(h), tokenizerOnly]) {
    const start = performance.now();
    fn(html);
    cells.push((performance.now() - start).toFixed(0));
  }
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}

// Bundle size: minified, everything bundled, as a browser would load it.
console.log('\n| bundle (minified, esbuild) | bytes | gzip |\n|---|---|---|');
const { gzipSync } = await import('node:zlib');
for (const [name, contents] of [
  ['parse5 parse()', "export { parse } from 'parse5';"],
  ['htmlparser2 Parser', "export { Parser } from 'htmlparser2';"],
  ['htmlparser2 Tokenizer', "export { Tokenizer } from 'htmlparser2';"],
]) {
  const result = await build({
    stdin: { contents, resolveDir: join(import.meta.dirname, '..'), loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    platform: 'browser',
  });
  const code = result.outputFiles[0].contents;
  console.log(`| ${name} | ${code.length} | ${gzipSync(code).length} |`);
}
