// Runs parseMarkdown over ../shared/corpus/markdown/*/articles/*.md and prints, per site, the
// share of files that parse, that produce an article, and that have each field, plus every
// diagnostic ruleId with its count, and files whose toMarkdown output is not stable.
//
//   npx esbuild src/markdown/index.ts --bundle --platform=node --format=esm --packages=external --outfile=/tmp/markdown-dist/markdown.js
//   NUTGRAF_DIST=/tmp/markdown-dist/ node scripts/eval-markdown.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { baseUrls, siteLookups } from './markdown-sites.mjs';

const dist = process.env.NUTGRAF_DIST
  ? pathToFileURL(`${resolve(process.env.NUTGRAF_DIST)}/`)
  : new URL('../dist/', import.meta.url);
const { parseMarkdown, toMarkdown } = await import(new URL('markdown.js', dist).href);
const corpus = new URL('../../shared/corpus/markdown/', import.meta.url);
if (!existsSync(corpus)) {
  console.log('No corpus at ../shared/corpus/markdown: nothing to evaluate.');
  process.exit(0);
}

const pct = (count, total) => `${((100 * count) / Math.max(total, 1)).toFixed(1)}%`;
const totals = { files: 0, crashed: 0, articles: 0, unstable: 0 };
const unstableFiles = [];

for (const site of readdirSync(corpus).sort()) {
  const articlesDir = new URL(`${site}/articles/`, corpus);
  if (!existsSync(articlesDir)) continue;
  const options = { baseUrl: baseUrls[site], ...siteLookups(new URL(`${site}/`, corpus)) };
  const files = readdirSync(articlesDir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  const count = {
    files: files.length,
    crashed: 0,
    articles: 0,
    headline: 0,
    date: 0,
    author: 0,
    authorNamed: 0,
    description: 0,
    sectionOrTags: 0,
    image: 0,
    figures: 0,
    unstable: 0,
  };
  const rules = new Map();
  for (const name of files) {
    const text = readFileSync(new URL(name, articlesDir), 'utf8');
    let result;
    try {
      result = parseMarkdown(text, { ...options, file: join(site, name) });
    } catch (error) {
      count.crashed++;
      console.error(`CRASH ${site}/${name}: ${error.stack}`);
      continue;
    }
    for (const diagnostic of result.diagnostics) {
      const key = `${diagnostic.severity} ${diagnostic.ruleId}`;
      rules.set(key, (rules.get(key) ?? 0) + 1);
    }
    const article = result.article;
    if (!article) continue;
    count.articles++;
    if (article.headline) count.headline++;
    if (article.datePublished) count.date++;
    if (article.byline?.contributors.length) count.author++;
    // Named: at least one contributor whose name is not a bare slug (`jane-doe`, `jdoe`).
    if (article.byline?.contributors.some((c) => /[A-Z\s]/.test(c.name))) count.authorNamed++;
    if (article.description) count.description++;
    if (article.section || article.keywords?.length) count.sectionOrTags++;
    if (article.image) count.image++;
    if (article.body.some((block) => block.type === 'figure')) count.figures++;
    // Stability: writing, reading and writing again gives the same text.
    const once = toMarkdown(article);
    const again = parseMarkdown(once).article;
    if (!again || toMarkdown(again) !== once) {
      count.unstable++;
      unstableFiles.push(`${site}/${name}`);
    }
  }
  totals.files += count.files;
  totals.crashed += count.crashed;
  totals.articles += count.articles;
  totals.unstable += count.unstable;
  console.log(`\n## ${site}: ${count.files} files`);
  console.log(
    `parsed without crash ${pct(count.files - count.crashed, count.files)} · article ${pct(count.articles, count.files)} · toMarkdown stable ${pct(count.articles - count.unstable, count.articles)}`,
  );
  console.log(
    `with headline ${pct(count.headline, count.files)} · date ${pct(count.date, count.files)} · author ${pct(count.author, count.files)} (named, not a slug: ${pct(count.authorNamed, count.files)}) · description ${pct(count.description, count.files)} · section/tags ${pct(count.sectionOrTags, count.files)} · lead image ${pct(count.image, count.files)} · body figures ${pct(count.figures, count.files)}`,
  );
  for (const [key, value] of [...rules].sort((a, b) => b[1] - a[1]))
    console.log(`  ${String(value).padStart(5)}  ${key}`);
}
console.log(
  `\nAll: ${totals.files} files, ${totals.crashed} crashed, ${pct(totals.articles, totals.files)} with an article, ${totals.unstable} not stable under toMarkdown∘parseMarkdown`,
);
if (unstableFiles.length > 0)
  console.log(
    `Not stable: ${unstableFiles.slice(0, 20).join(', ')}${unstableFiles.length > 20 ? ', …' : ''}`,
  );
process.exitCode = totals.crashed > 0 || totals.articles < 0.99 * totals.files ? 1 : 0;
