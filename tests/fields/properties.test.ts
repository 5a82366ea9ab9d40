import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findDate,
  looksLikeByline,
  parseBreadcrumb,
  parseByline,
  parseCaption,
  parseCredit,
  parseDate,
  parseDateline,
  toNameCase,
} from '../../src/fields/index.js';
import {
  bylineSchema,
  captionSchema,
  datelineSchema,
  isoDateSchema,
} from '../../src/schema/index.js';

/** Pieces that reach deep into the parsers: intro words, separators, months, zones, agencies. */
const newsy = fc.constantFrom(
  'By ',
  'BY ',
  'and ',
  ', ',
  ' & ',
  '/',
  ' | ',
  '; ',
  ' · ',
  'Reporting by ',
  'Edited by ',
  'Photo: ',
  '(AP Photo/',
  ')',
  '(',
  ' — ',
  ' - ',
  'Ana ',
  'RUIZ ',
  "O'NEIL ",
  'van der ',
  'McTAVISH',
  'Jr. ',
  'PhD',
  'March ',
  'Oct. ',
  '11, ',
  '2015 ',
  '3:45 ',
  'p.m. ',
  'ET',
  'IST',
  ' ago',
  'Yesterday',
  'Home > ',
  '(Reuters) ',
  'LONDON',
  'Mo.',
  'Credit ',
  'REUTERS/',
  'via ',
  ' in ',
  'Lisbon',
  'The Daily Ledger',
  '\n',
  '\t',
  '  ',
  '著者：',
  '王',
  'é',
  '\u0301',
  '😀',
  '0',
  '9',
  '.',
  ':',
  '"',
  '…',
);
const newsyText = fc.array(newsy, { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), newsyText);
const reference = { referenceDate: '2015-10-22T16:00:00Z' };

describe('field parsers on arbitrary strings', () => {
  it('never throw and return schema-valid values', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const byline = parseByline(text);
        expect(byline.text).toBe(text);
        expect(bylineSchema.safeParse(byline).success).toBe(true);
        expect(typeof looksLikeByline(text)).toBe('boolean');
        expect(captionSchema.safeParse(parseCaption(text)).success).toBe(true);
        const credit = parseCredit(text);
        if (credit) expect(credit.text.trim()).not.toBe('');
        const dateline = parseDateline(text);
        if (dateline) {
          expect(datelineSchema.safeParse(dateline).success).toBe(true);
          expect(text.trimStart().startsWith(dateline.text)).toBe(true);
        }
        for (const crumb of parseBreadcrumb(text, { headline: 'Leaders meet' }))
          expect(crumb.trim()).toBe(crumb);
        for (const options of [
          undefined,
          reference,
          { timeZone: 'Asia/Kolkata', locale: 'en-IE' },
        ]) {
          const parsed = parseDate(text, options);
          if (parsed) expect(isoDateSchema.safeParse(parsed.value).success).toBe(true);
          const found = findDate(text, options);
          if (found) {
            expect(isoDateSchema.safeParse(found.value).success).toBe(true);
            expect(text.slice(found.index, found.index + found.text.length)).toBe(found.text);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('parseDate reads what findDate found the same way', () => {
    fc.assert(
      fc.property(newsyText, (text) => {
        const found = findDate(text, reference);
        if (!found) return;
        const { index: _index, ...parsed } = found;
        expect(parseDate(found.text, reference)).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });
});

const given = fc.constantFrom(
  'Ana',
  'Lena',
  'Tomas',
  'Ivo',
  'Marta',
  'Hugo',
  'Anna-Lena',
  'Sean',
  'Élodie',
  'Kwame',
);
const family = fc.constantFrom(
  'Ruiz',
  'Moritz',
  'Berg',
  'Kessler',
  "O'Daly",
  'McTavish',
  'MacLennan',
  'van der Berg',
  'de la Cruz',
  'Okafor',
  'Lefèvre',
);
const middle = fc.constantFrom('', 'D. ', 'T.C. ', 'Maria ');
const name = fc.tuple(given, middle, family).map(([first, mid, last]) => `${first} ${mid}${last}`);
const casing = fc.constantFrom(
  (text: string) => text,
  (text: string) => text.toUpperCase(),
);

describe('byline names', () => {
  it('parse lists of names into those names, whatever the separators and case', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('By ', 'BY ', 'Written by ', ''),
        fc.constantFrom(', ', ' and ', ' & '),
        casing,
        (names, intro, separator, cased) => {
          const line = `${intro}${cased(names.join(separator))}`;
          const parsed = parseByline(line).contributors.map((c) => c.name);
          expect(parsed).toEqual(names.map((n) => (cased(n) === n ? n : toNameCase(cased(n)))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('are idempotent: re-parsing the parsed names gives the same names', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const people = parseByline(text).contributors.filter((c) => c.type === 'Person');
        for (const person of people) {
          expect(parseByline(person.name).contributors.map((c) => c.name)).toEqual([person.name]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('toNameCase is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(toNameCase(toNameCase(text))).toBe(toNameCase(text));
      }),
    );
  });
});

describe('white space (internal)', () => {
  it('collapses like the regular expressions it replaces, in linear time', async () => {
    const { collapsedLines, collapseWhiteSpace } = await import('../../src/fields/white-space.js');
    const spacey = fc.array(
      fc.constantFrom(
        'a',
        'B',
        ' ',
        '  ',
        '\t',
        '\n',
        '\r\n',
        '\r',
        '\u3000',
        '\u00a0',
        '\u2028',
        'é',
      ),
      {
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(spacey, (parts) => {
        const text = parts.join('');
        expect(collapsedLines(text)).toEqual(
          text.split(/\r\n?|\n|\u2028|\u2029/u).map((line) => line.replace(/\s+/gu, ' ').trim()),
        );
        expect(collapseWhiteSpace(text)).toBe(text.replace(/\s+/gu, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });
});
