/**
 * The value checks of the article model, written without zod so that entry points which must
 * stay small in a browser (`nutgraf/jsonld`) can apply exactly the rules the zod schemas apply.
 * The schemas in this folder call these functions: one source of truth per rule.
 */

import { decodeCharacterReferences } from './decode-character-references.js';

const httpScheme = /^https?:\/\//i;
const httpProtocol = /^https?:$/;
/** zod 4's practical e-mail pattern (`z.regexes.email`). */
export const emailPattern =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** Primary subtags are ISO 639 codes (2–3 letters); the 5–8 letter form is reserved and unused. */
const languageTag = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
/** A CSS class selector such as `.paywall`. */
export const classSelectorPattern = /^\.[A-Za-z_-][\w-]*$/;
const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time with seconds and fraction optional; the offset group is checked on its own. */
const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;
/** Days in each month of a leap year; February 29 is checked against the year. */
const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Tabs and line breaks, which browsers remove from anywhere in a URL. */
const urlWhiteSpace = /[\t\n\r]/g;
/** C0 controls and spaces, which browsers trim from the start of a URL. */
const urlLeading = /^[\u0000-\u0020]+/;
/** Schemes that run script or smuggle a document when a link is followed. */
const scriptSchemes = /^(?:javascript|vbscript|data):/i;
/**
 * The characters a URL may start with before its scheme ends, once decoded: C0 controls and
 * spaces, scheme characters, the colon, and what is left of a character reference.
 */
const schemePrefix = /^[\u0000-\u0020A-Za-z0-9+.\-:&#;]*/;
/** How many layers of character references are decoded (`&amp;#106;` is two). */
const referenceLayers = 4;

/**
 * The scheme of a `javascript:`, `vbscript:` or `data:` URL (lower case, with its colon), read
 * the way browsers read it once the URL is put in a link: character references decoded as in
 * an HTML attribute (`&#106;avascript:`, `javascript&colon;`, `java&Tab;script:`, also
 * escaped again up to four times, `&amp;#106;`), tabs and line breaks removed anywhere
 * (`java\tscript:`), C0 controls and spaces trimmed from the start; `undefined` for any other
 * URL. Links to these run script when followed. Linear: only the part of the URL that can
 * still spell a scheme is decoded.
 */
export function scriptScheme(value: string): string | undefined {
  let prefix = value;
  for (let layer = 0; layer <= referenceLayers; layer++) {
    prefix = (schemePrefix.exec(prefix) as RegExpExecArray)[0];
    const scheme = scriptSchemes.exec(prefix.replace(urlWhiteSpace, '').replace(urlLeading, ''));
    if (scheme) return scheme[0].toLowerCase();
    if (!prefix.includes('&')) return undefined;
    const decoded = decodeCharacterReferences(prefix, { mode: 'attribute' });
    if (decoded === prefix) return undefined;
    prefix = decoded;
  }
  return undefined;
}

/** Whether `value` is a URL that runs script when followed (see {@link scriptScheme}). */
export function isScriptUrl(value: string): boolean {
  return scriptScheme(value) !== undefined;
}

/** Whether `value` is an absolute `http:` or `https:` URL. */
export function isAbsoluteUrl(value: string): boolean {
  if (!httpScheme.test(value)) return false;
  try {
    return httpProtocol.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Whether `value` is an e-mail address (zod 4's pattern). */
export function isEmail(value: string): boolean {
  return emailPattern.test(value);
}

/** Whether `value` is a well-formed BCP 47 language tag (`en`, `en-GB`, `pt-BR`, `zh-Hant-TW`). */
export function isLanguageTag(value: string): boolean {
  if (!languageTag.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Whether `value` is a class selector such as `.paywall` (Google accepts no other for paywalls). */
export function isClassSelector(value: string): boolean {
  return classSelectorPattern.test(value);
}

/** Whether `value` is a four-digit year. */
export function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1000 && value <= 9999;
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (daysInMonth[month - 1] ?? 0);
}

/** What is wrong with a stored date: `no-offset` for a real date-time without a UTC offset. */
interface IsoDateFault {
  kind: 'no-offset' | 'invalid';
  message: string;
}

function isoDateFault(value: string): IsoDateFault | undefined {
  const invalid = (message: string): IsoDateFault => ({ kind: 'invalid', message });
  const date = calendarDate.exec(value);
  if (date) {
    return isValidCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))
      ? undefined
      : invalid(`\`${value}\` is not a real calendar date`);
  }
  const time = dateTime.exec(value);
  if (!time) {
    return invalid(
      `Expected an ISO 8601 date (\`2024-03-09\`) or date-time with offset (\`2024-03-09T14:30:00-05:00\`), got \`${value}\``,
    );
  }
  if (!isValidCalendarDate(Number(time[1]), Number(time[2]), Number(time[3]))) {
    return invalid(`\`${value}\` is not a real calendar date`);
  }
  if (Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6] ?? 0) > 59) {
    return invalid(`\`${value}\` is not a real time of day`);
  }
  if (time[7] === undefined) {
    return {
      kind: 'no-offset',
      message: `Date-time \`${value}\` has no UTC offset: add \`Z\` or \`±HH:MM\` (for example \`${value}-05:00\`), or pass \`timeZone\` when parsing`,
    };
  }
  if (time[8] !== undefined && (Number(time[8]) > 14 || Number(time[9]) > 59)) {
    return invalid(`\`${value}\` has an impossible UTC offset`);
  }
  return undefined;
}

/**
 * Why a string is not an ISO 8601 date as nutgraf stores it, or `undefined` when it is one.
 *
 * @example
 * isoDateProblem('2026-03-10T18:05:00-05:00') //=> undefined
 * isoDateProblem('2026-03-10T18:05:00') //=> 'Date-time `2026-03-10T18:05:00` has no UTC offset: …'
 */
export function isoDateProblem(value: string): string | undefined {
  return isoDateFault(value)?.message;
}

/**
 * How a string fares as a stored date: `ok`, `no-offset` (a real date-time that lacks its
 * UTC offset, which a time zone can mend) or `invalid`.
 */
export function isoDateStatus(value: string): 'ok' | 'no-offset' | 'invalid' {
  return isoDateFault(value)?.kind ?? 'ok';
}
