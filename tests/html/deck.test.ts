import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/html/parse-html.js';
import { toJsonLd } from '../../src/jsonld/to-json-ld.js';
import { toMarkdown } from '../../src/markdown/to-markdown.js';

const deckText = 'The island ferry is back after a three-day storm, and the queue is long.';
const story1 =
  'Crews checked the ramps and the mooring lines overnight, and the harbour master said the swell had eased enough for the first sailing at seven.';
const story2 =
  'Passengers who had waited since Friday filled the car deck within twenty minutes, the operator said in a statement on Monday evening.';

/** An invented story; `top` is what stands between the headline and the story's paragraphs. */
function page(top: string, description = '', lead = ''): string {
  const meta = description ? `<meta name="description" content="${description}">` : '';
  return `<!doctype html><html lang="en"><head><title>Ferry sails again | Coastline Post</title>${meta}</head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><header><h1>Ferry sails again</h1>${top}</header>
<div class="story-body">${lead}
<p>${story1}</p>
<p>${story2}</p>
<p>The operator expects the timetable to be back to normal by Wednesday, weather permitting, and has added two sailings.</p>
</div></article><footer>© 2026 Coastline Post</footer></body></html>`;
}

describe('parseHtml: the deck under the headline', () => {
  it('reads a <p class="dek"> as the alternative headline, not the body', () => {
    const { article } = parseHtml(page(`<p class="article-dek">${deckText}</p>`));
    expect(article?.alternativeHeadline).toBe(deckText);
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: story1 });
    expect(toJsonLd(article!)).toMatchObject({ alternativeHeadline: deckText });
    expect(toMarkdown(article!)).toContain(`alternativeHeadline: ${deckText}`);
  });

  it('reads an <h2> under the h1 that is the page description as the deck', () => {
    const { article } = parseHtml(page(`<h2>${deckText}</h2>`, deckText));
    expect(article?.alternativeHeadline).toBe(deckText);
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: story1 });
  });

  it('keeps a first paragraph that the description copies in the body', () => {
    const lede =
      'The island ferry sailed again on Monday after three days in harbour, the operator said.';
    const { article } = parseHtml(page('', lede, `<p>${lede}</p>`));
    expect(article?.alternativeHeadline).toBeUndefined();
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: lede });
  });

  it("keeps a printed deck in the body when the JSON-LD's alternativeHeadline says something else", () => {
    const ld = (alternative: string) =>
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry sails again","alternativeHeadline":"${alternative}"}</script>`;
    const other = parseHtml(
      page(`<p class="article-dek">${deckText}</p>`).replace(
        '</head>',
        `${ld('A different summary line.')}</head>`,
      ),
    ).article;
    expect(other?.alternativeHeadline).toBe('A different summary line.');
    expect(other?.body[0]).toMatchObject({ type: 'paragraph', text: deckText });
    const same = parseHtml(
      page(`<p class="article-dek">${deckText}</p>`).replace('</head>', `${ld(deckText)}</head>`),
    ).article;
    expect(same?.alternativeHeadline).toBe(deckText);
    expect(same?.body[0]).toMatchObject({ type: 'paragraph', text: story1 });
  });

  it('keeps a short first paragraph without a deck class or the description', () => {
    const { article } = parseHtml(page('', '', `<p>${deckText}</p>`));
    expect(article?.alternativeHeadline).toBeUndefined();
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: deckText });
  });

  it('reads a sentence set as an <h2> right under the h1 as the deck, without class or description', () => {
    const { article } = parseHtml(page(`<h2 class="article-heading-2">${deckText}</h2>`));
    expect(article?.alternativeHeadline).toBe(deckText);
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: story1 });
  });

  it("reads a paragraph in the headline's own block (holding the h1, not the story) as the deck", () => {
    const { article } = parseHtml(page(`<p>${deckText}</p>`));
    expect(article?.alternativeHeadline).toBe(deckText);
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: story1 });
  });

  it('keeps a section heading that opens the story, below the headline block, in the body', () => {
    const heading = 'How the crossing was restored';
    const { article } = parseHtml(page('', '', `<h2>${heading}</h2>`));
    expect(article?.alternativeHeadline).toBeUndefined();
    expect(article?.body[0]).toMatchObject({ type: 'heading', text: heading });
  });
});
