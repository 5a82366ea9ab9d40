// JSON-LD output speed, side by side in one run:
//   1. nutgraf `toJsonLd` + `serializeJsonLd` (a single NewsArticle node) against the same
//      object written by hand and passed to `JSON.stringify` (target: within 3×);
//   2. nutgraf `toJsonLd({ graph: true })` + `serializeJsonLd` against @unhead/schema-org
//      building the equivalent NewsArticle graph (WebSite, WebPage, BreadcrumbList, article,
//      authors, publisher) with its resolver and no framework: `createSchemaOrgGraph()`,
//      `define*()` nodes, `resolveGraph(meta)`, then `JSON.stringify` with unhead's `<` escape
//      (target: faster); and through unhead's own server renderer (`createHead`,
//      `useSchemaOrg`, `renderSSRHead`), which is how it is normally used;
//   3. for information, the readers: `fromJsonLd` and `extractJsonLd`.
//
//   NUTGRAF_DIST=/tmp/jsonld-dist/ node bench/jsonld.bench.mjs   # a private bundle
//   NUTGRAF_BENCH_TIME_MS=2000 node bench/jsonld.bench.mjs         # time per task (default 1000)
import { deepStrictEqual } from 'node:assert';
import {
  createSchemaOrgGraph,
  defineArticle,
  defineBreadcrumb,
  defineOrganization,
  defineWebPage,
  defineWebSite,
  useSchemaOrg,
} from '@unhead/schema-org';
import { Bench } from 'tinybench';

const dist = process.env.NUTGRAF_DIST ?? new URL('../dist/', import.meta.url).href;
const distUrl = dist.startsWith('file:')
  ? dist
  : new URL(`file://${dist.endsWith('/') ? dist : `${dist}/`}`).href;
const { toJsonLd, serializeJsonLd, fromJsonLd, extractJsonLd } = await import(
  new URL('jsonld.js', distUrl).href
);
const time = Number(process.env.NUTGRAF_BENCH_TIME_MS ?? 1000);

// An invented article of about 800 words, with the fields a newsroom CMS usually holds.
const sentence = 'The harbour board voted on Tuesday to keep the night ferries running until two.';
const body = [];
for (let index = 0; index < 50; index++) {
  body.push({ type: 'paragraph', text: `${sentence} Paragraph ${index + 1} adds detail.` });
  if (index % 10 === 9) body.push({ type: 'heading', level: 2, text: `Part ${index + 1}` });
}
body.push({
  type: 'figure',
  url: 'https://ledger.example/img/pier.jpg',
  caption: { text: 'Passengers queue at the pier.', credit: { text: 'Ledger staff' } },
});
const article = {
  headline: 'Harbour Authority Approves Night Ferries After Two-Year Trial',
  description: 'The port board voted 7-2 to keep the late crossings that started as a pilot.',
  url: 'https://ledger.example/news/2026/03/10/night-ferries',
  type: 'NewsArticle',
  language: 'en-GB',
  section: {
    name: 'Harbour',
    path: ['Local', 'Harbour'],
    url: 'https://ledger.example/local/harbour',
  },
  byline: {
    contributors: [
      {
        name: 'Dana Whitfield',
        type: 'Person',
        role: 'author',
        jobTitle: 'Staff Writer',
        url: 'https://ledger.example/staff/dana',
      },
      {
        name: 'Omar Haddad',
        type: 'Person',
        role: 'author',
        url: 'https://ledger.example/staff/omar',
      },
    ],
  },
  datePublished: '2026-03-10T18:05:00-05:00',
  dateModified: '2026-03-11T09:30:00-05:00',
  image: {
    url: 'https://ledger.example/img/ferry-16x9.jpg',
    caption: {
      text: 'The ferry leaves at 1 a.m.',
      credit: { text: 'Lena Moritz/Ledger', creator: 'Lena Moritz' },
    },
    width: 1600,
    height: 900,
  },
  body,
  keywords: ['ferries', 'Port Meridian', 'transport'],
  publisher: {
    name: 'The Meridian Ledger',
    url: 'https://ledger.example/',
    logo: { url: 'https://ledger.example/logo.png', width: 600, height: 120 },
  },
};

/** A word count as a site would write it, for the hand-written object and for unhead. */
function wordsByHand(a) {
  let words = 0;
  for (const block of a.body) {
    if (block.type === 'paragraph' || block.type === 'heading') {
      for (const word of block.text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(word)) words++;
    }
  }
  return words;
}

