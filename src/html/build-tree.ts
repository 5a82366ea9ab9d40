import { decodeHtmlReferences, decodeRcdata } from './decode-references.js';
import { tokenize } from './tokenize.js';

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
  /** Whether it is hidden from readers, once `isHidden` has read it (a cache). */
  hidden: boolean | undefined;
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

/**
 * Lower-case tag and attribute names met lately, in a table indexed by a hash of their
 * characters: a page writes the same few dozen names thousands of times, and slicing and
 * lower-casing each costs two strings. A name takes its slot from the one there before it
 * (two names of one slot alternate, costing a slice each time), so memory stays flat.
 */
const nameSlots = 2048;
const namesByHash: Array<string | undefined> = new Array(nameSlots).fill(undefined);

/** The lower-case name written at `start`…`end` of `html`. */
function nameAt(html: string, start: number, end: number): string {
  const length = end - start;
  if (length > 32) return html.slice(start, end).toLowerCase();
  let hash = length;
  for (let at = start; at < end; at++) {
    const code = html.charCodeAt(at);
    // Past ASCII, lower-casing is Unicode's: such names are not kept.
    if (code >= 128) return html.slice(start, end).toLowerCase();
    hash = (Math.imul(hash, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) | 0;
  }
  const slot = hash & (nameSlots - 1);
  const known = namesByHash[slot];
  if (known !== undefined && known.length === length) {
    let at = 0;
    for (; at < length; at++) {
      const code = html.charCodeAt(start + at);
      if (known.charCodeAt(at) !== (code >= 65 && code <= 90 ? code + 32 : code)) break;
    }
    if (at === length) return known;
  }
  const name = html.slice(start, end).toLowerCase();
  namesByHash[slot] = name;
  return name;
}

/**
 * Elements whose content the tokenizer reads as raw text up to their end tag (`<title>` and
 * `<textarea>` with character references decoded, the others as written).
 */
const rawTextElements: ReadonlyMap<string, 'rcdata' | 'raw'> = new Map([
  ['title', 'rcdata'],
  ['textarea', 'rcdata'],
  ['script', 'raw'],
  ['style', 'raw'],
  ['iframe', 'raw'],
  ['noembed', 'raw'],
  ['noframes', 'raw'],
  ['xmp', 'raw'],
  ['plaintext', 'raw'],
]);

/**
 * What an element without attributes and an element without children share: one frozen empty
 * object and array instead of two allocations per element (a page of 200,000 elements keeps
 * less alive). An element's first child makes it an array of exactly one (an empty array
 * grows to room for 17 at its first push: 136 bytes more for every paragraph of one text).
 */
const noAttributes: Record<string, string> = Object.freeze({}) as Record<string, string>;
const noChildren: HtmlNode[] = Object.freeze([]) as unknown as HtmlNode[];

/**
 * Character references, decoded one text or attribute value at a time as htmlparser2's
 * tokenizer decodes them inside a page (./decode-references.ts). The page itself is read with
 * decoding off: the tokenizer then skips through text and attribute values at once instead of
 * looking at every character, and most values hold no `&` to decode.
 */
const references = {
  /** Text read in the tokenizer's text state. */
  text: (text: string) => commonReferences(text) ?? decodeHtmlReferences(text, 'text'),
  /** The content of a `<title>` or `<textarea>` (`name`), read up to its end tag. */
  rcdata: decodeRcdata,
  /** An attribute value. */
  attribute: (value: string) => commonReferences(value) ?? decodeHtmlReferences(value, 'attribute'),
};

/** The named references pages use most, each ended by its `;` (no longer name starts so). */
const commonNamed: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

/**
 * `text` decoded when every `&` in it starts one of the references that read the same in text
 * and attributes and need no map (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, and
 * `&#…;`/`&#x…;` of a character that stands for itself); `undefined` when some `&` is anything
 * else, for the tokenizer to decode. Most pages' references are these.
 */
function commonReferences(text: string): string | undefined {
  let result = '';
  let copied = 0;
  for (let at = text.indexOf('&'); at !== -1; at = text.indexOf('&', copied)) {
    const end = text.indexOf(';', at + 2);
    if (end === -1 || end - at > 9) return undefined;
    let value: string | undefined;
    if (text.charCodeAt(at + 1) === 0x23) {
      const hex = (text.charCodeAt(at + 2) | 0x20) === 0x78;
      const from = at + (hex ? 3 : 2);
      if (from === end) return undefined;
      // The digits' value (at most 7 digits: `end` is at most 9 past the `&`).
      let code = 0;
      for (let index = from; index < end; index++) {
        const digit = text.charCodeAt(index);
        const letter = digit | 0x20;
        if (digit >= 48 && digit <= 57) code = code * (hex ? 16 : 10) + digit - 48;
        else if (hex && letter >= 97 && letter <= 102) code = code * 16 + letter - 87;
        else return undefined;
      }
      // Zero, C1 controls, surrogates and values past U+10FFFF have replacements of their own.
      if (code === 0 || (code >= 0x80 && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff))
        return undefined;
      if (code > 0x10ffff) return undefined;
      value = String.fromCodePoint(code);
    } else value = commonNamed.get(text.slice(at + 1, end));
    if (value === undefined) return undefined;
    result += text.slice(copied, at) + value;
    copied = end + 1;
  }
  return result + text.slice(copied);
}

/** Elements whose end tag is ignored: content after `</body>` still belongs to the body. */
const ignoredEndTags = new Set(['html', 'body', 'head']);

/**
 * Build a light element tree from HTML text with nutgraf's port of htmlparser2's tokenizer
 * (src/html/tokenize.ts; entities decoded,
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
    children: noChildren,
    parent: undefined,
    depth: 0,
    start: 0,
    end: html.length,
    classAndId: undefined,
    classPositions: undefined,
    hidden: undefined,
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
  // Inside an element the tokenizer reads as raw text: which kind (see `rawTextElements`).
  let rawText: 'rcdata' | 'raw' | undefined;
  let rawTextName = '';
  // Whether the tag being read started in foreign content (where no element is raw text).
  let pendingForeign = false;

  // Text runs and entities arrive in pieces: join them into one node (most text comes in one
  // piece, so the first piece is held apart and a list made only for a second).
  let firstPart = '';
  let textParts: string[] | undefined;
  let textStart = -1;
  let textEnd = -1;

  const flushText = () => {
    if (textStart < 0) return;
    const value = textParts === undefined ? firstPart : textParts.join('');
    append(attachPoint(), { type: 'text', value, start: textStart, end: textEnd });
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
  const append = (parent: HtmlElement, node: HtmlNode) => {
    if (parent.children === noChildren) parent.children = [node];
    else parent.children.push(node);
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
      attributes: noAttributes,
      children: noChildren,
      parent,
      depth: parent.depth + 1,
      start,
      end: start,
      classAndId: undefined,
      classPositions: undefined,
      hidden: undefined,
      cache: undefined,
    };
    append(parent, element);
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

  tokenize(html, {
    ontext(start, end) {
      let text = slice(start, end);
      // Character references, decoded as the tokenizer would have (pieces of text end at a
      // `<`, which ends a reference too, so a piece decodes as its part of the whole).
      if (rawText !== 'raw' && text.includes('&'))
        text = rawText === 'rcdata' ? references.rcdata(text, rawTextName) : references.text(text);
      addText(text, start, end);
    },
    onopentagname(start, end) {
      const name = nameAt(html, start, end);
      rawText = undefined;
      pendingForeign = foreign > 0;
      pending = open(name === 'image' ? 'img' : name, start - 1);
    },
    onattribname(start, end) {
      attributeName = nameAt(html, start, end);
      attributeValue = '';
    },
    onattribdata(start, end) {
      attributeValue += slice(start, end);
    },
    onattribend() {
      // Without a prototype: pages write attributes in every order, and as plain objects
      // each order is a new hidden class (slow to build and to read); an attribute named
      // `__proto__` is then an attribute like any other.
      if (pending && pending.attributes === noAttributes) pending.attributes = Object.create(null);
      // (Values are strings: an attribute not set yet reads as `undefined`.)
      if (pending && pending.attributes[attributeName] === undefined) {
        pending.attributes[attributeName] = attributeValue.includes('&')
          ? references.attribute(attributeValue)
          : attributeValue;
      }
      attributeValue = '';
    },
    onopentagend(end) {
      if (pending) {
        // The tokenizer reads what follows as raw text, up to this element's end tag.
        if (!pendingForeign) {
          rawText = rawTextElements.get(pending.name);
          rawTextName = pending.name;
        }
        finishOpen(pending, end + 1, false);
      }
      pending = undefined;
    },
    onselfclosingtag(end) {
      if (pending) finishOpen(pending, end + 1, true);
      pending = undefined;
    },
    onclosetag(start, end) {
      flushText();
      rawText = undefined;
      let name = nameAt(html, start, end);
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
    onend() {
      flushText();
      while (stack.length > 1) pop(html.length);
    },
    isInForeignContext() {
      return foreign > 0;
    },
  });
  const tree: HtmlTree = { root, maxDepth };
  if (tooDeepAt !== undefined) tree.tooDeepAt = tooDeepAt;
  return tree;
}
