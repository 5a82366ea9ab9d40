import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/index.js';
import { pageWritesDayFirst } from '../../src/text/day-order.js';

const lines = (...texts: string[]) => texts.map((text) => ({ text }));
const english =
  'The council said on Tuesday that the road would close for the summer and that buses would run.';
const spanish =
  'El consejo dijo el martes que la carretera se cerraría durante el verano y que habría autobuses.';

describe('pageWritesDayFirst', () => {
  it('follows the numeric dates that can be read only one way', () => {
    expect(pageWritesDayFirst(lines(english, '03/05/2022', '29/04/2022'))).toBe(true);
    expect(pageWritesDayFirst(lines(spanish, '03/05/2022', '04/29/2022'))).toBe(false);
  });

  it('falls back on the language when no date decides', () => {
    expect(pageWritesDayFirst(lines(english, english, '03/05/2022'))).toBe(false);
    expect(pageWritesDayFirst(lines(spanish, spanish, '03/05/2022'))).toBe(true);
  });

  it('answers false when no numeric date on the page could be read either way', () => {
    expect(pageWritesDayFirst(lines(spanish, spanish, '29/04/2022'))).toBe(false);
    expect(pageWritesDayFirst(lines(spanish, spanish, '05/05/2022'))).toBe(false);
  });

  it('does not count ISO dates, dotted dates or fractions', () => {
    expect(pageWritesDayFirst(lines(english, '2022-05-13', '13.05.2022', '1/4 of 2022'))).toBe(
      false,
    );
  });
});

describe('parseText: numeric dates in the order the page writes them', () => {
  const story = (date: string, more = '') =>
    `Cierran la carretera de la costa\n\nPublicado el ${date}\n\nEl consejo dijo el martes que la carretera se cerraría durante el verano y que habría autobuses cada media hora.${more}\n`;

  it('reads a Spanish page day first, and the dayFirst option still decides when given', () => {
    expect(parseText(story('03/05/2022')).article?.datePublished).toBe('2022-05-03');
    expect(parseText(story('03/05/2022'), { dayFirst: false }).article?.datePublished).toBe(
      '2022-03-05',
    );
  });

  it('reads an English page month first unless its other dates are day first', () => {
    const page = (more: string) =>
      `Coast road to close for the summer\n\nPublished 03/05/2022\n\nThe council said on Tuesday that the road would close for the summer and that buses would run every half hour.${more}\n`;
    expect(parseText(page('')).article?.datePublished).toBe('2022-03-05');
    expect(
      parseText(page('\n\nComments\n\nAna on 29/04/2022: the buses were late again.')).article
        ?.datePublished,
    ).toBe('2022-05-03');
  });
});
