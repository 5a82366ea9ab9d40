import { type Document, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { ArticlePath } from '../schema/diagnostic.js';
import type { LineIndex } from '../schema/line-index.js';
import { type SourceMap, setSource } from '../schema/source-map.js';

/** Nesting deeper than this is not mapped (keeps hostile inputs linear and the stack small). */
const maxDepth = 64;

/**
 * The source positions of every key and item in a parsed YAML or JSON document, by path
 * (`byline.contributors.0.name`), as a {@link SourceMap}. A map entry spans its
 * key and value; `offset` shifts node ranges when the document is embedded in a file
 * (frontmatter).
 *
 * @example
 * sourceOf(documentSources(parseDocument('{"headline": 1}'), createLineIndex(text)), 'headline')
 * //=> { start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 15, offset: 14 } }
 */
export function documentSources(
  document: Readonly<Document>,
  lines: LineIndex,
  offset = 0,
): SourceMap {
  const sources: SourceMap = {};
  const root = document.contents as Node | null;
  if (root?.range) sources.place = lines.range(root.range[0] + offset, root.range[1] + offset);
  const visit = (node: unknown, prefix: ArticlePath, depth: number): void => {
    if (depth > maxDepth) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const keyText = isScalar(key) ? String(key.value) : undefined;
        if (keyText === undefined) continue;
        const value = pair.value as Node | null;
        const start = key?.range?.[0];
        const end = value?.range?.[1] ?? key?.range?.[1];
        const path = [...prefix, keyText];
        if (start !== undefined && end !== undefined) {
          setSource(sources, path, lines.range(start + offset, end + offset));
        }
        visit(value, path, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const path = [...prefix, index];
        const range = (item as Node | null)?.range;
        if (range) setSource(sources, path, lines.range(range[0] + offset, range[1] + offset));
        visit(item, path, depth + 1);
      });
    }
  };
  visit(root, [], 0);
  return sources;
}
