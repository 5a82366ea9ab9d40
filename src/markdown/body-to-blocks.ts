import type {
  Blockquote,
  Definition,
  FootnoteDefinition,
  Heading,
  Html,
  Image,
  ImageReference,
  List,
  ListItem as MdastListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
} from 'mdast';
import {
  looksLikeByline,
  parseByline,
  parseCaption,
  parseCredit,
  parseDateline,
} from '../fields/index.js';
import { scriptScheme } from '../schema/checks.js';
import type {
  ArticlePath,
  Block,
  Byline,
  Caption,
  Dateline,
  FigureBlock,
  Inline,
  ListItem,
  ParagraphBlock,
  Point,
  Position,
  TableBlock,
  TableCell,
} from '../schema/index.js';
import { inlineToString, setSource } from '../schema/index.js';
import {
  dropInlinePrefix,
  inlineLength,
  isPlainInline,
  type TrimInlineOptions,
  takeInlinePrefix,
  trimInline,
} from '../schema/inline-edit.js';
import { lastAtOrBefore } from '../schema/line-index.js';
import { collapseWhiteSpace } from './collapse-white-space.js';
import type { ParseContext } from './context.js';
import { findLiteralLinks } from './find-literal-links.js';
import { literalLinkNodes } from './gfm-literal-links.js';
import {
  findImageShortcodes,
  type HtmlImage,
  hasImageShortcode,
  readAttributes,
  readHtmlFigure,
} from './html-figure.js';
import { lookupImage } from './lookups.js';
import { MAX_INLINE_DEPTH, mdastToString, toInline } from './mdast-to-inline.js';
import { openingFence, parseTree } from './parse-tree.js';
import { resolveUrl } from './resolve-url.js';
import { shiftTree } from './shift-tree.js';
import {
  embedOfTag,
  findEndHighlight,
  highlightLanguage,
  restOfLineBlank,
  type SourceToken,
  type TemplateTag,
  tokenizeTemplateSource,
} from './template-tags.js';

/** A WordPress `[caption …]` opening tag. */
const captionOpen = /\[caption\b([^\]]{0,2000})\]/;

function captionShortcodeIn(text: string): boolean {
  return captionOpen.test(text);
}

