// parseText throughput: the bbc corpus (when ../shared/corpus is present), and generated
// invented pages from 1 kB to 10 MB to show that time grows linearly with input size.
// The naive baseline parser of the shared scorer is timed on the same inputs for scale.
// One core, one process; every timing is the median of several passes after a warm-up, except
// the bbc corpus's first two passes, timed first in a fresh process (cold code). CPU time counts
// every thread of the process (V8 compiles on a helper thread), so on a cold pass it can exceed
// wall time.
//
//   NUTGRAF_DIST=/tmp/text-dist/ node bench/text.bench.mjs    # a private build
//   NUTGRAF_BENCH_MAX_MB=1 node bench/text.bench.mjs          # stop the size ladder at 1 MB
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const dist = process.env.NUTGRAF_DIST ?? new URL('../dist/', import.meta.url).href;
const distUrl = dist.startsWith('file:')
  ? dist
  : pathToFileURL(dist.endsWith('/') ? dist : `${dist}/`).href;
const { parseText } = await import(new URL('index.js', distUrl).href);
const maxMb = Number(process.env.NUTGRAF_BENCH_MAX_MB ?? 10);

const corpus = new URL('../../shared/corpus/', import.meta.url);
const scorer = new URL('../../shared/eval/score-text.mjs', import.meta.url);
const baseline = existsSync(scorer) ? (await import(scorer.href)).baselineParse : undefined;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Seconds to parse every text once, median of `runs` passes after one warm-up pass: wall-clock
 * time, and the CPU time of this process (which is what one core spends when other programs
 * share the machine).
 */
function time(parse, texts, runs = 5) {
  for (const text of texts) parse(text);
  const wall = [];
  const cpu = [];
  for (let run = 0; run < runs; run++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    for (const text of texts) parse(text);
    wall.push((performance.now() - start) / 1000);
    const spent = process.cpuUsage(usage);
    cpu.push((spent.user + spent.system) / 1e6);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const bytes = (texts) => texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const rows = [];
function row(name, texts, runs) {
  const size = bytes(texts) / 1e6;
  const ours = time(parseText, texts, runs);
  const peer = baseline ? time(baseline, texts, runs) : undefined;
  rows.push({
    input: name,
    MB: size.toFixed(3),
    'parseText MB/s (wall)': (size / ours.wall).toFixed(1),
    'parseText MB/s (CPU)': (size / ours.cpu).toFixed(1),
    'baseline MB/s (CPU)': peer === undefined ? '—' : (size / peer.cpu).toFixed(1),
  });
  return size / ours.cpu;
}

// 1. The bbc corpus: clean copy, headline and paragraphs.
const bbc = new URL('bbc/', corpus);
if (existsSync(bbc)) {
  const texts = readdirSync(bbc)
    .map((item) => new URL(`${item}/raw.txt`, bbc))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'));
  // A fresh process first: the first pass runs while V8 is still compiling, and the second
  // pass is the one score-text.mjs times (`--corpora bbc`). Only then the warm median.
  for (const pass of ['first pass, cold', 'second pass (as score-text times it)']) {
    const usage = process.cpuUsage();
    const start = performance.now();
    for (const text of texts) parseText(text);
    const wall = (performance.now() - start) / 1000;
    const spent = process.cpuUsage(usage);
    const size = bytes(texts) / 1e6;
    rows.push({
      input: `bbc corpus, ${pass}`,
      MB: size.toFixed(3),
      'parseText MB/s (wall)': (size / wall).toFixed(1),
      'parseText MB/s (CPU)': (size / ((spent.user + spent.system) / 1e6)).toFixed(1),
      'baseline MB/s (CPU)': '—',
    });
  }
  row(`bbc corpus (${texts.length} stories), warm`, texts, 7);
} else {
  console.log('(../shared/corpus not found: the bbc row is skipped)');
}

// 2. Invented whole pages of growing size: navigation, a story, related links, a footer.
const nav = [
  'Skip to content',
  '  • News',
  '  • Sport',
  '  • Business',
  'Subscribe',
  'Sign in',
  'Home > News > Local',
];
const story = [
  'Harbour Authority Approves Night Ferries',
  'Operators will run crossings after midnight from the spring',
  'By Dana Whitfield and Tomás Ruiz',
  'March 10, 2026 6:05 PM EST',
  'The port board voted on Tuesday to run ferries after midnight, ending a decade-long debate over late-night crossings.',
  'Advertisement',
  'The vote followed three months of hearings in which residents, ferry operators and union representatives argued over cost.',
  'Passengers waiting at the north pier on Monday evening. (Photo: AP)',
  'Operators will hire 40 crew members to staff the new night runs, the authority said.',
];
const footer = [
  'Related:',
  'Council approves new swimming pool',
  'About us',
  'Privacy policy',
  '© 2026 The Harbour Ledger',
];
function page(targetBytes) {
  const parts = [...nav, ...story];
  let size = Buffer.byteLength(parts.join('\n'));
  for (let filler = 0; size < targetBytes; filler++) {
    const line = `Paragraph ${filler} of the story adds detail about crossings, crews, fares and timetables, as officials said on Monday.`;
    parts.push(line);
    size += line.length + 1;
  }
  return [...parts, ...footer].join('\n');
}
const ladder = [1e3, 1e4, 1e5, 1e6, 1e7].filter((size) => size <= maxMb * 1e6);
const speeds = [];
for (const size of ladder) {
  const count = Math.max(1, Math.round(2e6 / size));
  const texts = Array.from({ length: count }, () => page(size));
  speeds.push(
    row(
      `invented page ${size >= 1e6 ? `${size / 1e6} MB` : `${size / 1e3} kB`} ×${count}`,
      texts,
      size >= 1e7 ? 3 : 5,
    ),
  );
}

// 3. One very long line (no line breaks at all), the worst case for per-line work.
if (maxMb >= 1) row('one 1 MB line', [`A headline\n${'word and more words, '.repeat(50_000)}`], 3);

console.table(rows);
if (speeds.length > 1) {
  const ratio = speeds[speeds.length - 1] / speeds[Math.min(2, speeds.length - 1)];
  console.log(
    `linearity: CPU MB/s at the largest size / CPU MB/s at ${ladder[Math.min(2, ladder.length - 1)] / 1e3} kB = ${ratio.toFixed(2)} (1.00 is perfectly linear)`,
  );
}
