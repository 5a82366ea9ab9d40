import { z } from 'zod';

/**
 * A calendar date, `YYYY-MM-DD`.
 */
const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date-time with seconds and fraction optional, and an optional offset.
 * The offset group is checked separately so that a missing offset gets its own message.
 */
const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;

/** Days in each month of a leap year; February is checked against the year below. */
const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return isLeapYear(year);
  return day <= (daysInMonth[month - 1] ?? 0);
}

/** Why a string is not an ISO 8601 date as nutgraf stores it, or `undefined` when it is one. */
export function isoDateProblem(value: string): string | undefined {
  const date = calendarDate.exec(value);
  if (date) {
    return isValidCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))
      ? undefined
      : `\`${value}\` is not a real calendar date`;
  }
  const time = dateTime.exec(value);
  if (!time) {
    return `Expected an ISO 8601 date (\`2024-03-09\`) or date-time with offset (\`2024-03-09T14:30:00-05:00\`), got \`${value}\``;
  }
  if (!isValidCalendarDate(Number(time[1]), Number(time[2]), Number(time[3]))) {
    return `\`${value}\` is not a real calendar date`;
  }
  if (Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6] ?? 0) > 59) {
    return `\`${value}\` is not a real time of day`;
  }
  if (time[7] === undefined) {
    return `Date-time \`${value}\` has no UTC offset: add \`Z\` or \`±HH:MM\` (for example \`${value}-05:00\`), or pass \`timeZone\` when parsing`;
  }
  if (time[8] !== undefined && (Number(time[8]) > 14 || Number(time[9]) > 59)) {
    return `\`${value}\` has an impossible UTC offset`;
  }
  return undefined;
}

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