/** A trailing attribution line of a block quote: `— Ana Ruiz, harbour master`. */
export const citationLine = /^(?:—|―|–|--)\s*(\S[\s\S]*)$/;
/** A paragraph right after a table that is its caption (Pandoc's `Table: …`): the caption. */
export const tableCaptionLine = /^[Tt]able:[ \t]+(\S[\s\S]*)$/;
/** The dash of a citation line. */
const citationDash = /^(?:—|―|–|--)/;
/** Block quote markers and indentation at the start of a line. */
const quoteMarkers = /^[ \t>]*/;
/** An HTML comment on its own (`<!-- more -->`). */
const htmlComment = /^<!--[\s\S]*-->$/;
/** The block nutgraf writes for an embed. */
const embedDiv = /^<div\s+class="nutgraf-embed"([^>]{0,4000})>([\s\S]*)<\/div>$/;
const iframe = /^<iframe\b([^>]{0,4000})>/i;
/** An empty HTML list, `<ul></ul>` or `<ol></ol>` (`<ol start="3">`). */
const emptyListHtml = /^<(ul|ol)(?:\s+start="(\d{1,9})")?>\s*<\/\1>$/i;
/** A Hugo shortcode's opening, written out. */
const shortcodeOpening = /\{\{[<%]/;
/** The flow (block) nodes remark-mdx adds. */
const mdxFlowTypes: ReadonlySet<string> = new Set([
  'mdxjsEsm',
  'mdxJsxFlowElement',
  'mdxFlowExpression',
]);
/** The phrasing (inline) nodes remark-mdx adds. */
const mdxTextTypes: ReadonlySet<string> = new Set(['mdxJsxTextElement', 'mdxTextExpression']);

/**
 * Whether a paragraph, a quote or a table holds JSX or an expression (remark-mdx's phrasing
 * nodes, or flow ones inside a quote), at any depth.
 * A comment alone (`{/* … *\/}`, as `toMarkdown` writes to split text) is nothing.
 */
function hasMdxPhrasing(parent: Paragraph | Blockquote | Table): boolean {
  const stack: Nodes[] = [...parent.children];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if ((mdxTextTypes.has(node.type) || mdxFlowTypes.has(node.type)) && !isMdxComment(node)) {
      return true;
    }
    // One push per child: spreading a node of 100,000s of children overflows the stack.
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return false;
}

/** Whether an MDX expression is only a comment, `{/* … *\/}`. */
function isMdxComment(node: Nodes): boolean {
  // A plain string: the MDX node types are known only where mdast-util-mdx's types are loaded.
  const type: string = node.type;
  if (type !== 'mdxTextExpression' && type !== 'mdxFlowExpression') return false;
  const value = (node as { value?: string }).value?.trim() ?? '';
  return value.startsWith('/*') && value.endsWith('*/') && value.indexOf('*/') === value.length - 2;
}

/** A template tag's opening: Liquid `{%`, Hugo `{{<` or `{{%`. */
const templateOpening = /\{%|\{\{[<%]/;
/** Bylines are short. */
const MAX_BYLINE_LENGTH = 160;

/** What the body gave besides its blocks. */
export interface BodyResult {
  blocks: Block[];
  /** The first `#` heading, when frontmatter gave no headline. */
  headline?: { text: string; place: Position };
  /** A `By …` line at the top, when frontmatter gave no byline. */
  byline?: { byline: Byline; place: Position };
  /** A dateline opening the first paragraph, when frontmatter gave none. */
  dateline?: { dateline: Dateline; place: Position };
}

/** What frontmatter already gave, so the body does not repeat it. */
export interface BodyKnown {
  headline?: string;
  hasByline: boolean;
  hasDateline: boolean;
  /** The tree was read with remark-mdx: JSX, expressions and ESM are kept as `mdx` blocks. */
  mdx?: boolean;
  /**
   * The tree's literal links are left in its text nodes (parseTree's `unread` links): they
   * are read as the link nodes `linkLiteralLinks` would have made would be.
   */
  literalLinks?: boolean;
}

function pointOf(point: { line: number; column: number; offset?: number | undefined }): Point {
  return point.offset === undefined
    ? { line: point.line, column: point.column }
    : { line: point.line, column: point.column, offset: point.offset };
}

/** The position of an mdast node as nutgraf stores positions. */
export function positionOf(node: Nodes): Position | undefined {
  const position = node.position;
  if (!position) return undefined;
  return { start: pointOf(position.start), end: pointOf(position.end) };
}

function isBlank(node: PhrasingContent): boolean {
  return (node.type === 'text' && node.value.trim() === '') || node.type === 'break';
}

/**
 * The first `count` children that are not blank, in order (not a filtered copy of every
 * child: a paragraph of 100,000 links is looked at for an image alone in it).
 */
function firstSignificant(children: readonly PhrasingContent[], count: number): PhrasingContent[] {
  const found: PhrasingContent[] = [];
  for (const child of children) {
    if (isBlank(child)) continue;
    found.push(child);
    if (found.length === count) break;
  }
  return found;
}

type ImageNode = Image | ImageReference;

/** The image of a node that is an image, an image reference, or a link around one image. */
function soleImage(node: PhrasingContent): ImageNode | undefined {
  if (node.type === 'image' || node.type === 'imageReference') return node;
  if (node.type === 'link' || node.type === 'linkReference') {
    const children = node.children.filter((child) => !isBlank(child));
    const only = children[0];
    if (
      children.length === 1 &&
      only &&
      (only.type === 'image' || only.type === 'imageReference')
    ) {
      return only;
    }
  }
  return undefined;
}

/**
 * Every image in phrasing content, in order; walked without recursion, the stack holding the
 * nodes inside one child at a time (not a copy of a paragraph's 100,000s of children).
 */
function imagesIn(nodes: readonly PhrasingContent[]): ImageNode[] {
  const images: ImageNode[] = [];
  const stack: PhrasingContent[] = [];
  // Indexed: a paragraph is read once, so this loop may run unoptimised, where `for … of`
  // allocates an iterator result per child.
  for (let at = 0; at < nodes.length; at++) {
    const child = nodes[at] as PhrasingContent;
    for (let node: PhrasingContent | undefined = child; node !== undefined; node = stack.pop()) {
      if (node.type === 'image' || node.type === 'imageReference') images.push(node);
      else if ('children' in node) {
        for (let index = node.children.length - 1; index >= 0; index--) {
          stack.push(node.children[index] as PhrasingContent);
        }
      }
    }
  }
  return images;
}

/** The byline a paragraph's text is (`By Ana Ruiz and Lena Moritz`), if it is one. */
function bylineIn(text: string): Byline | undefined {
  if (text.length > MAX_BYLINE_LENGTH || text.includes('\n') || !looksLikeByline(text)) {
    return undefined;
  }
  const byline = parseByline(text);
  return byline.contributors.length > 0 ? byline : undefined;
}

/**
 * Whether the text of a body's first paragraph would be read as a byline or a dateline
 * (when written out, see {@link bodyToBlocks}).
 */
export function readsAsBylineOrDateline(text: string): boolean {
  return bylineIn(text) !== undefined || parseDateline(text) !== undefined;
}

function normalize(text: string): string {
  return collapseWhiteSpace(text).toLowerCase();
}

/**
 * How deep lists nest in the blocks read: the items of a list nested deeper keep their text,
 * nested blocks read as lines of it. Nothing real nests this deep, and the recursive code that
 * checks and writes blocks (zod, mdast-util-to-markdown) runs out of stack far down.
 */
export const MAX_BLOCK_DEPTH = 32;

/** Where blocks go: the body, or the `blocks` of a list item. */
interface Container {
  blocks: Block[];
  /** The path of `blocks` in the article (`['body']`, `['body', 2, 'items', 0, 'blocks']`). */
  path: ArticlePath;
  /** How many list items deep. */
  depth: number;
  /**
   * The first paragraph of a list item, which gives the item's text (`item`, at `path`) when
   * it reads as a paragraph before any other block.
   */
  lead?: { node: Paragraph; item: ListItem; path: ArticlePath };
}

/** Link definitions anywhere in the tree (lists and quotes may hold them); phrasing is not walked. */
function definitionsIn(nodes: readonly RootContent[]): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  const stack: Nodes[] = [...nodes];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'definition') {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    } else if (
      node.type === 'list' ||
      node.type === 'listItem' ||
      node.type === 'blockquote' ||
      node.type === 'footnoteDefinition'
    ) {
      for (const child of node.children) stack.push(child);
    }
  }
  return definitions;
}

/**
 * Read the blocks of a Markdown body (`source` is the file's text, which the tree's
 * positions point into). Also finds the headline (`#`), a byline (`By …`) and a
 * dateline (`LISBON (AP) —`) at the top when frontmatter did not give them.
 */
export function bodyToBlocks(
  nodes: readonly RootContent[],
  source: string,
  context: ParseContext,
  known: BodyKnown,
): BodyResult {
  const result: BodyResult = { blocks: [] };
  const definitions = definitionsIn(nodes);
  const headlineKey = known.headline === undefined ? undefined : normalize(known.headline);
  let paragraphs = 0;
  let headlineSeen = false;
  let container: Container = { blocks: result.blocks, path: ['body'], depth: 0 };
  /** Where a search for `{% endhighlight %}` found none: none is found after it either. */
  let highlightSearchFailedFrom = Number.POSITIVE_INFINITY;
  const unread = known.literalLinks === true;
  /** The plain text of a node (see `mdastToString`). */
  const textOf = (node: Nodes): string => mdastToString(node, { literalLinks: unread });

  /** The path of the next block of the current container. */
  const nextPath = (): ArticlePath => [...container.path, container.blocks.length];

  const push = (block: Block, node: Nodes): void => {
    const place = positionOf(node);
    if (place) setSource(context.sources, nextPath(), place);
    container.blocks.push(block);
  };

  flow(nodes);
  return result;

  /** Read a run of block nodes into the current container. */
  function flow(nodes: readonly RootContent[]): void {
    const top = container.depth === 0;
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index] as RootContent;
      switch (node.type) {
        case 'heading': {
          const text = collapseWhiteSpace(textOf(node));
          if (text === '') break;
          if (top && node.depth === 1 && !headlineSeen) {
            headlineSeen = true;
            if (headlineKey === undefined) {
              const place = positionOf(node);
              if (place) result.headline = { text, place };
              else
                result.headline = {
                  text,
                  place: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
                };
              break;
            }
            if (normalize(text) === headlineKey) break;
          }
          push(heading(node, text), node);
          break;
        }
        case 'paragraph': {
          if (known.mdx && hasMdxPhrasing(node)) {
            pushMdx(node);
            break;
          }
          const taken = templateParagraph(nodes, index);
          if (taken > 0) {
            index += taken - 1;
            break;
          }
          const next = nodes[index + 1];
          const consumed = paragraph(node, next, top && paragraphs === 0);
          if (consumed) index++;
          break;
        }
        case 'blockquote':
          if (known.mdx && hasMdxPhrasing(node)) pushMdx(node);
          else push(quote(node), node);
          break;
        case 'list':
          push(list(node), node);
          break;
        case 'thematicBreak':
          push({ type: 'divider' }, node);
          break;
        case 'code': {
          const block: Block = { type: 'code', text: node.value };
          if (node.lang) block.language = node.lang;
          push(block, node);
          break;
        }
        case 'table': {
          if (known.mdx && hasMdxPhrasing(node)) {
            pushMdx(node);
            break;
          }
          const block = table(node);
          const next = nodes[index + 1];
          const caption = next?.type === 'paragraph' ? tableCaption(next) : undefined;
          if (caption !== undefined) {
            block.caption = caption;
            index++;
          }
          push(block, node);
          break;
        }
        case 'html':
          html(node);
          break;
        case 'footnoteDefinition':
          push(footnote(node), node);
          break;
        default:
          // MDX's JSX elements, expressions and ESM (with remark-mdx) are kept as they are
          // written; yaml, toml, definition: not body content.
          if (mdxFlowTypes.has(node.type)) pushMdx(node);
          break;
      }
    }
  }

  /**
   * Inline content of phrasing nodes, trimmed as `trim` says; links to script URLs and
   * formatting nested too deeply are reported at `path` (`place` when the node has none).
   */
  function inlineOf(
    children: readonly PhrasingContent[],
    path: ArticlePath,
    place: Position | undefined,
    trim: TrimInlineOptions = {},
  ): Inline[] {
    let tooDeep: PhrasingContent | undefined;
    const content = trimInline(
      toInline(
        children,
        definitions,
        (deep) => {
          tooDeep ??= deep;
        },
        0,
        (link, scheme) => reportUnsafe(link, scheme, place, path),
        unread,
      ),
      trim,
    );
    if (tooDeep) reportTooDeep(tooDeep, place, path);
    return content;
  }

  function reportUnsafe(
    link: PhrasingContent,
    scheme: string,
    place: Position | undefined,
    path: ArticlePath | undefined,
  ): void {
    context.report(
      'invalid-field',
      `Unexpected \`${scheme}\` URL in a link, expected a URL that runs no script: the link is left out, its text kept`,
      positionOf(link) ?? place,
      path,
    );
  }

  /** Report formatting nested too deeply to keep (its text is kept), at the deepest kept level. */
  function reportTooDeep(
    deep: PhrasingContent,
    place: Position | undefined,
    path: ArticlePath | undefined,
  ): void {
    context.report(
      'inline-nested-too-deep',
      `Unexpected inline formatting nested more than ${MAX_INLINE_DEPTH} levels deep, expected less: the text inside is kept, its deeper formatting dropped`,
      positionOf(deep) ?? place,
      path,
    );
  }

  /**
   * A heading block: its text (white space collapsed) and, when it has links or emphasis that
   * spell out the same text, its inline content.
   */
  function heading(node: Heading, text: string): Block {
    const block: Block = { type: 'heading', level: Math.max(2, node.depth), text };
    const content = collapseInline(inlineOf(node.children, nextPath(), positionOf(node)));
    if (!isPlainInline(content) && inlineToString(content) === text) block.content = content;
    return block;
  }

  /** A list, its items read as text and the blocks under it, as deep as {@link MAX_BLOCK_DEPTH}. */
  function list(node: List): Block {
    const path = nextPath();
    const ordered = node.ordered === true;
    const block: Block = { type: 'list', ordered, items: [] };
    if (ordered && typeof node.start === 'number' && node.start !== 1 && node.start >= 0) {
      block.start = node.start;
    }
    block.items = node.children.map((item, index) => listItem(item, [...path, 'items', index]));
    return block;
  }

  /**
   * A list item: its first paragraph is its text (when that paragraph reads as one paragraph,
   * not a figure); what follows, its blocks.
   */
  function listItem(item: MdastListItem, path: ArticlePath): ListItem {
    const result: ListItem = { text: '' };
    if (typeof item.checked === 'boolean') result.checked = item.checked;
    if (container.depth + 1 >= MAX_BLOCK_DEPTH) {
      // Too deep to keep apart: the item's text and everything under it, line by line.
      const text = leafTexts(item.children, unread).join('\n');
      if (item.children.some((child) => child.type !== 'paragraph')) {
        context.report(
          'list-nested-too-deep',
          `Unexpected list nested more than ${MAX_BLOCK_DEPTH} levels deep, expected less: its text is kept, what is nested under it read as lines of it`,
          positionOf(item),
          path,
        );
      }
      result.text = text;
      return result;
    }
    const outer = container;
    const blocks: Block[] = [];
    const first = item.children[0];
    container = { blocks, path: [...path, 'blocks'], depth: outer.depth + 1 };
    if (first?.type === 'paragraph') container.lead = { node: first, item: result, path };
    flow(item.children);
    container = outer;
    if (blocks.length > 0) result.blocks = blocks;
    return result;
  }

  /**
   * A footnote definition (`[^1]: …`): its label and its blocks, read as the body's (as deep
   * as {@link MAX_BLOCK_DEPTH}; deeper, its text as lines of one paragraph).
   */
  function footnote(node: FootnoteDefinition): Block {
    const path = nextPath();
    const label = node.label ?? node.identifier;
    if (container.depth + 1 >= MAX_BLOCK_DEPTH) {
      const text = leafTexts(node.children, unread).join('\n');
      return { type: 'footnote', label, blocks: text === '' ? [] : [{ type: 'paragraph', text }] };
    }
    const outer = container;
    const blocks: Block[] = [];
    container = { blocks, path: [...path, 'blocks'], depth: outer.depth + 1 };
    flow(node.children);
    container = outer;
    return { type: 'footnote', label, blocks };
  }

  /**
   * The caption a paragraph gives the table before it (Pandoc's `Table: …`): plain text and
   * line breaks only (and the empty comments toMarkdown writes to break literal links),
   * `Table:` written out in the file. Anything richer stays a paragraph, so that nothing it
   * holds is lost.
   */
  function tableCaption(paragraph: Paragraph): string | undefined {
    if (!startsWrittenOut(paragraph)) return undefined;
    let text = '';
    for (const child of paragraph.children) {
      if (child.type === 'text') {
        // A literal link in it is a link node once read: no caption.
        if (unread && findLiteralLinks(child.value).length > 0) return undefined;
        text += child.value;
      } else if (child.type === 'break') text += '\n';
      else if (child.type !== 'html' || child.value !== '<!---->') return undefined;
    }
    const caption = tableCaptionLine.exec(text);
    return caption?.[1] ? caption[1].trim() || undefined : undefined;
  }

  /** A table: each cell's text and inline content, and the columns' alignment when set. */
  function table(node: Table): TableBlock {
    const path = nextPath();
    const rows = node.children.map((row, rowIndex) =>
      row.children.map((cell, cellIndex): TableCell => {
        const content = inlineOf(
          cell.children,
          [...path, 'rows', rowIndex, cellIndex],
          positionOf(cell),
        );
        const text = inlineToString(content);
        return isPlainInline(content) ? { text } : { text, content };
      }),
    );
    const block: TableBlock = { type: 'table', rows };
    const align = node.align ?? [];
    if (align.some((value) => value !== null && value !== undefined)) {
      block.align = align.map((value) => value ?? null);
    }
    return block;
  }

  /** Handle a paragraph; returns `true` when it consumed the next node (a caption line). */
  function paragraph(node: Paragraph, next: RootContent | undefined, first: boolean): boolean {
    const place = positionOf(node);
    // Up to three: whether there are one, two or more is all that is asked.
    const significant = firstSignificant(node.children, 3);

    // An image alone in its paragraph: a figure, captioned by an emphasized line right
    // under it (same paragraph) or as the next paragraph.
    const only = significant[0] ? soleImage(significant[0]) : undefined;
    const under = significant[1];
    const link = only ? linkTarget(significant[0]) : undefined;
    if (only && significant.length === 2 && under?.type === 'emphasis') {
      pushImage(only, collapseWhiteSpace(textOf(under)), node, link);
      return false;
    }
    if (only && significant.length === 1) {
      let caption: string | undefined;
      let consumed = false;
      if (next?.type === 'paragraph') {
        const parts = next.children.filter((child) => !isBlank(child));
        if (parts.length === 1 && parts[0]?.type === 'emphasis') {
          caption = collapseWhiteSpace(textOf(parts[0]));
          consumed = true;
        }
      }
      pushImage(only, caption, node, link);
      return consumed;
    }

    // Images inside text become figures before the paragraph (a WordPress `[caption]`
    // around one gives its caption).
    const images = imagesIn(node.children);
    const captioned = images.length === 1 && captionShortcodeIn(textOf(node));
    if (!captioned) for (const image of images) pushImage(image, undefined, node);

    let tooDeep: PhrasingContent | undefined;
    const unsafe: Array<{ node: PhrasingContent; scheme: string }> = [];
    const trim = writtenWhiteSpace(node);
    let content = trimInline(
      toInline(
        node.children,
        definitions,
        (deep) => {
          tooDeep ??= deep;
        },
        0,
        (link, scheme) => unsafe.push({ node: link, scheme }),
        unread,
      ),
      trim,
    );
    /** Report what the paragraph's content lost, at `path` (where its text went). */
    const reportLosses = (path: ArticlePath | undefined): void => {
      for (const link of unsafe) reportUnsafe(link.node, link.scheme, place, path);
      if (tooDeep) reportTooDeep(tooDeep, place, path);
    };
    // Shortcodes written out in the file (`{{<`), not escaped (`{\{<`, as toMarkdown writes text).
    if (shortcodeWrittenIn(node)) content = extractShortcodeFigures(content, node);
    content = extractCaptionShortcode(content, node);
    content = trimInline(content, trim);
    // The first paragraph of a list item, before any other block, is the item's text.
    const lead =
      container.lead?.node === node && container.blocks.length === 0 ? container.lead : undefined;
    if (content.length === 0) {
      reportLosses(lead?.path ?? nextPath());
      return false;
    }
    let text = inlineToString(content);

    // A byline or a dateline is read from text written out, not from character references
    // (`&#66;y Ana Ruiz`, as toMarkdown writes a paragraph that only looks like one).
    if (first && startsWrittenOut(node)) {
      const byline = known.hasByline || result.byline || !place ? undefined : bylineIn(text);
      if (byline && place) {
        result.byline = { byline: { ...byline, text }, place };
        reportLosses(['byline']);
        return false;
      }
      if (!known.hasDateline && !result.dateline) {
        const dateline = parseDateline(text);
        if (dateline && place) {
          const leading = text.length - text.trimStart().length;
          content = trimInline(dropInlinePrefix(content, leading + dateline.text.length));
          text = inlineToString(content);
          result.dateline = { dateline, place };
          if (text === '') {
            reportLosses(['dateline']);
            paragraphs++;
            return false;
          }
        }
      }
    }
    if (lead) {
      reportLosses(lead.path);
      lead.item.text = text;
      if (!isPlainInline(content)) lead.item.content = content;
      if (place) setSource(context.sources, [...lead.path, 'text'], place);
      return false;
    }
    if (container.depth === 0) paragraphs++;
    reportLosses(nextPath());
    const block: ParagraphBlock = { type: 'paragraph', text };
    if (!isPlainInline(content)) block.content = content;
    push(block, node);
    return false;
  }

  /**
   * Read a paragraph (`nodes[index]`) written with site builders' template tags (see
   * `template-tags.ts`); returns how many nodes it took, 0 when it is not one:
   * - `{% highlight ruby %}` … `{% endhighlight %}` in the body (blank lines in the code split
   *   it into several nodes) is a `code` block in that language;
   * - a paragraph of tags only is one `html` block with their `syntax` (or an `embed`, for one
   *   known video or post shortcode such as `{{< youtube … >}}`), verbatim;
   * - in the body, tag lines opening or closing a paragraph of text (`{{< note >}}` / text /
   *   `{{< /note >}}`) are such blocks around the paragraph.
   * Paragraphs with an image shortcode (`{{< figure src=… >}}`) are left to {@link paragraph}.
   */
  function templateParagraph(nodes: readonly RootContent[], index: number): number {
    const node = nodes[index] as Paragraph;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return 0;
    const text = source.slice(start, end);
    if (!templateOpening.test(text)) return 0;
    const tokens = tokenizeTemplateSource(text);
    const first = tokens[0];
    if (first?.syntax === undefined) {
      // Text first: perhaps tag lines at the end.
    } else if (container.depth === 0 && highlightLanguage(first) !== undefined) {
      const taken = highlight(nodes, index, first, start);
      if (taken > 0) return taken;
    }
    if (hasImageShortcode(text)) return 0;
    let lead = 0;
    while (tokens[lead]?.syntax !== undefined) lead++;
    if (lead === tokens.length) {
      pushTemplate(tokens as TemplateTag[], text, node, start);
      return 1;
    }
    while (lead > 0 && !restOfLineBlank(text, (tokens[lead - 1] as SourceToken).end)) lead--;
    let trail = tokens.length;
    while (trail > lead && tokens[trail - 1]?.syntax !== undefined) trail--;
    if ((lead === 0 && trail === tokens.length) || container.depth > 0) return 0;
    const middleStart = lead === 0 ? 0 : lineStartBefore(text, (tokens[lead] as SourceToken).start);
    const middleEnd = (tokens[trail - 1] as SourceToken).end;
    const middle = text.slice(middleStart, middleEnd);
    if (openingFence(middle) || openingFence(middle, '+++')) return 0;
    if (lead > 0) {
      const leading = tokens.slice(0, lead) as TemplateTag[];
      const tagsEnd = (leading[leading.length - 1] as TemplateTag).end;
      pushTemplate(leading, text.slice(0, tagsEnd), node, start);
    }
    const tree = parseTree(middle, unread ? 'unread' : 'nodes');
    const at = pointIn(node, text, middleStart);
    shiftTree(tree.children, at, middleStart === 0 ? at.column - 1 : 0);
    flow(tree.children);
    if (trail < tokens.length) {
      const trailing = tokens.slice(trail) as TemplateTag[];
      const from = (trailing[0] as TemplateTag).start;
      pushTemplate(trailing, text.slice(from), node, start + from);
    }
    return 1;
  }

  /**
   * `{% highlight lang %}` opening the paragraph `nodes[index]` (at `start` in the file) and
   * the next `{% endhighlight %}`: a code block of the lines between, taking the nodes up to
   * the one the closing tag ends. 0 when the tag is not alone on its line, or the closing tag
   * is missing or followed by more text in its node.
   */
  function highlight(
    nodes: readonly RootContent[],
    index: number,
    tag: TemplateTag,
    start: number,
  ): number {
    const openEnd = start + tag.end;
    if (!restOfLineBlank(source, openEnd) || start >= highlightSearchFailedFrom) return 0;
    const close = findEndHighlight(source, openEnd);
    if (!close) {
      highlightSearchFailedFrom = start;
      return 0;
    }
    let last = index;
    while (last < nodes.length && (nodes[last]?.position?.end.offset ?? 0) < close.end) last++;
    const lastNode = nodes[last];
    const lastEnd = lastNode?.position?.end.offset;
    if (!lastNode || lastEnd === undefined || source.slice(close.end, lastEnd).trim() !== '') {
      return 0;
    }
    let codeStart = openEnd;
    while (codeStart < close.start && !/[\r\n]/.test(source.charAt(codeStart))) codeStart++;
    codeStart += source.startsWith('\r\n', codeStart) ? 2 : 1;
    let codeEnd = close.start;
    while (codeEnd > codeStart && /[ \t]/.test(source.charAt(codeEnd - 1))) codeEnd--;
    const code = source.slice(Math.min(codeStart, codeEnd), codeEnd).replace(/(?:\r\n|\r|\n)$/, '');
    const place = positionOf(nodes[index] as RootContent);
    const endPlace = positionOf(lastNode);
    if (place && endPlace)
      setSource(context.sources, nextPath(), { start: place.start, end: endPlace.end });
    container.blocks.push({ type: 'code', text: code, language: highlightLanguage(tag) as string });
    return last - index + 1;
  }

  /**
   * Push an MDX node (a JSX element, an expression, `import`/`export`, or a paragraph with
   * JSX in its text) as an `html` block with `syntax: 'mdx'` and its source, verbatim (in a
   * list item without the lines' indentation).
   */
  function pushMdx(node: RootContent): void {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const value = source.slice(start, end);
    const html = container.depth > 0 ? value.replace(/(\r\n|\r|\n)[ \t]+/g, '$1') : value;
    if (html.trim() === '') return;
    push({ type: 'html', html, syntax: 'mdx' }, node);
  }

  /**
   * Push template tags (`value`, their source, at `offset` in the file inside paragraph `node`)
   * as one block: an embed for one known video or post shortcode, else an `html` block with
   * their syntax. In a list item the lines' indentation is left out.
   */
  function pushTemplate(
    tags: readonly TemplateTag[],
    value: string,
    node: Paragraph,
    offset: number,
  ): void {
    const html = container.depth > 0 ? value.replace(/(\r\n|\r|\n)[ \t]+/g, '$1') : value;
    const only = tags.length === 1 ? tags[0] : undefined;
    const embed = only ? embedOfTag(only) : undefined;
    const block: Block = embed
      ? { type: 'embed', url: embed.url, provider: embed.provider, source: html }
      : { type: 'html', html, syntax: (tags[0] as TemplateTag).syntax };
    const nodeStart = node.position?.start.offset ?? 0;
    const text = source.slice(nodeStart, offset + value.length);
    const place: Position = {
      start: pointIn(node, text, offset - nodeStart),
      end: pointIn(node, text, offset - nodeStart + value.length),
    };
    setSource(context.sources, nextPath(), place);
    container.blocks.push(block);
  }

  /**
   * Whether the text of a paragraph holds a shortcode opening written out (`{{<`, `{{%`) in
   * the file: in the source of its text nodes, not in a link's title or URL, and not escaped
   * (`{\{<`, as toMarkdown writes text).
   */
  function shortcodeWrittenIn(paragraph: Paragraph): boolean {
    // None anywhere in the paragraph's source (which holds its text nodes'): no node is read.
    const from = paragraph.position?.start.offset;
    const to = paragraph.position?.end.offset;
    if (from !== undefined && to !== undefined && !shortcodeOpening.test(source.slice(from, to))) {
      return false;
    }
    const stack: PhrasingContent[] = [...paragraph.children];
    // Whether the literal links of each node on the stack are read (see `linksReadIn`).
    const read = stack.map(() => !unread);
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      const linksRead = read.pop() as boolean;
      if (node.type === 'text') {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        if (
          start !== undefined &&
          end !== undefined &&
          shortcodeOpening.test(source.slice(start, end))
        ) {
          if (linksRead) return true;
          // Is it in the source of one of the nodes its literal links split it into?
          for (const piece of literalLinkNodes(node)) pushRead(stack, read, piece, true);
        }
      } else if ('children' in node) {
        // One push per child: an emphasis of 100,000s of links overflowed the stack.
        const linked = linksReadIn(node, linksRead);
        for (const child of node.children as PhrasingContent[])
          pushRead(stack, read, child, linked);
      }
    }
    return false;
  }

  /**
   * Take a WordPress `[caption …]<image> Caption[/caption]` out of a paragraph, pushing the
   * paragraph's one image as a figure with that caption.
   */
  function extractCaptionShortcode(content: Inline[], node: Paragraph): Inline[] {
    const image = imagesIn(node.children)[0];
    if (!image || imagesIn(node.children).length !== 1) return content;
    const plain = inlineToString(content);
    const open = captionOpen.exec(plain);
    if (!open) return content;
    const openEnd = open.index + open[0].length;
    const close = plain.indexOf('[/caption]', openEnd);
    const closeStart = close === -1 ? plain.length : close;
    const attributes = readAttributes(open[1] ?? '');
    const caption = attributes.caption ?? collapseWhiteSpace(plain.slice(openEnd, closeStart));
    pushImage(image, caption, node, linkAround(node.children, image));
    const before = takeInlinePrefix(content, open.index);
    const after = close === -1 ? [] : dropInlinePrefix(content, close + '[/caption]'.length);
    return mergeText([...before, ...after]);
  }

  /**
   * Take Hugo image shortcodes out of a paragraph's content, pushing them as figures. They
   * are found in its plain text, so a URL inside one that GFM read as a link is taken out
   * with it; a space on both sides of one taken out of a sentence is kept once.
   */
  function extractShortcodeFigures(content: Inline[], node: Paragraph): Inline[] {
    const plain = inlineToString(content);
    const found = findImageShortcodes(plain);
    if (found.length === 0) return content;
    // Where each top-level node's text starts: each cut below looks at the nodes it spans
    // only, so that many shortcodes in one long paragraph take linear time.
    const starts: number[] = [];
    let at = 0;
    for (const item of content) {
      starts.push(at);
      at += inlineLength([item]);
    }
    /** The nodes whose text overlaps `from`…`to` (and those of no text in it), from the first. */
    const spanning = (from: number, to: number) => {
      const first = Math.max(0, lastAtOrBefore(starts, from - 1));
      return { first, nodes: content.slice(first, lastAtOrBefore(starts, to - 1) + 1) };
    };
    const pieces: Inline[] = [];
    let cursor = 0;
    for (const image of found) {
      const before = spanning(cursor, image.index);
      const cut = dropInlinePrefix(before.nodes, cursor - (starts[before.first] ?? 0));
      // One push per item: spreading the content of 100,000s of links overflows the stack.
      for (const item of takeInlinePrefix(cut, image.index - cursor)) pieces.push(item);
      cursor = image.index + image.length;
      if (image.index === 0 || /\s/.test(plain[image.index - 1] as string)) {
        while (cursor < plain.length && /[ \t]/.test(plain[cursor] as string)) cursor++;
      }
      // A link around the shortcode and nothing else: where the figure links to.
      const around = spanning(image.index, image.index + image.length);
      const link = linkSpanning(
        around.nodes,
        image.index,
        image.index + image.length,
        starts[around.first] ?? 0,
      );
      pushFigure(link ? { ...image, link } : image, node);
    }
    for (const item of dropInlinePrefix(content, cursor)) pieces.push(item);
    return mergeText(pieces.filter((item) => item.type !== 'text' || item.value !== ''));
  }

  /** Where the link whose only content is `image` goes, when `image` is inside one. */
  function linkAround(nodes: readonly PhrasingContent[], image: ImageNode): string | undefined {
    const stack: PhrasingContent[] = [...nodes];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node.type === 'link' || node.type === 'linkReference') {
        if (soleImage(node) === image) return linkTarget(node);
      }
      if ('children' in node)
        for (const child of node.children) stack.push(child as PhrasingContent);
    }
    return undefined;
  }

  /** Where a link around an image goes (`[![alt](photo.jpg)](target)`), when `node` is one. */
  function linkTarget(node: PhrasingContent | undefined): string | undefined {
    if (node?.type === 'link') return node.url || undefined;
    if (node?.type === 'linkReference') return definitions.get(node.identifier)?.url || undefined;
    return undefined;
  }

  function pushImage(
    image: ImageNode,
    caption: string | undefined,
    node: Nodes,
    link?: string | undefined,
  ): void {
    let url: string | undefined;
    let title: string | undefined;
    if (image.type === 'image') {
      url = image.url;
      title = image.title ?? undefined;
    } else {
      const definition = definitions.get(image.identifier);
      url = definition?.url;
      title = definition?.title ?? undefined;
    }
    const found: HtmlImage = {};
    if (url) found.src = url;
    if (image.alt) found.alt = image.alt;
    const captionText = caption ?? title;
    if (captionText) found.caption = captionText;
    if (link) found.link = link;
    pushFigure(found, node);
  }

  function pushFigure(image: HtmlImage, node: Nodes): void {
    const path = nextPath();
    const place = positionOf(node);
    let figure: FigureBlock = { type: 'figure' };
    // An id the `images` lookup knows (`{{< img src="harbour-at-night" >}}`) comes first:
    // it would otherwise resolve as a relative URL.
    const fromLookup = image.src ? lookupImage(context, image.src) : undefined;
    if (fromLookup) figure = { ...fromLookup, type: 'figure' };
    else if (image.src) {
      const resolved = resolveUrl(image.src, context.options.baseUrl);
      if (resolved.ok) figure.url = resolved.url;
      else {
        if (resolved.relative) {
          context.report(
            'relative-url',
            `Unexpected relative image URL \`${image.src}\`, expected an absolute URL: pass \`baseUrl\` to resolve it`,
            place,
            [...path, 'url'],
          );
        } else {
          context.report('invalid-field', `Unexpected image URL: ${resolved.message}`, place, [
            ...path,
            'url',
          ]);
        }
      }
    }
    if (image.alt !== undefined && (image.alt !== '' || image.exact)) figure.alt = image.alt;
    if (image.width) figure.width = image.width;
    if (image.height) figure.height = image.height;
    if (image.link) {
      const unsafe = scriptScheme(image.link);
      if (unsafe) {
        context.report(
          'invalid-field',
          `Unexpected \`${unsafe}\` URL in the link around an image, expected a URL that runs no script: the link is left out`,
          place,
          [...path, 'link'],
        );
      } else figure.link = image.link;
    }
    const caption = captionOf(image);
    if (caption) figure.caption = caption;
    if (
      !image.exact &&
      !figure.url &&
      !figure.caption &&
      figure.alt === undefined &&
      figure.link === undefined
    ) {
      return;
    }
    const block: Block = figure;
    if (place) setSource(context.sources, path, place);
    container.blocks.push(block);
  }

  function html(node: Html): void {
    const value = node.value.trim();
    if (value === '' || htmlComment.test(value)) return;
    const embed = embedDiv.exec(value);
    if (embed) {
      const attributes = readAttributes(embed[1] ?? '');
      const url = attributes['data-url']
        ? resolveUrl(attributes['data-url'], undefined)
        : undefined;
      if (url?.ok) {
        const block: Block = { type: 'embed', url: url.url };
        const inner = (embed[2] ?? '').trim();
        if (inner) block.html = inner;
        if (attributes['data-provider']) block.provider = attributes['data-provider'];
        push(block, node);
        return;
      }
    }
    const frame = iframe.exec(value);
    if (frame) {
      const src = readAttributes(frame[1] ?? '').src;
      const url = src ? resolveUrl(src, context.options.baseUrl) : undefined;
      if (url?.ok) {
        push({ type: 'embed', url: url.url, html: node.value }, node);
        return;
      }
    }
    // An empty list has no Markdown form: toMarkdown writes it as HTML.
    const emptyList = emptyListHtml.exec(value);
    if (emptyList) {
      const ordered = emptyList[1]?.toLowerCase() === 'ol';
      const start = emptyList[2] === undefined ? 1 : Number(emptyList[2]);
      push(
        ordered && start !== 1
          ? { type: 'list', ordered, start, items: [] }
          : { type: 'list', ordered, items: [] },
        node,
      );
      return;
    }
    if (/^<figure\b/i.test(value)) {
      const figure = readHtmlFigure(value);
      if (figure) {
        pushFigure(figure, node);
        return;
      }
    }
    push({ type: 'html', html: node.value }, node);
  }

  /**
   * A block quote: its paragraphs' inline content, a blank line (two breaks) apart, and its
   * citation. Lists, code and other blocks in it read as lines of text (with their links and
   * emphasis).
   */
  function quote(node: Blockquote): Block {
    const path = nextPath();
    const place = positionOf(node);
    const parts = node.children.map((child) => flowInline(child, path, place, 0));
    let last = parts.length - 1;
    while (last >= 0 && inlineToString(parts[last] ?? []) === '') last--;
    const lastChild = node.children[last];
    const lastText = inlineToString(parts[last] ?? []);
    const found = lastChild?.type === 'paragraph' ? citationOf(lastChild, lastText) : undefined;
    if (found) parts[last] = trimInline(takeInlinePrefix(parts[last] ?? [], found.rest.length));
    const content: Inline[] = [];
    for (const part of parts) {
      if (inlineToString(part) === '') continue;
      if (content.length > 0) content.push({ type: 'break' }, { type: 'break' });
      appendInlineTo(content, part);
    }
    const text = inlineToString(content);
    const block: Block = { type: 'quote', text };
    if (!isPlainInline(content)) block.content = content;
    if (found) block.citation = found.citation;
    return block;
  }

  /**
   * The inline content of a block inside a quote: a paragraph's or a heading's own, a list's
   * items on lines (nested lists too), a code block's lines, a nested quote's paragraphs a
   * blank line apart. HTML gives none. Nested more than {@link MAX_BLOCK_DEPTH} deep, the
   * plain text is kept.
   */
  function flowInline(
    node: Nodes,
    path: ArticlePath,
    place: Position | undefined,
    depth: number,
  ): Inline[] {
    if (depth >= MAX_BLOCK_DEPTH) return textLines(leafTexts([node], unread).join('\n'));
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        return inlineOf(node.children, path, place);
      case 'code':
        return textLines(leafText(node, unread));
      case 'list':
      case 'listItem':
      case 'blockquote': {
        const gap: Inline[] =
          node.type === 'blockquote' ? [{ type: 'break' }, { type: 'break' }] : [{ type: 'break' }];
        const result: Inline[] = [];
        for (const child of node.children) {
          const part = flowInline(child, path, place, depth + 1);
          if (inlineToString(part) === '') continue;
          if (result.length > 0) result.push(...gap);
          appendInlineTo(result, part);
        }
        return result;
      }
      case 'table':
        return textLines(
          node.children
            .map((row) => row.children.map((cell) => textOf(cell).trim()).join(' '))
            .join('\n'),
        );
      default:
        // JSX or an expression in a quote of an MDX file: its source, as lines of text.
        if (mdxFlowTypes.has(node.type) && node.position) {
          const from = node.position.start.offset ?? 0;
          return textLines(source.slice(from, node.position.end.offset ?? from));
        }
        return [];
    }
  }

  /**
   * The citation of a quote in its last paragraph (`text` is that paragraph's text): its last
   * line, or the whole paragraph, when it starts with a dash (`— Ana Ruiz, harbour master`)
   * written as such in the file (a dash written as a character reference is text).
   */
  function citationOf(
    paragraph: Paragraph,
    text: string,
  ): { citation: string; rest: string } | undefined {
    const lines = mdastToString(paragraph, { softLines: true }).split(/\r\n|\r|\n/);
    const line = (lines[lines.length - 1] ?? '').trim();
    const match = citationLine.exec(line);
    const end = paragraph.position?.end.offset;
    if (!match?.[1] || end === undefined || !text.endsWith(line)) return undefined;
    const lineStart = Math.max(
      source.lastIndexOf('\n', end - 1),
      source.lastIndexOf('\r', end - 1),
    );
    if (!citationDash.test(source.slice(lineStart + 1, end).replace(quoteMarkers, ''))) {
      return undefined;
    }
    return { citation: match[1].trim(), rest: text.slice(0, -line.length).trimEnd() };
  }

  /**
   * Which ends of a paragraph to trim: white space written as character references
   * (`&#x20;`, as toMarkdown writes a paragraph's leading and trailing spaces) is kept, and
   * so is a hard break (`\` at the end of a line) that opens it; a `<br>` tag is not.
   */
  function writtenWhiteSpace(paragraph: Paragraph): TrimInlineOptions {
    const first = paragraph.children[0];
    const last = paragraph.children[paragraph.children.length - 1];
    const start = first?.type === 'text' ? first.position?.start.offset : undefined;
    const end = last?.type === 'text' ? last.position?.end.offset : undefined;
    // A literal link unread at either end (a node of its own once read) changes nothing: it
    // starts with no white space, and trimming leaves a link as it is.
    return {
      start: !(
        first?.type === 'break' ||
        (first?.type === 'text' &&
          start !== undefined &&
          /^\s/.test(first.value) &&
          source[start] === '&')
      ),
      end: !(
        last?.type === 'text' &&
        end !== undefined &&
        /\s$/.test(last.value) &&
        source[end - 1] === ';'
      ),
    };
  }

  /**
   * Whether the text of a paragraph starts with a character written out in the file: its
   * first text (inline HTML, images and white space aside) is not inline code and its first
   * character is not a character reference or an escape.
   */
  function startsWrittenOut(paragraph: Paragraph): boolean {
    const stack: PhrasingContent[] = [...paragraph.children].reverse();
    // Whether the literal links of each node on the stack are read (see `linksReadIn`).
    const read = stack.map(() => !unread);
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      const linksRead = read.pop() as boolean;
      if (node.type === 'text') {
        const skip = node.value.length - node.value.trimStart().length;
        if (skip === node.value.length) continue;
        if (skip > 0 && !linksRead) {
          // Read, a literal link after the white space is a node of its own, placed where it
          // is written (the text before it is white space). Without white space first, the
          // text's first node starts where it does: no need to split it.
          const pieces = literalLinkNodes(node);
          for (let index = pieces.length - 1; index >= 0; index--) {
            pushRead(stack, read, pieces[index] as PhrasingContent, true);
          }
          continue;
        }
        const offset = node.position?.start.offset;
        return offset !== undefined && source[offset + skip] === node.value[skip];
      }
      if (node.type === 'inlineCode') return false;
      if ('children' in node) {
        const linked = linksReadIn(node, linksRead);
        for (let index = node.children.length - 1; index >= 0; index--) {
          pushRead(stack, read, node.children[index] as PhrasingContent, linked);
        }
      }
    }
    return false;
  }
}

