import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { FootnoteDefinition, Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { bodyTexts } from '../../src/jsonld/count-words.js';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import { mdastToString } from '../../src/markdown/mdast-to-inline.js';
import { parseTree } from '../../src/markdown/parse-tree.js';
import type { Block } from '../../src/schema/index.js';

/** The shared development corpus, when present (it is not part of the repository). */
const corpus = new URL('../../../shared/corpus/markdown/', import.meta.url);
const files = existsSync(corpus)
  ? readdirSync(corpus)
      .filter((site) => existsSync(new URL(`${site}/articles/`, corpus)))
      .flatMap((site) =>
        readdirSync(new URL(`${site}/articles/`, corpus))
          .filter((name) => name.endsWith('.md'))
          .map((name) => new URL(`${site}/articles/${name}`, corpus)),
      )
  : [];

const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The footnote definitions remark-parse + remark-gfm sees, anywhere in the tree. */
function definitions(tree: Nodes): FootnoteDefinition[] {
  const found: FootnoteDefinition[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'footnoteDefinition') found.push(node);
    else if ('children' in node) stack.push(...(node.children as Nodes[]));
  }
  return found;
}

/** The footnote blocks of a body, and how many references its inline content holds. */
function footnotesOf(body: readonly Block[]): { notes: Map<string, string>; references: number } {
  const notes = new Map<string, string>();
  let references = 0;
  const stack: unknown[] = [body];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      if (node.type === 'footnote') {
        notes.set(String(node.label), words(bodyTexts(node.blocks as Block[]).join(' ')));
      }
      if (node.type === 'footnoteReference') references++;
      stack.push(...Object.values(node));
    }
  }
  return { notes, references };
}

describe.skipIf(files.length === 0)('footnotes over the Markdown corpus', () => {
  it('no footnote text is lost: every definition remark-gfm sees is a footnote block with its words, in JSON and back through toMarkdown', () => {
    let definitionCount = 0;
    let fileCount = 0;
    const losses: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('[^')) continue;
      const tree = parseTree(text);
      const wanted = definitions(tree);
      if (wanted.length === 0) continue;
      fileCount++;
      const { article } = parseMarkdown(text);
      const name = file.pathname.split('/').slice(-3).join('/');
      if (!article) {
        losses.push(`${name}: no article`);
        continue;
      }
      const json = JSON.parse(JSON.stringify(article)) as { body: Block[] };
      const { notes, references } = footnotesOf(json.body);
      let referencesWanted = 0;
      const refStack: Nodes[] = [tree];
      for (let node = refStack.pop(); node !== undefined; node = refStack.pop()) {
        if (node.type === 'footnoteReference') referencesWanted++;
        if ('children' in node) refStack.push(...(node.children as Nodes[]));
      }
      if (references < referencesWanted) {
        losses.push(`${name}: references ${references}/${referencesWanted}`);
      }
      for (const definition of wanted) {
        definitionCount++;
        const label = definition.label ?? definition.identifier;
        const have = notes.get(label);
        // Images inside a footnote become figures: compare the words of its text.
        const want = words(mdastToString(definition));
        if (have === undefined) losses.push(`${name}: [^${label}] missing`);
        else if (have !== want)
          losses.push(`${name}: [^${label}] ${JSON.stringify(have)} ≠ ${JSON.stringify(want)}`);
      }
      // And back: toMarkdown writes them, parseMarkdown reads the same article again.
      const again = parseMarkdown(toMarkdown(article)).article;
      if (JSON.stringify(again?.body) !== JSON.stringify(article.body)) {
        losses.push(`${name}: body changes through toMarkdown`);
      }
    }
    expect(fileCount).toBeGreaterThanOrEqual(6);
    expect(definitionCount).toBeGreaterThan(0);
    expect(losses).toEqual([]);
  }, 300_000);
});
