import { tzOffset } from '@date-fns/tz/tzOffset';
import {
  dateFillers,
  dateLabelMaxWords,
  dateLabels,
  meridiems,
  modifiedLabels,
  months,
  namedTimes,
  relativeDays,
  relativeUnits,
  weekdays,
} from './date-words.js';
import {
  ambiguousZoneNote,
  resolveZoneAbbreviation,
  zoneNameMaxWords,
  zoneNames,
} from './time-zones.js';
import { isWhiteSpace } from './white-space.js';
import { formatOffset, pad, readOffset, wallClockOffset } from './zone-offset.js';

/** How precise a parsed date is. */
export type DatePrecision = 'day' | 'minute' | 'second';

/**
 * Where the UTC offset of a parsed date came from: printed as an `offset` (`-04:00`, `+0000`, `Z`),
 * resolved from a zone `abbreviation` or name (`ET`, `BST`, `GMT`, `Eastern time`), taken from the
 * `timeZone` `option`, or `none` (no zone known: the value is then a calendar date).
 */
export type DateZoneSource = 'offset' | 'abbreviation' | 'option' | 'none';

/** Options for {@link parseDate} and {@link findDate}. */
export interface ParseDateOptions {
  /**
   * IANA time zone used when the text names no zone, e.g. `Europe/Lisbon`.
   * Default: none (a date with a time but no zone is returned as its calendar date, with a note).
   */
  timeZone?: string;
  /**
   * The moment relative dates (`2 hours ago`, `Yesterday`, `Tuesday`) and dates without a year
   * (`Oct 20`) are read against, as a `Date` or an ISO 8601 string. Default: none (such dates are
   * not parsed: the function returns `undefined`).
   */
  referenceDate?: Date | string;
  /**
   * A BCP 47 locale hint. It picks the reading of ambiguous zone abbreviations (`IST` is India by
   * default, Ireland with `en-IE`, Israel with `he`; `CST` is US Central by default, China with `zh`;
   * `BST` is British Summer Time by default, Bangladesh with `bn`) and of ambiguous numeric dates
   * (`03/04/2015` is March 4 with `en-US` and by default, 3 April with any other locale).
   * Default: none.
   */
  locale?: string;
}

/** A date parsed from text. */
export interface ParsedDate {
  /**
   * ISO 8601, accepted by `isoDateSchema`: `2015-10-20T10:30:00-04:00` when a zone is known,
   * `2015-10-20` when it is not (`zone: 'none'`) or when no time was printed.
   */
  value: string;
  /** `day` for a calendar date, `minute` or `second` for a time of day. */
  precision: DatePrecision;
  /** Where the offset came from. */
  zone: DateZoneSource;
  /**
   * The label printed before the date, as one of `published`, `first published`, `updated`,
   * `last updated`, `posted`, `modified`, `created`, `date` (labels in other languages are mapped to
   * these: `Mis à jour le` → `updated`).
   */
  label?: string;
  /** The text the date was read from, exactly as printed (label included, trailing punctuation not). */
  text: string;
  /**
   * Why the value may not be what was meant: an ambiguous zone abbreviation resolved to its
   * default, a time dropped for want of a zone, a year taken from the reference date, …
   */
  note?: string;
}

/** A date found inside a longer line by {@link findDate}. */
export interface FoundDate extends ParsedDate {
  /** Where {@link ParsedDate.text} starts in the searched text (0-based, UTF-16 code units). */
  index: number;
}

type TokenKind = 'iso' | 'numeric' | 'time' | 'number' | 'offset' | 'word' | 'punct';

interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Lower-case, trailing periods removed (words only). */
  key: string;
  /** Ordinal suffix of a number (`th`, `.`). */
  suffix: string;
}

/**
 * One token per match, at the position where the previous one ended (sticky). Every branch is
 * either bounded or a single character class, so tokenizing is linear.
 */
