import { z } from 'zod';
import { articleSchema } from '../src/schema/index.js';

const base = 'https://unpkg.com/nutgraf/schema/';

/**
 * The JSON Schemas shipped in `schema/`, generated from the zod schemas (the one source of
 * truth). `npm run build` writes them; a test checks the committed files are current.
 */
export function jsonSchemas(): Record<string, unknown> {
  const article = z.toJSONSchema(articleSchema, { io: 'input', unrepresentable: 'any' });
  const frontmatter = z.toJSONSchema(articleSchema.omit({ body: true }).partial(), {
    io: 'input',
    unrepresentable: 'any',
  });
  return {
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
      description: 'YAML frontmatter of a Markdown article, with nutgraf field names.',
    },
  };
}
