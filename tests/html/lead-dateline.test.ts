import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/html/parse-html.js';
import { sourceOf } from '../../src/schema/source-map.js';

/** An invented wire story; `lead` is its first paragraph's HTML. */
function page(lead: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Ferry sails again | Coastline Post</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Ferry sails again</h1>
<p class="byline">By Mira Okafor</p>
${lead}
<p>Crews checked the ramps and the mooring lines overnight, and the harbour master said the swell had eased enough for the first sailing at seven.</p>
<p>Passengers who had waited since Friday filled the car deck within twenty minutes, the operator said in a statement on Monday evening.</p>
</article><footer>© 2026 Coastline Post</footer></body></html>`;
}

describe('parseHtml: the dateline opening the story', () => {
  it('cuts a wire dateline from the first paragraph, with its place', () => {
    const { article, sources } = parseHtml(
      page(
        '<p>PORT ELLEN, Islay (AP) — The ferry between the island and the mainland sailed again on Monday after three days in harbour.</p>',
      ),
    );
    expect(article?.dateline).toEqual({
      text: 'PORT ELLEN, Islay (AP) —',
      place: 'PORT ELLEN, Islay',
      agency: 'AP',
    });
    expect(article?.body[0]).toEqual({
      type: 'paragraph',
      text: 'The ferry between the island and the mainland sailed again on Monday after three days in harbour.',
    });
    expect(sourceOf(sources, 'dateline')?.start.line).toBe(5);
  });

  it('keeps the inline content in step with the text', () => {
    const { article } = parseHtml(
      page(
        '<p><strong>PORT ELLEN —</strong> The <a href="https://example.com/ferry">ferry</a> sailed again on Monday after three days in harbour.</p>',
      ),
    );
    expect(article?.dateline?.place).toBe('PORT ELLEN');
    const lead = article?.body[0];
    expect(lead?.type).toBe('paragraph');
    if (lead?.type !== 'paragraph') return;
    expect(lead.text).toBe('The ferry sailed again on Monday after three days in harbour.');
    expect(lead.content?.[0]).toEqual({ type: 'text', value: 'The ' });
    expect(lead.content?.[1]).toMatchObject({ type: 'link', url: 'https://example.com/ferry' });
  });

  it('leaves a paragraph that is only a dateline, and prose that only starts with capitals', () => {
    const only = parseHtml(page('<p>PORT ELLEN —</p>')).article;
    expect(only?.dateline).toBeUndefined();
    const prose = parseHtml(
      page('<p>NASA said on Monday that the ferry would carry its instruments to the island.</p>'),
    ).article;
    expect(prose?.dateline).toBeUndefined();
    expect(prose?.body[0]).toMatchObject({ text: expect.stringMatching(/^NASA said/) });
  });

  it('prefers the JSON-LD dateline and then leaves the paragraph whole', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Ferry sails again',
      dateline: 'Port Ellen',
    })}</script>`;
    const { article } = parseHtml(
      page('<p>PORT ELLEN — The ferry sailed again on Monday after three days in harbour.</p>', ld),
    );
    expect(article?.dateline).toEqual({ text: 'Port Ellen' });
    expect(article?.body[0]).toMatchObject({ text: expect.stringMatching(/^PORT ELLEN — /) });
  });
});
