import type {
  BlockContent,
  DefinitionContent,
  FootnoteReference,
  List,
  ListItem as ListItem_,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableRow,
} from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { stringify as stringifyToml } from 'smol-toml';
import { type Processor, unified } from 'unified';
import { Document, isScalar } from 'yaml';
import { parseCaption } from '../fields/index.js';
import {
  type Article,
  articleSchema,
  type Block,
  type Contributor,
  type FigureBlock,
  type Inline,
  type ListItem,
} from '../schema/index.js';
import {
  citationLine,
  MAX_BLOCK_DEPTH,
  readsAsBylineOrDateline,
  tableCaptionLine,
} from './body-to-blocks.js';
import { type EscapeConfig, type EscapeState, escapeText } from './escape-text.js';
import { frontmatterFields } from './frontmatter-keys.js';
import { collapseWhiteSpace } from './frontmatter-to-fields.js';
import { escapeHtml } from './html-figure.js';
import { MAX_INLINE_DEPTH } from './mdast-to-inline.js';
import { STRING_TAG } from './read-frontmatter.js';

/** Options for {@link toMarkdown}. */
export interface ToMarkdownOptions {
  /** More frontmatter keys to write after the article's own, e.g. the `extra` of `parseMarkdown` (`layout`, `weight`). Keys that name Article fields are ignored. Default: none. */
  extra?: Readonly<Record<string, unknown>>;
  /**
   * The frontmatter format to write: `yaml` (between `---` lines) or `toml` (between `+++`
   * lines, as Hugo writes it; pass `frontmatterFormat` from `parseMarkdown` to keep a file's).
   * TOML has no `null`: keys whose value is `null` are left out, and data that still has no
   * TOML form (a `null` in a list) is written as YAML. Default: `yaml`.
   */
  frontmatterFormat?: 'yaml' | 'toml' | undefined;
  /**
   * Write MDX (for `.mdx` files read with `parseMdx` from `nutgraf/mdx`): `<` and `{` in text
   * are escaped, and `html` blocks (JSX, `import`/`export`) are written verbatim as always.
   * Default: `false`.
   */
  mdx?: boolean | undefined;
}

/** A node type of our own, written out verbatim (see {@link unreadable}). */
const characterReference = 'nutgrafCharacterReference';

let stringifier: Processor<undefined, undefined, undefined, Root, string> | undefined;

/**
 * A backslash escape of `:`, `.` or `@` (after an even run of backslashes, which escape each
 * other), as mdast-util-gfm-autolink-literal writes them in `https\://a.b`, `www\.a.b` and
 * `a\@b.c`. GFM reads those as links all the same: it finds literal links in the decoded
 * text of each text node.
 */
