import { characterEntities } from 'character-entities';
import fc from 'fast-check';
import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { buildTree, type HtmlElement, type HtmlNode } from '../../src/html/build-tree.js';
import { tokenize } from '../../src/html/tokenize.js';

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
  '&Bopf;',
  '&Bopf',
  '&nvlt;',
  '&fjlig;',
  '&NonBreakingSpace;',
  '&notin;',
  '&not',
  '&frac12x',
  '&GT',
  '&',
  '<&amp;',
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

  it('decodes every name of the HTML standard as htmlparser2 does, in text, attributes and titles', () => {
    const names = Object.keys(characterEntities);
    expect(names.length).toBeGreaterThan(2000);
    for (const name of names) {
      for (const html of [
        `<p>a&${name};b &${name}x &${name}</p>`,
        `<a title="&${name};|&${name}|&${name}=|&${name}x">`,
        `<title>&${name}; &${name}x</title>`,
      ]) {
        expect(decodedByTree(html), html).toEqual(decodedByTokenizer(html));
      }
    }
  });

  it('decodes a title or textarea as htmlparser2 does while it looks for the end tag', () => {
    const inside = [...pieces.filter((piece) => !piece.includes('<')), '<', '</', '</t', '</T'];
    for (const name of ['title', 'textarea']) {
      const partial = [...`</${name}`].map((_, end) => `</${name}`.slice(0, end + 1));
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...inside, ...partial, `</${name.toUpperCase()}`), {
            maxLength: 16,
          }),
          (parts) => {
            const html = `<${name}>${parts.join('')}</${name}>`;
            expect(decodedByTree(html), html).toEqual(decodedByTokenizer(html));
          },
        ),
        { seed: 7, numRuns: 1500 },
      );
    }
  });

  it('starts a text that opens with a reference at its `&`', () => {
    const html = '<p>&amp; more</p>';
    const paragraph = buildTree(html).root.children[0] as HtmlElement;
    expect(paragraph.children[0]).toMatchObject({ type: 'text', value: '& more', start: 3 });
  });
});

/**
 * Every callback of htmlparser2's tokenizer (decoding off) or of nutgraf's port of it on
 * `html`, in order, with its arguments. Whether a start tag is in foreign content is asked
 * too, and answered by how many events came before (so both are asked at the same points and
 * both read `<script>` in and out of foreign content).
 */
function tokenEvents(html: string, ours: boolean): string[] {
  const events: string[] = [];
  const record =
    (name: string) =>
    (...values: unknown[]) => {
      events.push(`${name}(${values.join(',')})`);
    };
  const callbacks = {
    ontext: record('text'),
    ontextentity: record('textentity'),
    onopentagname: record('opentagname'),
    onattribname: record('attribname'),
    onattribdata: record('attribdata'),
    onattribentity: record('attribentity'),
    onattribend: record('attribend'),
    onopentagend: record('opentagend'),
    onselfclosingtag: record('selfclosingtag'),
    onclosetag: record('closetag'),
    oncomment: record('comment'),
    oncdata: record('cdata'),
    ondeclaration: record('declaration'),
    onprocessinginstruction: record('processinginstruction'),
    onend: record('end'),
    isInForeignContext: () => {
      events.push('foreign?');
      return events.length % 7 === 3;
    },
  };
  if (ours) tokenize(html, callbacks);
  else {
    const tokenizer = new Tokenizer({ decodeEntities: false, xmlMode: false }, callbacks);
    tokenizer.write(html);
    tokenizer.end();
  }
  return events;
}

describe("tokenize: the port of htmlparser2's tokenizer", () => {
  it('gives the events htmlparser2 gives, token soup of every kind', () => {
    const tokens = [
      '<p class="a b">',
      "<a href='x'>",
      '<img src=x alt=y>',
      '</p>',
      '</a>',
      'text ',
      '<!-- note -->',
      '<!--',
      '-->',
      '--!>',
      '<!-->',
      '<!--->',
      '<![CDATA[x]]>',
      ']]>',
      '<![CDAT',
      '<?php x ?>',
      '<!DOCTYPE html>',
      '<!doc',
      '<!x>',
      '<!>',
      '<!-x>',
      '<script>',
      '</script>',
      '</script ',
      '</scripts>',
      '<style>',
      '</style>',
      '<title>',
      '</title>',
      '<textarea>',
      '</textarea>',
      '<iframe>',
      '</iframe>',
      '<noembed>',
      '</noframes>',
      '<xmp>',
      '<plaintext>',
      'if (a < b) {}',
      'T &amp; <b>',
      '<svg>',
      '<path d="M0"/>',
      '"',
      "'",
      '<',
      '>',
      '<p',
      '</',
      '</ x>',
      '</>',
      ' x="',
      "x='",
      '<DiV\tdata-X=1\n/>',
      '</dIv\r\n>',
      '<a=b c==d e\f/f>',
      ' y',
      '=',
      '/',
      '-',
      ']',
      '!',
      '?',
      '\u00a0',
      '\u000b',
      '\u001c',
      '<s',
      '<t',
      '<STYLE',
      '<Title/>',
      '<script/>',
      '< p>',
      '<1>',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 24 }), (parts) => {
        const html = parts.join('');
        expect(tokenEvents(html, true)).toEqual(tokenEvents(html, false));
      }),
      { seed: 7, numRuns: 5000 },
    );
  });

  it('gives the events htmlparser2 gives on any string of its special characters', () => {
    const characters = fc.constantFrom(...'<>/!?-[]"\'= \t\nabcdstxCDATA&\u001c'.split(''));
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 40 }), (list) => {
        const html = list.join('');
        expect(tokenEvents(html, true)).toEqual(tokenEvents(html, false));
      }),
      { seed: 11, numRuns: 5000 },
    );
  });
});

describe('buildTree: names', () => {
  it('lower-cases tag and attribute names, the same name object for each writing', () => {
    const root = buildTree('<DIV Class="a"><div CLASS="b"><dIv cLaSs="c"></dIv></div></DIV>').root;
    const outer = root.children[0] as HtmlElement;
    const middle = outer.children[0] as HtmlElement;
    const inner = middle.children[0] as HtmlElement;
    expect([outer.name, middle.name, inner.name]).toEqual(['div', 'div', 'div']);
    expect([outer.attributes.class, middle.attributes.class, inner.attributes.class]).toEqual([
      'a',
      'b',
      'c',
    ]);
    // Non-ASCII names are lower-cased by Unicode's rules, long ones as written.
    const other = buildTree(`<X-ÄB data-ÄÖ="1"><${'Q'.repeat(40)}>`).root;
    expect((other.children[0] as HtmlElement).name).toBe('x-äb');
    expect((other.children[0] as HtmlElement).attributes['data-äö']).toBe('1');
    expect(((other.children[0] as HtmlElement).children[0] as HtmlElement).name).toBe(
      'q'.repeat(40),
    );
  });
});
