// Growth of each public parser's time with the size of its input, on adversarial shapes (tiny
// lines, long lines, deep nesting, repeated delimiters, many keys: the shapes of issue 15), at
// 1e3 … 1e6 characters. Prints the time at each size and the ratio per 10× of input: a linear
// parser shows ≤ 10× (less where fixed costs dominate small inputs), a quadratic one 100×.
// The goal is ≤ 15× per 10× everywhere except remark-parse's own shapes (marked `remark`),
// which the CLI bounds with its per-file time budget.
//
// Time is the CPU time of this process (V8's GC threads included), the fastest of several
// runs: on a shared machine CPU time is what the code costs, wall time mostly measures the
// neighbours. A size is skipped when the previous step's growth projects it past the budget
// (`NUTGRAF_GROWTH_BUDGET_S`, default 20 s), and shown as `>Ns` with the projection.
//
// To add a parser (parseHtml, say), add rows to `cases`: a parser name, an entry point of
// dist/, and shapes `{ name, make(n) → input of about n characters, remark? }`. Rows whose
// export is missing from the build are listed as skipped.
//
// A shape may name a `floor`: the least any reader must do with that input (parse the JSON,
// make one object per line). Its row, printed under the shape's, shows how much of the growth
// is the engine's rather than ours: V8's costs per object grow once the live data outgrows the
// young generation (about 16 MB) and per-character costs once a string lands in large-object
// space, so between 1e5 and 1e6 even `JSON.parse` can take over 15× per 10×. Floors are
// measured, not judged. The floor row's last column, `÷ floor`, divides the shape's ratio by
// the floor's between the same two sizes (at the shape's worst step): near 1, the shape grows
// as fast as the engine does on that input and no faster; well over 1, the growth is ours. A
// shape over 15× whose ÷ floor is at most 1.2 is listed apart in the summary (it still counts).
// To see how much of a ratio is V8's young generation, run the same rows with
// `node --expose-gc --max-semi-space-size=128 bench/growth.bench.mjs …` and compare.
//
// Between sizes that are not 10× apart (`NUTGRAF_GROWTH_SIZES`), the ratio shown is the
// growth per 10× it implies: (t₂/t₁)^(1/log₁₀(n₂/n₁)), so 2× the input in 4× the time reads
// as 100× per 10× (quadratic) and in 2.2× as 13.7× per 10×.
//
//   node --expose-gc bench/growth.bench.mjs                   # every row
//   node --expose-gc bench/growth.bench.mjs parseText toMarkdown   # rows whose parser is named
//   node --expose-gc bench/growth.bench.mjs 'parseText:blank'      # shapes whose name has `blank`
//   NUTGRAF_GROWTH_MAX=1e7 node --expose-gc bench/growth.bench.mjs parseText
//   NUTGRAF_GROWTH_SIZES=1e5,2e5,4e5,8e5 node --expose-gc bench/growth.bench.mjs parseText
//   NUTGRAF_DIST=/tmp/dist/ node --expose-gc bench/growth.bench.mjs
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const dist = process.env.NUTGRAF_DIST ?? new URL('../dist/', import.meta.url).href;
const distUrl = dist.startsWith('file:')
  ? dist
  : pathToFileURL(dist.endsWith('/') ? dist : `${dist}/`).href;
const load = async (entry) => {
  try {
    return await import(new URL(entry, distUrl).href);
  } catch (error) {
    // A missing entry point (html.js before src/html exists) is expected; anything else is not.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(entry)) {
      console.error(`Could not load ${entry}: ${error?.message ?? error}`);
    }
    return {};
  }
};
const entries = {
  'index.js': await load('index.js'),
  'markdown.js': await load('markdown.js'),
  'html.js': await load('html.js'),
};
const maxSize = Number(process.env.NUTGRAF_GROWTH_MAX ?? 1e6);
const budgetSeconds = Number(process.env.NUTGRAF_GROWTH_BUDGET_S ?? 20);
const sizes = process.env.NUTGRAF_GROWTH_SIZES
  ? process.env.NUTGRAF_GROWTH_SIZES.split(',').map(Number)
  : [];
