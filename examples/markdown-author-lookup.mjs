// Sites such as digital.gov list authors as slugs (`authors: [dana-whitfield]`) and keep
// each author in `_authors/<slug>.md`. Pass a lookup so the slugs become real contributors;
// `toMarkdown` then writes the article back with canonical keys.
import { readdirSync, readFileSync } from 'node:fs';
import { parseMarkdown, toMarkdown } from 'nutgraf/markdown';
import { parse } from 'yaml';

const authors = {};
for (const file of readdirSync('authors')) {
  const text = readFileSync(`authors/${file}`, 'utf8');
  const data = parse(text.split(/^---$/m)[1]);
  authors[data.slug] = {
    name: data.display_name,
    ...(data.job_title ? { jobTitle: data.job_title } : {}),
  };
}

const name = 'articles/2026-03-10-harbour-night-ferries.md';
const source = readFileSync(name, 'utf8');
const without = parseMarkdown(source, { file: name });
console.log('without a lookup:', without.article.byline.contributors.map((c) => c.name).join(', '));
for (const d of without.diagnostics)
  console.log(`  ${d.place.start.line}:${d.place.start.column} ${d.message}`);

const { article } = parseMarkdown(source, { file: name, authors });
console.log(
  'with the lookup: ',
  article.byline.contributors
    .map((c) => `${c.name}${c.jobTitle ? `, ${c.jobTitle}` : ''}`)
    .join('; '),
);
console.log('image credit:    ', article.image.caption.credit);
console.log(`\n${toMarkdown(article).split('\n').slice(0, 24).join('\n')}\n…`);
