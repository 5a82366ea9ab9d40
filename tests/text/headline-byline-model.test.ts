import { describe, expect, it } from 'vitest';
import {
  HEADLINE_FEATURE_NAMES,
  headlineCandidates,
  rankHeadlines,
} from '../../src/text/headline.js';
import { splitLines } from '../../src/text/lines.js';
import { withLineMemo } from '../../src/text/memo.js';
import { BYLINE_FEATURE_NAMES, bylineCandidates, bylineOf } from '../../src/text/meta-model.js';
import { CONTENT, contentScores, storyLabels } from '../../src/text/story.js';
import { defaultTextModel } from '../../src/text/text-model.js';
import { toUnits } from '../../src/text/units.js';

/** The persons `bylineOf` reads from a line (parsed inside a line memo, as parseText does). */
function namesOf(line: string): string[] | undefined {
  return withLineMemo(() => bylineOf(line)?.contributors.map((c) => c.name));
}

describe('bylineOf: the names a candidate line holds', () => {
  it.each([
    ['March 3, 2026 at 6:08 PM ET by Quinn Adair', ['Quinn Adair']],
    ['Veröffentlicht am 03.02.2026 von Lena Moritz', ['Lena Moritz']],
    ['June 1, 2026March 3, 2026 by Tomás Reyes', ['Tomás Reyes']],
    ['04.02.2026 | 13:10 Uhr | Dana Whitfield', ['Dana Whitfield']],
    ['28. Jan. 2026 Ana Ruiz', ['Ana Ruiz']],
    ['Veröffentlicht am 3. Mai 2026 von Ulrike', ['Ulrike']],
    ['1. Februar 2026 , Jonas Wehle', ['Jonas Wehle']],
    // the date's label split by the date reader: `Last` goes with it
    ['By Quinn Adair Last updated Mar 3, 2026', ['Quinn Adair']],
    // the intro glued to the name
    ['March 3, 2026 byQuinn Adair', ['Quinn Adair']],
  ])('reads names printed after the date: %s', (line, names) => {
    expect(namesOf(line)).toEqual(names);
  });

  it.each([
    ['by Quinn Adair @quinnadair March 3, 2026', ['Quinn Adair']],
    ['By Dana Whitfield@dwhitfield Updated Jul 24, 2026', ['Dana Whitfield']],
    ['Por Lena Moritz lmoritz@valdora-ledger.example', ['Lena Moritz']],
    ['山田花子＠港町日記', ['山田花子']],
  ])('leaves handles and e-mail addresses out: %s', (line, names) => {
    expect(namesOf(line)).toEqual(names);
  });

  it.each([
    ['von Quinn Adair Foto: © Harbour Pictures', ['Quinn Adair']],
    ['By Dana Whitfield Photo: Tomás Reyes', ['Dana Whitfield']],
    ['Text & Fotos: Lena Moritz', ['Lena Moritz']],
    ['Text und Fotos: Lena Moritz', ['Lena Moritz']],
  ])('leaves a picture credit after the names out: %s', (line, names) => {
    expect(namesOf(line)).toEqual(names);
  });

  it.each([
    'March 3, 2026',
    '04.02.2026 | 13:10 Uhr',
    'Updated March 3, 2026 | 3 min read',
    'Follow us @valdoraledger',
    'Veröffentlicht am 12. Juni 2026 von gizzmo',
  ])('reads no person from a date line or a handle alone: %s', (line) => {
    expect(namesOf(line)).toBeUndefined();
  });
});

/** The `intro-above` feature of each byline candidate of a page (its first line the headline), by the candidate's text. */
function introAbove(lines: readonly string[], name = 'intro-above'): Map<string, number> {
  return withLineMemo(() => {
    const units = toUnits(splitLines(lines.join('\n\n')));
    const feature = BYLINE_FEATURE_NAMES.indexOf(name);
    const out = new Map<string, number>();
    for (const { index, features } of bylineCandidates(units, 0, undefined))
      if (index >= 0) out.set(units[index]!.text, features[feature]!);
    return out;
  });
}

