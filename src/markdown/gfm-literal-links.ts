import type { Link, Nodes, Parent, Text } from 'mdast';
import type {
  CompileContext,
  Extension as FromMarkdownExtension,
  Handle,
} from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';
import type { Point } from 'unist';
import { findLiteralLinks, type LiteralLink } from './find-literal-links.js';

/**
 * Where the text of a text node jumps in the file, after its start: for each piece of its
 * value that does not follow the piece before it in the file (after an escape, a character
 * reference, a line prefix), `[index in the value, offset, line, column]` of where that
 * piece starts, then `[offset, line, column]` of where the text before it ends. Kept only for
 * nodes that have one.
 */
const jumps = new WeakMap<Text, number[]>();
const JUMP = 7;

/** Note where `tail` jumps when its next piece starts at `start` (see {@link jumps}). */
function noteJump(tail: Text, start: Point): void {
  const list = jumps.get(tail);
  const length = list?.length ?? 0;
  const fromIndex = list ? (list[length - JUMP] as number) : 0;
  const fromOffset = list ? (list[length - JUMP + 1] as number) : tail.position?.start.offset;
  const before = tail.position?.end;
  const { offset, line, column } = start;
  if (
    offset === undefined ||
    fromOffset === undefined ||
    before?.offset === undefined ||
    offset - fromOffset === tail.value.length - fromIndex
  ) {
    return;
  }
  const jump = [tail.value.length, offset, line, column, before.offset, before.line, before.column];
  if (list) list.push(...jump);
  else jumps.set(tail, jump);
}

/** The text node that new text data in the node on top of the stack goes into, if there is one. */
function tailText(context: CompileContext): Text | undefined {
  const parent = context.stack[context.stack.length - 1] as Partial<Parent>;
  const tail = parent.children?.[parent.children.length - 1];
  return tail?.type === 'text' ? tail : undefined;
}

/**
 * mdast-util-from-markdown's handler for the start of text data (`onenterdata`), noting where
 * the data of a text node jumps in the file, so that the text nodes and links split out of it
 * by {@link linkLiteralLinks} get exact positions.
 */
const enterText: Handle = function (this: CompileContext, token) {
  const tail = tailText(this);
  if (tail) {
    noteJump(tail, token.start);
    this.stack.push(tail);
    return;
  }
  const { line, column, offset } = token.start;
  const text: Text = {
    type: 'text',
    value: '',
    // @ts-expect-error: mdast-util-from-markdown sets `end` when the data ends.
    position: { start: { line, column, offset }, end: undefined },
  };
  (this.stack[this.stack.length - 1] as Parent).children.push(text);
  this.stack.push(text);
};

/**
 * The start of a line ending, which mdast-util-from-markdown adds to the text node before it
 * (inside a paragraph or heading) without the data handlers: note where it jumps (after
 * trailing spaces, which are not text). A line ending that is not added (after a hard break,
 * before a setext underline) leaves a jump at the end of the text, which is never used.
 */
const enterLineEnding: Handle = function (this: CompileContext, token) {
  const tail = tailText(this);
  if (tail) noteJump(tail, token.start);
};

/**
 * A function giving the point in the file where the character at each index into the value
 * of `node` starts (or, with `end`, where the character before it ends: they differ where the
 * text jumps), called with indices that never go down. `undefined` when the node has no
 * position.
 */
function locator(node: Text): ((index: number, end: boolean) => Point) | undefined {
  const position = node.position;
  if (position?.start.offset === undefined || position.end.offset === undefined) return undefined;
  const { value } = node;
  const list = jumps.get(node) ?? [];
  const last = position.end;
  let next = 0;
  let at = 0;
  let offset = position.start.offset;
  let line = position.start.line;
  let column = position.start.column;
  return (index, end) => {
    if (end && index >= value.length)
      return { line: last.line, column: last.column, offset: last.offset };
    // Take the jumps before `index` (and the one at it, for a start).
    for (; next < list.length; next += JUMP) {
      const jumpIndex = list[next] as number;
      if (jumpIndex > index || (end && jumpIndex === index)) break;
      at = jumpIndex;
      offset = list[next + 1] as number;
      line = list[next + 2] as number;
      column = list[next + 3] as number;
    }
    for (; at < index; at++, offset++) {
      const code = value.charCodeAt(at);
      if (code === 0x0a || (code === 0x0d && value.charCodeAt(at + 1) !== 0x0a)) {
        line++;
        column = 1;
      } else column++;
    }
    if (end && next < list.length && list[next] === index) {
      return {
        line: list[next + 5] as number,
        column: list[next + 6] as number,
        offset: list[next + 4] as number,
      };
    }
    return { line, column, offset };
  };
}