const autolinkEscape = /(?<!\\)((?:\\\\)*)\\([:.@])/g;
/** A Hugo shortcode's opening `{{<` or `{{%` (the `<` perhaps escaped): written `{\{<`, it is text. */
const shortcodeOpen = /\{\{(?=\\?[<%])/g;

/** The part of mdast-util-to-markdown's state a text handler uses. */
interface TextState extends EscapeState {
  indexStack: number[];
}

/**
 * Write text as mdast-util-to-markdown does, but with an empty HTML comment (`<!---->`) before
 * a `:`, `.` or `@` that would make a GFM literal link (`https://…`, `www.…`, `a@b.c`): it
 * splits the text node, so text that is not a link never becomes one. Renderers show
 * nothing for it, and `parseMarkdown` drops inline HTML from text. A Hugo shortcode's
 * `{{<` is written `{\{<`, which neither Hugo nor `parseMarkdown` reads as a shortcode.
 */
function textHandler(
  node: { value: string },
  parent: { children: unknown[] } | undefined,
  state: TextState,
  info: EscapeConfig,
): string {
  return safeText(node, parent, state, info)
    .replace(autolinkEscape, '$1<!---->$2')
    .replace(shortcodeOpen, '{\\{');
}

/**
 * The text of `node` escaped as mdast-util-to-markdown's `state.safe` escapes it, knowing its
 * neighbours, in time linear in its length ({@link escapeText}).
 */
function safeText(
  node: { value: string },
  parent: { children: unknown[] } | undefined,
  state: TextState,
  info: EscapeConfig,
): string {
  const siblings = (parent ? parent.children : []) as Array<{ type: string } | undefined>;
  const index = state.indexStack[state.indexStack.length - 1] ?? -1;
  return escapeText(state, node.value, {
    ...info,
    afterNode: siblings[index + 1],
    beforeNode: siblings[index - 1],
  });
}

/** A `<` or `{` not escaped (after an even run of backslashes). */
const mdxSyntax = /(?<!\\)((?:\\\\)*)([<{])/g;

/**
 * Write text as {@link textHandler} does, for MDX: `<` and `{` are escaped (MDX reads them as
 * JSX and expressions), and the text is split with an empty MDX comment (`{/**\/}`) where
 * Markdown takes an empty HTML comment, which MDX does not allow.
 */
function mdxTextHandler(
  node: { value: string },
  parent: { children: unknown[] } | undefined,
  state: TextState,
  info: EscapeConfig,
): string {
  return safeText(node, parent, state, info)
    .replace(mdxSyntax, '$1\\$2')
    .replace(autolinkEscape, '$1{/**/}$2')
    .replace(shortcodeOpen, '{\\{');
}

let mdxStringifier: Processor<undefined, undefined, undefined, Root, string> | undefined;

function markdownStringifier(
  mdx = false,
): Processor<undefined, undefined, undefined, Root, string> {
  if (mdx) {
    mdxStringifier ??= createStringifier(mdxTextHandler);
    return mdxStringifier;
  }
  stringifier ??= createStringifier(textHandler);
  return stringifier;
}

function createStringifier(
  text: typeof textHandler,
): Processor<undefined, undefined, undefined, Root, string> {
  return unified()
    .use(remarkStringify, {
      bullet: '-',
      emphasis: '*',
      strong: '*',
      rule: '_',
      fences: true,
      listItemIndent: 'one',
      resourceLink: true,
      handlers: {
        [characterReference]: (node: { value: string }) => node.value,
        text,
      } as unknown as StringifyOptions['handlers'],
    })
    .use(remarkGfm)
    .freeze() as unknown as Processor<undefined, undefined, undefined, Root, string>;
}

/** Contributor fields left out of the frontmatter when they hold their default. */
const contributorDefaults: Readonly<Record<string, unknown>> = { type: 'Person', role: 'author' };

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function contributorToYaml(contributor: Contributor): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(contributor)) {
    if (
      value !== undefined &&
      !(Object.hasOwn(contributorDefaults, key) && contributorDefaults[key] === value)
    )
      result[key] = value;
  }
  return result;
}

/** The frontmatter object (without a prototype): Article fields in schema order, defaults left out. */
function frontmatterOf(
  article: Article,
  extra: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  // `extra` keys come from files: `__proto__` and `constructor` are plain keys here.
  const data = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(articleSchema.shape)) {
    if (key === 'body') continue;
    const value = (article as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (key === 'type' && value === 'NewsArticle') continue;
    if (key === 'byline') {
      const byline = value as Article['byline'] & object;
      data.byline = withoutUndefined({
        text: byline.text,
        contributors: byline.contributors.map(contributorToYaml),
      });
      continue;
    }
    data[key] = value;
  }
  if (extra) {
    for (const [key, value] of Object.entries(extra)) {
      if (!Object.hasOwn(articleSchema.shape, key) && !(key in data) && value !== undefined)
        data[key] = value;
    }
  }
  return data;
}

/** Article fields read from frontmatter with their white space collapsed (`text` keys). */
const collapsedFields: ReadonlySet<string> = new Set(
  frontmatterFields.filter((row) => row.kind === 'text').map((row) => row.field),
);

/**
 * The frontmatter as YAML. A text field whose white space `parseMarkdown` would collapse (a
 * line break, a double space, a space at either end) is written double-quoted and tagged
 * `!!str`, which parseMarkdown reads exactly as written.
 */
function frontmatterYaml(data: Record<string, unknown>): string {
  const document = new Document(data);
  for (const field of collapsedFields) {
    const value = data[field];
    if (typeof value !== 'string' || collapseWhiteSpace(value) === value) continue;
    const node = document.get(field, true);
    if (isScalar(node)) {
      node.tag = STRING_TAG;
      node.type = 'QUOTE_DOUBLE';
    }
  }
  return document.toString({ lineWidth: 0, blockQuote: false, doubleQuotedAsJSON: true });
}

/**
 * The frontmatter as TOML (smol-toml), keys whose value is `null` left out; `undefined` when
 * the data has no TOML form.
 */
function frontmatterToml(data: Record<string, unknown>): string | undefined {
  const table = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(data)) if (data[key] !== null) table[key] = data[key];
  try {
    const toml = stringifyToml(table);
    return toml === '' || toml.endsWith('\n') ? toml : `${toml}\n`;
  } catch {
    return undefined;
  }
}

