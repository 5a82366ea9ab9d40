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

function formatOffset(minutes: number): string {
  if (minutes === 0) return '+00:00';
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, '0');
  return `${sign}${hours}:${String(absolute % 60).padStart(2, '0')}`;
}

/** The offset of `timeZone` at an instant, in minutes east of UTC. */
function zoneOffset(format: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1);
  wall.setUTCHours(parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, 0);
  return Math.round((wall.getTime() - Math.floor(instant / 1000) * 1000) / 60_000);
}

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

/** The UTC offset a wall-clock time has in a time zone (the earlier one in a DST overlap). */
function offsetAt(format: Intl.DateTimeFormat, parts: readonly number[]): string {
  const wall = new Date(0);
  wall.setUTCFullYear(parts[0] ?? 1970, (parts[1] ?? 1) - 1, parts[2] ?? 1);
  wall.setUTCHours(parts[3] ?? 0, parts[4] ?? 0, parts[5] ?? 0, 0);
  const guess = wall.getTime();
  const first = zoneOffset(format, guess);
  const second = zoneOffset(format, guess - first * 60_000);
  // An offset fits when the zone really has it at the instant it gives; in a DST overlap both
  // fit and the earlier instant (the larger offset) wins; in a gap neither fits.
  const fits = [first, second].filter(
    (offset) => zoneOffset(format, guess - offset * 60_000) === offset,
  );
  return formatOffset(fits.length > 0 ? Math.max(...fits) : second);
}

/**
 * Read a JSON-LD date as nutgraf stores it. Accepts ISO dates and date-times with an offset
 * (kept exactly), a space or lower-case `t` between date and time, offsets without a colon
 * (`+0530`, normalized to `+05:30`). A date-time without an offset gets the offset of
 * `format`'s time zone at that time when one is given; otherwise the result says
 * `no-offset` and carries the date alone.
 */
export function readDate(text: string, format: Intl.DateTimeFormat | undefined): ReadDateResult {
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
    if (format !== undefined) {
      const zoned = `${withSeconds}${offsetAt(format, parts)}`;
      if (isoDateStatus(zoned) === 'ok') return { ok: true, value: zoned, zoned: true };
    }
    const dateOnly = value.slice(0, 10);
    if (isoDateStatus(dateOnly) === 'ok') return { ok: false, dateOnly, reason: 'no-offset' };
  }
  return { ok: false, reason: 'invalid' };
}
