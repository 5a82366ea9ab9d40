import { describe, expect, it } from 'vitest';
import { buildTree } from '../../src/html/build-tree.js';
import { findDeck } from '../../src/html/find-deck.js';
import { parseHtml, readHtml } from '../../src/html/parse-html.js';
import { segment } from '../../src/html/segment.js';
import { unitModel } from '../../src/html/unit-model.js';
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

describe('parseHtml: what stands between the headline and the deck, and above the headline', () => {
  const notice =
    'You are reading a free article. Subscribe to the Coastline Post newsletter for member briefings, early access to our investigations, the weekly ferry timetable and offers from our partners, and sign in to manage your subscription and newsletter settings.';

  it('reads an <h2> sentence as the deck past a long block the model left out, not past one it kept', () => {
    // The box in the header, the deck at the top of the story's block (not in the headline's).
    const html = page(
      `<aside class="newsletter-signup"><p>${notice}</p></aside>`,
      '',
      `<h2 class="article-heading-2">${deckText}</h2>`,
    );
    const units = segment(buildTree(html).root);
    const at = (text: string) => units.findIndex((unit) => unit.text.startsWith(text));
    const [headline, box, deck] = [at('Ferry sails again'), at('You are reading'), at(deckText)];
    const story = units.flatMap((unit, index) =>
      index > deck && unit.kind === 'paragraph' && unit.text.length > 100 ? [index] : [],
    );
    expect(notice.length).toBeGreaterThan(200);
    expect(findDeck(units, [deck, ...story], headline, undefined)).toBe(deck);
    expect(findDeck(units, [box, deck, ...story], headline, undefined)).toBeUndefined();
  });

  it('leaves out what the model kept above the headline when the story follows the headline', () => {
    const moved = "We're no longer updating this page. Our latest local news is on the new site.";
    // A paragraph of story length (150 characters or more) under the headline.
    const long = `${story1} ${story2}`;
    const html = page('', '', `<p>${long}</p>`).replace(
      '<article>',
      `<div class="notice"><p>${moved}</p><p>For the harbour timetable and the ferry news of the week, please visit the Coastline Post's new website.</p></div><article>`,
    );
    const { article } = parseHtml(html);
    expect(article?.headline).toBe('Ferry sails again');
    expect(article?.body[0]).toMatchObject({ type: 'paragraph', text: long });
    expect(article?.body.some((block) => 'text' in block && block.text === moved)).toBe(false);
  });

  it('keeps what stands above the headline when no paragraph of story length follows it', () => {
    const above =
      'The harbour master opened the ramps at dawn after the storm had passed over the island.';
    const html = page('').replace(
      '<article>',
      `<div class="story-lead"><p>${above}</p></div><article>`,
    );
    const reading = readHtml(html, {}, unitModel);
    const index = reading.units.findIndex((unit) => unit.text === above);
    // Whatever the model decides for it, the rule does not remove it.
    expect(reading.kept.includes(index)).toBe(
      (reading.probabilities[index] ?? 0) >= unitModel.threshold,
    );
  });
});