/** A GFM footnote reference (`[^1]`). */
function footnoteReference(label: string): FootnoteReference {
  return { type: 'footnoteReference', identifier: label.toLowerCase(), label };
}

/**
 * Inline content as mdast phrasing content. Formatting nested deeper than
 * {@link MAX_INLINE_DEPTH} is written as its text, as `parseMarkdown` would read it.
 */
function phrasing(content: readonly Inline[], depth = 0): PhrasingContent[] {
  return content.flatMap((node): PhrasingContent[] => {
    switch (node.type) {
      case 'text':
        return [{ type: 'text', value: node.value }];
      case 'code':
        return [{ type: 'inlineCode', value: node.value }];
      case 'break':
        return [{ type: 'break' }];
      case 'footnoteReference':
        return [footnoteReference(node.label)];
      default:
        if (depth >= MAX_INLINE_DEPTH) return flatPhrasing(node.children);
        if (node.type === 'link') {
          return [
            {
              type: 'link',
              url: node.url,
              title: node.title ?? null,
              children: phrasing(node.children, depth + 1),
            },
          ];
        }
        return [{ type: node.type, children: phrasing(node.children, depth + 1) }];
    }
  });
}

/** The text, code and breaks of inline content, formatting dropped; walked without recursion. */
function flatPhrasing(content: readonly Inline[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  const stack: Inline[] = [...content].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'text') {
      const last = result[result.length - 1];
      if (last?.type === 'text') last.value += node.value;
      else result.push({ type: 'text', value: node.value });
    } else if (node.type === 'code') result.push({ type: 'inlineCode', value: node.value });
    else if (node.type === 'break') result.push({ type: 'break' });
    else if (node.type === 'footnoteReference') result.push(footnoteReference(node.label));
    else
      for (let index = node.children.length - 1; index >= 0; index--) {
        stack.push(node.children[index] as Inline);
      }
  }
  return result;
}

/** Plain text with its line breaks as hard breaks. */
function plainPhrasing(text: string): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) result.push({ type: 'break' });
    if (line !== '') result.push({ type: 'text', value: line });
  });
  return result;
}

/**
 * Text whose first character is written as a character reference (`&#66;y Ana Ruiz`): it
 * reads back as the same text, but `parseMarkdown` does not take it for a byline, a dateline
 * or a quote's citation, which it finds only where they are written out.
 */
function unreadable(value: string): PhrasingContent[] {
  const code = value.codePointAt(0);
  if (code === undefined) return [];
  const rest = value.slice(String.fromCodePoint(code).length);
  // Not an `html` node: mdast-util-to-markdown writes those after a line break as a space.
  const reference = { type: characterReference, value: `&#${code};` } as unknown as PhrasingContent;
  return rest === '' ? [reference] : [reference, { type: 'text', value: rest }];
}

