import { describe, expect, it } from 'vitest';
import {
  dateFillers,
  dateLabels,
  meridiems,
  months,
  namedTimes,
  relativeDays,
  relativeUnits,
  weekdays,
} from '../../src/fields/date-words.js';
import {
  findDate,
  type ParseDateOptions,
  type ParsedDate,
  parseDate,
} from '../../src/fields/index.js';
import { longWord } from '../../src/fields/parse-date.js';
import { ambiguousZoneNote, zoneAbbreviations, zoneNames } from '../../src/fields/time-zones.js';
import { isoDateSchema } from '../../src/schema/index.js';

type Expected = Pick<ParsedDate, 'value' | 'precision' | 'zone'> & {
  label?: string;
  note?: RegExp;
};

const day = (value: string, extra: Partial<Expected> = {}): Expected => ({
  value,
  precision: 'day',
  zone: 'none',
  ...extra,
});
const minute = (
  value: string,
  zone: ParsedDate['zone'],
  extra: Partial<Expected> = {},
): Expected => ({
  value,
  precision: 'minute',
  zone,
  ...extra,
});
const second = (
  value: string,
  zone: ParsedDate['zone'],
  extra: Partial<Expected> = {},
): Expected => ({
  value,
  precision: 'second',
  zone,
  ...extra,
});

const timeDropped = /Time dropped/;
const reference = { referenceDate: '2015-10-22T16:00:00Z' } as const;

