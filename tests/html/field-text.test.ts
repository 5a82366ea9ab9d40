import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTree } from '../../src/html/build-tree.js';
import { fieldText, fieldTextOf } from '../../src/html/field-text.js';
import { readHtml } from '../../src/html/parse-html.js';
import { segment } from '../../src/html/segment.js';
import { textOf } from '../../src/html/tree-text.js';
import { unitModel } from '../../src/html/unit-model.js';

/** The first element of that name in an invented fragment. */
function element(html: string, name: string) {
  const { root } = buildTree(`<!doctype html><html><body>${html}</body></html>`);
  const stack = [root];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.name === name) return current;
    for (const child of current.children) if (child.type === 'element') stack.push(child);
  }
  throw new Error(`no <${name}>`);
}

describe('fieldTextOf', () => {
  it('puts a space between two elements that touch', () => {
    const time = element('<p><span>14.03.21</span><span>09:15</span></p>', 'p');
    expect(textOf(time)).toBe('14.03.2109:15');
    expect(fieldTextOf([time])).toBe('14.03.21 09:15');
  });

  it('puts a space where a hidden separator stood', () => {
    const heading = element(
      '<h1><span>Harbour vote</span><span aria-hidden="true"> – </span><span>Night ferries approved</span></h1>',
      'h1',
    );
    expect(fieldTextOf([heading])).toBe('Harbour vote Night ferries approved');
  });

  it('leaves text and inline elements inside a word as they are', () => {
    const line = element('<p>Re<b>vised</b> on <em>Tuesday</em>, at noon</p>', 'p');
    expect(fieldTextOf([line])).toBe('Revised on Tuesday, at noon');
  });

  it('reads any depth without recursion', () => {
    const deep = `${'<span>'.repeat(50_000)}x${'</span>'.repeat(50_000)}`;
    const line = element(`<p>${deep}<span>y</span></p>`, 'p');
    expect(fieldTextOf([line])).toBe('x y');
  });
});

/** An invented page: a headline block, then the story. */
function page(top: string): string {
  const story = Array.from(
    { length: 5 },
    (_, index) =>
      `<p>The harbour board voted on Tuesday to run the ferry after midnight. Paragraph ${index + 1} says how the vote went and what the neighbours think.</p>`,
  ).join('\n');
  return `<!doctype html><html lang="en"><head><title>Ferries</title></head><body><main><article>
${top}
${story}
</article></main></body></html>`;
}

describe('readHtml: field candidates read across touching elements', () => {
  it('reads a date and its time printed in two spans as that date', () => {
    const reading = readHtml(
      page(
        '<h1>Night ferries approved</h1><div class="info"><span>14.03.21</span><span>09:15</span></div>',
      ),
      {},
      unitModel,
    );
    const days = reading.dates.candidates.map((candidate) => candidate.value.value.slice(0, 10));
    expect(days).toContain('2021-03-14');
    expect(days).not.toContain('2109-03-14');
    expect(days.some((day) => day.startsWith('21'))).toBe(false);
  });

  it('reads two <time> elements glued to a byline intro apart', () => {
    const reading = readHtml(
      page(
        '<h1>Night ferries approved</h1><p><time>10. Februar 2021</time><time>9. Februar 2021</time> von Heiko</p>',
      ),
      {},
      unitModel,
    );
    const names = reading.bylines.candidates.flatMap((candidate) =>
      (candidate.value?.contributors ?? []).map((contributor) => contributor.name),
    );
    expect(names).toContain('Heiko');
  });

  it('offers a heading without its kicker and without its subtitle', () => {
    const reading = readHtml(
      page(
        '<h1><span class="top">Harbour vote</span><span aria-hidden="true">: </span><span>Night ferries approved by the board</span></h1>' +
          '<h2><a href="/x"><span class="label">Notes</span>Ferry timetable for the winter months</a></h2>' +
          '<h3><span>The board votes for night ferries</span><small>Neighbours are split on the plan</small></h3>',
      ),
      {},
      unitModel,
    );
    const values = reading.headlines.candidates.map((candidate) => candidate.value);
    expect(values).toContain('Harbour vote Night ferries approved by the board');
    expect(values).toContain('Night ferries approved by the board');
    expect(values).toContain('Ferry timetable for the winter months');
    expect(values).toContain('The board votes for night ferries');
  });
});

describe('fieldTextOf with blocks: dot', () => {
  it('keeps a name and the job title printed in a block of its own apart', () => {
    const box = element(
      '<div class="author"><a href="/author/ana-ruiz">Ana Ruiz</a><div class="author-title">Games Editor</div></div>',
      'div',
    );
    expect(fieldTextOf([box], { blocks: 'dot' })).toBe('Ana Ruiz · Games Editor');
    expect(fieldTextOf([box])).toBe('Ana Ruiz Games Editor');
  });

  it('reads such an author box as the name with its job title', () => {
    const reading = readHtml(
      page(
        '<h1>Night ferries approved</h1><div class="author"><a href="/author/ana-ruiz">Ana Ruiz</a><div class="author-title">Harbour Editor</div></div>',
      ),
      {},
      unitModel,
    );
    const people = reading.bylines.candidates.flatMap(
      (candidate) => candidate.value?.contributors ?? [],
    );
    expect(people).toContainEqual(
      expect.objectContaining({ name: 'Ana Ruiz', jobTitle: 'Harbour Editor' }),
    );
  });
});

describe('readHtml: heading parts', () => {
  it('does not take words emphasized inside the headline for a kicker', () => {
    const reading = readHtml(
      page('<h1><span><i>Night Ferries</i>: a harbour town stays awake</span></h1>'),
      {},
      unitModel,
    );
    const values = reading.headlines.candidates.map((candidate) => candidate.value);
    expect(values).toContain('Night Ferries: a harbour town stays awake');
    expect(values).not.toContain('a harbour town stays awake');
  });
});

describe('units of text alone: read without walking their nodes', () => {
  // Texts of the characters collapsing treats apart: spaces, tabs, line breaks, no-break and
  // zero-width spaces, soft hyphens; inside a unit element (its text measured without the
  // walk) or a run of inline text in a container.
  const texts = fc
    .array(
      fc.constantFrom('a', 'B', 'é', ',', ' ', '  ', '\t', '\n', '\u00a0', '\u200b', '\u00ad'),
      {
        maxLength: 12,
      },
    )
    .map((parts) => parts.join(''));
  const unitsOf = (html: string) => segment(buildTree(`<h1>Night Ferries</h1>${html}`).root);

  it('gives a unit the text and field text the general walk gives', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('p', 'h2', 'pre', 'blockquote', 'div'), (text, tag) => {
        // An empty <span> beside the text takes the general path and adds nothing.
        const alone = unitsOf(`<${tag}>${text}</${tag}>`);
        const walked = unitsOf(`<${tag}>${text}<span></span></${tag}>`);
        expect(alone.map((unit) => unit.text)).toEqual(walked.map((unit) => unit.text));
        expect(alone.map((unit) => unit.linkChars)).toEqual(walked.map((unit) => unit.linkChars));
        for (const unit of alone)
          expect(fieldText(unit, false)).toBe(fieldTextOf(unit.nodes ?? [unit.element]));
        // Touching elements, which the field text reads apart: the general path.
        const touching = unitsOf(`<${tag}>${text}<b>Ab</b><i>c</i></${tag}>`);
        for (const unit of [...walked, ...touching])
          expect(fieldText(unit, false)).toBe(fieldTextOf(unit.nodes ?? [unit.element]));
      }),
      { seed: 15, numRuns: 1000 },
    );
  });
});
