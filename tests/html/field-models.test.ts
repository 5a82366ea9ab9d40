import { describe, expect, it } from 'vitest';
import { bylineFeatureNames } from '../../src/html/choose-byline.js';
import { dateFeatureNames } from '../../src/html/choose-date.js';
import { headlineFeatureNames } from '../../src/html/choose-headline.js';
import { fieldModels } from '../../src/html/field-models.js';
import { parseHtml } from '../../src/html/index.js';

describe('parseHtml field choice models', () => {
  it('weighs only features the code still computes', () => {
    const names = {
      date: dateFeatureNames,
      headline: headlineFeatureNames,
      byline: bylineFeatureNames,
    } as const;
    for (const [field, model] of Object.entries(fieldModels)) {
      const known = new Set(names[field as keyof typeof names]);
      expect(known.size).toBeGreaterThan(0);
      for (const name of Object.keys(model.weights))
        expect(known, `${field}: ${name}`).toContain(name);
      expect(Object.keys(model.weights).length).toBeGreaterThan(5);
    }
  });

  it('takes the published date over an updated one printed with it', () => {
    const html = `<html><head><title>Harbour ferries run at night | The Ledger</title>
      <meta property="article:modified_time" content="2024-03-09T10:00:00+01:00">
      </head><body><h1>Harbour ferries run at night</h1>
      <p class="meta">Updated: 9 March 2024 · Published: 2 March 2024</p>
      <p>The port board voted on Tuesday to run the harbour ferries after midnight from the spring onwards.</p>
      <p>Late-shift workers had asked for the change for years, the board's chair said after the vote.</p>
      </body></html>`;
    const { article } = parseHtml(html, { url: 'https://ledger.example/2024/03/02/ferries' });
    expect(article?.datePublished?.slice(0, 10)).toBe('2024-03-02');
    expect(article?.headline).toBe('Harbour ferries run at night');
  });

  it('reads the headline the page prints when the title is only the site name', () => {
    const html = `<html><head><title>The Ledger</title><meta property="og:site_name" content="The Ledger">
      </head><body><header><a href="/">The Ledger</a></header><main><h1>Night buses return to the valley</h1>
      <p>The county restored three night bus routes on Monday after a year without late services.</p>
      <p>Drivers were hired over the winter, the transport office said in a statement.</p></main></body></html>`;
    expect(parseHtml(html).article?.headline).toBe('Night buses return to the valley');
  });
});