describe('byline features: a lone intro or an author heading over a bare name', () => {
  const story =
    'The harbour board voted on Tuesday to close the old ferry pier for repairs after the storm.';
  it.each([
    'By',
    'Von',
    'Written by',
    'AUTOR/IN',
    'Author:',
    'About the author',
    'Über den Autor',
    'Sobre el autor',
  ])('marks the name under %s', (heading) => {
    const read = introAbove(['Harbour pier closes for repairs', story, heading, 'Quinn Adair']);
    expect(read.get('Quinn Adair')).toBe(1);
  });

  it.each(['Share this story', 'Related', 'Authority report', 'Bylaws'])(
    'does not mark the name under %s',
    (heading) => {
      const read = introAbove(['Harbour pier closes for repairs', story, heading, 'Quinn Adair']);
      expect(read.get('Quinn Adair')).toBe(0);
    },
  );
});

describe('byline features: a byline split in two lines reads as one', () => {
  const story =
    'The harbour board voted on Tuesday to close the old ferry pier for repairs after the storm.';
  const read = (heading: string, name: string, feature: string) =>
    introAbove(['Harbour pier closes for repairs', story, heading, name], feature).get(name);
  it.each([
    ['By', 'Quinn Adair'],
    ['Von', 'Quinn'],
    ['Written by', 'Quinn Adair'],
    ['About the author', 'Quinn Adair'],
    ['AUTOR/IN', 'Quinn Adair'],
  ])('a name under %s reads as a `By` line: %s', (heading, name) => {
    for (const feature of ['intro', 'intro-start', 'marked-byline'])
      expect(read(heading, name, feature)).toBe(1);
  });

  it.each(['Share this story', 'Related', 'Bylaws'])(
    'a name under %s reads as a bare name',
    (heading) => {
      for (const feature of ['intro', 'intro-start', 'marked-byline'])
        expect(read(heading, 'Quinn Adair', feature)).toBe(0);
    },
  );

  it('reads the names from the name line alone', () => {
    const units = withLineMemo(() => {
      const u = toUnits(splitLines(['Harbour pier closes', story, 'Von', 'Quinn'].join('\n\n')));
      return bylineCandidates(u, 0, undefined).map((c) => c.value?.contributors.map((p) => p.name));
    });
    expect(units).toContainEqual(['Quinn']);
  });
});

describe('byline features: a contact or follow link beside a bare name', () => {
  const story =
    'The harbour board voted on Tuesday to close the old ferry pier for repairs after the storm.';
  const social = (above: string, below: string) =>
    introAbove(
      ['Harbour pier closes for repairs', story, above, 'Quinn Adair', below],
      'social-next-to',
    ).get('Quinn Adair');
  it.each([
    ['Print', 'Twitter'],
    ['Email', 'Enlarge this image'],
    ['Kontakt:', 'Tel. 0123 456'],
    ['Share', '@quinnadair'],
  ])('marks the name between %s and %s', (above, below) => {
    expect(social(above, below)).toBe(1);
  });

  it.each([
    ['Print', 'Harbour news'],
    ['Twitter feed of the harbour board', 'More stories'],
  ])('does not mark the name between %s and %s', (above, below) => {
    expect(social(above, below)).toBe(0);
  });
});

describe('byline features: a name in the author box under the story', () => {
  const story = [
    'The harbour board voted on Tuesday to close the old ferry pier for repairs after the storm.',
    'Engineers found cracks in three of the pier’s supports, and the board said repairs would take a year.',
  ];
  /** `after-story` of each candidate, the story labelled on the units given as story. */
  const afterStory = (lines: readonly string[], storyUnits: readonly number[] | undefined) =>
    withLineMemo(() => {
      const units = toUnits(splitLines(lines.join('\n\n')));
      const labels = storyUnits && new Uint8Array(units.length);
      for (const i of storyUnits ?? []) labels![i] = CONTENT;
      const feature = BYLINE_FEATURE_NAMES.indexOf('after-story');
      const out = new Map<string, number>();
      for (const { index, features } of bylineCandidates(units, 0, labels))
        if (index >= 0) out.set(units[index]!.text, features[feature]!);
      return out;
    });

  it('marks a name in the ten units after the story', () => {
    const page = [
      'Harbour pier closes',
      ...story,
      'About the author',
      'Quinn Adair',
      'Senior Writer',
    ];
    expect(afterStory(page, [1, 2]).get('Quinn Adair')).toBe(1);
  });

  it('does not mark a name inside or above the story, far under it, or on a page without labels', () => {
    const inside = ['Harbour pier closes', story[0]!, 'Quinn Adair', story[1]!];
    expect(afterStory(inside, [1, 3]).get('Quinn Adair')).toBe(0);
    const far = [
      'Harbour pier closes',
      ...story,
      ...Array(10).fill('Related stories'),
      'Quinn Adair',
    ];
    expect(afterStory(far, [1, 2]).get('Quinn Adair')).toBe(0);
    const page = ['Harbour pier closes', ...story, 'Quinn Adair'];
    expect(afterStory(page, undefined).get('Quinn Adair')).toBe(0);
  });
});

