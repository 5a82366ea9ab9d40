import type { Dateline } from '../schema/dateline.js';

const datelinePattern =
  /^(?:(?<place>\p{Lu}[\p{Lu}\p{L}.'’ -]{0,60}?(?:\/\p{Lu}[\p{L}.'’ -]{0,60}?)*(?:,\s+\p{Lu}[\p{L}.]{0,20}(?:\s\p{Lu}[\p{L}.]{0,20}){0,3})?)(?:,\s+(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}))?\s+)?\((?<agency>[\p{L}]{2,12}(?: [\p{L}]{2,12})?)\)\s*(?:—|–|--|-)/u;

/**
 * Reads the dateline at the start of a lead paragraph: `WASHINGTON (AP) —`, `KANSAS CITY, Mo. (AP) —`,
 * `LONDON, Oct 20 (Reuters) -`, `(CNN) —`, `BEIRUT —`. `text` is the exact matched substring (after
 * leading whitespace), closing dash included, so `text.trimStart().slice(dateline.text.length)` is the
 * rest of the paragraph. Returns `undefined` when the paragraph has no dateline.
 *
 * @example
 * parseDateline('MOSCOW (Reuters) - The central bank said…')
 * //=> { text: 'MOSCOW (Reuters) -', place: 'MOSCOW', agency: 'Reuters' }
 */
export function parseDateline(text: string): Dateline | undefined {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  const line = text.trimStart().slice(0, 200);
  const match = datelinePattern.exec(line);
  if (!match?.groups) return undefined;
  const { place, date, agency } = match.groups;
  const result: Dateline = { text: match[0] };
  if (place) result.place = place.trim();
  if (agency) result.agency = agency;
  if (date) result.date = date;
  return result;
}