/**
 * Whether the literal links of the children of `node` are read, in a tree whose text nodes
 * may hold unread ones (see `BodyKnown.literalLinks`): under a link they are (a link holds
 * none), and in nodes split out of a text already; `read` says whether they are in `node`.
 */
function linksReadIn(node: PhrasingContent, read: boolean): boolean {
  return read || node.type === 'link' || node.type === 'linkReference';
}

/** Push `node` on a walk's stack, and on `reads` whether its literal links are read. */
function pushRead(
  stack: PhrasingContent[],
  reads: boolean[],
  node: PhrasingContent,
  read: boolean,
): void {
  stack.push(node);
  reads.push(read);
}

/**
 * Inline content with its white space collapsed as a heading's text is: runs of white space
 * (line breaks too) as one space, none at the ends (inside formatting too). White space that
 * ends up doubled across formatting stays (the caller compares the text).
 */
function collapseInline(content: readonly Inline[]): Inline[] {
  const collapse = (nodes: readonly Inline[], start: boolean, end: boolean): Inline[] => {
    const result: Inline[] = [];
    nodes.forEach((node, index) => {
      if (node.type === 'text')
        appendInlineTo(result, [{ type: 'text', value: node.value.replace(/\s+/g, ' ') }]);
      else if (node.type === 'break') appendInlineTo(result, [{ type: 'text', value: ' ' }]);
      else if (node.type === 'code' || node.type === 'footnoteReference') result.push(node);
      else {
        const first = start && index === 0;
        const last = end && index === nodes.length - 1;
        result.push({ ...node, children: collapse(node.children, first, last) });
      }
    });
    return trimInline(result, { start, end });
  };
  return collapse(content, true, true);
}

