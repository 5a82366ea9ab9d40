import type { Definition, Nodes, PhrasingContent, Text } from 'mdast';
import { scriptScheme } from '../schema/checks.js';
import type { Inline } from '../schema/index.js';
import { findLiteralLinks, type LiteralLink } from './find-literal-links.js';
import { literalLinkNodes } from './gfm-literal-links.js';

/**
 * Soft line endings inside a paragraph read as one space (hard-wrapped Markdown), with the
 * spaces and tabs around them. Split and trimmed rather than matched with `[ \t]*\n[ \t]*`,
 * which would rescan long runs of spaces (quadratic time).
 */
export function joinSoftLines(value: string): string {
  if (!value.includes('\n')) return value;
  const lines = value.split('\n');
  const last = lines.length - 1;
  return lines
    .map((line, index) => {
      let result = index < last ? line.replace(/\r$/, '').trimEnd() : line;
      if (index > 0) result = result.trimStart();
      return result;
    })
    .join(' ');
}

/**
 * {@link joinSoftLines} of a text node whose literal links are unread, as of the nodes
 * `linkLiteralLinks` would make of it, each on its own: a link's text keeps white space that
 * a line ending after it would trim from the whole (`www.a.b/c&nbsp;` then a line ending).
 * Only a link holding white space other than ` `, tab and line endings (which end a link)
 * reads differently, and only with a line ending in the text: otherwise the whole is read.
 */
export function joinLiteralSoftLines(value: string): string {
  if (!value.includes('\n') || !/[^\S\t\n\r ]/.test(value)) return joinSoftLines(value);
  let result = '';
  let from = 0;
  for (const link of findLiteralLinks(value)) {
    result += joinSoftLines(value.slice(from, link.start)) + value.slice(link.start, link.end);
    from = link.end;
  }
  return result + joinSoftLines(value.slice(from));
}

/** An inline `<br>` tag. */
const brTag = /^<br\s*\/?>$/i;

/**
 * Whether `url` starts with a scheme (an ASCII letter, then letters, digits, `+`, `-` or `.`,
 * then `:`) other than `javascript:`, `vbscript:` and `data:`: such a URL never runs script,
 * whatever follows its colon (`scriptScheme` decodes character references and drops white
 * space, neither of which can occur before it). `false` leaves the question to
 * `scriptScheme`, whose regular expressions and match arrays were most of what a paragraph
 * of 100,000s of literal links (`http://…`, `mailto:…`) allocated for its links' URLs.
 */
function hasPlainScheme(url: string): boolean {
  const first = url.charCodeAt(0) | 0x20;
  if (first < 0x61 || first > 0x7a) return false;
  let index = 1;
  for (; index < url.length; index++) {
    const code = url.charCodeAt(index);
    const letter = code | 0x20;
    if (
      !(letter >= 0x61 && letter <= 0x7a) &&
      !(code >= 0x30 && code <= 0x39) &&
      code !== 0x2b &&
      code !== 0x2d &&
      code !== 0x2e
    ) {
      break;
    }
  }
  if (url.charCodeAt(index) !== 0x3a) return false;
  // `data`, `vbscript`, `javascript` (any case): scriptScheme decides.
  return !(
    (index === 4 && first === 0x64) ||
    (index === 8 && first === 0x76) ||
    (index === 10 && first === 0x6a)
  );
}

/** Link definitions by identifier, to resolve `[text][label]`. */
export type Definitions = ReadonlyMap<string, Definition>;

function pushText(into: Inline[], value: string): void {
  if (value === '') return;
  const last = into[into.length - 1];
  if (last?.type === 'text') last.value += value;
  else into.push({ type: 'text', value });
}

/**
 * How deep inline formatting (emphasis, strong, delete, links) may nest. Deeper formatting is
 * dropped and its text kept: nothing real nests this deep, and the recursive code that reads
 * and writes inline content (zod, mdast-util-to-markdown) runs out of stack a few thousand
 * levels down.
 */
export const MAX_INLINE_DEPTH = 32;

