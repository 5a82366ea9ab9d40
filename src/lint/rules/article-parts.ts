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
  path: ArticlePath,
  depth: number,
  into: LinkPart[],
): void {
  if (depth > MAX_INLINE_DEPTH) return;
  content.forEach((node, index) => {
    if (!isRecord(node)) return;
    const here = [...path, index];
    if (node.type === 'link') into.push({ url: node.url, path: [...here, 'url'] });
    if ('children' in node) {
      collectLinks(arrayOf<Inline>(node.children), [...here, 'children'], depth + 1, into);
    }
  });
}

/** Every link in the paragraphs of the body, with its path. */
export function linksOf(article: Article): LinkPart[] {
  const result: LinkPart[] = [];
  arrayOf<Record<string, unknown>>(article.body).forEach((block, index) => {
    if (isRecord(block) && block.type === 'paragraph') {
      collectLinks(arrayOf<Inline>(block.content), ['body', index, 'content'], 0, result);
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

/** Whether `value` is an absolute URL of any scheme (`mailto:`, `https:`, …). */
export function isAbsoluteUrl(value: string): boolean {
  if (!/^[a-z][a-z\d+.-]*:/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
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
