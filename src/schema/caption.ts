import { z } from 'zod';
import { absoluteUrlSchema, nonEmptyStringSchema } from './primitives.js';

/** Qualifiers printed in photo credits: `(AP Photo/Name, File)`, `Handout via Reuters`, pool photos. */
export const creditFlagSchema = z.enum(['file', 'pool', 'handout']);

/** A credit qualifier (see {@link creditFlagSchema}). */
export type CreditFlag = z.infer<typeof creditFlagSchema>;

/**
 * A photo or illustration credit: the printed text plus the parts it names.
 * Maps to schema.org `creditText`, `creator`, `provider`, `copyrightHolder` and `license`.
 */
export const creditSchema = z.strictObject({
  /** The credit as printed, without its label: `AP Photo/Lena Moritz`, `Lena Moritz/Reuters`. */
  text: nonEmptyStringSchema,
  /** The person who made the image, e.g. `Lena Moritz`. */
  creator: nonEmptyStringSchema.optional(),
  /** The agency or outlet that supplied it, e.g. `AP`, `Reuters`, `Getty Images`. */
  provider: nonEmptyStringSchema.optional(),
  /** Who holds the copyright, when stated. */
  copyrightHolder: nonEmptyStringSchema.optional(),
  /** URL of the license. */
  license: absoluteUrlSchema.optional(),
  /** Qualifiers such as file, pool or handout photos. */
  flags: z.array(creditFlagSchema).optional(),
});

/** A credit (see {@link creditSchema}). */
export type Credit = z.infer<typeof creditSchema>;

/** A caption: the text describing an image, kept apart from its credit. */
export const captionSchema = z.strictObject({
  /** The caption without the credit. May be empty when only a credit was printed. */
  text: z.string(),
  /** The credit, when one was printed or given. */
  credit: creditSchema.optional(),
});

/** A caption (see {@link captionSchema}). */
export type Caption = z.infer<typeof captionSchema>;
/** What {@link captionSchema} accepts. */
export type CaptionInput = z.input<typeof captionSchema>;

/** Fields shared by the lead image and figure blocks. */
export const imageShape = {
  /** Absolute URL of the image. Optional: text copied from a page often has a caption but no URL. */
  url: absoluteUrlSchema.optional(),
  /** Alternative text for readers who cannot see the image (not the caption). */
  alt: z.string().optional(),
  /** The caption and its credit. */
  caption: captionSchema.optional(),
  /** Width in pixels, when known. */
  width: z.int().positive().optional(),
  /** Height in pixels, when known. */
  height: z.int().positive().optional(),
};

/** An image: URL, alt text, caption with credit, and size. */
export const imageSchema = z.strictObject(imageShape);

/** An image (see {@link imageSchema}). */
export type Image = z.infer<typeof imageSchema>;
/** What {@link imageSchema} accepts. */
export type ImageInput = z.input<typeof imageSchema>;
