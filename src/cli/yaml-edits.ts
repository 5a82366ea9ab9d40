import { isDeepStrictEqual } from 'node:util';
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { yamlToData } from '../markdown/yaml-data.js';
import type { TextEdit } from './text-edits.js';

/** Nesting deeper than this is not searched (keeps hostile inputs linear and the stack small). */
const maxDepth = 64;

/** Aliases a document may expand while it is compared (as the Markdown reader allows). */
const maxAliasCount = 100;

/** A YAML (or JSON) document embedded in a file: the frontmatter of a Markdown file, or a whole JSON file. */
export interface EmbeddedDocument {
  /** The file's text. */
  text: string;
  /** Where the document's text starts and ends in the file. */
  start: number;
  end: number;
  /** `json` for a JSON file: strings are written as JSON strings. */
  syntax: 'yaml' | 'json';
  document: Document;
  /** The document as plain data. */
  data: unknown;
  /** The file's line ending (`\r\n` when its first line ends so). */
  lineEnding: string;
}

/** A string scalar of a document, where it is and how to reach it. */
export interface StringNode {
  node: Scalar;
  value: string;
  /** Keys and indices from the document's root. */
  path: Array<string | number>;
  /** The node's range in the file. */
  range: [number, number];
  /** The collection holding it, and the collection holding that (for a name inside an object). */
  parent: YAMLMap | YAMLSeq | undefined;
  grandparent: YAMLMap | YAMLSeq | undefined;
}

/**
 * Parse the YAML or JSON text between `start` and `end` of `text`. `undefined` when it has
 * errors or a duplicate key: fixes are only made to documents read completely.
 */
export function embeddedDocument(
  text: string,
  start: number,
  end: number,
  syntax: 'yaml' | 'json',
): EmbeddedDocument | undefined {
  const source = text.slice(start, end);
  // Duplicate keys are looked for in one pass (`yaml`'s `uniqueKeys` check is quadratic in the
  // keys of a mapping: 20,000 keys took 33 s).
  const document = parseDocument(source, { uniqueKeys: false, prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  const { problems } = yamlToData(document.contents, document);
  if (problems.some((problem) => problem.kind === 'duplicate')) return undefined;
  let data: unknown;
  try {
    data = syntax === 'json' ? JSON.parse(source) : document.toJS({ maxAliasCount });
  } catch {
    return undefined;
  }
  const firstLineEnd = text.indexOf('\n');
  const lineEnding = firstLineEnd > 0 && text[firstLineEnd - 1] === '\r' ? '\r\n' : '\n';
  return { text, start, end, syntax, document, data, lineEnding };
}

/** Every string scalar of the document, in document order. */
export function stringNodes(embedded: EmbeddedDocument): StringNode[] {
  const found: StringNode[] = [];
  const stack: Array<{
    node: unknown;
    path: Array<string | number>;
    parent: YAMLMap | YAMLSeq | undefined;
    grandparent: YAMLMap | YAMLSeq | undefined;
  }> = [{ node: embedded.document.contents, path: [], parent: undefined, grandparent: undefined }];
  while (stack.length > 0) {
    const { node, path, parent, grandparent } = stack.pop()!;
    if (path.length > maxDepth) continue;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && node.range) {
        found.push({
          node,
          value: node.value,
          path,
          range: [node.range[0] + embedded.start, node.range[1] + embedded.start],
          parent,
          grandparent,
        });
      }
    } else if (isMap(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) {
        const pair = node.items[index];
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = pair.key.value;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        stack.push({
          node: pair.value,
          path: [...path, String(key)],
          parent: node,
          grandparent: parent,
        });
      }
    } else if (isSeq(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) {
        stack.push({
          node: node.items[index],
          path: [...path, index],
          parent: node,
          grandparent: parent,
        });
      }
    }
  }
  return found;
}

/** The source text of a node, without the quotes of a quoted scalar. */
function contentStart(embedded: EmbeddedDocument, string: StringNode): number {
  const type = string.node.type;
  const quoted = embedded.syntax === 'json' || type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE';
  return string.range[0] + (quoted ? 1 : 0);
}

