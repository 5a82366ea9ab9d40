// nutgraf in a unified pipeline: remark-nutgraf puts the article on `file.data.article` and
// reports problems as vfile messages, as remark-lint rules do (remark-cli shows them too).

import { remarkNutgraf } from 'nutgraf/markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkNutgraf, { strict: true, baseUrl: 'https://example.com/' })
  .use(remarkStringify);

const file = await processor.process(
  new VFile({
    path: 'ferries.md',
    value:
      '---\ntitle: Night Ferries Start in May\ndate: 2026-13-01\nlayout: post\nimage: /images/ferry.jpg\n---\n\nThe port board voted on Tuesday.\n',
  }),
);
console.log('article:', file.data.article.headline, '·', file.data.article.image.url);
for (const message of file.messages) {
  console.log(
    `${String(message)} [${message.source}:${message.ruleId}]${message.fatal ? ' (error)' : ''}`,
  );
}
