import { describe, expect, it } from 'vitest';
import { lintArticle } from '../../src/lint/index.js';
import type { ArticleInput } from '../../src/schema/index.js';
import { cleanArticle, type LooseArticle, NOW } from './clean-article.js';

type Mutable = LooseArticle;

/** Lint a changed copy of the clean article with every rule on; return `ruleId path` lines. */
function findings(change: (article: Mutable) => void): string[] {
  const article = cleanArticle() as Mutable;
  change(article);
  return lintArticle(article as ArticleInput, { preset: 'strict', now: NOW }).map(
    (d) => `${d.ruleId} ${(d.path ?? []).join('.')}`,
  );
}

const author =
  (name: string, extra: Mutable = {}) =>
  (article: Mutable) => {
    article.byline.contributors[0] = { name, ...extra };
  };

/** [what, change, exactly the findings expected]. */
const cases: Array<[string, (article: Mutable) => void, string[]]> = [
  [
    'no headline',
    (a) => {
      delete a.headline;
    },
    ['missing-headline headline'],
  ],
  [
    'a blank headline',
    (a) => {
      a.headline = '  ';
    },
    ['missing-headline headline'],
  ],
  [
    'an all-caps headline',
    (a) => {
      a.headline = 'HARBOUR BOARD APPROVES FERRIES';
    },
    ['headline-all-caps headline'],
  ],
  [
    'a 111-character headline',
    (a) => {
      a.headline = 'a'.repeat(111);
    },
    ['headline-too-long headline'],
  ],
  [
    'no byline',
    (a) => {
      delete a.byline;
    },
    ['missing-author byline'],
  ],
  [
    'only an editor',
    (a) => {
      a.byline.contributors = [{ name: 'Ana Ruiz', role: 'editor' }];
    },
    ['missing-author byline.contributors'],
  ],
  [
    'two names in one author',
    author('Ana Ruiz and Lena Moritz'),
    ['multiple-authors-in-one-name byline.contributors.0.name'],
  ],
  [
    'two names with a comma',
    author('Ana Ruiz, Lena Moritz'),
    ['multiple-authors-in-one-name byline.contributors.0.name'],
  ],
  [
    '"By" before a name',
    author('By Ana Ruiz'),
    ['author-name-has-prefix byline.contributors.0.name'],
  ],
  [
    'an honorific before a name',
    author('Dr. Ana Ruiz'),
    ['author-name-has-prefix byline.contributors.0.name'],
  ],
  [
    'a job title after a name',
    author('Ana Ruiz, Staff Writer'),
    ['author-name-has-job-title byline.contributors.0.name'],
  ],
  [
    'the publisher after a name',
    author('Ana Ruiz | The Daily Ledger'),
    ['author-name-has-outlet byline.contributors.0.name'],
  ],
  [
    'an agency after a name',
    author('Ana Ruiz, Reuters'),
    ['author-name-has-outlet byline.contributors.0.name'],
  ],
  [
    'an agency typed as a person',
    author('Associated Press'),
    ['author-type-mismatch byline.contributors.0.name'],
  ],
  [
    'a staff byline typed as a person',
    author('Ledger Staff'),
    ['author-type-mismatch byline.contributors.0.name'],
  ],
  [
    'an organization with a job title',
    author('Ana Ruiz', { type: 'Organization', jobTitle: 'Reporter' }),
    ['author-type-mismatch byline.contributors.0.name'],
  ],
  [
    'no datePublished',
    (a) => {
      delete a.datePublished;
    },
    ['missing-date-published datePublished'],
  ],
  [
    'a calendar datePublished',
    (a) => {
      a.datePublished = '2026-03-10';
    },
    ['date-without-time-zone datePublished'],
  ],
  [
    'dateModified before datePublished',
    (a) => {
      a.dateModified = '2026-03-10T18:04:59-05:00';
    },
    ['date-modified-before-published dateModified'],
  ],
  [
    'dateModified before datePublished in another zone',
    (a) => {
      a.dateModified = '2026-03-10T23:00:00Z';
    },
    ['date-modified-before-published dateModified'],
  ],
  [
    'a future datePublished',
    (a) => {
      a.datePublished = '2027-01-01T00:00:00Z';
      a.dateModified = '2027-01-02T00:00:00Z';
    },
    ['date-in-future datePublished', 'date-in-future dateModified'],
  ],
  [
    'a future correction date',
    (a) => {
      a.corrections[0].date = '2026-11-27';
    },
    ['date-in-future corrections.0.date'],
  ],
  [
    'no lead image, but a figure with a URL (it is in the JSON-LD image list)',
    (a) => {
      delete a.image;
    },
    [],
  ],
  [
    'no lead image and no figure with a URL',
    (a) => {
      delete a.image;
      a.body = a.body.filter((block: { type: string }) => block.type !== 'figure');
    },
    ['missing-image image'],
  ],
  [
    'a lead image without URL',
    (a) => {
      delete a.image.url;
    },
    ['missing-image image.url'],
  ],
  [
    'a relative lead image URL',
    (a) => {
      a.image.url = '/img/ferry.jpg';
    },
    ['image-url-not-absolute image.url'],
  ],
  [
    'a relative figure URL',
    (a) => {
      a.body[3].url = 'timetable.png';
    },
    ['image-url-not-absolute body.3.url'],
  ],
  [
    'a 200×200 lead image',
    (a) => {
      a.image.width = 1200;
      a.image.height = 40;
    },
    ['image-too-small image'],
  ],
  [
    'a 1000 px wide lead image',
    (a) => {
      a.image.width = 1000;
      a.image.height = 600;
    },
    ['image-too-narrow-for-discover image.width'],
  ],
  [
    'a 100×100 logo',
    (a) => {
      a.publisher.logo.width = 100;
      a.publisher.logo.height = 100;
    },
    ['publisher-logo-too-small publisher.logo'],
  ],
  [
    'a caption without credit',
    (a) => {
      delete a.body[3].caption.credit;
    },
    ['caption-without-credit body.3.caption'],
  ],
  [
    'a figure without alt',
    (a) => {
      delete a.body[3].alt;
    },
    ['image-without-alt body.3.alt'],
  ],
  [
    'an empty paragraph',
    (a) => {
      a.body.push({ type: 'paragraph', text: ' ' });
    },
    ['empty-paragraph body.5'],
  ],
  [
    'a repeated paragraph',
    (a) => {
      a.body.push({ type: 'paragraph', text: 'Two boats  will run each night from June. ' });
    },
    ['duplicate-paragraph body.5'],
  ],
  [
    'a date as a name',
    author('Updated March 10, 2026'),
    ['author-name-is-date byline.contributors.0.name'],
  ],
  [
    'a month and day as a name',
    author('March 10'),
    ['author-name-is-date byline.contributors.0.name'],
  ],
  [
    'a dateline place as a name',
    author('PORT ELLEN'),
    ['author-name-is-place byline.contributors.0.name'],
  ],
  [
    'a US dateline as a name',
    author('KANSAS CITY, Mo.'),
    ['author-name-is-place byline.contributors.0.name'],
  ],
  [
    'the dateline agency as author',
    (a) => {
      a.byline.contributors.push({ name: 'Ledger Wire', type: 'Organization' });
    },
    ['agency-as-author byline.contributors.2.name'],
  ],
  [
    'no description',
    (a) => {
      delete a.description;
    },
    ['missing-description description'],
  ],
  [
    'a 201-character description',
    (a) => {
      a.description = 'x'.repeat(201);
    },
    ['description-too-long description'],
  ],
  [
    'no section',
    (a) => {
      delete a.section;
    },
    ['missing-section section'],
  ],
  [
    'no language',
    (a) => {
      delete a.language;
    },
    ['missing-language language'],
  ],
  [
    'a relative link',
    (a) => {
      a.body[0].content[1].url = '/tags/port-board';
    },
    ['url-not-absolute body.0.content.1.url'],
  ],
  [
    'a relative article URL',
    (a) => {
      a.url = '/news/night-ferries';
    },
    ['url-not-absolute url', 'invalid-field url'],
  ],
  [
    'an unknown field',
    (a) => {
      a.teaser = 'x';
    },
    ['invalid-field teaser'],
  ],
  [
    'a wrong type',
    (a) => {
      a.keywords = 'ferries';
    },
    ['invalid-field keywords'],
  ],
];

