import { describe, expect, it } from 'vitest';
import { sourceOf, validateArticle } from '../../src/schema/index.js';
import { parseText, TEXT_DIAGNOSTICS } from '../../src/text/index.js';

const seed = [
  'Home inContext Harbour Authority Approves Night Ferries',
  '',
  'Harbour Authority Approves Night Ferries',
  '',
  'Dana Whitfield',
  '',
  'The port board voted on Tuesday to run ferries after midnight, ending a long debate.',
  '',
  'The vote followed three months of hearings with residents and operators.',
  '',
  'Passengers waiting at the north pier on Monday evening. (Photo: AP)',
  '',
  'Operators will hire 40 crew members to staff the new night runs, the authority said.',
].join('\n');

describe('parseText: the example in the issue', () => {
  const { article, sources } = parseText(seed);

  it('reads section, headline, byline, paragraphs and the figure', () => {
    expect(article?.section).toEqual({ name: 'inContext', path: ['inContext'] });
    expect(article?.headline).toBe('Harbour Authority Approves Night Ferries');
    expect(article?.byline?.contributors).toEqual([
      { name: 'Dana Whitfield', type: 'Person', role: 'author' },
    ]);
    expect(article?.body.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'figure',
      'paragraph',
    ]);
    expect(article?.body[2]).toEqual({
      type: 'figure',
      caption: {
        text: 'Passengers waiting at the north pier on Monday evening.',
        credit: { text: 'AP', provider: 'AP' },
      },
    });
    expect(validateArticle(article).diagnostics).toEqual([]);
  });

  it('maps fields to exact line and column ranges', () => {
    expect(sourceOf(sources, 'headline')).toEqual({
      start: { line: 3, column: 1, offset: 57 },
      end: { line: 3, column: 41, offset: 97 },
    });
    expect(sourceOf(sources, 'byline')?.start.line).toBe(5);
    expect(sourceOf(sources, 'body.2')?.start.line).toBe(11);
    expect(sourceOf(sources, 'section')?.start.line).toBe(1);
  });
});

