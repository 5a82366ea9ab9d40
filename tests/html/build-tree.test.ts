import fc from 'fast-check';
import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { buildTree, type HtmlElement, type HtmlNode } from '../../src/html/build-tree.js';

/** Every text (joined) and every element's attributes, as htmlparser2 decodes them itself. */
function decodedByTokenizer(html: string) {
  const texts: string[] = [];
  const attributes: string[][] = [];
  let current: string[] = [];
  let names = new Set<string>();
  let name = '';
  let value = '';
  const tokenizer = new Tokenizer(
    { decodeEntities: true, xmlMode: false },
    {
      ontext: (start, end) => texts.push(html.slice(start, end)),
      ontextentity: (code) => texts.push(String.fromCodePoint(code)),
      onopentagname: () => {
        current = [];
        names = new Set();
        attributes.push(current);
      },
      onattribname: (start, end) => {
        name = html.slice(start, end).toLowerCase();
        value = '';
      },
      onattribdata: (start, end) => {
        value += html.slice(start, end);
      },
      onattribentity: (code) => {
        value += String.fromCodePoint(code);
      },
      onattribend: () => {
        if (!names.has(name)) current.push(`${name}=${value}`);
        names.add(name);
      },
      onopentagend: () => {},
      onselfclosingtag: () => {},
      onclosetag: () => {},
      oncomment: () => {},
      oncdata: () => {},
      ondeclaration: () => {},
      onprocessinginstruction: () => {},
      onend: () => {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return { text: texts.join(''), attributes: attributes.filter((list) => list.length > 0) };
}

/** The same from buildTree's tree, in source order. */
function decodedByTree(html: string) {
  const texts: Array<{ start: number; value: string }> = [];
  const elements: HtmlElement[] = [];
  const stack: HtmlNode[] = [buildTree(html).root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      texts.push(node);
      continue;
    }
    if (node.name !== '#root') elements.push(node);
    for (const child of node.children) stack.push(child);
  }
  texts.sort((a, b) => a.start - b.start);
  elements.sort((a, b) => a.start - b.start);
  return {
    text: texts.map((text) => text.value).join(''),
    attributes: elements
      .map((element) =>
        Object.entries(element.attributes).map(([name, value]) => `${name}=${value}`),
      )
      .filter((list) => list.length > 0),
  };
}

const pieces = [
  'Night ferries ',
  ' ',
  '&amp;',
  '&amp',
  '&ampx',
  '&amp=',
  '&#38;',
  '&#x26',
  '&#150;',
  '&#x26;',
  '&#39;',
  '&#0;',
  '&#xD800;',
  '&#1114112;',
  '&#x1F600;',
  '&lt;',
  '&quot;',
  '&nbsp;',
  '&nbsp',
  '&#;',
  '&#x;',
  '&amp;amp;',
  '&notit;',
  '&copy2026',
  '&rsquo;',
  '&nosuch;',
  '&',
  '<',
  '>',
  '< b',
  '<b>',
  '</b>',
  '<p>',
  '</p>',
  '<a href="/x?a=1&amp;b=2&copy=3">',
  "<a title='Don&#8217;t &amp more'>",
  '<a href=/x?a&amp;b=1>',
  '<img alt="AT&T &lt;3">',
  '</a>',
  '"',
  "'",
  '=',
  '<title>',
  '</title>',
  '<textarea>',
  '</textarea>',
  '<script>',
  '</script>',
  '<style>',
  '</style>',
  '<!-- &amp; -->',
  '<br/>',
];

describe('buildTree: character references', () => {
  it('decodes text and attribute values exactly as htmlparser2 does with decoding on', () => {
    const page =
      '<title>Tom &amp; Jerry &lt;b&gt;</title><p class="a&amp;b">Don&#8217;t &copy2026 <b>x&ampy</b></p><script>if (a &amp;&amp; b) {}</script><textarea>&lt;p&gt;</textarea>';
    expect(decodedByTree(page)).toEqual(decodedByTokenizer(page));
    expect(decodedByTree(page).text).toContain('Tom & Jerry <b>');
    expect(decodedByTree(page).text).toContain('a &amp;&amp; b');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const html = parts.join('');
        expect(decodedByTree(html)).toEqual(decodedByTokenizer(html));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('starts a text that opens with a reference at its `&`', () => {
    const html = '<p>&amp; more</p>';
    const paragraph = buildTree(html).root.children[0] as HtmlElement;
    expect(paragraph.children[0]).toMatchObject({ type: 'text', value: '& more', start: 3 });
  });
});
