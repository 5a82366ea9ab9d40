import { z } from 'zod';
import { isoDateProblem } from './checks.js';

export { isoDateProblem, isoDateStatus } from './checks.js';

/**
 * An ISO 8601 date as nutgraf stores it: a calendar date `YYYY-MM-DD`, or a date-time
 * that keeps its offset (`2015-10-20T10:30:00-04:00`, `2015-10-20T14:30:00Z`).
 *
 * Dates are strings, never `Date` objects, so the offset printed by the publisher survives
 * every round trip. A date-time without an offset is rejected: add one, or pass a
 * `timeZone` to the parser that produced it.
 */
export const isoDateSchema = z
  .string()
  .check((context) => {
    const problem = isoDateProblem(context.value);
    if (problem) {
      context.issues.push({
        code: 'invalid_format',
        format: 'iso-date',
        input: context.value,
        message: problem,
      });
    }
  })
  .meta({
    description:
      'ISO 8601 calendar date (YYYY-MM-DD) or date-time with a UTC offset (Z or ±HH:MM).',
    examples: ['2015-10-20', '2015-10-20T10:30:00-04:00'],
    pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  });

/** An ISO 8601 date string (see {@link isoDateSchema}). */
export type IsoDate = z.infer<typeof isoDateSchema>;
