import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { QUOTE_COLUMN_CAP } from '../../src/markdown/capped-block-quote.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import { parseTree } from '../../src/markdown/parse-tree.js';

const commonmark = unified().use(remarkParse).freeze();

/** How deep block quotes nest in `tree`, and the text of the deepest paragraph. */
function depth(tree: Nodes): { levels: number; text: string } {
  let levels = 0;
  let node: Nodes = tree;
  for (;;) {
    const children: Nodes[] = 'children' in node ? node.children : [];
    const quote = children.find((child) => child.type === 'blockquote');
    if (!quote) break;
    levels++;
    node = quote;
  }
  const paragraph =
    'children' in node ? node.children.find((c) => c.type === 'paragraph') : undefined;
  const text =
    paragraph && 'children' in paragraph
      ? paragraph.children.map((c) => ('value' in c ? c.value : '')).join('')
      : '';
  return { levels, text };
}

const plain = (tree: Root) => {
  const copy = JSON.parse(JSON.stringify(tree)) as Root;
  delete copy.position;
  return copy;
};

describe('block quotes opened up to a column', () => {
  it('reads quotes as remark-parse does up to the cap, positions included', () => {
    for (const text of [
      '> a\n> > b\n>\n> c',
      `${'>'.repeat(QUOTE_COLUMN_CAP)} a\nlazy`,
      `${'> '.repeat(QUOTE_COLUMN_CAP / 2)}a\n${'>'.repeat(QUOTE_COLUMN_CAP / 2)} b`,
      '  > a\n   > b\n    > code',
      '- > a\n  > b\n\n1. > > c',
    ]) {
      expect(plain(parseTree(text)), text).toEqual(plain(commonmark.parse(text)));
    }
  });

  it('keeps quotes open past the cap that opened before it', () => {
    // 100 levels open on the first line; the second continues them with `> ` (to column 200).
    const text = `${'>'.repeat(QUOTE_COLUMN_CAP)} a\n${'> '.repeat(QUOTE_COLUMN_CAP)}b`;
    expect(plain(parseTree(text))).toEqual(plain(commonmark.parse(text)));
  });

  it('takes the `>` past the cap into the deepest quote', () => {
    for (const [text, levels] of [
      [`${'>'.repeat(QUOTE_COLUMN_CAP + 50)} a`, QUOTE_COLUMN_CAP],
      [`${'> '.repeat(QUOTE_COLUMN_CAP)}a`, QUOTE_COLUMN_CAP / 2],
      [`${'>  >'.repeat(QUOTE_COLUMN_CAP)} a`, QUOTE_COLUMN_CAP / 2],
    ] as const) {
      expect(depth(parseTree(text)), text).toEqual({ levels, text: 'a' });
      expect(depth(parseTree(`${text}\n${text}`)), text).toEqual({ levels, text: 'a\na' });
    }
    // A `>` that starts no quote (past list markers) stays text.
    expect(depth(parseTree(`${'- '.repeat(60)}> a`)).levels).toBe(0);
  });

  it('parses a million `>` (quadratic in micromark: 30,000 took 5 s)', () => {
    // Not timed (growth in bench/growth.bench.mjs): before, this did not finish.
    const { article } = parseMarkdown(`# T\n\n${'>'.repeat(1_000_000)} a\n`);
    expect(article?.body[0]?.type).toBe('quote');
  });
});
