import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadVocabulary } from './vocabulary.js';

const vocabulary = loadVocabulary();

/** The `'@type'` and property names of each node type declared in `src/jsonld/schema-org.ts`. */
function declaredNodes(): Array<{ name: string; type: string; properties: string[] }> {
  const path = new URL('../../src/jsonld/schema-org.ts', import.meta.url);
  const source = ts.createSourceFile(
    'schema-org.ts',
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.Latest,
  );
  const nodes: Array<{ name: string; type: string; properties: string[] }> = [];
  for (const statement of source.statements) {
    if (!ts.isTypeAliasDeclaration(statement) || !statement.name.text.endsWith('Leaf')) continue;
    const members: ts.TypeElement[] = [];
    const collect = (node: ts.TypeNode) => {
      if (ts.isIntersectionTypeNode(node)) node.types.forEach(collect);
      else if (ts.isTypeLiteralNode(node)) members.push(...node.members);
    };
    collect(statement.type);
    let type = '';
    const properties: string[] = [];
    for (const member of members) {
      if (!ts.isPropertySignature(member) || !member.name) continue;
      const key =
        ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : '';
      if (key === '@type' && member.type && ts.isLiteralTypeNode(member.type)) {
        type = (member.type.literal as ts.StringLiteral).text;
      } else if (!key.startsWith('@')) properties.push(key);
    }
    nodes.push({ name: statement.name.text, type, properties });
  }
  return nodes;
}

describe('the vendored schema.org types (src/jsonld/schema-org.ts)', () => {
  const nodes = declaredNodes();

  it('declare the node types toJsonLd writes', () => {
    expect(nodes.map((node) => node.type).sort()).toEqual(
      [
        'BreadcrumbList',
        'CollectionPage',
        'CorrectionComment',
        'ImageObject',
        'ListItem',
        'NewsArticle',
        'NewsMediaOrganization',
        'Organization',
        'Person',
        'Place',
        'PropertyValue',
        'WebPage',
        'WebPageElement',
        'WebSite',
      ].sort(),
    );
  });

  it.skipIf(!vocabulary)('name only schema.org properties of their type', () => {
    const problems: string[] = [];
    for (const node of nodes) {
      const sample: Record<string, unknown> = { '@type': node.type };
      // A string fits every property's range check but the numeric and boolean ones, which
      // are checked by the vocabulary test of toJsonLd's output; here only names matter.
      for (const property of node.properties) sample[property] = 'x';
      problems.push(
        ...vocabulary!
          .check(sample)
          .filter((problem) => /not a schema\.org|not defined for/.test(problem))
          .map((problem) => `${node.name}: ${problem}`),
      );
    }
    expect(problems).toEqual([]);
  });
});
