import { z } from 'zod';
import { absoluteUrlSchema, nonEmptyStringSchema } from './primitives.js';

/**
 * The site section an article belongs to (schema.org `articleSection` plus a breadcrumb).
 *
 * Not to be confused with the headed parts of the body: see {@link toBodySections}.
 */
export const sectionSchema = z.strictObject({
  /** The section's name: the most specific crumb, e.g. `Middle East`. */
  name: nonEmptyStringSchema,
  /** The breadcrumb trail without `Home`, e.g. `["World", "Middle East"]`. When absent, `[name]`. */
  path: z.array(nonEmptyStringSchema).min(1).optional(),
  /** The section's front page. */
  url: absoluteUrlSchema.optional(),
});

/** A site section (see {@link sectionSchema}). */
export type Section = z.infer<typeof sectionSchema>;
/** What {@link sectionSchema} accepts. */
export type SectionInput = z.input<typeof sectionSchema>;
