// Read raw text (a page copied from a browser, or wire copy) into a typed Article with
// parseText, then show what it found, where each field came from, and what was dropped.
import { readFileSync } from 'node:fs';
import { sourceOf } from 'nutgraf/schema';
import { parseText } from 'nutgraf/text';

const name = 'port-strike-wire.txt';
const text = readFileSync(new URL(`articles/${name}`, import.meta.url), 'utf8');
const { article, diagnostics, sources } = parseText(text, { file: name });

if (!article) {
  for (const d of diagnostics) console.log(`${d.severity}: ${d.message} [${d.ruleId}]`);
  process.exit(1);
}

const at = (path) => {
  const place = sourceOf(sources, path);
  return place ? `${name}:${place.start.line}:${place.start.column}` : '—';
};
console.log(`headline   ${article.headline}   (${at('headline')})`);
console.log(`wire       ${JSON.stringify(article.wire)}`);
console.log(`dateline   ${article.dateline?.text}   (${at('dateline')})`);
for (const person of article.byline?.contributors ?? []) {
  const where = person.location ? ` in ${person.location}` : '';
  console.log(`credit     ${person.name} — ${person.role}${where}`);
}
console.log(`body       ${article.body.length} paragraphs, the first one:`);
console.log(`           ${article.body[0]?.text}`);
