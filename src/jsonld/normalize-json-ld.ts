/** A JSON-LD node after {@link normalizeJsonLd}: schema.org terms without prefixes. */
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
const maxDepth = 100;

export function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Prefixes that a `@context` maps to schema.org, e.g. `sdo` in `{"sdo": "https://schema.org/"}`. */
function schemaPrefixes(value: unknown, prefixes: Set<string>, depth = 0): void {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) schemaPrefixes(item, prefixes, depth + 1);
    return;
  }
  if (!isNode(value)) return;
  for (const [key, iri] of Object.entries(value)) {
    if (key === '@context') schemaPrefixes(iri, prefixes, depth + 1);
    else if (typeof iri === 'string' && schemaVocabulary.test(iri)) prefixes.add(key);
  }
}

/**
 * A copy of a JSON-LD document in which schema.org terms are plain: `schema:headline`,
 * `http://schema.org/headline` and `sdo:headline` (with `sdo` mapped in the context) all
 * become `headline`, in keys and in `@type` values; `@type` is always an array;
 * `{"@value": x}` becomes `x` and `{"@list": [...]}` its array. Shared objects are copied
 * once, so cyclic or heavily shared inputs stay linear. When `sources` is given, it maps each
 * normalized node to the input object and key names it came from (for diagnostic places).
 */
export function normalizeJsonLd(value: unknown, sources?: WeakMap<object, JsonLdSource>): unknown {
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

  const visit = (input: unknown, depth: number): unknown => {
    if (typeof input !== 'object' || input === null) return input;
    if (depth > maxDepth) return undefined;
    const known = memo.get(input);
    if (known !== undefined) return known;
    if (Array.isArray(input)) {
      const output: unknown[] = [];
      memo.set(input, output);
      for (const item of input) {
        const normalized = visit(item, depth + 1);
        if (normalized !== undefined) output.push(normalized);
      }
      return output;
    }
    const record = input as JsonLdNode;
    if ('@value' in record) return visit(record['@value'], depth + 1);
    if ('@list' in record) return visit(record['@list'], depth + 1);
    const output: JsonLdNode = {};
    memo.set(input, output);
    const keys = new Map<string, string>();
    sources?.set(output, { node: input, keys });
    for (const [key, item] of Object.entries(record)) {
      if (key === '@type') {
        const types = (Array.isArray(item) ? item : [item]).filter(
          (type): type is string => typeof type === 'string',
        );
        output['@type'] = types.map(term);
        keys.set('@type', key);
      } else if (key === '@context') {
        output[key] = item;
      } else {
        const normalized = visit(item, depth + 1);
        if (normalized !== undefined) {
          output[term(key)] = normalized;
          keys.set(term(key), key);
        }
      }
    }
    return output;
  };

  return visit(value, 0);
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
      for (let index = value.length - 1; index >= 0; index--) stack.push(value[index]);
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
    const children = Object.entries(node);
    for (let index = children.length - 1; index >= 0; index--) {
      const [key, child] = children[index] as [string, unknown];
      if (key !== '@context') stack.push(child);
    }
  }
  return { nodes, byId };
}