cases.push([
  'a calendar dateModified on the publication day (not before it)',
  (a) => {
    a.dateModified = '2026-03-10';
  },
  ['date-without-time-zone dateModified'],
]);

cases.push([
  'a scheme-relative link',
  (a) => {
    a.body[0].content[1].url = '//ledger.example/tags/port-board';
  },
  ['url-not-absolute body.0.content.1.url'],
]);

cases.push(
  [
    'credentials after a name',
    author('Ana Ruiz, PhD'),
    ['author-name-has-credentials byline.contributors.0.name'],
  ],
  [
    'a degree after a name',
    author('Lena Moritz MD'),
    ['author-name-has-credentials byline.contributors.0.name'],
  ],
  [
    'a degree with spaced dots',
    author('Ana Ruiz, Ph. D.'),
    ['author-name-has-credentials byline.contributors.0.name'],
  ],
  [
    'an intro the byline parser knows',
    author('Reporting by Ana Ruiz'),
    ['author-name-has-prefix byline.contributors.0.name'],
  ],
  [
    'an intro glued to the name',
    author('ByAna Ruiz'),
    ['author-name-has-prefix byline.contributors.0.name'],
  ],
);

/** Changes that must not produce any finding. */
const quiet: Array<[string, (article: Mutable) => void]> = [
  [
    'an acronym headline',
    (a) => {
      a.headline = 'NASA and ESA agree on Moon base';
    },
  ],
  [
    'a short all-caps headline',
    (a) => {
      a.headline = 'WATCH: UN';
    },
  ],
  [
    'a 110-character headline',
    (a) => {
      a.headline = 'a'.repeat(110);
    },
  ],
  [
    'a 110-emoji headline',
    (a) => {
      a.headline = '🚢'.repeat(110);
    },
  ],
  ['a company named with "and"', author('Procter and Gamble', { type: 'Organization' })],
  ['an organization author', author('Ledger Staff', { type: 'Organization' })],
  [
    'a dateModified equal to datePublished in another zone',
    (a) => {
      a.dateModified = '2026-03-10T23:05:00Z';
    },
  ],
  [
    'a calendar date that is already today somewhere',
    (a) => {
      a.corrections[0].date = '2026-11-26';
    },
  ],
  [
    'an image of unknown size',
    (a) => {
      delete a.image.width;
      delete a.image.height;
    },
  ],
  [
    'a 1250×40 image (exactly 50,000 pixels)',
    (a) => {
      a.image.width = 1250;
      a.image.height = 40;
    },
  ],
  [
    'a logo of 112×112',
    (a) => {
      a.publisher.logo.width = 112;
      a.publisher.logo.height = 112;
    },
  ],
  [
    'a credit without caption text',
    (a) => {
      a.body[3].caption = { text: '', credit: { text: 'AP' } };
    },
  ],
  [
    'an anchor link',
    (a) => {
      a.body[0].content[1].url = '#what-changes';
    },
  ],
  [
    'a mailto link',
    (a) => {
      a.body[0].content[1].url = 'mailto:desk@ledger.example';
    },
  ],
  [
    'a 200-character description',
    (a) => {
      a.description = 'x'.repeat(200);
    },
  ],
  [
    'repeated headings',
    (a) => {
      a.body.push({ type: 'heading', level: 2, text: 'What changes' });
    },
  ],
  ['a name with a particle', author('Ana de la Cruz')],
  ['a person whose surname is Press', author('Allison Press')],
  ['a generational suffix', author('Martin Luther King Jr.')],
  ['a name ending in capitals that are not credentials', author('Ana Ruiz-Ma')],
  ['a surname spelled like a degree', author('Thanh Do')],
  ['a name that starts like an intro word', author('Byron Vale')],
  [
    'repeated rule lines without letters',
    (a) => {
      a.body.push({ type: 'paragraph', text: '━'.repeat(60) });
      a.body.push({ type: 'paragraph', text: '━'.repeat(60) });
    },
  ],
  [
    'a short line repeated on purpose',
    (a) => {
      a.body.push({ type: 'paragraph', text: 'Back to the table of contents' });
      a.body.push({ type: 'paragraph', text: 'Back to the table of contents' });
    },
  ],
];

describe('lint rules (strict preset)', () => {
  it('finds nothing in the complete article', () => {
    expect(findings(() => {})).toEqual([]);
  });

  it.each(cases)('reports %s', (_what, change, expected) => {
    expect(findings(change).sort()).toEqual([...expected].sort());
  });

  it.each(quiet)('accepts %s', (_what, change) => {
    expect(findings(change)).toEqual([]);
  });
});
