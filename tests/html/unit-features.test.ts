import { describe, expect, it } from 'vitest';
import { buildTree } from '../../src/html/build-tree.js';
import {
  featureNames,
  type PageContext,
  scoreUnits,
  topContainer,
  unitFeatures,
  wordSet,
} from '../../src/html/features.js';
import { fieldModels } from '../../src/html/field-models.js';
import { predict, scoreAndClear } from '../../src/html/model.js';
import { readHtml } from '../../src/html/parse-html.js';
import { segment, type Unit } from '../../src/html/segment.js';
import { unitModel } from '../../src/html/unit-model.js';

/** Units of a page and their features, read as parseHtml reads them (no title candidates). */
function read(html: string) {
  const units = segment(buildTree(html).root);
  const page: PageContext = {
    top: topContainer(units),
    length: html.length,
    maxDepth: units.reduce((max, unit) => Math.max(max, unit.depth), 0),
    titles: [],
  };
  const vectors = unitFeatures(units, page);
  const feature = (unit: Unit | undefined, name: string): number => {
    if (!unit) throw new Error('no such unit');
    const at = featureNames.indexOf(name);
    if (at < 0) throw new Error(`no feature ${name}`);
    return vectors[units.indexOf(unit)]![at]!;
  };
  const unit = (start: string) => units.find((candidate) => candidate.text.startsWith(start));
  return { units, page, feature, unit };
}

const sentence = (subject: string) =>
  `${subject} said on Tuesday that the harbour ferries would run later, until midnight, from April.`;

describe('topContainer: the story container, not a comment thread', () => {
  it('takes the story over a reader thread that is longer than it', () => {
    const comments = Array.from(
      { length: 6 },
      (_, index) =>
        `<li class="comment"><p>${sentence(`Reader ${index}`)} ${sentence('Another reader')} ${sentence('A third')}</p></li>`,
    ).join('');
    const { page, unit, feature } = read(
      `<body><div class="entry"><p>${sentence('The harbour board')}</p><p>${sentence('Its chair')}</p></div>` +
        `<div id="comments"><ol class="comment-list">${comments}</ol></div></body>`,
    );
    expect(page.top?.attributes.class).toBe('entry');
    expect(feature(unit('The harbour board'), 'top:inside')).toBe(1);
    expect(feature(unit('Reader 3'), 'top:inside')).toBe(0);
    expect(feature(unit('Reader 3'), 'comment:near')).toBe(1);
  });

  it('falls back to the comment section when the page has no other paragraphs', () => {
    const { page } = read(
      `<body><div id="comments"><div class="comment"><p>${sentence('A reader')}</p><p>${sentence('Another')}</p></div></div></body>`,
    );
    expect(page.top?.attributes.class).toBe('comment');
  });
});

describe('unit features: where a block sits beside the story container', () => {
  const { feature, unit } = read(
    '<body><div class="page"><main><div class="wrap"><p class="standfirst">A short standfirst beside the story.</p>' +
      `<div class="story"><p>${sentence('The harbour board')}</p><p>${sentence('Its chair')}</p></div></div></main>` +
      '<div class="side"><div class="box"><div class="inner"><div class="bio"><p>Our transport writer has covered the harbour for ten years.</p></div></div></div></div></div></body>',
  );

  it('gives 0 inside the container, the levels above it where the branch leaves it otherwise', () => {
    expect(feature(unit('The harbour board'), 'top:branch')).toBe(0);
    expect(feature(unit('A short standfirst'), 'top:branch')).toBeCloseTo(1 / 8);
    expect(feature(unit('A short standfirst'), 'top:branch-far')).toBe(0);
    // story → wrap → main → page: the sidebar leaves the line three levels up.
    expect(feature(unit('Our transport writer'), 'top:branch')).toBeCloseTo(3 / 8);
  });

  it('marks a branch that leaves four or more levels up as far', () => {
    const far = read(
      `<body><div class="a"><div class="b"><div class="c"><div class="story"><p>${sentence('The board')}</p><p>${sentence('Its chair')}</p></div></div></div></div>` +
        '<footer><p>A footer sentence that is written as prose.</p></footer></body>',
    );
    expect(far.feature(far.unit('A footer sentence'), 'top:branch-far')).toBe(1);
    expect(far.feature(far.unit('The board'), 'top:branch-far')).toBe(0);
  });
});

