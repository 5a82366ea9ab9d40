import type { Dateline } from '../schema/dateline.js';
import { agencyNameUnchecked } from './agencies.js';
import { months } from './date-words.js';
import { isWhiteSpace } from './white-space.js';

/**
 * A place in a dateline with an agency, capitalised words: `WASHINGTON`, `Berlin`, `New Delhi`,
 * `LONDON/WASHINGTON`, `ABOARD AIR FORCE ONE` (`Ob Meister oder Betriebswirt (HWO) –` is prose).
 */
const placeSource = "\\p{Lu}[\\p{L}.'’-]{0,30}(?:[ /]\\p{Lu}[\\p{L}.'’-]{0,30}){0,5}";
/** A place in a dateline without an agency must be ALL CAPS: `BEIRUT —`, `NEW YORK —`. */
const upperPlaceSource = "\\p{Lu}[\\p{Lu}.'’ -]{1,40}?(?:\\/\\p{Lu}[\\p{Lu}.'’ -]{1,40}?){0,3}";
/** A state, region or country after the place: `Mo.`, `D.C.`, `Lebanon`, `New South Wales`. */
const regionSource = '\\p{Lu}[\\p{L}.]{0,20}(?: \\p{Lu}[\\p{L}.]{0,20}){0,3}';
/** A date in a dateline: `Oct 20`, `Sept. 3`, `June 2, 2015`. Month words are checked afterwards. */
const dateSource = '\\p{L}{3,9}\\.?\\s\\d{1,2}(?:,?\\s\\d{4})?';
const dashSource = '(?:—|–|--|-)';

const withAgency = new RegExp(
  `^(?:(?<place>${placeSource})(?:,\\s(?<region>${regionSource}))?(?:,\\s(?<date>${dateSource}))?\\s+)?\\((?<agency>\\p{L}[\\p{L}&.' -]{0,24})\\)\\s*${dashSource}`,
  'u',
);
const withoutAgency = new RegExp(
  `^(?<place>${upperPlaceSource})(?:,\\s(?<region>${regionSource}))?(?:,\\s(?<date>${dateSource}))?\\s*(?:—|–|--)`,
  'u',
);
/** Datelines are short: only this many characters from the start are read. */
const maxDatelineLength = 160;

/**
 * Whether the text in parentheses is a news agency: one nutgraf knows (`Reuters`, `dpa`), or
 * an acronym in capitals (`CNN`, `CP`, `WWD`). `(Russland)`, `(primary)`, `(ePA)` are not.
 */
function isAgencyMark(text: string): boolean {
  return agencyNameUnchecked(text) !== undefined || /^\p{Lu}{2,6}$/u.test(text);
}

function isDate(text: string | undefined): boolean {
  if (text === undefined) return true;
  const word = text.slice(0, text.search(/[\s.]/u)).toLowerCase();
  return months.has(word);
}

/**
 * Reads the dateline at the start of a lead paragraph: `WASHINGTON (AP) —`, `KANSAS CITY, Mo. (AP) —`,
 * `MOSCOW (Reuters) -`, `LONDON/WASHINGTON (Reuters) -`, `LONDON, Oct 20 (Reuters) -`, `Berlin (dpa) -`,
 * `(CNN) —`, `BEIRUT —`. Returns the place (with its state or region), the agency, the date when one
 * is printed, and `text`, the exact substring matched after leading whitespace, closing dash
 * included, so `text.trimStart().slice(dateline.text.length).trimStart()` is the rest of the paragraph.
 * A place without an agency must be in capitals (`BEIRUT —`); an agency is provenance, never an author.
 * Returns `undefined` when the paragraph has no dateline.
 *
 * @example
 * parseDateline('KANSAS CITY, Mo. (AP) — The river crested overnight.')
 * //=> { text: 'KANSAS CITY, Mo. (AP) —', place: 'KANSAS CITY, Mo.', agency: 'AP' }
 * parseDateline('LONDON, Oct 20 (Reuters) - Shares rose.')
 * //=> { text: 'LONDON, Oct 20 (Reuters) -', place: 'LONDON', agency: 'Reuters', date: 'Oct 20' }
 */
export function parseDateline(text: string): Dateline | undefined {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  return parseDatelineUnchecked(text);
}

/** {@link parseDateline} without its argument check, for callers whose arguments are typed (the checks' messages stay out of `nutgraf/text`). */
export function parseDatelineUnchecked(text: string): Dateline | undefined {
  let start = 0;
  while (start < text.length && isWhiteSpace(text.charCodeAt(start))) start++;
  const head = text.slice(start, start + maxDatelineLength);
  const match = withAgency.exec(head) ?? withoutAgency.exec(head);
  if (!match?.groups) return undefined;
  const { place, region, date, agency } = match.groups;
  if (!isDate(date)) return undefined;
  if (agency !== undefined && !isAgencyMark(agency.trim())) return undefined;
  if (!agency && (place ?? '').replace(/[^\p{L}]/gu, '').length < 2) return undefined;
  const result: Dateline = { text: match[0] };
  const trimmedPlace = place?.trim();
  if (trimmedPlace) result.place = region ? `${trimmedPlace}, ${region}` : trimmedPlace;
  if (agency) result.agency = agency.trim();
  if (date) result.date = date;
  return result;
}