describe('parseText: input edge cases', () => {
  it('reports empty and whitespace-only input as empty-input, with no article', () => {
    for (const input of ['', '   ', '\n\n\t\n', '\uFEFF']) {
      const result = parseText(input);
      expect(result.article).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([
        ['empty-input', 'error'],
      ]);
    }
  });

  it('reports text without letters or digits as missing-headline, pointing at it', () => {
    const result = parseText('***\n\n---\n\n!!!');
    expect(result.article).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      ruleId: 'missing-headline',
      severity: 'error',
      place: { start: { line: 1, column: 1 }, end: { line: 5 } },
    });
  });

  it('reads CRLF, CR, a BOM, tabs and NUL bytes like plain LF text', () => {
    const plain = parseText(seed).article;
    expect(parseText(`\uFEFF${seed.replace(/\n/g, '\r\n')}`).article).toEqual(plain);
    expect(parseText(seed.replace(/\n/g, '\r')).article).toEqual(plain);
    expect(
      parseText(seed.replace(/ /g, '\t').replace(/Harbour/g, 'Har\u0000bour')).article,
    ).toEqual(plain);
  });

  it('keeps offsets into the original string with CRLF and a BOM', () => {
    const input = `\uFEFF${seed.replace(/\n/g, '\r\n')}`;
    const { sources, article } = parseText(input);
    const start = sourceOf(sources, 'headline')?.start.offset ?? -1;
    expect(input.slice(start, start + article!.headline.length)).toBe(article!.headline);
    expect(sourceOf(sources, 'headline')?.start.line).toBe(3);
  });

  it('reads right-to-left and CJK text', () => {
    const arabic =
      'مجلس الميناء يوافق على العبارات الليلية\n\nصوّت مجلس الميناء يوم الثلاثاء على تشغيل العبارات بعد منتصف الليل، منهياً نقاشاً طويلاً.';
    expect(parseText(arabic).article?.headline).toBe('مجلس الميناء يوافق على العبارات الليلية');
    const japanese =
      '港湾局が夜間フェリーを承認\n\n港湾委員会は火曜日、深夜以降もフェリーを運航することを決めた。長年の議論に決着がついた。';
    const result = parseText(japanese).article;
    expect(result?.headline).toBe('港湾局が夜間フェリーを承認');
    expect(result?.body).toHaveLength(1);
  });

  it('stays linear on one very long line', () => {
    const long = `Headline of a long story\n\n${'word '.repeat(200_000)}.`;
    const result = parseText(long);
    expect(result.article?.headline).toBe('Headline of a long story');
    expect(result.article?.body).toHaveLength(1);
  });

  it('throws for misuse only, naming the argument', () => {
    expect(() => parseText(42 as unknown as string)).toThrow(/`text`/);
    expect(() => parseText('x', null as unknown as object)).toThrow(/`options`/);
    expect(() => parseText('x', { timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
    // An unreadable reference date is misuse too, not a silent "no reference".
    for (const referenceDate of ['yesterday', '', new Date(Number.NaN)]) {
      expect(() => parseText('x', { referenceDate })).toThrow(TypeError);
      expect(() => parseText('x', { referenceDate })).toThrow(/`options.referenceDate`/);
    }
    expect(() => parseText('x', { referenceDate: new Date(0) })).not.toThrow();
    expect(() => parseText('x', { referenceDate: '2026-03-11T13:10:00+01:00' })).not.toThrow();
  });

  it('does not mutate its options', () => {
    const options = Object.freeze({ timeZone: 'Europe/Berlin', dayFirst: true });
    expect(() => parseText(seed, options)).not.toThrow();
  });
});

describe('parseText: boilerplate', () => {
  const page = [
    'Mill Road bridge to close for six weeks',
    'By Tomasz Nowak',
    'The bridge will close to all traffic for six weeks from Monday, the county said.',
    'Advertisement',
    'The bridge carries about 9,000 vehicles a day between the centre and the estate.',
    'Share on Facebook',
    'Engineers found cracks in the deck during an inspection last autumn, officials said.',
    'Sign up for our newsletter',
    'Buses will be diverted along the ring road, adding fifteen minutes to journeys.',
  ].join('\n');
  const { article, diagnostics } = parseText(page);

  it('drops advertisement, share and newsletter lines from the body', () => {
    expect(
      article?.body.map((block) =>
        block.type === 'paragraph' ? block.text.slice(0, 14) : block.type,
      ),
    ).toEqual(['The bridge wil', 'The bridge car', 'Engineers foun', 'Buses will be ']);
  });

  it('reports each dropped line as an info diagnostic at its line', () => {
    const dropped = diagnostics.filter((d) => d.ruleId === 'boilerplate-dropped');
    expect(
      dropped.map((d) => [d.severity, (d.place as { start: { line: number } }).start.line]),
    ).toEqual([
      ['info', 4],
      ['info', 6],
      ['info', 8],
    ]);
  });

  it('uses only rule ids from TEXT_DIAGNOSTICS', () => {
    const ids = new Set(TEXT_DIAGNOSTICS.map((rule) => rule.id));
    for (const diagnostic of diagnostics) {
      expect(ids.has(diagnostic.ruleId)).toBe(true);
      expect(diagnostic.source).toBe('nutgraf');
    }
  });
});

describe('parseText: metadata', () => {
  it.each([
    ['Published: March 9, 2024', '2024-03-09'],
    ['9 March 2024', '2024-03-09'],
    ['Updated: Oct. 21, 2015 at 3:45 p.m. EDT', '2015-10-21T15:45:00-04:00'],
    ['Tue 3 Mar 2026 07.00 GMT', '2026-03-03T07:00:00Z'],
    ['2019年3月5日', '2019-03-05'],
    ['2015-10-20T10:30:00-04:00', '2015-10-20T10:30:00-04:00'],
  ])('reads the date line %s', (line, expected) => {
    const { article } = parseText(
      `A headline for the story\n${line}\nThe first paragraph of the story tells what happened today.`,
    );
    expect(article?.datePublished ?? article?.dateModified).toBe(expected);
  });

  it('applies timeZone to times printed without a zone', () => {
    const text =
      'Council approves budget\nMarch 9, 2024 10:30 AM\nThe council approved the budget on Saturday after a long debate.';
    expect(parseText(text).article?.datePublished).toBe('2024-03-09');
    expect(parseText(text, { timeZone: 'America/New_York' }).article?.datePublished).toBe(
      '2024-03-09T10:30:00-05:00',
    );
  });

  it('reads relative dates against referenceDate only', () => {
    const text =
      'Council approves budget\n2 hours ago\nThe council approved the budget on Saturday after a long debate.';
    expect(parseText(text).article?.datePublished).toBeUndefined();
    expect(parseText(text, { referenceDate: '2024-03-09T12:00:00Z' }).article?.datePublished).toBe(
      '2024-03-09T10:00:00Z',
    );
  });

  it.each([
    ['Updated 2 hours ago', undefined, '2026-03-11T11:10:00Z'],
    ['Last updated 5 mins ago', undefined, '2026-03-11T13:05:00Z'],
    [
      'Published 2 hours ago\nUpdated 15 minutes ago',
      '2026-03-11T11:10:00Z',
      '2026-03-11T12:55:00Z',
    ],
    ['Yesterday', '2026-03-10', undefined],
  ])('reads the relative date line %j with its label', (line, published, modified) => {
    const { article } = parseText(
      `Council approves harbour budget\n${line}\nThe council approved the harbour budget on Saturday after a long debate about dredging.`,
      { referenceDate: '2026-03-11T13:10:00Z' },
    );
    expect(article?.dateModified).toBe(modified);
    // Only an update date printed: it is the publication date too (date-published-inferred).
    expect(article?.datePublished).toBe(published ?? modified);
    expect(article?.body).toHaveLength(1);
  });

  it('moves wire tags, slug and advisory out of the headline and body', () => {
    const text = [
      'BC-EU--Port-Strike,0320',
      'REFILE-UPDATE 1-Port workers extend strike',
      '(Adds union statement in paragraph 2)',
      'ROTTERDAM, May 2 (Reuters) - Port workers extended their strike by a week on Thursday.',
      'The union said talks had stalled over pay.',
    ].join('\n');
    const { article } = parseText(text);
    expect(article?.headline).toBe('Port workers extend strike');
    expect(article?.wire).toEqual({
      slug: 'BC-EU--Port-Strike,0320',
      tags: ['REFILE', 'UPDATE 1'],
      advisory: '(Adds union statement in paragraph 2)',
    });
    expect(article?.dateline).toEqual({
      text: 'ROTTERDAM, May 2 (Reuters) -',
      place: 'ROTTERDAM',
      agency: 'Reuters',
      date: 'May 2',
    });
    expect(article?.body[0]).toEqual({
      type: 'paragraph',
      text: 'Port workers extended their strike by a week on Thursday.',
    });
  });

  it('maps kicker lines to the article type', () => {
    const text =
      'ANALYSIS\nWhy the port strike matters\nThe strike has cost exporters millions, and the damage is spreading.';
    const { article } = parseText(text);
    expect(article?.kicker).toBe('ANALYSIS');
    expect(article?.type).toBe('AnalysisNewsArticle');
  });
});

describe('parseText: options.file', () => {
  it('copies the file name onto every diagnostic', () => {
    const { diagnostics } = parseText(
      'Skip to content\nA headline here\nA first paragraph that reads like a sentence.\nAdvertisement\nMore text in a second paragraph of the story.',
      {
        file: 'story.txt',
      },
    );
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of diagnostics) expect(diagnostic.file).toBe('story.txt');
  });
});

