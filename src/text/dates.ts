import { findDate as findFieldDate } from '../fields/index.js';
import { memoized } from './memo.js';

/** A date found inside a line of text. */
export interface FoundDate {
  /** ISO 8601: `YYYY-MM-DD`, or a date-time with an offset when the text gave a zone. */
  value: string;
  /** 0-based index of the match in the line. */
  index: number;
  /** Length of the match. */
  length: number;
  /** `published`, `updated` or undefined when no label preceded it. */
  label?: 'published' | 'updated';
}

/** Options for {@link findDate}. */
export interface FindDateOptions {
  /** IANA zone for times printed without one, e.g. `America/New_York`. */
  timeZone?: string;
  /** Prefer day-first numeric dates (`03/04/2024` is 3 April). Default: month first unless the first number is > 12. */
  dayFirst?: boolean;
  /** The capture time, for relative dates (`Updated 2 hours ago`, `Yesterday`). */
  referenceDate?: Date;
}

const DIGIT = /\d/;
const UPDATED_LABEL = /update|modif/;

/** Longest part of a line searched for a date. */
const CAP = 400;

/**
 * Find the first date printed in a line, with its label (`Published`, `Updated`) when one
 * precedes it: the field parser's `findDate`, narrowed to what the text parser needs (lines
 * without a digit are skipped at once, long lines are read up to 400 characters).
 *
 * @example
 * findDate('Updated: Oct. 21, 2015 at 3:45 p.m. EDT')
 * //=> { value: '2015-10-21T15:45:00-04:00', index: 0, length: 39, label: 'updated' }
 */
export function findDate(
  line: string,
  options: Readonly<FindDateOptions> = {},
): FoundDate | undefined {
  return options.timeZone || options.dayFirst || options.referenceDate
    ? search(line, options)
    : searchPlain(line);
}

/** {@link search} without options, remembered per parse (callers never change the answer). */
const searchPlain = memoized((line: string) => search(line, {}));

function search(line: string, options: Readonly<FindDateOptions>): FoundDate | undefined {
  const head = line.length > CAP ? line.slice(0, CAP) : line;
  // Only relative dates (`Yesterday`) are written without a digit.
  if (!options.referenceDate && !DIGIT.test(head)) return undefined;
  const found = findFieldDate(head, {
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.dayFirst ? { locale: 'en-GB' } : {}),
    ...(options.referenceDate ? { referenceDate: options.referenceDate } : {}),
  });
  if (!found) return undefined;
  const result: FoundDate = { value: found.value, index: found.index, length: found.text.length };
  if (found.label) result.label = UPDATED_LABEL.test(found.label) ? 'updated' : 'published';
  return result;
}
