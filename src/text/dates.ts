import { findDate as fieldsFindDate } from '../fields/index.js';

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
  /** Also ask the field parser (`findDate` in `nutgraf/fields`), which reads more forms but is slower. Default `false`. */
  precise?: boolean;
  /** Prefer day-first numeric dates (`03/04/2024` is 3 April). Default: month first unless the first number is > 12. */
  dayFirst?: boolean;
}

/** Month names and abbreviations in the languages of the corpora, lower case, to month numbers. */
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
  // German
  januar: 1,
  jänner: 1,
  februar: 2,
  märz: 3,
  mai: 5,
  juni: 6,
  juli: 7,
  oktober: 10,
  dezember: 12,
  // French
  janvier: 1,
  février: 2,
  fevrier: 2,
  mars: 3,
  avril: 4,
  juin: 6,
  juillet: 7,
  août: 8,
  aout: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  decembre: 12,
  // Spanish, Portuguese, Italian
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  janeiro: 1,
  fevereiro: 2,
  março: 3,
  maio: 5,
  junho: 6,
  julho: 7,
  setembro: 9,
  outubro: 10,
  novembro: 11,
  dezembro: 12,
  gennaio: 1,
  febbraio: 2,
  aprile: 4,
  maggio: 5,
  giugno: 6,
  luglio: 7,
  settembre: 9,
  ottobre: 10,
  dicembre: 12,
};

/** Fixed offsets of zone abbreviations that are not ambiguous in news copy. */
const ZONES: Readonly<Record<string, string>> = {
  utc: 'Z',
  gmt: 'Z',
  z: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  jst: '+09:00',
  kst: '+09:00',
  aest: '+10:00',
  aedt: '+11:00',
  hkt: '+08:00',
  sgt: '+08:00',
  msk: '+03:00',
};

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

const TIME = String.raw`(?:,?\s*(?:at\s+|-\s+|um\s+|à\s+|\|\s*)?(\d{1,2})[:.h](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*(UTC|GMT|Z|[ECMP][SD]T|BST|CES?T|JST|KST|AES?T|AEDT|HKT|SGT|MSK|[+-]\d{2}:?\d{2}))?)?`;

/** Date shapes, most specific first. Each has its groups read by `read`. */
const PATTERNS: ReadonlyArray<{ regex: RegExp; read: (m: RegExpExecArray) => Parts | undefined }> =
  [
    {
      regex:
        /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,9})?\s*(Z|[+-]\d{2}:?\d{2})?)?(?!\d)/,
      read: (m) => ({ y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: m[4], mi: m[5], s: m[6], zone: m[7] }),
    },
    {
      regex: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(\d{1,2})[:時](\d{2}))?/,
      read: (m) => ({ y: +m[1]!, mo: +m[2]!, d: +m[3]!, h: m[4], mi: m[5] }),
    },
    {
      regex: new RegExp(
        String.raw`\b(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(\d{4})\b${TIME}`,
        'i',
      ),
      read: (m) => ({ y: +m[3]!, mo: MONTHS[m[1]!.toLowerCase()]!, d: +m[2]!, ...time(m, 4) }),
    },
    {
      regex: new RegExp(
        String.raw`\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(${MONTH_ALT})\.?,?\s+(?:de\s+)?(\d{4})\b${TIME}`,
        'i',
      ),
      read: (m) => ({ y: +m[3]!, mo: MONTHS[m[2]!.toLowerCase()]!, d: +m[1]!, ...time(m, 4) }),
    },
    {
      // 11:42 GMT, 2 February 2026   ·   3:45 PM ET, Tue October 20, 2015
      regex: new RegExp(
        String.raw`\b(\d{1,2})[:.](\d{2})\s*(a\.?m\.?|p\.?m\.?)?\s*(UTC|GMT|[ECMP][SD]T|BST|CES?T|JST|KST|AES?T|AEDT|HKT|SGT|MSK|ET|CT|PT)?,?\s+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:(\d{1,2})\s+(${MONTH_ALT})|(${MONTH_ALT})\.?\s+(\d{1,2}))\.?,?\s+(\d{4})\b`,
        'i',
      ),
      read: (m) => ({
        y: +m[9]!,
        mo: MONTHS[(m[6] ?? m[7])!.toLowerCase()]!,
        d: +(m[5] ?? m[8])!,
        h: m[1],
        mi: m[2],
        ampm: m[3],
        zone: m[4],
      }),
    },
    {
      regex: new RegExp(
        String.raw`(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.])${TIME}`,
      ),
      read: (m) => {
        let a = +m[1]!;
        let b = +m[3]!;
        if (m[2] === '.' || a > 12) [a, b] = [b, a];
        const yy = +m[4]!;
        return {
          y: m[4]!.length === 2 ? 2000 + yy : yy,
          mo: a,
          d: b,
          ...time(m, 5),
          ambiguous: true,
        };
      },
    },
  ];

interface Parts {
  y: number;
  mo: number;
  d: number;
  h?: string | undefined;
  mi?: string | undefined;
  s?: string | undefined;
  ampm?: string | undefined;
  zone?: string | undefined;
  ambiguous?: boolean;
}

