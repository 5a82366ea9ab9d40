import { describe, expect, it } from 'vitest';
import { parseCaption, parseCredit } from '../../src/fields/index.js';
import { type Caption, captionSchema } from '../../src/schema/index.js';

/** [caption as printed, expected]. Captions, people and outlets are invented. */
const cases: ReadonlyArray<readonly [string, Caption]> = [
  [
    'Leaders meet in Lisbon. (Photo: AP)',
    { text: 'Leaders meet in Lisbon.', credit: { text: 'AP', provider: 'AP' } },
  ],
  [
    'Leaders meet in Lisbon. (AP Photo/Lena Moritz)',
    {
      text: 'Leaders meet in Lisbon.',
      credit: { text: 'AP Photo/Lena Moritz', provider: 'AP', creator: 'Lena Moritz' },
    },
  ],
  [
    'Leaders meet in Lisbon. (AP Photo/Lena Moritz, File)',
    {
      text: 'Leaders meet in Lisbon.',
      credit: {
        text: 'AP Photo/Lena Moritz, File',
        provider: 'AP',
        creator: 'Lena Moritz',
        flags: ['file'],
      },
    },
  ],
  [
    'Delegates arrive. (AP Photo)',
    { text: 'Delegates arrive.', credit: { text: 'AP Photo', provider: 'AP' } },
  ],
  ['Photo: Getty Images', { text: '', credit: { text: 'Getty Images', provider: 'Getty Images' } }],
  [
    'The harbour at dawn. Photograph: Lena Moritz/Reuters',
    {
      text: 'The harbour at dawn.',
      credit: { text: 'Lena Moritz/Reuters', creator: 'Lena Moritz', provider: 'Reuters' },
    },
  ],
  [
    'Fans cheer. (Photo by Lena Moritz/Getty Images)',
    {
      text: 'Fans cheer.',
      credit: {
        text: 'Lena Moritz/Getty Images',
        creator: 'Lena Moritz',
        provider: 'Getty Images',
      },
    },
  ],
  [
    'A vendor waits. Credit: Tomas Berg for The Daily Ledger',
    {
      text: 'A vendor waits.',
      credit: {
        text: 'Tomas Berg for The Daily Ledger',
        creator: 'Tomas Berg',
        provider: 'The Daily Ledger',
      },
    },
  ],
  [
    'Smoke rises over the port. REUTERS/Lena Moritz',
    {
      text: 'Smoke rises over the port.',
      credit: { text: 'REUTERS/Lena Moritz', provider: 'Reuters', creator: 'Lena Moritz' },
    },
  ],
  [
    'The new bridge. Illustration by Ivo Kessler',
    { text: 'The new bridge.', credit: { text: 'Ivo Kessler', creator: 'Ivo Kessler' } },
  ],
  [
    'Crowds gather in the square. Credit Lena Moritz/Agence France-Presse — Getty Images',
    {
      text: 'Crowds gather in the square.',
      credit: {
        text: 'Lena Moritz/Agence France-Presse — Getty Images',
        creator: 'Lena Moritz',
        provider: 'Agence France-Presse — Getty Images',
      },
    },
  ],
  [
    'Delegates arrive. Lena Moritz/Reuters',
    {
      text: 'Delegates arrive.',
      credit: { text: 'Lena Moritz/Reuters', creator: 'Lena Moritz', provider: 'Reuters' },
    },
  ],
  [
    'Ships sail. (Reuters)',
    { text: 'Ships sail.', credit: { text: 'Reuters', provider: 'Reuters' } },
  ],
  [
    'Players warm up. Pool photo via AP',
    {
      text: 'Players warm up.',
      credit: { text: 'Pool photo via AP', provider: 'AP', flags: ['pool'] },
    },
  ],
  [
    'The ship in the bay. Handout via REUTERS',
    {
      text: 'The ship in the bay.',
      credit: { text: 'Handout via REUTERS', provider: 'Reuters', flags: ['handout'] },
    },
  ],
  [
    'Leaders meet. AFP PHOTO / LENA MORITZ',
    {
      text: 'Leaders meet.',
      credit: { text: 'AFP PHOTO / LENA MORITZ', provider: 'AFP', creator: 'Lena Moritz' },
    },
  ],
  [
    'The old mill in 1920. Courtesy of the Valley Museum',
    {
      text: 'The old mill in 1920.',
      credit: { text: 'Courtesy of the Valley Museum', provider: 'the Valley Museum' },
    },
  ],
  [
    'Protesters march. Photo: Lena Moritz',
    { text: 'Protesters march.', credit: { text: 'Lena Moritz', creator: 'Lena Moritz' } },
  ],
  [
    'Snow covers the pass. PHOTO: TOMAS BERG/THE VALLEY COURIER',
    {
      text: 'Snow covers the pass.',
      credit: {
        text: 'TOMAS BERG/THE VALLEY COURIER',
        creator: 'Tomas Berg',
        provider: 'THE VALLEY COURIER',
      },
    },
  ],
  [
    'The council chamber. Image: Ivo Kessler/Shutterstock',
    {
      text: 'The council chamber.',
      credit: {
        text: 'Ivo Kessler/Shutterstock',
        creator: 'Ivo Kessler',
        provider: 'Shutterstock',
      },
    },
  ],
  [
    'A map of the new routes. Composite: The Daily Ledger',
    {
      text: 'A map of the new routes.',
      credit: { text: 'The Daily Ledger', provider: 'The Daily Ledger' },
    },
  ],
  [
    'Divers search the lake. (Lena Moritz/Reuters, File)',
    {
      text: 'Divers search the lake.',
      credit: {
        text: 'Lena Moritz/Reuters, File',
        creator: 'Lena Moritz',
        provider: 'Reuters',
        flags: ['file'],
      },
    },
  ],
  [
    'A rescue boat | Photo: Tomas Berg',
    { text: 'A rescue boat', credit: { text: 'Tomas Berg', creator: 'Tomas Berg' } },
  ],
  // Credit-only lines, glued and doubled labels, brackets, chains
  [
    'Anna Berg/AFP/Getty Images',
    {
      text: '',
      credit: {
        text: 'Anna Berg/AFP/Getty Images',
        creator: 'Anna Berg',
        provider: 'AFP/Getty Images',
      },
    },
  ],
  ['Getty Images', { text: '', credit: { text: 'Getty Images', provider: 'Getty Images' } }],
  [
    'Tomas Berg | Getty Images',
    {
      text: '',
      credit: {
        text: 'Tomas Berg | Getty Images',
        creator: 'Tomas Berg',
        provider: 'Getty Images',
      },
    },
  ],
  [
    'hugolenoir/Shutterstock',
    {
      text: '',
      credit: { text: 'hugolenoir/Shutterstock', creator: 'hugolenoir', provider: 'Shutterstock' },
    },
  ],
  [
    'Divers search the lake.Ivo Kessler / AFP - Getty Images',
    {
      text: 'Divers search the lake.',
      credit: {
        text: 'Ivo Kessler / AFP - Getty Images',
        creator: 'Ivo Kessler',
        provider: 'AFP - Getty Images',
      },
    },
  ],
  [
    'Leaders gather. Ivo Kessler/Getty Images hide caption',
    {
      text: 'Leaders gather.',
      credit: {
        text: 'Ivo Kessler/Getty Images',
        creator: 'Ivo Kessler',
        provider: 'Getty Images',
      },
    },
  ],
  [
    'A courier in the rainCredit: EPA',
    { text: 'A courier in the rain', credit: { text: 'EPA', provider: 'EPA' } },
  ],
  [
    'Rates may rise in 2027.CreditCreditLena Moritz/EPA, via Shutterstock',
    {
      text: 'Rates may rise in 2027.',
      credit: {
        text: 'Lena Moritz/EPA, via Shutterstock',
        creator: 'Lena Moritz',
        provider: 'Shutterstock',
      },
    },
  ],
  [
    'Trams in the rain [Photo: Hugo Lenoir/Shutterstock]',
    {
      text: 'Trams in the rain',
      credit: {
        text: 'Hugo Lenoir/Shutterstock',
        creator: 'Hugo Lenoir',
        provider: 'Shutterstock',
      },
    },
  ],
  [
    'The old bridge ©Valley Archive via Getty Images',
    {
      text: 'The old bridge',
      credit: { text: 'Valley Archive via Getty Images', provider: 'Getty Images' },
    },
  ],
  [
    'Shops reopen (AP Photo/J. Scott Tanner)',
    {
      text: 'Shops reopen',
      credit: { text: 'AP Photo/J. Scott Tanner', provider: 'AP', creator: 'J. Scott Tanner' },
    },
  ],
  [
    'Fog over the bay. Reuters',
    { text: 'Fog over the bay.', credit: { text: 'Reuters', provider: 'Reuters' } },
  ],
  // No credit
  ['The mayor (center) speaks.', { text: 'The mayor (center) speaks.' }],
  ['The mayor speaks (center)', { text: 'The mayor speaks (center)' }],
  ['A photo by the river shows the flood.', { text: 'A photo by the river shows the flood.' }],
  ['  Leaders meet in Lisbon.  ', { text: 'Leaders meet in Lisbon.' }],
  ['Trains run on the north/south line.', { text: 'Trains run on the north/south line.' }],
  [
    'Delegates arrive. Lena Moritz of Lisbon waves.',
    { text: 'Delegates arrive. Lena Moritz of Lisbon waves.' },
  ],
  ['Ships / boats / ferries', { text: 'Ships / boats / ferries' }],
  ['', { text: '' }],
];