const edgeSpace = /^\s|\s$/;

/**
 * Write the white space Markdown would drop as character references: at the start and end of
 * a paragraph and at the start of a line after a hard break (`parseMarkdown` keeps white
 * space written so at the ends of a paragraph).
 */
function keepWhiteSpace(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  nodes.forEach((node, index) => {
    if (node.type !== 'text' || !edgeSpace.test(node.value)) {
      result.push(node);
      return;
    }
    let value = node.value;
    const lineStart = index === 0 || nodes[index - 1]?.type === 'break';
    const before = lineStart && /^\s/.test(value) ? unreadable(value) : undefined;
    if (before) value = value.slice(1);
    const last = index === nodes.length - 1 && /\s$/.test(value);
    if (before) result.push(before[0] as PhrasingContent);
    if (last) {
      if (value.length > 1) result.push({ type: 'text', value: value.slice(0, -1) });
      result.push(...unreadable(value.slice(-1)));
    } else if (value !== '') result.push({ type: 'text', value });
  });
  return result;
}

/** Write the first character of the first text of `nodes` (white space aside) with {@link unreadable}, in place. */
function writeFirstCharacterAsReference(nodes: PhrasingContent[]): void {
  const stack: Array<[PhrasingContent[], number]> = [];
  for (let index = nodes.length - 1; index >= 0; index--) stack.push([nodes, index]);
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [siblings, index] = item;
    const node = siblings[index] as PhrasingContent;
    if (node.type === 'text') {
      const skip = node.value.length - node.value.trimStart().length;
      if (skip === node.value.length) continue;
      const space: PhrasingContent[] =
        skip > 0 ? [{ type: 'text', value: node.value.slice(0, skip) }] : [];
      siblings.splice(index, 1, ...space, ...unreadable(node.value.slice(skip)));
      return;
    }
    // parseMarkdown reads no byline or dateline from a paragraph that opens with code.
    if (node.type === 'inlineCode') return;
    if ('children' in node) {
      for (let child = node.children.length - 1; child >= 0; child--) {
        stack.push([node.children as PhrasingContent[], child]);
      }
    }
  }
}

function attribute(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}

/** Whether a figure reads back from `![alt](url)` and an emphasized caption line. */
function isSimpleFigure(figure: FigureBlock): boolean {
  if (!figure.url || figure.alt === '' || figure.width || figure.height) return false;
  const caption = figure.caption;
  if (!caption) return true;
  if (caption.credit || caption.text.trim() === '' || caption.text !== caption.text.trim())
    return false;
  const reread = parseCaption(caption.text);
  return (
    reread.text === caption.text && reread.credit === undefined && !/\s{2}|\n/.test(caption.text)
  );
}

/** Whether a block is a paragraph that is all emphasis: it would read back as a caption. */
function readsAsCaption(block: Block | undefined): boolean {
  return (
    block?.type === 'paragraph' &&
    block.content?.length === 1 &&
    block.content[0]?.type === 'emphasis'
  );
}

function figureNodes(figure: FigureBlock, next: Block | undefined): RootContent[] {
  if (isSimpleFigure(figure) && (figure.caption || !readsAsCaption(next))) {
    const image: PhrasingContent = {
      type: 'image',
      url: figure.url ?? '',
      alt: figure.alt ?? '',
      title: null,
    };
    const nodes: RootContent[] = [
      {
        type: 'paragraph',
        children: figure.link
          ? [{ type: 'link', url: figure.link, title: null, children: [image] }]
          : [image],
      },
    ];
    if (figure.caption) {
      nodes.push({
        type: 'paragraph',
        children: [{ type: 'emphasis', children: [{ type: 'text', value: figure.caption.text }] }],
      });
    }
    return nodes;
  }
  const lines = ['<figure class="nutgraf-figure">'];
  if (figure.url || figure.alt !== undefined || figure.width || figure.height || figure.link) {
    const img = `<img${attribute('src', figure.url)}${attribute('alt', figure.alt)}${attribute('width', figure.width)}${attribute('height', figure.height)}>`;
    lines.push(figure.link ? `<a${attribute('href', figure.link)}>${img}</a>` : img);
  }
  if (figure.caption) {
    const credit = figure.caption.credit
      ? `<small>${escapeHtml(figure.caption.credit.text)}</small>`
      : '';
    lines.push(`<figcaption>${escapeHtml(figure.caption.text)}${credit}</figcaption>`);
  }
  lines.push('</figure>');
  return [{ type: 'html', value: lines.join('\n') }];
}

