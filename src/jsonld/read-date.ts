import { formatOffset, wallClockOffset } from '../fields/zone-offset.js';
import { isoDateStatus } from './model-checks.js';

/** `2026-03-10 18:05` or `2026-03-10t18:05`: a date-time with a space or lower-case `t`. */
const spacedTime = /^(\d{4}-\d{2}-\d{2})[ t](\d{2}:\d{2})/;
/** An offset without a colon (`+0530`) or without minutes (`+05`), after a time. */
const compactOffset = /(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-])(\d{2}):?(\d{2})?$/;
/** A date-time without an offset. */
const localDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;

/** What {@link readDate} found. */
export type ReadDateResult =
  | { ok: true; value: string; zoned?: boolean }
  | { ok: false; dateOnly?: string; reason: 'no-offset' | 'invalid' };

/** A formatter that reads wall-clock parts in a time zone; throws a RangeError for a bad zone. */
export function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/**
 * Read a JSON-LD date as nutgraf stores it. Accepts ISO dates and date-times with an offset
 * (kept exactly), a space or lower-case `t` between date and time, offsets without a colon
 * (`+0530`, normalized to `+05:30`). A date-time without an offset gets the offset of
 * `timeZone` at that time when one is given (a wall-clock time a DST change repeats takes the
 * earlier instant); otherwise the result says
 * `no-offset` and carries the date alone.
 */
export function readDate(text: string, timeZone: string | undefined): ReadDateResult {
  let value = text.trim();
  if (value.length > 64) return { ok: false, reason: 'invalid' };
  value = value.replace(spacedTime, '$1T$2');
  value = value.replace(/z$/, 'Z');
  value = value.replace(
    compactOffset,
    (_, time: string, sign: string, hours: string, minutes?: string) =>
      `${time}${sign}${hours}:${minutes ?? '00'}`,
  );
  const status = isoDateStatus(value);
  if (status === 'ok') return { ok: true, value };
  const local = status === 'no-offset' ? localDateTime.exec(value) : null;
  if (local) {
    const parts = local.slice(1, 7).map((part) => Number(part ?? 0));
    const withSeconds = `${value}${local[6] === undefined ? ':00' : ''}`;
    const offset = timeZone === undefined ? undefined : wallClockOffset(timeZone, parts);
    if (offset !== undefined) {
      const zoned = `${withSeconds}${formatOffset(offset.minutes)}`;
      if (isoDateStatus(zoned) === 'ok') return { ok: true, value: zoned, zoned: true };
    }
    const dateOnly = value.slice(0, 10);
    if (isoDateStatus(dateOnly) === 'ok') return { ok: false, dateOnly, reason: 'no-offset' };
  }
  return { ok: false, reason: 'invalid' };
}