if (sizes.length === 0) for (let size = 1e3; size <= maxSize; size *= 10) sizes.push(size);
/** Arguments: `parser` (all its shapes) or `parser:text` (its shapes whose name has `text`). */
const only = process.argv.slice(2).map((argument) => {
  const colon = argument.indexOf(':');
  return colon === -1
    ? { parser: argument, shape: '' }
    : { parser: argument.slice(0, colon), shape: argument.slice(colon + 1) };
});
const selected = (parser, shape) =>
  only.length === 0 ||
  only.some((choice) => choice.parser === parser && shape.name.includes(choice.shape));

/** `unit` repeated to `n` characters. */
const fill = (unit, n) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** `unit` repeated `count` times (to about `n` characters). */
const times = (unit, n) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));
const words = (n) => fill('harbour ferry board vote night ', n).trim();
const story = (body, more = {}) => ({
  headline: 'Night Ferries',
  type: 'NewsArticle',
  body,
  ...more,
});
const paragraphs = (text, count) =>
  Array.from({ length: Math.max(1, count) }, () => ({ type: 'paragraph', text }));
/** A JSON object nested `depth` deep: `{"a":{"a":…1…}}`. */
const nested = (depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const jsonLd = (more) =>
  JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Night Ferries',
    ...more,
  });
const script = (json) => `<script type="application/ld+json">${json}</script>`;
/** Floors (see the top): one object per line; the JSON of each ld+json script parsed. */
const linesFloor = (input) =>
  input.split('\n').map((text, index) => ({ index, start: 0, text: text.trim() }));
const scriptsFloor = (html) =>
  html
    .split('</script>')
    .slice(0, -1)
    .map((part) => JSON.parse(part.slice(part.indexOf('>') + 1)));

/** Field parsers share one set of shapes. */
const fieldShapes = [
  { name: 'By repeated', make: (n) => fill('By ', n) },
  { name: 'glued By', make: (n) => `By${fill('By', n)} Ana Ruiz` },
  { name: 'capital words', make: (n) => `By ${fill('ANA RUIZ ', n)}` },
  { name: 'commas and', make: (n) => `By Ana${fill(', and ', n)}` },
  { name: 'digits and dots', make: (n) => fill('10.30.2026 ', n) },
  { name: 'parentheses', make: (n) => fill('(AP Photo/', n) },
  { name: 'dashes', make: (n) => fill('WASHINGTON — ', n) },
  { name: 'month words', make: (n) => fill('Oct. 21, ', n) },
  { name: 'slashes', make: (n) => fill('World / ', n) },
  { name: 'spaces then text', make: (n) => `${' '.repeat(n)}Ana Ruiz` },
];
const fieldParser = (name, run) => ({ parser: name, entry: 'index.js', run, shapes: fieldShapes });

/**
 * Rows: `run(api, input)` calls the parser; shapes make inputs of about `n` characters (for
 * serializers, an article whose text is about `n` characters).
 */
