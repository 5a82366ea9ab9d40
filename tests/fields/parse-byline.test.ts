import { describe, expect, it } from 'vitest';
import { looksLikeByline, parseByline } from '../../src/fields/index.js';
import { bylineSchema, type Contributor } from '../../src/schema/index.js';

const person = (name: string, extra: Partial<Contributor> = {}): Contributor => ({
  name,
  type: 'Person',
  role: 'author',
  ...extra,
});
const organization = (name: string, extra: Partial<Contributor> = {}): Contributor => ({
  name,
  type: 'Organization',
  role: 'author',
  ...extra,
});

/** [byline as printed, contributors expected]. All names and outlets are invented. */
const cases: ReadonlyArray<readonly [string, Contributor[]]> = [
  // Intro words and case
  ['By Ana Ruiz', [person('Ana Ruiz')]],
  ['BY ANA RUIZ', [person('Ana Ruiz')]],
  ['by Ana Ruiz.', [person('Ana Ruiz')]],
  ['By: Ana Ruiz', [person('Ana Ruiz')]],
  ['From Tomas Berg', [person('Tomas Berg')]],
  ['Written by Ana Ruiz', [person('Ana Ruiz')]],
  ['Words by Ana Ruiz', [person('Ana Ruiz')]],
  ['Posted by Ana Ruiz', [person('Ana Ruiz')]],
  ['Von Katrin Olbermann, dpa', [person('Katrin Olbermann', { affiliation: 'dpa' })]],
  ['Par Sébastien Marlot', [person('Sébastien Marlot')]],
  // A template's intro glued to the name, or printed twice
  ['ByMarta Quill', [person('Marta Quill')]],
  ['Byby TOMAS REYNA', [person('Tomas Reyna')]],
  ['By by Lena Ostrova', [person('Lena Ostrova')]],
  ['Byron Vale', [person('Byron Vale')]],
  // A label glued to the name's last word on the page; names with inner capitals stay whole
  ['Marta QuillCEO', [person('Marta Quill')]],
  ['By Tomas BergTwitterNews', [person('Tomas Berg')]],
  ['By Ana FitzGerald', [person('Ana FitzGerald')]],
  ['By Tom McDonald', [person('Tom McDonald')]],
  // Trailing punctuation, and a name that shares a word with labels
  ['Marta Quill.', [person('Marta Quill')]],
  ['By Tom Bell', [person('Tom Bell')]],
  ['Por Lucía Benítez y Marta Soler', [person('Lucía Benítez'), person('Marta Soler')]],
  ['Di Matteo Ferraro', [person('Matteo Ferraro')]],
  ['By\n\t\tIvo Kessler', [person('Ivo Kessler')]],
  // ALL-CAPS wire names
  ["By SEAN O'DALY", [person("Sean O'Daly")]],
  ['By ROSS MCTAVISH', [person('Ross McTavish')]],
  ['By EWAN MACLENNAN', [person('Ewan MacLennan')]],
  ['By PIETER VAN DER BERG', [person('Pieter van der Berg')]],
  ['By MARIA DE LA CRUZ', [person('Maria de la Cruz')]],
  ['By ANNA-LENA KOHL', [person('Anna-Lena Kohl')]],
  // Lists
  ['By Ana Ruiz and Lena Moritz', [person('Ana Ruiz'), person('Lena Moritz')]],
  [
    'By Ana Ruiz, Lena Moritz and Tomas Berg',
    [person('Ana Ruiz'), person('Lena Moritz'), person('Tomas Berg')],
  ],
  [
    'By Ana Ruiz, Lena Moritz, and Tomas Berg',
    [person('Ana Ruiz'), person('Lena Moritz'), person('Tomas Berg')],
  ],
  ['Ana Ruiz & Lena Moritz', [person('Ana Ruiz'), person('Lena Moritz')]],
  ['Ana Ruiz/Lena Moritz', [person('Ana Ruiz'), person('Lena Moritz')]],
  ['Ana Ruiz · Lena Moritz', [person('Ana Ruiz'), person('Lena Moritz')]],
  ['BY ANA RUIZ AND LENA MORITZ', [person('Ana Ruiz'), person('Lena Moritz')]],
  ['By Carl Tan Jr. and Ivo Kessler III', [person('Carl Tan Jr.'), person('Ivo Kessler III')]],
  ['By Nelson D. Okafor and T.C. Brandt', [person('Nelson D. Okafor'), person('T.C. Brandt')]],
  ['By Hana Lindqvist, PhD', [person('Hana Lindqvist', { honorificSuffix: 'PhD' })]],
  ['Ana Ruiz, MA', [person('Ana Ruiz', { honorificSuffix: 'MA' })]],
  ['Ana Ruiz, MD, MPH', [person('Ana Ruiz', { honorificSuffix: 'MD, MPH' })]],
  ['Dr. Ana Ruiz', [person('Ana Ruiz', { honorificPrefix: 'Dr.' })]],
  ['Prof. Dr. Ana Ruiz', [person('Ana Ruiz', { honorificPrefix: 'Prof. Dr.' })]],
  // A lower-case `von` is an intro also before one name; a capitalised one is part of the name.
  ['von Ulrike', [person('Ulrike')]],
  ['Von Miller', [person('Von Miller')]],
  ['Ana Das', [person('Ana Das')]],
  // Titles, outlets, locations
  ['By Ana Ruiz | Staff Writer', [person('Ana Ruiz', { jobTitle: 'Staff Writer' })]],
  ['By JOHN MERRICK, AP Sports Writer', [person('John Merrick', { jobTitle: 'AP Sports Writer' })]],
  ['Ana Ruiz, The Daily Ledger', [person('Ana Ruiz', { affiliation: 'The Daily Ledger' })]],
  ['By Ana Ruiz in Lisbon', [person('Ana Ruiz', { location: 'Lisbon' })]],
  // A region after the place goes on with it; a job title may come before the name
  ['By Ana Ruiz in Lisbon, Portugal', [person('Ana Ruiz', { location: 'Lisbon, Portugal' })]],
  ['By Staff Writer Ana Ruiz', [person('Ana Ruiz', { jobTitle: 'Staff Writer' })]],
  [
    'Harbour Writer Marta Quill in Port Elwin, Valdora, and Tomas Berg in Rome contributed to this report.',
    [
      person('Marta Quill', {
        role: 'contributor',
        jobTitle: 'Harbour Writer',
        location: 'Port Elwin, Valdora',
      }),
      person('Tomas Berg', { role: 'contributor', location: 'Rome' }),
    ],
  ],
  ['By Ana Ruiz for The Harbor Times', [person('Ana Ruiz', { affiliation: 'The Harbor Times' })]],
  // An outlet writing for another outlet is the person's affiliation, not a second person.
  [
    'Ana Ruiz | Bayside Media for The Harbor Times',
    [person('Ana Ruiz', { affiliation: 'Bayside Media for The Harbor Times' })],
  ],
  ['Bayside Media for The Harbor Times', [organization('Bayside Media for The Harbor Times')]],
  [
    'By ANA RUIZ and LENA MORITZ, Associated Press',
    [
      person('Ana Ruiz', { affiliation: 'Associated Press' }),
      person('Lena Moritz', { affiliation: 'Associated Press' }),
    ],
  ],
  [
    'By Ana Ruiz, Staff Writer, The Valley Courier',
    [person('Ana Ruiz', { jobTitle: 'Staff Writer', affiliation: 'The Valley Courier' })],
  ],
  [
    'By Ana Ruiz\n   Westbrook Health News',
    [person('Ana Ruiz', { affiliation: 'Westbrook Health News' })],
  ],
  ['Ana Ruiz | ana.ruiz@example.com', [person('Ana Ruiz', { email: 'ana.ruiz@example.com' })]],
  ['Ana Ruiz (https://example.com/ana)', [person('Ana Ruiz', { url: 'https://example.com/ana' })]],
  ['Ana Ruiz, TIME', [person('Ana Ruiz', { affiliation: 'TIME' })]],
  // Trailing dates
  ['By Ana Ruiz March 11, 2015 3:46 PM', [person('Ana Ruiz')]],
  ['By ANA RUIZ\n   March 11, 2015 3:46 PM', [person('Ana Ruiz')]],
  ['By Ana Ruiz Updated 3 hours ago', [person('Ana Ruiz')]],
  ['by Ana Ruiz12 Dec 2016', [person('Ana Ruiz')]],
  // A month glued to the name; a `Last updated` or reading-time label after it.
  ['Ana Ruiz de LeónNovember 6, 2023', [person('Ana Ruiz de León')]],
  ['By Ana RuizSept. 14, 2022', [person('Ana Ruiz')]],
  ['By Ana Ruiz Last updated Nov 8, 2023 Share', [person('Ana Ruiz')]],
  ['Von Ana Ruiz Lesezeit: 4 Min.', [person('Ana Ruiz')]],
  ['Von Ana Ruiz · Lesedauer 3 Min.', [person('Ana Ruiz')]],
  // A relative time in other languages (`3 hours ago` is cut at its digit).
  ['Ana Ruiz, Lena Moritz · Hace 3 horas', [person('Ana Ruiz'), person('Lena Moritz')]],
  ['Von Ana Ruiz vor 2 Stunden', [person('Ana Ruiz')]],
  ['Par Ana Ruiz il y a 5 minutes', [person('Ana Ruiz')]],
  // An author box's link to the author's other articles, in German or Spanish.
  ['Ana Ruiz · Alle Artikel', [person('Ana Ruiz')]],
  ['Ana Ruiz | Ver artículos', [person('Ana Ruiz')]],
  // `Staff Writer` glued to the name by a template.
  ['By Ana RuizStaff Writer', [person('Ana Ruiz', { jobTitle: 'Staff Writer' })]],
  // Organization bylines
  ['By The Associated Press', [organization('The Associated Press')]],
  ['Reuters Staff', [organization('Reuters')]],
  ['From staff and wire reports', [organization('Staff and wire reports')]],
  ['Harbor Desk Team', [organization('Harbor Desk Team')]],
  ['By Reuters', [organization('Reuters')]],
  // An agency after the word for agency; German associations, foundations and companies.
  ['Por Agencia EFE', [organization('Agencia EFE')]],
  ['Von Deutscher Ruderverein Bund', [organization('Deutscher Ruderverein Bund')]],
  ['von Newsdesk', [organization('Newsdesk')]],
  // A capitalised intro that is also a name part (`Von Miller`) before one organization or
  // agency opens the line as an intro does in lower case.
  ['Von Newsdesk', [organization('Newsdesk')]],
  ['Par AFP', [organization('AFP')]],
  ['Por EFE', [organization('EFE')]],
  ['From Reuters', [organization('Reuters')]],
  // … with a full stop after it, and before the word for the newsroom.
  ['Par Reuters.', [organization('Reuters')]],
  ['Par AFP.', [organization('AFP')]],
  ['By AP.', [organization('AP')]],
  ['Von Redaktion', [organization('Redaktion')]],
  ['Par Rédaction', [organization('Rédaction')]],
  // Roles
  [
    'Reporting by Ana Ruiz and Lena Moritz; Additional reporting by Tomas Berg in Rome; Editing by Ivo Kessler',
    [
      person('Ana Ruiz', { role: 'reporter' }),
      person('Lena Moritz', { role: 'reporter' }),
      person('Tomas Berg', { role: 'contributor', location: 'Rome' }),
      person('Ivo Kessler', { role: 'editor' }),
    ],
  ],
  [
    '(Reporting by Ana Ruiz; Writing by Lena Moritz; Editing by Ivo Kessler)',
    [
      person('Ana Ruiz', { role: 'reporter' }),
      person('Lena Moritz', { role: 'writer' }),
      person('Ivo Kessler', { role: 'editor' }),
    ],
  ],
  [
    'Written by Ana Ruiz Edited by Lena Moritz',
    [person('Ana Ruiz'), person('Lena Moritz', { role: 'editor' })],
  ],
  ['Ana Ruiz contributed to this report.', [person('Ana Ruiz', { role: 'contributor' })]],
  [
    'Associated Press writers Ana Ruiz in Lisbon and Lena Moritz in Berlin contributed to this report.',
    [
      person('Ana Ruiz', {
        role: 'contributor',
        location: 'Lisbon',
        affiliation: 'Associated Press',
      }),
      person('Lena Moritz', {
        role: 'contributor',
        location: 'Berlin',
        affiliation: 'Associated Press',
      }),
    ],
  ],
  ['Photographs by Lena Moritz', [person('Lena Moritz', { role: 'photographer' })]],
  ['Illustration by Tomas Berg', [person('Tomas Berg', { role: 'illustrator' })]],
  ['Translated by Ivo Kessler', [person('Ivo Kessler', { role: 'translator' })]],
  [
    'Marta Soler (avec Hugo Lenoir et Claire Dumas)',
    [
      person('Marta Soler'),
      person('Hugo Lenoir', { role: 'contributor' }),
      person('Claire Dumas', { role: 'contributor' }),
    ],
  ],
  // Non-Latin scripts and single names pass through
  ['王小明', [person('王小明')]],
  ['著者：山田花子', [person('山田花子')]],
  ['Мария Иванова', [person('Мария Иванова')]],
  ['Zendaya', [person('Zendaya')]],
  ['Berg, Anton van', [person('Anton van Berg')]],
  // Labels and verb phrases of other languages, author-box links
  ['Text: Lorenz Aigner', [person('Lorenz Aigner')]],
  ['Autorin: Jutta Kellermann', [person('Jutta Kellermann')]],
  ['Autoren Ilka Brandt und Jonas Wehle', [person('Ilka Brandt'), person('Jonas Wehle')]],
  ['Ein Artikel von Mira Lanz | 27.01.2022 - 12:45', [person('Mira Lanz')]],
  ['erstellt von Dominika — veröffentlicht 28.01.2022 06:00', [person('Dominika')]],
  ['Zeige alle Beiträge von Petra Lorenz', [person('Petra Lorenz')]],
  ['Publié par Claire Dumas', [person('Claire Dumas')]],
  ['Escrito por Marta Soler', [person('Marta Soler')]],
  [
    'Text von Lorenz Aigner Illustration von Nora Bley',
    [person('Lorenz Aigner'), person('Nora Bley', { role: 'illustrator' })],
  ],
  // A job title after the name without a comma, a follow button's word
  ['Tobias Rehm Chefredakteur', [person('Tobias Rehm', { jobTitle: 'Chefredakteur' })]],
  ['By Ana Ruiz Senior Editor', [person('Ana Ruiz', { jobTitle: 'Senior Editor' })]],
  ['Inga MeerbachFollow', [person('Inga Meerbach')]],
  ['Rosa Adler Education editor', [person('Rosa Adler', { jobTitle: 'Education editor' })]],
  ['Hafenbote-Experte Jonas Wehle', [person('Jonas Wehle', { jobTitle: 'Hafenbote-Experte' })]],
  ['By Ana Ruiz Follow', [person('Ana Ruiz')]],
  ['By Tomas Berg March 18', [person('Tomas Berg')]],
  ['By Tomas Berg, May 3', [person('Tomas Berg')]],
  // A role word after the name; a Japanese blog's `投稿者` (poster) intro
  ['Jonas Wehle Autor', [person('Jonas Wehle', { jobTitle: 'Autor' })]],
  ['投稿者 Kenji Arai', [person('Kenji Arai')]],
  // After a job title or an outlet, what follows a comma goes on with them (the last part is
  // the place); `and` or `;` starts another person
  [
    'By Ana Ruiz, Valdora Ledger, Port Elsey',
    [person('Ana Ruiz', { affiliation: 'Valdora Ledger', location: 'Port Elsey' })],
  ],
  [
    'Posted by Tomas Berg, Staff Writer, Harbour Desk North, Westbrook',
    [person('Tomas Berg', { jobTitle: 'Staff Writer', location: 'Westbrook' })],
  ],
  // One word after a name of several is a place, not a second person
  ['By Ana Ruiz, Lisbon', [person('Ana Ruiz', { location: 'Lisbon' })]],
  [
    'By Ana Ruiz and Lena Moritz, Westbrook',
    [
      person('Ana Ruiz', { location: 'Westbrook' }),
      person('Lena Moritz', { location: 'Westbrook' }),
    ],
  ],
  ['By Ana Ruiz, Lena Moritz', [person('Ana Ruiz'), person('Lena Moritz')]],
  // An intro glued to the name; `Text & Fotos:`
  ['Geschrieben vonAna Ruiz', [person('Ana Ruiz')]],
  ['Text & Fotos: Jonas Wehle', [person('Jonas Wehle')]],
  [
    'By Ana Ruiz, Staff Writer, and Lena Moritz',
    [person('Ana Ruiz', { jobTitle: 'Staff Writer' }), person('Lena Moritz')],
  ],
];