/**
 * `node` split into text and links, with positions when it has one. Each node is made with
 * all its fields at once: a `position` added to a node made without one went into a separate
 * property store (about 40 bytes more a node, kept with the tree).
 */
function splitText(node: Text, links: readonly LiteralLink[], into: Nodes[]): void {
  const { value } = node;
  const pointAt = locator(node);
  const text = (start: number, end: number): Text =>
    pointAt
      ? {
          type: 'text',
          value: value.slice(start, end),
          position: { start: pointAt(start, false), end: pointAt(end, true) },
        }
      : { type: 'text', value: value.slice(start, end) };
  let from = 0;
  for (let index = 0; index < links.length; index++) {
    const link = links[index] as LiteralLink;
    if (link.start > from) into.push(text(from, link.start));
    const child = text(link.start, link.end);
    const place = child.position;
    const node: Link = place
      ? {
          type: 'link',
          title: null,
          url: link.url,
          children: [child],
          position: { start: { ...place.start }, end: { ...place.end } },
        }
      : { type: 'link', title: null, url: link.url, children: [child] };
    into.push(node);
    from = link.end;
  }
  if (from < value.length) into.push(text(from, value.length));
}

/**
 * The nodes {@link linkLiteralLinks} makes of text node `node` (`[node]` when it holds no
 * literal link): for the readers of a tree whose literal links are left unread (see
 * {@link gfmLiteralLinksFromMarkdown}) on the rare paths that need them as nodes.
 */
export function literalLinkNodes(node: Text): Array<Text | Link> {
  const links = findLiteralLinks(node.value);
  if (links.length === 0) return [node];
  const into: Nodes[] = [];
  splitText(node, links, into);
  return into as Array<Text | Link>;
}

/**
 * Move where text node `node` jumps in the file as `move` moves points (`shiftTree`, for a
 * tree parsed from a slice of the file): {@link literalLinkNodes} places its pieces after.
 */
export function shiftJumps(node: Text, move: (point: Point) => void): void {
  const list = jumps.get(node);
  if (!list) return;
  for (let at = 0; at < list.length; at += JUMP) {
    for (const from of [at + 1, at + 4]) {
      const point = {
        offset: list[from] as number,
        line: list[from + 1] as number,
        column: list[from + 2] as number,
      };
      move(point);
      list[from] = point.offset;
      list[from + 1] = point.line;
      list[from + 2] = point.column;
    }
  }
}

/**
 * Trees whose literal links are left in their text nodes (read with `links: 'unread'`):
 * their readers find them in text nodes outside links (`findLiteralLinks`), with
 * {@link literalLinkNodes} where a reader needs the nodes.
 */
const unreadTrees = new WeakSet<object>();

/** Whether the literal links of `tree` are left in its text nodes (see {@link unreadTrees}). */
export function literalLinksUnread(tree: object): boolean {
  return unreadTrees.has(tree);
}

/**
 * Turn the GFM literal links (`https://…`, `www.…`, `a@b.c`, `mailto:…`, `xmpp:…`) in the text
 * nodes of `tree` into links, in place: every text node not inside a link or link reference
 * (code, inline code and HTML are not text nodes). The rules are those of the text pass of
 * mdast-util-gfm-autolink-literal (see {@link findLiteralLinks}). Linear: each text node is
 * searched once per pass, and each parent's children are rebuilt once.
 */
export function linkLiteralLinks(tree: Parent): undefined {
  const stack: Parent[] = [tree];
  for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
    const children = parent.children as Nodes[];
    let result: Nodes[] | undefined;
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as Nodes;
      if (child.type === 'text') {
        const links = findLiteralLinks(child.value);
        if (links.length > 0) {
          result ??= children.slice(0, index);
          splitText(child, links, result);
          continue;
        }
      } else if ('children' in child && child.type !== 'link' && child.type !== 'linkReference') {
        stack.push(child);
      }
      result?.push(child);
    }
    if (result) parent.children = result as typeof parent.children;
  }
}

