// Validate article JSON files against the nutgraf model and print what is wrong, as CI would.
import { readFileSync } from 'node:fs';
import { toBodySections, validateArticle } from 'nutgraf';

for (const name of ['harbour-ferries.article.json', 'broken.article.json']) {
  const value = JSON.parse(readFileSync(new URL(`articles/${name}`, import.meta.url), 'utf8'));
  const { article, diagnostics } = validateArticle(value, { file: name });

  if (article) {
    const authors = article.byline?.contributors.map((person) => person.name).join(', ');
    console.log(`✔ ${name}: “${article.headline}” by ${authors}, ${article.datePublished}`);
    for (const part of toBodySections(article.body)) {
      console.log(`    ${part.heading?.text ?? '(lead)'}: ${part.blocks.length} block(s)`);
    }
  } else {
    console.log(`✘ ${name}: ${diagnostics.length} problem(s)`);
    for (const d of diagnostics) console.log(`    ${d.severity} ${d.message}  [${d.ruleId}]`);
  }
}
