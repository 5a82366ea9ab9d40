import { isWhiteSpace } from '../fields/white-space.js';
import type { HtmlElement, HtmlNode } from './build-tree.js';

/** Elements whose text is never page text. */
export const hiddenElements: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'head',
  'title',
  'noscript',
  'svg',
  'math',
  'select',
  'option',
  'textarea',
  'button',
  'input',
  'iframe',
  'object',
  'canvas',
  'audio',
  'video',
  'map',
  'noembed',
  'noframes',
  'dialog',
]);

/** Elements that break text into separate lines. */
export const blockElements: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
  'center',
  'caption',
  'picture',
]);

const spaceRun = /[\s\u00a0\u200b]+/gu;

/** White space other than a lone ASCII space: where collapsing changes more than the ends. */
const collapsible = /[^\S ]|\u200b| {2}/u;

/** Collapse white space as a browser renders it (no-break spaces included), trimmed. */
export function collapse(text: string): string {
  if (text.includes('\u00ad')) text = text.replace(softHyphen, '');
  return collapsible.test(text) ? text.replace(spaceRun, ' ').trim() : text.trim();
}

/**
 * The length of {@link collapse}'s result, counted without building it: soft hyphens left
 * out, each run of white space (no-break and zero-width spaces included) one character,
 * none at the ends.
 */
export function collapsedLength(text: string): number {
  let length = 0;
  let started = false;
  let space = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0xad) continue;
    if (isCollapsedSpace(code)) {
      if (started) space = true;
      continue;
    }
    if (space) length++;
    space = false;
    started = true;
    length++;
  }
  return length;
}

/** The characters of `spaceRun`: JavaScript's white space (`\s`) and U+200B. */
function isCollapsedSpace(code: number): boolean {
  // The field parsers' white space, and the zero-width space pages put between words.
  return code === 0x200b || isWhiteSpace(code);
}

/** Soft hyphens: invisible unless a line breaks there. */
const softHyphen = /\u00ad/gu;

/** Classes that hide text from sighted readers (screen-reader labels). */
const srOnly =
  /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|element-invisible|offscreen|a11y-hidden|u-hidden|hidden)(?:$|\s)/i;

/**
 * Whether an element is hidden from readers (`hidden`, `aria-hidden`, `display:none`). Read
 * once per element: every stage that walks the tree asks.
 */
export function isHidden(element: HtmlElement): boolean {
  let hidden = element.hidden;
  if (hidden === undefined) {
    hidden = readHidden(element);
    element.hidden = hidden;
  }
  return hidden;
}

function readHidden(element: HtmlElement): boolean {
  const attributes = element.attributes;
  if ('hidden' in attributes) return true;
  if (attributes['aria-hidden'] === 'true') return true;
  const className = attributes.class;
  // Case-insensitive without `u`: as fast as a lower-cased copy, and no copy to make.
  if (className !== undefined && srOnly.test(className)) return true;
  const style = attributes.style;
  if (style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

/**
 * The visible text of a node, block elements on lines of their own, white space collapsed
 * within lines. Iterative: any depth is fine.
 */
export function textOf(node: HtmlNode, options: { lines?: boolean } = {}): string {
  if (node.type === 'text') return collapse(node.value);
  const parts: string[] = [];
  const stack: Array<HtmlNode | '\n'> = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current === '\n') {
      parts.push('\n');
      continue;
    }
    if (current.type === 'text') {
      parts.push(current.value);
      continue;
    }
    if (current !== node && (hiddenElements.has(current.name) || isHidden(current))) continue;
    const block = options.lines && blockElements.has(current.name);
    if (block) stack.push('\n');
    for (let index = current.children.length - 1; index >= 0; index--) {
      stack.push(current.children[index]!);
    }
    if (block) stack.push('\n');
  }
  const joined = parts.join('');
  if (!options.lines) return collapse(joined);
  return joined
    .split('\n')
    .map(collapse)
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Whether `test` holds for `element` or an ancestor, `reach` elements in all: the one walk of
 * the comment-section tests (of the unit features, the date candidates and the byline lines,
 * each with the class words its model was fitted with), of the byline-class test and of the
 * headline candidates' title and furniture class tests.
 */
export function someAncestor(
  element: HtmlElement | undefined,
  reach: number,
  test: (element: HtmlElement) => boolean,
): boolean {
  for (; element && reach > 0; reach--, element = element.parent) if (test(element)) return true;
  return false;
}

/** The class and id of an element, lower case, as one string of words (computed once per element). */
export function classAndId(element: HtmlElement): string {
  let words = element.classAndId;
  if (words === undefined) {
    const className = element.attributes.class;
    const id = element.attributes.id;
    words =
      className === undefined && id === undefined
        ? ''
        : `${className ?? ''} ${id ?? ''}`.toLowerCase();
    element.classAndId = words;
  }
  return words;
}

/** The document order of whole trees, built once per tree (the tree is not changed after building). */
const documentOrder = new WeakMap<HtmlElement, readonly HtmlElement[]>();

/**
 * Every element of the tree under `root`, `root` first, in document order (iterative). For the
 * root of a whole tree the list is built once and shared by every caller.
 */
export function elementsOf(root: HtmlElement): readonly HtmlElement[] {
  const whole = root.parent === undefined;
  if (whole) {
    const cached = documentOrder.get(root);
    if (cached) return cached;
  }
  const order: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    order.push(element);
    for (let index = element.children.length - 1; index >= 0; index--) {
      const child = element.children[index]!;
      if (child.type === 'element') stack.push(child);
    }
  }
  if (whole) documentOrder.set(root, order);
  return order;
}
