import type { HtmlElement } from './build-tree.js';
import { collapse, elementsOf, textOf } from './tree-text.js';

/** A value found in the page, with where it is (0-based offsets into the decoded text). */
export interface Found {
  value: string;
  /** Where it was read from, for diagnostics: `<meta property="og:title">`, `<title>`, … */
  from: string;
  start: number;
  end: number;
  /** The element it was read from. */
  element?: HtmlElement;
}

/** What the page says about itself outside its story. */
export interface PageMeta {
  /** `<html lang>`. */
  language?: Found;
  /** `<html dir>` (or `<body dir>`). */
  dir?: Found;
  /** `<base href>`, as written. */
  base?: string;
  /** `<link rel="canonical">`. */
  canonical?: Found;
  /** `<title>`. */
  title?: Found;
  /** `<meta>` values by lower-case `name`, `property` or `itemprop`, in page order. */
  meta: Map<string, Found[]>;
  /** Text (or `href`) of links with `rel="author"`. */
  authorLinks: Found[];
  /** Elements other than `<meta>` with an `itemprop`, by lower-case property. */
  itemprops: Map<string, Found[]>;
  /** `<time datetime>` values, in page order. */
  times: Found[];
}

function add(map: Map<string, Found[]>, key: string, found: Found): void {
  const list = map.get(key);
  if (list) list.push(found);
  else map.set(key, [found]);
}

const noTokens: readonly string[] = Object.freeze([]);

function tokens(value: string | undefined): readonly string[] {
  return value === undefined ? noTokens : value.toLowerCase().split(/\s+/u).filter(Boolean);
}

/** An element's place, for a `Found` (made only for the elements that give one). */
const placeOf = (element: HtmlElement) => ({ start: element.start, end: element.end, element });

/** Attribute values holding an element's machine-readable value, in order of preference. */
const valueAttributes = ['content', 'datetime', 'href', 'src'];

/**
 * Read the page's own metadata in one pass over the tree: `<title>`, `<meta>` (OpenGraph,
 * `article:*`, `twitter:*`, Dublin Core, `name`/`itemprop`), canonical and author links,
 * `lang`/`dir`, `<base>`, microdata `itemprop` values and `<time datetime>`.
 */
export function readPageMeta(root: HtmlElement): PageMeta {
  const meta: PageMeta = { meta: new Map(), authorLinks: [], itemprops: new Map(), times: [] };
  // (Indexed: one step per element of the page, and iterators allocate.)
  const elements = elementsOf(root);
  for (let at = 0; at < elements.length; at++) {
    const element = elements[at]!;
    const { name, attributes } = element;
    switch (name) {
      case 'html':
        if (attributes.lang?.trim() && !meta.language)
          meta.language = {
            value: attributes.lang.trim(),
            from: '<html lang>',
            ...placeOf(element),
          };
        else if (attributes['xml:lang']?.trim() && !meta.language)
          meta.language = {
            value: attributes['xml:lang'].trim(),
            from: '<html xml:lang>',
            ...placeOf(element),
          };
        if (attributes.dir?.trim())
          meta.dir = {
            value: attributes.dir.trim().toLowerCase(),
            from: '<html dir>',
            ...placeOf(element),
          };
        break;
      case 'body':
        if (attributes.dir?.trim() && !meta.dir)
          meta.dir = {
            value: attributes.dir.trim().toLowerCase(),
            from: '<body dir>',
            ...placeOf(element),
          };
        break;
      case 'base':
        if (attributes.href !== undefined && meta.base === undefined)
          meta.base = attributes.href.trim();
        break;
      case 'title':
        // The document's title, not an SVG's.
        if (!meta.title && !insideSvg(element)) {
          const value = collapse(textOf(element));
          if (value !== '') meta.title = { value, from: '<title>', ...placeOf(element) };
        }
        break;
      case 'meta': {
        const content = attributes.content;
        if (content === undefined) break;
        const value = collapse(content);
        if (value === '') break;
        for (const key of ['property', 'name', 'itemprop', 'http-equiv']) {
          const raw = attributes[key];
          if (raw === undefined) continue;
          for (const token of tokens(raw)) {
            add(meta.meta, token, { value, from: `<meta ${key}="${raw}">`, ...placeOf(element) });
          }
        }
        break;
      }
      case 'link': {
        const rel = tokens(attributes.rel);
        const href = attributes.href?.trim();
        if (rel.includes('canonical') && href && !meta.canonical)
          meta.canonical = { value: href, from: '<link rel="canonical">', ...placeOf(element) };
        if (rel.includes('author') && href)
          meta.authorLinks.push({ value: href, from: '<link rel="author">', ...placeOf(element) });
        break;
      }
      case 'a':
        if (tokens(attributes.rel).includes('author')) {
          const value = collapse(textOf(element));
          if (value !== '')
            meta.authorLinks.push({ value, from: '<a rel="author">', ...placeOf(element) });
        }
        break;
      case 'time': {
        const datetime = attributes.datetime?.trim();
        if (datetime)
          meta.times.push({ value: datetime, from: '<time datetime>', ...placeOf(element) });
        break;
      }
      default:
        break;
    }
    const itemprop = attributes.itemprop;
    if (itemprop !== undefined && name !== 'meta') {
      let value: string | undefined;
      for (const key of valueAttributes) {
        const attribute = attributes[key]?.trim();
        if (attribute) {
          value = attribute;
          break;
        }
      }
      // An item (itemscope) is read through its own properties, not its text.
      if (value === undefined && !('itemscope' in attributes)) value = collapse(textOf(element));
      if (value !== undefined && value !== '' && value.length <= 2000) {
        for (const token of tokens(itemprop)) {
          add(meta.itemprops, token, { value, from: `itemprop="${token}"`, ...placeOf(element) });
        }
      }
    }
  }
  return meta;
}

function insideSvg(element: HtmlElement): boolean {
  for (let parent = element.parent; parent; parent = parent.parent) {
    if (parent.name === 'svg') return true;
  }
  return false;
}

/** The first value of the first key that has one. */
export function firstMeta(meta: PageMeta, keys: readonly string[]): Found | undefined {
  for (const key of keys) {
    const found = meta.meta.get(key)?.[0] ?? meta.itemprops.get(key)?.[0];
    if (found) return found;
  }
  return undefined;
}

/** Every value of the keys, in key order then page order. */
export function allMeta(meta: PageMeta, keys: readonly string[]): Found[] {
  const result: Found[] = [];
  for (const key of keys) {
    result.push(...(meta.meta.get(key) ?? []), ...(meta.itemprops.get(key) ?? []));
  }
  return result;
}