describe('scoreUnits: one buffer, reused unit after unit', () => {
  // A page with every kind of unit, class words, a comment section, an <article> teaser and
  // repeated blocks: features that a buffer left dirty by the unit before would show.
  const html =
    '<body><nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav><h1>Night ferries</h1>' +
    `<article class="story"><p class="byline">By Ana Ruiz</p><p>March 3, 2026</p><p>${sentence('The harbour board')}</p>` +
    `<figure><img src="a.jpg"><figcaption>The quay at night.</figcaption></figure><ul><li>One</li><li>Two</li></ul>` +
    `<blockquote>${sentence('Its chair')}</blockquote><hr><pre>code</pre><table><tr><td>1</td></tr></table>` +
    `<div itemprop="articleBody" role="main">Loose text <b>in a run</b></div></article>` +
    `<article class="teaser"><p>Other story teaser text here.</p></article>` +
    `<div id="comments">${'<div class="comment"><p>Subscribe to comment on this story.</p></div>'.repeat(3)}</div>` +
    '<footer><p>© 2026 The Ledger. All rights reserved.</p></footer></body>';

  it('gives each unit the vector unitFeatures keeps for it', () => {
    const units = segment(buildTree(html).root);
    const page: PageContext = {
      top: topContainer(units),
      length: html.length,
      maxDepth: units.reduce((max, unit) => Math.max(max, unit.depth), 0),
      titles: [wordSet('Night ferries | The Ledger')],
    };
    const kept = unitFeatures(units, page).map((vector) => [...vector]);
    // Read again on a fresh tree (the per-element caches are then made by the streaming pass).
    const again = segment(buildTree(html).root);
    const streamed: number[][] = [];
    const scores = scoreUnits(again, { ...page, top: topContainer(again) }, (x) => {
      streamed.push([...x]);
      x.fill(0);
      return streamed.length;
    });
    expect(units.length).toBeGreaterThan(10);
    expect(scores).toEqual(units.map((_, index) => index + 1));
    expect(streamed).toEqual(kept);
  });

  it('scoreAndClear gives predict’s probability and leaves the vector all zeros', () => {
    const units = segment(buildTree(html).root);
    const page: PageContext = {
      top: topContainer(units),
      length: html.length,
      maxDepth: 9,
      titles: [],
    };
    for (const vector of unitFeatures(units, page)) {
      const [expected] = predict([vector], unitModel);
      expect(scoreAndClear(vector, unitModel)).toBe(expected);
      expect(vector.every((value) => value === 0)).toBe(true);
    }
  });

  it('scores as the kept vectors score (parseHtml against the training reading)', () => {
    const kept = readHtml(html, {}, unitModel);
    const streamed = readHtml(html, {}, unitModel, fieldModels, false);
    expect(kept.vectors).toHaveLength(kept.units.length);
    expect(streamed.vectors).toEqual([]);
    expect(streamed.probabilities).toEqual(kept.probabilities);
    expect(streamed.kept).toEqual(kept.kept);
  });
});

describe('unit features: what a short text says about itself', () => {
  const { unit, feature } = read(
    `<body><div class="entry"><p>${sentence('The harbour board')}</p>` +
      '<p>Read more: Ferries to run later in April</p>' +
      '<p>Lesen Sie auch: Neue Fähre für die Insel</p>' +
      '<p>Weitere Informationen:</p>' +
      '<p>Quelle: Hafenamt</p>' +
      '<p>If you enjoyed reading this, please support our newsroom.</p>' +
      '<p>Foto: Ana Ruiz</p>' +
      '<p>(Credit: Ana Ruiz / Coast Agency)</p>' +
      `<p>${sentence('A reader who read more about it')}</p></div></body>`,
  );

  it('marks a pointer to other stories that opens the text', () => {
    expect(feature(unit('Read more:'), 'says:read-more')).toBe(1);
    expect(feature(unit('Lesen Sie auch'), 'says:read-more')).toBe(1);
    // The words inside a sentence are not a pointer.
    expect(feature(unit('A reader who read more'), 'says:read-more')).toBe(0);
  });

  it('marks a label for contacts, sources or more information', () => {
    expect(feature(unit('Weitere Informationen'), 'says:more-info')).toBe(1);
    expect(feature(unit('Quelle:'), 'says:more-info')).toBe(1);
    expect(feature(unit('The harbour board'), 'says:more-info')).toBe(0);
  });

  it('marks an appeal to the reader and a picture label', () => {
    expect(feature(unit('If you enjoyed'), 'says:support')).toBe(1);
    expect(feature(unit('The harbour board'), 'says:support')).toBe(0);
    expect(feature(unit('Foto:'), 'says:credit')).toBe(1);
    expect(feature(unit('(Credit:'), 'says:credit')).toBe(1);
    expect(feature(unit('Read more:'), 'says:credit')).toBe(0);
  });
});

describe('unit features: a story printed in several blocks of one kind', () => {
  it('marks the units (headings too) of blocks like the story container, outside it', () => {
    const { page, unit, feature } = read(
      `<body><div class="page"><div class="text-block"><p>${sentence('The harbour board')}</p>` +
        `<p>${sentence('Its chair, who spoke at length')}</p><p>${sentence('The operator')}</p></div>` +
        `<div class="text-block"><h3>A section heading</h3><p>${sentence('A second block')}</p></div>` +
        `<div class="sidebar"><p>${sentence('A sidebar note')}</p></div></div></body>`,
    );
    expect(page.top?.attributes.class).toBe('text-block');
    expect(feature(unit('The harbour board'), 'top:same-signature')).toBe(0);
    expect(feature(unit('A second block'), 'top:same-signature')).toBe(1);
    expect(feature(unit('A sidebar note'), 'top:same-signature')).toBe(0);
    expect(feature(unit('A section heading'), 'top:same-signature')).toBe(1);
  });

  it('gives 0 when the story container has no class', () => {
    const { unit, feature } = read(
      `<body><div><div><p>${sentence('The harbour board')}</p><p>${sentence('Its chair')}</p></div>` +
        `<div><p>${sentence('A second block')}</p></div></div></body>`,
    );
    expect(feature(unit('A second block'), 'top:same-signature')).toBe(0);
  });
});
