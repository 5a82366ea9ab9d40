// The main job: read article files (raw text copied from a page, Markdown with frontmatter),
// check them, and emit schema.org JSON-LD ready to embed in a page.
import { readdirSync, readFileSync } from 'node:fs';
import { lintArticle, parseText, toJsonLdScript } from 'nutgraf';
import { parseMarkdown } from 'nutgraf/markdown';

const folder = new URL('articles/', import.meta.url);
const parsers = { '.txt': parseText, '.md': parseMarkdown };

for (const name of readdirSync(folder).sort()) {
  const extension = name.slice(name.lastIndexOf('.'));
  const parse = parsers[extension];
  if (!parse) continue;

  const text = readFileSync(new URL(name, folder), 'utf8');
  const { article, diagnostics, sources } = parse(text, { file: name });
  console.log(`\n▸ ${name}`);
  if (!article) {
    for (const d of diagnostics) console.log(`  ${d.severity}: ${d.message} [${d.ruleId}]`);
    continue;
  }

  const people = article.byline?.contributors.map((c) => `${c.name} (${c.role})`) ?? [];
  console.log(`  headline  ${article.headline}`);
  console.log(`  byline    ${people.join(', ') || '—'}`);
  console.log(`  published ${article.datePublished ?? '—'}`);
  console.log(
    `  section   ${(article.section?.path ?? [article.section?.name ?? '—']).join(' › ')}`,
  );
  console.log(
    `  body      ${article.body.length} blocks (${article.body.filter((b) => b.type === 'figure').length} figures)`,
  );

  const findings = [...diagnostics, ...lintArticle(article, { sources, file: name })];
  for (const d of findings.filter((d) => d.severity !== 'info')) {
    const at = d.place
      ? `${(d.place.start ?? d.place).line}:${(d.place.start ?? d.place).column}`
      : '-';
    console.log(`  ${at.padEnd(6)} ${d.severity.padEnd(7)} ${d.message} [${d.ruleId}]`);
  }

  const script = toJsonLdScript(article, {
    site: { name: 'The Port Ellis Ledger', url: 'https://ledger.example/' },
  });
  console.log(`  JSON-LD   ${script.length} characters:`);
  console.log(`${script.slice(0, 400)}…`);
}
