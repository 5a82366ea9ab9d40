import { decodeEncodedText } from '../schema/decode-character-references.js';

/** A JSON-LD node after {@link normalizeJsonLd}: schema.org terms without prefixes, nothing inherited. */
export type JsonLdNode = { [key: string]: unknown };

/** Full schema.org IRIs and the `schema:` prefix, as written by real sites. */
const schemaIri = /^(?:schema:|https?:\/\/(?:www\.)?schema\.org\/)/i;
const schemaVocabulary = /^https?:\/\/(?:www\.)?schema\.org\/?$/i;
const prefixed = /^([A-Za-z][\w.-]*):(?!\/\/)/;

/**
 * The prototype of every normalized node: an empty, frozen object without a prototype, so no
 * key (`__proto__`, `constructor`, `toString`) finds anything but the node's own properties.
 * Not `Object.create(null)` for each node: V8 keeps those in dictionary mode, twice the memory
 * and slower to fill, which a large `@graph` of small nodes pays for in garbage collection.
 */
const nodePrototype: object = Object.freeze(Object.create(null));

/** How deep a document may nest before deeper values are dropped (guards the stack). */
export const maxDepth = 100;

export function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value left out of the normalized document: where it was, and why. */
export interface DroppedValue {
  /** The normalized node that held it and its key (as written), unless it was at the root. */
  node?: JsonLdNode;
  key?: string;
  reason: 'too-deep' | 'not-data' | 'reserved-key';
}

/**
 * Keys that are never schema.org terms and only ever appear to reach an object's prototype:
 * their values are not read at all.
 */
const reservedKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** An object that is JSON data: an array, or a plain object (prototype `Object.prototype` or null). */
function isPlainData(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** What {@link dataValue} gives for a property that is not data (a getter, never called). */
const notData: unique symbol = Symbol('not data');

/**
 * The value of an own enumerable property of a plain object, or {@link notData} for a getter
 * (never called). With `json`, the object came from `JSON.parse` (every property is data) and
 * is read directly.
 */
function dataValue(record: object, key: string, json: boolean): unknown {
  if (json) return (record as Record<string, unknown>)[key];
  const descriptor = Object.getOwnPropertyDescriptor(record, key);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : notData;
}

/**
 * Prefixes that a `@context` maps to schema.org, e.g. `sdo` in `{"sdo": "https://schema.org/"}`:
 * the `@context` of the top nodes (of a root array too) and what it lists. Only a context's
 * own keys are prefixes; a node's other keys are not read (a node with 80,000 keys is
 * not walked for them).
 */
function schemaPrefixes(
  value: unknown,
  prefixes: Set<string>,
  json: boolean,
  inContext = false,
  depth = 0,
): void {
  if (depth > 4 || typeof value !== 'object' || value === null || !isPlainData(value)) return;
  if (Array.isArray(value)) {
    for (const item of value) schemaPrefixes(item, prefixes, json, inContext, depth + 1);
    return;
  }
  if (!inContext) {
    if (Object.hasOwn(value, '@context')) {
      schemaPrefixes(dataValue(value, '@context', json), prefixes, json, true, depth + 1);
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const iri = dataValue(value, key, json);
    if (key === '@context') schemaPrefixes(iri, prefixes, json, true, depth + 1);
    else if (typeof iri === 'string' && schemaVocabulary.test(iri)) prefixes.add(key);
  }
}

/** Options of {@link normalizeJsonLd}: where to record what it did. */
export interface NormalizeJsonLdOptions {
  /** Filled with the input object of each normalized node (for diagnostic places). */
  sources?: Map<object, object>;
  /**
   * Filled, for each normalized node that has keys normalizing renamed, with the input name of
   * each (`headline` → `schema:headline`).
   */
  renamedKeys?: Map<object, Map<string, string>>;
  /** Filled with the values left out. */
  dropped?: DroppedValue[];
  /** Filled with where HTML-encoded text was decoded. */
  decoded?: Array<{ node?: JsonLdNode; key?: string }>;
  /**
   * The value is what `JSON.parse` (or `parseJsonWithPlaces`) returned: plain objects and
   * arrays whose properties are all data, so they are read without property descriptors.
   * Default: `false` (any value; getters and class instances are left out and reported).
   */
  json?: boolean;
}

/**
 * A copy of a JSON-LD document in which schema.org terms are plain: `schema:headline`,
 * `http://schema.org/headline` and `sdo:headline` (with `sdo` mapped in the context) all
 * become `headline`, in keys and in `@type` values; `@type` is always an array;
 * `{"@value": x}` becomes `x` and `{"@list": [...]}` its array. Shared objects are copied
 * once, so cyclic or heavily shared inputs stay linear. When `sources` is given, it maps each
 * normalized node to the input object it came from, and `renamedKeys` the keys it renamed to
 * their input names (for diagnostic places).
 *
 * String values that a page HTML-encoded before writing them into JSON-LD (a common CMS
 * fault: `Don&#8217;t`, `Q&amp;A`) are decoded: a value is decoded when every `&` in it
 * starts a character reference ended by `;` (see `decodeEncodedText`), so `AT&T` and
 * `AT&T &amp; co` stay as written. `@context`, `@type` and keys are never decoded.
 *
 * Only JSON data is copied, and only as data: every node is an object that inherits nothing, holding
 * the input's own data properties, so keys such as `__proto__`, `constructor` or `toString`
 * are plain keys and nothing is ever read from a prototype. Values that are not JSON data
 * (functions, symbols, getters, `Date`, `Map` or other class instances), values nested
 * deeper than {@link maxDepth} and the values of `__proto__`, `constructor` and `prototype`
 * (never schema.org terms) are left out and listed in `dropped`.
 */
export function normalizeJsonLd(
  value: unknown,
  options: Readonly<NormalizeJsonLdOptions> = {},
): unknown {
  const { sources, renamedKeys, dropped, decoded } = options;
  const json = options.json === true;
  const prefixes = new Set<string>();
  schemaPrefixes(value, prefixes, json);
  const memo = new Map<object, unknown>();

  const term = (name: string): string => {
    if (schemaIri.test(name)) return name.replace(schemaIri, '');
    const match = prefixed.exec(name);
    if (match && prefixes.has(match[1] as string))
      return name.slice((match[1] as string).length + 1);
    return name;
  };

  /** A value left out, reported with the nearest node and its key (none at the root). */
  const drop = (
    node: JsonLdNode | undefined,
    key: string | undefined,
    reason: DroppedValue['reason'],
  ): undefined => {
    dropped?.push(node === undefined ? { reason } : { node, key: key as string, reason });
    return undefined;
  };

  /** The `@type` value as an array of terms (values that are not strings left out). */
  const types = (item: unknown): string[] => {
    const list: string[] = [];
    if (Array.isArray(item)) {
      for (const type of item) if (typeof type === 'string') list.push(term(type));
    } else if (typeof item === 'string') list.push(term(item));
    return list;
  };

  /**
   * The normalized value, or `undefined` when it is left out (reported to `dropped` with
   * `node` and `key`, the nearest node and the key that holds the value).
   */
  const visit = (
    input: unknown,
    depth: number,
    node: JsonLdNode | undefined,
    key: string | undefined,
  ): unknown => {
    if (typeof input === 'string') {
      const text = decodeEncodedText(input);
      if (text !== input) decoded?.push(node === undefined ? {} : { node, key: key as string });
      return text;
    }
    if (typeof input === 'number' || typeof input === 'boolean') return input;
    if (input === null || input === undefined) return input;
    if (typeof input !== 'object' || (!json && !isPlainData(input)))
      return drop(node, key, 'not-data');
    if (depth > maxDepth) return drop(node, key, 'too-deep');
    // JSON.parse output is a tree: no object is met twice, none needs remembering.
    const known = json ? undefined : memo.get(input);
    if (known !== undefined) return known;
    if (Array.isArray(input)) {
      const output: unknown[] = [];
      if (!json) memo.set(input, output);
      for (let index = 0; index < input.length; index++) {
        const normalized = visit(input[index], depth + 1, node, key);
        if (normalized !== undefined) output.push(normalized);
      }
      return output;
    }
    const names = Object.keys(input);
    const special = names.find((name) => name === '@value' || name === '@list');
    if (special !== undefined) {
      const item = dataValue(input, special, json);
      return item === notData ? drop(node, key, 'not-data') : visit(item, depth + 1, node, key);
    }
    const output: JsonLdNode = Object.create(nodePrototype);
    if (!json) memo.set(input, output);
    sources?.set(output, input);
    let renamed: Map<string, string> | undefined;
    for (const name of names) {
      if (reservedKeys.has(name)) {
        drop(output, name, 'reserved-key');
        continue;
      }
      const item = dataValue(input, name, json);
      if (item === notData) {
        drop(output, name, 'not-data');
      } else if (name === '@type') {
        output['@type'] = types(item);
      } else if (name === '@context') {
        output[name] = item;
      } else {
        const normalized = visit(item, depth + 1, output, name);
        if (normalized !== undefined) {
          const normalizedName = term(name);
          output[normalizedName] = normalized;
          if (normalizedName !== name) {
            if (renamed === undefined) {
              renamed = new Map();
              renamedKeys?.set(output, renamed);
            }
            renamed.set(normalizedName, name);
          } else renamed?.delete(name);
        }
      }
    }
    return output;
  };

  return visit(value, 0, undefined, undefined);
}

/**
 * Every node of a normalized document, in document order (each once), and an index by `@id`.
 * With `tree` (the document was normalized from JSON text, so no object is reached twice),
 * nodes are not remembered as seen.
 */
export function indexNodes(
  root: unknown,
  tree = false,
): { nodes: JsonLdNode[]; byId: Map<string, JsonLdNode> } {
  const nodes: JsonLdNode[] = [];
  const byId = new Map<string, JsonLdNode>();
  const seen = tree ? undefined : new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (seen !== undefined) {
      if (seen.has(value)) continue;
      seen.add(value);
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const item: unknown = value[index];
        if (typeof item === 'object' && item !== null) stack.push(item);
      }
      continue;
    }
    const node = value as JsonLdNode;
    nodes.push(node);
    const id = node['@id'];
    const keys = Object.keys(node);
    if (typeof id === 'string' && keys.some((key) => key !== '@id' && key !== '@type')) {
      const existing = byId.get(id);
      if (existing === undefined) byId.set(id, node);
      else for (const key of keys) if (!(key in existing)) existing[key] = node[key];
    }
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index] as string;
      const child = node[key];
      if (key !== '@context' && typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return { nodes, byId };
}
