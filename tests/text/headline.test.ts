import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/text/index.js';

/** Invented page copies: page furniture around one story, as a browser copy gives it. */
const STORY = [
  'The port board voted on Tuesday to run ferries after midnight, ending a debate that had split the waterfront for most of the year.',
  '',
  'The vote followed three months of hearings in which residents, night-shift workers and operators argued over noise, cost and safety on the water.',
  '',
  'Operators will hire forty crew members to staff the new night runs, the authority said, and the first boats will sail in the spring.',
].join('\n');

const cases: ReadonlyArray<{ name: string; lines: string[]; headline: string }> = [
  {
    name: 'a Topics: line right above the story',
    lines: [
      'The night ferry is a promise: crews, riders and the truth about the harbour budget',
      'The board talks a good game about service. The numbers tell another story',
      'Share',
      'Tweet',
      'Topics: ferries, harbours, night service, Editor’s Picks, Local News',
    ],
    headline: 'The night ferry is a promise: crews, riders and the truth about the harbour budget',
  },
  {
    name: 'a headline that opens with From … to …',
    lines: ['Local Monday', '', 'From ferries to night buses, this is what riders want', ''],
    headline: 'From ferries to night buses, this is what riders want',
  },
  {
    name: 'a section label in capitals above the headline',
    lines: [
      'These are the stories our newsroom follows every week, from the docks to the council.',
      'Newsletters',
      'Our letters arrive every morning with something new from the waterfront and the port.',
      'Projects',
      'SLOW SAILING',
      '',
      'Night ferries are coming back, but not as fast as riders hoped',
      '',
      'AP Photo/Ana Ruiz',
    ],
    headline: 'Night ferries are coming back, but not as fast as riders hoped',
  },
  {
    name: 'a teaser for another story (Up Next …)',
    lines: [
      'Harbour board backs late ferries',
      'Ferry crews say the new schedule is long overdue.',
      'by Dana Whitfield March 3, 2026 8:00 AM',
      '•',
      '•',
      'Up Next Why the old night buses never ran on time',
    ],
    headline: 'Harbour board backs late ferries',
  },
  {
    name: 'a photo caption that ends with a credit',
    lines: [
      'Where do the night ferries go from here?',
      '',
      'Print Article',
      'Riders wait at the north pier on Monday as the board meets across the harbour. (Ana Ruiz/Agency/Picture Desk)',
      'By Dana Whitfield March 3 at 8:00 AM',
    ],
    headline: 'Where do the night ferries go from here?',
  },
  {
    name: 'a list of related stories under a You may also like heading',
    lines: [
      'The Long Story Of The Harbour, One Of The Coast’s Busiest Ports',
      'You may also like',
      'Portside',
      'City Council Surprised to Learn Bridge Tolls Went Up After It Voted Against Them',
      'Ana Ruiz',
      'Today 7:30AM',
      'Portside',
      'Here Is Everything You Need to Know About the New Tram Line',
      'Lena Moritz',
      'Yesterday 12:35PM',
      '',
    ],
    headline: 'The Long Story Of The Harbour, One Of The Coast’s Busiest Ports',
  },
  {
    name: 'a visitor counter and a site-map footer row on a CJK page',
    lines: [
      '訪問者数 本日: 80 昨日: 1088',
      '2026年02月11日',
      '港の夜間フェリー運航が決定、住民説明会で賛否が分かれる',
    ],
    headline: '港の夜間フェリー運航が決定、住民説明会で賛否が分かれる',
  },
  {
    name: 'a kicker glued to it, with a breadcrumb trail set as a list above',
    lines: [
      'Harbour Herald',
      'You are here:',
      '  • Home',
      '  • Waterfront',
      '  • Night ferries will sail from the spring',
      '',
      'Port vote Night ferries will sail from the spring',
      '',
      'Share this article',
    ],
    headline: 'Night ferries will sail from the spring',
  },
  {
    name: 'a blog’s tagline, with a comment count under the story that repeats the headline',
    lines: [
      'Notes from the Quay',
      'Stories from the harbour after dark',
      '← The harbour master retires',
      'Why I ride the last ferry home',
    ],
    headline: 'Why I ride the last ferry home',
  },
];

/** Lines after the story: a comment count that repeats the blog post's title. */
const AFTER: Record<string, string> = {
  'Why I ride the last ferry home': '\n12 thoughts on “Why I ride the last ferry home”\n',
};

describe('parseText: headline among page furniture', () => {
  it.each(cases)('picks the headline over $name', ({ lines, headline }) => {
    const { article } = parseText(`${lines.join('\n')}\n\n${STORY}\n${AFTER[headline] ?? ''}`);
    expect(article?.headline).toBe(headline);
  });
});

describe('parseText: a kicker or a site name printed on the headline line', () => {
  // The page's trail ends with the headline alone, as many sites print it above the story.
  const page = (line: string) =>
    [
      'Harbour Times › News › Ferries will sail after midnight from spring',
      'News',
      'Sport',
      'Culture',
      '',
      line,
      '',
      'By Ana Ruiz',
      '',
      STORY,
    ].join('\n');

  it.each([
    [
      'a kicker after a spaced colon',
      'Night service : Ferries will sail after midnight from spring',
    ],
    ['a kicker after a slash', '“A long wait” / Ferries will sail after midnight from spring'],
    ['a site name after a bar', 'Ferries will sail after midnight from spring | Harbour Times'],
  ])('cuts off %s when the page prints the headline alone too', (_, line) => {
    const { article } = parseText(page(line));
    expect(article?.headline).toBe('Ferries will sail after midnight from spring');
  });

  it('keeps a colon that belongs to the title', () => {
    const line = 'Night ferries: the harbour board votes for service after midnight';
    expect(parseText(page(line)).article?.headline).toBe(line);
  });
});
