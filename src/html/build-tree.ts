import { Tokenizer } from 'htmlparser2';

/** A text node: decoded text and where it is in the source (0-based offsets, end exclusive). */
export interface HtmlText {
  type: 'text';
  value: string;
  start: number;
  end: number;
}

/** An element: lower-case name, attributes (first of each name wins), children in order. */
export interface HtmlElement {
  type: 'element';
  name: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | undefined;
  /** Its depth in the tree (the root is 0); at most {@link maxTreeDepth} + 1. */
  depth: number;
  /** Offset of its `<`. */
  start: number;
  /** Offset after its end tag, or where it was closed implicitly. */
  end: number;
  /** Its class and id, lower case, once `classAndId` has read them (a cache). */
  classAndId: string | undefined;
  /** Vector positions of its class words among the unit features, once read (a cache of features.ts). */
  classPositions: readonly number[] | undefined;
  /** What the unit features read once per element (a cache of features.ts), made on first use. */
  cache: ElementCache | undefined;
}

/** What features.ts reads once per element, each on first use. */
export interface ElementCache {
  /** Feature positions set by the element and its ancestors. */
  chain?: readonly number[];
  /** How many of its siblings share its tag and first class. */
  repeats?: number;
  /** Its tag and first class. */
  signature?: string;
  /** For a parent: how many of its children have each signature. */
  childSignatures?: Map<string, number>;
  /** Whether its own class or id names a comment section. */
  comment?: boolean;
  /** The element itself or its nearest `<article>` ancestor, `null` when none. */
  article?: HtmlElement | null;
}

/** A node of the tree built by {@link buildTree}. */
export type HtmlNode = HtmlElement | HtmlText;

/** What {@link buildTree} gives. */
export interface HtmlTree {
  /** A synthetic root holding the document's top-level nodes. */
  root: HtmlElement;
  /** The deepest nesting met in the source, before the depth cap. */
  maxDepth: number;
  /** Offsets of the first element nested deeper than the cap, when there was one. */
  tooDeepAt?: number;
}

/**
 * Elements nested deeper than this are attached to their ancestor at this depth, as their
 * siblings: later stages walk the tree without recursion, but a page 100,000 levels deep is
 * not a story, and flattening keeps every step linear.
 */
export const maxTreeDepth = 256;

const voidElements = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const pOnly = new Set(['p']);
const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p']);
const formTags = new Set([
  'input',
  'option',
  'optgroup',
  'select',
  'button',
  'datalist',
  'textarea',
]);
const cells = new Set(['th', 'td']);
const rows = new Set(['tr', 'th', 'td']);
const tableSections = new Set(['thead', 'tbody', 'tr', 'th', 'td']);
const definitions = new Set(['dd', 'dt']);

/**
 * Start tags that close the open elements on top of the stack first (the HTML parser's implied
 * end tags, simplified as htmlparser2 does): `<p>` closes an open `<p>`, `<li>` an open `<li>`, a
 * block element an open paragraph.
 */