/**
 * The URL of the link in `content` whose text is exactly the characters `start`–`end` of its
 * plain text (white space around them aside): a link around a shortcode and nothing else.
 */
function linkSpanning(
  content: readonly Inline[],
  start: number,
  end: number,
  offset = 0,
): string | undefined {
  let at = offset;
  for (const node of content) {
    const length = inlineToString([node]).length;
    if (at + length <= start) {
      at += length;
      continue;
    }
    if (at >= end || node.type === 'text' || node.type === 'code' || node.type === 'break') {
      return undefined;
    }
    if (node.type === 'link') {
      const text = inlineToString(node.children);
      const lead = text.length - text.trimStart().length;
      const trail = text.length - text.trimEnd().length;
      if (at + lead === start && at + length - trail === end) return node.url;
    }
    if (node.type === 'footnoteReference') continue;
    return linkSpanning(node.children, start, end, at);
  }
  return undefined;
}

/** Append inline nodes, merging adjacent texts. */
function appendInlineTo(into: Inline[], nodes: readonly Inline[]): void {
  for (const node of nodes) {
    const last = into[into.length - 1];
    if (node.type === 'text' && last?.type === 'text')
      into[into.length - 1] = { type: 'text', value: last.value + node.value };
    else into.push(node);
  }
}

