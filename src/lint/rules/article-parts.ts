import type { Article, ArticlePath, Contributor, Image, Inline } from '../../schema/index.js';

/**
 * Accessors that walk an article defensively: lint also runs on articles that failed the
 * schema, so every field may hold anything. Each returns its parts with their paths.
 */

/** `value` when it is an array, else an empty array. */
export function arrayOf<T>(value: readonly T[] | undefined | unknown): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [];
}

/** Whether `value` is a string with a non-whitespace character. */
export function isFilled(value: unknown): value is string {
  return typeof value === 'string' && /\S/.test(value);
}

/** Whether `value` is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A contributor with its path and index. */
export interface ContributorPart {
  contributor: Contributor;
  path: ArticlePath;
}

/** Every contributor of the byline (any role), with its path. */
export function contributorsOf(article: Article): ContributorPart[] {
  const byline = isRecord(article.byline) ? article.byline : undefined;
  const result: ContributorPart[] = [];
  arrayOf<Contributor>(byline?.contributors).forEach((contributor, index) => {
    if (isRecord(contributor)) {
      result.push({ contributor, path: ['byline', 'contributors', index] });
    }
  });
  return result;
}

/** Roles that are authors in JSON-LD (schema.org `author`). */
const authorRoles: ReadonlySet<string> = new Set(['author', 'reporter', 'writer']);

/** Whether a contributor is an author (role `author`, `reporter`, `writer`, or none given). */
export function isAuthor(contributor: Contributor): boolean {
  return contributor.role === undefined || authorRoles.has(contributor.role);
}

/** An image (the lead image or a figure block) with its path. */
export interface ImagePart {
  image: Image;
  path: ArticlePath;
  /** `true` for the lead image. */
  lead: boolean;
}

/** A block of the body with its path. */
export interface BlockPart {
  block: Record<string, unknown>;
  path: ArticlePath;
}

/**
 * The parts found in each article during one lint run (see {@link withPartsShared}): a dozen
 * rules walk the same body, and each walk allocated a part and a path for every block.
 */
let shared:
  | {
      blocks: WeakMap<object, readonly BlockPart[]>;
      images: WeakMap<object, readonly ImagePart[]>;
      inline: WeakMap<object, readonly InlinePart[]>;
    }
  | undefined;

/**
 * Run `run` with the parts of an article (`blocksOf`, `imagesOf`, `inlineContentsOf`) found
 * once and shared by every rule that asks for them: lintArticle runs its rules in it, on an
 * article no rule changes.
 */
export function withPartsShared<T>(run: () => T): T {
  if (shared) return run();
  shared = { blocks: new WeakMap(), images: new WeakMap(), inline: new WeakMap() };
  try {
    return run();
  } finally {
    shared = undefined;
  }
}

/** `find(article)`, kept in `cache` while parts are shared. */
function sharedParts<T>(
  cache: WeakMap<object, readonly T[]> | undefined,
  article: Article,
  find: (article: Article) => readonly T[],
): readonly T[] {
  if (!cache) return find(article);
  let parts = cache.get(article);
  if (!parts) {
    parts = find(article);
    cache.set(article, parts);
  }
  return parts;
}

/** How deep nested blocks are followed: lint runs on unchecked articles, which may nest without end. */
const MAX_BLOCK_DEPTH = 64;

/**
 * Every block of the body in reading order, the blocks nested in list items included
 * (`['body', 2, 'items', 0, 'blocks', 1]`), with their paths. Walked without recursion.
 */
export function blocksOf(article: Article): readonly BlockPart[] {
  return sharedParts(shared?.blocks, article, findBlocks);
}

/** The path of the body's own blocks, shared by their parts. */
const BODY: ArticlePath = ['body'];

/**
 * A block and where it is. The path is made when asked for (rules ask only for the blocks
 * they report): on a body of 500,000 paragraphs, a path array per block made each rule walk
 * allocate megabytes that outlived V8's young generation.
 */
class BlockAt implements BlockPart {
  readonly block: Record<string, unknown>;
  /** The path of the list the block is in (`['body']` for the body's own blocks). */
  readonly parent: ArticlePath;
  readonly index: number;
  constructor(block: Record<string, unknown>, parent: ArticlePath, index: number) {
    this.block = block;
    this.parent = parent;
    this.index = index;
  }
  get path(): ArticlePath {
    return [...this.parent, this.index];
  }
}