/** Inline content (or plain text) as the children of a paragraph, white space at its ends kept. */
function paragraphChildren(
  text: string,
  content: readonly Inline[] | undefined,
): PhrasingContent[] {
  return keepWhiteSpace(content ? phrasing(content) : plainPhrasing(text));
}

/** Split inline content at each pair of breaks: a quote's paragraphs. */
function quoteParagraphs(content: readonly Inline[]): Inline[][] {
  const parts: Inline[][] = [[]];
  for (let index = 0; index < content.length; index++) {
    const node = content[index] as Inline;
    if (node.type === 'break' && content[index + 1]?.type === 'break') {
      parts.push([]);
      index++;
    } else parts[parts.length - 1]?.push(node);
  }
  return parts.filter((part) => part.length > 0);
}

/**
 * The text of a list item and of everything under it, one line per paragraph or item, as
 * parseMarkdown reads a list nested too deeply; walked without recursion.
 */
function flatItemText(item: ListItem): string {
  const lines: string[] = [];
  const stack: Array<ListItem | Block> = [item];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!('type' in node)) {
      if (node.text !== '') lines.push(node.text);
      const blocks = node.blocks ?? [];
      for (let index = blocks.length - 1; index >= 0; index--) stack.push(blocks[index] as Block);
    } else if (node.type === 'list') {
      for (let index = node.items.length - 1; index >= 0; index--) {
        stack.push(node.items[index] as ListItem);
      }
    } else if ('text' in node && typeof node.text === 'string' && node.text !== '') {
      lines.push(node.text);
    }
  }
  return lines.join('\n');
}

/** A list item: its text as a paragraph, then its blocks; flattened to text as deep as parseMarkdown does. */
function listItemNode(item: ListItem, depth: number): ListItem_ {
  const children: Array<BlockContent | DefinitionContent> = [];
  if (depth >= MAX_BLOCK_DEPTH) {
    const text = flatItemText(item);
    if (text !== '') children.push({ type: 'paragraph', children: plainPhrasing(text) });
  } else {
    if (item.text !== '' || item.content) {
      children.push({ type: 'paragraph', children: paragraphChildren(item.text, item.content) });
    }
    const blocks = item.blocks ?? [];
    blocks.forEach((block, index) => {
      children.push(...(blockNodes(block, index, blocks, -1, depth) as BlockContent[]));
    });
  }
  return {
    type: 'listItem',
    spread: needsBlankLine(item),
    checked: typeof item.checked === 'boolean' ? item.checked : null,
    children,
  };
}

/** Blocks that may follow a list item's text on the next line (they interrupt a paragraph). */
function interruptsParagraph(block: Block): boolean {
  switch (block.type) {
    case 'list':
      return block.items.length > 0 && (!block.ordered || (block.start ?? 1) === 1);
    case 'code':
    case 'quote':
    case 'heading':
    case 'divider':
      return true;
    default:
      return false;
  }
}

/**
 * Whether the parts of a list item must be apart by blank lines (a loose item). An item is
 * written tight only when that cannot change what it reads as: its text alone, one block
 * alone, or its text and then one block that may interrupt a paragraph (a list, code, a
 * quote). Otherwise text after a quote or a table would be read as part of it, and a numbered
 * list not starting at 1, HTML or a table right under the text as more of the text.
 */