describe('parseText: no invented bylines', () => {
  it.each(['Lansdowne Road, Dublin', 'Griffin Park', 'Sign In Sign Up', 'Get Started'])(
    'does not read the venue or chrome line %s as a byline',
    (line) => {
      const { article } = parseText(
        `Preview: Ireland v England\n\n${line}\n\nSunday, 27 February\n\nIreland host England in the final match of the championship on Sunday.`,
      );
      expect(article?.byline).toBeUndefined();
      expect(article?.datePublished).toBeUndefined();
    },
  );

  it('does not read a first paragraph that opens with a name as a byline', () => {
    const { article } = parseText(
      'Steel maker to cut jobs\n\nMittal Steel, one of the largest steel producers, could cut up to 45,000 jobs, it said.',
    );
    expect(article?.byline).toBeUndefined();
  });
});

describe('parseText: furniture-only text', () => {
  it('still returns an article when every line with words is boilerplate', () => {
    const { article, diagnostics } = parseText('\naD\n');
    expect(article?.headline).toBe('aD');
    expect(diagnostics.map((d) => d.ruleId)).toContain('headline-inferred');
  });
});

describe('parseText: sentences that start like bylines', () => {
  it.each([
    'By any measure, New Yorker Dick Morris is that thing Americans love over everything else.',
    'Produced by Jupiter Research the analysis of the market found that few people want to watch video.',
  ])('keeps %s in the body', (sentence) => {
    const { article } = parseText(
      `Media players sell well\n\nThe market grew by a third last year, analysts said on Monday.\n\n${sentence}`,
    );
    expect(article?.byline).toBeUndefined();
    expect(article?.body.map((block) => (block.type === 'paragraph' ? block.text : ''))).toContain(
      sentence,
    );
  });
});