const impliedEnds: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['tr', rows],
  ['th', cells],
  ['td', cells],
  ['tbody', tableSections],
  ['thead', tableSections],
  ['tfoot', tableSections],
  ['li', new Set(['li', 'p'])],
  ['dd', new Set([...definitions, 'p'])],
  ['dt', new Set([...definitions, 'p'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['select', formTags],
  ['input', formTags],
  ['button', formTags],
  ['textarea', formTags],
  ['h1', headings],
  ['h2', headings],
  ['h3', headings],
  ['h4', headings],
  ['h5', headings],
  ['h6', headings],
  ['a', new Set(['a'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ...[
    'p',
    'address',
    'article',
    'aside',
    'blockquote',
    'details',
    'div',
    'dl',
    'fieldset',
    'figcaption',
    'figure',
    'footer',
    'form',
    'header',
    'hr',
    'main',
    'nav',
    'ol',
    'pre',
    'section',
    'table',
    'ul',
  ].map((name) => [name, pOnly] as const),
]);

const headingNames = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Elements whose end tag is ignored: content after `</body>` still belongs to the body. */
const ignoredEndTags = new Set(['html', 'body', 'head']);

/**
 * Build a light element tree from HTML text with htmlparser2's tokenizer (entities decoded,
 * `<script>`, `<style>`, `<title>`, `<textarea>` read as raw text; comments dropped). The tree
 * construction is linear in the input: open elements are counted by name, so an end tag with
 * nothing to close costs O(1), and each element is pushed and popped once. Never throws.
 *
 * @example
 * buildTree('<p>Hi <b>there</p>').root.children[0].name //=> 'p'
 */
export function buildTree(html: string): HtmlTree {
  const root: HtmlElement = {
    type: 'element',
    name: '#root',
    attributes: {},
    children: [],
    parent: undefined,
    depth: 0,
    start: 0,
    end: html.length,
    classAndId: undefined,
    classPositions: undefined,
    cache: undefined,
  };
  const stack: HtmlElement[] = [root];
  const openCount = new Map<string, number>();
  let maxDepth = 0;
  let tooDeepAt: number | undefined;
  let foreign = 0;

  // The open tag being read.
  let pending: HtmlElement | undefined;
  let attributeName = '';
  let attributeValue = '';

  // Text runs and entities arrive in pieces: join them into one node (most text comes in one
  // piece, so the first piece is held apart and a list made only for a second).
  let firstPart = '';
  let textParts: string[] | undefined;
  let textStart = -1;
  let textEnd = -1;

  const flushText = () => {
    if (textStart < 0) return;
    const value = textParts === undefined ? firstPart : textParts.join('');
    const parent = attachPoint();
    parent.children.push({ type: 'text', value, start: textStart, end: textEnd });
    firstPart = '';
    textParts = undefined;
    textStart = -1;
  };
  const addText = (value: string, start: number, end: number) => {
    if (textStart < 0) {
      textStart = start;
      firstPart = value;
    } else if (textParts === undefined) textParts = [firstPart, value];
    else textParts.push(value);
    textEnd = end;
  };
  // Text goes into the open element; an element goes there too unless that element is
  // already below the depth cap, when it becomes its sibling.
  const attachPoint = (): HtmlElement => stack[stack.length - 1]!;
  const elementParent = (): HtmlElement => {
    const top = stack[stack.length - 1]!;
    return top.depth > maxTreeDepth ? top.parent! : top;
  };

  const pop = (end: number) => {
    const element = stack.pop()!;
    element.end = end;
    openCount.set(element.name, (openCount.get(element.name) ?? 1) - 1);
    if (element.name === 'svg' || element.name === 'math') foreign--;
  };

  const open = (name: string, start: number): HtmlElement => {
    flushText();
    // `<body>` (or content that needs one) closes `<head>` and whatever was left open in it.
    if (name === 'body' && (openCount.get('head') ?? 0) > 0) {
      while (stack.length > 1 && stack[stack.length - 1]!.name !== 'head') pop(start);
      if (stack.length > 1) pop(start);
    }
    const ends = impliedEnds.get(name);
    if (ends) {
      while (stack.length > 1 && ends.has(stack[stack.length - 1]!.name)) pop(start);
    }
    const parent = elementParent();
    const element: HtmlElement = {
      type: 'element',
      name,
      attributes: {},
      children: [],
      parent,
      depth: parent.depth + 1,
      start,
      end: start,
      classAndId: undefined,
      classPositions: undefined,
      cache: undefined,
    };
    parent.children.push(element);
    return element;
  };

  const finishOpen = (element: HtmlElement, end: number, selfClosing: boolean) => {
    element.end = end;
    if (voidElements.has(element.name) || (selfClosing && foreign > 0)) return;
    if (element.name === 'svg' || element.name === 'math') foreign++;
    stack.push(element);
    openCount.set(element.name, (openCount.get(element.name) ?? 0) + 1);
    const depth = stack.length - 1;
    if (depth > maxDepth) maxDepth = depth;
    if (depth > maxTreeDepth && tooDeepAt === undefined) tooDeepAt = element.start;
  };

  const slice = (start: number, end: number) => html.slice(start, end);
  const openHeadings = () => {
    let count = 0;
    for (const heading of headingNames) count += openCount.get(heading) ?? 0;
    return count;
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true, xmlMode: false },
    {
      ontext(start, end) {
        addText(slice(start, end), start, end);
      },
      ontextentity(codePoint, end) {
        const value = String.fromCodePoint(codePoint);
        // The entity started where the last text ended (or at its own `&`).
        addText(value, textStart < 0 ? end - 1 : textEnd, end);
      },
      onopentagname(start, end) {
        const name = slice(start, end).toLowerCase();
        pending = open(name === 'image' ? 'img' : name, start - 1);
      },
      onattribname(start, end) {
        attributeName = slice(start, end).toLowerCase();
        attributeValue = '';
      },
      onattribdata(start, end) {
        attributeValue += slice(start, end);
      },
      onattribentity(codePoint) {
        attributeValue += String.fromCodePoint(codePoint);
      },
      onattribend() {
        if (pending && !Object.hasOwn(pending.attributes, attributeName)) {
          pending.attributes[attributeName] = attributeValue;
        }
        attributeValue = '';
      },
      onopentagend(end) {
        if (pending) finishOpen(pending, end + 1, false);
        pending = undefined;
      },
      onselfclosingtag(end) {
        if (pending) finishOpen(pending, end + 1, true);
        pending = undefined;
      },
      onclosetag(start, end) {
        flushText();
        let name = slice(start, end).toLowerCase();
        if (ignoredEndTags.has(name)) return;
        // Any heading end tag closes the open heading (`<h1>…</h2>`), as browsers do.
        // (Searched only when a heading is open; popping then removes what was searched.)
        if (headingNames.has(name) && (openCount.get(name) ?? 0) === 0 && openHeadings() > 0) {
          const open = stack.findLast((element) => headingNames.has(element.name));
          if (open) name = open.name;
        }
        if ((openCount.get(name) ?? 0) > 0) {
          while (stack.length > 1) {
            const top = stack[stack.length - 1]!;
            pop(end + 1);
            if (top.name === name) break;
          }
        } else if (name === 'p' || name === 'br') {
          // `</p>` with no open paragraph makes an empty one; `</br>` is a line break.
          const element = open(name, start - 2);
          element.end = end + 1;
        }
      },
      oncomment() {
        flushText();
      },
      oncdata(start, end, offset) {
        if (foreign > 0) addText(slice(start, end - offset), start, end);
        else flushText();
      },
      ondeclaration() {
        flushText();
      },
      onprocessinginstruction() {
        flushText();
      },
      onend() {
        flushText();
        while (stack.length > 1) pop(html.length);
      },
      isInForeignContext() {
        return foreign > 0;
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  const tree: HtmlTree = { root, maxDepth };
  if (tooDeepAt !== undefined) tree.tooDeepAt = tooDeepAt;
  return tree;
}
