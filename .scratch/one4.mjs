import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../dist/markdown.js';
const r = parseMarkdown(readFileSync(process.argv[2], 'utf8'));
const s = JSON.stringify(r.article.body);
let i = s.indexOf(process.argv[3]); console.log(s.slice(i - 300, i + 300));
