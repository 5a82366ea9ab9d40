import { readdirSync, readFileSync } from 'node:fs';
import { parseMarkdown } from '/work/wt/md-rich/dist/markdown.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
const root = '/work/shared/corpus/markdown/';
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const kinds = ['link', 'emphasis', 'strong'];
function treeCount(tree) {
  const c = { link: 0, emphasis: 0, strong: 0 }; const ctx = {};
  const walk = (n, path) => {
    const k = n.type === 'linkReference' ? 'link' : n.type;
    if (k in c) { c[k]++; const where = path.filter(t => ['heading','tableCell','listItem','blockquote','footnoteDefinition','html'].includes(t)).join('>') || 'top'; ctx[k + '@' + where + (n.children?.length === 1 && n.children[0].type === 'image' ? ':img' : '')] = (ctx[k + '@' + where + (n.children?.length === 1 && n.children[0].type === 'image' ? ':img' : '')] ?? 0) + 1; }
    for (const ch of n.children ?? []) walk(ch, [...path, n.type]);
  };
  walk(tree, []);
  return [c, ctx];
}
function articleCount(article) {
  const c = { link: 0, emphasis: 0, strong: 0 };
  const walk = (v) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === 'object') { if (v.type in c && 'children' in v) c[v.type]++; for (const x of Object.values(v)) walk(x); }
  };
  walk(article.body);
  return c;
}
const total = {}; const lostCtx = {};
let filesLosing = 0, files = 0;
for (const site of readdirSync(root)) {
  let names; try { names = readdirSync(root + site + '/articles'); } catch { continue; }
  for (const f of names) {
    const text = readFileSync(root + site + '/articles/' + f, 'utf8');
    const [tc, ctx] = treeCount(p.parse(text));
    const { article } = parseMarkdown(text);
    if (!article) continue;
    files++;
    const ac = articleCount(article);
    let lost = false;
    for (const k of kinds) { total[k] ??= [0, 0]; total[k][0] += tc[k]; total[k][1] += ac[k]; if (ac[k] < tc[k]) lost = true; }
    if (lost) { filesLosing++; for (const [key, n] of Object.entries(ctx)) if (!key.endsWith('@top') && !key.endsWith('@listItem') && !key.endsWith('@listItem>listItem')) lostCtx[key] = (lostCtx[key] ?? 0) + n; }
  }
}
console.log({ files, filesLosing, total });
console.log(Object.entries(lostCtx).sort((a, b) => b[1] - a[1]));