const tokenPattern =
  /(\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?: ?(?:Z|[+-]\d{1,2}(?::?\d{2})?)(?![\d:]))?)?)(?!\d)|(\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}(?!:\d)|\d{2})|\d{1,2}(?:\.| \|) \d{1,2}(?:\.| \|) \d{4}|\d{4} ?[年년] ?\d{1,2} ?[月월] ?\d{1,2} ?[日일]?)(?!\d(?!\d?:\d)|[./-]\d)|(\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,9})?|\d{1,2}[.h]\d{2})(?!\d)|(\d{4}(?=\d{1,2}(?::\d{2}(?!\d)|\.?\s?\p{L}))|\d+)(st|nd|rd|th|er|e|\.)?|([+-]\d{1,2}(?::?\d{2})?)(?!\d)|([\p{L}][\p{L}\p{M}.'’-]*)|(\S)/uy;
/** How many characters {@link findDate} tokenizes at a time. */
const findWindow = 4096;
const digit = /\d/;
/**
 * What every token that gives a date its year holds (`resolve` takes the year from the
 * reference date otherwise): four digits in a row (ISO, `2024`, `12. 03. 2024`, `2024年`) or a
 * numeric date's separated digits (`3/4/24`).
 */
const PRINTED_YEAR = /\d{4}|\d[./-]\d\d?[./-]\d/;
/**
 * A word of over 64 letters, periods aside (a meridiem's key drops them: `p.m.`): longer than
 * any key of the date-word tables, so it keeps its own text as key. Its lower-case copy would be
 * a string as long as the input, and a copy of 1 MB is a large object, fresh memory on each
 * call: the one cost of findDate that grew faster than its input.
 */
export const longWord = /^(?:\.*[^.]){65}/;
const isoParts =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?: ?(Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;
const timeParts = /^(\d{1,2})[:.h](\d{2})(?::(\d{2}))?/;
/** Punctuation a date may contain: one character each. */
const allowedPunctuation = new Set(',|-–—():·•/.@');
const upperAbbreviation = /^\p{Lu}{1,5}$/u;
/** Candidate dates never span more tokens than this, which keeps {@link findDate} linear. */
const maxDateTokens = 24;
/** The longest text {@link parseDate} reads as one date. */
const maxDateLength = 300;

function tokenize(text: string, limit = Infinity): Token[] {
  return tokenizeWindow(text, 0, Infinity, limit).tokens;
}

/** Tokens a scan may look past the last candidate start (a date, its label, a zone name). */
const lookahead = maxDateTokens + 8;

/**
 * Tokenizes `text` from `from` (a token boundary): every token that starts before `until`, then
 * {@link lookahead} more, so that any date starting before `until` is whole. `resume` is where the
 * next window starts (the first token at or after `until`), or `undefined` at the end of the text.
 */
function tokenizeWindow(
  text: string,
  from: number,
  until: number,
  limit = Infinity,
): { tokens: Token[]; resume: number | undefined } {
  const tokens: Token[] = [];
  let position = from;
  let resume: number | undefined;
  let after = 0;
  while (position < text.length && tokens.length < limit) {
    while (position < text.length && isWhiteSpace(text.charCodeAt(position))) position++;
    if (position >= text.length) break;
    if (position >= until) {
      resume ??= position;
      if (after++ >= lookahead) break;
    }
    tokenPattern.lastIndex = position;
    const match = tokenPattern.exec(text);
    if (!match) break; // unreachable: the last branch matches any non-space character
    const kind: TokenKind =
      match[1] !== undefined
        ? 'iso'
        : match[2] !== undefined
          ? 'numeric'
          : match[3] !== undefined
            ? 'time'
            : match[4] !== undefined
              ? 'number'
              : match[6] !== undefined
                ? 'offset'
                : match[7] !== undefined
                  ? 'word'
                  : 'punct';
    const tokenText = kind === 'number' ? (match[4] ?? '') : match[0];
    const end = position + match[0].length;
    tokens.push({
      kind,
      text: tokenText,
      start: position,
      end,
      key: kind === 'word' ? wordKeyOf(tokenText) : tokenText,
      suffix: kind === 'number' ? (match[5] ?? '') : '',
    });
    position = end;
  }
  return { tokens, resume };
}

function wordKeyOf(word: string): string {
  let end = word.length;
  while (end > 0 && word.charCodeAt(end - 1) === 46) end--; // trailing periods
  return word.length > 64 && longWord.test(word) ? word : word.slice(0, end).toLowerCase();
}

interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  /** Whether the weekday was spelled out (`Tuesday`), which a date by weekday alone requires. */
  weekdaySpelledOut?: boolean;
  hour?: number;
  minute?: number;
  second?: number;
  meridiem?: boolean;
  hourToken?: number;
  zone?: string;
  zoneSource?: 'offset' | 'abbreviation';
  zoneIsUtcWord?: boolean;
  relativeMs?: number;
  relativeDays?: number;
  label?: string;
  notes: DateNote[];
}

/**
 * Why a reading may not be what was meant, as data while a date is read: the numeric date read
 * month first, the ambiguous zone abbreviation read by default, a relative date or a weekday or a
 * year read against `referenceDate`, a time dropped for want of a zone. The public `parseDate` and
 * `findDate` write them out as their `note` ({@link noteOf}); parseText, which reads dates with
 * {@link findDateUnchecked} and shows no notes, gives no writer, so their wording stays out of
 * `nutgraf/text`.
 */
type DateNote =
  | readonly ['numeric' | 'zone', string]
  | readonly ['year', number]
  | readonly ['relative' | 'last weekday' | 'time'];

function noteText(note: DateNote): string {
  switch (note[0]) {
    case 'numeric':
      return `Ambiguous numeric date \`${note[1]}\` read as month/day: pass \`locale\` to choose`;
    case 'zone':
      return ambiguousZoneNote(note[1]);
    case 'relative':
      return 'Relative date read against `referenceDate`';
    case 'last weekday':
      return 'Weekday read as the latest such day on or before `referenceDate`';
    case 'year':
      return `Year ${note[1]} taken from \`referenceDate\``;
    case 'time':
      return 'Time dropped: the text names no time zone; pass `timeZone` to keep it';
  }
}

/** How a reading's notes go into its result: as the public functions' `note` ({@link noteOf}), or not at all. */
type NoteWriter = (notes: readonly DateNote[]) => { note?: string };

/** The public functions' {@link NoteWriter}: every note written out, joined in the order made. */
function noteOf(notes: readonly DateNote[]): { note?: string } {
  return notes.length > 0 ? { note: notes.map(noteText).join('; ') } : {};
}

interface Scan {
  parts: DateParts;
  /** Index of the first token read (the label, when there is one). */
  first: number;
  /** Index of the last token that carried meaning. */
  last: number;
  /** Index just past the last token read, fillers included. */
  next: number;
}

function hasCalendarDate(parts: DateParts): boolean {
  return parts.month !== undefined || parts.day !== undefined || parts.year !== undefined;
}

function expandYear(text: string): number {
  const value = Number(text);
  if (text.length > 2) return value;
  return value < 70 ? 2000 + value : 1900 + value;
}

/**
 * The longest run of up to `maxWords` word tokens from `index` that `table` knows
 * (`last updated`, `eastern time`), with the index after it.
 */
function readPhrase(
  tokens: readonly Token[],
  index: number,
  table: ReadonlyMap<string, string>,
  maxWords: number,
): { value: string; next: number } | undefined {
  let words = '';
  let found: { value: string; next: number } | undefined;
  for (let offset = 0; offset < maxWords; offset++) {
    const token = tokens[index + offset];
    if (token?.kind !== 'word') break;
    words = offset === 0 ? token.key : `${words} ${token.key}`;
    const value = table.get(words);
    if (value) found = { value, next: index + offset + 1 };
  }
  return found;
}

function readLabel(
  tokens: readonly Token[],
  index: number,
): { label: string; next: number } | undefined {
  const found = readPhrase(tokens, index, dateLabels, dateLabelMaxWords);
  if (!found) return undefined;
  const next = tokens[found.next]?.text === ':' ? found.next + 1 : found.next;
  return { label: found.value, next };
}

/** Reads one date starting at `index`, filling slots until a token fits none. */
function scan(
  tokens: readonly Token[],
  index: number,
  options: Readonly<ParseDateOptions> | undefined,
): Scan {
  const parts: DateParts = { notes: [] };
  let position = index;
  let last = index - 1;
  const label = readLabel(tokens, position);
  if (label) {
    parts.label = label.label;
    position = label.next;
    last = position - 1;
  }
  const stop = Math.min(tokens.length, index + maxDateTokens);
  reading: while (position < stop) {
    const token = tokens[position] as Token;
    const next = tokens[position + 1];
    switch (token.kind) {
      case 'iso': {
        if (hasCalendarDate(parts) || parts.hour !== undefined) break reading;
        const match = isoParts.exec(token.text);
        if (!match) break reading;
        parts.year = Number(match[1]);
        parts.month = Number(match[2]);
        parts.day = Number(match[3]);
        if (match[4] !== undefined) {
          parts.hour = Number(match[4]);
          parts.minute = Number(match[5]);
          if (match[6] !== undefined) parts.second = Number(match[6]);
          parts.hourToken = position;
        }
        if (match[7] !== undefined) {
          const zone = match[7] === 'Z' ? '+00:00' : readOffset(match[7]);
          if (!zone) break reading;
          parts.zone = zone;
          parts.zoneSource = 'offset';
        }
        break;
      }
      case 'numeric': {
        if (hasCalendarDate(parts)) break reading;
        const pieces = token.text.split(/\D+/).filter((piece) => piece !== '');
        const [a = '', b = '', c = ''] = pieces;
        if (a.length === 4) {
          parts.year = Number(a);
          parts.month = Number(b);
          parts.day = Number(c);
        } else if (a.length > 2) {
          break reading;
        } else {
          parts.year = expandYear(c);
          const first = Number(a);
          const second = Number(b);
          const monthFirst =
            token.text.includes('.') || first > 12
              ? false
              : second > 12
                ? true
                : options?.locale === undefined || /^en-US$/i.test(options.locale);
          if (
            !token.text.includes('.') &&
            first <= 12 &&
            second <= 12 &&
            first !== second &&
            options?.locale === undefined
          ) {
            parts.notes.push(['numeric', token.text]);
          }
          parts.month = monthFirst ? first : second;
          parts.day = monthFirst ? second : first;
        }
        break;
      }
      case 'time': {
        if (parts.hour !== undefined) break reading;
        const match = timeParts.exec(token.text);
        if (!match) break reading;
        parts.hour = Number(match[1]);
        parts.minute = Number(match[2]);
        if (match[3] !== undefined) parts.second = Number(match[3]);
        parts.hourToken = position;
        break;
      }
      case 'number': {
        const value = Number(token.text);
        const unit = next?.kind === 'word' ? relativeUnits.get(next.key) : undefined;
        if (unit && tokens[position + 2]?.key === 'ago') {
          if (
            hasCalendarDate(parts) ||
            parts.relativeMs !== undefined ||
            parts.relativeDays !== undefined
          ) {
            break reading;
          }
          if (unit === 'day' || unit === 'week')
            parts.relativeDays = value * (unit === 'week' ? 7 : 1);
          else parts.relativeMs = value * { second: 1000, minute: 60_000, hour: 3_600_000 }[unit];
          parts.notes.push(['relative']);
          position += 3;
          last = position - 1;
          continue;
        }
        const nextMeridiem =
          next?.kind === 'word' ? meridiems.get(next.key.replaceAll('.', '')) : undefined;
        if (
          nextMeridiem !== undefined &&
          parts.hour === undefined &&
          token.text.length <= 2 &&
          token.suffix === ''
        ) {
          parts.hour = value;
          parts.minute = 0;
          parts.hourToken = position;
        } else if (
          token.text.length === 4 &&
          parts.year === undefined &&
          (token.suffix === '' || token.suffix === '.')
        ) {
          parts.year = value;
        } else if (token.text.length <= 2 && value >= 1 && value <= 31 && parts.day === undefined) {
          parts.day = value;
        } else {
          break reading;
        }
        break;
      }
      case 'offset': {
        if (parts.hour === undefined || (parts.zone !== undefined && !parts.zoneIsUtcWord))
          break reading;
        const zone = readOffset(token.text);
        if (!zone) break reading;
        parts.zone = zone;
        parts.zoneSource = 'offset';
        parts.zoneIsUtcWord = false;
        break;
      }
      case 'word': {
        const key = token.key;
        const month = months.get(key);
        if (month !== undefined) {
          if (parts.month !== undefined) break reading;
          parts.month = month;
          break;
        }
        const meridiem = meridiems.get(key.replaceAll('.', ''));
        if (
          meridiem !== undefined &&
          parts.hourToken === position - 1 &&
          parts.meridiem === undefined
        ) {
          parts.meridiem = meridiem;
          break;
        }
        const named = namedTimes.get(key);
        if (named !== undefined) {
          if (parts.hour !== undefined) break reading;
          parts.hour = named;
          parts.minute = 0;
          parts.hourToken = position;
          break;
        }
        const weekday = weekdays.get(key);
        if (weekday !== undefined) {
          if (parts.weekday !== undefined) break reading;
          parts.weekday = weekday;
          parts.weekdaySpelledOut = key.length >= 5;
          break;
        }
        const daysBefore = relativeDays.get(key);
        if (daysBefore !== undefined) {
          if (hasCalendarDate(parts) || parts.relativeDays !== undefined) break reading;
          parts.relativeDays = daysBefore;
          break;
        }
        const abbreviation = token.text.replace(/\.+$/, '');
        if (upperAbbreviation.test(abbreviation)) {
          const resolved = resolveZoneAbbreviation(abbreviation, options?.locale);
          if (resolved) {
            if (parts.zone !== undefined) break reading;
            parts.zone = resolved.zone;
            parts.zoneSource = 'abbreviation';
            parts.zoneIsUtcWord = resolved.zone === '+00:00';
            if (resolved.ambiguous) parts.notes.push(['zone', abbreviation]);
            break;
          }
        }
        const zoneName = readPhrase(tokens, position, zoneNames, zoneNameMaxWords);
        if (zoneName) {
          if (parts.zone !== undefined) break reading;
          parts.zone = zoneName.value;
          parts.zoneSource = 'abbreviation';
          position = zoneName.next;
          last = position - 1;
          continue;
        }
        if (dateFillers.has(key)) {
          position++;
          continue;
        }
        break reading;
      }
      case 'punct': {
        if (!allowedPunctuation.has(token.text)) break reading;
        position++;
        continue;
      }
    }
    last = position;
    position++;
  }
  return { parts, first: index, last, next: position };
}

interface Reference {
  time: number;
  /** Zone to show relative results in: the `timeZone` option, the reference's own offset, or UTC. */
  zone: string;
  source: 'option' | 'offset';
}

const trailingOffset = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Options of one call, with the reference date read once (findDate resolves many candidates). */
interface Context {
  options: Readonly<ParseDateOptions> | undefined;
  reference?: Reference | null;
  /** Writes the notes into the result; without it a date has no `note`. */
  write?: NoteWriter | undefined;
}

function referenceOf(context: Context): Reference | undefined {
  if (context.reference === undefined) context.reference = readReference(context.options) ?? null;
  return context.reference ?? undefined;
}

/**
 * Refuses a `referenceDate` that is no date. Only the public functions check: parseText passes
 * the unchecked ones a valid Date or none, so the message stays out of `nutgraf/text`.
 */
function checkReference(options: Readonly<ParseDateOptions> | undefined): void {
  if (options?.referenceDate !== undefined && !readReference(options)) {
    throw new TypeError('Expected `options.referenceDate` to be a valid Date or ISO 8601 string');
  }
}

/** The reference date of `options`: none when it has none or it is no date (checkReference). */
function readReference(options: Readonly<ParseDateOptions> | undefined): Reference | undefined {
  const reference = options?.referenceDate;
  if (reference === undefined) return undefined;
  const time = reference instanceof Date ? reference.getTime() : Date.parse(reference);
  if (Number.isNaN(time)) return undefined;
  if (options?.timeZone) return { time, zone: options.timeZone, source: 'option' };
  const printed =
    typeof reference === 'string' ? trailingOffset.exec(reference.trim())?.[0] : undefined;
  const zone = printed && printed.toUpperCase() !== 'Z' ? readOffset(printed) : undefined;
  return { time, zone: zone ?? '+00:00', source: 'offset' };
}

/** IANA zones already checked: checking one builds an `Intl.DateTimeFormat`, which is slow. */
const knownZones = new Set<string>();

export function checkTimeZone(timeZone: string | undefined): void {
  if (timeZone === undefined || knownZones.has(timeZone)) return;
  if (typeof timeZone === 'string' && !Number.isNaN(tzOffset(timeZone, new Date(0)))) {
    knownZones.add(timeZone);
    return;
  }
  throw new TypeError(
    'Expected `options.timeZone` to be an IANA time zone such as `Europe/Lisbon`',
  );
}

function hourOf(parts: DateParts): number | undefined {
  const hour = parts.hour;
  if (hour === undefined || parts.meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return undefined;
  return (hour % 12) + (parts.meridiem ? 12 : 0);
}

const fixedOffset = /^([+-])(\d{2}):(\d{2})$/;

/** A calendar date and time of day: month 1–12. */
interface CalendarTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A wall clock: a calendar time and its weekday, 0 (Sunday) – 6. */
interface WallClock extends CalendarTime {
  weekday: number;
}

/** `2026-03-10T09:30:00` and then `offset` (`Z`, `+05:30`). */
function printIso(time: CalendarTime, offset: string): string {
  return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${offset}`;
}

/** The fields of a time read in UTC. */
function utcWallClock(time: number): WallClock {
  const date = new Date(time);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    weekday: date.getUTCDay(),
  };
}

/**
 * The wall clock of an instant in a zone. Fixed offsets are applied directly: @date-fns/tz reads
 * an offset zone through an `Intl` error on Node 20, which is slow. An IANA zone's offset comes
 * from `tzOffset` (whole seconds, as `TZDate` applies it; NaN fields for a zone it does not know).
 */
function wallClockOf(time: number, zone: string): WallClock {
  const fixed = fixedOffset.exec(zone);
  if (fixed) {
    const minutes = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
    return utcWallClock(time + minutes * 60_000);
  }
  return utcWallClock(time - Math.round(-tzOffset(zone, new Date(time)) * 60) * 1000);
}

/** Whether a calendar date exists (month 0–11), as date-fns's `isExists` reads it. */
function isExists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month && date.getUTCDate() === day
  );
}

/** ISO 8601 for a wall-clock time in a zone: printed directly for a fixed offset, else with the zone's offset then. */
function isoDateTime(fields: CalendarTime, zone: string): string | undefined {
  const { year, month, day, hour, minute, second } = fields;
  if (fixedOffset.test(zone)) {
    return printIso(fields, zone === '+00:00' || zone === '-00:00' ? 'Z' : zone);
  }
  const found = wallClockOffset(zone, [year, month, day, hour, minute, second]);
  if (!found) return undefined;
  if (!found.exists) {
    // A wall-clock time skipped by a DST change moves forward by the gap (as `TZDate` moves it):
    // read with the offset before the change, printed with the one after (whole minutes).
    // The two offsets are `found.minutes` and the one at the instant it gives; before is the smaller.
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const other = tzOffset(zone, new Date(wall - found.minutes * 60_000));
    const instant = wall - Math.min(found.minutes, other) * 60_000;
    const moved = wallClockOf(instant, zone);
    const minutes = Math.trunc(tzOffset(zone, new Date(instant)));
    return printIso(moved, minutes === 0 ? 'Z' : formatOffset(minutes));
  }
  return printIso(fields, found.minutes === 0 ? 'Z' : formatOffset(found.minutes));
}

/** Turns the slots filled by {@link scan} into a result, or `undefined` when they are not a date. */
function resolve(parts: DateParts, text: string, context: Context): ParsedDate | undefined {
  const options = context.options;
  const notes = [...parts.notes];
  const label = parts.label === undefined ? {} : { label: parts.label };
  const hour = hourOf(parts);
  if (parts.hour !== undefined && hour === undefined) return undefined;
  const minute = parts.minute ?? 0;
  const second = parts.second ?? 0;
  if (hour !== undefined && (hour > 23 || minute > 59 || second > 59)) return undefined;

  let year = parts.year;
  let month = parts.month;
  let day = parts.day;
  const relative =
    parts.relativeMs !== undefined ||
    parts.relativeDays !== undefined ||
    (parts.weekday !== undefined && month === undefined && day === undefined && year === undefined);
  if (relative) {
    if (hasCalendarDate(parts)) return undefined;
    const reference = referenceOf(context);
    if (!reference) return undefined;
    if (parts.relativeMs !== undefined) {
      if (parts.hour !== undefined) return undefined;
      const time = reference.time - parts.relativeMs;
      const value = isoDateTime(wallClockOf(time, reference.zone), reference.zone);
      if (value === undefined) return undefined;
      return {
        value,
        precision: parts.relativeMs % 60_000 === 0 ? 'minute' : 'second',
        zone: reference.source,
        ...label,
        text,
        ...context.write?.(notes),
      };
    }
    const referenceDay = wallClockOf(reference.time, parts.zone ?? reference.zone);
    let daysBefore = parts.relativeDays ?? 0;
    if (parts.relativeDays === undefined && parts.weekday !== undefined) {
      if (!parts.weekdaySpelledOut) return undefined;
      daysBefore = (referenceDay.weekday - parts.weekday + 7) % 7;
      notes.push(['last weekday']);
    }
    const target = utcWallClock(
      Date.UTC(referenceDay.year, referenceDay.month - 1, referenceDay.day - daysBefore),
    );
    year = target.year;
    month = target.month;
    day = target.day;
  }
  if (month === undefined || day === undefined) return undefined;
  if (year === undefined) {
    const reference = referenceOf(context);
    if (!reference) return undefined;
    const wall = wallClockOf(reference.time, parts.zone ?? reference.zone);
    year = wall.year;
    // The latest such date on or before the day after the reference date.
    if (
      isExists(year, month - 1, day) &&
      Date.UTC(year, month - 1, day) > Date.UTC(year, wall.month - 1, wall.day + 1)
    ) {
      year--;
    }
    notes.push(['year', year]);
  }
  if (year < 1000 || year > 2999 || !isExists(year, month - 1, day)) return undefined;
  const calendarDate = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

  const zone = parts.zone ?? options?.timeZone;
  if (hour === undefined || zone === undefined) {
    if (hour !== undefined) notes.push(['time']);
    return {
      value: calendarDate,
      precision: 'day',
      zone: 'none',
      ...label,
      text,
      ...context.write?.(notes),
    };
  }
  const value = isoDateTime({ year, month, day, hour, minute, second }, zone);
  if (value === undefined) return undefined;
  return {
    value,
    precision: parts.second === undefined ? 'minute' : 'second',
    zone: parts.zoneSource ?? 'option',
    ...label,
    text,
    ...context.write?.(notes),
  };
}

function checkArguments(text: unknown, options: Readonly<ParseDateOptions> | undefined): void {
  checkTypes(text, options);
  checkTimeZone(options?.timeZone);
}

function checkTypes(text: unknown, options: Readonly<ParseDateOptions> | undefined): void {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError('Expected `options` to be an object');
  }
}

/**
 * Parses a printed date into an ISO 8601 string that keeps its UTC offset: ISO 8601 / RFC 3339,
 * RFC 2822, AP style (`Oct. 21, 2015`, `Sept. 3`, `3:45 p.m.`, `noon`), UK style
 * (`Tue 20 Oct 2015 10.30 BST`), day-first European dates with their month names, numeric dates,
 * relative dates (`2 hours ago`, `Yesterday`, with `referenceDate`), and a leading label
 * (`Updated:`, `Published`, `Last updated`), which is returned in `label`.
 *
 * The whole text must be the date (trailing punctuation aside); use {@link findDate} to find one in a
 * longer line. Returns `undefined` when the text is not a date, including a bare year or number and a
 * month and day without a year when no `referenceDate` is given.
 *
 * Zone abbreviations follow daylight saving time where the abbreviation does not fix it (`ET` is
 * -04:00 in October, -05:00 in January; `EDT` is always -04:00). Ambiguous ones (`IST`, `CST`, `BST`)
 * use `options.locale` and otherwise resolve to India, US Central and British Summer Time, with a
 * `note` saying so. A time without any zone is dropped (`zone: 'none'`, a calendar `value`, a `note`)
 * unless `options.timeZone` is given.
 *
 * @example
 * parseDate('Updated: Oct. 21, 2015 at 3:45 p.m. EDT')
 * //=> { value: '2015-10-21T15:45:00-04:00', precision: 'minute', zone: 'abbreviation',
 * //     label: 'updated', text: 'Updated: Oct. 21, 2015 at 3:45 p.m. EDT' }
 * parseDate('20 October 2015') //=> { value: '2015-10-20', precision: 'day', zone: 'none', text: '20 October 2015' }
 * parseDate('March 9, 2024 9 a.m.', { timeZone: 'America/Chicago' }).value //=> '2024-03-09T09:00:00-06:00'
 * parseDate('2 hours ago', { referenceDate: '2015-10-20T10:30:00Z' }).value //=> '2015-10-20T08:30:00Z'
 */
export function parseDate(
  text: string,
  options?: Readonly<ParseDateOptions>,
): ParsedDate | undefined {
  checkArguments(text, options);
  if (text.length > maxDateLength * 4) return undefined;
  checkReference(options);
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > maxDateLength) return undefined;
  if (options?.referenceDate === undefined && !digit.test(trimmed)) return undefined;
  const tokens = tokenize(trimmed, maxDateTokens + 1);
  if (tokens.length > maxDateTokens) return undefined;
  const result = scan(tokens, 0, options);
  for (let index = result.next; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (token.kind !== 'punct' || !allowedPunctuation.has(token.text)) return undefined;
  }
  const lastToken = tokens[result.last];
  if (!lastToken) return undefined;
  return resolve(result.parts, trimmed.slice(0, lastToken.end), { options, write: noteOf });
}

/** Tokens a date can start with (its label aside). */
function canStartDate(token: Token): boolean {
  switch (token.kind) {
    case 'iso':
    case 'numeric':
    case 'time':
    case 'number':
      return true;
    case 'word':
      return (
        months.has(token.key) ||
        weekdays.has(token.key) ||
        relativeDays.has(token.key) ||
        namedTimes.has(token.key) ||
        dateLabels.has(token.key)
      );
    default:
      return false;
  }
}

/**
 * Finds the first date inside a longer text, such as the date glued to a byline
 * (`By Ana Ruiz March 11, 2015 3:46 PM`) or a `Published …` line, and says where it starts.
 * It reads dates as {@link parseDate} does, scanning in linear time.
 *
 * @example
 * findDate('By Ana Ruiz March 11, 2015 3:46 PM', { timeZone: 'America/New_York' })
 * //=> { value: '2015-03-11T15:46:00-04:00', precision: 'minute', zone: 'option',
 * //     text: 'March 11, 2015 3:46 PM', index: 12 }
 */
export function findDate(
  text: string,
  options?: Readonly<ParseDateOptions>,
): FoundDate | undefined {
  checkArguments(text, options);
  checkReference(options);
  return findDateUnchecked(text, options, noteOf);
}

/**
 * {@link findDate} without its type checks, for callers whose arguments are typed (the checks'
 * messages stay out of `nutgraf/text`); a time zone that is not one is still refused, a
 * `referenceDate` that is no date is read as none. The date has a `note` only when `write` is
 * given (findDate's {@link noteOf}).
 */
export function findDateUnchecked(
  text: string,
  options?: Readonly<ParseDateOptions>,
  write?: NoteWriter,
): FoundDate | undefined {
  checkTimeZone(options?.timeZone);
  // Without a reference date, a date needs a year printed in digits (four in a row, or two
  // after a numeric day and month: `3/4/24`); `Yesterday`, `Tuesday`, `May 2` need one.
  if (options?.referenceDate === undefined && !PRINTED_YEAR.test(text)) return undefined;
  const context: Context = { options, write };
  const textStart = text.search(/\S/u);
  // Windows of text keep memory flat on long inputs; each is read with enough lookahead that a
  // date starting in it is whole.
  let from = 0;
  while (from < text.length) {
    const until = from + findWindow;
    const { tokens, resume } = tokenizeWindow(text, from, until);
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index] as Token;
      if (token.start >= until) break;
      if (!canStartDate(token)) continue;
      const result = scan(tokens, index, options);
      const first = tokens[result.first];
      const lastToken = tokens[result.last];
      if (!first || !lastToken || result.last < result.first) continue;
      // Relative dates (`today`, `2 hours ago`, `Tuesday`) in running text are narration, not
      // timestamps: only at the start of the text or after a label.
      const relativeOnly = !hasCalendarDate(result.parts);
      if (relativeOnly && result.parts.label === undefined && first.start !== textStart) continue;
      const parsed = resolve(result.parts, text.slice(first.start, lastToken.end), context);
      if (parsed) return { ...parsed, index: first.start };
    }
    if (resume === undefined) break;
    from = resume;
  }
  return undefined;
}

/**
 * Which date a printed label announces: `modified` for `Updated`, `Last updated`, `Modified`
 * (and their translations), `published` for any other label (`Published`, `Posted`, `Date`),
 * `undefined` when no label was printed.
 *
 * @example
 * dateKindOf(findDate('Updated: Oct. 21, 2015')) //=> 'modified'
 * dateKindOf(findDate('Posted Oct. 21, 2015')) //=> 'published'
 */
export function dateKindOf(date: Pick<ParsedDate, 'label'>): 'published' | 'modified' | undefined {
  if (date.label === undefined) return undefined;
  return modifiedLabels.has(date.label) ? 'modified' : 'published';
}