/** The same single node, written by hand: what a site would do without nutgraf. */
function byHand(a, words = wordsByHand(a)) {
  const figures = a.body.filter((block) => block.type === 'figure');
  const image = (img, lead) => ({
    '@type': 'ImageObject',
    url: img.url,
    contentUrl: img.url,
    ...(img.width ? { width: img.width, height: img.height } : {}),
    caption: img.caption.text,
    creditText: img.caption.credit.text,
    ...(img.caption.credit.creator
      ? { creator: { '@type': 'Person', name: img.caption.credit.creator } }
      : {}),
    representativeOfPage: lead,
  });
  return {
    '@context': 'https://schema.org',
    '@type': a.type,
    '@id': `${a.url}#article`,
    headline: a.headline,
    description: a.description,
    url: a.url,
    isPartOf: {
      '@type': 'CollectionPage',
      '@id': a.section.url,
      url: a.section.url,
      name: a.section.name,
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    inLanguage: a.language,
    datePublished: a.datePublished,
    dateModified: a.dateModified,
    author: a.byline.contributors.map((person) => ({
      '@type': 'Person',
      name: person.name,
      ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
      url: person.url,
    })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: a.publisher.name,
      url: a.publisher.url,
      logo: {
        '@type': 'ImageObject',
        url: a.publisher.logo.url,
        contentUrl: a.publisher.logo.url,
        width: 600,
        height: 120,
      },
    },
    articleSection: a.section.path,
    image: [image(a.image, true), ...figures.map((figure) => image(figure, false))],
    keywords: a.keywords,
    wordCount: words,
  };
}

/** The equivalent graph through @unhead/schema-org's resolver, no framework. */
function unheadNodes(a) {
  return [
    defineOrganization({
      name: a.publisher.name,
      url: a.publisher.url,
      logo: a.publisher.logo.url,
    }),
    defineWebSite({ name: a.publisher.name, url: a.publisher.url }),
    defineWebPage({ name: a.headline, url: a.url }),
    defineBreadcrumb({
      itemListElement: [
        { name: a.publisher.name, item: a.publisher.url },
        { name: 'Local' },
        { name: 'Harbour', item: a.section.url },
        { name: a.headline, item: a.url },
      ],
    }),
    defineArticle({
      '@type': 'NewsArticle',
      headline: a.headline,
      description: a.description,
      datePublished: a.datePublished,
      dateModified: a.dateModified,
      inLanguage: a.language,
      articleSection: a.section.path,
      keywords: a.keywords,
      author: a.byline.contributors.map((person) => ({ name: person.name, url: person.url })),
      image: [a.image.url, 'https://ledger.example/img/pier.jpg'],
      wordCount: wordsByHand(a),
    }),
  ];
}
const unheadMeta = {
  host: 'https://ledger.example',
  path: '/news/2026/03/10/night-ferries',
  inLanguage: 'en-GB',
};
function unheadResolver(a) {
  const graph = createSchemaOrgGraph();
  graph.push(unheadNodes(a));
  const nodes = graph.resolveGraph({ ...unheadMeta });
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': nodes }).replace(
    /</g,
    '\\u003C',
  );
}
// `unhead` is a dependency of @unhead/schema-org (hoisted by npm); the row is skipped if it
// cannot be imported.
const unheadCore = await import('unhead/server').catch(() => undefined);
async function unheadServer(a) {
  const { createHead, renderSSRHead } = unheadCore;
  const head = createHead();
  useSchemaOrg(head, unheadNodes(a));
  head.push({ link: [{ rel: 'canonical', href: a.url }] });
  return (await renderSSRHead(head)).bodyTags;
}

// Check the comparisons are fair before timing them.
deepStrictEqual(JSON.parse(JSON.stringify(byHand(article))), toJsonLd(article));
const unheadGraph = JSON.parse(unheadResolver(article))['@graph'];
const unheadTypes = unheadGraph.flatMap((node) => node['@type']);
for (const type of [
  'WebSite',
  'WebPage',
  'BreadcrumbList',
  'NewsArticle',
  'Person',
  'Organization',
]) {
  if (!unheadTypes.includes(type)) throw new Error(`unhead graph lacks ${type}: ${unheadTypes}`);
}
if (unheadCore && !(await unheadServer(article)).includes('NewsArticle'))
  throw new Error('unhead SSR lost the article');

