import { decodeEncodedText } from '../schema/decode-character-references.js';

/** A JSON-LD node after {@link normalizeJsonLd}: schema.org terms without prefixes, no prototype. */
export type JsonLdNode = { [key: string]: unknown };

/** Full schema.org IRIs and the `schema:` prefix, as written by real sites. */
const schemaIri = /^(?:schema:|https?:\/\/(?:www\.)?schema\.org\/)/i;
const schemaVocabulary = /^https?:\/\/(?:www\.)?schema\.org\/?$/i;
const prefixed = /^([A-Za-z][\w.-]*):(?!\/\/)/;

/** Where a normalized node came from: the input object, and the input name of each key. */
export interface JsonLdSource {
  node: object;
  keys: Map<string, string>;
}

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

/**
 * The own enumerable properties of a plain object, as `[key, value, isData]`. Getters are
 * never called: a getter is not data, and is listed with `isData: false` to be reported.
 */
function dataEntries(record: object): Array<[string, unknown, boolean]> {
  const entries: Array<[string, unknown, boolean]> = [];
  for (const key of Object.keys(record)) {
    const descriptor = Object.getOwnPropertyDescriptor(record, key);
    if (descriptor === undefined) continue;
    const isData = 'value' in descriptor;
    entries.push([key, isData ? descriptor.value : undefined, isData]);
  }
  return entries;
}

/** Prefixes that a `@context` maps to schema.org, e.g. `sdo` in `{"sdo": "https://schema.org/"}`. */
function schemaPrefixes(value: unknown, prefixes: Set<string>, depth = 0): void {
  if (depth > 4 || typeof value !== 'object' || value === null || !isPlainData(value)) return;
  if (Array.isArray(value)) {
    for (const item of value) schemaPrefixes(item, prefixes, depth + 1);
    return;
  }
  for (const [key, iri] of dataEntries(value)) {
    if (key === '@context') schemaPrefixes(iri, prefixes, depth + 1);
    else if (typeof iri === 'string' && schemaVocabulary.test(iri)) prefixes.add(key);
  }
}

/** Options of {@link normalizeJsonLd}: where to record what it did. */
export interface NormalizeJsonLdOptions {
  /** Filled with each normalized node's input object and key names (for diagnostic places). */
  sources?: Map<object, JsonLdSource>;
  /** Filled with the values left out. */
  dropped?: DroppedValue[];
  /** Filled with where HTML-encoded text was decoded. */
  decoded?: Array<{ node?: JsonLdNode; key?: string }>;
}

/**
 * A copy of a JSON-LD document in which schema.org terms are plain: `schema:headline`,
 * `http://schema.org/headline` and `sdo:headline` (with `sdo` mapped in the context) all
 * become `headline`, in keys and in `@type` values; `@type` is always an array;
 * `{"@value": x}` becomes `x` and `{"@list": [...]}` its array. Shared objects are copied
 * once, so cyclic or heavily shared inputs stay linear. When `sources` is given, it maps each
 * normalized node to the input object and key names it came from (for diagnostic places).
 *
 * String values that a page HTML-encoded before writing them into JSON-LD (a common CMS
 * fault: `Don&#8217;t`, `Q&amp;A`) are decoded: a value is decoded when every `&` in it
 * starts a character reference ended by `;` (see `decodeEncodedText`), so `AT&T` and
 * `AT&T &amp; co` stay as written. `@context`, `@type` and keys are never decoded.
 *
 * Only JSON data is copied, and only as data: every node is a null-prototype object holding
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
  const { sources, dropped, decoded } = options;
  const prefixes = new Set<string>();
  schemaPrefixes(value, prefixes);
  const memo = new Map<object, unknown>();

  const term = (name: string): string => {
    if (schemaIri.test(name)) return name.replace(schemaIri, '');
    const match = prefixed.exec(name);
    if (match && prefixes.has(match[1] as string))
      return name.slice((match[1] as string).length + 1);
    return name;
  };

  /** Where a dropped value is reported: the nearest node and its key. */
  type Holder = { node: JsonLdNode; key: string } | undefined;
  const drop = (holder: Holder, reason: DroppedValue['reason']): undefined => {
    dropped?.push(holder ? { ...holder, reason } : { reason });
    return undefined;
  };

  /** The normalized value, or `undefined` when it is left out (reported to `dropped`). */
  const visit = (input: unknown, depth: number, holder: Holder): unknown => {
    if (typeof input === 'string') {
      const text = decodeEncodedText(input);
      if (text !== input) decoded?.push(holder ?? {});
      return text;
    }
    if (typeof input === 'number' || typeof input === 'boolean') return input;
    if (input === null || input === undefined) return input;
    if (typeof input !== 'object' || !isPlainData(input)) return drop(holder, 'not-data');
    if (depth > maxDepth) return drop(holder, 'too-deep');
    const known = memo.get(input);
    if (known !== undefined) return known;
    if (Array.isArray(input)) {
      const output: unknown[] = [];
      memo.set(input, output);
      for (let index = 0; index < input.length; index++) {
        const normalized = visit(input[index], depth + 1, holder);
        if (normalized !== undefined) output.push(normalized);
      }
      return output;
    }
    const entries = dataEntries(input);
    const special = entries.find(([key]) => key === '@value' || key === '@list');
    if (special) {
      return special[2] ? visit(special[1], depth + 1, holder) : drop(holder, 'not-data');
    }
    const output: JsonLdNode = Object.create(null);
    memo.set(input, output);
    const keys = new Map<string, string>();
    sources?.set(output, { node: input, keys });
    for (const [key, item, isData] of entries) {
      if (reservedKeys.has(key)) {
        drop({ node: output, key }, 'reserved-key');
      } else if (!isData) {
        drop({ node: output, key }, 'not-data');
      } else if (key === '@type') {
        const types = (Array.isArray(item) ? item : [item]).filter(
          (type): type is string => typeof type === 'string',
        );
        output['@type'] = types.map(term);
        keys.set('@type', key);
      } else if (key === '@context') {
        output[key] = item;
      } else {
        const normalized = visit(item, depth + 1, { node: output, key });
        if (normalized !== undefined) {
          output[term(key)] = normalized;
          keys.set(term(key), key);
        }
      }
    }
    return output;
  };

  return visit(value, 0, undefined);
}

/** Every node of a normalized document, in document order (each once), and an index by `@id`. */
export function indexNodes(root: unknown): { nodes: JsonLdNode[]; byId: Map<string, JsonLdNode> } {
  const nodes: JsonLdNode[] = [];
  const byId = new Map<string, JsonLdNode>();
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
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
