// Sites that write Markdown with their builder's syntax: an Astro content collection in MDX
// (examples/astro-site/, JSX components and `import` lines) and a Jekyll blog with Liquid tags
// (examples/jekyll-site/: `{% include %}`, `{% youtube %}`, `{% highlight %}`, footnotes).
// Each article is parsed (parseMdx for .mdx, parseMarkdown otherwise), its builder syntax
// kept as blocks, and written back with toMarkdown: it must read back the same. Then
// `nutgraf check` runs over both sites, as in CI. The articles are invented.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseMarkdown, toMarkdown } from 'nutgraf/markdown';
import { parseMdx } from 'nutgraf/mdx';

const here = dirname(fileURLToPath(import.meta.url));
const folders = ['astro-site/src/content/blog', 'jekyll-site/_posts'];

let failures = 0;
for (const folder of folders) {
  for (const name of readdirSync(join(here, folder)).sort()) {
    const file = `${folder}/${name}`;
    const text = readFileSync(join(here, file), 'utf8');
    const mdx = name.endsWith('.mdx');
    const parse = mdx ? parseMdx : parseMarkdown;
    const options = { file, baseUrl: 'https://port-alder.example' };
    const { article, diagnostics } = parse(text, options);
    if (!article) {
      console.log(`${file}: no article`, diagnostics);
      failures++;
      continue;
    }
    const kinds = article.body.map((block) =>
      block.type === 'html' && block.syntax ? `${block.syntax}` : block.type,
    );
    console.log(`${file}: "${article.headline}" (${article.datePublished})`);
    console.log(`  blocks: ${kinds.join(', ')}`);
    for (const block of article.body) {
      if (block.type === 'embed' && block.source)
        console.log(`  embed ${block.url} from ${block.source}`);
      if (block.type === 'code')
        console.log(`  code (${block.language}): ${block.text.split('\n')[0]}`);
    }
    const written = toMarkdown(article, { mdx });
    const again = parse(written, options).article;
    const same = isDeepStrictEqual(again, article);
    console.log(`  round trip through toMarkdown: ${same ? 'same article' : 'CHANGED'}`);
    if (!same) failures++;
  }
}

// The CLI finds .mdx files and reads them with parseMdx.
const packageJson = fileURLToPath(import.meta.resolve('nutgraf/package.json'));
const bin = join(dirname(packageJson), JSON.parse(readFileSync(packageJson, 'utf8')).bin.nutgraf);
const check = spawnSync(
  process.execPath,
  [bin, 'check', 'astro-site', 'jekyll-site', '--format', 'json'],
  { cwd: here, encoding: 'utf8' },
);
const { results } = JSON.parse(check.stdout);
for (const result of results) {
  const ids = result.diagnostics.map((diagnostic) => diagnostic.ruleId);
  console.log(`check ${result.file}: ${ids.length === 0 ? 'clean' : ids.join(', ')}`);
}
console.log(`check exit code: ${check.status}`);
// Both .mdx files are found, and neither has an MDX syntax error.
if (results.length !== 4 || check.status !== 0) failures++;
process.exitCode = failures === 0 ? 0 : 1;
