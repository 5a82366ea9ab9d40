// parseHtml beside Readability 0.6 + linkedom on the same pages: every `source.html` of the
// shared corpora (readability, mercury, aeb, trafilatura) when ../shared/corpus is present, then
// generated invented pages from 10 kB to 10 MB to show that time grows linearly with page size,
// then the browser bundle size of `nutgraf/html`. Times are CPU seconds of this process (the
// machine is shared). On the corpus pages the two parsers' passes alternate (a warm-up each,
// then 7 pairs), so a change in the machine's load hits both alike; the ratio is the median of
// the pairs' ratios.
//
//   node bench/html.bench.mjs                      # after npm run build
//   NUTGRAF_BENCH_PAGES=1000 node bench/html.bench.mjs  # every page (default: the first 40 of each corpus)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';

const dist = new URL('../dist/', import.meta.url);
const { parseHtml } = await import(new URL('html.js', dist).href);
const perCorpus = Number(process.env.NUTGRAF_BENCH_PAGES ?? 40);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function cpu(parse, pages, runs = 3, warm = true) {
  if (warm) for (const page of pages) parse(page);
  const spent = [];
  for (let run = 0; run < runs; run++) {
    const usage = process.cpuUsage();
    for (const page of pages) parse(page);
    const used = process.cpuUsage(usage);
    spent.push((used.user + used.system) / 1e6);
  }
  return median(spent);
}

const readability = (html) => new Readability(parseHTML(html).document).parse();

const corpus = new URL('../../shared/corpus/', import.meta.url);
if (existsSync(corpus)) {
  const pages = [];
  for (const name of ['readability', 'mercury', 'aeb', 'trafilatura']) {
    const dir = new URL(`${name}/`, corpus);
    if (!existsSync(dir)) continue;
    for (const item of readdirSync(dir).sort().slice(0, perCorpus)) {
      const file = new URL(`${item}/source.html`, dir);
      if (existsSync(file)) pages.push(readFileSync(file, 'utf8'));
    }
  }
  const megabytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0) / 1e6;
  const oursPass = () => cpu((html) => parseHtml(html), pages, 1, false);
  const theirsPass = () => cpu(readability, pages, 1, false);
  oursPass();
  theirsPass();
  const oursRuns = [];
  const theirsRuns = [];
  const ratios = [];
  for (let pair = 0; pair < Number(process.env.NUTGRAF_BENCH_PAIRS ?? 7); pair++) {
    const a = oursPass();
    const b = theirsPass();
    oursRuns.push(a);
    theirsRuns.push(b);
    ratios.push(b / a);
  }
  const ours = median(oursRuns);
  const theirs = median(theirsRuns);
  console.log(`corpus pages: ${pages.length} (${megabytes.toFixed(1)} MB)`);
  console.log(
    `ratio per pair of passes: ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})`,
  );
  console.log('| parser | ms/page (CPU) | MB/s | × |');
  console.log('|---|---|---|---|');
  console.log(
    `| nutgraf parseHtml | ${((ours / pages.length) * 1000).toFixed(1)} | ${(megabytes / ours).toFixed(1)} | ${median(ratios).toFixed(2)}× faster |`,
  );
  console.log(
    `| Readability 0.6 + linkedom | ${((theirs / pages.length) * 1000).toFixed(1)} | ${(megabytes / theirs).toFixed(1)} | 1 |`,
  );
} else {
  console.log('no ../shared/corpus: corpus pages skipped');
}

// Size ladder: an invented page (header, nav, story, related links, comments, footer) whose
// story and comment sections grow with the size.
function inventedPage(targetBytes) {
  const paragraph =
    '<p>The harbour board met on Tuesday to discuss the timetable for the <a href="/ferries">night ferries</a>, and the crews said they were <em>ready</em> to start in May.</p>\n';
  const comment =
    '<div class="comment"><p>Finally a boat home after the late shift at the terminal.</p></div>\n';
  const head =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Night ferries | The Saltmarsh Ledger</title><meta property="og:title" content="Night ferries"></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav><article><h1>Night ferries</h1><p class="byline">By Dana Whitfield</p>';
  const parts = [head];
  let size = head.length;
  while (size < targetBytes * 0.7) {
    parts.push(paragraph);
    size += paragraph.length;
  }
  parts.push('</article><section class="comments">');
  while (size < targetBytes) {
    parts.push(comment);
    size += comment.length;
  }
  parts.push('</section><footer>© The Saltmarsh Ledger</footer></body></html>');
  return parts.join('');
}

console.log('\n| page size | nutgraf ms | ms per MB | Readability + linkedom ms |');
console.log('|---|---|---|---|');
for (const size of [1e4, 1e5, 1e6, 1e7]) {
  const page = inventedPage(size);
  const runs = size >= 1e7 ? 1 : 3;
  const ours = cpu((html) => parseHtml(html), [page], runs);
  const theirs = size >= 1e7 ? undefined : cpu(readability, [page], runs);
  console.log(
    `| ${(size / 1e6).toFixed(2)} MB | ${(ours * 1000).toFixed(1)} | ${((ours * 1000) / (size / 1e6)).toFixed(0)} | ${theirs === undefined ? '—' : (theirs * 1000).toFixed(1)} |`,
  );
}

const bundle = await build({
  entryPoints: [new URL('html.js', dist).pathname],
  bundle: true,
  minify: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
const code = bundle.outputFiles[0].contents;
console.log(
  `\nnutgraf/html browser bundle: ${(code.byteLength / 1024).toFixed(1)} KiB minified, ${(gzipSync(code).byteLength / 1024).toFixed(1)} KiB minified+gzipped`,
);