describe('parseText: nothing but short lines', () => {
  it('keeps short lines as paragraphs when they are all the story has', () => {
    const { article, diagnostics } = parseText(
      'Tide tables for the north pier\n\nLow tide 04:12\n\nHigh tide 10:31\n\nLow tide 16:40\n',
    );
    expect(article?.body).toEqual([
      { type: 'paragraph', text: 'Low tide 04:12' },
      { type: 'paragraph', text: 'High tide 10:31' },
      { type: 'paragraph', text: 'Low tide 16:40' },
    ]);
    expect(diagnostics.filter((d) => d.ruleId === 'boilerplate-dropped')).toEqual([]);
  });

  it('still drops a short line between real paragraphs', () => {
    const { article, diagnostics } = parseText(
      [
        'Harbour board approves night ferries',
        '',
        'By Ana Ruiz',
        '',
        'The harbour board voted on Tuesday to run ferries after midnight from the north pier.',
        '',
        'Share this',
        '',
        'Operators will hire forty crew members to staff the night runs, the board said.',
      ].join('\n'),
    );
    expect(article?.body.map((block) => block.type)).toEqual(['paragraph', 'paragraph']);
    expect(diagnostics.some((d) => d.ruleId === 'boilerplate-dropped')).toBe(true);
  });
});

describe('parseText: copyright notices and credits', () => {
  const story = (line: string) =>
    [
      'Valdora opens its first night market',
      '',
      line,
      '',
      'Stalls will stay open until two in the morning on Fridays and Saturdays, the council said.',
    ].join('\n');

  it('keeps a long paragraph that opens with an image credit (`© Provided by …`)', () => {
    const paragraph =
      '© Provided by Valdora Weekly The council and traders surprised residents this spring by announcing a night market on the old quay, the first of its kind in the city. It will run every weekend through the summer, so why not take a look?';
    const { article } = parseText(story(paragraph));
    expect(article?.copyright).toBeUndefined();
    expect(article?.body[0]).toEqual({ type: 'paragraph', text: paragraph });
  });

  it('reads a short notice and a long footer row as copyright', () => {
    expect(parseText(story('© 2026 Valdora Weekly')).article?.copyright).toEqual({
      notice: '© 2026 Valdora Weekly',
      year: 2026,
      holder: 'Valdora Weekly',
    });
    const footer =
      '© Valdora Weekly | Newsroom | Archive | Events | Podcasts | Obituaries | Classifieds | Weather | Puzzles | Letters to the editor | Staff directory | Community noticeboard';
    expect(footer.length).toBeGreaterThan(160);
    expect(parseText(story(footer)).article?.copyright?.notice).toBe(footer);
  });

  it('reads a short line above a credit line as a caption, a quoted paragraph as text', () => {
    const { article } = parseText(
      [
        'Valdora opens its first night market',
        '',
        'The council said stalls will stay open until two in the morning on Fridays and Saturdays.',
        '',
        'Traders setting up on the old quay.',
        'Photograph by Ana Ruiz',
        '',
        '“We have waited ten years for this,” said one trader. “The quay comes alive at night and the whole city will see it.”',
        'Photograph by Ana Ruiz',
      ].join('\n'),
    );
    expect(article?.body).toEqual([
      {
        type: 'paragraph',
        text: 'The council said stalls will stay open until two in the morning on Fridays and Saturdays.',
      },
      {
        type: 'figure',
        caption: {
          text: 'Traders setting up on the old quay.',
          credit: { text: 'Ana Ruiz', creator: 'Ana Ruiz' },
        },
      },
      {
        type: 'paragraph',
        text: '“We have waited ten years for this,” said one trader. “The quay comes alive at night and the whole city will see it.”',
      },
      { type: 'figure', caption: { text: '', credit: { text: 'Ana Ruiz', creator: 'Ana Ruiz' } } },
    ]);
  });
});