describe('byline candidates: an intro line under a long story', () => {
  /** The candidates' texts of a page: the headline, `before` story units, then `tail`. */
  const candidates = (before: number, tail: readonly string[]) =>
    withLineMemo(() => {
      const story = Array.from(
        { length: before },
        (_, i) => `The harbour board met for the ${i + 1}th time on the repairs to the old pier.`,
      );
      const units = toUnits(splitLines(['Harbour pier closes', ...story, ...tail].join('\n\n')));
      return bylineCandidates(units, 0, undefined)
        .filter(({ index }) => index >= 0)
        .map(({ index }) => units[index]!.text);
    });

  it('reaches past the hundredth unit for one or two lines that open with an intro', () => {
    expect(candidates(150, ['By Quinn Adair'])).toEqual(['By Quinn Adair']);
    expect(candidates(150, ['Text: Quinn Adair', 'Autor: Quinn Adair'])).toEqual([
      'Text: Quinn Adair',
      'Autor: Quinn Adair',
    ]);
  });

  it('leaves out bare names there, lines past three times the reach, and teaser lists', () => {
    expect(candidates(150, ['Quinn Adair'])).toEqual([]);
    expect(candidates(310, ['By Quinn Adair'])).toEqual([]);
    const teasers = ['By Quinn Adair', 'By Dana Whitfield', 'By Tomás Reyes'];
    expect(candidates(150, teasers)).toEqual([]);
    // within the reach, the same lines stay candidates
    expect(candidates(20, teasers)).toEqual(teasers);
  });
});

describe('byline candidates: a `By` line that goes on past the names', () => {
  const texts = (tail: string) =>
    withLineMemo(() => {
      const units = toUnits(splitLines(['Harbour pier closes', tail].join('\n\n')));
      return bylineCandidates(units, 0, undefined)
        .filter(({ index }) => index >= 0)
        .map(({ value }) => value!.contributors.map((c) => c.name));
    });

  it('is a candidate past 16 words when it opens with a `By`-kind intro', () => {
    const line =
      'By Quinn Adair on 3. March, 2026 | 18 Comments. This post may contain affiliate links, and we earn from qualifying purchases.';
    expect(texts(line)).toEqual([['Quinn Adair']]);
  });

  it('is a candidate when a part of a long or sentence-like line opens with one', () => {
    const line =
      'Harbour Ledger | 04.05.2026 à 13h36 • Mis à jour le 05.05.2026 à 20h13 | Par Quinn Adair (avec Dana Whitfield et Tomás Reyes)';
    expect(texts(line)).toEqual([['Quinn Adair', 'Dana Whitfield', 'Tomás Reyes']]);
  });

  it('is not when a line that long opens with a bare name', () => {
    const line =
      'Quinn Adair on 3. March, 2026 | 18 Comments. This post may contain affiliate links, and we earn from qualifying purchases.';
    expect(texts(line)).toEqual([]);
  });
});

describe('byline features: `intro` reads a part of the line', () => {
  it.each([
    ['8. March 2026 · by Quinn Adair · in Harbour', 1],
    ['By Quinn Adair · 8. March 2026', 1],
    ['Quinn Adair · 8. March 2026', 0],
  ])('%s → %d', (line, flag) => {
    const story = 'The harbour board met on Monday to vote on the repairs to the old pier.';
    const read = introAbove(['Harbour pier closes', line, story], 'intro');
    expect(read.get(line)).toBe(flag);
  });
});

