import { parseMarkdown } from '../dist/markdown.js';
const r = parseMarkdown('---\ntitle: x\n---\n\n[![](//wiki.opensuse.org/images/6/6d/x.png)](//wiki.opensuse.org/File:x.png)\n');
console.log(JSON.stringify(r.article.body), r.diagnostics.map(d => d.message));
