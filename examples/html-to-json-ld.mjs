// A saved page to JSON-LD: read the bytes of an HTML page (its charset is honoured), get the
// article it shows with its metadata, and write the NewsArticle JSON-LD a CMS would embed.
// The page is invented (examples/site/).
import { readFileSync } from 'node:fs';
import { parseHtml, toJsonLdScript } from 'nutgraf';

const bytes = readFileSync(
  new URL('./site/2026/04/library-night-hours/index.html', import.meta.url),
);
const { article, diagnostics } = parseHtml(bytes, {
  url: 'https://courier.example/2026/04/library-night-hours/',
});

console.log(article.headline);
console.log(article.byline.contributors.map((c) => `${c.name} (${c.jobTitle})`).join(', '));
console.log(article.datePublished);
console.log(article.body.map((block) => block.type).join(' '));
const figure = article.body.find((block) => block.type === 'figure');
console.log(figure.url, '|', figure.caption.text, '|', figure.caption.credit.text);
console.log(`${diagnostics.filter((d) => d.severity !== 'info').length} warnings or errors`);
console.log(toJsonLdScript(article).slice(0, 120));
