import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../dist/markdown.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
for (const f of process.argv.slice(2)) {
  const text = readFileSync('/work/shared/corpus/markdown/' + f.replace('/', '/articles/'), 'utf8');
  const urls = [];
  const walk = (n, ctx) => { if (n.type === 'heading') return; if (n.type === 'link') urls.push([n.url, ctx, text.slice(n.position?.start.offset, n.position?.end.offset).slice(0, 100)]); for (const c of n.children ?? []) walk(c, ctx + '>' + n.type); };
  walk(p.parse(text), '');
  const { article } = parseMarkdown(text);
  const got = JSON.stringify(article.body);
  for (const [u, ctx, src] of urls) if (!got.includes(JSON.stringify(u).slice(1, -1))) console.log(f, ctx, src);
}
