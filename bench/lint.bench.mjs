// lintArticle throughput: articles per second and MB/s (of the article as JSON), next to
// validateArticle alone, which lintArticle runs first, so the ratio is the cost of the rules.
//
//   npm run bench -- lint
//   NUTGRAF_DIST=/tmp/lint-dist/ node bench/lint.bench.mjs
import { Bench } from 'tinybench';

const dist = process.env.NUTGRAF_DIST ?? new URL('../dist/', import.meta.url).href;
const base = dist.endsWith('/') ? dist : `${dist}/`;
const { lintArticle } = await import(
  new URL('lint.js', base.includes('://') ? base : `file://${base}`).href
);
const { validateArticle } = await import(
  new URL('schema.js', base.includes('://') ? base : `file://${base}`).href
);

const NOW = '2026-11-25T12:00:00Z';

/** An invented article with `paragraphs` paragraphs, a figure every tenth block and `authors` authors. */
function article(paragraphs, authors) {
  const body = [];
  for (let i = 0; i < paragraphs; i++) {
    const text = `Paragraph ${i}: the port board voted on Tuesday to run ferries after midnight, ending a year of complaints from shift workers on the island.`;
    body.push({
      type: 'paragraph',
      text,
      content: [
        { type: 'text', value: `Paragraph ${i}: the ` },
        {
          type: 'link',
          url: 'https://ledger.example/tags/port-board',
          children: [{ type: 'text', value: 'port board' }],
        },
        { type: 'text', value: text.slice(`Paragraph ${i}: the port board`.length) },
      ],
    });
    if (i % 10 === 9) {
      body.push({
        type: 'figure',
        url: `https://ledger.example/img/${i}.jpg`,
        alt: 'A ferry at dusk',
        caption: { text: 'The evening ferry.', credit: { text: 'Maya Lind/Daily Ledger' } },
      });
    }
  }
  return {
    headline: 'Harbour Authority Approves Night Ferries',
    description: 'The port board voted to run ferries after midnight from June.',
    language: 'en',
    section: { name: 'Local' },
    byline: {
      contributors: Array.from({ length: authors }, (_, i) => ({
        name: i === 0 ? 'By Dana Whitfield' : `Reporter Number${i} Smith`,
      })),
    },
    datePublished: '2026-03-10T18:05:00-05:00',
    dateModified: '2026-03-11T09:30:00-05:00',
    image: { url: 'https://ledger.example/img/lead.jpg', width: 1600, height: 900, alt: 'A ferry' },
    body,
  };
}

const cases = [
  ['short (5 paragraphs, 1 author)', article(5, 1)],
  ['long (500 paragraphs, 10 authors)', article(500, 10)],
];

const rows = [];
for (const [name, value] of cases) {
  const bytes = Buffer.byteLength(JSON.stringify(value));
  const bench = new Bench({ time: 1000, warmupTime: 200 });
  bench
    .add('lintArticle', () => lintArticle(value, { now: NOW }))
    .add('lintArticle strict', () => lintArticle(value, { now: NOW, preset: 'strict' }))
    .add('validateArticle', () => validateArticle(value));
  await bench.run();
  const hz = Object.fromEntries(
    bench.tasks.map((task) => [task.name, task.result.throughput?.mean ?? task.result.hz]),
  );
  for (const task of bench.tasks) {
    const ops = hz[task.name];
    rows.push({
      article: name,
      task: task.name,
      'ops/s': Math.round(ops).toLocaleString('en-US'),
      'MB/s': ((ops * bytes) / 1e6).toFixed(1),
      'time vs validate': (hz.validateArticle / ops).toFixed(2),
    });
  }
}
console.table(rows);
