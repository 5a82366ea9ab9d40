import { readFileSync } from 'node:fs';
import { parseMarkdown } from '../dist/markdown.js';
const r = parseMarkdown(readFileSync(process.argv[2], 'utf8'));
console.log(JSON.stringify(r.article.body.slice(0, 4)).slice(0, 1500), JSON.stringify(r.article.image));
