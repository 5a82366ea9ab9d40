import type { HtmlElement, HtmlNode } from './build-tree.js';
import { nameTable } from './name-table.js';
import {
  blockElements,
  collapse,
  collapsedLength,
  elementsOf,
  hiddenElements,
  isHidden,
} from './tree-text.js';

/** The kinds of unit a page is cut into: each becomes at most one body block. */
export type UnitKind =
  | 'paragraph'
  | 'heading'
  | 'list'
  | 'quote'
  | 'code'
  | 'table'
  | 'figure'
  | 'embed'
  | 'divider';

/** A block-level piece of the page, in reading order: the thing the model keeps or leaves out. */
export interface Unit {
  kind: UnitKind;
  /** The element, or for a run of inline nodes, their parent. */
  element: HtmlElement;
  /** For a run of inline nodes inside a container: those nodes. */
  nodes?: HtmlNode[];
  /** Its visible text, white space collapsed. */
  text: string;
  /** Characters of that text inside links. */
  linkChars: number;
  /** Tree depth of `element`. */
  depth: number;
  /** Offsets in the decoded page. */
  start: number;
  end: number;
  /** Its text as the field readers read it, once `fieldText` has read it (a cache). */
  fieldText?: string;
}

/** Elements read as one unit of their kind. */
const unitElements = nameTable<UnitKind>({
  p: 'paragraph',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  pre: 'code',
  figure: 'figure',
  picture: 'figure',
  img: 'figure',
  hr: 'divider',
  iframe: 'embed',
  video: 'embed',
  embed: 'embed',
  object: 'embed',
  blockquote: 'quote',
  ul: 'list',
  ol: 'list',
  dl: 'list',
  table: 'table',
});

/** Content inside a list item, quote or table cell that makes it a container rather than one unit. */
const structural = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'pre',
  'figure',
  'blockquote',
  'article',
  'section',
  'div',
  'ul',
  'ol',
  'img',
]);

/** Text that is not only white space (what `value.trim() !== ''` says, without a copy). */
const nonBlank = /\S/u;

/** Tags never descended into (their text is not page text). Embeds are units before this applies. */
const skipped = new Set([...hiddenElements, 'nav-placeholder']);

/**
 * For each element, whether it has a block element somewhere inside (computed once, bottom
 * up, so asking is O(1)).
 */
function markBlocks(root: HtmlElement): {
  blockInside: Set<HtmlElement>;
  structuralInside: Set<HtmlElement>;
} {
  const blockInside = new Set<HtmlElement>();
  const structuralInside = new Set<HtmlElement>();
  // Document order puts every element before its descendants: read backwards, bottom up.
  const order = elementsOf(root);
  for (let index = order.length - 1; index >= 0; index--) {
    const element = order[index]!;
    const parent = element.parent;
    if (!parent) continue;
    if (blockElements.has(element.name) || unitElements[element.name] || blockInside.has(element)) {
      blockInside.add(parent);
    }
    if (structural.has(element.name) || structuralInside.has(element)) structuralInside.add(parent);
  }
  return { blockInside, structuralInside };
}

/** Text and link characters of nodes (hidden parts left out). Iterative. */
function measure(nodes: readonly HtmlNode[]): { text: string; linkChars: number } {
  let text = '';
  let linkChars = 0;
  // Two parallel stacks (node or a space to write; whether it is inside a link).
  const stack: Array<HtmlNode | ' '> = [];
  const inLinks: boolean[] = [];
  for (let index = nodes.length - 1; index >= 0; index--) {
    stack.push(nodes[index]!);
    inLinks.push(false);
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    const link = inLinks.pop()!;
    if (node === ' ') {
      text += ' ';
      continue;
    }
    if (node.type === 'text') {
      text += node.value;
      if (link) linkChars += collapsedLength(node.value);
      continue;
    }
    if (skipped.has(node.name) || isHidden(node)) continue;
    const inLink = link || node.name === 'a';
    // (Not around a lone element measured: spaces at the ends are trimmed.)
    const spaced = blockElements.has(node.name) && (node !== nodes[0] || nodes.length > 1);
    if (spaced) {
      stack.push(' ');
      inLinks.push(false);
    }
    for (let index = node.children.length - 1; index >= 0; index--) {
      stack.push(node.children[index]!);
      inLinks.push(inLink);
    }
    if (spaced) {
      stack.push(' ');
      inLinks.push(false);
    }
  }
  return { text: collapse(text), linkChars };
}