/**
 * How a tree's GFM literal links are read: into link nodes (`nodes`, mdast as remark-gfm
 * gives it), or left in their text nodes (`unread`) for a reader that finds them there as it
 * reads the text: parseMarkdown, so that a paragraph of 100,000s of literal links is never a
 * tree of 100,000s of link, text and position objects kept until the call returns (the
 * garbage collector's copying of that tree made its time grow 20× per 10× of input).
 */
export type LiteralLinksMode = 'nodes' | 'unread';

/** Note that `tree`'s literal links are left unread (see {@link unreadTrees}). */
function leaveUnread(tree: Parent): undefined {
  unreadTrees.add(tree);
}

/**
 * An mdast-util-from-markdown extension reading GFM literal links from the text nodes once
 * the tree is built (micromark-extension-gfm-autolink-literal's tokenizer is not used: it
 * walks back to an unclosed `[` at every word, quadratic time), or (`unread`) noting where
 * its text nodes jump in the file and leaving their literal links to the reader.
 */
export function gfmLiteralLinksFromMarkdown(
  links: LiteralLinksMode = 'nodes',
): FromMarkdownExtension {
  return {
    enter: {
      data: enterText,
      characterEscape: enterText,
      characterReference: enterText,
      lineEnding: enterLineEnding,
    },
    transforms: [links === 'unread' ? leaveUnread : linkLiteralLinks],
  };
}

/**
 * A unified plugin: GFM as remark-gfm reads it (tables, strikethrough, footnotes, tasks,
 * literal links), but with the literal links (`https://…`, `www.…`, `a@b.c`) found in the
 * text nodes once the tree is built, in linear time (see {@link findLiteralLinks}), instead of
 * by micromark-extension-gfm-autolink-literal's tokenizer, which walks back to an unclosed `[`
 * at every word (`[` and 100,000 words took minutes).
 *
 * In text with no Markdown syntax in or next to a link, the tree is remark-gfm's, positions
 * included. Otherwise:
 * - an escape or character reference inside a link is read (`a\_b` is `a_b`, `&amp;` is `&`)
 *   where remark-gfm keeps it as written in the link's URL and text;
 * - Markdown syntax inside or next to a link is read first (`https://a.b/*c*` links
 *   `https://a.b/` before an emphasis, where remark-gfm links `https://a.b/*c`), and a link
 *   at the start of a text node has nothing before it;
 * - after an unclosed `[`, GFM's rules still end the link (`[https://a.b/c][7]` links
 *   `https://a.b/c`), where remark-gfm's tokenizer reads no link and its text pass links
 *   `https://a.b/c][7`.
 */
export function remarkGfmLinear(
  this: Processor,
  options: { constructs?: boolean; links?: LiteralLinksMode } = {},
): undefined {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.fromMarkdownExtensions ??= [];
  // Without `constructs`, literal links only: for text in which no other GFM construct can
  // occur (see `mayHoldGfmConstructs`), micromark then tries no GFM tokenizer at every character.
  if (options.constructs !== false) {
    data.micromarkExtensions.push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
    data.fromMarkdownExtensions.push(
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    );
  }
  data.fromMarkdownExtensions.push(gfmLiteralLinksFromMarkdown(options.links));
}

/**
 * Whether `text` may hold a GFM table (`|`, or a delimiter row without pipes: micromark reads
 * `a` over `-:` as a one-column table, and a delimiter cell with a colon always has it next to
 * a dash), strikethrough (`~`), footnote (`[^`) or task list item (`[ ]`, `[x]`). Without any
 * of them the GFM tokenizers cannot match, and the tree is the same without them.
 *
 * @example
 * mayHoldGfmConstructs('Plain *text*.') //=> false
 * mayHoldGfmConstructs('| a | b |') //=> true
 * mayHoldGfmConstructs('a\n-:') //=> true
 */
export function mayHoldGfmConstructs(text: string): boolean {
  return /[|~]|\[\^|\[[ xX]\]|:-|-:/.test(text);
}
