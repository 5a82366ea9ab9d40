import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../dist/markdown.js';
import { parseTree } from './parse-tree.mjs';
const text = readFileSync(process.argv[2], 'utf8');
const tree = parseTree(text);
const urls = [];
const stack = [tree];
for (let n = stack.pop(); n; n = stack.pop()) { if (n.type === 'link' || n.type === 'linkReference') urls.push(n.url ?? ('REF:' + n.identifier)); if (n.children) stack.push(...n.children); }
const { article } = parseMarkdown(text);
const have = [];
const s2 = [article.body];
for (let v = s2.pop(); v !== undefined; v = s2.pop()) { if (Array.isArray(v)) s2.push(...v); else if (v && typeof v === 'object') { if (v.type === 'link' && 'children' in v) have.push(v.url); if (v.type === 'figure' && v.link) have.push(v.link); s2.push(...Object.values(v)); } }
console.log(urls.length, have.length);
const left = [...have];
for (const u of urls) { const i = left.indexOf(u); if (i >= 0) left.splice(i, 1); else console.log('missing', u); }
console.log('extra', left);
