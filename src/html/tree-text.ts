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

/** Collapse white space as a browser renders it (no-break spaces included), trimmed. */
export function collapse(text: string): string {
  return text.replace(softHyphen, '').replace(spaceRun, ' ').trim();
}

/** Soft hyphens: invisible unless a line breaks there. */
const softHyphen = /\u00ad/gu;

/** Classes that hide text from sighted readers (screen-reader labels). */
const srOnly =
  /(?:^|\s)(?:sr-only|visually-hidden|visuallyhidden|screen-reader-text|screenreader|element-invisible|offscreen|a11y-hidden|u-hidden|hidden)(?:$|\s)/iu;

/** Whether an element is hidden from readers (`hidden`, `aria-hidden`, `display:none`). */
export function isHidden(element: HtmlElement): boolean {
  const attributes = element.attributes;
  if ('hidden' in attributes) return true;
  if (attributes['aria-hidden'] === 'true') return true;
  const className = attributes.class;
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

/** The class and id of an element, lower case, as one string of words. */
export function classAndId(element: HtmlElement): string {
  const className = element.attributes.class;
  const id = element.attributes.id;
  if (className === undefined && id === undefined) return '';
  return `${className ?? ''} ${id ?? ''}`.toLowerCase();
}

/** Every element of the tree under `root`, in document order (iterative). */
export function* elementsOf(root: HtmlElement): Generator<HtmlElement> {
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    yield element;
    for (let index = element.children.length - 1; index >= 0; index--) {
      const child = element.children[index]!;
      if (child.type === 'element') stack.push(child);
    }
  }
}
