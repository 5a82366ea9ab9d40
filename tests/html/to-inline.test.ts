import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HtmlElement, HtmlNode, HtmlText } from '../../src/html/build-tree.js';
import { buildTree } from '../../src/html/build-tree.js';
import { toInline } from '../../src/html/to-inline.js';

const text = (value: string): HtmlText => ({ type: 'text', value, start: 0, end: value.length });
const context = { base: undefined };

describe('toInline: a paragraph of text nodes alone', () => {
  it('collapses white space across the texts as the whole inline reading does', () => {
    expect(toInline([text('  Ana '), text(' Ruiz\u00ad  \n'), text(' ')], context)).toEqual([
      { type: 'text', value: 'Ana ' },
      { type: 'text', value: 'Ruiz' },
    ]);
    expect(toInline([text(' '), text('\u00a0\t')], context)).toEqual([]);
    expect(toInline([], context)).toEqual([]);
  });

  it('reads texts alone as it reads them beside an element that adds nothing', () => {
    // An empty <span> sends the same texts through the reading of marks, links and breaks.
    const span = buildTree('<span></span>').root.children[0] as HtmlElement;
    const piece = fc.constantFrom(
      'a',
      'Ab',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u200b',
      '\u00ad',
      'x y',
      '',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 5 }).map((parts) => parts.join('')),
          { maxLength: 6 },
        ),
        (values) => {
          const nodes = values.map(text);
          const plain = toInline(
            nodes.map((node) => ({ ...node })),
            context,
          );
          const mixed: HtmlNode[] = [...nodes.map((node) => ({ ...node })), span];
          expect(plain).toEqual(toInline(mixed, context));
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });
});
