import { z } from 'zod';
import { frontmatterSchema } from '../src/markdown/frontmatter-schema.js';
import { articleSchema, blockSchema, inlineSchema, listItemSchema } from '../src/schema/index.js';
import { configJsonSchema } from './config-schema.js';

const base = 'https://unpkg.com/nutgraf/schema/';

/**
 * The JSON Schemas shipped in `schema/`, generated from the zod schemas (the one source of
 * truth). `npm run build` writes them; a test checks the committed files are current.
 */
export function jsonSchemas(): Record<string, unknown> {
  // The recursive parts get names of their own in `$defs` (else `__schema0`, …), in the
  // registry that also holds the descriptions (`.meta()`), at build time only.
  const names: Array<[z.ZodType, string]> = [
    [blockSchema, 'Block'],
    [listItemSchema, 'ListItem'],
    [inlineSchema, 'Inline'],
  ];
  for (const [schema, id] of names) {
    if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
  }
  const article = z.toJSONSchema(articleSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-07',
  });
  // The keys `parseMarkdown` reads (Article field names and the Hugo/Jekyll/Astro aliases of
  // its key table), with the shapes each accepts; other keys are allowed.
  const frontmatter = z.toJSONSchema(frontmatterSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-07',
  });
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
