import { describe, expect, it } from 'vitest';
import { lintArticle } from '../../src/lint/index.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import { parseText } from '../../src/text/index.js';

const headline = 'Harbour Authority Approves Night Ferries';
const story =
  'The port board voted on Tuesday to run ferries after midnight, the first change in a decade.';

/**
 * Bylines of our own invention, in the shapes pages print: honorifics, credentials, job
 * titles, outlets and agencies beside the names, glued or doubled intros, a closing full stop.
 */
const bylines = [
  'By Dr. Ana Ruiz',
  'By Prof. Lena Moritz',
  'By Ana Ruiz, PhD',
  'By Ana Ruiz, Staff Writer',
  'By Ana Ruiz | The Valley Ledger',
  'By Ana Ruiz, Reuters',
  'By ANA RUIZ and LENA MORITZ, Associated Press',
  'By Ana Ruiz and Lena Moritz',
  'By Tomas Berg in Lisbon',
  'ByMarta Quill',
  'Byby TOMAS REYNA',
  'By Marta Quill.',
  'Marta Quill.',
  'Written by Rev. Tomas Berg',
];

/** Rules about the author names a parser wrote: none of them may fire on nutgraf's own output. */
const NAME_RULE = /^(?:author-|multiple-authors)/;

const nameFindings = (article: Parameters<typeof lintArticle>[0] | undefined) =>
  article === undefined
    ? ['no article']
    : lintArticle(article)
        .filter((diagnostic) => NAME_RULE.test(diagnostic.ruleId))
        .map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`);

describe('our own lint on the bylines our parsers read', () => {
  it.each(bylines)('parseText %j: no author-name finding', (byline) => {
    const { article } = parseText(`${headline}\n\n${byline}\n\n${story}\n`);
    expect(article?.byline?.contributors.length).toBeGreaterThan(0);
    expect(nameFindings(article)).toEqual([]);
  });

  it.each(bylines)('parseMarkdown %j: no author-name finding', (byline) => {
    const { article } = parseMarkdown(`# ${headline}\n\n${byline}\n\n${story}\n`);
    expect(nameFindings(article)).toEqual([]);
  });

  it('flags the name parseText wrote before honorifics were read apart', () => {
    // The check itself fires on the old output, so the tests above can fail.
    const { article } = parseText(`${headline}\n\nBy Dr. Ana Ruiz\n\n${story}\n`);
    const old = {
      ...article!,
      byline: { contributors: [{ name: 'Dr. Ana Ruiz', type: 'Person' as const }] },
    };
    expect(nameFindings(old)).toEqual([expect.stringMatching(/^author-name-has-prefix/)]);
  });
});