/** Lines that are not bylines. */
const negatives: readonly string[] = [
  'By the time the polls closed, the count was clear.',
  'By 2030, the harbour will be twice as busy.',
  'By and large, the plan worked.',
  'BY THE WAY',
  'From the archives',
  'Follow Author',
  'Editor',
  'Advertisement',
  '',
  '   ',
  '2015-03-11',
  'March 11, 2015',
  'The council voted on Tuesday to close the bridge for repairs.',
  // Section labels and show names are not people
  'Key Highlights',
  'Closing Bell',
  'Morning Briefing',
  'Market Wrap',
  'By Key Takeaways',
  'Opening Bell',
  'Senior Political Editor',
  // A German article opens a title, not a name; a handle in lower case after `von` is no name
  'Die Schneemaske',
  'Das Imperialismus-Phantom',
  'von gizzmo',
  // A label and an intro whose names follow on the next line: no name ends in an intro
  'Disko Von',
  'Kapazität von 50 Tonnen',
  // Page words of other languages
  'Lesedauer: 3 Minuten',
  'Alle Artikel',
  'Kommentare',
  'Teilen Twittern',
  'von Gesponserte Inhalte',
  // Consent and donation buttons
  'Zustimmen Ablehnen',
  'Alle akzeptieren',
  'Donate Now',
  'Impressum',
  // An intro alone, its names printed elsewhere
  'Von',
  // A button's label printed twice; a label, a speaker or a comment's head ending in a colon
  'Partager Partager',
  'Teilen Teilen',
  'Im Einzelnen:',
  'Lena Moritz:',
  'Karla Wenz sagt:',
];

