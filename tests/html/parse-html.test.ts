import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureNames } from '../../src/html/features.js';
import { parseHtml } from '../../src/html/index.js';
import type { UnitModel } from '../../src/html/model.js';
import { readHtml, storyStartOf } from '../../src/html/parse-html.js';
import type { Unit } from '../../src/html/segment.js';
import { articleSchema, sourceEntries, sourceOf } from '../../src/schema/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/html/${name}`, import.meta.url), 'utf8');
const newsPage = fixture('news-page-with-metadata-and-furniture.html');

function ids(result: ReturnType<typeof parseHtml>): string[] {
  return result.diagnostics.map((diagnostic) => diagnostic.ruleId);
}

describe('parseHtml: a news page with metadata, story and furniture', () => {
  const result = parseHtml(newsPage);
  const article = result.article!;

  it('returns a valid article', () => {
    expect(articleSchema.safeParse(article).success).toBe(true);
  });

  it('reads the headline the page prints, which the metadata agrees with', () => {
    expect(article.headline).toBe('Harbour board approves night ferries');
    expect(sourceOf(result.sources, 'headline')?.start.line).toBe(
      newsPage.split('\n').findIndex((line) => line.includes('<h1')) + 1,
    );
  });

  it('takes the printed byline with its job title over the bare metadata name', () => {
    expect(article.byline?.contributors).toEqual([
      expect.objectContaining({
        name: 'Dana Whitfield',
        type: 'Person',
        jobTitle: 'Transport Correspondent',
      }),
    ]);
  });

  it('takes the date with a time and offset over the bare day', () => {
    expect(article.datePublished).toBe('2024-03-12T18:05:00Z');
  });

  it('reads canonical URL, language, description, publisher and the lead image', () => {
    expect(article.url).toBe('https://ledger.example/2024/03/12/night-ferries');
    expect(article.language).toBe('en-GB');
    expect(article.description).toBe('Services after midnight start in May.');
    expect(article.publisher?.name).toBe('The Saltmarsh Ledger');
  });

  it('keeps the story in structured blocks, in order', () => {
    const types = article.body.map((block) => block.type);
    expect(types).toEqual([
      'paragraph',
      'figure',
      'paragraph',
      'heading',
      'paragraph',
      'quote',
      'paragraph',
      'list',
    ]);
  });

  it('keeps links and emphasis as inline content', () => {
    const paragraph = article.body.find(
      (block) => block.type === 'paragraph' && block.text.includes('petition'),
    );
    expect(paragraph).toMatchObject({
      type: 'paragraph',
      text: 'Night-shift workers at the container terminal have asked for the change for years, and a petition last autumn gathered more than four thousand signatures.',
      content: expect.arrayContaining([
        {
          type: 'link',
          url: 'https://ledger.example/2023/petition',
          children: [{ type: 'text', value: 'petition last autumn' }],
        },
        { type: 'emphasis', children: [{ type: 'text', value: 'four thousand' }] },
      ]),
    });
  });

  it('resolves the figure URL against the canonical link and parses its caption credit', () => {
    const figure = article.body.find((block) => block.type === 'figure');
    expect(figure).toMatchObject({
      type: 'figure',
      url: 'https://ledger.example/images/ferry-dock.jpg',
      alt: 'The ferry dock at dusk',
      width: 1200,
      height: 800,
      caption: { text: 'The ferry dock at dusk.', credit: { text: 'Priya Lang/Ledger' } },
    });
  });

  it('reads a quote with its citation', () => {
    expect(article.body.find((block) => block.type === 'quote')).toEqual({
      type: 'quote',
      text: 'We have waited a long time for a boat home that does not leave at eleven.',
      citation: 'Mara Ostend, terminal crane operator',
    });
  });

  it('leaves navigation, related links, comments and footer out, and reports them', () => {
    const text = JSON.stringify(article.body);
    for (const furniture of [
      'Home',
      'Related stories',
      'Pier repairs',
      'About time!',
      'All rights reserved',
      'Privacy',
    ]) {
      expect(text).not.toContain(furniture);
    }
    const dropped = result.diagnostics.filter(
      (diagnostic) => diagnostic.ruleId === 'page-furniture-dropped',
    );
    expect(dropped.length).toBeGreaterThan(0);
    for (const diagnostic of dropped) {
      expect(diagnostic.severity).toBe('info');
      expect(diagnostic.place).toHaveProperty('start.line');
    }
  });

  it('maps body blocks to their places', () => {
    const keys = [...sourceEntries(result.sources)].map(([path]) => path.join('.'));
    expect(keys).toEqual(expect.arrayContaining(['headline', 'byline', 'body.0', 'datePublished']));
  });

  it('gives the same article from the bytes', () => {
    const fromBytes = parseHtml(new TextEncoder().encode(newsPage));
    expect(fromBytes.article).toEqual(article);
  });
});

