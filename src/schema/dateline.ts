import { z } from 'zod';
import { nonEmptyStringSchema } from './primitives.js';

/**
 * A dateline: where (and sometimes when) a story was filed, e.g. `MOSCOW (Reuters) -`.
 * The agency is provenance, never an author.
 */
export const datelineSchema = z.strictObject({
  /** The dateline exactly as printed, e.g. `LONDON, Oct 20 (Reuters) -`. */
  text: nonEmptyStringSchema,
  /** The place, e.g. `LONDON`, `KANSAS CITY, Mo.`, `LONDON/WASHINGTON`. */
  place: nonEmptyStringSchema.optional(),
  /** The agency in parentheses, e.g. `AP`, `Reuters`, `dpa`. */
  agency: nonEmptyStringSchema.optional(),
  /** The date as printed in the dateline, e.g. `Oct 20` (datelines rarely give a year). */
  date: nonEmptyStringSchema.optional(),
});

/** A dateline (see {@link datelineSchema}). */
export type Dateline = z.infer<typeof datelineSchema>;