/** [text, options, expected]. */
const cases: ReadonlyArray<readonly [string, ParseDateOptions | undefined, Expected]> = [
  // ISO 8601 / RFC 3339
  ['2015-10-20', undefined, day('2015-10-20')],
  ['2015-10-20T10:30:00-04:00', undefined, second('2015-10-20T10:30:00-04:00', 'offset')],
  ['2015-10-20T14:30:00Z', undefined, second('2015-10-20T14:30:00Z', 'offset')],
  ['2015-10-20T14:30:00.123+05:30', undefined, second('2015-10-20T14:30:00+05:30', 'offset')],
  ['2015-10-20T10:30-0400', undefined, minute('2015-10-20T10:30:00-04:00', 'offset')],
  ['2015-03-17 14:00:00 -4', undefined, second('2015-03-17T14:00:00-04:00', 'offset')],
  ['2015-10-20T10:30:00', undefined, day('2015-10-20', { note: timeDropped })],
  [
    '2015-10-20T10:30:00',
    { timeZone: 'Europe/Lisbon' },
    second('2015-10-20T10:30:00+01:00', 'option'),
  ],
  // RFC 2822
  ['Tue, 20 Oct 2015 10:30:00 +0000', undefined, second('2015-10-20T10:30:00Z', 'offset')],
  ['Tue, 20 Oct 2015 10:30:00 GMT', undefined, second('2015-10-20T10:30:00Z', 'abbreviation')],
  ['Tue, 20 Oct 2015 10:30:00 -0500', undefined, second('2015-10-20T10:30:00-05:00', 'offset')],
  // AP style
  ['Oct. 21, 2015', undefined, day('2015-10-21')],
  ['Sept. 3, 2015', undefined, day('2015-09-03')],
  ['March 9, 2024', undefined, day('2024-03-09')],
  ['Jan. 12, 2015, 3:45 p.m. ET', undefined, minute('2015-01-12T15:45:00-05:00', 'abbreviation')],
  ['Oct. 21, 2015 3:45 p.m. ET', undefined, minute('2015-10-21T15:45:00-04:00', 'abbreviation')],
  ['Oct. 21, 2015 9 a.m. ET', undefined, minute('2015-10-21T09:00:00-04:00', 'abbreviation')],
  ['Oct. 21, 2015 noon ET', undefined, minute('2015-10-21T12:00:00-04:00', 'abbreviation')],
  ['Oct. 21, 2015 midnight ET', undefined, minute('2015-10-21T00:00:00-04:00', 'abbreviation')],
  ['Oct. 21, 2015 12:15 a.m. PT', undefined, minute('2015-10-21T00:15:00-07:00', 'abbreviation')],
  [
    'Updated: Oct. 21, 2015 at 3:45 p.m. EDT',
    undefined,
    minute('2015-10-21T15:45:00-04:00', 'abbreviation', { label: 'updated' }),
  ],
  [
    'Published 10:30 AM ET, Tue October 20, 2015',
    undefined,
    minute('2015-10-20T10:30:00-04:00', 'abbreviation', { label: 'published' }),
  ],
  [
    'Updated 3:45 PM ET, Wed October 21, 2015',
    undefined,
    minute('2015-10-21T15:45:00-04:00', 'abbreviation', { label: 'updated' }),
  ],
  [
    'Updated Feb 14, 2019 8pm ET',
    undefined,
    minute('2019-02-14T20:00:00-05:00', 'abbreviation', { label: 'updated' }),
  ],
  ['March 9, 2024 11:43AM CT', undefined, minute('2024-03-09T11:43:00-06:00', 'abbreviation')],
  [
    'July 4, 2024 2:00 p.m. Eastern time',
    undefined,
    minute('2024-07-04T14:00:00-04:00', 'abbreviation'),
  ],
  ['Dec. 1, 2024 6 p.m. MST', undefined, minute('2024-12-01T18:00:00-07:00', 'abbreviation')],
  // Labels
  ['Posted Feb 4, 2019', undefined, day('2019-02-04', { label: 'posted' })],
  ['Published February 4, 2019', undefined, day('2019-02-04', { label: 'published' })],
  ['Last updated: Feb 14, 2018', undefined, day('2018-02-14', { label: 'last updated' })],
  [
    'First published on Tue 20 Oct 2015',
    undefined,
    day('2015-10-20', { label: 'first published' }),
  ],
  [
    'Mis à jour le 20 octobre 2015 à 10h30',
    { timeZone: 'Europe/Paris' },
    minute('2015-10-20T10:30:00+02:00', 'option', { label: 'updated' }),
  ],
  // UK and European
  ['20 October 2015', undefined, day('2015-10-20')],
  [
    'Tue 20 Oct 2015 10.30 BST',
    { locale: 'en-GB' },
    minute('2015-10-20T10:30:00+01:00', 'abbreviation'),
  ],
  ['20th October 2015', undefined, day('2015-10-20')],
  [
    '20. Oktober 2015, 10:30 Uhr MESZ',
    undefined,
    minute('2015-10-20T10:30:00+02:00', 'abbreviation'),
  ],
  ['20 de octubre de 2015', undefined, day('2015-10-20')],
  ['20 ottobre 2015', undefined, day('2015-10-20')],
  ['1er mars 2016', undefined, day('2016-03-01')],
  ['20 outubro 2015', undefined, day('2015-10-20')],
  ['20.10.2015', undefined, day('2015-10-20')],
  ['20/10/2015', undefined, day('2015-10-20')],
  ['2019/3/5', undefined, day('2019-03-05')],
  ['2019年4月13日', undefined, day('2019-04-13')],
  ['2019년 4월 13일', undefined, day('2019-04-13')],
  ['20.10.2015.', undefined, day('2015-10-20')],
  ['03/04/2015', { locale: 'en-GB' }, day('2015-04-03')],
  ['03/04/2015', { locale: 'en-US' }, day('2015-03-04')],
  // DST: one abbreviation, two offsets
  ['January 15, 2024 9:00 AM ET', undefined, minute('2024-01-15T09:00:00-05:00', 'abbreviation')],
  ['July 15, 2024 9:00 AM ET', undefined, minute('2024-07-15T09:00:00-04:00', 'abbreviation')],
  ['July 15, 2024 9:00 AM MT', undefined, minute('2024-07-15T09:00:00-06:00', 'abbreviation')],
  [
    'March 11, 2015 3:46 PM',
    { timeZone: 'America/New_York' },
    minute('2015-03-11T15:46:00-04:00', 'option'),
  ],
  ['March 11, 2015 3:46 PM', undefined, day('2015-03-11', { note: timeDropped })],
  [
    'November 1, 2015 1:30 AM',
    { timeZone: 'America/New_York' },
    minute('2015-11-01T01:30:00-04:00', 'option'),
  ],
  [
    'March 8, 2015 2:30 AM',
    { timeZone: 'America/New_York' },
    minute('2015-03-08T03:30:00-04:00', 'option'),
  ],
  [
    'Jan 1, 2015 9:00',
    { timeZone: 'Australia/Adelaide' },
    minute('2015-01-01T09:00:00+10:30', 'option'),
  ],
  ['July 1, 2015 9:00', { timeZone: 'UTC' }, minute('2015-07-01T09:00:00Z', 'option')],
  // Ambiguous abbreviations
  [
    '20 Oct 2015 10:00 IST',
    undefined,
    minute('2015-10-20T10:00:00+05:30', 'abbreviation', { note: /Ambiguous `IST`/ }),
  ],
  [
    '20 Oct 2015 10:00 IST',
    { locale: 'en-IE' },
    minute('2015-10-20T10:00:00+01:00', 'abbreviation'),
  ],
  ['20 Oct 2015 10:00 IST', { locale: 'he' }, minute('2015-10-20T10:00:00+02:00', 'abbreviation')],
  [
    '20 Oct 2015 10:00 CST',
    undefined,
    minute('2015-10-20T10:00:00-06:00', 'abbreviation', { note: /Ambiguous `CST`/ }),
  ],
  [
    '20 Oct 2015 10:00 CST',
    { locale: 'zh-CN' },
    minute('2015-10-20T10:00:00+08:00', 'abbreviation'),
  ],
  [
    '20 Oct 2015 10:00 BST',
    undefined,
    minute('2015-10-20T10:00:00+01:00', 'abbreviation', { note: /Ambiguous `BST`/ }),
  ],
  [
    '20 Oct 2015 10:00 BST',
    { locale: 'bn-BD' },
    minute('2015-10-20T10:00:00+06:00', 'abbreviation'),
  ],
  // Relative dates and dates without a year, against a reference date
  ['2 hours ago', reference, minute('2015-10-22T14:00:00Z', 'offset', { note: /Relative/ })],
  [
    '45 minutes ago',
    { ...reference, timeZone: 'America/New_York' },
    minute('2015-10-22T11:15:00-04:00', 'option', { note: /Relative/ }),
  ],
  ['Yesterday', reference, day('2015-10-21')],
  [
    'Yesterday at 3 p.m.',
    { ...reference, timeZone: 'Europe/Lisbon' },
    minute('2015-10-21T15:00:00+01:00', 'option'),
  ],
  ['Today', reference, day('2015-10-22')],
  // A year glued to the time after it, as pages copy: `…, 20163:33 PM ET`.
  ['December 15, 20163:33 PM ET', undefined, minute('2016-12-15T15:33:00-05:00', 'abbreviation')],
  // A two-digit year glued to the time after it (`28.09.19` and `12:44`), not the year 1912.
  ['28.09.1912:44', undefined, day('2019-09-28', { note: /Time dropped/ })],
  ['28.09.1912', undefined, day('1912-09-28')],
  [
    'Posted 12 March 202611:40 GMT',
    undefined,
    minute('2026-03-12T11:40:00Z', 'abbreviation', { label: 'posted' }),
  ],
  ['3 days ago', reference, day('2015-10-19', { note: /Relative/ })],
  ['Tuesday', reference, day('2015-10-20', { note: /Weekday/ })],
  ['Oct 20', reference, day('2015-10-20', { note: /Year 2015/ })],
  ['Dec. 30', reference, day('2014-12-30', { note: /Year 2014/ })],
];

