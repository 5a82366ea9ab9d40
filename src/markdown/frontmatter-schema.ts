import { z } from 'zod';
import {
  articleSchema,
  bylineSchema,
  captionSchema,
  creditSchema,
  sectionSchema,
} from '../schema/index.js';
import { type FrontmatterKind, frontmatterFields } from './frontmatter-keys.js';

const text = z.union([z.string(), z.number()]);
const date = z.string().meta({
  description:
    'A date or date-time: `2024-03-09`, `2024-03-09T14:30:00-05:00` or the YAML form `2024-03-09 14:30:00 -0500`.',
  examples: ['2024-03-09', '2024-03-09 14:30:00 -0500'],
});
const contributor = z.looseObject({
  name: z.string().optional(),
  url: z.string().optional(),
  role: z.string().optional(),
  title: z.string().optional(),
  jobTitle: z.string().optional(),
  affiliation: z.string().optional(),
  email: z.string().optional(),
});
const image = z.looseObject({
  src: z.string().optional(),
  url: z.string().optional(),
  uid: z.string().optional(),
  alt: z.string().optional(),
  caption: z.union([z.string(), captionSchema]).optional(),
  credit: z.union([z.string(), creditSchema]).optional(),
  width: z.union([z.int().positive(), z.string()]).optional(),
  height: z.union([z.int().positive(), z.string()]).optional(),
});

/** What each kind of key accepts, for editors (the parser is more forgiving and reports the rest). */
const kindSchemas: Record<Exclude<FrontmatterKind, 'value'>, z.ZodType> = {
  text,
  date,
  authors: z.union([z.string(), z.array(z.union([z.string(), contributor])), bylineSchema]),
  image: z.union([z.string(), image, z.array(z.union([z.string(), image])), z.literal(false)]),
  imageAlt: z.string(),
  imageCaption: z.string(),
  imageCredit: z.string(),
  section: z.union([z.string(), z.array(z.string()), sectionSchema]),
  keywords: z.union([z.string(), z.array(text)]),
  language: z.string().meta({ examples: ['en', 'en-GB'] }),
  url: z.string(),
  boolean: z.boolean(),
  published: z.union([z.boolean(), date]),
};

function schemaFor(
  field: string,
  kind: FrontmatterKind,
  key: string,
  canonical: string,
): z.ZodType {
  const base =
    kind === 'value'
      ? (articleSchema.shape[field as keyof typeof articleSchema.shape] as z.ZodType)
      : // Jekyll's `published: false` marks a draft; no other date key takes a boolean.
        kind === 'date' && key === 'published'
        ? kindSchemas.published
        : kindSchemas[kind];
  const description =
    key === canonical
      ? `The Article's \`${field}\`.`
      : `Read as the Article's \`${field}\`, like \`${canonical}\`.`;
  // Keep what the value schema says of itself (a date's forms) after what the key is for.
  const own = kind === 'value' ? undefined : base.description;
  return base.optional().meta({ description: own ? `${description} ${own}` : description });
}

function buildShape(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const row of frontmatterFields) {
    const canonical = row.keys[0] ?? row.field;
    for (const key of row.keys) shape[key] = schemaFor(row.field, row.kind, key, canonical);
  }
  return shape;
}

/**
 * The YAML frontmatter nutgraf reads, as a zod schema: every key of the key table with the
 * shapes it accepts. Other keys are allowed (sites have their own). It is the source of
 * `nutgraf/frontmatter.schema.json`, for editors' YAML language servers.
 *
 * @example
 * frontmatterSchema.safeParse({ title: 'Ferries run at night', date: '2026-03-10' }).success //=> true
 */
export const frontmatterSchema = z.looseObject(buildShape());
