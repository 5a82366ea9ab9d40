import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkCappedBlockQuotes } from '../../src/markdown/capped-block-quote.js';
import { mayHoldGfmConstructs, remarkGfmLinear } from '../../src/markdown/gfm-literal-links.js';
import { parseTree } from '../../src/markdown/parse-tree.js';

/** The tree with every GFM tokenizer on, as parseTree read every file before the switch. */
const full = unified().use(remarkParse).use(remarkGfmLinear).use(remarkCappedBlockQuotes);
const fullTree = (text: string) => full.parse(text) as Root;

// Markdown syntax of every kind but the four GFM triggers (`|`, `~`, `[^`, `[ ]`/`[x]`).
const piece = fc.constantFrom(
  '*',
  '_',
  '`',
  '```\n',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '#',
  '-',
  '+',
  '1.',
  '!',
  '\\',
  '&amp;',
  'x',
  'X',
  ' ',
  '\n',
  '\n\n',
  '    ',
  'www.a.b',
  'https://a.b/c',
  'a@b.cd',
  ':',
  '^',
  '"',
  '=',
);
const plain = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

describe('GFM tokenizers only where their syntax can occur', () => {
  it('says which text may hold a table, strikethrough, footnote or task', () => {
    expect(mayHoldGfmConstructs('Plain *text* with https://a.b/ and [a](b).')).toBe(false);
    for (const text of ['| a | b |', 'a ~~b~~', 'a[^1]', '- [ ] task', '- [x] done', '- [X] done'])
      expect(mayHoldGfmConstructs(text), text).toBe(true);
  });

  it('reads a table whose delimiter row has no pipe (a found counterexample)', () => {
    // micromark takes a colon-marked delimiter row without pipes as a one-column table.
    for (const text of ['*```\n-:', 'a\n:-', 'a\n:-:', 'x\n--:']) {
      expect(mayHoldGfmConstructs(text), text).toBe(true);
      expect(parseTree(text), text).toEqual(fullTree(text));
      expect(parseTree(text).children[0]?.type, text).toBe('table');
    }
    expect(parseTree('a\n---').children[0]?.type).toBe('heading');
  });

  it('reads text without that syntax to the same tree as with every tokenizer on (property)', () => {
    fc.assert(
      fc.property(plain, (text) => {
        if (mayHoldGfmConstructs(text)) return;
        expect(parseTree(text)).toEqual(fullTree(text));
      }),
      { numRuns: 400 },
    );
  });

  it('still reads tables, strikethrough, footnotes and tasks', () => {
    const text = '| a | b |\n| - | - |\n| 1 | 2 |\n\n~~gone~~[^n]\n\n[^n]: Note.\n\n- [x] done\n';
    expect(parseTree(text)).toEqual(fullTree(text));
    expect(parseTree(text).children.map((node) => node.type)).toEqual([
      'table',
      'paragraph',
      'footnoteDefinition',
      'list',
    ]);
  });
});

/** The shared development corpus, when present (it is not part of the repository). */
const corpus = new URL('../../../shared/corpus/markdown/', import.meta.url);
const files = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((site) => existsSync(new URL(`${site}/articles/`, corpus)))
      .flatMap((site) =>
        readdirSync(new URL(`${site}/articles/`, corpus)).map(
          (name) => new URL(`${site}/articles/${name}`, corpus),
        ),
      )
  : [];

describe.skipIf(files.length === 0)('GFM switch over the Markdown corpus', () => {
  // Every third file (two full parses each keep this under 10 s on a quiet machine); the time
  // limit allows for a loaded one.
  it('reads every file that has no GFM syntax as with every tokenizer on', {
    timeout: 120_000,
  }, () => {
    let compared = 0;
    for (const file of files.filter((_, index) => index % 3 === 0)) {
      // The body after the frontmatter: the switch is tested on what micromark reads.
      const source = readFileSync(file, 'utf8');
      const fence = /^\s*(---|\+\+\+)\r?\n[\s\S]*?\r?\n\1[ \t]*\r?\n/.exec(source);
      const text = fence ? source.slice(fence[0].length) : source;
      if (mayHoldGfmConstructs(text)) continue;
      expect(parseTree(text), file.pathname).toEqual(fullTree(text));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});
