import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../src/fields/index.js';
import { type Dateline, datelineSchema } from '../../src/schema/index.js';

/** [lead paragraph, expected dateline]. */
const cases: ReadonlyArray<readonly [string, Dateline]> = [
  [
    'WASHINGTON (AP) — The Senate voted.',
    { text: 'WASHINGTON (AP) —', place: 'WASHINGTON', agency: 'AP' },
  ],
  [
    'KANSAS CITY, Mo. (AP) — The river crested.',
    { text: 'KANSAS CITY, Mo. (AP) —', place: 'KANSAS CITY, Mo.', agency: 'AP' },
  ],
  [
    'MOSCOW (Reuters) - The bank said.',
    { text: 'MOSCOW (Reuters) -', place: 'MOSCOW', agency: 'Reuters' },
  ],
  [
    'LONDON/WASHINGTON (Reuters) - Talks resumed.',
    { text: 'LONDON/WASHINGTON (Reuters) -', place: 'LONDON/WASHINGTON', agency: 'Reuters' },
  ],
  [
    'LONDON, Oct 20 (Reuters) - Shares rose.',
    { text: 'LONDON, Oct 20 (Reuters) -', place: 'LONDON', agency: 'Reuters', date: 'Oct 20' },
  ],
  [
    'Berlin (dpa) - Die Regierung plant.',
    { text: 'Berlin (dpa) -', place: 'Berlin', agency: 'dpa' },
  ],
  [
    'PARIS (AFP) - Le gouvernement a annoncé.',
    { text: 'PARIS (AFP) -', place: 'PARIS', agency: 'AFP' },
  ],
  ['(CNN) — A storm hit the coast.', { text: '(CNN) —', agency: 'CNN' }],
  ['BEIRUT — Power returned.', { text: 'BEIRUT —', place: 'BEIRUT' }],
  ['BEIRUT, Lebanon — Power returned.', { text: 'BEIRUT, Lebanon —', place: 'BEIRUT, Lebanon' }],
  ['NEW YORK -- Markets fell.', { text: 'NEW YORK --', place: 'NEW YORK' }],
  ['SAN FRANCISCO – Fog lifted.', { text: 'SAN FRANCISCO –', place: 'SAN FRANCISCO' }],
  [
    'WASHINGTON, D.C. (AP) — x',
    { text: 'WASHINGTON, D.C. (AP) —', place: 'WASHINGTON, D.C.', agency: 'AP' },
  ],
  [
    'ABOARD AIR FORCE ONE (AP) — x',
    { text: 'ABOARD AIR FORCE ONE (AP) —', place: 'ABOARD AIR FORCE ONE', agency: 'AP' },
  ],
  [
    'SYDNEY, Australia, Oct. 21 (AP) — x',
    {
      text: 'SYDNEY, Australia, Oct. 21 (AP) —',
      place: 'SYDNEY, Australia',
      agency: 'AP',
      date: 'Oct. 21',
    },
  ],
  ['New Delhi (IANS) — x', { text: 'New Delhi (IANS) —', place: 'New Delhi', agency: 'IANS' }],
  ['   TOKYO (Kyodo) - x', { text: 'TOKYO (Kyodo) -', place: 'TOKYO', agency: 'Kyodo' }],
  [
    "ST. JOHN'S, Newfoundland (CP) — x",
    { text: "ST. JOHN'S, Newfoundland (CP) —", place: "ST. JOHN'S, Newfoundland", agency: 'CP' },
  ],
];

const negatives: readonly string[] = [
  'The mayor said - and repeated - that the bridge would close.',
  'US officials said on Monday that talks would resume.',
  'Berlin - die Stadt schläft nie.',
  'MOSCOW (Reuters) The bank said.',
  'A — B',
  '',
  'In Lisbon (Portugal), leaders met.',
  'Oct. 21 — The storm passed.',
  // Without an agency the place closes with a dash, not a spaced hyphen (a label, a site name).
  'EXCLUSIVE - The harbour board will vote today.',
  'VALDORA WEEKLY - News from the valley',
  // In parentheses: an agency or an acronym in capitals, not a region or a word.
  'Marrow Creek (North Valdora) - Five houses flooded.',
  'Marrow Creek (updated) — Five houses flooded.',
  // With an agency the place is capitalised words, not a sentence.
  'The harbour board of Valdora (HBV) – nine members – met on Tuesday.',
];

describe('parseDateline', () => {
  it.each(cases)('%j', (input, expected) => {
    const dateline = parseDateline(input);
    expect(dateline).toEqual(expected);
    expect(datelineSchema.safeParse(dateline).success).toBe(true);
    // The contract: the rest of the lead paragraph follows the matched text.
    expect(input.trimStart().startsWith(expected.text)).toBe(true);
  });

  it.each(negatives)('%j has no dateline', (input) => {
    expect(parseDateline(input)).toBeUndefined();
  });

  it('lets callers strip the dateline from the lead', () => {
    const lead = '  MOSCOW (Reuters) - The bank held rates.';
    const dateline = parseDateline(lead);
    expect(lead.trimStart().slice(dateline?.text.length).trimStart()).toBe('The bank held rates.');
  });

  it('throws on misuse', () => {
    expect(() => parseDateline(undefined as unknown as string)).toThrow(/`text`/);
  });
});