describe('parseHtml: metadata and page disagree', () => {
  it('reports a JSON-LD headline the page does not print', () => {
    const html = newsPage.replace(
      '"headline":"Harbour board approves night ferries"',
      '"headline":"Council sells the old pier to a developer"',
    );
    const result = parseHtml(html);
    expect(result.article?.headline).toBe('Harbour board approves night ferries');
    const mismatch = result.diagnostics.find(
      (diagnostic) => diagnostic.ruleId === 'json-ld-headline-mismatch',
    );
    expect(mismatch).toMatchObject({
      severity: 'warning',
      actual: 'Council sells the old pier to a developer',
    });
  });

  it('reports a JSON-LD author the byline does not name, with both places', () => {
    const html = newsPage.replace('"name":"Dana Whitfield"}', '"name":"Oskar Brenning"}');
    const result = parseHtml(html);
    expect(ids(result)).toContain('json-ld-author-mismatch');
    const conflict = result.diagnostics.find(
      (diagnostic) => diagnostic.ruleId === 'metadata-conflict',
    );
    expect(conflict?.severity).toBe('info');
    expect(conflict?.message).toMatch(/Oskar Brenning/);
    expect(conflict?.note).toMatch(/^Also at \d+:\d+/);
  });
});

describe('parseHtml: encodings', () => {
  const page = (head: string, body: string) =>
    `<html><head>${head}<title>Tide tables</title></head><body><h1>Tide tables</h1><p>${body}</p></body></html>`;

  it('decodes a declared windows-1252 page', () => {
    const bytes = Uint8Array.from(
      Buffer.from(page('<meta charset="windows-1252">', 'Caf\xe9 on the quay'), 'latin1'),
    );
    expect(parseHtml(bytes).article?.body[0]).toMatchObject({ text: 'Café on the quay' });
  });

  it('reads an undeclared page as UTF-8 when its bytes are UTF-8, else as windows-1252', () => {
    expect(
      parseHtml(new TextEncoder().encode(page('', 'Olá, cais'))).article?.body[0],
    ).toMatchObject({ text: 'Olá, cais' });
    const latin = Uint8Array.from(Buffer.from(page('', 'Ol\xe1, cais'), 'latin1'));
    expect(parseHtml(latin).article?.body[0]).toMatchObject({ text: 'Olá, cais' });
  });

  it('honours a byte order mark', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(page('<meta charset="iso-8859-1">', 'Olá')),
    ]);
    expect(parseHtml(bytes).article?.body[0]).toMatchObject({ text: 'Olá' });
  });

  it('reads UTF-8 bytes declared as Latin-1 as UTF-8, and says so', () => {
    const result = parseHtml(
      new TextEncoder().encode(page('<meta charset="iso-8859-1">', 'Olá, cais')),
    );
    expect(result.article?.body[0]).toMatchObject({ text: 'Olá, cais' });
    expect(result.diagnostics.find((d) => d.ruleId === 'charset-mismatch')).toMatchObject({
      severity: 'warning',
    });
  });

  it('reports bytes that are not UTF-8 in a page declared UTF-8', () => {
    const bytes = Uint8Array.from(Buffer.from(page('<meta charset="utf-8">', 'Ol\xe1'), 'latin1'));
    const result = parseHtml(bytes);
    expect(result.diagnostics.find((d) => d.ruleId === 'charset-mismatch')?.note).toMatch(
      /offset \d+/,
    );
  });

  it('does not change the bytes it is given', () => {
    const bytes = new TextEncoder().encode(page('', 'Olá'));
    const copy = bytes.slice();
    parseHtml(bytes);
    expect(bytes).toEqual(copy);
  });
});

