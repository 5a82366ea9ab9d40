import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkGfmLinear } from '../../src/markdown/gfm-literal-links.js';
import { findFrontmatter, parseTree } from '../../src/markdown/parse-tree.js';

// parseTree finds the frontmatter itself and runs only the body through micromark; its tree
// must be the one unified + remark-parse + remark-frontmatter (YAML, TOML) + GFM gives,
// positions included (the root's own position aside). One difference is wanted: blank lines
// may come before the frontmatter (as Hugo allows), where remark-frontmatter reads none.
// (How GFM's literal links compare with remark-gfm's: tests/markdown/literal-links.test.ts.)
const gfm = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfmLinear)
  .freeze();

const blankLines = /^(?:[ \t]*(?:\r\n|\r|\n))+/;

function reference(text: string): Root {
  // Blank lines, then a frontmatter: the tree of the rest, moved down past them.
  const blank = blankLines.exec(text)?.[0];
  if (blank) {
    const rest = reference(text.slice(blank.length));
    if (rest.children[0]?.type === 'yaml' || (rest.children[0]?.type as string) === 'toml') {
      const lines = blank.split(/\r\n|\r|\n/).length - 1;
      const stack: Nodes[] = [...rest.children];
      for (let node = stack.pop(); node; node = stack.pop()) {
        if (node.position) {
          for (const point of [node.position.start, node.position.end]) {
            point.line += lines;
            point.offset = (point.offset ?? 0) + blank.length;
          }
        }
        if ('children' in node) stack.push(...(node.children as Nodes[]));
      }
      return rest;
    }
  }
  const tree = gfm.parse(text) as Root;
  delete tree.position;
  return tree;
}

function ours(text: string): Root {
  const tree = parseTree(text);
  delete tree.position;
  return tree;
}

const cases = [
  '---\na: 1\nb: 2\n---\nbody',
  '---\n---\n',
  '---\n\n---',
  '---\n\n\na: 1\n\n\n---\n',
  '---\r\na: 1\r\n\r\n---\r\nx',
  '--- \t\na\n--- \n',
  '---\ra\r---\rx',
  '---\na\n----\n---\n',
  '---\n\ta\0b\n---',
  '---\na\n--- \t\t \n\n    code\n',
  '---\na: 1\n---\n===\n',
  '---\na\n---\n- a\n- b\n\n> q\n',
  '---\na\n---',
  '---\na\n---x\n',
  '----\na\n---\n',
  ' ---\na\n---\n',
  '---\na',
  '---\ntitle: x\ntags:\n- a\n- b\n\n> q\n',
  '---\na\n---\n\t- x\n\tb\n',
  '---\na\n---\n[a]: /u\n\n[a]\n',
  '---\na: |\n  x\n---\n# T\n\ntext ~~x~~ www.example.com\n',
  'x\n---\na\n---\n',
  '\n---\na: 1\n---\nbody',
  ' \t\r\n\r\n---\r\na: 1\r\n---\r\n\r\n# h\r\n',
  '\n\n---\n---\n',
  '\n---\na: 1\n',
  '\n    ---\na\n---\n',
  '\nx\n---\na\n---\n',
  '+++\ntitle = "x"\n+++\nbody',
  '+++\r\na = 1\r\n+++\r\n',
  '\n+++\na = 1\n+++\n# h\n',
  '+++\na = 1\n',
  `+++\n${'\r\n'.repeat(40)}x`,
  'text https://example.com and a@example.com\n',
];

/**
 * The limit of the tests that parse many files twice (ours and the reference): a few seconds
 * idle (generated files 6 s, a quarter of the corpus 19 s at load 13), past the default 30 s
 * on the shared 2-core machine at load 20–25 (46 s seen). They check trees, not timings.
 */
const manyParses = 300_000;

describe('parseTree', () => {
  it('gives the tree of remark-parse + remark-frontmatter on edge cases', () => {
    for (const text of cases) expect(ours(text), JSON.stringify(text)).toEqual(reference(text));
  });

  it('gives the tree of remark-parse + remark-frontmatter on generated files', {
    timeout: manyParses,
  }, () => {
    const piece = fc.constantFrom(
      '---',
      '+++',
      '\n',
      '\r\n',
      '\r',
      ' ',
      '\t',
      'a: 1',
      '# h',
      '- x',
      '> q',
      '    c',
      '```',
      '~~',
      '|a|b|\n|-|-|',
      '[x]: /y',
      '[x]',
      '<div>',
      '\0',
      'é',
    );
    const file = fc
      .tuple(
        fc.constantFrom('', '---\n', '\n---\n', ' \t\r\n\n---\n'),
        fc.array(piece, { maxLength: 16 }),
      )
      .map(([start, pieces]) => start + pieces.join(''));
    fc.assert(
      fc.property(file, (text) => {
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the frontmatter value and where the body starts', () => {
    expect(findFrontmatter('---\ntitle: A\n---\n\nText.')).toMatchObject({
      value: 'title: A',
      end: 16,
      endLine: 3,
      bodyOffset: 17,
    });
    expect(findFrontmatter('\n \t\n---\ntitle: A\n---\n')).toMatchObject({
      value: 'title: A',
      start: 4,
      startLine: 3,
      endLine: 5,
    });
    expect(findFrontmatter('---\ntitle: A\n')).toBeUndefined();
    expect(findFrontmatter('Text.')).toBeUndefined();
  });

  const corpus = new URL('../../../shared/corpus/markdown/', import.meta.url);
  it.skipIf(!existsSync(corpus))(
    'gives the same tree for every fourth corpus file',
    () => {
      for (const site of readdirSync(corpus)) {
        const folder = new URL(`${site}/articles/`, corpus);
        if (!existsSync(folder)) continue;
        const names = readdirSync(folder).filter((file) => file.endsWith('.md'));
        for (const name of names.filter((_, index) => index % 4 === 0)) {
          const text = readFileSync(new URL(name, folder), 'utf8');
          expect(ours(text), `${site}/${name}`).toEqual(reference(text));
        }
      }
    },
    manyParses,
  );
});
