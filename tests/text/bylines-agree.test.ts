import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/index.js';
import { parseText } from '../../src/text/index.js';

const headline = 'Harbour Authority Approves Night Ferries';
const story =
  'The port board voted on Tuesday to run ferries after midnight, the first change in a decade.';

/** Bylines of our own invention, printed under a headline. */
const bylines = [
  'By Dr. Ana Ruiz',
  'By Prof. Lena Moritz',
  'By ANA RUIZ and LENA MORITZ, Associated Press',
  'By Tomas Berg in Lisbon',
  'ByMarta Quill',
  'Byby TOMAS REYNA',
  'By Marta Quill.',
];

describe('the same byline from parseText and parseMarkdown', () => {
  it.each(bylines)('%j', (byline) => {
    const fromText = parseText(`${headline}\n\n${byline}\n\n${story}\n`).article?.byline;
    const fromMarkdown = parseMarkdown(`# ${headline}\n\n${byline}\n\n${story}\n`).article?.byline;
    expect(fromText?.contributors.length).toBeGreaterThan(0);
    expect(fromText?.contributors).toEqual(fromMarkdown?.contributors);
  });

  it('reads the honorific apart in both', () => {
    const fromText = parseText(`${headline}\n\nBy Dr. Ana Ruiz\n\n${story}\n`).article;
    expect(fromText?.byline?.contributors).toEqual([
      { name: 'Ana Ruiz', type: 'Person', role: 'author', honorificPrefix: 'Dr.' },
    ]);
  });

  it('takes no section label or show name for a person', () => {
    for (const label of ['Key Highlights', 'Closing Bell', 'Morning Briefing']) {
      expect(parseText(`${headline}\n\n${label}\n\n${story}\n`).article?.byline).toBeUndefined();
    }
  });
});
