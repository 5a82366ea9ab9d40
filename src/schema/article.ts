import { z } from 'zod';
import { blockSchema } from './block.js';
import { bylineSchema } from './byline.js';
import { imageSchema } from './caption.js';
import { classSelectorPattern } from './checks.js';
import { isoDateSchema } from './date.js';
import { datelineSchema } from './dateline.js';
import { organizationSchema } from './organization.js';
import { absoluteUrlSchema, languageTagSchema, nonEmptyStringSchema } from './primitives.js';
import { sectionSchema } from './section.js';

/**
 * The schema.org type of an article. `NewsArticle` is the default; the `…NewsArticle`
 * subtypes carry the genre (opinion, analysis, explainer, review, reportage).
 */
export const articleTypeSchema = z.enum([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'Article',
  'BlogPosting',
  'LiveBlogPosting',
]);

/** An article type (see {@link articleTypeSchema}). */
export type ArticleType = z.infer<typeof articleTypeSchema>;

/** The kind of a correction note. */
export const correctionTypeSchema = z.enum(['correction', 'clarification', 'update']);

/** A correction kind (see {@link correctionTypeSchema}). */
export type CorrectionType = z.infer<typeof correctionTypeSchema>;

/** A correction, clarification or update note attached to an article (schema.org `CorrectionComment`). */
export const correctionSchema = z.strictObject({
  /** The note as printed, e.g. `An earlier version of this story misstated the date of the vote.` */
  text: nonEmptyStringSchema,
  /** When it was made. */
  date: isoDateSchema.optional(),
  /** `correction` (default), `clarification` or `update`. */
  type: correctionTypeSchema.default('correction'),
});

/** A correction (see {@link correctionSchema}). */
export type Correction = z.infer<typeof correctionSchema>;
/** What {@link correctionSchema} accepts. */
export type CorrectionInput = z.input<typeof correctionSchema>;

/** The copyright of an article (schema.org `copyrightNotice`, `copyrightHolder`, `copyrightYear`). */
export const copyrightSchema = z.strictObject({
  /** The notice as printed, e.g. `Copyright 2024 The Daily Ledger. All rights reserved.` */
  notice: nonEmptyStringSchema.optional(),
  /** Who holds it, e.g. `The Daily Ledger`. */
  holder: nonEmptyStringSchema.optional(),
  /** The year, e.g. `2024`. */
  year: z.int().min(1000).max(9999).optional(),
});

/** A copyright statement (see {@link copyrightSchema}). */
export type Copyright = z.infer<typeof copyrightSchema>;

/**
 * Wire-copy metadata that is not part of the story: the slug line, headline tags such as
 * `UPDATE 2` or `CORRECTED`, and the advisory line of an update (`(Adds reaction …)`).
 */
export const wireSchema = z.strictObject({
  /** The slug or keyword line, e.g. `BC-US-Election-Results`. */
  slug: nonEmptyStringSchema.optional(),
  /** Headline tags without their dash, in printed order, e.g. `["UPDATE 2"]`, `["CORRECTED"]`. */
  tags: z.array(nonEmptyStringSchema).optional(),
  /** The advisory line of an update, e.g. `(Adds minister's reaction in paragraph 3)`. */
  advisory: nonEmptyStringSchema.optional(),
});

/** Wire metadata (see {@link wireSchema}). */
export type Wire = z.infer<typeof wireSchema>;

/** A CSS class selector, such as `.paywall`: the only form Google accepts for paywalled parts. */
const classSelectorSchema = z.string().regex(classSelectorPattern, {
  message: 'Expected a class selector such as `.paywall` (Google accepts class selectors only)',
});

/**
 * A news article: headline, byline, dates, section, lead image and a body of blocks.
 *
 * Parse untrusted data with {@link validateArticle} (diagnostics, never throws) or
 * `articleSchema.safeParse`.
 */
export const articleSchema = z.strictObject({
  /** The headline. Required and non-empty. */
  headline: nonEmptyStringSchema,
  /** The deck or standfirst printed under the headline (schema.org `alternativeHeadline`). */
  alternativeHeadline: nonEmptyStringSchema.optional(),
  /** The label above the headline, such as `ANALYSIS` or `EXCLUSIVE`. */
  kicker: nonEmptyStringSchema.optional(),
  /** A summary, used by search engines for snippets. */
  description: nonEmptyStringSchema.optional(),
  /** The canonical URL of the article. */
  url: absoluteUrlSchema.optional(),
  /** A stable identifier: the CMS id, a URN or a URL. */
  id: nonEmptyStringSchema.optional(),
  /** The schema.org type (default `NewsArticle`). */
  type: articleTypeSchema.default('NewsArticle'),
  /** The language as a BCP 47 tag, e.g. `en`, `en-GB`. */
  language: languageTagSchema.optional(),
  /** The site section it belongs to. */
  section: sectionSchema.optional(),
  /** The byline and the contributors it names. */
  byline: bylineSchema.optional(),
  /** Where and when the story was filed, e.g. `MOSCOW (Reuters) -`. */
  dateline: datelineSchema.optional(),
  /** When it was first published. */
  datePublished: isoDateSchema.optional(),
  /** When it was last changed. */
  dateModified: isoDateSchema.optional(),
  /** When it was written. */
  dateCreated: isoDateSchema.optional(),
  /** The lead image. */
  image: imageSchema.optional(),
  /** The body: paragraphs, headings, figures, quotes, lists, … in reading order. */
  body: z.array(blockSchema),
  /** Keywords or tags. */
  keywords: z.array(nonEmptyStringSchema).optional(),
  /** The publisher (a news organization). */
  publisher: organizationSchema.optional(),
  /** `false` for paywalled articles. */
  isAccessibleForFree: z.boolean().optional(),
  /** Class selectors of the paywalled parts of the page, e.g. `[".paywall"]`. */
  paywalledSelectors: z.array(classSelectorSchema).optional(),
  /** Correction, clarification and update notes, oldest first. */
  corrections: z.array(correctionSchema).optional(),
  /** The copyright statement. */
  copyright: copyrightSchema.optional(),
  /** Wire-copy metadata: slug, headline tags, advisory line. */
  wire: wireSchema.optional(),
  /** `true` for drafts that must not be published. */
  draft: z.boolean().optional(),
});

/** A valid article, with defaults applied (see {@link articleSchema}). */
export type Article = z.infer<typeof articleSchema>;
/** What {@link articleSchema} accepts: defaults (`type`, contributor `type`/`role`) may be left out. */
export type ArticleInput = z.input<typeof articleSchema>;
