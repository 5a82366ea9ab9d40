import type { ArticlePath, Position } from './diagnostic.js';

/**
 * Where each extracted field came from in the source, as a tree shaped like the article: a
 * node's `place` is the range its value was read from, `fields` holds its named children and
 * `items` its array items by index. The root's `place`, when set, is the article as a whole.
 *
 * A tree rather than a record of dotted keys, so that a parser that reads a million body blocks
 * adds a million array items, not a million string keys. Read it with {@link sourceOf} (the
 * field's own range) or {@link placeOf} (the field's, or its closest ancestor's); walk it with
 * {@link sourceEntries}. It is plain JSON-serializable data.
 *
 * @example
 * // parseText('…').sources
 * { fields: { headline: { place: … }, body: { items: [{ place: … }, { place: … }] } } }
 */
export interface SourceMap {
  /** The range of this node's value. */
  place?: Position;
  /** Named children (`headline`, `byline`, `contributors`), a null-prototype record. */
  fields?: Record<string, SourceMap>;
  /** Array items, by index; holes where an item has no known place. */
  items?: Array<SourceMap | undefined>;
}

/**
 * A path into a {@link SourceMap}: an {@link ArticlePath} (`['body', 3, 'caption']`), or the
 * same path as a dotted string (`body.3.caption`, all-digit parts being array indices; `''` is
 * the article itself).
 */
export type SourcePath = Readonly<ArticlePath> | string;

/** An all-digit path part: an array index. */
const INDEX = /^\d+$/;

/** A {@link SourcePath} as an array of parts. */
function partsOf(path: SourcePath): Readonly<ArticlePath> {
  if (typeof path !== 'string') return path;
  if (path === '') return [];
  return path.split('.').map((part) => (INDEX.test(part) ? Number(part) : part));
}

/** Whether a path part addresses an array item. */
function isIndex(part: string | number): part is number {
  return typeof part === 'number' && Number.isInteger(part) && part >= 0;
}

/** The child of `node` at one path part, when there is one. */
function childOf(node: Readonly<SourceMap>, part: string | number): SourceMap | undefined {
  if (isIndex(part)) return node.items?.[part] ?? undefined;
  const { fields } = node;
  const key = String(part);
  return fields && Object.hasOwn(fields, key) ? fields[key] : undefined;
}

/** The node at `path` (its range and its children's), when there is one. */
export function nodeAt(sources: Readonly<SourceMap>, path: SourcePath): SourceMap | undefined {
  let node: SourceMap | undefined = sources;
  for (const part of partsOf(path)) {
    node = childOf(node, part);
    if (!node) return undefined;
  }
  return node;
}

/**
 * The source range of the field at `path` itself, when the parser recorded one.
 *
 * @example
 * sourceOf(sources, 'headline') //=> { start: { line: 3, column: 1, offset: 57 }, end: … }
 * sourceOf(sources, ['body', 2]) //=> the range of the third body block
 */
export function sourceOf(
  sources: Readonly<SourceMap> | undefined,
  path: SourcePath,
): Position | undefined {
  return sources ? nodeAt(sources, path)?.place : undefined;
}

/**
 * The source range of a field, or of its closest ancestor that has one (the article's own
 * range last): where a diagnostic about that field should point.
 *
 * @example
 * placeOf(sources, ['body', 2, 'text']) //=> the range of `body.2` (its text has none of its own)
 */
export function placeOf(
  sources: Readonly<SourceMap> | undefined,
  path: SourcePath,
): Position | undefined {
  if (!sources) return undefined;
  let node: SourceMap | undefined = sources;
  let found = sources.place;
  for (const part of partsOf(path)) {
    node = childOf(node, part);
    if (!node) break;
    if (node.place) found = node.place;
  }
  return found;
}

/**
 * Record the source range of the field at `path`, adding the nodes on the way. Mutates
 * `sources`; parsers call it while they build their map.
 *
 * @example
 * const sources: SourceMap = {};
 * setSource(sources, ['body', 0], range);
 * sourceOf(sources, 'body.0') //=> range
 */
export function setSource(sources: SourceMap, path: SourcePath, place: Position): void {
  let node = sources;
  const parts = partsOf(path);
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    let next = childOf(node, part);
    if (!next) {
      // A new leaf is made with its place: 32 bytes, where an empty literal given its place
      // later takes 56 (room for four properties), and a body of a million blocks keeps a
      // million leaves.
      next = index === parts.length - 1 ? { place } : {};
      if (isIndex(part)) {
        node.items ??= [];
        node.items[part] = next;
      } else {
        node.fields ??= Object.create(null) as Record<string, SourceMap>;
        node.fields[String(part)] = next;
      }
    }
    node = next;
  }
  node.place = place;
}

/**
 * Forget the source range of the field at `path` (its children keep theirs). Mutates `sources`.
 */
export function deleteSource(sources: SourceMap, path: SourcePath): void {
  const node = nodeAt(sources, path);
  if (node) delete node.place;
}

/**
 * Every recorded range with its path, parents before children, named fields before array items.
 *
 * @example
 * for (const [path, place] of sourceEntries(sources)) console.log(formatPath(path), place.start.line)
 */
export function* sourceEntries(
  sources: Readonly<SourceMap>,
): Generator<[ArticlePath, Position], void, undefined> {
  // An explicit stack: maps read from deeply nested documents must not overflow the call stack.
  const stack: Array<[ArticlePath, Readonly<SourceMap>]> = [[[], sources]];
  while (stack.length > 0) {
    const [path, node] = stack.pop()!;
    if (node.place) yield [path, node.place];
    const children: Array<[ArticlePath, Readonly<SourceMap>]> = [];
    if (node.fields) {
      for (const key of Object.keys(node.fields))
        children.push([[...path, key], node.fields[key]!]);
    }
    node.items?.forEach((item, index) => {
      if (item) children.push([[...path, index], item]);
    });
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

/** A copy of a map's tree (ranges shared): a snapshot to go back to with {@link restoreSources}. */
export function copySources(sources: Readonly<SourceMap>): SourceMap {
  const copy: SourceMap = {};
  if (sources.place) copy.place = sources.place;
  if (sources.fields) {
    const fields = Object.create(null) as Record<string, SourceMap>;
    for (const key of Object.keys(sources.fields)) fields[key] = copySources(sources.fields[key]!);
    copy.fields = fields;
  }
  if (sources.items) copy.items = sources.items.map((item) => item && copySources(item));
  return copy;
}

/** Make `sources` what `snapshot` (from {@link copySources}) was. Mutates `sources`. */
export function restoreSources(sources: SourceMap, snapshot: Readonly<SourceMap>): void {
  delete sources.place;
  delete sources.fields;
  delete sources.items;
  Object.assign(sources, copySources(snapshot));
}

/**
 * A {@link SourceMap} from ranges keyed by dotted path (`''` for the article, `headline`,
 * `body.3`): the shape source maps had before 0.2, for code that builds its own.
 *
 * @example
 * lintArticle(article, { sources: sourceMapFrom({ '': fileRange, headline: headlineRange }) })
 */
export function sourceMapFrom(places: Readonly<Record<string, Position>>): SourceMap {
  const sources: SourceMap = {};
  for (const key of Object.keys(places)) setSource(sources, key, places[key]!);
  return sources;
}
