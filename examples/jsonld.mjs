// Emit schema.org JSON-LD for an article as a safe <script> tag, then read JSON-LD back from
// a page: every block found, the article, and what could not be mapped, with positions.
import { extractJsonLd, fromJsonLd, toJsonLd, toJsonLdScript } from 'nutgraf/jsonld';

const article = {
  headline: 'Harbour Authority Approves Night Ferries </script><b>after two years</b>',
  url: 'https://ledger.example/news/2026/03/10/night-ferries',
  section: {
    name: 'Harbour',
    path: ['Local', 'Harbour'],
    url: 'https://ledger.example/local/harbour',
  },
  datePublished: '2026-03-10T18:05:00-05:00',
  byline: {
    contributors: [
      {
        name: 'Dana Whitfield',
        jobTitle: 'Staff Writer',
        url: 'https://ledger.example/staff/dana',
      },
      { name: 'Omar Haddad', role: 'reporter' },
    ],
  },
  image: {
    url: 'https://ledger.example/img/ferry.jpg',
    caption: {
      text: 'The 1 a.m. ferry.',
      credit: { text: 'Lena Moritz/Ledger', creator: 'Lena Moritz' },
    },
    width: 1600,
    height: 900,
  },
  publisher: { name: 'The Meridian Ledger', url: 'https://ledger.example/' },
  body: [
    { type: 'paragraph', text: 'The port board voted 7-2 on Tuesday to keep the night ferries.' },
  ],
};

// 1. One NewsArticle node; the headline's </script> is written as \u003c/script\u003e.
const tag = toJsonLdScript(article);
console.log(`${tag.slice(0, 220)}…`);
console.log(
  `  tag is ${tag.length} characters; "</script>" occurs ${tag.split('</script>').length - 1} time(s)`,
);

// 2. A linked @graph: which nodes it holds.
const graph = toJsonLd(article, { graph: true });
console.log(
  'graph nodes:',
  graph['@graph'].map((node) => `${node['@type']} ${node['@id']}`),
);

// 3. Read a page as sites write it: a Yoast-style graph with an author reference, an
//    offset-less date, and a broken block.
const page = `<!doctype html>
<html><head>
<script type="application/ld+json">
{"@context":"http://schema.org","@graph":[
  {"@type":["Article","NewsArticle"],"headline":"Lighthouse Keeper Retires","datePublished":"2026-04-02T07:15:00",
   "author":{"@id":"#rosa"},"speakable":{"@type":"SpeakableSpecification","cssSelector":[".lead"]}},
  {"@type":"Person","@id":"#rosa","name":"Rosa Ferreira","url":"https://tidewater.example/author/rosa/"}]}
</script>
<script type="application/ld+json">{"@type": "WebSite", "name": "Tidewater",}</script>
</head><body><p>…</p></body></html>`;

const { blocks, diagnostics } = extractJsonLd(page);
for (const block of blocks) {
  const { line, column } = block.position.start;
  console.log(`block at ${line}:${column}: ${block.value === undefined ? 'invalid JSON' : 'ok'}`);
}
for (const d of diagnostics)
  console.log(`  ${d.place.line}:${d.place.column} ${d.severity} ${d.message} [${d.ruleId}]`);

// Read the first block as text, so diagnostics point at their line and column in the page.
const [first] = blocks;
const result = fromJsonLd(first.text, { timeZone: 'Europe/Lisbon', start: first.position.start });
const read = result.article;
console.log(
  `read: “${read.headline}” (${read.type}) by ${read.byline.contributors.map((person) => person.name).join(', ')}, ${read.datePublished}`,
);
for (const d of result.diagnostics) {
  console.log(
    `  ${d.place.start.line}:${d.place.start.column} ${d.severity} ${d.message} [${d.ruleId}]`,
  );
}
