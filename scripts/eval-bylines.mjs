#!/usr/bin/env node
// eval-bylines.mjs: how many corpus bylines parseByline turns into the expected names.
//
// Reads ../shared/corpus/readability/*/expected-metadata.json (pages whose manifest `bylineQuality` is
// `person` or `person+extra`) and ../shared/corpus/mercury/*/expected.json (`author`), derives the
// expected names exactly as the official scorer does (it imports `deriveNames`, `tokenize` and
// `BYLINE_OVERRIDES` from ../shared/eval/score-text.mjs), and compares them with the names of
// `parseByline(byline).contributors`, minus organizations and photo/editor roles, as the scorer does.
// Skips (exit 0) when the corpus or the scorer is absent.
//
// Usage: node scripts/eval-bylines.mjs [--verbose] [--json]
//   NUTGRAF_DIST=/tmp/fields-dist/ node scripts/eval-bylines.mjs   (a private bundle instead of dist/)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpus = path.resolve(root, '../shared/corpus');
const scorerPath = path.resolve(root, '../shared/eval/score-text.mjs');
const verbose = process.argv.includes('--verbose');
const json = process.argv.includes('--json');

if (!fs.existsSync(corpus) || !fs.existsSync(scorerPath)) {
  console.log(`eval-bylines: skipped (${fs.existsSync(corpus) ? scorerPath : corpus} not found)`);
  process.exit(0);
}

const dist = process.env.NUTGRAF_DIST ?? new URL('../dist/', import.meta.url).href;
const distUrl = dist.startsWith('file:') ? dist : pathToFileURL(path.resolve(dist)).href;
const { parseByline } = await import(
  new URL('index.js', distUrl.endsWith('/') ? distUrl : `${distUrl}/`).href
);
const { deriveNames, tokenize, BYLINE_OVERRIDES } = await import(pathToFileURL(scorerPath).href);

const excludedRole = /photo|editor|edited/i;
const key = (name) => tokenize(name).join(' ');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function items() {
  const result = [];
  const manifest = readJson(path.join(corpus, 'readability/manifest.json'));
  for (const page of manifest.pages) {
    if (page.bylineQuality !== 'person' && page.bylineQuality !== 'person+extra') continue;
    const file = path.join(corpus, 'readability', page.name, 'expected-metadata.json');
    if (!fs.existsSync(file)) continue;
    const byline = readJson(file).byline;
    if (byline) result.push({ id: `readability/${page.name}`, byline });
  }
  for (const name of fs.readdirSync(path.join(corpus, 'mercury')).sort()) {
    const file = path.join(corpus, 'mercury', name, 'expected.json');
    if (!fs.existsSync(file)) continue;
    const author = readJson(file).author;
    if (typeof author === 'string' && author.trim())
      result.push({ id: `mercury/${name}`, byline: author });
  }
  return result;
}

const totals = {};
const misses = [];
for (const item of items()) {
  const corpusName = item.id.split('/')[0];
  totals[corpusName] ??= { items: 0, exact: 0, tp: 0, fp: 0, fn: 0, excluded: 0 };
  const total = totals[corpusName];
  const override = BYLINE_OVERRIDES[item.id];
  const expected = override ? override.names : deriveNames(item.byline);
  if (!expected || expected.length === 0) {
    total.excluded++;
    continue;
  }
  const predicted = parseByline(item.byline)
    .contributors.filter((c) => c.type !== 'Organization' && !excludedRole.test(c.role))
    .map((c) => c.name);
  const expectedKeys = new Set(expected.map(key));
  const predictedKeys = new Set(predicted.map(key).filter(Boolean));
  let tp = 0;
  for (const k of predictedKeys) if (expectedKeys.has(k)) tp++;
  const fp = predictedKeys.size - tp;
  const fn = expectedKeys.size - tp;
  total.items++;
  total.tp += tp;
  total.fp += fp;
  total.fn += fn;
  if (fp === 0 && fn === 0) total.exact++;
  else misses.push({ id: item.id, byline: item.byline, expected, predicted });
}

const rows = Object.entries(totals).map(([name, t]) => {
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 0;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { corpus: name, ...t, precision, recall, f1, exactRate: t.items ? t.exact / t.items : 0 };
});

if (json) {
  console.log(JSON.stringify({ rows, misses }, null, 1));
} else {
  console.log(
    'corpus       items  exact sets        names P / R / F1      (excluded: no person name)',
  );
  for (const r of rows) {
    console.log(
      `${r.corpus.padEnd(12)} ${String(r.items).padStart(5)}  ${`${r.exact}/${r.items} (${r.exactRate.toFixed(2)})`.padEnd(16)}  ${r.precision.toFixed(2)} / ${r.recall.toFixed(2)} / ${r.f1.toFixed(2)}   (${r.excluded})`,
    );
  }
  if (verbose) {
    for (const m of misses) {
      console.log(
        `- ${m.id}: ${JSON.stringify(m.byline).slice(0, 100)}\n    want ${JSON.stringify(m.expected)}\n    got  ${JSON.stringify(m.predicted)}`,
      );
    }
  }
}
