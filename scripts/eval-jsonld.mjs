#!/usr/bin/env node
// eval-jsonld.mjs: does fromJsonLd read a real page's ld+json article as the page wrote it?
//
// For every ../shared/corpus/{readability,mercury,aeb,trafilatura}/*/source.html that holds an
// article-like ld+json node, compares `fromJsonLd(values of extractJsonLd(html))` with an
// independent plain reading of the same page: the ld+json blocks found by a plain regular
// expression, a CDATA or comment wrapper cut off, `JSON.parse`, the page's article node (the first
// article node at the top of a block or of its @graph, else a WebPage's mainEntity, else the first
// article node anywhere) and its headline, author names and datePublished, normalized:
//
// - headline: character references decoded (the `entities` package), NFKC, white space collapsed;
//   equal as strings.
// - authors: every name of the node's `author` (strings, nodes, nested arrays, @id references),
//   references decoded, each as a set of lower-case words (punctuation dropped). They agree when
//   every page entry is matched by one of our names whose words it holds, and each of our names
//   has its words in one page entry: so `By A and B, Associated Press` read as A and B (with the
//   job title or outlet moved out of the name) agrees, while a name lost, added or altered does
//   not. `authors (all words)` is the stricter count: the same set of words on both sides.
// - datePublished: with a zone on the page (`Z`, `±hh:mm`, `GMT`, …), the same instant (and ours has
//   a time); without one, the same calendar date.
//
// Prints the agreement per field and the failures (with --verbose, every failure; else 15 each).
// A datePublished failure notes when another article node of the same page holds our value (a
// page that contradicts itself: the failure still counts).
// Skips (exit 0) when the corpus is absent. Needs `npm run build` first (reads dist/jsonld.js).
//
// Usage: node scripts/eval-jsonld.mjs [--verbose] [--json] [--corpora aeb,trafilatura]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeHTML } from 'entities';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpus = path.resolve(root, '../shared/corpus');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const json = args.includes('--json');
const corporaArg = args[args.indexOf('--corpora') + 1];
const corpora =
  args.includes('--corpora') && corporaArg
    ? corporaArg.split(',')
    : ['readability', 'mercury', 'aeb', 'trafilatura'];

if (!fs.existsSync(corpus)) {
  console.log(`eval-jsonld: skipped (${corpus} not found)`);
  process.exit(0);
}
const dist = process.env.NUTGRAF_DIST ?? path.join(root, 'dist');
const { extractJsonLd, fromJsonLd } = await import(
  pathToFileURL(path.join(path.resolve(dist), 'jsonld.js')).href
);

// ---------------------------------------------------------------------------------------------
// Bytes to text: the page's declared charset (as the corpus stores the original bytes).