/** Plain scalars we write without quotes: names and dates (letters, digits, a few marks). */
const plainSafe = /^[\p{L}\p{N}][\p{L}\p{N} .'’+:-]*[\p{L}\p{N}.]$|^[\p{L}\p{N}]$/u;

/**
 * `value` written as a scalar in the style of `string`'s node: a JSON string in JSON;
 * double- or single-quoted as the node was; plain when the node was plain and the value
 * is safe to write plain, else double-quoted. `undefined` for block scalars.
 */
export function renderString(
  embedded: EmbeddedDocument,
  string: StringNode,
  value: string,
): string | undefined {
  if (embedded.syntax === 'json') return JSON.stringify(value);
  switch (string.node.type) {
    case 'QUOTE_DOUBLE':
      return JSON.stringify(value);
    case 'QUOTE_SINGLE':
      return /[\r\n]/.test(value) ? undefined : `'${value.replaceAll("'", "''")}'`;
    case 'PLAIN':
      return plainSafe.test(value) && !value.includes(': ') && !value.includes(' #')
        ? value
        : JSON.stringify(value);
    default:
      return undefined;
  }
}

/** An edit of a document, and the data it should give: `expect` receives a copy of the document's data and returns the data after the edit. */
export interface DataChange {
  edit: TextEdit;
  expect: (data: unknown) => unknown;
}

/**
 * The change that makes `string` read `value`. When `value` is the node's value with a prefix
 * removed and the source starts with that prefix as written, only the prefix is deleted
 * (quoting and escapes stay as the author wrote them); otherwise the scalar is written
 * again in its own style.
 */
export function replaceString(
  embedded: EmbeddedDocument,
  string: StringNode,
  value: string,
): DataChange | undefined {
  const expect = (data: unknown) => replaceAt(data, string.path, [value]);
  if (string.value.endsWith(value)) {
    const prefix = string.value.slice(0, string.value.length - value.length);
    const start = contentStart(embedded, string);
    if (prefix !== '' && embedded.text.startsWith(prefix, start)) {
      return { edit: { range: [start, start + prefix.length], text: '' }, expect };
    }
  }
  const text = renderString(embedded, string, value);
  return text === undefined ? undefined : { edit: { range: [...string.range], text }, expect };
}

/** The start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** What goes between two items of `sequence` written after one another as the item at `range`. */
function itemSeparator(
  embedded: EmbeddedDocument,
  sequence: YAMLSeq,
  range: readonly [number, number],
): string | undefined {
  const { text } = embedded;
  const lead = text.slice(lineStart(text, range[0]), range[0]);
  if (!sequence.flow && embedded.syntax === 'yaml') {
    // A block sequence: the next item starts a line of its own, as this one does.
    return /^[ \t]*-[ \t]+$/.test(lead) ? `${embedded.lineEnding}${lead}` : undefined;
  }
  const items = sequence.items as Array<Node | null>;
  const first = items[0]?.range;
  const second = items[1]?.range;
  if (first && second) {
    const between = text.slice(first[1] + embedded.start, second[0] + embedded.start);
    if (/^\s*,\s*$/.test(between)) return between;
  }
  return /^[ \t]+$/.test(lead) ? `,${embedded.lineEnding}${lead}` : ', ';
}

/** Keys an author object may have for it to be split into several: it names no one in particular. */
const splittableKeys: ReadonlySet<string> = new Set(['name', 'type', '@type', 'role']);

/**
 * The change that turns the string `string` (an author name that holds several people) into
 * one entry per name in `names`: more items of the list it is in (a name or an author
 * object that has no other field than its name, type and role, copied for each), or a
 * flow list `[A, B]` when it is the value of a top-level frontmatter key.
 */
export function splitString(
  embedded: EmbeddedDocument,
  string: StringNode,
  names: readonly string[],
): DataChange | undefined {
  const { text } = embedded;
  const rendered = names.map((name) => renderString(embedded, string, name));
  if (rendered.some((name) => name === undefined)) return undefined;
  const expectNames = (data: unknown) => replaceAt(data, string.path, names);
  if (isSeq(string.parent)) {
    const separator = itemSeparator(embedded, string.parent, string.range);
    if (separator === undefined) return undefined;
    return {
      edit: { range: [...string.range], text: rendered.join(separator) },
      expect: expectNames,
    };
  }
  if (isMap(string.parent) && string.path.at(-1) === 'name' && isSeq(string.grandparent)) {
    const object = string.parent;
    const objectRange = object.range;
    if (!objectRange) return undefined;
    for (const pair of object.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!splittableKeys.has(key)) return undefined;
    }
    const start = objectRange[0] + embedded.start;
    const end = objectRange[1] + embedded.start;
    const source = text.slice(start, end);
    // A block mapping's range runs to the start of the next line: keep that line break out.
    const body = withoutTrailingBreak(source);
    const separator = itemSeparator(embedded, string.grandparent, [start, end]);
    if (separator === undefined) return undefined;
    const nameStart = string.range[0] - start;
    const nameEnd = string.range[1] - start;
    const copies = rendered.map(
      (name) => `${body.slice(0, nameStart)}${name}${body.slice(nameEnd)}`,
    );
    const objectPath = string.path.slice(0, -1);
    return {
      edit: { range: [start, start + body.length], text: copies.join(separator) },
      expect: (data) => {
        let value: unknown = data;
        for (const key of objectPath) value = (value as Record<string | number, unknown>)[key];
        const object = value as Record<string, unknown>;
        return replaceAt(
          data,
          objectPath,
          names.map((name) => ({ ...object, name })),
        );
      },
    };
  }
  if (isMap(string.parent) && embedded.syntax === 'yaml' && string.path.length === 1) {
    return {
      edit: { range: [...string.range], text: `[${rendered.join(', ')}]` },
      expect: expectNames,
    };
  }
  return undefined;
}