/** Text that is not a date (or needs options it was not given). */
const negatives: ReadonlyArray<readonly [string, ParseDateOptions | undefined]> = [
  ['2015', undefined],
  ['3,000', undefined],
  ['42', undefined],
  ['10:30', undefined],
  ['September 1975', undefined],
  ['Oct 20', undefined],
  ['Tue', { referenceDate: '2015-10-22T16:00:00Z' }],
  ['2 hours ago', undefined],
  ['Yesterday', undefined],
  ['February 30, 2015', undefined],
  ['2015-13-01', undefined],
  ['2015-10-20T25:00:00Z', undefined],
  ['Oct. 21, 2015 13 p.m. ET', undefined],
  ['By Ana Ruiz', undefined],
  ['', undefined],
  ['The meeting on Oct. 21, 2015 was short.', undefined],
  ['555-0142', undefined],
  ['20163:33', undefined],
  // Bars between numbers that are not a day, a month and a year.
  ['12 | 40 | 2021', undefined],
];

describe('parseDate', () => {
  it.each(cases)('%j %j', (text, options, expected) => {
    const parsed = parseDate(text, options);
    expect(parsed).toBeDefined();
    const { note, ...rest } = expected;
    expect(parsed).toMatchObject(rest);
    if (expected.label === undefined) expect(parsed?.label).toBeUndefined();
    if (note) expect(parsed?.note).toMatch(note);
    else expect(parsed?.note).toBeUndefined();
    expect(isoDateSchema.safeParse(parsed?.value).success).toBe(true);
    expect(text.trim().startsWith(parsed?.text ?? '\u0000')).toBe(true);
  });

  it.each(negatives)('%j is not a date', (text, options) => {
    expect(parseDate(text, options)).toBeUndefined();
  });

  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('never returns a date-time without an offset', () => {
    for (const [text, options] of cases) {
      const parsed = parseDate(text, options);
      if (parsed?.zone === 'none') expect(parsed.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('accepts a Date as referenceDate', () => {
    expect(
      parseDate('Yesterday', { referenceDate: new Date(Date.UTC(2015, 9, 22, 12)) })?.value,
    ).toBe('2015-10-21');
  });

  it('throws on misuse, naming the argument', () => {
    expect(() => parseDate(1 as unknown as string)).toThrow(/`text`/);
    expect(() => parseDate('2015-10-20', { timeZone: 'Mars/Olympus' })).toThrow(
      /`options.timeZone`/,
    );
    expect(() => parseDate('Yesterday', { referenceDate: 'not a date' })).toThrow(
      /`options.referenceDate`/,
    );
  });
});

describe('findDate', () => {
  it.each([
    [
      'By Ana Ruiz March 11, 2015 3:46 PM',
      { timeZone: 'America/New_York' },
      'March 11, 2015 3:46 PM',
      12,
      '2015-03-11T15:46:00-04:00',
    ],
    ['The meeting on Oct. 21, 2015 was short.', undefined, 'Oct. 21, 2015', 15, '2015-10-21'],
    [
      'Ana Ruiz | Updated: 2015-10-20T10:30:00Z | 4 min read',
      undefined,
      'Updated: 2015-10-20T10:30:00Z',
      11,
      '2015-10-20T10:30:00Z',
    ],
    ['LONDON, Oct 20 (Reuters)', { referenceDate: '2015-10-22' }, 'Oct 20', 8, '2015-10-20'],
    ['Room 12, floor 3, opened 20 October 2015', undefined, '20 October 2015', 25, '2015-10-20'],
    // Published and updated dates printed with no space between them (one of them hidden on the page).
    [
      'Veröffentlicht am 10. Februar 20159. Februar 2015 von Ana',
      undefined,
      'Veröffentlicht am 10. Februar 2015',
      0,
      '2015-02-10',
    ],
    [
      'Ana Ruiz | 29. Dezember 201530. Dezember 2015',
      undefined,
      '29. Dezember 2015',
      11,
      '2015-12-29',
    ],
    ['Ana Ruiz 20 janvier 201520 janvier 2015', undefined, '20 janvier 2015', 9, '2015-01-20'],
    // A day-first numeric date with a space after each dot
    ['Von Ana Ruiz 4. 2. 2015.', undefined, '4. 2. 2015', 13, '2015-02-04'],
    // Day, month and year with bars between them, as a page's date box prints them.
    ['14 | 03 | 2021   Region | Sport', undefined, '14 | 03 | 2021', 0, '2021-03-14'],
    // Russian month names, in the genitive that follows a day number.
    ['Анна Руис, 7 марта 2021, 10:15', undefined, '7 марта 2021, 10:15', 11, '2021-03-07'],
    ['1 декабря 2020 г.', undefined, '1 декабря 2020', 0, '2020-12-01'],
  ] as const)('%j', (text, options, matched, index, value) => {
    const found = findDate(text, options);
    expect(found).toMatchObject({ text: matched, index, value });
    expect(text.slice(found?.index, (found?.index ?? 0) + matched.length)).toBe(matched);
  });

  it('finds a date far into a long text, also across the windows it reads', () => {
    for (const words of [10, 2040, 2045, 2047, 2048, 6000]) {
      const text = `${'x '.repeat(words)}Updated Oct. 21, 2015 at 3:45 p.m. EDT and more`;
      expect(findDate(text)).toEqual({
        value: '2015-10-21T15:45:00-04:00',
        precision: 'minute',
        zone: 'abbreviation',
        label: 'updated',
        text: 'Updated Oct. 21, 2015 at 3:45 p.m. EDT',
        index: words * 2,
      });
    }
  });

  it('reads relative dates only at the start or after a label', () => {
    const options = { referenceDate: '2015-10-22T16:00:00Z' };
    expect(findDate('The council said today that it would wait.', options)).toBeUndefined();
    expect(findDate('The fire started 2 hours ago, officials said.', options)).toBeUndefined();
    expect(findDate('So the vote went ahead.', options)).toBeUndefined();
    expect(findDate('Updated 2 hours ago', options)).toMatchObject({
      value: '2015-10-22T14:00:00Z',
      label: 'updated',
      index: 0,
    });
    expect(
      findDate('Yesterday at 3 p.m.', { ...options, timeZone: 'Europe/Lisbon' }),
    ).toMatchObject({ index: 0 });
  });

  it('returns undefined when there is no date', () => {
    expect(findDate('Call 555-0142 before 10 or after 12.')).toBeUndefined();
    expect(findDate('By Ana Ruiz and Lena Moritz')).toBeUndefined();
  });

  it('keeps the label in the match', () => {
    expect(findDate('Ana Ruiz Published Feb 4, 2019')).toMatchObject({
      label: 'published',
      text: 'Published Feb 4, 2019',
      index: 9,
    });
  });

  it('reads a word longer than any date word as no date word, as a short one', () => {
    // Words of over 64 letters (periods aside) keep their text as key, not a lower-case copy.
    const wordKeyMaxLength = 64;
    expect(longWord.test(`${'a.'.repeat(wordKeyMaxLength)}b`)).toBe(true);
    expect(longWord.test(`${'a.'.repeat(wordKeyMaxLength)}.`)).toBe(false);
    const tables = [dateFillers, dateLabels, meridiems, months, namedTimes, relativeDays];
    const keys = [...tables, relativeUnits, weekdays, zoneNames].flatMap((table) => [
      ...table.keys(),
    ]);
    const longest = Math.max(...keys.flatMap((key) => key.split(' ').map((word) => word.length)));
    expect(longest).toBeLessThan(wordKeyMaxLength);
    const long = 'Ab'.repeat(wordKeyMaxLength);
    expect(findDate(`By ${long} March 11, 2015`)).toMatchObject({ index: long.length + 4 });
    expect(findDate(`March ${long} 11, 2015`)).toEqual(findDate('March Ab 11, 2015'));
    // A word of few letters and many periods is still read by its letters (`p.m.`).
    const dotted = `P${'.'.repeat(wordKeyMaxLength * 2)}M`;
    const options = { timeZone: 'America/New_York' };
    expect(findDate(`March 11, 2015 3:46 ${dotted}`, options)?.value).toBe(
      '2015-03-11T15:46:00-04:00',
    );
  });
});

describe('notes', () => {
  it('name the readings of an ambiguous abbreviation with the zones it resolves to', () => {
    let ambiguous = 0;
    for (const [abbreviation, entry] of zoneAbbreviations) {
      if (!entry.alternatives) continue;
      ambiguous++;
      const zones = [entry.zone, ...entry.alternatives.map((alternative) => alternative.zone)];
      const note = ambiguousZoneNote(abbreviation);
      expect(note).toMatch(new RegExp(`^Ambiguous \`${abbreviation}\` read as `));
      expect([...note.matchAll(/ \(([+-]\d\d:\d\d)\)/g)].map((match) => match[1])).toEqual(zones);
      expect(parseDate(`Oct 20, 2015 10:00 ${abbreviation}`)).toMatchObject({
        zone: 'abbreviation',
        note,
      });
    }
    expect(ambiguous).toBe(3);
  });

  it('join every note of a reading, in the order they were made', () => {
    expect(findDate('Posted 10/3/15 at 10:00')).toMatchObject({
      note: 'Ambiguous numeric date `10/3/15` read as month/day: pass `locale` to choose; Time dropped: the text names no time zone; pass `timeZone` to keep it',
      index: 0,
    });
    expect(parseDate('Oct 3 10:00', { referenceDate: '2015-10-20T12:00:00Z' })?.note).toBe(
      'Year 2015 taken from `referenceDate`; Time dropped: the text names no time zone; pass `timeZone` to keep it',
    );
    expect(parseDate('Tuesday', { referenceDate: '2015-10-22T12:00:00Z' })?.note).toBe(
      'Weekday read as the latest such day on or before `referenceDate`',
    );
    expect(parseDate('2 hours ago', { referenceDate: '2015-10-20T10:30:00Z' })?.note).toBe(
      'Relative date read against `referenceDate`',
    );
    expect(Object.keys(findDate('On 10/3/2015', { locale: 'en-US' }) ?? {})).toEqual([
      'value',
      'precision',
      'zone',
      'text',
      'index',
    ]);
  });
});