describe('parseText: the end of the article on a whole page', () => {
  const story = [
    'Home | News | Local',
    '',
    'Valdora council backs a night market on the old quay',
    '',
    'By Ana Ruiz',
    '',
    'The city council voted on Tuesday to let traders run a night market on the old quay every weekend from June, ending a debate that had run since the winter.',
    '',
    'Stalls will stay open until two in the morning on Fridays and Saturdays, and the council will pay for extra lighting and two more night buses along the harbour road.',
    '',
    'Residents near the quay asked for limits on music after midnight, and the council agreed to review the noise rules after the first three months of trading.',
    '',
    'Traders said they expected about sixty stalls in the first season, most of them selling food from the farms and fishing villages along the coast.',
    '',
  ];
  const furniture = [
    'Share this',
    'Facebook',
    'Twitter',
    'Related:',
    'Most read',
    'Menu',
    'Newsletter',
  ];
  const promo = [
    'Get the best of Valdora Weekly in your inbox every morning, with the stories our editors picked.',
    'Our reporters cover the harbour, the council and the courts, and your support keeps them going.',
  ];

  it('leaves out a short block after a long run of furniture under the story', () => {
    const { article, diagnostics } = parseText(
      [...story, ...furniture.flatMap((line) => [line, '']), ...promo].join('\n\n'),
    );
    const texts = article?.body.map((block) => (block.type === 'paragraph' ? block.text : ''));
    expect(texts).toHaveLength(4);
    expect(texts).not.toContain(promo[0]);
    expect(diagnostics.some((d) => d.ruleId === 'page-furniture-dropped')).toBe(true);
  });

  it('keeps the story whole across a short run of furniture inside it', () => {
    const { article } = parseText(
      [...story.slice(0, 10), 'Share this', '', 'Advertisement', '', ...story.slice(10)].join('\n'),
    );
    expect(article?.body.filter((block) => block.type === 'paragraph')).toHaveLength(4);
  });

  // Teasers of other stories under a read-also heading: short titles and one-line blurbs, which
  // read like the end of a story without the heading.
  const teasers = [
    'Harbour school to open a second building',
    'Parents asked the city for more places in the first classes.',
    'Storm closes the coast road for two days',
    'The old sea wall will need repairs before the winter.',
  ];
  const paragraphs = (text: string) =>
    parseText(text).article?.body.flatMap((block) =>
      block.type === 'paragraph' ? [block.text] : [],
    );

  it.each(['Lesen Sie auch', 'Weitere Artikel', 'À lire aussi'])(
    'ends the story at an end heading (%s) with teasers of other stories under it',
    (heading) => {
      const texts = paragraphs([...story, heading, '', ...teasers].join('\n\n'));
      expect(texts).toEqual(story.filter((line) => line.length > 60));
    },
  );

  it('keeps the story going under such a heading when story prose follows it', () => {
    // A heading that matches, used as a subhead: the prose under it outweighs it.
    const more = [
      'The market will also host a small stage for local bands on Saturday evenings, with the music ending at eleven on the nights before a market day.',
      'The council expects the market to bring more visitors to the old quay in the quieter months, when the ferries run less often and the cafes close early.',
    ];
    const texts = paragraphs([...story, 'Weitere Informationen', '', ...more].join('\n\n'));
    expect(texts).toEqual([...story.filter((line) => line.length > 60), ...more]);
  });
});