/**
 * The change's edit when, applied to the file, it leaves the document readable and changes
 * its data exactly as the change expects; else `undefined`.
 */
export function verifiedEdit(
  embedded: EmbeddedDocument,
  change: DataChange | undefined,
): TextEdit | undefined {
  if (!change) return undefined;
  const { edit, expect } = change;
  if (edit.range[0] < embedded.start || edit.range[1] > embedded.end) return undefined;
  const text = `${embedded.text.slice(0, edit.range[0])}${edit.text}${embedded.text.slice(edit.range[1])}`;
  const end = embedded.end + edit.text.length - (edit.range[1] - edit.range[0]);
  const after = embeddedDocument(text, embedded.start, end, embedded.syntax);
  if (!after) return undefined;
  return isDeepStrictEqual(after.data, expect(structuredClone(embedded.data))) ? edit : undefined;
}

/** Set the value at `path` in `data` (a copy), or replace it by several values when `values` has more than one and its parent is a list. */
export function replaceAt(
  data: unknown,
  path: ReadonlyArray<string | number>,
  values: readonly unknown[],
): unknown {
  if (path.length === 0) return values[0];
  let parent: unknown = data;
  for (const key of path.slice(0, -1)) {
    parent = (parent as Record<string | number, unknown>)[key];
  }
  const last = path.at(-1)!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1, ...values);
  else if (values.length === 1) (parent as Record<string | number, unknown>)[last] = values[0];
  else (parent as Record<string | number, unknown>)[last] = [...values];
  return data;
}

/**
 * `text` without the line breaks at its end and the spaces or tabs around them: what
 * `text.replace(/[ \t]*(?:\r?\n)+[ \t]*$/, '')` gives, in one backward scan (the regex
 * rescans a run of spaces from each of its positions: quadratic on hostile input).
 */
function withoutTrailingBreak(text: string): string {
  const blank = (at: number) => text[at] === ' ' || text[at] === '\t';
  let end = text.length;
  while (end > 0 && blank(end - 1)) end--;
  let start = end;
  while (start > 0 && text[start - 1] === '\n') {
    start--;
    if (start > 0 && text[start - 1] === '\r') start--;
  }
  if (start === end) return text;
  while (start > 0 && blank(start - 1)) start--;
  return text.slice(0, start);
}
