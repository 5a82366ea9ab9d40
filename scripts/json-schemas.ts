import { z } from 'zod';
import { frontmatterSchema } from '../src/markdown/frontmatter-schema.js';
import { articleSchema } from '../src/schema/index.js';
import { configJsonSchema } from './config-schema.js';

const base = 'https://unpkg.com/nutgraf/schema/';

/**
 * The JSON Schemas shipped in `schema/`, generated from the zod schemas (the one source of
 * truth). `npm run build` writes them; a test checks the committed files are current.
 */
export function jsonSchemas(): Record<string, unknown> {
  const article = z.toJSONSchema(articleSchema, { io: 'input', unrepresentable: 'any' });
  // The keys `parseMarkdown` reads (Article field names and the Hugo/Jekyll/Astro aliases of
  // its key table), with the shapes each accepts; other keys are allowed.
  const frontmatter = z.toJSONSchema(frontmatterSchema, { io: 'input', unrepresentable: 'any' });
  return {
    ...configJsonSchema(),
    'schema/article.schema.json': {
      ...article,
      $id: `${base}article.schema.json`,
      title: 'nutgraf Article',
      description: 'A news article as nutgraf models it (the JSON form of the `Article` type).',
    },
    'schema/frontmatter.schema.json': {
      ...frontmatter,
      $id: `${base}frontmatter.schema.json`,
      title: 'nutgraf Markdown frontmatter',
      description:
        'YAML frontmatter of a Markdown article as nutgraf reads it: Article field names and the keys Hugo, Jekyll, Eleventy and Astro sites use.',
    },
  };
}