function time(m: RegExpExecArray, at: number): Partial<Parts> {
  return { h: m[at], mi: m[at + 1], s: m[at + 2], ampm: m[at + 3], zone: m[at + 4] };
}

const LABEL =
  /(updated|modified|aktualisiert|mis à jour|actualizado|更新)|(published|posted|publié|veröffentlicht|publicado|发布|公開)/gi;

const pad = (n: number) => String(n).padStart(2, '0');

function daysIn(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** The UTC offset of `timeZone` at a wall-clock time, as `±HH:MM`, or undefined for an unknown zone. */
function zoneOffset(
  timeZone: string,
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
): string | undefined {
  try {
    const format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    const part = format
      .formatToParts(new Date(Date.UTC(y, mo - 1, d, h, mi)))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part) return undefined;
    const match = /GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?/.exec(part);
    if (!match) return undefined;
    if (!match[1]) return 'Z';
    return `${match[1]}${pad(+match[2]!)}:${match[3] ?? '00'}`;
  } catch {
    return undefined;
  }
}

function toIso(p: Parts, options: Readonly<FindDateOptions>): string | undefined {
  if (!Number.isInteger(p.y) || !Number.isInteger(p.mo) || !Number.isInteger(p.d)) return undefined;
  if (p.y < 1900 || p.y > 2100 || p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > daysIn(p.y, p.mo)) {
    return undefined;
  }
  const date = `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
  if (p.h === undefined || p.mi === undefined) return date;
  let hour = +p.h;
  const minute = +p.mi;
  const ampm = p.ampm?.toLowerCase().replace(/\./g, '');
  if (ampm === 'pm' && hour < 12) hour += 12;
  if (ampm === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return date;
  let offset: string | undefined;
  if (p.zone) {
    const zone = p.zone.toLowerCase();
    offset = ZONES[zone];
    if (!offset && /^[+-]\d{2}:?\d{2}$/.test(p.zone)) {
      offset = `${p.zone.slice(0, 3)}:${p.zone.slice(-2)}`;
    }
  } else if (options.timeZone) {
    offset = zoneOffset(options.timeZone, p.y, p.mo, p.d, hour, minute);
  }
  if (!offset) return date;
  const seconds = p.s !== undefined && +p.s < 60 ? `:${p.s}` : ':00';
  return `${date}T${pad(hour)}:${pad(minute)}${seconds}${offset}`;
}

const DIGIT = /\d/;
const UPDATED_LABEL = /update|modif/;

/** Longest part of a line searched for a date. */
const CAP = 400;

/**
 * Find the first date printed in a line: ISO dates, `March 9, 2024`, `9 March 2024`,
 * `Sept. 3, 2015 at 3:45 p.m. EDT`, `2019年3月5日`, `03/09/2024`, with their label
 * (`Published`, `Updated`) when one precedes them.
 *
 * @example
 * findDate('Updated: Oct. 21, 2015 at 3:45 p.m. EDT')
 * //=> { value: '2015-10-21T15:45:00-04:00', index: 9, length: 30, label: 'updated' }
 */
export function findDate(
  line: string,
  options: Readonly<FindDateOptions> = {},
): FoundDate | undefined {
  if (!DIGIT.test(line.length > CAP ? line.slice(0, CAP) : line)) return undefined;
  return ownDate(line, options) ?? (options.precise ? fieldsDate(line, options) : undefined);
}

/**
 * The field parser (`findDate` in `nutgraf/fields`) reads more forms (`21.dez.2018 às 12h55`,
 * `2019/02/22`, labels in several languages) but costs more, so it is asked only when the
 * patterns below find nothing.
 */
function fieldsDate(line: string, options: Readonly<FindDateOptions>): FoundDate | undefined {
  const head = line.length > CAP ? line.slice(0, CAP) : line;
  const found = fieldsFindDate(head, {
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.dayFirst ? { locale: 'en-GB' } : {}),
  });
  if (!found) return undefined;
  const result: FoundDate = { value: found.value, index: found.index, length: found.text.length };
  if (found.label) result.label = UPDATED_LABEL.test(found.label) ? 'updated' : 'published';
  return result;
}

function ownDate(line: string, options: Readonly<FindDateOptions>): FoundDate | undefined {
  const text = line.length > CAP ? line.slice(0, CAP) : line;
  let best: FoundDate | undefined;
  for (const { regex, read } of PATTERNS) {
    const match = regex.exec(text);
    if (!match) continue;
    if (best && match.index >= best.index) continue;
    const parts = read(match);
    if (!parts) continue;
    if (parts.ambiguous && options.dayFirst && parts.mo <= 12 && parts.d <= 12) {
      [parts.mo, parts.d] = [parts.d, parts.mo];
    }
    const value = toIso(parts, options);
    if (!value) continue;
    best = { value, index: match.index, length: match[0].length };
  }
  if (!best) return undefined;
  const before = text.slice(Math.max(0, best.index - 30), best.index);
  let label: RegExpExecArray | null = null;
  LABEL.lastIndex = 0;
  for (let found = LABEL.exec(before); found; found = LABEL.exec(before)) label = found;
  if (label) best.label = label[1] ? 'updated' : 'published';
  return best;
}
