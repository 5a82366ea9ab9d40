import { describe, expect, it } from 'vitest';
import {
  type ArticleInput,
  articleSchema,
  isoDateProblem,
  sourceMapFrom,
  toBodySections,
  validateArticle,
} from '../../src/schema/index.js';

/** A complete article of our own invention, using every field. */
const full: ArticleInput = {
  headline: 'Harbour Authority Approves Night Ferries',
  alternativeHeadline: 'Service after midnight starts in May',
  kicker: 'TRANSPORT',
  description: 'The port board voted to run ferries after midnight from May.',
  url: 'https://ledger.example/news/2026/03/night-ferries',
  id: 'ledger-2026-0311-ferries',
  type: 'ReportageNewsArticle',
  language: 'en-GB',
  section: {
    name: 'Transport',
    path: ['Local', 'Transport'],
    url: 'https://ledger.example/local/transport',
  },
  byline: {
    text: 'By DANA WHITFIELD and Tomas Ekberg, The Daily Ledger',
    contributors: [
      {
        name: 'Dana Whitfield',
        jobTitle: 'Transport Correspondent',
        url: 'https://ledger.example/staff/dana',
      },
      {
        name: 'Tomas Ekberg',
        affiliation: 'The Daily Ledger',
        location: 'Port Ellis',
        role: 'reporter',
      },
      { name: 'Ledger Wire Desk', type: 'Organization', role: 'contributor' },
    ],
  },
  dateline: { text: 'PORT ELLIS (Ledger Wire) —', place: 'PORT ELLIS', agency: 'Ledger Wire' },
  datePublished: '2026-03-10T18:05:00-05:00',
  dateModified: '2026-03-11T09:30:00Z',
  dateCreated: '2026-03-10',
  image: {
    url: 'https://ledger.example/img/ferry.jpg',
    alt: 'A white ferry at a pier at dusk',
    caption: {
      text: 'Passengers waiting at the north pier on Monday evening.',
      credit: {
        text: 'Ledger Photo/Mira Santos',
        creator: 'Mira Santos',
        provider: 'Ledger Photo',
      },
    },
    width: 1600,
    height: 900,
  },
  body: [
    {
      type: 'paragraph',
      text: 'The port board voted on Tuesday to run ferries after midnight.',
      content: [
        { type: 'text', value: 'The ' },
        { type: 'link', url: '/port-board', children: [{ type: 'text', value: 'port board' }] },
        { type: 'text', value: ' voted on ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'Tuesday' }] },
        { type: 'text', value: ' to run ferries after midnight.' },
      ],
    },
    { type: 'heading', level: 2, text: 'What changes' },
    {
      type: 'list',
      ordered: false,
      items: [{ text: 'Two extra crossings' }, { text: 'New crew rota' }],
    },
    { type: 'quote', text: 'It is about time.', citation: 'A commuter' },
    {
      type: 'figure',
      caption: { text: 'The north pier.', credit: { text: 'AP', provider: 'AP' } },
    },
    { type: 'divider' },
    { type: 'embed', url: 'https://video.example/watch/123', provider: 'VideoSite' },
    { type: 'code', text: 'timetable --night', language: 'sh' },
    {
      type: 'table',
      rows: [
        [{ text: 'Route' }, { text: 'Last boat' }],
        [{ text: 'North' }, { text: '01:30' }],
      ],
    },
    { type: 'html', html: '<aside>Map</aside>' },
  ],
  keywords: ['ferries', 'port'],
  publisher: {
    name: 'The Daily Ledger',
    url: 'https://ledger.example/',
    logo: { url: 'https://ledger.example/logo.png', width: 600, height: 60 },
  },
  isAccessibleForFree: false,
  paywalledSelectors: ['.paywall'],
  corrections: [{ text: 'An earlier version misstated the day of the vote.', date: '2026-03-11' }],
  copyright: { notice: 'Copyright 2026 The Daily Ledger', holder: 'The Daily Ledger', year: 2026 },
  wire: { slug: 'BC-Harbour-Ferries', tags: ['UPDATE 2'] },
  draft: false,
};

/** Validate a minimal article with one field changed, and return the diagnostics. */
function problems(patch: Record<string, unknown>) {
  return validateArticle({ headline: 'A headline', body: [], ...patch }).diagnostics;
}

describe('articleSchema', () => {
  it('accepts a complete article and applies defaults', () => {
    const { article, diagnostics } = validateArticle(full);
    expect(diagnostics).toEqual([]);
    expect(article?.type).toBe('ReportageNewsArticle');
    expect(article?.byline?.contributors[0]).toMatchObject({ type: 'Person', role: 'author' });
    expect(article?.corrections?.[0]?.type).toBe('correction');
  });

  it('accepts a minimal article and defaults its type to NewsArticle', () => {
    expect(articleSchema.parse({ headline: 'Minimal', body: [] })).toEqual({
      headline: 'Minimal',
      body: [],
      type: 'NewsArticle',
    });
  });

  /** Where validateArticle finds a problem with a paragraph linking to `url`. */
  const linkProblems = (url: string) =>
    validateArticle({
      headline: 'Links',
      body: [
        {
          type: 'paragraph',
          text: 'map',
          content: [{ type: 'link', url, children: [{ type: 'text', value: 'map' }] }],
        },
      ],
    }).diagnostics.map((d) => d.path);

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'vbscript:x',
    'data:text/html,hi',
  ])('rejects a link to %j, which would run script', (url) => {
    expect(linkProblems(url)).toEqual([['body', 0, 'content', 0, 'url']]);
  });

  it.each(['https://a.example/map', '/local/map', '#map', 'mailto:desk@a.example', 'map.html'])(
    'accepts a link to %j',
    (url) => {
      expect(linkProblems(url)).toEqual([]);
    },
  );

  it('does not mutate its input', () => {
    const input = structuredClone(full);
    validateArticle(input);
    expect(input).toEqual(full);
  });

  const rejected: Array<[string, Record<string, unknown>, (string | number)[], RegExp]> = [
    [
      'a headline of the wrong type',
      { headline: 42 },
      ['headline'],
      /Unexpected number .*expected string/,
    ],
    ['an empty headline', { headline: '   ' }, ['headline'], /non-empty/],
    ['a relative URL', { url: '/news/story' }, ['url'], /absolute http\(s\) URL/],
    ['a non-http URL', { url: 'ftp://example.com/a' }, ['url'], /absolute http\(s\) URL/],
    [
      'a date-time without offset',
      { datePublished: '2026-03-10T18:05:00' },
      ['datePublished'],
      /no UTC offset: add `Z` or `±HH:MM`.*timeZone/,
    ],
    [
      'an impossible date',
      { dateModified: '2026-02-30' },
      ['dateModified'],
      /not a real calendar date/,
    ],
    [
      'a free-form date',
      { dateCreated: 'yesterday' },
      ['dateCreated'],
      /Expected an ISO 8601 date/,
    ],
    ['a Date object', { datePublished: new Date(0) }, ['datePublished'], /expected string/],
    ['a bad language tag', { language: 'english please' }, ['language'], /BCP 47/],
    ['a language name instead of a tag', { language: 'English' }, ['language'], /BCP 47/],
    [
      'an unknown article type',
      { type: 'Tweet' },
      ['type'],
      /`Tweet`.*expected one of `NewsArticle`/,
    ],
    [
      'an unknown block type',
      { body: [{ type: 'marquee', text: 'x' }] },
      ['body', 0, 'type'],
      /`marquee` for `body\[0\].type`, expected one of `paragraph`/,
    ],
    [
      'a heading of level 1',
      { body: [{ type: 'heading', level: 1, text: 'x' }] },
      ['body', 0, 'level'],
      /2|>=/,
    ],
    [
      'paragraph content that disagrees with its text',
      { body: [{ type: 'paragraph', text: 'One', content: [{ type: 'text', value: 'Two' }] }] },
      ['body', 0, 'content'],
      /does not spell out its `text`/,
    ],
    [
      'a contributor with an unknown role',
      { byline: { contributors: [{ name: 'A B', role: 'columnist' }] } },
      ['byline', 'contributors', 0, 'role'],
      /`columnist`.*expected one of/,
    ],
    ['a misspelled field', { headlien: 'x' }, ['headlien'], /Unknown field `headlien`/],
    [
      'a non-class paywall selector',
      { paywalledSelectors: ['#paywall'] },
      ['paywalledSelectors', 0],
      /class selector/,
    ],
    [
      'an image of zero width',
      { image: { url: 'https://a.example/i.jpg', width: 0 } },
      ['image', 'width'],
      /0|>/,
    ],
  ];

  it.each(rejected)('rejects %s with a precise path and message', (_, patch, path, message) => {
    const diagnostics = problems(patch);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'invalid-field',
      severity: 'error',
      path,
      source: 'nutgraf',
    });
    expect(diagnostics[0]?.message).toMatch(message);
  });

  it('reports a missing headline and body as missing fields', () => {
    const { article, diagnostics } = validateArticle({});
    expect(article).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual([
      'Missing required field `headline`',
      'Missing required field `body`',
    ]);
  });

  it('reports every problem in one pass', () => {
    const diagnostics = problems({ headline: '', url: 'nope', language: '??' });
    expect(diagnostics.map((d) => d.path)).toEqual([['headline'], ['url'], ['language']]);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [undefined, null, 0, 'text', [], () => 1, Symbol('x'), new Map()]) {
      const { article, diagnostics } = validateArticle(value);
      expect(article).toBeUndefined();
      expect(diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('reports inline content nested too deeply instead of overflowing the stack', () => {
    let inline: Record<string, unknown> = { type: 'text', value: 'deep' };
    for (let depth = 0; depth < 20_000; depth++) inline = { type: 'emphasis', children: [inline] };
    const { article, diagnostics } = validateArticle({
      headline: 'x',
      body: [{ type: 'paragraph', text: 'deep', content: [inline] }],
    });
    expect(article).toBeUndefined();
    expect(diagnostics).toMatchObject([{ ruleId: 'invalid-field', message: /nested too deeply/ }]);
  });

  it('places diagnostics with the source map of the closest field', () => {
    const range = {
      start: { line: 3, column: 1, offset: 20 },
      end: { line: 3, column: 30, offset: 49 },
    };
    const { diagnostics } = validateArticle(
      { headline: 'x', body: [{ type: 'paragraph', text: 1 }] },
      { sources: sourceMapFrom({ 'body.0': range }), file: 'story.md' },
    );
    expect(diagnostics[0]).toMatchObject({
      path: ['body', 0, 'text'],
      place: range,
      file: 'story.md',
    });
  });
});

describe('isoDateProblem', () => {
  it.each([
    '2024-02-29',
    '2026-03-10T18:05Z',
    '2026-03-10T18:05:00-05:00',
    '2026-03-10T18:05:00.123+05:30',
  ])('accepts %s', (value) => {
    expect(isoDateProblem(value)).toBeUndefined();
  });

  it.each([
    ['2023-02-29', /calendar/],
    ['2026-13-01', /calendar/],
    ['2026-03-10T24:00:00Z', /time of day/],
    ['2026-03-10T10:00:00+15:00', /offset/],
    ['2026-03-10 10:00:00Z', /ISO 8601/],
    ['March 10, 2026', /ISO 8601/],
  ])('rejects %s', (value, message) => {
    expect(isoDateProblem(value)).toMatch(message);
  });
});

describe('toBodySections', () => {
  it('splits the body at headings and keeps the lead without one', () => {
    const lead = { type: 'paragraph', text: 'Lead.' } as const;
    const heading = { type: 'heading', level: 2, text: 'Next' } as const;
    const more = { type: 'paragraph', text: 'More.' } as const;
    expect(toBodySections([lead, heading, more])).toEqual([
      { blocks: [lead] },
      { heading, blocks: [more] },
    ]);
  });

  it('returns no sections for an empty body, and keeps empty headed parts', () => {
    expect(toBodySections([])).toEqual([]);
    const heading = { type: 'heading', level: 3, text: 'Alone' } as const;
    expect(toBodySections([heading])).toEqual([{ heading, blocks: [] }]);
  });
});
