/**
 * The checks of the article model (`src/schema`) that values read from JSON-LD can fail,
 * written without zod so that `nutgraf/jsonld` does not pull zod into a browser bundle
 * (importing any runtime value from `src/schema` costs about 98 KiB gzipped). They mirror
 * `absoluteUrlSchema`, `z.email()`, `languageTagSchema`, `isoDateSchema`, the class-selector
 * and copyright-year rules; the tests check every article `fromJsonLd` returns against
 * `validateArticle`, so the two cannot drift apart unnoticed.
 */

const httpScheme = /^https?:\/\//i;
const httpProtocol = /^https?:$/;
/** zod 4's practical e-mail pattern (`z.regexes.email`). */
const email =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
/** Primary subtags are ISO 639 codes (2–3 letters), as in `isLanguageTag` of the model. */
const languageTag = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
const classSelector = /^\.[A-Za-z_-][\w-]*$/;
const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))?$/;
const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An absolute `http:` or `https:` URL, as `absoluteUrlSchema` accepts it. */
export function isAbsoluteUrl(value: string): boolean {
  const trimmed = value.trim();
  if (!httpScheme.test(trimmed)) return false;
  try {
    return httpProtocol.test(new URL(trimmed).protocol);
  } catch {
    return false;
  }
}

/** An e-mail address, as `z.email()` accepts it. */
export function isEmail(value: string): boolean {
  return email.test(value);
}

/** A BCP 47 language tag, as `languageTagSchema` accepts it. */
export function isLanguageTag(value: string): boolean {
  if (!languageTag.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** A class selector such as `.paywall`, the only selector Google accepts for paywalled parts. */
export function isClassSelector(value: string): boolean {
  return classSelector.test(value);
}

/** A copyright year, as the model accepts it. */
export function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1000 && value <= 9999;
}

function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && day === 29) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (daysInMonth[month - 1] ?? 0);
}

/**
 * How a string fares as an ISO date the model stores: `ok`, `no-offset` (a real date-time
 * without a UTC offset) or `invalid`.
 */
export function isoDateStatus(value: string): 'ok' | 'no-offset' | 'invalid' {
  const date = calendarDate.exec(value);
  if (date) {
    return isValidCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]))
      ? 'ok'
      : 'invalid';
  }
  const time = dateTime.exec(value);
  if (!time) return 'invalid';
  if (!isValidCalendarDate(Number(time[1]), Number(time[2]), Number(time[3]))) return 'invalid';
  if (Number(time[4]) > 23 || Number(time[5]) > 59 || Number(time[6] ?? 0) > 59) return 'invalid';
  if (time[7] === undefined) return 'no-offset';
  if (time[8] !== undefined && (Number(time[8]) > 14 || Number(time[9]) > 59)) return 'invalid';
  return 'ok';
}
