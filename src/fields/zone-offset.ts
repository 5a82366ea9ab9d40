import { tzOffset } from '@date-fns/tz/tzOffset';

/**
 * UTC offsets, in one place for every reader: printing them, reading printed ones, and the
 * offset an IANA zone has at a wall-clock time (@date-fns/tz's zone data).
 */

const threeHours = 3 * 3_600_000;

/** `value` with zeros before it up to `length` digits: `pad(5)` is `05`. */
export const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/**
 * An offset in minutes east of UTC as ISO 8601 prints it.
 *
 * @example
 * formatOffset(330) //=> '+05:30'
 * formatOffset(-240) //=> '-04:00'
 * formatOffset(0) //=> '+00:00'
 */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** `+05:30`, `+0530`, `+05`, `-4`: a sign, hours, and minutes with or without a colon. */
const numericOffset = /^([+-])(\d{1,2})(?::?(\d{2}))?$/;

/**
 * A printed numeric offset as ISO 8601 writes it (`+0530` → `+05:30`, `-4` → `-04:00`);
 * `undefined` when the text is not one or is beyond ±14:59.
 */
export function readOffset(text: string): string | undefined {
  const match = numericOffset.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return `${match[1]}${pad(hours)}:${pad(minutes)}`;
}

/** What {@link wallClockOffset} found. */
export interface WallClockOffset {
  /** Minutes east of UTC. */
  minutes: number;
  /** False for a wall-clock time the zone skips (a DST gap): `minutes` is then the offset after it begins. */
  exists: boolean;
}

/**
 * The offset an IANA zone has at a wall-clock time (month 1–12). In a DST overlap, where the
 * time happens twice, the larger offset (the earlier instant) wins. `undefined` for a zone
 * @date-fns/tz does not know.
 *
 * @example
 * wallClockOffset('America/New_York', [2024, 7, 1, 12, 0, 0]) //=> { minutes: -240, exists: true }
 */
export function wallClockOffset(
  zone: string,
  [year = 1970, month = 1, day = 1, hour = 0, minute = 0, seconds = 0]: readonly number[],
): WallClockOffset | undefined {
  const wall = Date.UTC(year, month - 1, day, hour, minute, seconds);
  // Read at the wall time taken as UTC, then at the instant that gives: the second read settles
  // a DST change between the two.
  const first = tzOffset(zone, new Date(wall));
  if (Number.isNaN(first)) return undefined;
  const instant = wall - first * 60_000;
  const then = tzOffset(zone, new Date(instant));
  // The offsets in force three hours either side catch both sides of a DST change near it.
  const candidates = new Set([
    first,
    then,
    tzOffset(zone, new Date(instant - threeHours)),
    tzOffset(zone, new Date(instant + threeHours)),
  ]);
  const fits = [...candidates].filter(
    (offset) => tzOffset(zone, new Date(wall - offset * 60_000)) === offset,
  );
  return fits.length > 0
    ? { minutes: Math.max(...fits), exists: true }
    : { minutes: then, exists: false };
}
