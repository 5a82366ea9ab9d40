// Readability 0.6 on linkedom, behind the scorers' `parseHtml` interface, so that
// `score-text.mjs` / `score-pages.mjs --input html --module bench/readability-adapter.mjs`
// measure the peer on the same pages with the same metrics as nutgraf:
//   headline ← title, byline ← one contributor named with Readability's byline string (as it
//   returns it), datePublished ← publishedTime, body ← one paragraph per line of textContent.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export function parseHtml(html) {
  const text = typeof html === 'string' ? html : new TextDecoder().decode(html);
  const { document } = parseHTML(text);
  const result = new Readability(document).parse();
  if (!result) return { diagnostics: [] };
  const body = (result.textContent ?? '')
    .split(/\n+/u)
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph', text: line }));
  const article = { headline: result.title ?? '', body };
  if (result.byline)
    article.byline = { contributors: [{ name: result.byline, type: 'Person', role: 'author' }] };
  if (result.publishedTime) article.datePublished = result.publishedTime;
  return { article, diagnostics: [] };
}