describe('parseByline', () => {
  it.each(cases)('%j', (input, expected) => {
    const byline = parseByline(input);
    expect(byline.contributors).toEqual(expected);
    expect(byline.text).toBe(input);
    expect(bylineSchema.safeParse(byline).success).toBe(true);
  });

  it.each(negatives)('%j is not a byline', (input) => {
    expect(parseByline(input)).toEqual({ text: input, contributors: [] });
  });

  it('has at least 40 positive cases and 10 negative ones', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(negatives.length).toBeGreaterThanOrEqual(10);
  });

  it('uses defaultRole for clauses without a role', () => {
    expect(parseByline('By Ana Ruiz', { defaultRole: 'writer' }).contributors).toEqual([
      person('Ana Ruiz', { role: 'writer' }),
    ]);
    expect(
      parseByline('Editing by Ana Ruiz', { defaultRole: 'writer' }).contributors[0]?.role,
    ).toBe('editor');
  });

  it('keeps names as printed with nameCase: false', () => {
    expect(parseByline('By ANA RUIZ', { nameCase: false }).contributors).toEqual([
      person('ANA RUIZ'),
    ]);
  });

  it('needs an intro with requireIntro', () => {
    expect(parseByline('Ana Ruiz', { requireIntro: true }).contributors).toEqual([]);
    expect(parseByline('By Ana Ruiz', { requireIntro: true }).contributors).toEqual([
      person('Ana Ruiz'),
    ]);
  });

  it('does not mutate options', () => {
    const options = Object.freeze({ defaultRole: 'reporter' as const });
    expect(() => parseByline('By Ana Ruiz', options)).not.toThrow();
  });

  it('throws on misuse, naming the argument', () => {
    expect(() => parseByline(42 as unknown as string)).toThrow(/`text`/);
    expect(() => parseByline('By Ana Ruiz', 'x' as never)).toThrow(/`options`/);
  });
});

describe('looksLikeByline', () => {
  it.each([
    ['By Ana Ruiz and Lena Moritz', true],
    ['BY LENA MORITZ, AP Sports Writer', true],
    ['Reporting by Ana Ruiz; Editing by Lena Moritz', true],
    ['By The Associated Press', true],
    ['Ana Ruiz', false],
    ['By the time the polls closed, the count was clear.', false],
    ['Leaders meet in Lisbon', false],
    ['x'.repeat(2000), false],
  ] as const)('%j → %s', (line, expected) => {
    expect(looksLikeByline(line)).toBe(expected);
  });

  it('throws on misuse', () => {
    expect(() => looksLikeByline(undefined as unknown as string)).toThrow(/`line`/);
  });
});