function needsBlankLine(item: ListItem): boolean {
  const blocks = item.blocks ?? [];
  const hasText = item.text !== '' || item.content !== undefined;
  if (blocks.length === 0) return false;
  if (blocks.length === 1) return hasText && !interruptsParagraph(blocks[0] as Block);
  return true;
}

/**
 * The mdast of a block. `body` holds the block's siblings (`index` is its place among them),
 * `firstParagraph` the index of the body's first paragraph (-1 in a list item), `depth` how
 * many list items deep they are (0 in the body itself).
 */
function blockNodes(
  block: Block,
  index: number,
  body: readonly Block[],
  firstParagraph: number,
  depth = 0,
): RootContent[] {
  switch (block.type) {
    case 'paragraph': {
      const children = block.content ? phrasing(block.content) : plainPhrasing(block.text);
      // The first paragraph of the body is read as a byline or a dateline when it looks like
      // one: write its first character so that it is not.
      const first = index === firstParagraph;
      if (first && readsAsBylineOrDateline(block.text)) writeFirstCharacterAsReference(children);
      // Right after a table, a paragraph that looks like its caption (`Table: …`) is not one.
      else if (body[index - 1]?.type === 'table' && tableCaptionLine.test(block.text)) {
        writeFirstCharacterAsReference(children);
      }
      return [{ type: 'paragraph', children: keepWhiteSpace(children) }];
    }
    case 'heading':
      return [
        {
          type: 'heading',
          depth: block.level as 2 | 3 | 4 | 5 | 6,
          children: block.content ? phrasing(block.content) : [{ type: 'text', value: block.text }],
        },
      ];
    case 'figure':
      return figureNodes(block, body[index + 1]);
    case 'quote': {
      const parts = block.content
        ? quoteParagraphs(block.content).map((part) => phrasing(part))
        : block.text
            .split('\n\n')
            .filter((part) => part !== '')
            .map(plainPhrasing);
      const children: Paragraph[] = parts.map((part) => ({ type: 'paragraph', children: part }));
      // A last line that starts with a dash would read back as the citation: write its first
      // character as a character reference.
      const last = children[children.length - 1]?.children;
      if (!block.citation && last) {
        let start = last.length;
        while (start > 0 && last[start - 1]?.type !== 'break') start--;
        const line = last.slice(start);
        if (citationLine.test(phrasingText(line).trim())) {
          writeFirstCharacterAsReference(line);
          last.splice(start, last.length - start, ...line);
        }
      }
      if (block.citation) {
        children.push({
          type: 'paragraph',
          children: [{ type: 'text', value: `— ${block.citation}` }],
        });
      }
      return [{ type: 'blockquote', children: children as BlockContent[] }];
    }
    case 'list': {
      // An empty list has no Markdown form.
      if (block.items.length === 0) {
        const start = block.start === undefined ? '' : ` start="${block.start}"`;
        return [{ type: 'html', value: block.ordered ? `<ol${start}></ol>` : '<ul></ul>' }];
      }
      const list: List = {
        type: 'list',
        ordered: block.ordered,
        spread: false,
        children: block.items.map((item) => listItemNode(item, depth + 1)),
      };
      if (block.ordered && block.start !== undefined) list.start = block.start;
      return [list];
    }
    case 'divider':
      return [{ type: 'thematicBreak' }];
    case 'code':
      return [{ type: 'code', lang: block.language ?? null, value: block.text }];
    case 'table': {
      const table: Table = {
        type: 'table',
        children: block.rows.map(
          (row): TableRow => ({
            type: 'tableRow',
            children: row.map((cell) => ({
              type: 'tableCell',
              children: cellPhrasing(
                cell.content ? phrasing(cell.content) : plainPhrasing(cell.text),
              ),
            })),
          }),
        ),
      };
      if (block.align) table.align = [...block.align];
      if (block.caption === undefined) return [table];
      // Pandoc's table caption: a `Table: …` paragraph right after the table.
      return [table, { type: 'paragraph', children: plainPhrasing(`Table: ${block.caption}`) }];
    }
    case 'embed':
      // Written as the site builder's tag it was read from (`{{< youtube … >}}`), else as ours.
      if (block.source !== undefined) return [{ type: 'html', value: block.source }];
      return [
        {
          type: 'html',
          value: `<div class="nutgraf-embed"${attribute('data-url', block.url)}${attribute('data-provider', block.provider)}>${block.html ?? ''}</div>`,
        },
      ];
    case 'html':
      return [{ type: 'html', value: block.html }];
    case 'footnote':
      return [
        {
          type: 'footnoteDefinition',
          identifier: block.label.toLowerCase(),
          label: block.label,
          children: block.blocks.flatMap(
            (inner, at, blocks) => blockNodes(inner, at, blocks, -1, depth + 1) as BlockContent[],
          ),
        },
      ];
  }
}