describe('parseText: a page that opens with a cookie notice and sign-up prompts', () => {
  const page = [
    'Valdora Health Weekly',
    '',
    'We use cookies and similar tools to make this site work and to measure how it is used; you can change your choices at any time in the settings.',
    '',
    'Accept and continue',
    '',
    'Log in with your Valdora Health Weekly account to save articles, follow topics and get a digest of the week.',
    '',
    'Sign in',
    '',
    'Create an account to comment and to get the newsletter every Friday morning for free.',
    '',
    'Register',
    '',
    'Take the tour',
    '',
    'Menu',
    '',
    'Search',
    '',
    'Health A-Z',
    '',
    'Why night shifts leave harbour workers short of sleep',
    '',
    'By Ana Ruiz',
    '',
    'Published 3 March 2026',
    '',
    'Dock workers who switch between day and night shifts sleep almost two hours less a night than those on fixed hours, a study of the Valdora port found this week.',
    '',
    'The researchers followed 240 workers for six months and asked each of them to wear a sleep tracker and keep a diary of shifts, meals and naps.',
    '',
    'Those on rotating shifts also reported more accidents on the quay, the authors said, though the study was too small to show that poor sleep caused them.',
    '',
    'The port authority said it would look at longer rotations and quieter rest rooms for the night crews before the new contract is signed in the autumn.',
    '',
    'Ferry operators on the north pier have already moved to fixed night crews, and their staff reported fewer missed days in the first month of the change.',
    '',
    'The union welcomed the study and said it would ask for a rest day after every run of four night shifts, as crews on the ferries already have.',
    '',
    'Doctors at the harbour clinic said they see more back injuries and colds among night crews in the winter months, when the quay is coldest.',
    '',
    'The authors plan a second study next year that will follow crews on the new rotations and compare their sleep with the workers in this one.',
  ].join('\n');

  it('finds the headline under the prompts, where its byline and date are', () => {
    const { article } = parseText(page);
    expect(article?.headline).toBe('Why night shifts leave harbour workers short of sleep');
    expect(article?.byline?.contributors.map((c) => c.name)).toEqual(['Ana Ruiz']);
    expect(article?.datePublished).toBe('2026-03-03');
    const first = article?.body[0];
    expect(first?.type === 'paragraph' && first.text).toMatch(/^Dock workers who switch/);
    expect(article?.body).toHaveLength(8);
  });
});

describe('parseText: a run-on first line', () => {
  it('cuts the headline at its first sentence and keeps the rest as the first paragraph', () => {
    const rest =
      'The port board voted on Tuesday to run ferries after midnight from the north pier. Operators will hire forty crew members for the night runs. Residents asked for quieter engines, and the board agreed to review the noise rules after three months. The first crossing is planned for the second week of May, the board said.';
    const text = `Harbour board approves night ferries after long debate. ${rest}`;
    expect(text.length).toBeGreaterThan(300);
    const { article, sources } = parseText(text);
    expect(article?.headline).toBe('Harbour board approves night ferries after long debate.');
    expect(article?.body).toEqual([{ type: 'paragraph', text: rest }]);
    expect(sourceOf(sources, 'body.0')?.start).toEqual({ line: 1, column: 57, offset: 56 });
    expect(text.slice(sourceOf(sources, 'body.0')?.start.offset)).toBe(rest);
    expect(sourceOf(sources, 'headline')?.end.offset).toBe(56);
  });

  it('loses nothing of one huge line without spaces', () => {
    const text = 'a'.repeat(100_000);
    const { article } = parseText(text);
    const headline = article?.headline ?? '';
    expect(headline.endsWith('…')).toBe(true);
    const first = article?.body[0];
    const kept = first?.type === 'paragraph' ? first.text : '';
    expect(headline.length - 1 + kept.length).toBe(text.length);
  });
});

