import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/html/index.js';
import { articleSchema } from '../../src/schema/index.js';

/** Parse and check the result is well-formed: a valid article when there is one, diagnostics as data. */
function parsesCleanly(input: string | Uint8Array) {
  const result = parseHtml(input);
  if (result.article) expect(articleSchema.safeParse(result.article).success).toBe(true);
  expect(JSON.parse(JSON.stringify(result.diagnostics))).toEqual(result.diagnostics);
  return result;
}

const story =
  '<h1>Dock strike ends</h1><p>The dock workers voted to return on Monday after a week of talks, the union said.</p>';

describe('parseHtml on hostile HTML: no throw, no hang, a clear diagnostic', () => {
  it('reads a page nested 100,000 elements deep, reporting the depth', () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}${story}</body></html>`;
    const result = parsesCleanly(html);
    expect(result.article?.headline).toBe('Dock strike ends');
    const deep = result.diagnostics.find(
      (diagnostic) => diagnostic.ruleId === 'html-nesting-too-deep',
    );
    expect(deep).toMatchObject({ severity: 'warning', place: { start: { line: 1 } } });
  });

  it('reads 100,000 nested inline elements and 50,000 stray end tags', () => {
    const result = parsesCleanly(
      `<h1>Dock strike ends</h1><p>${'<b>'.repeat(100_000)}The vote was close.${'</span>'.repeat(50_000)}</p>`,
    );
    expect(result.article?.headline).toBe('Dock strike ends');
  });

  it('reads 150,000 tiny paragraphs, more kept units than a call takes arguments', () => {
    // (`Math.max(...kept)` overflowed the stack here.)
    const result = parsesCleanly(`<h1>Dock strike ends</h1>${'<p>Ab</p>'.repeat(150_000)}`);
    expect(result.article?.body).toHaveLength(150_000);
  });

  it('reads unclosed and misnested tags', () => {
    const result = parsesCleanly(
      '<h1>Dock strike ends</h2><p>The <b>dock <i>workers</b> voted</i> to return on Monday after a week of talks.<p>Talks <em>resume<div>next</em> week.</div><table><tr><td>unclosed',
    );
    expect(result.article?.headline).toBe('Dock strike ends');
    expect(JSON.stringify(result.article?.body)).toContain(
      'The dock workers voted to return on Monday',
    );
  });

  it('reads a megabyte attribute', () => {
    const result = parsesCleanly(
      `<h1 title="${'x'.repeat(1_000_000)}">Dock strike ends</h1><p data-x="${'"'.repeat(0)}${'y'.repeat(1_000_000)}">The dock workers voted to return.</p>`,
    );
    expect(result.article?.headline).toBe('Dock strike ends');
  });

  it('reads a megabyte <title> of 80,000 parts beside headings with kickers', () => {
    // Titles are split at their separators and compared part by part: once quadratic.
    const title = Array.from({ length: 80_000 }, (_, index) => `part ${index}`).join(' | ');
    const headings = Array.from(
      { length: 40 },
      (_, index) =>
        `<h2><span class="kicker">Kicker ${index}</span> Heading ${index} of the page</h2>`,
    ).join('');
    const result = parsesCleanly(
      `<html><head><title>${title}</title><meta property="og:title" content="${title}"><meta property="og:site_name" content="part 3"></head><body>${headings}${story}</body></html>`,
    );
    expect(result.article?.headline).toBeTypeOf('string');
  });

  it('reads a page with thousands of scripts, never running them', () => {
    const scripts =
      '<script>throw new Error("ran")</script><script type="application/ld+json">{"@type":"Thing"}</script>'.repeat(
        2_000,
      );
    const result = parsesCleanly(`<html><head>${scripts}</head><body>${story}</body></html>`);
    expect(result.article?.headline).toBe('Dock strike ends');
    expect(JSON.stringify(result.article)).not.toContain('ran');
  });

  it('reads broken entities as text', () => {
    const result = parsesCleanly(
      '<h1>Dock &amp strike &#xZZ; ends &notanentity; &#1114112; &#0;</h1><p>Tom &amp; Jerry &lt;3 the &copy docks.</p>',
    );
    expect(result.article?.headline).toContain('Dock & strike');
    expect(result.article?.body[0]).toMatchObject({ text: 'Tom & Jerry <3 the © docks.' });
  });

  it('reads a page whose declared charset is wrong', () => {
    const bytes = new TextEncoder().encode(
      `<meta charset="windows-1252">${story.replace('Monday', 'Montag über')}`,
    );
    const result = parsesCleanly(bytes);
    expect(JSON.stringify(result.article?.body)).toContain('Montag über');
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('charset-mismatch');
  });

  it('reads an unknown declared charset', () => {
    const result = parsesCleanly(new TextEncoder().encode(`<meta charset="klingon-8">${story}`));
    expect(result.diagnostics.find((d) => d.ruleId === 'charset-mismatch')?.message).toMatch(
      /klingon-8/,
    );
  });

  it('never throws and returns a valid article on arbitrary markup', () => {
    const tag = fc.constantFrom(
      'p',
      'div',
      'h1',
      'h2',
      'ul',
      'li',
      'a',
      'b',
      'table',
      'td',
      'tr',
      'figure',
      'img',
      'blockquote',
      'script',
      'pre',
      'br',
      'iframe',
      'nav',
      'svg',
      'title',
      'meta',
      'time',
    );
    const piece = fc.oneof(
      tag.map((name) => `<${name}>`),
      tag.map((name) => `</${name}>`),
      fc.constantFrom(
        '&amp;',
        '&',
        '&#x41;',
        '<!--',
        '-->',
        '<![CDATA[',
        ']]>',
        '"',
        "'",
        '<',
        '>',
        ' href="x"',
        ' class="byline"',
      ),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        'By Ana Ruiz',
        'March 3, 2024',
        'The board voted on Tuesday to approve the plan.',
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        parsesCleanly(pieces.join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        parsesCleanly(bytes);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseHtml on names from Object.prototype', () => {
  // `<constructor>` found `Object.prototype.constructor` in the tables of unit elements and
  // inline marks: a block of text in it was lost, and an inline one gave a mark without a type.
  const names = Object.getOwnPropertyNames(Object.prototype);

  it('reads an element, attribute or meta named after one as any unknown name (property)', () => {
    const sentence = fc.constantFrom(
      'The board voted on Tuesday to run ferries at night, said the chair.',
      'The ferries will run from the pier every hour until two in the morning.',
      'Tickets cost the same as in the day.',
    );
    const part = fc.record({
      block: fc.boolean(),
      before: sentence,
      inside: sentence,
      after: sentence,
    });
    type Part = { block: boolean; before: string; inside: string; after: string };
    const page = (tag: string, key: string, parts: ReadonlyArray<Part>) =>
      `<html><head><title>Night Ferries</title><meta name="${key}" content="x"><meta property="${key}" content="y"></head><body><article ${key}="1"><h1>Night Ferries</h1><p>By Ana Ruiz</p>${parts
        .map(({ block, before, inside, after }) =>
          block
            ? `<p>${before}</p><${tag}>${inside}</${tag}><p ${key}="2">${after}</p>`
            : `<p>${before} <${tag} class="${key}" ${key}="3">${inside}</${tag}> ${after}</p>`,
        )
        .join('')}</article></body></html>`;
    // A tag name starts with a letter (`<__proto__>` is text in HTML, not an element).
    const tagNames = names.filter((name) => /^[a-z]/i.test(name));
    fc.assert(
      fc.property(
        fc.constantFrom(...tagNames),
        fc.constantFrom(...names),
        fc.array(part, { minLength: 1, maxLength: 4 }),
        (tag, key, parts) => {
          const result = parsesCleanly(page(tag, key, parts));
          expect(result.article).toEqual(parseHtml(page('custom', 'custom', parts)).article);
          expect(result.article?.body.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps the text of a <constructor> element, as a block and inline', () => {
    const { article } = parsesCleanly(
      `<article><h1>Night Ferries</h1><p>The board voted on Tuesday to run ferries at night.</p><constructor>The ferries will run every hour until two in the morning.</constructor><p>Before <constructor>middle</constructor> after, the chair said on Tuesday.</p></article>`,
    );
    expect(article?.body.map((block) => ('text' in block ? block.text : block.type))).toEqual([
      'The board voted on Tuesday to run ferries at night.',
      'The ferries will run every hour until two in the morning.',
      'Before middle after, the chair said on Tuesday.',
    ]);
  });
});