describe('parseCaption', () => {
  it.each(cases)('%j', (input, expected) => {
    const caption = parseCaption(input);
    expect(caption).toEqual(expected);
    expect(captionSchema.safeParse(caption).success).toBe(true);
  });

  it('has at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it('never leaves the credit in the caption text', () => {
    for (const [input] of cases) {
      const caption = parseCaption(input);
      if (caption.credit) expect(caption.text).not.toContain(caption.credit.text);
    }
  });

  it('throws on misuse', () => {
    expect(() => parseCaption(null as unknown as string)).toThrow(/`text`/);
  });
});

describe('parseCredit', () => {
  it.each([
    [
      'AP Photo/Lena Moritz, File',
      {
        text: 'AP Photo/Lena Moritz, File',
        provider: 'AP',
        creator: 'Lena Moritz',
        flags: ['file'],
      },
    ],
    [
      'Photograph: Lena Moritz/Reuters',
      { text: 'Lena Moritz/Reuters', creator: 'Lena Moritz', provider: 'Reuters' },
    ],
    [
      '(Photo by Tomas Berg/Getty Images)',
      { text: 'Tomas Berg/Getty Images', creator: 'Tomas Berg', provider: 'Getty Images' },
    ],
    ['Lena Moritz', { text: 'Lena Moritz', creator: 'Lena Moritz' }],
    ['Getty Images', { text: 'Getty Images', provider: 'Getty Images' }],
  ] as const)('%j', (input, expected) => {
    expect(parseCredit(input)).toEqual(expected);
  });

  it('returns undefined without a credit', () => {
    expect(parseCredit('')).toBeUndefined();
    expect(parseCredit('Photo:')).toBeUndefined();
  });
});