function decodePage(bytes) {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

// ---------------------------------------------------------------------------------------------
// The plain reading.

const scriptPattern =
  /<script\b[^>]*?\btype\s*=\s*["']?\s*application\/ld\+json\s*["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;
const wrapperStart = /^\s*(?:\/\/\s*|\/\*\s*)?(?:<!\[CDATA\[|<!--)(?:\s*\*\/)?/;
const wrapperEnd = /(?:\/\/\s*|\/\*\s*)?(?:\]\]>|-->)(?:\s*\*\/)?\s*$/;
const articleType = /(?:Article|BlogPosting|^Report)$/;

function plainValues(html) {
  const values = [];
  let invalid = 0;
  for (const match of html.matchAll(scriptPattern)) {
    const text = match[1].replace(wrapperStart, '').replace(wrapperEnd, '').trim();
    if (text === '') continue;
    try {
      values.push(JSON.parse(text));
    } catch {
      // Raw line breaks and tabs inside strings are the common damage: try once without them.
      try {
        values.push(JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ')));
      } catch {
        invalid++;
      }
    }
  }
  return { values, invalid };
}

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const typesOf = (node) =>
  (Array.isArray(node['@type']) ? node['@type'] : [node['@type']])
    .filter((type) => typeof type === 'string')
    .map((type) => type.replace(/^(?:schema:|https?:\/\/schema\.org\/)/, ''));
const isArticle = (node) => isObject(node) && typesOf(node).some((type) => articleType.test(type));
const hasHeadline = (node) => node.headline !== undefined || node.name !== undefined;

function plainArticle(values) {
  const top = [];
  const ids = new Map();
  const addTop = (value) => {
    if (Array.isArray(value)) for (const item of value) addTop(item);
    else if (isObject(value)) {
      if (Array.isArray(value['@graph']) || isObject(value['@graph'])) addTop(value['@graph']);
      top.push(value);
    }
  };
  for (const value of values) addTop(value);
  const all = [];
  const seen = new Set();
  const walk = (value, depth) => {
    if (depth > 50 || typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    all.push(value);
    if (typeof value['@id'] === 'string' && Object.keys(value).length > 1)
      ids.set(value['@id'], value);
    for (const item of Object.values(value)) walk(item, depth + 1);
  };
  for (const value of values) walk(value, 0);
  const resolve = (value) =>
    isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length <= 2
      ? (ids.get(value['@id']) ?? value)
      : value;
  const node =
    top.find((item) => isArticle(item) && hasHeadline(item)) ??
    top
      .filter((item) => typesOf(item).some((type) => /Page$/.test(type)))
      .map((item) => resolve(item.mainEntity))
      .find((item) => isArticle(item) && hasHeadline(item)) ??
    all.find((item) => isArticle(item) && hasHeadline(item));
  const others = all.filter((item) => item !== node && isArticle(item) && hasHeadline(item));
  return node === undefined ? undefined : { node, resolve, others };
}

/** Our values are compared as they are: only the page's are decoded. */
const normalize = (text) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();
const clean = (text) => normalize(decodeHTML(text));
const firstText = (value) => {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(firstText).find((text) => text !== undefined);
  if (isObject(value)) return firstText(value['@value'] ?? value.name);
  return undefined;
};
const wordsOf = (name, decode) =>
  (decode ? clean(name) : normalize(name))
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== '');
/** Whether our names and the page's entries name the same people (see the header). */
function namesAgree(pageNames, ourNames) {
  const page = pageNames.map((name) => new Set(wordsOf(name, true)));
  const ours = ourNames.map((name) => wordsOf(name, false));
  const within = (words, entry) => words.length > 0 && words.every((word) => entry.has(word));
  return (
    page.every((entry) => ours.some((words) => within(words, entry))) &&
    ours.every((words) => page.some((entry) => within(words, entry)))
  );
}
const nameWords = (names, decode = true) =>
  [
    ...new Set(
      names
        .flatMap((name) =>
          (decode ? clean(name) : normalize(name)).toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u),
        )
        .filter((word) => word !== '' && word !== 'by' && word !== 'and'),
    ),
  ].sort();

function plainAuthors({ node, resolve }) {
  const names = [];
  const visit = (value, depth) => {
    if (depth > 10) return;
    const item = resolve(value);
    if (typeof item === 'string') names.push(item);
    else if (Array.isArray(item)) for (const each of item) visit(each, depth + 1);
    else if (isObject(item)) {
      const name =
        firstText(item.name) ??
        [item.givenName, item.familyName].filter((part) => typeof part === 'string').join(' ');
      if (name) names.push(name);
    }
  };
  visit(node.author ?? node.creator, 0);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Dates.

const zoned = /(?:[zZ]|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT)(?:[+-]\d{1,4})?)$/;
const isoDay = /^(\d{4})-(\d{2})-(\d{2})/;

function dateAgrees(page, ours) {
  if (ours === undefined) return false;
  const text = page.trim();
  const instant = Date.parse(text.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T'));
  if (zoned.test(text) && Number.isFinite(instant)) {
    return ours.includes('T') && Date.parse(ours) === instant;
  }
  const day = isoDay.exec(text);
  const expected = day
    ? day.slice(1, 4).join('-')
    : Number.isFinite(instant)
      ? new Date(instant).toISOString().slice(0, 10)
      : undefined;
  return expected !== undefined && ours.slice(0, 10) === expected;
}

// ---------------------------------------------------------------------------------------------

process.env.TZ = 'UTC';
/** The roles `author` is read as (`contributor`, `editor` and `translator` are other properties). */
const authorRoles = new Set(['author', 'reporter', 'writer']);
const fields = ['headline', 'authors', 'authorWords', 'datePublished'];
const results = { pages: 0, withJsonLd: 0, withArticle: 0, invalidOnly: 0 };
const totals = Object.fromEntries(fields.map((field) => [field, { compared: 0, agreed: 0 }]));
const failures = Object.fromEntries(fields.map((field) => [field, []]));
const noArticle = [];
let elapsed = 0;

for (const name of corpora) {
  const folder = path.join(corpus, name);
  if (!fs.existsSync(folder)) continue;
  for (const item of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, item, 'source.html');
    if (!fs.existsSync(file)) continue;
    results.pages++;
    const html = decodePage(fs.readFileSync(file));
    if (!/application\/ld\+json/i.test(html)) continue;
    results.withJsonLd++;
    const { values, invalid } = plainValues(html);
    const plain = plainArticle(values);
    if (plain === undefined) {
      if (invalid > 0) results.invalidOnly++;
      continue;
    }
    results.withArticle++;
    const id = `${name}/${item}`;
    const started = performance.now();
    const blocks = extractJsonLd(html).blocks;
    const { article } = fromJsonLd(
      blocks.map((block) => block.value).filter((value) => value !== undefined),
    );
    elapsed += performance.now() - started;
    if (article === undefined) noArticle.push(id);

    const pageHeadline = firstText(plain.node.headline) ?? firstText(plain.node.name);
    if (pageHeadline !== undefined && clean(pageHeadline) !== '') {
      totals.headline.compared++;
      const ours = article?.headline;
      if (ours !== undefined && normalize(ours) === clean(pageHeadline)) totals.headline.agreed++;
      else failures.headline.push({ id, page: clean(pageHeadline), ours });
    }

    const pageNames = plainAuthors(plain);
    const expected = nameWords(pageNames);
    if (expected.length > 0) {
      totals.authors.compared++;
      const ourNames = (article?.byline?.contributors ?? [])
        .filter((contributor) => authorRoles.has(contributor.role))
        .map((contributor) => contributor.name);
      if (namesAgree(pageNames, ourNames)) totals.authors.agreed++;
      else failures.authors.push({ id, page: pageNames, ours: ourNames });
      totals.authorWords.compared++;
      if (nameWords(ourNames, false).join(' ') === expected.join(' ')) totals.authorWords.agreed++;
      else failures.authorWords.push({ id, page: pageNames, ours: ourNames });
    }

    const pageDate = firstText(plain.node.datePublished);
    if (pageDate !== undefined && pageDate.trim() !== '') {
      totals.datePublished.compared++;
      if (dateAgrees(pageDate, article?.datePublished)) totals.datePublished.agreed++;
      else {
        // A page whose article nodes disagree: say when another of them holds what we read.
        const other = plain.others.find((item) => {
          const date = firstText(item.datePublished);
          return date !== undefined && dateAgrees(date, article?.datePublished);
        });
        failures.datePublished.push({
          id,
          page: pageDate,
          ours: article?.datePublished,
          ...(other === undefined
            ? {}
            : {
                note: `another article node of the page (${typesOf(other).join(', ')}) holds ${JSON.stringify(firstText(other.datePublished))}`,
              }),
        });
      }
    }
  }
}

const labels = { authorWords: 'authors (all words)' };
const rate = ({ compared, agreed }) => (compared === 0 ? 0 : agreed / compared);
if (json) {
  console.log(JSON.stringify({ ...results, totals, failures, noArticle }, null, 2));
} else {
  console.log(
    `eval-jsonld: ${results.pages} pages, ${results.withJsonLd} with ld+json, ${results.withArticle} with an article node (${results.invalidOnly} more whose only JSON is invalid); fromJsonLd + extractJsonLd ${elapsed.toFixed(0)} ms`,
  );
  for (const field of fields) {
    const total = totals[field];
    console.log(
      `  ${(labels[field] ?? field).padEnd(20)} ${(rate(total) * 100).toFixed(1).padStart(5)}%  (${total.agreed}/${total.compared})`,
    );
  }
  if (noArticle.length > 0) console.log(`  no article read: ${noArticle.join(', ')}`);
  for (const field of fields) {
    const list = verbose ? failures[field] : failures[field].slice(0, 15);
    if (list.length === 0) continue;
    console.log(`\n${field} failures (${failures[field].length}):`);
    for (const failure of list) {
      console.log(
        `  ${failure.id}\n    page: ${JSON.stringify(failure.page)}\n    ours: ${JSON.stringify(failure.ours)}${failure.note ? `\n    note: ${failure.note}` : ''}`,
      );
    }
  }
}