describe('parseText: lists', () => {
  it('reads a numbered list as ordered and a bulleted one as not', () => {
    const { article } = parseText(
      [
        'Five things to know about the night ferries',
        '',
        'The harbour board approved night crossings on Tuesday after a long debate about noise and cost.',
        '',
        '1. Crossings run from midnight to five.',
        '2. Tickets cost the same as by day.',
        '3. Bicycles travel free.',
        '',
        'Operators will hire forty crew members to staff the new night runs, the board said on Tuesday.',
        '',
        '• From the north pier to the old quay',
        '• From the old quay to the ferry terminal',
        '',
        'The first crossing is planned for the second week of May, weather permitting, the board said.',
      ].join('\n'),
    );
    const lists = article?.body.filter((block) => block.type === 'list');
    expect(lists).toEqual([
      {
        type: 'list',
        ordered: true,
        items: [
          { text: 'Crossings run from midnight to five.' },
          { text: 'Tickets cost the same as by day.' },
          { text: 'Bicycles travel free.' },
        ],
      },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'From the north pier to the old quay' },
          { text: 'From the old quay to the ferry terminal' },
        ],
      },
    ]);
  });
});

describe('parseText: lines that run on', () => {
  it('joins a line that stops mid-sentence with the next when that goes on in lowercase', () => {
    const { article } = parseText(
      [
        'Northland lifts ban on river barges',
        '',
        'By Lena Moritz',
        '',
        'Northland lifted a two-week ban on heavy barges on the Meret',
        'river on Thursday after the water rose again.',
        '',
        'The transport ministry said barges could again load to their',
        'full draught from Friday morning.',
      ].join('\n'),
    );
    expect(article?.body).toEqual([
      {
        type: 'paragraph',
        text: 'Northland lifted a two-week ban on heavy barges on the Meret river on Thursday after the water rose again.',
      },
      {
        type: 'paragraph',
        text: 'The transport ministry said barges could again load to their full draught from Friday morning.',
      },
    ]);
  });

  it('keeps lines apart that end a sentence or start in capitals', () => {
    const { article } = parseText(
      [
        'Northland lifts ban on river barges',
        '',
        'Northland lifted a two-week ban on heavy barges on the Meret river on Thursday, after the water rose again in the week of heavy rain in the hills above it.',
        '',
        'The Meret is the country’s busiest inland waterway for grain and coal',
        'Shipping firms welcomed the decision after two weeks of idle fleets.',
        'The ministry said so in a statement on Thursday evening, after the vote.',
        'barges may load to their full draught again from Friday morning on.',
        '',
        'The ban had been in force since the river fell to its lowest level in twenty years, leaving dozens of barges stuck at the quays of the lower Meret towns.',
      ].join('\n'),
    );
    // Each line its own block (the first one, short and without a full stop, a subhead).
    expect(article?.body.map((block) => ('text' in block ? block.text : ''))).toEqual([
      'Northland lifted a two-week ban on heavy barges on the Meret river on Thursday, after the water rose again in the week of heavy rain in the hills above it.',
      'The Meret is the country’s busiest inland waterway for grain and coal',
      'Shipping firms welcomed the decision after two weeks of idle fleets.',
      'The ministry said so in a statement on Thursday evening, after the vote.',
      'barges may load to their full draught again from Friday morning on.',
      'The ban had been in force since the river fell to its lowest level in twenty years, leaving dozens of barges stuck at the quays of the lower Meret towns.',
    ]);
  });
});

describe('parseText: pull quotes', () => {
  const story = (quote: string) =>
    [
      'Valdora opens its first night market',
      '',
      'By Ana Ruiz',
      '',
      'The city council voted on Tuesday to let traders run a night market on the old quay every weekend from June.',
      '',
      'Traders had asked for the market for years. “The quay comes alive after dark and the whole city should see it,” said Lena Moritz, who sells smoked fish.',
      '',
      quote,
      '',
      'Stalls will stay open until two in the morning on Fridays and Saturdays, the council said.',
    ].join('\n');

  it('reads a quotation that repeats the story as a pull quote', () => {
    const { article } = parseText(
      story('“The quay comes alive after dark and the whole city should see it”'),
    );
    expect(article?.body[2]).toEqual({
      type: 'quote',
      text: 'The quay comes alive after dark and the whole city should see it',
    });
  });

  it('reads a quotation with its speaker after a dash, with the citation', () => {
    const { article } = parseText(story('“We waited ten years for this night.” — Lena Moritz'));
    expect(article?.body[2]).toEqual({
      type: 'quote',
      text: 'We waited ten years for this night.',
      citation: 'Lena Moritz',
    });
  });

  it('keeps a quoted paragraph that neither repeats the story nor names a speaker', () => {
    const line = '“Nobody believed it would happen before the harbour works were finished.”';
    const { article } = parseText(story(line));
    expect(article?.body[2]).toEqual({ type: 'paragraph', text: line });
  });
});