describe('byline candidates: "none" reads whether the page prints an intro line', () => {
  /** The `none-page-intro` feature of each candidate of a page (headline first), "none" first. */
  const flags = (lines: readonly string[]) =>
    withLineMemo(() => {
      const units = toUnits(splitLines(lines.join('\n\n')));
      const at = BYLINE_FEATURE_NAMES.indexOf('none-page-intro');
      return bylineCandidates(units, 0, undefined).map(({ index, features }) => [
        index,
        features[at],
      ]);
    });
  const story = 'The harbour board met on Monday to vote on the repairs to the old pier.';

  it('is 1 on "none" (and 0 on every line) when a candidate opens with a `By`-kind intro', () => {
    expect(flags(['Harbour pier closes', 'Quinn Adair', 'By Dana Whitfield', story])).toEqual([
      [-1, 1],
      [1, 0],
      [2, 0],
    ]);
  });

  it('is 0 when the candidates are bare names, and leaves the shared "none" vector alone', () => {
    const page = ['Harbour pier closes', 'Quinn Adair', story];
    expect(flags(page)).toEqual([
      [-1, 0],
      [1, 0],
    ]);
    flags(['Harbour pier closes', 'By Dana Whitfield', story]);
    expect(flags(page)[0]).toEqual([-1, 0]);
  });
});

describe('bylineOf: a line printed twice', () => {
  it.each([
    ['by Quillfeedby Quillfeed', ['Quillfeed']],
    ['By Dana WhitfieldBy Dana Whitfield', ['Dana Whitfield']],
    ['Quinn Adair Quinn Adair', ['Quinn Adair']],
  ])('reads it once: %s', (line, names) => {
    expect(namesOf(line)).toEqual(names);
  });

  it('leaves a name whose halves differ as it is', () => {
    expect(namesOf('By Anna Annaberg')).toEqual(['Anna Annaberg']);
  });
});

describe('byline features: a name made of words the page prints otherwise', () => {
  const story =
    'The harbour board met on Monday to vote on the repairs to the old pier, and the heated jacket trial went on.';

  it('reads the share of a name’s capitalised words the page prints in lower case', () => {
    const page = ['Harbour pier closes', 'Heated Jacket', 'Quinn Adair', story];
    const common = introAbove(page, 'common-words');
    expect(common.get('Heated Jacket')).toBe(1);
    expect(common.get('Quinn Adair')).toBe(0);
    expect(
      introAbove([...page.slice(0, 3), 'The board met on Monday.'], 'common-words').get(
        'Heated Jacket',
      ),
    ).toBe(0);
    expect(
      introAbove(['Harbour pier closes', 'Harbour Adair', story], 'common-words').get(
        'Harbour Adair',
      ),
    ).toBe(0.5);
  });

  it('counts the words the headline prints, whatever their case, and no lower-case particle', () => {
    const common = introAbove(
      [
        'Corvel Mira 15 arrives for tablets',
        'Corvel Mira',
        'Christoph von Eichhorn',
        'the von family',
      ],
      'common-words',
    );
    expect(common.get('Corvel Mira')).toBe(1);
    expect(common.get('Christoph von Eichhorn')).toBe(0);
  });
});

/** The named headline features of each candidate of `lines` (read as parseText reads a page), by the candidate's text (a line, or the part of it left when a kicker or site name is cut off). */
function featuresOf(lines: readonly string[]): Map<string, Record<string, number>> {
  return withLineMemo(() => {
    const units = toUnits(splitLines(lines.join('\n\n')));
    // Content scores and story labels as parseText reads them.
    const model = defaultTextModel();
    const scores = contentScores(units, model.content);
    units.forEach((unit, i) => {
      unit.score = scores[i]!;
    });
    const labels = storyLabels(scores, model.story, model.storyTransitions);
    const out = new Map<string, Record<string, number>>();
    for (const { text, features } of headlineCandidates(units, labels)) {
      const named: Record<string, number> = {};
      HEADLINE_FEATURE_NAMES.forEach((name, i) => {
        named[name] = features[i]!;
      });
      out.set(text, named);
    }
    return out;
  });
}

