import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Link, Nodes, Root, Text } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { decodeString } from 'micromark-util-decode-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findLiteralLinks, textPassLinks } from '../../src/markdown/find-literal-links.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import { parseTree } from '../../src/markdown/parse-tree.js';

/** More runs on demand: `NUTGRAF_FC_RUNS=100000 npx vitest run tests/markdown/literal-links.test.ts`. */
const runs = Number(process.env.NUTGRAF_FC_RUNS ?? 1000);
/** Every how many corpus files to compare: `NUTGRAF_CORPUS_EVERY=1` for all of them (2 minutes). */
const every = Number(process.env.NUTGRAF_CORPUS_EVERY ?? 4);

/** unified + remark-parse + remark-frontmatter + remark-gfm: what nutgraf read before. */
const remarkGfmTree = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .freeze();

/** A tree as plain data: the root's position and `position: undefined` left out. */
function plain(tree: Root): Root {
  const copy = JSON.parse(JSON.stringify(tree)) as Root;
  delete copy.position;
  return copy;
}

/** Give `tree`'s nodes without a position the position of the node at the same place in `like`. */
function fillPositions(tree: Nodes, like: Nodes | undefined): void {
  if (!like) return;
  if (!tree.position && like.position) tree.position = like.position;
  if ('children' in tree && 'children' in like) {
    tree.children.forEach((child, index) => {
      fillPositions(child, like.children[index]);
    });
  }
}

/** The links of a tree, in order. */
function linksOf(tree: Nodes): Link[] {
  const links: Link[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'link') links.push(node);
    if ('children' in node) stack.push(...[...node.children].reverse());
  }
  return links;
}

/** Whether a link is a literal link: its URL is its text, perhaps after `http://` or `mailto:`. */
function isLiteral(link: Link): boolean {
  const text =
    link.children.length === 1 && link.children[0]?.type === 'text'
      ? link.children[0].value
      : undefined;
  return text !== undefined && [text, `http://${text}`, `mailto:${text}`].includes(link.url);
}

/**
 * A tree without positions and with each link replaced by its text, the text of literal
 * links read with `decode`.
 */
function withoutLinks(tree: Nodes, decode: (value: string) => string): unknown {
  const { position: _, ...rest } = tree as Nodes & { children?: Nodes[] };
  if (!('children' in tree)) return rest;
  const children: unknown[] = [];
  for (const child of tree.children as Nodes[]) {
    const flat =
      child.type === 'link' && child.children.length === 1 && child.children[0]?.type === 'text'
        ? {
            type: 'text',
            value: isLiteral(child) ? decode(child.children[0].value) : child.children[0].value,
          }
        : withoutLinks(child, decode);
    const last = children[children.length - 1] as Text | undefined;
    if (last?.type === 'text' && (flat as Nodes).type === 'text') {
      children[children.length - 1] = { ...last, value: last.value + (flat as Text).value };
    } else children.push(flat);
  }
  return { ...rest, children };
}

/** The links of a text found by mdast-util-gfm-autolink-literal's text pass, as `[text, url]`. */
function libraryTextPass(value: string): Array<[string, string]> {
  const transform = gfmAutolinkLiteralFromMarkdown().transforms?.[0];
  const tree: Root = {
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
  };
  transform?.(tree);
  return linksOf(tree).map((link) => [(link.children[0] as Text).value, link.url]);
}

const asPairs = (value: string, links: ReturnType<typeof findLiteralLinks>) =>
  links.map((link): [string, string] => [value.slice(link.start, link.end), link.url]);