describe('parseText: bylines under the headline', () => {
  const page = (byline: string) =>
    `Council approves harbour budget\n\n${byline}\n\nThe council approved the harbour budget on Saturday after a long debate about dredging.`;

  it('keeps an outlet the field parser knows as the affiliation', () => {
    expect(parseText(page('By Ana Ruiz, The Valley Ledger')).article?.byline?.contributors).toEqual(
      [{ name: 'Ana Ruiz', type: 'Person', role: 'author', affiliation: 'The Valley Ledger' }],
    );
  });

  it('reads a second author on the line under the byline', () => {
    const { article, sources } = parseText(page('By Ana Ruiz\nTom Bell'));
    expect(article?.byline?.contributors.map((c) => c.name)).toEqual(['Ana Ruiz', 'Tom Bell']);
    expect(article?.body).toHaveLength(1);
    expect(sourceOf(sources, 'byline')?.start.line).toBe(3);
    expect(sourceOf(sources, 'byline')?.end.line).toBe(4);
  });

  it.each(['Found This Helpful', 'Sony’s PlayStation VR'])(
    'does not take %j under a byline for an author',
    (line) => {
      const { article } = parseText(page(`By Ana Ruiz\n${line}`));
      expect(article?.byline?.contributors.map((c) => c.name)).toEqual(['Ana Ruiz']);
    },
  );
});

describe('parseText: credits and notices at the end', () => {
  /** Headline, byline and two paragraphs (lines 1–7). */
  const story = [
    'Valdora opens its first night market',
    '',
    'By Ana Ruiz',
    '',
    'The city council voted on Tuesday to let traders run a night market on the old quay every weekend from June.',
    '',
    'Stalls will stay open until two in the morning on Fridays and Saturdays, the council said on Tuesday.',
  ];

  it('reads a copyright line in the page footer, well below the story', () => {
    const { article, sources } = parseText(
      [
        'Skip to content',
        'Menu',
        'Home > News > Local',
        '',
        ...story,
        '',
        ...[
          'Most read',
          'Menu',
          'About us',
          'Contact us',
          'Privacy policy',
          'Advertise',
          'Jobs',
          'Sitemap',
        ],
        '',
        '© 2026 Valdora Weekly Ltd',
      ].join('\n'),
    );
    expect(article?.copyright).toEqual({
      notice: '© 2026 Valdora Weekly Ltd',
      year: 2026,
      holder: 'Valdora Weekly Ltd',
    });
    expect(sourceOf(sources, 'copyright')?.start.line).toBe(22);
    expect(article?.body).toHaveLength(2);
  });

  it('reads `… contributed reporting.` and numbers credit lines in the source map', () => {
    const { article, sources } = parseText(
      [
        ...story,
        '',
        '(Reporting by Lena Moritz and Piet Anker; Editing by Sam Okafor)',
        '',
        'Tomás Reyes contributed reporting.',
      ].join('\n'),
    );
    expect(article?.byline?.contributors.map((c) => [c.name, c.role])).toEqual([
      ['Ana Ruiz', 'author'],
      ['Lena Moritz', 'reporter'],
      ['Piet Anker', 'reporter'],
      ['Sam Okafor', 'editor'],
      ['Tomás Reyes', 'contributor'],
    ]);
    expect(sourceOf(sources, 'byline.endCredits.0')?.start.line).toBe(9);
    expect(sourceOf(sources, 'byline.endCredits.1')?.start.line).toBe(11);
    expect(article?.body).toHaveLength(2);
  });

  it('drops bidirectional embedding controls from the text', () => {
    const { article } = parseText(
      '\u202Bسوق ليلي جديد في الميناء\u202C\n\nThe city council voted on Tuesday to let traders run a night market on the old quay.',
    );
    expect(article?.headline).toBe('سوق ليلي جديد في الميناء');
  });
});
