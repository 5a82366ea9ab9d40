// Field parsers on adversarial inputs of 1 KB, 100 KB and 1 MB: long runs of capitals, commas,
// `and`, digits, parentheses, spaces and byline-like text. Prints the time per KB for each size;
// it must stay flat (or fall, where a parser reads a bounded prefix) as the input grows. A parser
// that backtracks or rescans would show its time per KB growing with the size.
//
//   NUTGRAF_DIST=/tmp/fields-dist/ node bench/fields.bench.mjs    # a private bundle
//   NUTGRAF_BENCH_BUDGET_MS=100 node bench/fields.bench.mjs       # time spent per cell (default 60)
import { performance } from 'node:perf_hooks';

const dist = process.env.NUTGRAF_DIST ?? new URL('../dist/', import.meta.url).href;
const distUrl = dist.startsWith('file:')
  ? dist
  : new URL(`file://${dist.endsWith('/') ? dist : `${dist}/`}`).href;
const nutgraf = await import(new URL('index.js', distUrl).href);
const budget = Number(process.env.NUTGRAF_BENCH_BUDGET_MS ?? 60);

const parsers = {
  parseByline: (text) => nutgraf.parseByline(text),
  looksLikeByline: (text) => nutgraf.looksLikeByline(text),
  parseCaption: (text) => nutgraf.parseCaption(text),
  parseCredit: (text) => nutgraf.parseCredit(text),
  parseDate: (text) => nutgraf.parseDate(text),
  findDate: (text) => nutgraf.findDate(text, { referenceDate: '2015-10-22T16:00:00Z' }),
  parseDateline: (text) => nutgraf.parseDateline(text),
  parseBreadcrumb: (text) => nutgraf.parseBreadcrumb(text, { headline: 'Leaders meet' }),
};

/** Repeats `unit` to `bytes` characters (all ASCII, so characters are bytes). */
const fill = (unit, bytes) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const inputs = {
  capitals: (n) => fill('ANARUIZ', n),
  'capital words': (n) => `By ${fill('ANA RUIZ ', n - 3)}`,
  commas: (n) => `By Ana${fill(', ', n - 6)}`,
  and: (n) => `By ${fill('Ana and ', n - 3)}`,
  digits: (n) => fill('1234567890', n),
  'digits, dots': (n) => fill('10.30.', n),
  parentheses: (n) => fill('(AP Photo/', n),
  spaces: (n) => `${' '.repeat(n - 10)}WASHINGTON`,
  'inner spaces': (n) => `By Ana${' '.repeat(n - 8)}Ru`,
  dashes: (n) => fill('A — B - ', n),
  dots: (n) => fill('A. ', n),
  'month words': (n) => fill('Oct. 21, ', n),
  slashes: (n) => fill('World / ', n),
};
const sizes = [
  ['1 KB', 1_000],
  ['100 KB', 100_000],
  ['1 MB', 1_000_000],
];

/**
 * Microseconds per KB of the fastest of several calls: the minimum is what the code costs, the
 * rest is noise from other processes (the CPU is shared). At least 3 calls, for `budget` ms.
 */
function timePerKb(parse, text) {
  parse(text); // warm-up
  let runs = 0;
  let best = Number.POSITIVE_INFINITY;
  const start = performance.now();
  do {
    const before = performance.now();
    parse(text);
    best = Math.min(best, performance.now() - before);
    runs++;
  } while ((performance.now() - start < budget || runs < 3) && runs < 100_000);
  return (best * 1000) / (text.length / 1000);
}

const rows = [];
let worst = { ratio: 0 };
for (const [name, parse] of Object.entries(parsers)) {
  for (const [kind, make] of Object.entries(inputs)) {
    const perKb = sizes.map(([, bytes]) => timePerKb(parse, make(bytes)));
    const ratio = perKb[2] / perKb[0];
    rows.push([name, kind, ...perKb.map((value) => value.toFixed(2)), ratio.toFixed(2)]);
    if (ratio > worst.ratio) worst = { name, kind, ratio };
  }
}

const header = ['parser', 'input', ...sizes.map(([label]) => `µs/KB @ ${label}`), '1 MB ÷ 1 KB'];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column].length)),
);
const line = (cells) =>
  cells
    .map((cell, column) =>
      column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
    )
    .join('  ');
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of rows) console.log(line(row));
console.log(
  `\nLargest growth of time per KB from 1 KB to 1 MB: ${worst.ratio.toFixed(2)}× (${worst.name}, ${worst.kind}). ` +
    'Linear parsers stay near 1× or below; a quadratic one would show about 1000×.',
);
