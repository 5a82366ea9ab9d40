import type { HtmlNode } from './build-tree.js';
import type { Unit } from './segment.js';
import { blockElements, collapse, hiddenElements, isHidden } from './tree-text.js';

/**
 * The text of nodes as the field readers (dates, bylines, headlines) want it: like the text a
 * browser prints, but with a space between two elements that touch (`<span>28.09.19</span>
 * <span>12:44</span>`, two `<time>` elements, a kicker `<span>` and the headline `<span>`) and
 * where a hidden element stood (`<span aria-hidden="true"> – </span>`, a separator drawn by
 * CSS). Pages lay such elements out as separate words; read glued, `28.09.19` + `12:44` is
 * `28.09.1912:44` and a kicker runs into the headline's first word. Block elements are apart
 * by a space, or with `blocks: 'dot'` by ` · ` (`<a>Ana Ruiz</a><div>Games Editor</div>` →
 * `Ana Ruiz · Games Editor`, a name and its job title). Iterative: any depth is fine.
 */
export function fieldTextOf(
  nodes: readonly HtmlNode[],
  options: { blocks?: 'space' | 'dot' } = {},
): string {
  const parts: string[] = [];
  const between = options.blocks === 'dot' ? '\u0001' : ' ';
  const stack: Array<HtmlNode | string> = [];
  const pushChildren = (children: readonly HtmlNode[]) => {
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index]!;
      stack.push(child);
      // Two elements with nothing between them: a word boundary.
      if (index > 0 && child.type === 'element' && children[index - 1]!.type === 'element')
        stack.push(' ');
    }
  };
  pushChildren(nodes);
  let first = true;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (node.type === 'text') {
      parts.push(node.value);
      continue;
    }
    const top = first && nodes.length === 1;
    first = false;
    if (!top && (hiddenElements.has(node.name) || isHidden(node))) {
      parts.push(' ');
      continue;
    }
    const block = blockElements.has(node.name);
    if (block) {
      parts.push(between);
      stack.push(between);
    }
    pushChildren(node.children);
  }
  const text = collapse(parts.join(''));
  if (between === ' ') return text;
  // Block boundaries as ` · `, the separator a byline reads between a name and a job title.
  return text
    .split('\u0001')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' · ');
}

/**
 * A unit's text read with {@link fieldTextOf} (computed once per unit, kept on the unit; with
 * `keep` false, read as kept or computed without keeping it, for a pass over every unit).
 */
export function fieldText(unit: Unit, keep = true): string {
  let text = unit.fieldText;
  if (text === undefined) {
    // A unit of text nodes alone (most paragraphs): its text, which is that text collapsed.
    if (unit.text !== '' && onlyText(unit.nodes ?? unit.element.children)) return unit.text;
    text = fieldTextOf(unit.nodes ?? [unit.element]);
    if (keep) unit.fieldText = text;
  }
  return text;
}

/**
 * Whether nodes are all text. Read alone or as an element's children, such nodes give
 * {@link fieldTextOf} the same text as a unit's own (the collapsed text of the nodes, with
 * block spaces at the ends trimmed away); a unit whose element was skipped (an embed) has no
 * text of its own and is not asked.
 */
function onlyText(nodes: readonly HtmlNode[]): boolean {
  for (let index = 0; index < nodes.length; index++)
    if (nodes[index]!.type !== 'text') return false;
  return true;
}