/**
 * The text of an element holding one text node and nothing else, unless the element is
 * skipped or hidden: what {@link measure} reads from it, without its stacks.
 */
function loneText(element: HtmlElement): string | undefined {
  const children = element.children;
  if (children.length !== 1) return undefined;
  const child = children[0]!;
  if (child.type !== 'text' || skipped.has(element.name) || isHidden(element)) return undefined;
  return child.value;
}

/** A `<table>` used for layout: it holds block content or other tables. */
function isLayoutTable(table: HtmlElement, structuralInside: Set<HtmlElement>): boolean {
  const stack: HtmlElement[] = [table];
  let cells = 0;
  while (stack.length > 0) {
    const element = stack.pop()!;
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.name === 'table') return true;
      if (child.name === 'td' || child.name === 'th') {
        cells++;
        if (structuralInside.has(child)) return true;
        if (cells > 2000) return true;
        continue;
      }
      stack.push(child);
    }
  }
  return false;
}

/** Providers of embeds, by host suffix. */
export const embedProviders: ReadonlyArray<readonly [string, string]> = [
  ['youtube.com', 'YouTube'],
  ['youtube-nocookie.com', 'YouTube'],
  ['youtu.be', 'YouTube'],
  ['vimeo.com', 'Vimeo'],
  ['dailymotion.com', 'Dailymotion'],
  ['twitter.com', 'Twitter'],
  ['x.com', 'X'],
  ['instagram.com', 'Instagram'],
  ['facebook.com', 'Facebook'],
  ['tiktok.com', 'TikTok'],
  ['soundcloud.com', 'SoundCloud'],
  ['spotify.com', 'Spotify'],
  ['google.com/maps', 'Google Maps'],
  ['datawrapper.de', 'Datawrapper'],
  ['flourish.studio', 'Flourish'],
  ['infogram.com', 'Infogram'],
  ['scribd.com', 'Scribd'],
  ['documentcloud.org', 'DocumentCloud'],
  ['giphy.com', 'Giphy'],
  ['reddit.com', 'Reddit'],
  ['bsky.app', 'Bluesky'],
  ['threads.net', 'Threads'],
  ['linkedin.com', 'LinkedIn'],
  ['codepen.io', 'CodePen'],
  ['gist.github.com', 'GitHub'],
];

/** Class names of quote elements that are embedded posts. */
const postEmbedClass =
  /\b(?:twitter-tweet|instagram-media|tiktok-embed|reddit-card|bluesky-embed|fb-post|threads-post)\b/u;

/** Whether a `<blockquote>` is an embedded social post rather than a quote. */
export function isPostEmbed(element: HtmlElement): boolean {
  return postEmbedClass.test(element.attributes.class ?? '');
}

/**
 * Cut the page body into units in reading order: paragraphs (elements or runs of inline
 * content inside containers), headings, lists, quotes, code, tables, figures, embeds and
 * dividers. Containers (div, section, layout tables, list items holding paragraphs) are
 * walked into. Hidden elements, scripts, forms and the head are skipped. Linear, iterative.
 */
