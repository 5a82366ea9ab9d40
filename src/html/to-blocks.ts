import { parseCaption } from '../fields/parse-caption.js';
import type { Block, Image, Inline, ListItem } from '../schema/index.js';
import type { HtmlElement, HtmlNode } from './build-tree.js';
import { embedProviders, isPostEmbed, type Unit } from './segment.js';
import {
  allText,
  type InlineContext,
  isPlain,
  plainText,
  resolveUrl,
  toInline,
} from './to-inline.js';
import { collapse, elementsOf, textOf } from './tree-text.js';

/** Attributes that hold an image's URL, lazy-loading ones first (the `src` is then a placeholder). */
const imageSources = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-url',
  'data-hi-res-src',
  'src',
];

/** The best URL of an `<img>`, resolved; placeholders (`data:`) are skipped. */
function imageUrl(img: HtmlElement, base: string | undefined): string | undefined {
  for (const key of imageSources) {
    const value = img.attributes[key]?.trim();
    if (!value || value.startsWith('data:')) continue;
    const url = resolveUrl(value, base);
    if (url && /^https?:/i.test(url)) return url;
  }
  const srcset = img.attributes.srcset ?? img.attributes['data-srcset'];
  if (srcset) {
    // The last candidate is usually the largest.
    const candidates = srcset.split(/,\s+/u).map((part) => part.trim().split(/\s+/u)[0] ?? '');
    for (let index = candidates.length - 1; index >= 0; index--) {
      const url = resolveUrl(candidates[index]!, base);
      if (url && /^https?:/i.test(url)) return url;
    }
  }
  return undefined;
}

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d{1,5}\s*$/u.test(value)) return undefined;
  const number = Number(value);
  return number > 0 ? number : undefined;
}

function firstElement(root: HtmlElement, names: ReadonlySet<string>): HtmlElement | undefined {
  for (const element of elementsOf(root))
    if (element !== root && names.has(element.name)) return element;
  return undefined;
}

const imageTags = new Set(['img']);
const captionTags = new Set(['figcaption']);

/** An image with its caption and credit, from a `<figure>`, `<picture>` or `<img>`. */
export function toImage(element: HtmlElement, context: InlineContext): Image | undefined {
  const img = element.name === 'img' ? element : firstElement(element, imageTags);
  const image: Image = {};
  if (img) {
    const url = imageUrl(img, context.base);
    if (url) image.url = url;
    const alt = img.attributes.alt === undefined ? undefined : collapse(img.attributes.alt);
    if (alt) image.alt = alt;
    const width = positiveInt(img.attributes.width);
    const height = positiveInt(img.attributes.height);
    if (width) image.width = width;
    if (height) image.height = height;
  }
  const figcaption = element.name === 'figure' ? firstElement(element, captionTags) : undefined;
  const captionText = figcaption ? textOf(figcaption) : '';
  if (captionText) {
    const caption = parseCaption(captionText);
    if (caption.text !== '' || caption.credit) image.caption = caption;
  }
  if (!image.url && !image.caption) return undefined;
  return image;
}

function embedUrl(element: HtmlElement, base: string | undefined): string | undefined {
  if (element.name === 'blockquote') {
    // An embedded post links to itself: the last link is the post's permalink.
    const links = [...elementsOf(element)].filter(
      (node) => node.name === 'a' && node.attributes.href,
    );
    for (let index = links.length - 1; index >= 0; index--) {
      const url = resolveUrl(links[index]!.attributes.href!, base);
      if (url && /^https?:/i.test(url)) return url;
    }
    const cite = element.attributes.cite ?? element.attributes['data-instgrm-permalink'];
    return cite ? resolveUrl(cite, base) : undefined;
  }
  const source =
    element.attributes.src ??
    element.attributes['data-src'] ??
    element.attributes.data ??
    (element.name === 'video'
      ? firstElement(element, new Set(['source']))?.attributes.src
      : undefined);
  if (!source) return undefined;
  const url = resolveUrl(source, base);
  return url && /^https?:/i.test(url) ? url : undefined;
}

/** The provider of an embed URL, by host. */
export function providerOf(url: string): string | undefined {
  let host: string;
  let path: string;
  try {
    const parsed = new URL(url);
    host = parsed.hostname.toLowerCase();
    path = parsed.pathname;
  } catch {
    return undefined;
  }
  for (const [suffix, name] of embedProviders) {
    const [domain, prefix] = suffix.split(/\/(.*)/su) as [string, string | undefined];
    if (
      (host === domain || host.endsWith(`.${domain}`)) &&
      (!prefix || path.startsWith(`/${prefix}`))
    )
      return name;
  }
  return undefined;
}

const listTags = new Set(['ul', 'ol', 'dl']);
const itemTags = new Set(['li', 'dt', 'dd']);

/** Inline content as a list item or table cell holds it: `text`, and `content` when rich. */
function richText(
  nodes: readonly HtmlNode[],
  context: InlineContext,
): { text: string; content?: Inline[] } {
  const content = toInline(nodes, context);
  const text = inlineText(content);
  return isPlain(content) ? { text } : { text, content };
}

/**
 * The items of a list in reading order, each with its inline content; a nested list is a
 * block of its item (`blocks`). Items nested in wrappers (`<div>` inside `<ul>`) count too.
 */
