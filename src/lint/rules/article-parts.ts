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

/** The lead image and every figure of the body, with their paths. */
export function imagesOf(article: Article): ImagePart[] {
  const result: ImagePart[] = [];
  if (isRecord(article.image)) result.push({ image: article.image, path: ['image'], lead: true });
  arrayOf<Record<string, unknown>>(article.body).forEach((block, index) => {
    if (isRecord(block) && block.type === 'figure') {
      result.push({ image: block as Image, path: ['body', index], lead: false });
    }
  });
  return result;
}

/** A link inside a paragraph, with its path. */
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
 * The links in the paragraphs of the body for which `keep(url)` holds, with their paths.
 * Paths are built only for kept links, so scanning a long body allocates little.
 */
export function linksOf(article: Article, keep: (url: unknown) => boolean): LinkPart[] {
  const result: LinkPart[] = [];
  arrayOf<Record<string, unknown>>(article.body).forEach((block, index) => {
    if (isRecord(block) && block.type === 'paragraph' && Array.isArray(block.content)) {
      collectLinks(block.content as Inline[], ['body', index, 'content'], 0, keep, result);
    }
  });
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
