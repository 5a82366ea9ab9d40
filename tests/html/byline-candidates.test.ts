import { describe, expect, it } from 'vitest';
import { readHtml } from '../../src/html/parse-html.js';
import { unitModel } from '../../src/html/unit-model.js';

/** An invented page: a headline, one printed line after it, then the story. */
function page(line: string, lang = 'de'): string {
  const story = Array.from(
    { length: 6 },
    (_, index) =>
      `<p>Der Gemeinderat von Kleinhafen hat am Dienstag beschlossen, die Fähre auch nachts fahren zu lassen. Absatz ${index + 1} erzählt, wie es dazu kam und was die Anwohner davon halten.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="${lang}"><head><title>Nachtfähre kommt | Hafenbote</title></head>
<body><header><nav><a href="/">Start</a></nav></header>
<main><article><h1>Nachtfähre kommt</h1>
${line}
${story}
</article></main></body></html>`;
}

/** The person names of each byline candidate the page gives. */
function candidateNames(html: string): string[][] {
  const reading = readHtml(html, {}, unitModel);
  return reading.bylines.candidates
    .filter((candidate) => candidate.source !== 'none')
    .map((candidate) =>
      (candidate.value?.contributors ?? [])
        .filter((contributor) => contributor.type === 'Person')
        .map((contributor) => contributor.name),
    );
}

describe('readHtml: byline candidates from printed lines', () => {
  it.each([
    ['<p>Text: Lorenz Aigner</p>', ['Lorenz Aigner']],
    ['<p>Ein Artikel von Mira Lanz | 27.01.2022 - 12:45</p>', ['Mira Lanz']],
    ['<p>10. Februar 2022 von Tobias Rehm</p>', ['Tobias Rehm']],
    ['<p>von Kathrin</p>', ['Kathrin']],
    ['<p>Von Thilo / 6. November 2023 / Keine Kommentare</p>', ['Thilo']],
    ['<p>Autor: Jonas Wehle Tags: Fähre, Hafen, Nacht</p>', ['Jonas Wehle']],
  ])('%s', (line, names) => {
    expect(candidateNames(page(line))).toContainEqual(names);
  });

  it('reads a byline glued to its intro in a component marked by data-testid', () => {
    const line =
      '<div data-testid="story-byline"><span>By</span><span><a href="/team/ana-ruiz">Ana Ruiz</a></span></div>';
    expect(candidateNames(page(line, 'en'))).toContainEqual(['Ana Ruiz']);
  });

  it('reads a name and its job title printed in elements of their own', () => {
    const reading = readHtml(
      page('<div class="author-info"><p><strong>Tobias Rehm</strong> Chefredakteur</p></div>'),
      {},
      unitModel,
    );
    const people = reading.bylines.candidates.flatMap(
      (candidate) => candidate.value?.contributors ?? [],
    );
    expect(people).toContainEqual(
      expect.objectContaining({ name: 'Tobias Rehm', jobTitle: 'Chefredakteur' }),
    );
  });
});

describe('readHtml: image credits are not bylines', () => {
  it('offers no byline candidate that names only the photographer', () => {
    const names = candidateNames(page('<p>Foto: Lorenz Aigner/Hafenbild</p>'));
    expect(names.flat()).not.toContain('Lorenz Aigner');
  });
});

describe('readHtml: byline candidates from lines without an intro', () => {
  it('reads a line that opens with its date and then names the author', () => {
    expect(
      candidateNames(page('<p><small>04.02.2022 | 13:10 Uhr | Lena Brandt</small></p>')),
    ).toContainEqual(['Lena Brandt']);
  });

  it('does not read a date-led line that names no person', () => {
    expect(candidateNames(page('<p>04.02.2022 | Hafen und Verkehr</p>'))).not.toContainEqual([
      'Hafen und Verkehr',
    ]);
  });
});

describe('readHtml: the headline is not a byline', () => {
  it('does not read the headline as a byline when the article element names its author in a class', () => {
    const html = page('<p>Von Lena Brandt</p>').replace(
      '<article><h1>Nachtfähre kommt</h1>',
      '<article class="post author-lena"><h1>Nachtfähre Kommt Bald</h1>',
    );
    const names = candidateNames(html);
    expect(names).toContainEqual(['Lena Brandt']);
    expect(names.flat()).not.toContain('Nachtfähre Kommt Bald');
  });
});

describe('readHtml: a person’s own site', () => {
  /** A Yoast-style graph whose author and publisher are one node typed Person and Organization. */
  const ld = (publisher: string) =>
    `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'BlogPosting',
          headline: 'Nachtfähre kommt',
          author: { '@id': '#person' },
          publisher: { '@id': publisher === 'Lena Brandt' ? '#person' : '#org' },
        },
        { '@type': ['Person', 'Organization'], '@id': '#person', name: 'Lena Brandt' },
        { '@type': 'Organization', '@id': '#org', name: 'Hafenbote' },
      ],
    })}</script>`;
  const siteLike = (publisher: string) =>
    readHtml(
      page('<p>Von Lena Brandt</p>').replace('</head>', `${ld(publisher)}</head>`),
      {},
      unitModel,
    ).bylines.candidates.map((candidate) => [candidate.source, candidate.siteLike]);

  it('does not take the author for the site when the JSON-LD publisher is the author', () => {
    expect(siteLike('Lena Brandt')).toEqual(
      expect.arrayContaining([
        ['json-ld', false],
        ['page-line', false],
      ]),
    );
  });

  it('still takes an author named like the publisher organization for the site', () => {
    const html = page('<p>Von Hafenbote</p>').replace('</head>', `${ld('Hafenbote')}</head>`);
    const candidates = readHtml(html, {}, unitModel).bylines.candidates;
    expect(candidates.find((c) => c.source === 'page-line')?.siteLike).toBe(true);
  });
});