function listItems(list: HtmlElement, context: InlineContext): ListItem[] {
  const items: ListItem[] = [];
  const stack: HtmlNode[] = [...list.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'element') continue;
    if (!itemTags.has(node.name)) {
      if (!listTags.has(node.name))
        for (let index = node.children.length - 1; index >= 0; index--)
          stack.push(node.children[index]!);
      continue;
    }
    const own = node.children.filter((child) => child.type === 'text' || !listTags.has(child.name));
    const item: ListItem = richText(own, context);
    const nested: Block[] = [];
    for (const child of node.children) {
      if (child.type === 'element' && listTags.has(child.name)) {
        const inner = listItems(child, context);
        if (inner.length > 0)
          nested.push({ type: 'list', ordered: child.name === 'ol', items: inner });
      }
    }
    if (nested.length > 0) item.blocks = nested;
    if (item.text !== '' || nested.length > 0) items.push(item);
  }
  return items;
}

function tableRows(
  table: HtmlElement,
  context: InlineContext,
): Array<Array<{ text: string; content?: Inline[] }>> {
  const rows: Array<Array<{ text: string; content?: Inline[] }>> = [];
  for (const element of elementsOf(table)) {
    if (element.name !== 'tr') continue;
    const cells = element.children
      .filter(
        (child): child is HtmlElement =>
          child.type === 'element' && (child.name === 'td' || child.name === 'th'),
      )
      .map((cell) => richText(cell.children, context));
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

/** The citation of a quote: a `<cite>` or `<footer>` inside it. */
function quoteParts(quote: HtmlElement): { text: string; citation?: string } {
  let citation: string | undefined;
  const parts: string[] = [];
  for (const child of quote.children) {
    if (
      child.type === 'element' &&
      (child.name === 'footer' || child.name === 'cite') &&
      citation === undefined
    ) {
      citation = textOf(child).replace(/^[—–-]\s*/u, '') || undefined;
      continue;
    }
    parts.push(child.type === 'text' ? child.value : `\n${textOf(child, { lines: true })}\n`);
  }
  const text = parts.join('').split('\n').map(collapse).filter(Boolean).join('\n');
  return citation ? { text, citation } : { text };
}

/** The plain text of inline content (as the schema's `inlineToString`, without importing zod). */
export function inlineText(content: readonly Inline[]): string {
  let result = '';
  const stack: Inline[] = [...content].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'code') result += node.value;
    else if (node.type === 'break') result += '\n';
    else if (node.type !== 'footnoteReference')
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index]!);
  }
  return result;
}

/** A paragraph block from inline nodes; `undefined` when it has no text. */
function paragraph(nodes: readonly HtmlNode[], context: InlineContext): Block | undefined {
  // Text nodes alone (most paragraphs): the text their inline content prints, without it.
  if (allText(nodes)) {
    const text = plainText(nodes);
    return text.trim() === '' ? undefined : { type: 'paragraph', text };
  }
  const content = toInline(nodes, context);
  const text = inlineText(content);
  if (text.trim() === '') return undefined;
  return isPlain(content) ? { type: 'paragraph', text } : { type: 'paragraph', text, content };
}

/**
 * The body block of a unit: a paragraph with its inline content, a heading, list, quote,
 * code, table, figure (caption and credit parsed), embed or divider. `undefined` when the unit
 * gives nothing usable (an image without a URL or caption, an embed of an unknown player).
 */
export function toBlock(unit: Unit, context: InlineContext): Block | undefined {
  const element = unit.element;
  switch (unit.kind) {
    case 'paragraph':
      return paragraph(unit.nodes ?? element.children, context);
    case 'heading': {
      const level = Number(element.name.slice(1));
      const text = textOf(element);
      if (!text) return undefined;
      return { type: 'heading', level: Math.min(6, Math.max(2, level)), text };
    }
    case 'list': {
      const items = listItems(element, context);
      if (items.length === 0) return undefined;
      return { type: 'list', ordered: element.name === 'ol', items };
    }
    case 'quote': {
      if (isPostEmbed(element)) return embed(element, context);
      const { text, citation } = quoteParts(element);
      if (!text) return undefined;
      return citation ? { type: 'quote', text, citation } : { type: 'quote', text };
    }
    case 'code': {
      const text = textOfPre(element);
      if (text.trim() === '') return undefined;
      const code = firstElement(element, new Set(['code']));
      const language = /\blang(?:uage)?-([\w+#-]+)/u.exec(
        `${code?.attributes.class ?? ''} ${element.attributes.class ?? ''}`,
      )?.[1];
      return language ? { type: 'code', text, language } : { type: 'code', text };
    }
    case 'table': {
      const rows = tableRows(element, context);
      if (rows.length === 0) return undefined;
      // Its own `<caption>` (a child), not one of a table nested in a cell.
      const caption = element.children.find(
        (child): child is HtmlElement => child.type === 'element' && child.name === 'caption',
      );
      const captionText = caption ? textOf(caption) : '';
      return captionText ? { type: 'table', rows, caption: captionText } : { type: 'table', rows };
    }
    case 'figure': {
      const image = toImage(element, context);
      return image ? { type: 'figure', ...image } : undefined;
    }
    case 'embed':
      return embed(element, context);
    case 'divider':
      return { type: 'divider' };
  }
}

function embed(element: HtmlElement, context: InlineContext): Block | undefined {
  const url = embedUrl(element, context.base);
  if (!url) return undefined;
  const provider = providerOf(url);
  // Players and posts of known providers, and `<video>`; other frames are ads and widgets.
  if (!provider && element.name !== 'video') return undefined;
  return provider ? { type: 'embed', url, provider } : { type: 'embed', url };
}

/** The text of a `<pre>`, white space kept. */
function textOfPre(pre: HtmlElement): string {
  let text = '';
  const stack: HtmlNode[] = [pre];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') text += node.value;
    else if (node.name === 'br') text += '\n';
    else
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index]!);
  }
  return text.replace(/^\n/u, '').trimEnd();
}
