import { z } from 'zod';
import { absoluteUrlSchema, nonEmptyStringSchema, pixelsSchema } from './primitives.js';

/** A logo: an image URL with its size when known (Google asks for at least 112×112 px). */
export const logoSchema = z.strictObject({
  /** Absolute URL of the logo file. */
  url: absoluteUrlSchema,
  /** Width in pixels, when known. */
  width: pixelsSchema.optional(),
  /** Height in pixels, when known. */
  height: pixelsSchema.optional(),
});

/** A logo (see {@link logoSchema}). */
export type Logo = z.infer<typeof logoSchema>;

/**
 * An organization: the publisher of an article (schema.org `NewsMediaOrganization`),
 * or the outlet a contributor is affiliated with.
 */
export const organizationSchema = z.strictObject({
  /** The organization's name, e.g. `The Daily Ledger`. */
  name: nonEmptyStringSchema,
  /** Its home page. */
  url: absoluteUrlSchema.optional(),
  /** Its logo. */
  logo: logoSchema.optional(),
  /** Pages that identify it elsewhere (Wikipedia, Wikidata, social profiles). */
  sameAs: z.array(absoluteUrlSchema).optional(),
});

/** An organization (see {@link organizationSchema}). */
export type Organization = z.infer<typeof organizationSchema>;
/** What {@link organizationSchema} accepts. */
export type OrganizationInput = z.input<typeof organizationSchema>;
