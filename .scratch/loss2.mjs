import { readdirSync, readFileSync } from 'node:fs';
import { parseMarkdown } from '../dist/markdown.js';
import { parseTree } from '../src/markdown/parse-tree.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
const root = '/work/shared/corpus/markdown/';
const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm);
const kinds = ['link', 'emphasis', 'strong'];
function treeCount(tree, skipHeadings) {
  const c = { link: 0, emphasis: 0, strong: 0 };
  const walk = (n) => {
    if (skipHeadings && (n.type === 'footnoteDefinition')) return;
    const k = n.type === 'linkReference' ? 'link' : n.type;
    const imgOnly = n.children?.filter(x => !(x.type==='text' && !x.value.trim())).every(x => x.type === 'image' || x.type === 'imageReference' || (x.type === 'text' && /^\s*\{\{[<%].*[>%]\}\}\s*$/.test(x.value)));
    if (k in c) c[k]++;
    for (const ch of n.children ?? []) walk(ch);
  };
  walk(tree);
  return c;
}
function articleCount(article) {
  const c = { link: 0, emphasis: 0, strong: 0 };
  const walk = (v) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (v && typeof v === 'object') { if (v.type in c && 'children' in v) c[v.type]++; if (v.type === 'figure' && v.link) c.link++; for (const x of Object.values(v)) walk(x); }
  };
  walk(article.body);
  return c;
}
const skipHeadings = process.argv[2] === 'skip';
const total = {}; const losing = [];
for (const site of readdirSync(root)) {
  let names; try { names = readdirSync(root + site + '/articles'); } catch { continue; }
  for (const f of names) {
    const text = readFileSync(root + site + '/articles/' + f, 'utf8');
    const tc = treeCount(p.parse(text), skipHeadings);
    const { article } = parseMarkdown(text);
    if (!article) continue;
    const ac = articleCount(article);
    const lost = {};
    for (const k of kinds) { total[k] ??= [0, 0]; total[k][0] += tc[k]; total[k][1] += ac[k]; if (ac[k] < tc[k]) lost[k] = tc[k] - ac[k]; }
    if (Object.keys(lost).length) losing.push([site + '/' + f, lost]);
  }
}
console.log(total, losing.length);
console.log(losing.slice(0, 40).map(x => JSON.stringify(x)).join('\n'));