describe('headline features: kicker, headline, deck', () => {
  const page = [
    '← Older post: Tram line delayed again',
    'Newer post: School meals to be free →',
    'Valdora Ledger',
    'Harbour affairs',
    'Night ferries approved after long harbour debate',
    'The board voted on Tuesday. Crews say the new runs are long overdue, and riders agree',
    'By Dana Whitfield',
    'The harbour board voted on Tuesday to run ferries after midnight, ending a debate that had split the waterfront for most of the year.',
  ];
  const features = featuresOf(page);
  const of = (text: string) => {
    const named = features.get(text);
    if (!named) throw new Error(`not a candidate: ${text}`);
    return named;
  };

  it('sees the shorter kicker above the headline and the longer deck under it', () => {
    const headline = of('Night ferries approved after long harbour debate');
    expect(headline['title-like-above']).toBe(1);
    expect(headline['size-vs-above']).toBeGreaterThan(0);
    expect(headline['title-like-below']).toBe(1);
    expect(headline['size-vs-below']).toBeLessThan(0);
    expect(of('Harbour affairs')['size-vs-below']).toBeLessThan(0);
  });

  it('marks metadata right under a line (the deck here), and a sentence break inside it', () => {
    const deck = of(
      'The board voted on Tuesday. Crews say the new runs are long overdue, and riders agree',
    );
    expect(deck['meta-next']).toBe(1);
    expect(deck['inner-sentence']).toBe(1);
    const headline = of('Night ferries approved after long harbour debate');
    expect(headline['meta-next']).toBe(0);
    expect(headline['inner-sentence']).toBe(0);
  });

  it('reads older / newer post links with arrows', () => {
    expect(of('← Older post: Tram line delayed again').arrows).toBe(1);
    expect(of('Newer post: School meals to be free →').arrows).toBe(1);
    expect(of('Night ferries approved after long harbour debate').arrows).toBe(0);
  });
});

describe('headline features: the opening line of a clean copy', () => {
  it('is not read as a kicker over the line under it', () => {
    const features = featuresOf([
      'Harbour board backs night ferries',
      'Quay notes',
      'The harbour board voted on Tuesday to run ferries after midnight, ending a debate that had split the waterfront for most of the year.',
      'The vote followed three months of hearings in which residents, night-shift workers and operators argued over noise, cost and safety.',
    ]);
    const second = features.get('Quay notes');
    expect(second?.['title-like-above']).toBe(0);
    expect(second?.['size-vs-above']).toBe(0);
    expect(features.get('Harbour board backs night ferries')?.['opens-clean']).toBe(1);
  });
});

describe('headline features: a kicker or a site name printed on the headline line', () => {
  const story =
    'The harbour board voted on Tuesday to run ferries after midnight, ending a debate that had split the waterfront for most of the year.';
  const headline = 'Night ferries approved after long harbour debate';

  it('ranks the line without its kicker too, marking the cut and its separator', () => {
    const features = featuresOf(['Valdora Ledger', `Harbour affairs : ${headline}`, story]);
    const cut = features.get(headline);
    expect(cut?.['cut-kicker']).toBe(1);
    expect(cut?.['cut-colon']).toBe(1);
    expect(cut?.['cut-dash']).toBe(0);
    expect(features.get(`Harbour affairs : ${headline}`)?.['cut-kicker']).toBe(0);
  });

  it('ranks the line without a site name after a bar, and sees the name printed alone', () => {
    const features = featuresOf(['Valdora Ledger', `${headline} | Valdora Ledger`, story]);
    const cut = features.get(headline);
    expect(cut?.['cut-suffix']).toBe(1);
    expect(cut?.['cut-printed']).toBe(1);
    expect(cut?.['cut-kicker']).toBe(0);
  });

  it('cuts nothing at a colon inside a title or after a long head', () => {
    const features = featuresOf([
      'Valdora Ledger',
      'Night ferries: the board votes yes after a long debate',
      'After a year of hearings on the waterfront and in town – the board decides',
      story,
    ]);
    expect(features.has('the board votes yes after a long debate')).toBe(false);
    expect(features.has('the board decides')).toBe(false);
  });
});

