import { describe, expect, it } from 'vitest';
import { type ParseBreadcrumbOptions, parseBreadcrumb } from '../../src/fields/index.js';

const headline = 'Leaders meet in Lisbon';

const cases: ReadonlyArray<readonly [string, ParseBreadcrumbOptions | undefined, string[]]> = [
  ['Home > World > Europe', undefined, ['World', 'Europe']],
  ['Home › Sport › Football', undefined, ['Sport', 'Football']],
  ['Home » Business » Markets', undefined, ['Business', 'Markets']],
  ['News / Politics', undefined, ['News', 'Politics']],
  ['World | Europe', undefined, ['World', 'Europe']],
  ['Startseite > Politik > Ausland', undefined, ['Politik', 'Ausland']],
  ['Accueil › International', undefined, ['International']],
  ['World > Europe >', undefined, ['World', 'Europe']],
  ['  Home  >  Arts & Culture  >  Film  ', undefined, ['Arts & Culture', 'Film']],
  ['Home > World > Leaders meet in Lisbon', { headline }, ['World']],
  ['Home » World » Leaders meet in…', { headline }, ['World']],
  ['Home World Europe Leaders meet in Lisbon', { headline }, ['World', 'Europe']],
  ['Home > World > Europe', { headline }, ['World', 'Europe']],
];

const negatives: ReadonlyArray<readonly [string, ParseBreadcrumbOptions | undefined]> = [
  ['Leaders meet in Lisbon.', undefined],
  ['World', undefined],
  ['20/10/2015', undefined],
  ['Home World Europe Leaders meet in Lisbon', undefined],
  ['The ratio was 3 > 2, officials said. And then > they left.', undefined],
  ['', undefined],
  ['a'.repeat(400), undefined],
];

describe('parseBreadcrumb', () => {
  it.each(cases)('%j %j', (input, options, expected) => {
    expect(parseBreadcrumb(input, options)).toEqual(expected);
  });

  it.each(negatives)('%j is not a trail', (input, options) => {
    expect(parseBreadcrumb(input, options)).toEqual([]);
  });

  it('throws on misuse', () => {
    expect(() => parseBreadcrumb(5 as unknown as string)).toThrow(/`text`/);
    expect(() => parseBreadcrumb('a > b', 'x' as never)).toThrow(/`options`/);
  });
});
