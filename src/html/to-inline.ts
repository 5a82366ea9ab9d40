import { isScriptUrl } from '../schema/checks.js';
import type { Inline } from '../schema/index.js';
import type { HtmlElement, HtmlNode, HtmlText } from './build-tree.js';
import { nameTable } from './name-table.js';
import { hiddenElements, isHidden } from './tree-text.js';

/** Inline elements and the mark each gives. */
const marks = nameTable<'emphasis' | 'strong' | 'delete'>({
  em: 'emphasis',
  i: 'emphasis',
  cite: 'emphasis',
  dfn: 'emphasis',
  var: 'emphasis',
  strong: 'strong',
  b: 'strong',
  s: 'delete',
  del: 'delete',
  strike: 'delete',
});
const codeElements = new Set(['code', 'kbd', 'samp', 'tt']);

/** Marks nested deeper than this are kept as their text. */
const maxMarkDepth = 16;

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;
const needsCleaning = /^[\u0000-\u0020]|[\t\n\r]/;

/** Resolve a URL against a base; `undefined` when it cannot be (or runs script). */
export function resolveUrl(url: string, base: string | undefined): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.length > 8192 || isScriptUrl(trimmed)) return undefined;
  // Without a base only an absolute URL parses: skip the parser's exception for the rest (a
  // URL the parser would clean first, with a leading control or a tab or line break, is left
  // to the parser).
  if (base === undefined && !hasScheme.test(trimmed) && !needsCleaning.test(trimmed))
    return undefined;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return undefined;
  }
}

/** What rendering inline content needs. */
export interface InlineContext {
  /** The base URL for links, when known. */
  base: string | undefined;
}

interface Frame {
  target: Inline[];
  depth: number;
}

/**
 * The inline content of nodes (text, links, emphasis, code, line breaks), white space
 * collapsed as a browser renders it, empty marks dropped. Iterative.
 */
export function toInline(nodes: readonly HtmlNode[], context: InlineContext): Inline[] {
  if (allText(nodes)) return plainInline(nodes);
  const result: Inline[] = [];
  type Item = { node: HtmlNode; frame: Frame } | { close: true };
  const stack: Item[] = [];
  const rootFrame: Frame = { target: result, depth: 0 };
  for (let index = nodes.length - 1; index >= 0; index--)
    stack.push({ node: nodes[index]!, frame: rootFrame });
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('close' in item) continue;
    const { node, frame } = item;
    if (node.type === 'text') {
      frame.target.push({ type: 'text', value: node.value });
      continue;
    }
    if (hiddenElements.has(node.name) || isHidden(node)) continue;
    const name = node.name;
    if (name === 'br') {
      frame.target.push({ type: 'break' });
      continue;
    }
    if (name === 'img' || name === 'picture' || name === 'figure') continue;
    let childFrame = frame;
    if (codeElements.has(name)) {
      frame.target.push({ type: 'code', value: textContent(node) });
      continue;
    }
    const mark = marks[name];
    if (mark && frame.depth < maxMarkDepth) {
      const children: Inline[] = [];
      frame.target.push({ type: mark, children });
      childFrame = { target: children, depth: frame.depth + 1 };
    } else if (name === 'a' && frame.depth < maxMarkDepth) {
      const href = node.attributes.href;
      const url = href === undefined ? undefined : resolveUrl(href, context.base);
      if (url !== undefined && !href!.trim().startsWith('#')) {
        const children: Inline[] = [];
        const link: Inline = { type: 'link', url, children };
        const title = node.attributes.title?.trim();
        if (title) link.title = title;
        frame.target.push(link);
        childFrame = { target: children, depth: frame.depth + 1 };
      }
    }
    for (let index = node.children.length - 1; index >= 0; index--) {
      stack.push({ node: node.children[index]!, frame: childFrame });
    }
  }
  return normalizeSpace(result);
}

/**
 * {@link toInline} of text nodes alone (most paragraphs): the same texts as
 * {@link normalizeSpace} makes of them, without its stacks and lists.
 */
function plainInline(nodes: readonly HtmlText[]): Inline[] {
  const result: Array<{ type: 'text'; value: string }> = [];
  let lastWasSpace = true;
  for (const node of nodes) {
    const value = collapseText(node.value, lastWasSpace);
    if (value === '') continue;
    lastWasSpace = value.endsWith(' ');
    result.push({ type: 'text', value });
  }
  const last = result[result.length - 1];
  if (last?.value.endsWith(' ')) {
    last.value = last.value.slice(0, -1);
    if (last.value === '') result.pop();
  }
  return result;
}