/**
 * Phrasing content for a table cell: a line break is written `<br>` (which parseMarkdown reads
 * as a break), since a cell cannot span lines.
 */
function cellPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  return nodes.map((node): PhrasingContent => {
    if (node.type === 'break') return { type: 'html', value: '<br>' };
    if ('children' in node) {
      return {
        ...node,
        children: cellPhrasing(node.children as PhrasingContent[]),
      } as PhrasingContent;
    }
    return node;
  });
}

/** The plain text of phrasing content (character references as the character they write). */
function phrasingText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') text += node.value;
    else if ('children' in node) text += phrasingText(node.children);
  }
  return text;
}

/**
 * Write an {@link Article} as Markdown: YAML frontmatter with the Article's field names in a
 * stable order (dates as written, defaults left out), then the body. Figures with a credit or
 * a size are written as HTML `<figure>`; embeds as a `<div class="nutgraf-embed">`; an empty
 * list as `<ul></ul>`. So that `parseMarkdown(toMarkdown(article)).article` deep-equals
 * `article`, what would read back otherwise is written with a character reference or a YAML tag:
 * a first paragraph that looks like a byline or a dateline (`&#66;y Ana Ruiz`), quote text
 * whose last line starts with a dash, white space at the ends of a paragraph (`&#32;`), and
 * frontmatter text with line breaks or runs of white space (`headline: !!str "Night\nFerries"`).
 * Inline formatting nested more than 32 levels deep is written as its text.
 *
 * @example
 * toMarkdown({ headline: 'Ferries run at night', type: 'NewsArticle', body: [{ type: 'paragraph', text: 'The port board voted.' }] })
 * //=> '---\nheadline: Ferries run at night\n---\n\nThe port board voted.\n'
 */
export function toMarkdown(article: Article, options: Readonly<ToMarkdownOptions> = {}): string {
  if (typeof article !== 'object' || article === null || !Array.isArray(article.body)) {
    throw new TypeError('Expected `article` to be an Article (an object with a `body` array)');
  }
  if (
    options.frontmatterFormat !== undefined &&
    options.frontmatterFormat !== 'yaml' &&
    options.frontmatterFormat !== 'toml'
  ) {
    throw new TypeError("Expected `options.frontmatterFormat` to be 'yaml' or 'toml'");
  }
  const data = frontmatterOf(article, options.extra);
  const toml = options.frontmatterFormat === 'toml' ? frontmatterToml(data) : undefined;
  const frontmatter =
    toml === undefined ? `---\n${frontmatterYaml(data)}---\n` : `+++\n${toml}+++\n`;
  const firstParagraph = article.body.findIndex((item) => item.type === 'paragraph');
  const tree: Root = {
    type: 'root',
    children: article.body.flatMap((block, index, body) =>
      blockNodes(block, index, body, firstParagraph),
    ),
  };
  const body =
    tree.children.length > 0 ? markdownStringifier(options.mdx === true).stringify(tree) : '';
  return `${frontmatter}${body === '' ? '' : `\n${body}`}`;
}
