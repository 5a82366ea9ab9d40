import type { Dateline } from '../schema/index.js';

const AGENCY =
  'AP|Reuters|AFP|dpa|UPI|Bloomberg|CNN|ANSA|Xinhua|Kyodo|Yonhap|IANS|PTI|AAP|EFE|CP|TASS|NYT|WWD|BBC|[A-Z]{2,6}';
const MONTH = String.raw`(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}`;

/** Datelines at the start of a lead paragraph, most specific first. */
const DATELINES: readonly RegExp[] = [
  // LONDON, Oct 20 (Reuters) -   KANSAS CITY, Mo. (AP) —   LONDON/WASHINGTON (Reuters) -
  new RegExp(
    String.raw`^(\p{Lu}[\p{Lu}.'’ -]{1,40}(?:\/\p{Lu}[\p{Lu}.'’ -]{1,30}){0,3}(?:,\s\p{Lu}[\p{L}.]{1,15}(?:\s\p{Lu}[\p{L}.]{1,15})?)?)(?:,\s(${MONTH}))?\s\((${AGENCY})\)\s?(?:—|–|--|-)\s?`,
    'u',
  ),
  // Berlin (dpa) -
  new RegExp(
    String.raw`^(\p{Lu}[\p{L}.'’-]{1,30}(?:\s\p{Lu}[\p{L}.'’-]{1,30}){0,2})\s\((${AGENCY})\)\s?(?:—|–|--|-)\s?`,
    'u',
  ),
  // (CNN) —
  new RegExp(String.raw`^()\((${AGENCY})\)\s?(?:—|–|--|-)\s?`, 'u'),
  // BEIRUT —   WASHINGTON, March 3 —
  new RegExp(
    String.raw`^(\p{Lu}[\p{Lu}.'’ ]{2,30}(?:,\s\p{Lu}[\p{L}.]{1,15}(?:\s\p{Lu}[\p{L}.]{1,15})?)?)(?:,\s(${MONTH}))?\s?(?:—|–|--)\s?`,
    'u',
  ),
];

/** A dateline found at the start of a paragraph, and the length of text it covers. */
export interface FoundDateline {
  dateline: Dateline;
  length: number;
}

/**
 * Find a dateline at the start of a lead paragraph: `MOSCOW (Reuters) - `,
 * `KANSAS CITY, Mo. (AP) — `, `LONDON, Oct 20 (Reuters) - `, `(CNN) — `, `BEIRUT — `.
 *
 * @example
 * findDateline('MOSCOW (Reuters) - Talks resumed.')
 * //=> { dateline: { text: 'MOSCOW (Reuters) -', place: 'MOSCOW', agency: 'Reuters' }, length: 19 }
 */
export function findDateline(paragraph: string): FoundDateline | undefined {
  const head = paragraph.slice(0, 120);
  for (const pattern of DATELINES) {
    const match = pattern.exec(head);
    if (!match) continue;
    if (match[0].length >= paragraph.length) continue;
    const groups = match.slice(1);
    const place = groups[0]?.trim();
    const isAgencyForm = pattern !== DATELINES[3];
    const date = isAgencyForm ? (pattern === DATELINES[0] ? groups[1] : undefined) : groups[1];
    const agency = pattern === DATELINES[0] ? groups[2] : isAgencyForm ? groups[1] : undefined;
    const dateline: Dateline = { text: match[0].trim() };
    if (place) dateline.place = place;
    if (agency) dateline.agency = agency;
    if (date) dateline.date = date;
    return { dateline, length: match[0].length };
  }
  return undefined;
}