const page = `<!doctype html><html><head><title>x</title>${'<meta name="x" content="y">'.repeat(50)}<script type="application/ld+json">${serializeJsonLd(toJsonLd(article, { graph: true }))}</script></head><body>${'<p>Story text. </p>'.repeat(2000)}</body></html>`;
const graphText = serializeJsonLd(toJsonLd(article, { graph: true }));

const knownWords = wordsByHand(article);
// The same article without its body: the mapping and escaping alone, no text to count.
const metadataOnly = { ...article, body: [] };
deepStrictEqual(JSON.parse(JSON.stringify(byHand(metadataOnly))), toJsonLd(metadataOnly));
const bench = new Bench({ time, warmupTime: 300 });
bench
  .add('by hand + JSON.stringify (single node)', () => JSON.stringify(byHand(article)))
  .add('by hand + JSON.stringify (word count known)', () =>
    JSON.stringify(byHand(article, knownWords)),
  )
  .add('nutgraf toJsonLd + serializeJsonLd (single node)', () => serializeJsonLd(toJsonLd(article)))
  .add('by hand + JSON.stringify (no body)', () => JSON.stringify(byHand(metadataOnly)))
  .add('nutgraf toJsonLd + serializeJsonLd (no body)', () =>
    serializeJsonLd(toJsonLd(metadataOnly)),
  )
  .add('nutgraf toJsonLd({ graph }) + serializeJsonLd', () =>
    serializeJsonLd(toJsonLd(article, { graph: true })),
  )
  .add('@unhead/schema-org resolveGraph + JSON.stringify', () => unheadResolver(article));
if (unheadCore) {
  bench.add('@unhead/schema-org via createHead + renderSSRHead', () => unheadServer(article));
}
bench
  .add('nutgraf fromJsonLd (graph text)', () => fromJsonLd(graphText))
  .add('nutgraf extractJsonLd (page)', () => extractJsonLd(page));
await bench.run();

// Medians: the machine is shared, and the median latency is the figure least moved by noise.
const ops = Object.fromEntries(
  bench.tasks.map((task) => [task.name, 1000 / task.result.latency.p50]),
);
const rows = bench.tasks.map((task) => ({
  task: task.name,
  'ops/s (median)': Math.round(1000 / task.result.latency.p50).toLocaleString('en'),
  'median µs': (task.result.latency.p50 * 1000).toFixed(1),
  'mean µs': (task.result.latency.mean * 1000).toFixed(1),
  samples: task.result.latency.samplesCount ?? task.runs,
}));
console.table(rows);
const hand = ops['by hand + JSON.stringify (single node)'];
const handKnown = ops['by hand + JSON.stringify (word count known)'];
const single = ops['nutgraf toJsonLd + serializeJsonLd (single node)'];
const graph = ops['nutgraf toJsonLd({ graph }) + serializeJsonLd'];
const handNoBody = ops['by hand + JSON.stringify (no body)'];
const noBody = ops['nutgraf toJsonLd + serializeJsonLd (no body)'];
const unhead = ops['@unhead/schema-org resolveGraph + JSON.stringify'];
const unheadSsr = ops['@unhead/schema-org via createHead + renderSSRHead'];
/** `x` as "n× the time of" a baseline: above 1 is slower. */
const times = (baseline, x) => (baseline / x).toFixed(2);
console.log(
  `\nnutgraf single node: ${times(hand, single)}× the time of the hand-written object (word count included), ` +
    `${times(handKnown, single)}× (word count given for free); target within 3×: ${hand / single <= 3 ? 'OK' : 'MISSED'} with the count, ${handKnown / single <= 3 ? 'OK' : 'MISSED'} without`,
);
console.log(
  `nutgraf without a body (mapping and escaping only): ${times(handNoBody, noBody)}× the time of the hand-written object; target within 3×: ${handNoBody / noBody <= 3 ? 'OK' : 'MISSED'}`,
);
console.log(
  `nutgraf graph: ${(graph / unhead).toFixed(2)}× as fast as the @unhead/schema-org resolver (target: faster) ${graph > unhead ? 'OK' : 'MISSED'}`,
);
if (unheadSsr !== undefined) {
  console.log(
    `nutgraf graph: ${(graph / unheadSsr).toFixed(2)}× as fast as @unhead/schema-org through its server renderer`,
  );
}
console.log(
  `extractJsonLd: ${((page.length / 1e6) * ops['nutgraf extractJsonLd (page)']).toFixed(0)} MB/s on a ${(page.length / 1024).toFixed(0)} KiB page`,
);