export function segment(root: HtmlElement): Unit[] {
  const { blockInside, structuralInside } = markBlocks(root);
  const units: Unit[] = [];
  const depth = (element: HtmlElement): number => element.depth;

  const push = (kind: UnitKind, element: HtmlElement, nodes?: HtmlNode[]) => {
    // An element of one text node (most paragraphs) is measured without the walk.
    const lone = nodes === undefined ? loneText(element) : undefined;
    const measured =
      lone === undefined
        ? measure(nodes ?? [element])
        : { text: collapse(lone), linkChars: element.name === 'a' ? collapsedLength(lone) : 0 };
    if (measured.text === '' && kind !== 'figure' && kind !== 'embed' && kind !== 'divider') return;
    const unit: Unit = {
      kind,
      element,
      text: measured.text,
      linkChars: measured.linkChars,
      depth: depth(element),
      start: nodes ? nodes[0]!.start : element.start,
      end: nodes ? nodes[nodes.length - 1]!.end : element.end,
    };
    if (nodes) unit.nodes = nodes;
    units.push(unit);
  };

  // The run of inline nodes being read in the current container, and whether it holds more
  // than white space (an element, or text that is not blank).
  let container = root;
  let run: HtmlNode[] | undefined;
  let runHasContent = false;
  let breaks = 0;
  const flush = () => {
    // A run that is only white space is nothing.
    if (run !== undefined && runHasContent) push('paragraph', container, run);
    run = undefined;
    runHasContent = false;
    breaks = 0;
  };
  const add = (node: HtmlNode, content: boolean) => {
    if (run === undefined) run = [node];
    else run.push(node);
    if (content) runHasContent = true;
  };

  // Work items: an element to walk into as a container, in reading order.
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    container = stack.pop()!;
    // The containers met in this one go on the stack in document order, then are reversed.
    const mark = stack.length;
    // An index, not an iterator: this loop runs once per node of the page.
    const children = container.children;
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!;
      if (child.type === 'text') {
        const content = nonBlank.test(child.value);
        if (content) breaks = 0;
        add(child, content);
        continue;
      }
      const name = child.name;
      if (name === 'br') {
        breaks++;
        // Two line breaks in a row end a paragraph (old pages and CMS exports write paragraphs so).
        if (breaks >= 2) flush();
        else add(child, true);
        continue;
      }
      if (name === 'head') continue;
      const kind = unitElements[name];
      if ((skipped.has(name) && kind !== 'embed') || isHidden(child)) continue;
      if (!kind && !blockElements.has(name) && !blockInside.has(child)) {
        // Inline content: part of the current run.
        breaks = 0;
        add(child, true);
        continue;
      }
      flush();
      // A unit, or a container to walk into.
      let asUnit = kind;
      if (kind === 'list' && listHoldsBlocks(child, structuralInside)) asUnit = undefined;
      if (kind === 'quote' && !isPostEmbed(child) && quoteHoldsSections(child)) asUnit = undefined;
      if (kind === 'table' && isLayoutTable(child, structuralInside)) asUnit = undefined;
      if (kind === 'paragraph' && onlyMedia(child)) asUnit = 'figure';
      if (kind === 'figure' && name === 'figure' && figureHoldsText(child)) asUnit = undefined;
      if (asUnit) push(asUnit, child);
      else stack.push(child);
    }
    flush();
    // Units are sorted by offset at the end, so the order containers are walked in does not matter.
    for (let low = mark, high = stack.length - 1; low < high; low++, high--) {
      const swap = stack[low]!;
      stack[low] = stack[high]!;
      stack[high] = swap;
    }
  }
  units.sort((a, b) => a.start - b.start);
  return units;
}

function listHoldsBlocks(list: HtmlElement, structuralInside: Set<HtmlElement>): boolean {
  for (const child of list.children) {
    if (child.type === 'element' && structuralInside.has(child)) {
      // A list item holding only a nested list is still a list.
      const blocks = child.children.filter(
        (node) =>
          node.type === 'element' &&
          node.name !== 'ul' &&
          node.name !== 'ol' &&
          structuralInside.has(node),
      );
      if (
        blocks.length > 0 ||
        child.children.some(
          (node) =>
            node.type === 'element' &&
            (node.name === 'p' ||
              node.name === 'div' ||
              /^h[1-6]$/.test(node.name) ||
              node.name === 'img' ||
              node.name === 'figure'),
        )
      )
        return true;
    }
  }
  return false;
}

function quoteHoldsSections(quote: HtmlElement): boolean {
  for (const child of quote.children) {
    if (child.type !== 'element') continue;
    if (
      /^h[1-6]$/.test(child.name) ||
      child.name === 'figure' ||
      child.name === 'table' ||
      child.name === 'blockquote'
    )
      return true;
  }
  return false;
}

/** A paragraph holding only images (and white space): a figure. */
function onlyMedia(paragraph: HtmlElement): boolean {
  const children = paragraph.children;
  // One text node (most paragraphs): no media.
  if (children.length === 1 && children[0]!.type === 'text') return false;
  let media = false;
  const stack: HtmlNode[] = [...children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      if (node.value.trim() !== '') return false;
      continue;
    }
    if (node.name === 'img' || node.name === 'picture') media = true;
    else if (node.name !== 'br' && node.name !== 'source')
      for (const child of node.children) stack.push(child);
  }
  return media;
}

/** A `<figure>` used as a wrapper around paragraphs: walk into it. */
function figureHoldsText(figure: HtmlElement): boolean {
  for (const child of figure.children) {
    if (child.type === 'element' && (child.name === 'p' || /^h[1-6]$/.test(child.name)))
      return true;
  }
  return false;
}
