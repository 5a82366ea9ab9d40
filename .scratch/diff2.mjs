import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../dist/markdown.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { parseTree } from './parse-tree.mjs';
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
for (const f of process.argv.slice(2)) {
  const text = readFileSync('/work/shared/corpus/markdown/' + f.replace('/', '/articles/'), 'utf8');
  const want = [];
  const walk = (n, ctx) => { if (n.type === 'heading' || n.type === 'footnoteDefinition') return; if (n.type === 'link' || n.type === 'linkReference') want.push([n.url ?? n.identifier, ctx, text.slice(n.position?.start.offset, n.position?.end.offset).slice(0, 120)]); for (const c of n.children ?? []) walk(c, ctx + '>' + n.type); };
  walk(process.env.TREE ? parseTree(text) : p.parse(text), '');
  const { article } = parseMarkdown(text);
  const have = [];
  const w2 = (v) => { if (Array.isArray(v)) return v.forEach(w2); if (v && typeof v === 'object') { if (v.type === 'link') have.push(v.url); if (v.type === 'figure' && v.link) have.push(v.link); Object.values(v).forEach(w2); } };
  w2(article.body);
  const left = [...have];
  for (const [u, ctx, src] of want) { const i = left.indexOf(u); if (i >= 0) left.splice(i, 1); else console.log(f.slice(0, 40), ctx, JSON.stringify(src)); }
}