const cases = [
  {
    parser: 'parseText',
    entry: 'index.js',
    run: (api, input) => api.parseText(input),
    shapes: [
      { name: 'tiny lines (Ab\\n)', make: (n) => times('Ab\n', n), floor: linesFloor },
      {
        name: 'blank lines',
        make: (n) => `Night Ferries\n${'\n'.repeat(n)}The board voted.`,
      },
      { name: 'one long line', make: (n) => words(n) },
      { name: 'long lines (10k)', make: (n) => times(`${words(9_999)}\n`, n) },
      {
        name: 'byline lines',
        make: (n) => `Night Ferries\n${times('By Ana Ruiz\n', n)}`,
        floor: linesFloor,
      },
      {
        name: 'date lines',
        make: (n) => `Night Ferries\n${times('March 10, 2026\n', n)}`,
        floor: linesFloor,
      },
      {
        name: 'captions then text',
        make: (n) =>
          `Night Ferries\n\n${times('A crowd at the pier. (Photo: AP)\n', n / 2)}${times('The board voted on Tuesday to run ferries.\n', n / 2)}`,
      },
      { name: 'delimiters | · »', make: (n) => fill('Home | News · World » ', n) },
      { name: 'bullets', make: (n) => times('- a\n', n) },
      { name: 'emoji run', make: (n) => `Night ${'💙'.repeat(n / 2)}x\n\nThe board voted.\n` },
      { name: 'odd spaces', make: (n) => `Night Ferries\n\nThe${fill('\u2028\u1680', n)}board.\n` },
      { name: 'quotes', make: (n) => fill('"“«', n) },
      { name: 'sentences', make: (n) => fill('Ab. ', n) },
    ],
  },
  {
    parser: 'parseMarkdown',
    entry: 'markdown.js',
    run: (api, input) => api.parseMarkdown(input),
    shapes: [
      { name: 'TOML fence, \\r\\n lines', make: (n) => `+++\n${times('\r\n', n)}x` },
      { name: 'YAML fence, \\r\\n lines', make: (n) => `---\n${times('\r\n', n)}x` },
      {
        name: 'frontmatter keys',
        make: (n) => {
          const count = Math.max(1, Math.floor(n / 12));
          const keys = Array.from({ length: count }, (_, i) => `k${i}: v\n`).join('');
          return `---\ntitle: Night Ferries\n${keys}---\n\nText.\n`;
        },
      },
      { name: 'tiny paragraphs', make: (n) => `# Night Ferries\n\n${times('Ab\n\n', n)}` },
      { name: 'line breaks', make: (n) => `# Night Ferries\n\n${times('a\n', n)}` },
      { name: 'long paragraph', make: (n) => `# Night Ferries\n\n${words(n)}\n` },
      {
        name: 'links',
        make: (n) => `# Night Ferries\n\n${times('[a](https://example.com/a) ', n)}`,
      },
      {
        name: 'html figures',
        make: (n) =>
          `# Night Ferries\n\n${times('<figure><img src="a.png" alt=""><figcaption>A pier.</figcaption></figure>\n\n', n)}`,
      },
      {
        name: 'shortcodes',
        make: (n) => `# Night Ferries\n\n${times('Use {{< figure src="a.png" >}} here ', n)}`,
      },
      { name: '**a (remark)', remark: true, make: (n) => `# Night Ferries\n\n${fill('**a', n)}` },
      { name: '*a (remark)', remark: true, make: (n) => `# Night Ferries\n\n${fill('*a', n)}` },
      {
        name: 'deep list (remark)',
        remark: true,
        make: (n) => {
          const depth = Math.max(1, Math.floor(Math.sqrt(n)));
          return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- a\n`).join('');
        },
      },
      { name: 'deep quotes', make: (n) => `# Night Ferries\n\n${fill('>', n)} a\n` },
      {
        name: 'quote, lazy lines (remark)',
        remark: true,
        make: (n) => `# Night Ferries\n\n> a\n${times('a\n', n)}`,
      },
      { name: 'unclosed [ then words', make: (n) => `# Night Ferries\n\n[${words(n)}` },
      { name: 'literal links', make: (n) => `# Night Ferries\n\n${times('www.a.b/(c). ', n)}` },
    ],
  },
  {
    parser: 'toMarkdown',
    entry: 'markdown.js',
    run: (api, input) => api.toMarkdown(input),
    shapes: [
      { name: 'line breaks', make: (n) => story([{ type: 'paragraph', text: times('a\n', n) }]) },
      { name: 'tiny paragraphs', make: (n) => story(paragraphs('Ab', n / 2)) },
      { name: 'long paragraph', make: (n) => story(paragraphs(words(n), 1)) },
      { name: 'markdown specials', make: (n) => story(paragraphs(fill('*_[]<>#`\\|~', n), 1)) },
      { name: 'long headline', make: (n) => story(paragraphs('Text.', 1), { headline: words(n) }) },
      {
        name: 'caption specials',
        make: (n) => story([{ type: 'figure', caption: { text: fill('x\n\n[a](b) # H ', n) } }]),
      },
      {
        name: 'contributors',
        make: (n) =>
          story(paragraphs('Text.', 1), {
            byline: {
              text: 'By many',
              contributors: Array.from({ length: Math.max(1, Math.floor(n / 10)) }, (_, i) => ({
                name: `Ana Ruiz ${i}`,
                type: 'Person',
                role: 'author',
              })),
            },
          }),
      },
    ],
  },
  {
    parser: 'toJsonLd',
    entry: 'index.js',
    run: (api, input) => api.toJsonLd(input),
    shapes: [
      { name: 'tiny paragraphs', make: (n) => story(paragraphs('Ab', n / 2)) },
      { name: 'long paragraph', make: (n) => story(paragraphs(words(n), 1)) },
      {
        name: 'keywords',
        make: (n) =>
          story(paragraphs('Text.', 1), {
            keywords: Array.from({ length: Math.max(1, Math.floor(n / 6)) }, (_, i) => `k${i}`),
          }),
      },
    ],
  },
  {
    parser: 'toJsonLdScript',
    entry: 'index.js',
    run: (api, input) => api.toJsonLdScript(input),
    shapes: [
      { name: 'script breakers', make: (n) => story(paragraphs(fill('</script><!--<', n), 1)) },
    ],
  },
  {
    parser: 'fromJsonLd',
    entry: 'index.js',
    run: (api, input) => api.fromJsonLd(input),
    shapes: [
      {
        floor: JSON.parse,
        name: 'long articleBody',
        make: (n) => jsonLd({ articleBody: words(n) }),
      },
      {
        floor: JSON.parse,
        name: 'many keys',
        make: (n) => {
          const more = {};
          for (let i = 0; i < n / 12; i++) more[`k${i}`] = i;
          return jsonLd(more);
        },
      },
      {
        floor: JSON.parse,
        name: 'deep nesting',
        make: (n) => jsonLd({}).replace('{', `{"x":${nested(Math.floor(n / 6))},`),
      },
      {
        floor: JSON.parse,
        name: 'many authors',
        make: (n) =>
          jsonLd({
            author: Array.from({ length: Math.max(1, Math.floor(n / 40)) }, (_, i) => ({
              '@type': 'Person',
              name: `Ana Ruiz ${i}`,
            })),
          }),
      },
      {
        // Object input: one person listed n/4 times, its name after n/4 blank strings.
        name: 'one person shared (obj)',
        make: (n) => {
          const quarter = Math.max(1, Math.floor(n / 4));
          const name = [...Array.from({ length: quarter }, () => ' '), 'Ana Ruiz'];
          const person = { '@type': 'Person', name };
          return {
            ...JSON.parse(jsonLd({})),
            author: Array.from({ length: quarter }, () => person),
          };
        },
      },
      {
        floor: JSON.parse,
        name: '@graph nodes',
        make: (n) =>
          JSON.stringify({
            '@context': 'https://schema.org',
            '@graph': [
              ...Array.from({ length: Math.max(1, Math.floor(n / 40)) }, (_, i) => ({
                '@id': `#p${i}`,
                '@type': 'Person',
                name: `P ${i}`,
              })),
              { '@type': 'NewsArticle', headline: 'Night Ferries', author: { '@id': '#p0' } },
            ],
          }),
      },
      { name: 'unclosed strings', make: (n) => `{"headline": "${fill('\\"', n)}` },
    ],
  },
  {
    parser: 'extractJsonLd',
    entry: 'index.js',
    run: (api, input) => api.extractJsonLd(input),
    shapes: [
      { name: 'many scripts', make: (n) => times(script(jsonLd({})), n), floor: scriptsFloor },
      { name: 'unclosed <script', make: (n) => fill('<script type="application/ld+json">', n) },
      { name: 'comments', make: (n) => fill('<!--', n) },
      {
        name: 'long script',
        make: (n) => script(jsonLd({ articleBody: words(n) })),
        floor: scriptsFloor,
      },
      { name: 'tags', make: (n) => fill('<div a=b>', n) },
    ],
  },
  {
    parser: 'validateArticle',
    entry: 'index.js',
    run: (api, input) => api.validateArticle(input),
    shapes: [
      { name: 'tiny paragraphs', make: (n) => story(paragraphs('Ab', n / 2)) },
      {
        name: 'javascript: spellings',
        make: (n) =>
          story([
            {
              type: 'paragraph',
              text: [{ type: 'link', url: `java${fill('&#9;', n)}script:x`, text: 'a' }],
            },
          ]),
      },
    ],
  },
  {
    parser: 'lintArticle',
    entry: 'index.js',
    run: (api, input) => api.lintArticle(input, { now: '2026-03-11T00:00:00Z' }),
    shapes: [
      { name: 'tiny paragraphs', make: (n) => story(paragraphs('Ab', n / 2)) },
      { name: 'long paragraph', make: (n) => story(paragraphs(words(n), 1)) },
    ],
  },
  fieldParser('parseByline', (api, input) => api.parseByline(input)),
  fieldParser('looksLikeByline', (api, input) => api.looksLikeByline(input)),
  fieldParser('parseCaption', (api, input) => api.parseCaption(input)),
  fieldParser('parseCredit', (api, input) => api.parseCredit(input)),
  fieldParser('parseDate', (api, input) => api.parseDate(input)),
  fieldParser('findDate', (api, input) =>
    api.findDate(input, { referenceDate: '2026-03-10T12:00:00Z' }),
  ),
  fieldParser('parseDateline', (api, input) => api.parseDateline(input)),
  fieldParser('parseBreadcrumb', (api, input) =>
    api.parseBreadcrumb(input, { headline: 'Night Ferries' }),
  ),
  fieldParser('toNameCase', (api, input) => api.toNameCase(input)),
  {
    // Ready for src/html: rows are skipped until the build exports parseHtml.
    parser: 'parseHtml',
    entry: 'html.js',
    run: (api, input) => api.parseHtml(input),
    shapes: [
      { name: 'tiny paragraphs', make: (n) => `<h1>Night Ferries</h1>${times('<p>Ab</p>', n)}` },
      { name: 'deep nesting', make: (n) => `<h1>Night Ferries</h1>${fill('<div>', n)}` },
      { name: 'unclosed tags', make: (n) => `<h1>Night Ferries</h1>${fill('<p', n)}` },
      { name: 'comments', make: (n) => `<h1>Night Ferries</h1>${fill('<!--', n)}` },
      { name: 'many attributes', make: (n) => `<h1>Night Ferries</h1><p ${fill('a=b ', n)}>x</p>` },
    ],
  },
];

const floorName = (floor) =>
  floor === JSON.parse
    ? 'JSON.parse'
    : floor === linesFloor
      ? 'one object per line'
      : 'JSON.parse of each script';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * CPU milliseconds of one call, the fastest of several: calls too short to time are batched;
 * a call that takes over half a second is timed twice (the warm-up counts), others for about
 * 300 ms of runs.
 */
function measure(call) {
  globalThis.gc?.();
  let start = cpuMs();
  call();
  let best = cpuMs() - start;
  // A call of seconds is timed once: compiling is a small part of it.
  if (best > 2000) return best;
  if (best > 500) {
    start = cpuMs();
    call();
    return Math.min(best, cpuMs() - start);
  }
  best = Number.POSITIVE_INFINITY;
  let batch = 1;
  let rounds = 0;
  const until = performance.now() + 300;
  while (rounds < 3 || (performance.now() < until && rounds < 50)) {
    start = cpuMs();
    for (let i = 0; i < batch; i++) call();
    const spent = cpuMs() - start;
    if (spent < 5 && batch < 1_000_000) {
      batch *= 4;
      continue;
    }
    best = Math.min(best, spent / batch);
    rounds++;
  }
  return best;
}

const format = (ms) =>
  ms >= 1000
    ? `${(ms / 1000).toFixed(2)} s`
    : ms >= 1
      ? `${ms.toFixed(1)} ms`
      : `${(ms * 1000).toFixed(0)} µs`;

const header = [
  'parser',
  'shape',
  ...sizes.map(
    (size) => `@${size.toExponential(Number.isInteger(Math.log10(size)) ? 0 : 1).replace('+', '')}`,
  ),
  'worst ×/10×',
  '÷ floor',
];
const widths = [16, 26, ...sizes.map(() => 9), 12, 8];
const line = (cells) =>
  cells
    .map((cell, column) =>
      column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
    )
    .join('  ');
// Rows are printed as they are measured, so a long run shows its progress.
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
const failures = [];
/** Rows over 15× whose growth is the floor's (÷ floor ≤ 1.2): listed apart, still counted. */
const atFloors = [];
const skipped = [];
for (const { parser, entry, run, shapes } of cases) {
  if (!shapes.some((shape) => selected(parser, shape))) continue;
  const api = entries[entry];
  if (typeof api?.[parser] !== 'function') {
    skipped.push(parser);
    continue;
  }
  for (const shape of shapes) {
    if (!selected(parser, shape)) continue;
    const measured = row(parser, shape.name, shape.remark, (input) => run(api, input), shape.make);
    const { worst } = measured;
    let failure = `${parser} on ${shape.name}: ${worst.toFixed(1)}×`;
    let atFloor = false;
    if (shape.floor) {
      const floor = row(
        '  floor',
        floorName(shape.floor),
        false,
        shape.floor,
        shape.make,
        measured,
      );
      failure += ` (floor ${floor.worst.toFixed(1)}×, ÷ floor ${floor.overFloor.toFixed(2)})`;
      atFloor = floor.overFloor <= 1.2;
    }
    if (worst > 15 && !shape.remark) (atFloor ? atFloors : failures).push(failure);
  }
}
/**
 * Measure one row and print it. Returns its worst ratio per 10× with the ratio of every step;
 * given `shape` (the measured row of the shape a floor belongs to), also `overFloor`: the
 * shape's ratio divided by this row's between the same sizes, at the shape's worst step.
 */
function row(parser, name, remark, call, make, shape) {
  const cells = [];
  const ratios = [];
  let previous;
  let previousSize;
  let growth = 10; // per 10× of input
  for (const size of sizes) {
    const steps = previousSize === undefined ? 1 : Math.log10(size / previousSize);
    if (previous !== undefined && (previous * growth ** steps) / 1000 > budgetSeconds) {
      cells.push(`>${budgetSeconds}s`);
      ratios.push(growth);
      continue;
    }
    const input = make(size);
    const ms = measure(() => call(input));
    if (previous !== undefined) {
      growth = (ms / previous) ** (1 / steps);
      ratios.push(growth);
    }
    previous = ms;
    previousSize = size;
    cells.push(format(ms));
  }
  const worst = ratios.length > 0 ? Math.max(...ratios) : 0;
  const mark = worst > 15 && parser !== '  floor' ? (remark ? ' (remark)' : ' ✗') : '';
  let overFloor = Number.NaN;
  const extra = [];
  if (shape !== undefined && shape.ratios.length > 0) {
    const step = shape.ratios.indexOf(shape.worst);
    overFloor = shape.worst / (ratios[step] ?? Number.NaN);
    extra.push(Number.isFinite(overFloor) ? overFloor.toFixed(2) : '-');
  }
  console.log(line([parser, name, ...cells, `${worst.toFixed(1)}×${mark}`, ...extra]));
  return { worst, ratios, overFloor };
}
console.log(
  `\nTime per call (CPU, fastest run) at each input size in characters, and the largest ratio between two sizes 10× apart. Goal: ≤ 15× (remark-parse's shapes excepted).`,
);
if (skipped.length > 0) console.log(`Not in this build: ${skipped.join(', ')}.`);
if (atFloors.length > 0) {
  console.log(
    `Over 15× per 10× as fast as their floor grows (÷ floor ≤ 1.2: the engine's growth on that input, not ours): ${atFloors.join('; ')}.`,
  );
}
if (failures.length > 0) console.log(`Over 15× per 10×: ${failures.join('; ')}.`);
if (failures.length + atFloors.length > 0) process.exitCode = 1;
else console.log('Every shape within 15× per 10×.');
