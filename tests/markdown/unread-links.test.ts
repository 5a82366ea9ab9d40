import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLiteralLinks } from '../../src/markdown/find-literal-links.js';
import { articleFromTree } from '../../src/markdown/parse-markdown.js';
import { parseTree } from '../../src/markdown/parse-tree.js';

// parseMarkdown leaves GFM literal links in their text nodes (parseTree's `unread` links) and
// reads them as it reads the text, instead of splitting the text nodes into link nodes first:
// what it gives must be what it gave from the split tree, diagnostics and places included.

/** More runs on demand: `NUTGRAF_FC_RUNS=100000 npx vitest run tests/markdown/unread-links.test.ts`. */
const runs = Number(process.env.NUTGRAF_FC_RUNS ?? 1000);

function both(text: string) {
  return {
    unread: articleFromTree(parseTree(text, 'unread'), text, {}),
    nodes: articleFromTree(parseTree(text, 'nodes'), text, {}),
  };
}

/** Pieces of Markdown around literal links: the syntax each reader of the split tree looks at. */
const pieces = [
  'www.a.b',
  'www.a.b/(c)',
  'https://x.y/z',
  'http://x.y',
  'a@b.co',
  'mailto:a@b.c',
  'xmpp:a@b.c/d',
  'www.',
  '@',
  ' ',
  '  ',
  '\n',
  '\n   ',
  '\r\n',
  '\t',
  '.',
  '. ',
  ',',
  ';',
  ':',
  '\\_',
  '\\*',
  '&amp;',
  '&nbsp;',
  '&#x20;',
  '&#119;',
  '\u00a0',
  '\u2003',
  '\f',
  '*',
  '**',
  '_',
  '~~',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '[t](http://u)',
  '[www.a.b](http://u)',
  '[x]',
  '![i](p.jpg)',
  '<b>',
  '<br>',
  '{{<',
  '{{< figure src="x.jpg" >}}',
  '[caption id="c"]',
  '[/caption]',
  '\n\n',
  '# ',
  '> ',
  '- ',
  '1. ',
  '    ',
  '| a | b |\n|---|---|\n| c | d |\n',
  '\n\nTable: ',
  '— ',
  'By ',
  'Ana Ruiz',
  'LISBON (AP) — ',
  'word',
  'x.www.a.b/',
  'WWW.AB.CD (AP) — ',
  '<b></b>',
];

const markdown = fc
  .array(fc.constantFrom(...pieces), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('literal links read from unread text nodes', () => {
  it('have URLs that run no script (their URLs are not checked)', () => {
    const parts = [
      ...pieces,
      'javascript:',
      'JaVaScRiPt:',
      'data:',
      'vbscript:',
      'HTTP://',
      'Www.',
      'a',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 30 }), (list) => {
        for (const link of findLiteralLinks(list.join(''))) {
          expect(link.url).toMatch(/^(?:https?:\/\/|mailto:|xmpp:)/i);
        }
      }),
      { numRuns: runs },
    );
  });

  it('gives what the split tree gives, on generated Markdown', () => {
    fc.assert(
      fc.property(
        markdown,
        fc.constantFrom('# H\n\n', '---\ntitle: T\n---\n', '\n+++\ntitle = "T"\n+++\n'),
        (body, front) => {
          const { unread, nodes } = both(front + body);
          expect(unread).toEqual(nodes);
        },
      ),
      { numRuns: runs },
    );
  });

  it.each([
    // startsWrittenOut: a link after white space that jumps (a line prefix) is a dateline.
    ['# H\n\n<b></b>\n   WWW.AB.CD (AP) — The port board voted.'],
    // The same in a paragraph read again between template tags, after a frontmatter (the
    // places of the text's jumps moved twice).
    [
      '---\ntitle: T\n---\n\n{{< note >}}\n<b></b>\n   WWW.AB.CD (AP) — The port board voted.\n{{< /note >}}\n',
    ],
    // writtenWhiteSpace: a link ending the paragraph with a character reference.
    ['# H\n\nHi x.www.a.b/&nbsp;'],
    // A link's own white space before a line ending (mdastToString, toInline).
    [`# H\n\n${deepList('x.www.a.b/&nbsp;\n c')}`],
    ['# H\n\nx.www.a.b/&nbsp;\nc'],
    // tableCaption.
    ['# H\n\n| a |\n|---|\n\nTable: www.a.b here'],
    // shortcodeWrittenIn: an opening across a link's end.
    ['# H\n\nsee www.a.b/{{< figure src="x.jpg" >}}'],
    // A link nested too deep, reported in its place.
    [`# H\n\n${deepEmphasis('www.a.b')}`],
  ])('reads %j as the split tree', (text) => {
    const { unread, nodes } = both(text);
    expect(unread).toEqual(nodes);
  });
});

/** `text` in the 35th level of nested lists (its text read as lines: too deep). */
function deepList(text: string): string {
  const levels = 35;
  const items = Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}- a\n`);
  return `${items.join('')}${'  '.repeat(levels)}${text}\n`;
}

/** `text` inside 32 emphases (its links at the 33rd level: too deep). */
function deepEmphasis(text: string): string {
  const marks = Array.from({ length: 32 }, (_, level) => (level % 2 === 0 ? '*' : '_'));
  return `${marks.map((mark) => `${mark}x `).join('')}${text}${marks
    .reverse()
    .map((mark) => ` x${mark}`)
    .join('')}`;
}
