import { parseMarkdown, toMarkdown } from '../dist/markdown.js';
for (const n of [1000, 2000, 4000]) {
  let list = { type: 'list', ordered: false, items: [{ text: 'deep' }] };
  for (let level = 0; level < n; level++) list = { type: 'list', ordered: false, items: [{ text: `${level}`, blocks: [list] }] };
  let t = performance.now();
  const md = toMarkdown({ headline: 'N', type: 'NewsArticle', body: [list] });
  const t1 = performance.now() - t; t = performance.now();
  parseMarkdown(md);
  console.log(n, md.length, t1.toFixed(0), (performance.now() - t).toFixed(0));
}
