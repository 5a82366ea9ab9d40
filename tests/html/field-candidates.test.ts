import { describe, expect, it } from 'vitest';
import { chooseDate, type DateCandidate, dateFeatureNames } from '../../src/html/choose-date.js';
import { headlineFeatureNames } from '../../src/html/choose-headline.js';
import { parseHtml, readHtml } from '../../src/html/parse-html.js';
import { hostNames, withoutSiteName } from '../../src/html/read-fields.js';
import { unitModel } from '../../src/html/unit-model.js';

/** An invented page with the given head and heading. */
function page(head: string, heading: string): string {
  const story = Array.from(
    { length: 5 },
    (_, index) =>
      `<p>The harbour board voted on Tuesday to run the ferry after midnight. Paragraph ${index + 1} says how the vote went and what the neighbours think.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head>${head}</head><body><main><article>
${heading}
${story}
</article></main></body></html>`;
}

function candidates(html: string): Array<{ source: string; value: string }> {
  return readHtml(html, {}, unitModel).headlines.candidates.map(({ source, value }) => ({
    source,
    value,
  }));
}

describe('readHtml: headline candidates', () => {
  it("reads the JSON-LD headline without the site's name", () => {
    const head = `<meta property="og:site_name" content="Saltmarsh Ledger">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Night ferries approved | Saltmarsh Ledger"}</script>`;
    expect(candidates(page(head, '<h1>Night ferries approved</h1>'))).toContainEqual({
      source: 'json-ld',
      value: 'Night ferries approved',
    });
  });

  it('reads a heading without the date it starts with', () => {
    const found = candidates(page('', '<h2>23.01.2022 - Night ferries approved by the board</h2>'));
    expect(found).toContainEqual({ source: 'h2', value: 'Night ferries approved by the board' });
  });
});

describe('readHtml: date candidates', () => {
  const dated = (head: string, line: string) =>
    readHtml(page(head, `<h1>Night ferries approved</h1>${line}`), {}, unitModel).dates.candidates;

  it('reads a lead paragraph that opens with its date', () => {
    const lead = `<p>27.1.2022 - ${'The harbour board met in the old customs house and voted late. '.repeat(4)}</p>`;
    expect(dated('', lead).map((candidate) => candidate.value.value)).toContain('2022-01-27');
  });

  it('reads a numeric date printed with thin spaces', () => {
    const line = '<div class="meta">Von Hafenbote 4.\u20092.\u20092022.</div>';
    expect(dated('', line).map((candidate) => candidate.value.value)).toContain('2022-02-04');
  });

  it('reads a day-first date in the canonical URL when the day is over 12', () => {
    const head = '<link rel="canonical" href="https://ledger.example/news/29-10-2021">';
    expect(dated(head, '')).toContainEqual(
      expect.objectContaining({
        source: 'url',
        value: expect.objectContaining({ value: '2021-10-29' }),
      }),
    );
  });
});

describe('chooseDate', () => {
  it('gives the chosen instant in the offset another candidate prints it in', () => {
    const place = { from: 'test', start: 0, end: 0, order: 0 };
    const candidates: DateCandidate[] = [
      {
        ...place,
        source: 'meta-published',
        value: { value: '2022-05-04T03:37:37Z', precision: 'second', zone: 'offset', text: '' },
      },
      {
        ...place,
        source: 'time',
        value: {
          value: '2022-05-03T23:37:37-04:00',
          precision: 'second',
          zone: 'offset',
          text: '',
        },
      },
    ];
    const vectors = candidates.map((candidate) => {
      const vector = new Float64Array(dateFeatureNames.length);
      vector[dateFeatureNames.indexOf(`from-${candidate.source}`)] = 1;
      return vector;
    });
    const model = { bias: 0, weights: { 'from-meta-published': 2 } };
    expect(chooseDate(candidates, vectors, model)?.value.value).toBe('2022-05-03T23:37:37-04:00');
  });
});

describe('readHtml: dates in comment sections and their distance from the headline', () => {
  it('marks a <time> inside a comment section as a comment date, even when its class says published', () => {
    const comments =
      '<section id="comments"><ol class="commentlist"><li><time class="published" datetime="2022-03-05T10:00:00+01:00">5. März</time><p>Schön!</p></li></ol></section>';
    const reading = readHtml(
      page(
        '',
        `<h1>Night ferries approved</h1><time datetime="2022-03-01T08:00:00+01:00">1 March 2022</time>${comments}`,
      ),
      {},
      unitModel,
    );
    const comment = reading.dates.candidates.find((candidate) =>
      candidate.value.value.startsWith('2022-03-05'),
    );
    expect(comment?.says).toBe('comment');
    const own = reading.dates.candidates.find(
      (candidate) => candidate.source === 'time' && candidate.value.value.startsWith('2022-03-01'),
    );
    expect(own?.says).toBeUndefined();
    expect(own?.distance).toBeLessThanOrEqual(2);
  });
});

describe('headline features: a heading that links to the home page', () => {
  it('marks a heading whose text is a link to the site root, not one linking to the story', () => {
    const reading = readHtml(
      page(
        '',
        '<h1><a href="https://ledger.example/">Saltmarsh Ledger</a></h1><h2><a href="/2024/03/ferries">Night ferries approved by the board</a></h2>',
      ),
      {},
      unitModel,
    );
    const at = headlineFeatureNames.indexOf('links-home');
    expect(at).toBeGreaterThanOrEqual(0);
    const marked = reading.headlines.candidates
      .map((candidate, index) => [candidate.value, reading.headlines.vectors[index]![at]] as const)
      .filter(([, value]) => value === 1)
      .map(([value]) => value);
    expect(marked).toEqual(['Saltmarsh Ledger']);
  });
});

describe('readHtml: headline candidates past the menus', () => {
  it("takes the page's first <h1> even after dozens of menu headings", () => {
    const menus = Array.from({ length: 45 }, (_, index) => `<h3>Menu ${index + 1}</h3>`).join('');
    const html = page('', `<nav>${menus}</nav><h1>Night ferries approved by the board</h1>`);
    const found = candidates(html);
    expect(found).toContainEqual({ source: 'h1', value: 'Night ferries approved by the board' });
    // The cap still holds for other headings.
    expect(found.filter((candidate) => candidate.source === 'h3')).toHaveLength(40);
  });

  it('reads an <h4> (some pages print their headline in one), not an <h5>', () => {
    const found = candidates(
      page('', '<h4>Night ferries approved by the board</h4><h5>Share this story</h5>'),
    );
    expect(found).toContainEqual({ source: 'h4', value: 'Night ferries approved by the board' });
    expect(found.map((candidate) => candidate.value)).not.toContain('Share this story');
  });

  it('keeps words in bold at the start of a heading in the headline (emphasis, not a kicker)', () => {
    for (const tag of ['b', 'strong']) {
      const heading = `<h1><${tag}>Editor's letter:</${tag}> the night ferry runs again</h1>`;
      const found = candidates(page('', heading)).map((candidate) => candidate.value);
      expect(found).toEqual(["Editor's letter: the night ferry runs again"]);
    }
    // A kicker in its own <span> is still read apart.
    const found = candidates(
      page('', '<h1><span class="kicker">Harbour board</span> Night ferries approved</h1>'),
    ).map((candidate) => candidate.value);
    expect(found).toContain('Night ferries approved');
  });

  it('reads a heading in its two lines either side of a <br>', () => {
    const heading =
      '<h1>Ana Ruiz Quartet<br>\n<span class="album">Songs for the Night Ferry</span></h1>';
    const found = candidates(page('', heading));
    expect(found).toContainEqual({ source: 'h1', value: 'Ana Ruiz Quartet' });
    expect(found).toContainEqual({ source: 'h1', value: 'Songs for the Night Ferry' });
  });
});

describe('readHtml: the <title> without the site named by the address', () => {
  const titled = (title: string, url: string) =>
    candidates(
      page(`<title>${title}</title><link rel="canonical" href="${url}">`, '<h2>Menu</h2>'),
    ).find((candidate) => candidate.source === 'title')?.value;

  it('leaves out a prefix that is the host name', () => {
    expect(
      titled(
        'HARBOURNEWS - Night ferries approved by the board',
        'https://www.harbournews.example/a/1',
      ),
    ).toBe('Night ferries approved by the board');
  });

  it("stops at a site's name between two parts (the slogan after it goes too)", () => {
    expect(
      titled(
        'Winter pike on the lake | pike-weekly.example | Your angling magazine',
        'https://pike-weekly.example/pike',
      ),
    ).toBe('Winter pike on the lake');
  });

  it("then leaves out the section's name after the headline", () => {
    expect(
      titled(
        'Night ferries approved by the board - Politics - Harbournews',
        'https://harbournews.example/politics/1',
      ),
    ).toBe('Night ferries approved by the board');
  });
});

describe('headline features: the <title> parts and a kicker ending with a colon', () => {
  const marked = (html: string, feature: string) => {
    const reading = readHtml(html, {}, unitModel);
    const at = headlineFeatureNames.indexOf(feature);
    expect(at).toBeGreaterThanOrEqual(0);
    return reading.headlines.candidates
      .filter((_, index) => reading.headlines.vectors[index]![at] === 1)
      .map((candidate) => candidate.value);
  };

  it("marks the headings that are the title's first and last parts", () => {
    const html = page(
      '<title>Winter pike on the lake | Notes from the Shore</title>',
      '<h1>Notes from the Shore</h1><h2>Winter pike on the lake</h2>',
    );
    expect(marked(html, 'title-first-part')).toEqual(['Winter pike on the lake']);
    expect(marked(html, 'title-last-part')).toEqual(['Notes from the Shore']);
  });

  it("marks a heading's rest that the metadata prints after the kicker", () => {
    const html = page(
      '<meta property="og:title" content="Harbour board – Night ferries approved after a long night">',
      '<h1><span class="topline">Harbour board</span> Night ferries approved after a long night</h1>',
    );
    expect(marked(html, 'meta-adds-kicker')).toEqual(['Night ferries approved after a long night']);
  });

  it('marks the rest of a heading whose first part ends with a colon', () => {
    const html = page(
      '',
      '<h1><span class="label">Editor\'s note:</span> <i>the ferry runs again tonight</i></h1>',
    );
    expect(marked(html, 'rest-after-colon')).toEqual(['the ferry runs again tonight']);
  });

  /** A `<title>` of four parts: site, headline, section, `News`. */
  const manyParts =
    'Saltmarsh Ferry Club - Night ferries approved after a long vote - Club news - News';

  it('marks the whole <title> when it has three parts or more', () => {
    const three = page(`<title>${manyParts}</title>`, '');
    expect(marked(three, 'whole-title-3-parts')).toEqual([manyParts]);
    const two = page('<title>Night ferries approved after a long vote - Saltmarsh</title>', '');
    expect(marked(two, 'whole-title-3-parts')).toEqual([]);
  });

  it("takes the <title>'s headline part over the whole of a title of many parts", () => {
    const html = page(`<title>${manyParts}</title>`, '');
    expect(parseHtml(html).article?.headline).toBe('Night ferries approved after a long vote');
  });

  it('marks a heading that names the site as a banner (`site – slogan`)', () => {
    const html = page(
      '<meta property="og:site_name" content="Harbournews">',
      '<h2>Harbournews – the paper of the bay</h2><h1>Night ferries approved</h1>',
    );
    expect(marked(html, 'site-name-part')).toEqual(['Harbournews – the paper of the bay']);
  });
});

describe('hostNames', () => {
  it("gives the host without www., its main label and that label's first word", () => {
    expect(hostNames('https://www.pike-weekly.example/a/1')).toEqual([
      'pike-weekly.example',
      'pike-weekly',
      'pike',
    ]);
    expect(hostNames('https://news.harbour.co.uk/x')).toEqual(['harbour.co.uk', 'harbour']);
  });

  it('gives nothing for an address without a registrable host', () => {
    expect(hostNames(undefined)).toEqual([]);
    expect(hostNames('not a url')).toEqual([]);
    expect(hostNames('http://localhost:8080/a')).toEqual([]);
    expect(hostNames('http://192.168.0.1/a')).toEqual([]);
  });
});

describe('withoutSiteName', () => {
  it('keeps the title when no part is a site name, and the parts around one otherwise', () => {
    expect(withoutSiteName('Ferries | Night | Harbour', ['Ledger'])).toBe(
      'Ferries | Night | Harbour',
    );
    expect(withoutSiteName('Ledger | Night ferries: a vote', ['Ledger'])).toBe(
      'Night ferries: a vote',
    );
    expect(withoutSiteName('Night ferries | Ledger | Your bay paper', ['Ledger'])).toBe(
      'Night ferries',
    );
  });
});