/**
 * mdast phrasing content → nutgraf inline content. Links (also by reference), emphasis,
 * strong, delete, inline code and hard breaks are kept; inline HTML tags are dropped
 * (`<br>` becomes a break); images inside text are left to the caller. Formatting nested
 * deeper than {@link MAX_INLINE_DEPTH} is flattened to its text and passed to `onTooDeep`; a
 * link to a `javascript:`, `vbscript:` or `data:` URL keeps its text, unlinked, and is passed
 * to `onUnsafeUrl` with that scheme. With `literalLinks`, text nodes outside links hold GFM
 * literal links not yet read into link nodes (parseTree's `unread` links), read here as
 * the link nodes `linkLiteralLinks` would have made would be (see {@link pushLiteral}).
 */
export function toInline(
  nodes: readonly PhrasingContent[],
  definitions: Definitions,
  onTooDeep?: (node: PhrasingContent) => void,
  depth = 0,
  onUnsafeUrl?: (node: PhrasingContent, scheme: string) => void,
  literalLinks = false,
): Inline[] {
  const result: Inline[] = [];
  // Indexed: called once for a paragraph of 100,000s of nodes, this loop may run unoptimised,
  // where `for … of` allocates an iterator result per node.
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as PhrasingContent;
    switch (node.type) {
      case 'text':
        if (literalLinks) {
          pushLiteral(result, node, definitions, onTooDeep, depth, onUnsafeUrl);
        } else pushText(result, joinSoftLines(node.value));
        break;
      case 'inlineCode':
        result.push({ type: 'code', value: node.value });
        break;
      case 'break':
        result.push({ type: 'break' });
        break;
      case 'html':
        if (brTag.test(node.value.trim())) result.push({ type: 'break' });
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'link':
      case 'linkReference': {
        if (depth >= MAX_INLINE_DEPTH) {
          onTooDeep?.(node);
          for (const child of flatInline(node.children)) appendInline(result, child);
          break;
        }
        const linked = node.type === 'link' || node.type === 'linkReference';
        const children = innerInline(
          node.children,
          definitions,
          onTooDeep,
          depth,
          onUnsafeUrl,
          literalLinks && !linked,
        );
        if (linked) {
          const target = node.type === 'link' ? node : definitions.get(node.identifier);
          // A link that would run script keeps its text, unlinked, and is reported.
          const unsafe =
            target === undefined || hasPlainScheme(target.url)
              ? undefined
              : scriptScheme(target.url);
          if (unsafe) onUnsafeUrl?.(node, unsafe);
          if (target && target.url !== '' && !unsafe) {
            result.push(
              target.title
                ? { type: 'link', url: target.url, title: target.title, children }
                : { type: 'link', url: target.url, children },
            );
          } else {
            for (const child of children) appendInline(result, child);
          }
        } else if (children.length > 0) result.push({ type: node.type, children });
        break;
      }
      case 'footnoteReference':
        result.push({ type: 'footnoteReference', label: node.label ?? node.identifier });
        break;
      default:
        // image, imageReference: not inline text.
        break;
    }
  }
  return result;
}

/**
 * Push the inline content of text node `node` at `depth`, its literal links unread: the
 * text between links as text (merged with the text before), each link as a link to its URL
 * around its text, as {@link toInline} reads the nodes `linkLiteralLinks` makes, without
 * making them. Nested too deep to keep, those nodes are made and read, so that the link
 * reported has its place. A literal link's URL runs no script: it starts with `http://`,
 * `https://`, `mailto:` or `xmpp:` (tests/markdown/unread-links.test.ts), so it is not
 * checked (reading it would also flatten it, a copy of every URL of the paragraph).
 */
