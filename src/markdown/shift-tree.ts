import type { Nodes } from 'mdast';
import type { Point } from '../schema/index.js';
import { shiftJumps } from './gfm-literal-links.js';

/**
 * Move the positions of nodes parsed from a slice of the file to where the slice is: `at` is
 * where the slice starts; `firstLineColumns` is added to the columns of its first line (when
 * the slice starts after the indentation of its line), and where its text nodes jump (for
 * literal links left unread). Walked with an explicit stack.
 */
export function shiftTree(nodes: readonly Nodes[], at: Point, firstLineColumns: number): void {
  const stack: Nodes[] = [...nodes];
  const move = (point: { line: number; column: number; offset?: number | undefined }): void => {
    if (point.line === 1) point.column += firstLineColumns;
    point.line += at.line - 1;
    if (point.offset !== undefined) point.offset += at.offset ?? 0;
  };
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if (node.type === 'text') shiftJumps(node, move);
    if ('children' in node) {
      // One push per child: spreading a node of 100,000s of children overflows the stack.
      for (const child of node.children as Nodes[]) stack.push(child);
    }
  }
}