/**
 * The text of {@link plainInline}'s leaves joined (what a paragraph of text nodes alone
 * prints), without the leaves: the one trailing space it drops is the joined text's last.
 */
export function plainText(nodes: readonly HtmlText[]): string {
  let text = '';
  let lastWasSpace = true;
  for (let index = 0; index < nodes.length; index++) {
    const value = collapseText(nodes[index]!.value, lastWasSpace);
    if (value === '') continue;
    lastWasSpace = value.endsWith(' ');
    text += value;
  }
  return text.endsWith(' ') ? text.slice(0, -1) : text;
}

/** Whether nodes are all text. */
export function allText(nodes: readonly HtmlNode[]): nodes is readonly HtmlText[] {
  for (let index = 0; index < nodes.length; index++)
    if (nodes[index]!.type !== 'text') return false;
  return true;
}

/** A text's white space collapsed, its leading space dropped after a space. */
function collapseText(text: string, afterSpace: boolean): string {
  let value = text;
  if (value.includes('\u00ad')) value = value.replace(softHyphens, '');
  if (spaceToCollapse.test(value)) value = value.replace(spaceRun, ' ');
  if (afterSpace && value.startsWith(' ')) value = value.slice(1);
  return value;
}

function textContent(element: HtmlElement): string {
  let text = '';
  const stack: HtmlNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') text += node.value;
    else
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index]!);
  }
  return text;
}

const spaceRun = /[ \t\n\r\f\u00a0\u200b]+/gu;
/** Whether `spaceRun` changes a text: white space other than lone spaces. */
const spaceToCollapse = /[\t\n\r\f\u00a0\u200b]| {2}/;
const softHyphens = /\u00ad/gu;

/**
 * Collapse white space across the whole inline tree (one space between words, none at the
 * ends or next to a line break), then drop empty text and empty marks. Code keeps its text.
 */
function normalizeSpace(content: Inline[]): Inline[] {
  // Pass 1: collapse runs, in reading order, remembering whether the last character was a space.
  let lastWasSpace = true;
  const leaves: Array<{ type: 'text'; value: string }> = [];
  const order: Inline[] = [];
  // Flatten in reading order without recursion.
  const stack: Inline[] = [];
  for (let index = content.length - 1; index >= 0; index--) stack.push(content[index]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    if (
      node.type === 'emphasis' ||
      node.type === 'strong' ||
      node.type === 'delete' ||
      node.type === 'link'
    ) {
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index]!);
    }
  }
  let lastLeaf: { type: 'text'; value: string } | undefined;
  for (const node of order) {
    if (node.type === 'text') {
      const value = collapseText(node.value, lastWasSpace);
      node.value = value;
      if (value !== '') {
        lastWasSpace = value.endsWith(' ');
        lastLeaf = node;
        leaves.push(node);
      }
    } else if (node.type === 'break') {
      // No space before or after a line break.
      if (lastLeaf?.value.endsWith(' ')) lastLeaf.value = lastLeaf.value.slice(0, -1);
      lastWasSpace = true;
      lastLeaf = undefined;
    } else if (node.type === 'code') {
      node.value = node.value.replace(spaceRun, ' ');
      if (node.value !== '') lastWasSpace = node.value.endsWith(' ');
    }
  }
  if (lastLeaf?.value.endsWith(' ')) lastLeaf.value = lastLeaf.value.slice(0, -1);
  return prune(content);
}

/** Drop empty text, empty marks and links, and breaks at the ends. */
function prune(content: Inline[]): Inline[] {
  // Post-order without recursion: children are pruned before their parents.
  const post: Inline[][] = [];
  const stack: Inline[][] = [content];
  while (stack.length > 0) {
    const list = stack.pop()!;
    post.push(list);
    for (const node of list) {
      if ('children' in node) stack.push(node.children);
    }
  }
  for (let index = post.length - 1; index >= 0; index--) {
    const list = post[index]!;
    let write = 0;
    for (const node of list) {
      const keep =
        node.type === 'text' || node.type === 'code'
          ? node.value !== ''
          : node.type === 'break' || node.type === 'footnoteReference'
            ? true
            : node.children.length > 0;
      if (keep) list[write++] = node;
    }
    list.length = write;
  }
  while (content[0]?.type === 'break') content.shift();
  while (content[content.length - 1]?.type === 'break') content.pop();
  return content;
}

/** Whether inline content is only text (so a paragraph needs no `content`). */
export function isPlain(content: readonly Inline[]): boolean {
  return content.every((node) => node.type === 'text');
}
