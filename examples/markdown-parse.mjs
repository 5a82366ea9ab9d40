// Read Markdown articles with YAML frontmatter (Hugo and Jekyll conventions) into typed
// articles, and show what the frontmatter got wrong, with its line and column.
import { readFileSync } from 'node:fs';
import { parseMarkdown } from 'nutgraf/markdown';

const name = 'articles/2015-06-11-library-extends-weekend-hours.md';
const { article, diagnostics, extra } = parseMarkdown(readFileSync(name, 'utf8'), { file: name });
console.log(article.headline);
console.log(
  'published',
  article.datePublished,
  '· by',
  article.byline.contributors.map((c) => `${c.name} (${c.jobTitle})`).join(', '),
);
console.log(
  'keywords',
  article.keywords.join(', '),
  '· blocks',
  article.body.map((block) => block.type).join(', '),
);
console.log('kept aside', extra);
for (const d of diagnostics) console.log(`${d.severity} ${d.ruleId}: ${d.message}`);

// A file with mistakes: every one is reported, each at its key or value.
const broken = `---
title: Budget Hearing Runs Late
date: yesterday
authors: 42
image: not a url
---

The hearing ran past midnight.
`;
console.log('\nbroken.md');
for (const d of parseMarkdown(broken, { file: 'broken.md' }).diagnostics) {
  const { line, column } = d.place.start;
  console.log(`  ${d.file}:${line}:${column} ${d.severity} ${d.message} [${d.ruleId}]`);
}