/** Text full of what makes and unmakes literal links, with no Markdown syntax. */
const linkishText = fc
  .array(
    fc.constantFrom(
      'http',
      'https',
      'HTTP',
      '://',
      ':',
      '/',
      'www',
      'WWW',
      'wWw',
      '.',
      '..',
      'a',
      'b',
      'com',
      '-',
      '+',
      '@',
      'mailto:',
      'xmpp:',
      '(',
      ')',
      ' ',
      ' ',
      '\n',
      '\t',
      '!',
      '?',
      ',',
      ';',
      '"',
      "'",
      '{',
      '}',
      '1',
      '9',
      'x.y',
      'é',
      'ü',
      '\u00a0',
      '#',
      '=',
      '%',
      '\u2014',
      '😀',
      '$',
      '^',
      '|',
      'https://',
      'www.',
      'a@b.c',
      '.com',
      '/x',
      '?q=1',
      '#f',
      'localhost',
      '&x',
      '&x;',
      ']',
      '>',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('findLiteralLinks', () => {
  // Examples of the GFM spec's extended autolinks, and of what remark-gfm reads around them.
  const cases: Array<[string, Array<[string, string]>]> = [
    ['www.commonmark.org', [['www.commonmark.org', 'http://www.commonmark.org']]],
    [
      'Visit www.commonmark.org/help for more.',
      [['www.commonmark.org/help', 'http://www.commonmark.org/help']],
    ],
    ['Visit www.commonmark.org.', [['www.commonmark.org', 'http://www.commonmark.org']]],
    [
      'Visit www.commonmark.org/a.b.',
      [['www.commonmark.org/a.b', 'http://www.commonmark.org/a.b']],
    ],
    [
      'www.google.com/search?q=Markup+(business)))',
      [
        [
          'www.google.com/search?q=Markup+(business)',
          'http://www.google.com/search?q=Markup+(business)',
        ],
      ],
    ],
    [
      '(www.google.com/search?q=Markup+(business))',
      [
        [
          'www.google.com/search?q=Markup+(business)',
          'http://www.google.com/search?q=Markup+(business)',
        ],
      ],
    ],
    [
      'www.google.com/search?q=(business))+ok',
      [['www.google.com/search?q=(business))+ok', 'http://www.google.com/search?q=(business))+ok']],
    ],
    [
      'www.google.com/search?q=commonmark&hl;',
      [['www.google.com/search?q=commonmark', 'http://www.google.com/search?q=commonmark']],
    ],
    ['www.commonmark.org/he<lp', [['www.commonmark.org/he', 'http://www.commonmark.org/he']]],
    // `_` only in the last two labels stops a link.
    ['www.a_b.example.com', [['www.a_b.example.com', 'http://www.a_b.example.com']]],
    ['www.example.a_b.com', []],
    ['http://commonmark.org', [['http://commonmark.org', 'http://commonmark.org']]],
    [
      '(Visit https://encrypted.google.com/search?q=Markup+(business))',
      [
        [
          'https://encrypted.google.com/search?q=Markup+(business)',
          'https://encrypted.google.com/search?q=Markup+(business)',
        ],
      ],
    ],
    [
      'See https://münchen.de/rathaus, then https://localhost:8080/x.',
      [
        ['https://münchen.de/rathaus', 'https://münchen.de/rathaus'],
        ['https://localhost:8080/x', 'https://localhost:8080/x'],
      ],
    ],
    ['foo@bar.baz', [['foo@bar.baz', 'mailto:foo@bar.baz']]],
    [
      "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.",
      [['hello+xyz@mail.example', 'mailto:hello+xyz@mail.example']],
    ],
    ['a.b-c_d@a.b.', [['a.b-c_d@a.b', 'mailto:a.b-c_d@a.b']]],
    ['a.b-c_d@a.b-', []],
    ['a.b-c_d@a.b_', []],
    // The tokenizer reads the address after `mailto:` and `xmpp:` first.
    ['Write to mailto:desk@example.com now', [['desk@example.com', 'mailto:desk@example.com']]],
    ['xmpp:desk@example.com/news', [['desk@example.com', 'mailto:desk@example.com']]],
    ['no link: https://-.example, http://, a@b, www.a.b_c, www.a_b.c', []],
  ];

  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} as remark-gfm does`, () => {
      expect(asPairs(text, findLiteralLinks(text))).toEqual(expected);
      const links = linksOf(remarkGfmTree.parse(text)).map((link) => [
        (link.children[0] as Text).value,
        link.url,
      ]);
      expect(links).toEqual(expected);
    });
  }

  it('runs the text pass of mdast-util-gfm-autolink-literal to the letter (fast-check)', () => {
    fc.assert(
      fc.property(linkishText, (text) => {
        expect(asPairs(text, textPassLinks(text, []))).toEqual(libraryTextPass(text));
      }),
      { numRuns: runs },
    );
  });

  it('is linear on the shapes that made the text pass and the tokenizer quadratic', () => {
    // Each took minutes at this size through remark-gfm or its text pass; here they take
    // milliseconds (growth per 10× in bench/growth.bench.mjs). Not timed: the test would
    // time out.
    const shapes = [
      'https://-.'.repeat(100_000),
      `${'www._'.repeat(200_000)}x`,
      `www.a.b/${'.'.repeat(1_000_000)}x`,
      'a.b@c.d1'.repeat(100_000),
      'https://a.b/(. '.repeat(60_000),
      `www.a.b/${'&amp'.repeat(200_000)}`,
    ];
    for (const text of shapes) expect(Array.isArray(findLiteralLinks(text))).toBe(true);
    expect(findLiteralLinks('https://a.b/(. '.repeat(60_000))).toHaveLength(60_000);
  });
});

describe('parseTree: literal links against remark-gfm', () => {
  // Every example of the GFM spec's "Autolinks (extension)" section (0.29-gfm), the
  // `mailto:` and `xmpp:` ones included (remark-gfm reads those as its own text pass does).
  const specExamples = [
    'www.commonmark.org',
    'Visit www.commonmark.org/help for more information.',
    'Visit www.commonmark.org.',
    'Visit www.commonmark.org/a.b.',
    'www.google.com/search?q=Markup+(business)',
    'www.google.com/search?q=Markup+(business)))',
    '(www.google.com/search?q=Markup+(business))',
    '(www.google.com/search?q=Markup+(business)',
    'www.google.com/search?q=(business))+ok',
    'www.google.com/search?q=commonmark&hl=en',
    'www.google.com/search?q=commonmark&hl;',
    'www.commonmark.org/he<lp',
    'http://commonmark.org',
    '(Visit https://encrypted.google.com/search?q=Markup+(business))',
    'Anonymous FTP is available at ftp://foo.bar.baz.',
    'foo@bar.baz',
    "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.",
    'a.b-c_d@a.b',
    'a.b-c_d@a.b.',
    'a.b-c_d@a.b-',
    'a.b-c_d@a.b_',
    'mailto:foo@bar.baz',
    'mailto:a.b-c_d@a.b',
    'mailto:a.b-c_d@a.b.',
    'mailto:a.b-c_d@a.b/',
    'mailto:a.b-c_d@a.b-',
    'mailto:a.b-c_d@a.b_',
    'xmpp:foo@bar.baz',
    'xmpp:foo@bar.baz.',
    'xmpp:foo@bar.baz/txt',
    'xmpp:foo@bar.baz/txt@bin',
    'xmpp:foo@bar.baz/txt@bin.com',
  ];
  it('gives the tree remark-gfm gives on every GFM spec example of autolinks, alone and in one file', () => {
    for (const text of [...specExamples, specExamples.join('\n\n'), specExamples.join('\n')]) {
      const ours = plain(parseTree(text));
      const theirs = plain(remarkGfmTree.parse(text));
      fillPositions(theirs, ours);
      expect(ours, text).toEqual(theirs);
      expect(linksOf(ours).length, text).toBe(linksOf(theirs).length);
    }
    expect(linksOf(parseTree(specExamples.join('\n\n')))).toHaveLength(28);
  });

  it('gives the tree remark-gfm gives, positions included, for text without Markdown syntax (fast-check)', () => {
    fc.assert(
      fc.property(linkishText, (text) => {
        const ours = plain(parseTree(text));
        const theirs = plain(remarkGfmTree.parse(text));
        // remark-gfm's text pass gives no positions; ours are exact.
        fillPositions(theirs, ours);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: runs },
    );
  });

  it('reads escapes and character references in a link, and Markdown syntax around it, first', () => {
    const links = (text: string) =>
      linksOf(parseTree(text)).map((link) => [(link.children[0] as Text).value, link.url]);
    expect(links('https://a.b/x\\_y&amp;z')).toEqual([['https://a.b/x_y&z', 'https://a.b/x_y&z']]);
    expect(links('https://a.b/*c*')).toEqual([['https://a.b/', 'https://a.b/']]);
    expect(links('[https://a.b/c][7] and [www.d.e]_')).toEqual([
      ['https://a.b/c', 'https://a.b/c'],
      ['www.d.e', 'http://www.d.e'],
    ]);
    // Not in code, not inside links, not in HTML.
    expect(links('`https://a.b` <a href="https://c.d">x</a> [x](https://e.f "www.g.h")')).toEqual([
      ['x', 'https://e.f'],
    ]);
  });

  it('reads `[` and 100,000 words in linear time (remark-gfm took minutes)', () => {
    const { article } = parseMarkdown(`# T\n\n[${' word'.repeat(100_000)} www.a.b`);
    const paragraph = article?.body[0];
    expect(paragraph?.type === 'paragraph' && paragraph.content?.at(-1)).toEqual({
      type: 'link',
      url: 'http://www.a.b',
      children: [{ type: 'text', value: 'www.a.b' }],
    });
  });

  const corpus = new URL('../../../shared/corpus/markdown/', import.meta.url);
  it.skipIf(!existsSync(corpus))(
    'differs from remark-gfm on the corpus only as documented (escapes read, GFM rules after `[`)',
    () => {
      let differing = 0;
      for (const site of readdirSync(corpus)) {
        const folder = new URL(`${site}/articles/`, corpus);
        if (!existsSync(folder)) continue;
        const names = readdirSync(folder).filter((file) => file.endsWith('.md'));
        for (const name of names.filter((_, index) => index % every === 0)) {
          const text = readFileSync(new URL(name, folder), 'utf8');
          const ours = parseTree(text);
          const theirs = remarkGfmTree.parse(text);
          // Blank lines before the frontmatter: remark-frontmatter reads none (parse-tree.test.ts).
          if (ours.children[0]?.type !== theirs.children[0]?.type) continue;
          const where = `${site}/${name}`;
          // The same text and structure, links aside (theirs read as we read them)...
          expect(
            withoutLinks(ours, (value) => value),
            where,
          ).toEqual(withoutLinks(theirs, decodeString));
          // ...and the same links, but where remark-gfm kept an escape or character reference
          // as written, or (with no position: its text pass, after an unclosed `[`) ran on.
          const ourLinks = linksOf(ours);
          const theirLinks = linksOf(theirs);
          expect(ourLinks.length, where).toBe(theirLinks.length);
          let same = true;
          ourLinks.forEach((link, index) => {
            const their = theirLinks[index] as Link;
            if (link.url === their.url) return;
            same = false;
            const explained =
              decodeString(their.url) === link.url ||
              (!their.position && their.url.startsWith(link.url));
            expect(explained, `${where}: ${link.url} vs ${their.url}`).toBe(true);
          });
          if (!same) differing++;
        }
      }
      // With every file: 15 of 1,418 at the time of writing (2 escapes, 13 after `[`).
      expect(differing).toBeLessThan(50 / every);
    },
    300_000,
  );
});