describe('headline features: the story under a line, and a line printed again', () => {
  const headline = 'Night ferries approved after long harbour debate';
  const features = featuresOf([
    'Skip to main content',
    'Valdora Ledger',
    '• News',
    '• Sport',
    'Mountain railway reopens following winter storms',
    '• Weather',
    headline,
    'By Dana Whitfield',
    'The harbour board voted on Tuesday to run night ferries after midnight, ending a long debate that had split the waterfront for most of the year.',
    'Harbour crews say the night ferries are long overdue: the last boat now leaves before eleven, and workers on late shifts drive around the bay instead.',
    'The board will review the night ferries after six months, when the harbour master reports on noise, cost and safety along the waterfront.',
    `Share: ${headline}`,
    headline,
  ]);

  it('reads how many of a line’s longer words the story under it has', () => {
    expect(features.get(headline)?.['story-overlap-below']).toBeGreaterThan(0.6);
    expect(
      features.get('Mountain railway reopens following winter storms')?.['story-overlap-below'],
    ).toBe(0);
  });

  it('reads 0 on a clean copy, whose deck shares more of the story than its headline', () => {
    const clean = featuresOf([
      'Coastal towns bid to revive the lido',
      'Councils in three seaside towns want to reopen open-air pools closed in the 1990s',
      'By Dana Whitfield',
      'Plans to restore open-air swimming pools in three seaside towns will go before councillors next week, after a campaign that gathered more than 20,000 signatures.',
      'The pools, built in the 1930s, were closed when visitor numbers fell and repair bills rose, and the towns have lacked open-air swimming since.',
    ]);
    expect(clean.get('Coastal towns bid to revive the lido')?.['story-overlap-below']).toBe(0);
  });

  it('sees a line printed again elsewhere on the page', () => {
    expect(features.get(headline)?.repeated).toBe(1);
    expect(features.get('Mountain railway reopens following winter storms')?.repeated).toBe(0);
  });
});

describe('the anchor: where the byline and the date are looked for', () => {
  const model = defaultTextModel();
  const hidden = ['story-overlap-below', 'repeated'].map((name) =>
    HEADLINE_FEATURE_NAMES.indexOf(name),
  );

  it('is a headline model that does not read the story-word features', () => {
    expect(hidden.every((i) => i >= 0)).toBe(true);
    for (const i of hidden) {
      expect(model.anchor.weights[i]).toBe(0);
      expect(model.headline.weights[i]).not.toBe(0);
    }
  });

  it('scores every headline candidate beside the headline model', () => {
    const ranked = withLineMemo(() => {
      const units = toUnits(
        splitLines(
          [
            'Valdora Ledger',
            'Night ferries approved after long harbour debate',
            'By Dana Whitfield',
            'The harbour board voted on Tuesday to run night ferries after midnight, ending a long debate that had split the waterfront for most of the year.',
            'Harbour crews say the night ferries are long overdue: the last boat now leaves before eleven, and workers on late shifts drive around the bay instead.',
          ].join('\n\n'),
        ),
      );
      const scores = contentScores(units, model.content);
      units.forEach((unit, i) => {
        unit.score = scores[i]!;
      });
      const labels = storyLabels(scores, model.story, model.storyTransitions);
      return rankHeadlines(units, labels, model.headline, model.anchor);
    });
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((c) => Number.isFinite(c.anchor))).toBe(true);
    const top = ranked.reduce((a, b) => (b.anchor! > a.anchor! ? b : a));
    expect(top.index).toBe(ranked[0]!.index);
  });
});