/** Plain text as inline content, its line breaks as `break` nodes. */
function textLines(text: string): Inline[] {
  const result: Inline[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) result.push({ type: 'break' });
    if (line !== '') result.push({ type: 'text', value: line });
  });
  return result;
}

function mergeText(content: Inline[]): Inline[] {
  const result: Inline[] = [];
  for (const node of content) {
    const last = result[result.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else if (node.type === 'text') result.push({ ...node });
    else result.push(node);
  }
  return result;
}

function captionOf(image: HtmlImage): Caption | undefined {
  const text = image.caption === undefined ? undefined : collapseWhiteSpace(image.caption);
  if (image.credit !== undefined || (image.exact && text !== undefined)) {
    const credit = image.credit === undefined ? undefined : parseCredit(image.credit);
    const caption: Caption = { text: text ?? '' };
    if (credit && image.credit !== undefined) caption.credit = credit;
    return caption;
  }
  if (text === undefined) return undefined;
  if (text === '') return image.caption === undefined ? undefined : { text: '' };
  return parseCaption(text);
}

/** The text of a block that is not a list, its lines trimmed at the end. */
function leafText(node: Nodes, literalLinks: boolean): string {
  return mdastToString(node, { literalLinks })
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * The non-empty texts of blocks in reading order, nested lists (as deep as they go) read
 * item by item. Walked with an explicit stack: a list nested thousands of levels deep is
 * valid Markdown.
 */
function leafTexts(nodes: readonly Nodes[], literalLinks: boolean): string[] {
  const texts: string[] = [];
  const stack: Nodes[] = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'list' || node.type === 'listItem') {
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push(node.children[index] as Nodes);
      }
    } else {
      const text = leafText(node, literalLinks);
      if (text !== '') texts.push(text);
    }
  }
  return texts;
}

/** The offset of the start of the line `offset` is on, in `text`. */
function lineStartBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text.charCodeAt(at - 1) !== 0x0a && text.charCodeAt(at - 1) !== 0x0d) at--;
  return at;
}

/**
 * The point at `offset` in `text`, the source of `node` from its start (so `text` starts at
 * the node's start point).
 */
function pointIn(node: Nodes, text: string, offset: number): Point {
  const start = node.position?.start ?? { line: 1, column: 1 };
  let line = start.line;
  let lineStart = 0;
  for (let at = 0; at < offset; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(at + 1) !== 0x0a)) {
      line++;
      lineStart = at + 1;
    }
  }
  const column = line === start.line ? start.column + offset : offset - lineStart + 1;
  const point: Point = { line, column };
  if (start.offset !== undefined) point.offset = start.offset + offset;
  return point;
}