describe('parseHtml: links and images resolve against the page URL and <base>', () => {
  const html =
    '<html><head><base href="/archive/"><title>Pier</title></head><body><h1>Pier</h1><p>Read <a href="pier.html">the plan</a> before the vote on the new pier.</p><figure><img src="img/pier.jpg" alt=""><figcaption>The pier.</figcaption></figure><p>The vote is on Friday at the harbour office, the clerk said.</p></body></html>';

  it('uses options.url and the <base> element', () => {
    const { article } = parseHtml(html, { url: 'https://news.example/2024/pier' });
    const link = article?.body[0];
    expect(link).toMatchObject({
      content: expect.arrayContaining([
        expect.objectContaining({ url: 'https://news.example/archive/pier.html' }),
      ]),
    });
  });

  it('keeps relative links when there is no URL to resolve them against', () => {
    const { article } = parseHtml(html);
    expect(articleSchema.safeParse(article).success).toBe(true);
  });
});

describe('parseHtml: empty, headline-less and misused input', () => {
  it('reports empty input', () => {
    const result = parseHtml('   ');
    expect(result.article).toBeUndefined();
    expect(ids(result)).toEqual(['empty-input']);
  });

  it('reports a page with no headline', () => {
    const result = parseHtml('<div></div>');
    expect(result.article).toBeUndefined();
    expect(ids(result)).toContain('missing-headline');
  });

  it('throws a TypeError naming the argument on misuse', () => {
    expect(() => parseHtml(42 as unknown as string)).toThrow(/`html`/);
    expect(() => parseHtml('<p>x</p>', null as unknown as object)).toThrow(/`options`/);
    expect(() => parseHtml('<p>x</p>', { timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
    for (const referenceDate of ['yesterday', '', new Date(Number.NaN)]) {
      expect(() => parseHtml('<p>x</p>', { referenceDate })).toThrow(/`options.referenceDate`/);
    }
    expect(() => parseHtml('<p>x</p>', { referenceDate: '2026-03-11' })).not.toThrow();
  });

  it('returns the article, diagnostics and sources only, as plain data JSON can hold', () => {
    const result = parseHtml(newsPage);
    expect(Object.keys(result).sort()).toEqual(['article', 'diagnostics', 'sources']);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Object.keys(parseHtml('<div></div>')).sort()).toEqual(['diagnostics', 'sources']);
  });

  it('copies options.file onto every diagnostic', () => {
    const result = parseHtml(newsPage, { file: 'page.html' });
    expect(result.diagnostics.every((diagnostic) => diagnostic.file === 'page.html')).toBe(true);
  });
});

describe('parseHtml: a table keeps its caption', () => {
  const html =
    '<html><head><title>Ferry fares</title></head><body><h1>Ferry fares</h1>' +
    '<p>The harbour board set the winter fares on Tuesday after a long debate at the town hall.</p>' +
    '<table><caption>Winter fares, from 1 November</caption><tr><th>Route</th><th>Fare</th></tr>' +
    '<tr><td>Quay to Point</td><td>£2.40</td></tr>' +
    '</table>' +
    '<p>Season tickets go on sale next week at the harbour office, the clerk said.</p></body></html>';

  it('reads the table’s <caption>, apart from its rows', () => {
    const table = parseHtml(html).article?.body.find((block) => block.type === 'table');
    expect(table).toMatchObject({ type: 'table', caption: 'Winter fares, from 1 November' });
    expect(table?.type === 'table' && table.rows[0]).toEqual([{ text: 'Route' }, { text: 'Fare' }]);
  });
});

describe('parseHtml: left-out page furniture is reported once per kind of place', () => {
  const related = [1, 2]
    .map(
      (n) =>
        `<aside class="related"><h3>More from the harbour</h3><ul>${[0, 1, 2]
          .map((i) => `<li><a href="/r/${n}-${i}">Related story ${n}.${i} about the pier</a></li>`)
          .join('')}</ul></aside>`,
    )
    .join('\n');
  const page = `<!doctype html><html lang="en"><head><title>Night ferries approved | Harbour Ledger</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Night ferries approved</h1>
<p>By Dana Whitfield</p>
<p>The port board voted on Tuesday to run ferries after midnight, ending a year of complaints from shift workers at the container terminal.</p>
<aside class="related-inline"><p><a href="/r/a">Read also: Pier repairs start in May</a></p></aside>
<p>Two boats will run each night from June, the board said in a statement on Wednesday, and the fare will stay at the daytime price.</p>
<p>Terminal staff had asked for a late boat since the last one was cut three winters ago, when the operator said too few people rode it.</p>
<aside class="related-inline"><p><a href="/r/b">Read also: The last late boat, remembered</a></p></aside>
<p>The operator will hire six deckhands and two pilots for the night runs, the statement said, paid from the port's own budget.</p>
</article></main>
${related}
<footer><p><a href="/about">About us</a> · <a href="/privacy">Privacy</a></p></footer>
</body></html>`;
  const lines = page.split('\n');
  const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
  const result = parseHtml(page);
  const dropped = result.diagnostics.filter((d) => d.ruleId === 'page-furniture-dropped');
  const kind = (message: string) => /(before|inside|after) the story/u.exec(message)?.[1];

  it('gives one diagnostic per kind of place, in page order', () => {
    expect(dropped.map((d) => kind(d.message))).toEqual(['before', 'inside', 'after']);
    expect(result.article?.body).toHaveLength(4);
  });

  it('counts the blocks and places of a kind, positioned at the first, naming the others', () => {
    const inside = dropped.find((d) => kind(d.message) === 'inside')!;
    expect(inside.message).toMatch(
      /^Left out 2 blocks in 2 places inside the story \(.*\), the first starting `Read also: Pier repairs start in May`$/u,
    );
    expect(inside.place).toMatchObject({ start: { line: lineOf('Pier repairs') } });
    expect(inside.note).toMatch(
      new RegExp(`^Also left out at ${lineOf('The last late boat')}:\\d+$`, 'u'),
    );
  });

  it('keeps the single-place wording for a kind left out in one place', () => {
    const after = dropped.find((d) => kind(d.message) === 'after')!;
    expect(after.message).toMatch(/^Left out \d+ blocks after the story \(.*\), starting `/u);
    expect(after.note).toBeUndefined();
  });
});

describe('parseHtml: a kind of furniture left out in many places', () => {
  const paragraphs = Array.from(
    { length: 14 },
    (_, i) =>
      `<p>The harbour board heard item ${i + 1} of its agenda on Tuesday, and the members voted on it after a short debate about the cost.</p>\n<aside class="related-inline"><p><a href="/r/${i}">Read also: Pier notice ${i + 1}</a></p></aside>`,
  ).join('\n');
  const page = `<html><head><title>Board meeting notes</title></head><body><article><h1>Board meeting notes</h1>\n${paragraphs}\n<p>The next meeting is in May, the board said, and the public may attend it at the harbour office as before.</p></article></body></html>`;
  const inside = parseHtml(page).diagnostics.find(
    (d) => d.ruleId === 'page-furniture-dropped' && d.message.includes('inside the story'),
  );

  it('names at most ten other places and counts the rest', () => {
    expect(inside?.message).toMatch(/^Left out 14 blocks in 14 places inside the story/u);
    expect(inside?.note).toMatch(/^Also left out at (?:\d+:\d+, ){9}\d+:\d+ and 3 more places$/u);
  });
});

describe('parseHtml: a section heading between kept story paragraphs', () => {
  const paragraph = (subject: string) =>
    `${subject} said on Tuesday that the harbour ferries would run later, until midnight, from April, and that the board had agreed.`;
  /** A model that reads only the kind of a unit: paragraphs 0.95, headings `heading`, lists 0.05. */
  const model = (heading: number): UnitModel => {
    const weights = featureNames.map(() => 0);
    weights[featureNames.indexOf('kind:paragraph')] = Math.log(0.95 / 0.05);
    weights[featureNames.indexOf('kind:heading')] = Math.log(heading / (1 - heading));
    weights[featureNames.indexOf('kind:list')] = Math.log(0.05 / 0.95);
    return { features: featureNames, weights, threshold: 0.575 };
  };
  const html = (after: string) =>
    `<html><head><title>Ferries run later</title></head><body><article><h1>Ferries run later</h1>
<div class="body"><p>${paragraph('The harbour board')}</p><h3>What changes in April</h3>
<figure><img src="https://example.com/ferry.jpg"></figure>
<p>${paragraph('Its chair')}</p>${after}</div></article></body></html>`;
  const headings = (page: string, heading: number) =>
    (readHtml(page, {}, model(heading)).article?.body ?? [])
      .filter((block) => block.type === 'heading')
      .map((block) => (block as { text: string }).text);

  it('keeps a heading the model scores from 0.3 when kept text stands on both sides', () => {
    expect(headings(html(''), 0.4)).toEqual(['What changes in April']);
  });

  it('leaves out a heading under 0.3, and one with no kept text after it', () => {
    expect(headings(html(''), 0.2)).toEqual([]);
    expect(headings(html('<h3>More stories</h3><ul><li>Other news</li></ul>'), 0.4)).toEqual([
      'What changes in April',
    ]);
  });
});

describe('parseHtml: units just under the threshold that story text around them brings back', () => {
  const paragraph = (subject: string) =>
    `${subject} said on Tuesday that the harbour ferries would run later, until midnight, from April, and that the board had agreed.`;
  /** A model that reads only the kind of a unit: paragraphs 0.95, headings and lists as given. */
  const model = (heading: number, list = 0.05): UnitModel => {
    const weights = featureNames.map(() => 0);
    const logit = (p: number) => Math.log(p / (1 - p));
    weights[featureNames.indexOf('kind:paragraph')] = logit(0.95);
    weights[featureNames.indexOf('kind:heading')] = logit(heading);
    weights[featureNames.indexOf('kind:list')] = logit(list);
    return { features: featureNames, weights, threshold: 0.575 };
  };
  const page = (body: string) =>
    `<html><head><title>Ferries run later</title></head><body><article><h1>Ferries run later</h1>
<div class="body">${body}</div></article></body></html>`;
  const texts = (html: string, heading: number, list?: number) =>
    (readHtml(html, {}, model(heading, list)).article?.body ?? []).map(
      (block) =>
        (block as { text?: string; items?: unknown[] }).text ??
        `list of ${(block as { items?: unknown[] }).items?.length ?? 0}`,
    );

  it('keeps a heading from 0.45 whose next unit of text is kept, with no kept text before it', () => {
    const html = page(
      `<ul><li>Other news</li></ul><h3>What changes in April</h3><p>${paragraph('The harbour board')}</p><p>${paragraph('Its chair')}</p>`,
    );
    expect(texts(html, 0.5)).toContain('What changes in April');
    expect(texts(html, 0.4)).not.toContain('What changes in April');
  });

  it('leaves out such a heading when a heading follows it', () => {
    const html = page(
      `<ul><li>Other news</li></ul><h3>More stories</h3><h4>From the harbour</h4><p>${paragraph('The harbour board')}</p>`,
    );
    expect(texts(html, 0.5)).not.toContain('More stories');
  });

  it('keeps a unit from 0.3 between kept text of its own parent, not one in a box of its own', () => {
    const inline = page(
      `<p>${paragraph('The harbour board')}</p><ul><li>Later ferries</li><li>New stops</li></ul><p>${paragraph('Its chair')}</p>`,
    );
    expect(texts(inline, 0.2, 0.4)).toContain('list of 2');
    expect(texts(inline, 0.2, 0.2)).not.toContain('list of 2');
    const boxed = page(
      `<p>${paragraph('The harbour board')}</p><div class="box"><ul><li>Later ferries</li><li>New stops</li></ul></div><p>${paragraph('Its chair')}</p>`,
    );
    expect(texts(boxed, 0.2, 0.4)).not.toContain('list of 2');
  });
});

describe('storyStartOf', () => {
  const units = (lengths: number[], kept: boolean[]) => ({
    units: lengths.map(
      (length) => ({ kind: 'paragraph', text: 'x'.repeat(length) }) as unknown as Unit,
    ),
    probabilities: kept.map((k) => (k ? 0.9 : 0.1)),
  });

  it('passes over a lone kept line of under 150 characters', () => {
    const { units: list, probabilities } = units([80, 60, 90, 90], [true, false, true, true]);
    expect(storyStartOf(list, probabilities, 0.575)).toBe(2);
  });

  it('takes a kept paragraph of story length, or one kept text follows', () => {
    expect(storyStartOf(units([200, 60], [true, false]).units, [0.9, 0.1], 0.575)).toBe(0);
    expect(storyStartOf(units([80, 60], [true, true]).units, [0.9, 0.9], 0.575)).toBe(0);
    expect(storyStartOf(units([40, 80], [true, false]).units, [0.9, 0.1], 0.575)).toBe(-1);
  });
});
