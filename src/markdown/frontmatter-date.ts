import { parseDate } from '../fields/index.js';
import { formatOffset, readOffset, wallClockOffset } from '../fields/zone-offset.js';
import { isoDateProblem } from '../schema/index.js';

/**
 * A YAML timestamp as frontmatter writes it: `2015-10-20`, `2013-10-28 2:07:47 -0400`,
 * `2010-04-14 06:11:10+00:00`, `2015-10-20T10:30:00.000Z`, `2016-01-05 09:00:00 -5`.
 * No group can match what the next one matches, so it runs in linear time.
 */
const yamlTimestamp =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?[ \t]*(Z|z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?)?$/;

/** Longer strings are not dates; they are not matched at all. */
const MAX_DATE_LENGTH = 80;

/** What {@link readFrontmatterDate} made of a value. */
export type FrontmatterDate =
  | { ok: true; value: string; droppedTime?: boolean }
  | { ok: false; message: string };

const pad = (value: string | number, length = 2): string => String(value).padStart(length, '0');

function normalizeOffset(offset: string): string {
  if (/^(?:Z|z|UTC|GMT)$/.test(offset))
    return offset === 'z' ? 'Z' : offset.length > 1 ? '+00:00' : 'Z';
  // Out of range (`+15:00`): left as written, for the date check to report.
  return readOffset(offset) ?? offset;
}

/** The UTC offset of a wall-clock time in `timeZone`, or `undefined` for an unknown zone. */
function offsetIn(timeZone: string, parts: readonly number[]): string | undefined {
  const found = wallClockOffset(timeZone, parts);
  return found === undefined ? undefined : formatOffset(found.minutes);
}

/**
 * Read a frontmatter date into the ISO 8601 form nutgraf stores, keeping the offset as
 * written. A date-time without an offset takes it from `timeZone`; without one, only the
 * calendar date is kept (`droppedTime`). Other printed forms (`March 3, 2015`) go through
 * `parseDate`.
 */
export function readFrontmatterDate(value: unknown, timeZone?: string): FrontmatterDate {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return { ok: true, value: value.toISOString().replace('.000Z', 'Z') };
  }
  if (typeof value !== 'string') {
    return {
      ok: false,
      message: 'expected a date such as `2024-03-09` or `2024-03-09 14:30:00 -05:00`',
    };
  }
  const text = value.trim();
  const match = text.length <= MAX_DATE_LENGTH ? yamlTimestamp.exec(text) : null;
  if (match) {
    const [, year = '', month = '', day = '', hour, minute, second, fraction, offset] = match;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (hour === undefined) return checked(date);
    const time = `${pad(hour)}:${minute}${second === undefined ? '' : `:${second}${fraction ?? ''}`}`;
    if (offset !== undefined) return checked(`${date}T${time}${normalizeOffset(offset)}`);
    const zone =
      timeZone === undefined
        ? undefined
        : offsetIn(timeZone, [year, month, day, hour, minute ?? 0, second ?? 0].map(Number));
    if (zone) return checked(`${date}T${time}${zone}`);
    const result = checked(date);
    return result.ok ? { ...result, droppedTime: true } : result;
  }
  if (text.length > 0 && text.length <= MAX_DATE_LENGTH) {
    const parsed = parseDate(text, timeZone === undefined ? {} : { timeZone });
    if (parsed) return checked(parsed.value);
  }
  return {
    ok: false,
    message: `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\` is not a date; expected a date such as \`2024-03-09\` or \`2024-03-09 14:30:00 -05:00\``,
  };
}

function checked(value: string): FrontmatterDate {
  const problem = isoDateProblem(value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}