describe('headline features: page chrome and the line under a clean opening', () => {
  const story =
    'The harbour board voted on Tuesday to run ferries after midnight, ending a debate that had split the waterfront for most of the year.';

  it.each([
    'Close this search box.',
    'skip to main | skip to sidebar',
    '+Comments Leave a Comment',
    'Partager sur Facebook Partager sur Twitter',
    'Artikel drucken und teilen',
    'Harbour Blog | Powered by WordPress',
  ])('reads %s as page chrome', (line) => {
    const features = featuresOf([line, 'Night ferries approved after long harbour debate', story]);
    expect(features.get(line)?.chrome).toBe(1);
    expect(features.get('Night ferries approved after long harbour debate')?.chrome).toBe(0);
  });

  it('does not read a word inside another word as chrome (`Searchlight`, `Shareholders`)', () => {
    const features = featuresOf([
      'Searchlight on harbour shareholders',
      'By Dana Whitfield',
      story,
    ]);
    expect(features.get('Searchlight on harbour shareholders')?.chrome).toBe(0);
  });

  it('marks the deck under the headline of a clean copy, not the headline', () => {
    const features = featuresOf([
      'Coastal towns bid to revive their lidos',
      'Councils in three seaside towns want to reopen open-air pools closed in the 1990s',
      'Dana Whitfield',
      story,
    ]);
    expect(features.get('Coastal towns bid to revive their lidos')?.['opens-clean']).toBe(1);
    expect(features.get('Coastal towns bid to revive their lidos')?.['under-opening']).toBe(0);
    expect(
      features.get(
        'Councils in three seaside towns want to reopen open-air pools closed in the 1990s',
      )?.['under-opening'],
    ).toBe(1);
  });

  it('reads 0 under the first line of a whole page (no clean opening)', () => {
    const features = featuresOf([
      'Valdora Ledger',
      '• News',
      '• Sport',
      'Night ferries approved after long harbour debate',
      'Riders say the new runs are long overdue',
      'By Dana Whitfield',
      story,
    ]);
    for (const named of features.values()) expect(named['under-opening']).toBe(0);
  });
});

describe('headline features: CJK story words, lists of similar lines, a title printed with its site', () => {
  it('reads a CJK line’s overlap with the story in pairs of characters (no spaces between words)', () => {
    const headline = '港の夜間フェリー運航、理事会が承認';
    const features = featuresOf([
      'バルドラ新聞',
      'ニュース一覧を見る',
      headline,
      '2026年3月3日',
      '港湾理事会は火曜日、深夜の夜間フェリー運航を承認した。長く続いた議論に決着がついた形で、夜勤の労働者からは歓迎の声が上がっている。',
      '理事会は半年後に運航を見直し、騒音や費用、安全面について港長が報告する予定だ。夜間フェリーは湾の両岸を結ぶ。',
      '運航会社によると、最終便は午前一時に出航する。理事会の承認を受け、来月から試験運航が始まる。',
      '地元の商店街では、深夜の来客が増えることへの期待が高まっている。一方で、住民の一部は騒音を心配している。',
      '港長は、安全対策として夜間の照明を増やし、桟橋に警備員を配置すると説明した。費用は市と運航会社が分担する。',
      '夜勤明けの看護師は「これで帰宅が楽になる」と話した。湾を車で回ると一時間近くかかるという。',
    ]);
    expect(features.get(headline)?.['story-overlap']).toBeGreaterThan(0.5);
    expect(features.get('ニュース一覧を見る')?.['story-overlap']).toBeLessThan(0.3);
  });

  const story =
    'The harbour board voted on Tuesday to run ferries after midnight, ending a debate that had split the waterfront for most of the year.';
  const headline = 'Night ferries approved after long harbour debate';

  it('marks a line among two or more title-like lines of about its size within four lines', () => {
    const features = featuresOf([
      'Valdora Ledger',
      'Mountain railway reopens after the storms',
      'School meals will be free from next spring',
      'Old lighthouse sold to a local trust',
      'Contact',
      'Weather',
      'Jobs',
      'Harbour affairs',
      headline,
      'By Dana Whitfield',
      story,
    ]);
    expect(features.get('School meals will be free from next spring')?.['in-list']).toBe(1);
    expect(features.get(headline)?.['in-list']).toBe(0);
  });

  it('marks a line printed again as `Headline | Site` (its own cut line or another)', () => {
    const features = featuresOf([
      'Valdora Ledger',
      'Harbour affairs',
      headline,
      'By Dana Whitfield',
      story,
      `${headline} – Valdora Ledger`,
    ]);
    expect(features.get(headline)?.echoed).toBe(1);
    expect(features.get('Harbour affairs')?.echoed).toBe(0);
  });
});