function findBlocks(article: Article): BlockPart[] {
  const result: BlockPart[] = [];
  const stack: Array<{ part: BlockAt; depth: number }> = [];
  const body = arrayOf<unknown>(article.body);
  for (let index = 0; index < body.length; index++) {
    const block = body[index];
    if (!isRecord(block)) continue;
    const part = new BlockAt(block, BODY, index);
    result.push(part);
    if (block.type !== 'list') continue;
    // A list: its items' blocks follow it in reading order, walked without recursion.
    stack.push({ part, depth: 0 });
    for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
      if (entry.part !== part) result.push(entry.part);
      const list = entry.part.block;
      if (list.type !== 'list' || entry.depth >= MAX_BLOCK_DEPTH) continue;
      const items = arrayOf<unknown>(list.items);
      const listPath = entry.part.path;
      const children: Array<{ part: BlockAt; depth: number }> = [];
      for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        const item = items[itemIndex];
        if (!isRecord(item)) continue;
        const blocks = arrayOf<unknown>(item.blocks);
        const parent = [...listPath, 'items', itemIndex, 'blocks'];
        blocks.forEach((child, childIndex) => {
          if (isRecord(child))
            children.push({ part: new BlockAt(child, parent, childIndex), depth: entry.depth + 1 });
        });
      }
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
    }
  }
  return result;
}

/** The lead image and every figure of the body (nested ones too), with their paths. */
export function imagesOf(article: Article): readonly ImagePart[] {
  return sharedParts(shared?.images, article, findImages);
}

function findImages(article: Article): ImagePart[] {
  const result: ImagePart[] = [];
  if (isRecord(article.image)) result.push({ image: article.image, path: ['image'], lead: true });
  for (const part of blocksOf(article)) {
    if (part.block.type === 'figure')
      result.push({ image: part.block as Image, path: part.path, lead: false });
  }
  return result;
}

/** Inline content with its path: a paragraph's, a heading's, a quote's, a list item's or a table cell's. */
export interface InlinePart {
  content: readonly Inline[];
  path: ArticlePath;
}

/** Every inline `content` of the body, with its path, in reading order. */
export function inlineContentsOf(article: Article): readonly InlinePart[] {
  return sharedParts(shared?.inline, article, findInlineContents);
}

function findInlineContents(article: Article): InlinePart[] {
  const result: InlinePart[] = [];
  const add = (holder: unknown, path: ArticlePath): void => {
    if (isRecord(holder) && Array.isArray(holder.content)) {
      result.push({ content: holder.content as Inline[], path: [...path, 'content'] });
    }
  };
  for (const part of blocksOf(article)) {
    const block = part.block;
    if (block.type === 'paragraph' || block.type === 'quote' || block.type === 'heading') {
      if (Array.isArray(block.content)) add(block, part.path);
    } else if (block.type === 'list') {
      const path = part.path;
      arrayOf<unknown>(block.items).forEach((item, index) => {
        add(item, [...path, 'items', index]);
      });
    } else if (block.type === 'table') {
      const path = part.path;
      arrayOf<unknown>(block.rows).forEach((row, rowIndex) => {
        arrayOf<unknown>(row).forEach((cell, cellIndex) => {
          add(cell, [...path, 'rows', rowIndex, cellIndex]);
        });
      });
    }
  }
  return result;
}

/** A link inside the body's text, with its path. */
export interface LinkPart {
  url: unknown;
  path: ArticlePath;
}

/** How deep inline content is followed: real text never nests this far. */
const MAX_INLINE_DEPTH = 32;

function collectLinks(
  content: readonly Inline[],
  stack: ArticlePath,
  depth: number,
  keep: (url: unknown) => boolean,
  into: LinkPart[],
): void {
  if (depth > MAX_INLINE_DEPTH) return;
  for (let index = 0; index < content.length; index++) {
    const node = content[index];
    if (!isRecord(node)) continue;
    if (node.type === 'link' && keep(node.url)) {
      into.push({ url: node.url, path: [...stack, index, 'url'] });
    }
    if ('children' in node) {
      stack.push(index, 'children');
      collectLinks(arrayOf<Inline>(node.children), stack, depth + 1, keep, into);
      stack.length -= 2;
    }
  }
}

/**
 * The links in the body (in paragraphs, headings, quotes, list items and table cells, and
 * around figures) for which `keep(url)` holds, with their paths.
 */
export function linksOf(article: Article, keep: (url: unknown) => boolean): LinkPart[] {
  const result: LinkPart[] = [];
  for (const { content, path } of inlineContentsOf(article)) {
    collectLinks(content, [...path], 0, keep, result);
  }
  for (const part of blocksOf(article)) {
    const block = part.block;
    if (block.type === 'figure' && block.link !== undefined && keep(block.link)) {
      result.push({ url: block.link, path: [...part.path, 'link'] });
    }
  }
  return result;
}

/** Whether `value` is an absolute `http:` or `https:` URL. */
export function isAbsoluteHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^/?#\s]/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Whether `value` starts with a URL scheme (`https:`, `mailto:`), so it is not relative.
 * Whether an absolute URL is well-formed is the schema's concern (`invalid-field`).
 */
export function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(value);
}

/** The length of a string in code points, so an emoji counts once. */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}

/** A short form of a value for a message or `actual`. */
export function short(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
