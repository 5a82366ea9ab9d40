import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A checker of JSON-LD against the schema.org vocabulary release in
 * `../shared/schemaorg/schemaorg-current-https.jsonld` (version 30.0: core + pending terms).
 *
 * Rules, per node with a `@type`:
 * - every `@type` is a schema.org class;
 * - every property is a schema.org property whose `domainIncludes` lists the node's type or
 *   one of its supertypes (`rdfs:subClassOf`, walked to the top);
 * - every value fits `rangeIncludes`: a typed node must be of a listed class or a subclass;
 *   a number needs `Number`/`Integer`, a boolean `Boolean`; a string needs a Text or date
 *   type, or a class (schema.org's data model accepts text where a Thing is expected).
 *   One documented exception: `width`/`height` (range QuantitativeValue, Distance) take plain
 *   integers, as in Google's examples (see standards-and-conventions.md §1.3).
 */
export const vocabularyPath = fileURLToPath(
  new URL('../../../shared/schemaorg/schemaorg-current-https.jsonld', import.meta.url),
);

interface Term {
  '@id': string;
  '@type': string | string[];
  'rdfs:subClassOf'?: { '@id': string } | Array<{ '@id': string }>;
  'schema:domainIncludes'?: { '@id': string } | Array<{ '@id': string }>;
  'schema:rangeIncludes'?: { '@id': string } | Array<{ '@id': string }>;
}

function ids(value: Term['rdfs:subClassOf']): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => item['@id']);
}

const numberTypes = new Set(['Number', 'Integer', 'Float']);
const textTypes = new Set([
  'Text',
  'URL',
  'CssSelectorType',
  'XPathType',
  'Date',
  'DateTime',
  'Time',
]);
const numberExceptions = new Set(['width', 'height']);

export interface Vocabulary {
  /** Violations found in a JSON-LD document, each `path: problem`. */
  check(document: unknown): string[];
  isClass(name: string): boolean;
}

/** Load the vocabulary, or `undefined` when the file is absent (tests skip then). */
export function loadVocabulary(path = vocabularyPath): Vocabulary | undefined {
  if (!existsSync(path)) return undefined;
  const graph = (JSON.parse(readFileSync(path, 'utf8')) as { '@graph': Term[] })['@graph'];
  const classes = new Map<string, string[]>();
  const properties = new Map<string, { domain: string[]; range: string[] }>();
  const local = (id: string) => (id.startsWith('schema:') ? id.slice(7) : undefined);
  for (const term of graph) {
    const name = local(term['@id']);
    if (name === undefined) continue;
    const types = Array.isArray(term['@type']) ? term['@type'] : [term['@type']];
    if (types.includes('rdfs:Class')) {
      classes.set(
        name,
        ids(term['rdfs:subClassOf'])
          .map(local)
          .filter((item) => item !== undefined),
      );
    }
    if (types.includes('rdf:Property')) {
      properties.set(name, {
        domain: ids(term['schema:domainIncludes'])
          .map(local)
          .filter((item) => item !== undefined),
        range: ids(term['schema:rangeIncludes'])
          .map(local)
          .filter((item) => item !== undefined),
      });
    }
  }
  const ancestry = new Map<string, Set<string>>();
  const supertypes = (name: string): Set<string> => {
    let found = ancestry.get(name);
    if (found) return found;
    found = new Set([name]);
    ancestry.set(name, found);
    for (const parent of classes.get(name) ?? [])
      for (const item of supertypes(parent)) found.add(item);
    return found;
  };
  const isDataType = (name: string) =>
    [...supertypes(name)].some(
      (item) => textTypes.has(item) || numberTypes.has(item) || item === 'Boolean',
    );

  const checkValue = (
    value: unknown,
    property: string,
    range: string[],
    path: string,
    out: string[],
  ) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        checkValue(item, property, range, `${path}[${index}]`, out);
      }
      return;
    }
    if (typeof value === 'number') {
      const fits = range.some((type) =>
        [...supertypes(type)].some((item) => numberTypes.has(item)),
      );
      if (!fits && !numberExceptions.has(property))
        out.push(`${path}: a number, expected ${range.join(' | ')}`);
      return;
    }
    if (typeof value === 'boolean') {
      if (!range.includes('Boolean')) out.push(`${path}: a boolean, expected ${range.join(' | ')}`);
      return;
    }
    if (typeof value === 'string') {
      const fits = range.some((type) => {
        const chain = supertypes(type);
        return [...chain].some((item) => textTypes.has(item)) || !isDataType(type);
      });
      if (!fits) out.push(`${path}: a string, expected ${range.join(' | ')}`);
      return;
    }
    if (typeof value === 'object' && value !== null) {
      const node = value as Record<string, unknown>;
      const types = node['@type'];
      if (types !== undefined) {
        for (const type of Array.isArray(types) ? types : [types]) {
          if (!range.some((allowed) => supertypes(String(type)).has(allowed))) {
            out.push(`${path}: a ${String(type)}, expected ${range.join(' | ')}`);
          }
        }
      } else if (!range.some((type) => !isDataType(type))) {
        out.push(`${path}: a node reference, expected ${range.join(' | ')}`);
      }
      checkNode(node, path, out);
    }
  };

  const checkNode = (node: Record<string, unknown>, path: string, out: string[]) => {
    const rawTypes = node['@type'];
    const types =
      rawTypes === undefined ? [] : (Array.isArray(rawTypes) ? rawTypes : [rawTypes]).map(String);
    for (const type of types)
      if (!classes.has(type)) out.push(`${path}: \`${type}\` is not a schema.org class`);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) {
        if (key === '@graph') checkValue(value, key, ['Thing'], `${path}.@graph`, out);
        continue;
      }
      const property = properties.get(key);
      if (!property) {
        out.push(`${path}.${key}: not a schema.org property`);
        continue;
      }
      if (types.length > 0) {
        const allowed = types.some((type) =>
          property.domain.some((domain) => supertypes(type).has(domain)),
        );
        if (!allowed)
          out.push(
            `${path}.${key}: not defined for ${types.join(', ')} (domain ${property.domain.join(' | ')})`,
          );
      }
      checkValue(value, key, property.range, `${path}.${key}`, out);
    }
  };

  return {
    isClass: (name) => classes.has(name),
    check(document) {
      const out: string[] = [];
      checkValue(document, '@graph', ['Thing'], '$', out);
      return out;
    },
  };
}