function pushLiteral(
  result: Inline[],
  node: Text,
  definitions: Definitions,
  onTooDeep: ((node: PhrasingContent) => void) | undefined,
  depth: number,
  onUnsafeUrl: ((node: PhrasingContent, scheme: string) => void) | undefined,
): void {
  if (depth >= MAX_INLINE_DEPTH) {
    const nodes = literalLinkNodes(node);
    for (const item of toInline(nodes, definitions, onTooDeep, depth, onUnsafeUrl)) {
      appendInline(result, item);
    }
    return;
  }
  const { value } = node;
  const links = findLiteralLinks(value);
  let from = 0;
  for (let index = 0; index < links.length; index++) {
    const link = links[index] as LiteralLink;
    pushText(result, joinSoftLines(value.slice(from, link.start)));
    const text = value.slice(link.start, link.end);
    result.push({ type: 'link', url: link.url, children: [{ type: 'text', value: text }] });
    from = link.end;
  }
  pushText(result, joinSoftLines(from === 0 ? value : value.slice(from)));
}

/**
 * The inline content of a link, emphasis, strong or delete at `depth`, in an array of its
 * own length: a lone text (a literal link's, most often) as a one-item array, anything else
 * through {@link toInline} and copied when the array it grew has room to spare (an array
 * grown by `push` keeps 17 slots or more, 150 bytes a link for a paragraph of 100,000).
 */
function innerInline(
  nodes: readonly PhrasingContent[],
  definitions: Definitions,
  onTooDeep: ((node: PhrasingContent) => void) | undefined,
  depth: number,
  onUnsafeUrl: ((node: PhrasingContent, scheme: string) => void) | undefined,
  literalLinks: boolean,
): Inline[] {
  const only = nodes.length === 1 ? nodes[0] : undefined;
  if (only?.type === 'text' && !literalLinks) {
    const value = joinSoftLines(only.value);
    return value === '' ? [] : [{ type: 'text', value }];
  }
  const children = toInline(nodes, definitions, onTooDeep, depth + 1, onUnsafeUrl, literalLinks);
  return children.length < 17 ? children.slice() : children;
}

/** The text, code and breaks of phrasing content, formatting dropped; walked without recursion. */
function flatInline(nodes: readonly PhrasingContent[]): Inline[] {
  const result: Inline[] = [];
  const stack: PhrasingContent[] = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text') pushText(result, joinSoftLines(node.value));
    else if (node.type === 'inlineCode') result.push({ type: 'code', value: node.value });
    else if (node.type === 'break') result.push({ type: 'break' });
    else if (node.type === 'footnoteReference') {
      result.push({ type: 'footnoteReference', label: node.label ?? node.identifier });
    } else if (node.type === 'html') {
      if (brTag.test(node.value.trim())) result.push({ type: 'break' });
    } else if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push(node.children[index] as PhrasingContent);
      }
    }
  }
  return result;
}

function appendInline(into: Inline[], node: Inline): void {
  if (node.type === 'text') pushText(into, node.value);
  else into.push(node);
}

/** Options for {@link mdastToString}. */
export interface MdastToStringOptions {
  /** Keep soft line endings as they are written. Default: `false` (read as spaces). */
  softLines?: boolean;
  /** Text nodes outside links hold unread literal links (see {@link joinLiteralSoftLines}). Default: `false`. */
  literalLinks?: boolean;
}

/** The plain text of any mdast node, soft line endings read as spaces; walked without recursion. */
export function mdastToString(node: Nodes, options: Readonly<MdastToStringOptions> = {}): string {
  let result = '';
  const stack: Nodes[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if ('value' in current && typeof current.value === 'string') {
      if (current.type === 'html' || current.type === 'yaml') continue;
      result +=
        current.type !== 'text' || options.softLines
          ? current.value
          : options.literalLinks
            ? joinLiteralSoftLines(current.value)
            : joinSoftLines(current.value);
    } else if (
      options.literalLinks &&
      (current.type === 'link' || current.type === 'linkReference')
    ) {
      result += mdastToString(current, { ...options, literalLinks: false });
    } else if (current.type === 'break') result += '\n';
    else if (current.type === 'image' || current.type === 'imageReference') continue;
    else if ('children' in current) {
      const children = current.children as Nodes[];
      for (let index = children.length - 1; index >= 0; index--) {
        stack.push(children[index] as Nodes);
      }
    }
  }
  return result;
}
