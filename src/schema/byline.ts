import { z } from 'zod';
import { emailPattern } from './checks.js';
import { absoluteUrlSchema, nonEmptyStringSchema } from './primitives.js';

/** Whether a contributor is a person or an organization (schema.org `Person` / `Organization`). */
export const contributorTypeSchema = z.enum(['Person', 'Organization']);

/** The kind of contributor. */
export type ContributorType = z.infer<typeof contributorTypeSchema>;

/**
 * What a contributor did. `author`, `reporter` and `writer` are authors in JSON-LD;
 * `contributor` is additional reporting; the rest map to their schema.org properties
 * (`editor`, `translator`) or to image credits (`photographer`, `illustrator`).
 */
export const contributorRoleSchema = z.enum([
  'author',
  'contributor',
  'reporter',
  'writer',
  'editor',
  'photographer',
  'illustrator',
  'translator',
  'producer',
]);

/** A contributor's role (see {@link contributorRoleSchema}). */
export type ContributorRole = z.infer<typeof contributorRoleSchema>;

/**
 * One person or organization credited for an article.
 *
 * `name` holds the name only: no intro words (`By`), no job title, no outlet, no
 * credentials. Those have fields of their own, as Google's author guidance asks.
 */
export const contributorSchema = z.strictObject({
  /** The name only, e.g. `Ana Ruiz` or `The Associated Press`. */
  name: nonEmptyStringSchema,
  /** `Person` (default) or `Organization`. */
  type: contributorTypeSchema.default('Person'),
  /** What they did (default `author`). */
  role: contributorRoleSchema.default('author'),
  /** Job title as printed, e.g. `Staff Writer`, `AP Sports Writer`. */
  jobTitle: nonEmptyStringSchema.optional(),
  /** The outlet or organization they write for, e.g. `The Daily Ledger`. */
  affiliation: nonEmptyStringSchema.optional(),
  /** Where they reported from, e.g. `Lisbon` in `Ana Ruiz in Lisbon`. */
  location: nonEmptyStringSchema.optional(),
  /** Honorific before the name, e.g. `Dr.` */
  honorificPrefix: nonEmptyStringSchema.optional(),
  /** Credentials or suffix after the name, e.g. `MA`, `PhD`, `MD`. */
  honorificSuffix: nonEmptyStringSchema.optional(),
  /** A page that identifies them (author page, profile). */
  url: absoluteUrlSchema.optional(),
  /** Other pages that identify them (social profiles, Wikidata). */
  sameAs: z.array(absoluteUrlSchema).optional(),
  /** Contact e-mail address. */
  email: z
    .string()
    .regex(emailPattern, { message: 'Expected an e-mail address' })
    .meta({ format: 'email' })
    .optional(),
});

/** A contributor (see {@link contributorSchema}). */
export type Contributor = z.infer<typeof contributorSchema>;
/** What {@link contributorSchema} accepts (`type` and `role` may be left out). */
export type ContributorInput = z.input<typeof contributorSchema>;

/**
 * A byline: the credit line as printed and the ordered contributors it names.
 */
export const bylineSchema = z.strictObject({
  /** The byline as printed, e.g. `By ANA RUIZ and LENA MORITZ, Associated Press`. */
  text: z.string().optional(),
  /** The contributors, in printed order. */
  contributors: z.array(contributorSchema),
});

/** A byline (see {@link bylineSchema}). */
export type Byline = z.infer<typeof bylineSchema>;
/** What {@link bylineSchema} accepts. */
export type BylineInput = z.input<typeof bylineSchema>;
