import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frontmatterFields, frontmatterSchema, parseMarkdown } from '../../src/markdown/index.js';

const jsonSchema = JSON.parse(
  readFileSync(new URL('../../schema/frontmatter.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv.default({ strict: false, validateFormats: false, allErrors: true });
const validate = ajv.compile(jsonSchema);

function frontmatterOf(fixture: string): unknown {
  const text = readFileSync(
    new URL(`../fixtures/markdown/${fixture}/input.md`, import.meta.url),
    'utf8',
  );
  return parse(text.split(/^---$/m)[1] ?? '');
}

describe('frontmatter schema', () => {
  it('names every key of the key table', () => {
    const keys = frontmatterFields.flatMap((row) => row.keys).sort();
    expect(Object.keys(jsonSchema.properties).sort()).toEqual(keys);
    expect(Object.keys(frontmatterSchema.shape).sort()).toEqual(keys);
  });

  it.each([
    'hugo-post-with-lastmod-summary-topics-and-author-slugs',
    'jekyll-post-with-published-false-is-a-draft',
    'astro-post-with-pubdate-updateddate-and-heroimage',
    'eleventy-post-with-author-objects-excerpt-and-image-object',
  ])('accepts the frontmatter of %s', (fixture) => {
    expect(validate(frontmatterOf(fixture)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects wrong shapes, at their key', () => {
    expect(validate({ title: 'T', authors: 42, draft: 'maybe' })).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath).sort()).toEqual(
      expect.arrayContaining(['/authors', '/draft']),
    );
  });

  it('agrees with the zod schema', () => {
    expect(
      frontmatterSchema.safeParse({ title: 'T', date: '2024-01-02', layout: 'post' }).success,
    ).toBe(true);
    expect(frontmatterSchema.safeParse({ title: 'T', authors: 42 }).success).toBe(false);
  });
});

describe('frontmatter schema and parser', () => {
  it.each([
    ['date: true', false],
    ['lastmod: false', false],
    ['published: false', true],
    ['published: 2024-01-02', true],
    ['date: 2024-01-02 10:00:00 -05:00', true],
  ])('agree on `%s`', (line, valid) => {
    const yaml = `title: T\n${line}`;
    expect(validate(parse(yaml)), line).toBe(valid);
    const { diagnostics } = parseMarkdown(`---\n${yaml}\n---\n`);
    expect(diagnostics.some((diagnostic) => diagnostic.ruleId === 'invalid-field')).toBe(!valid);
  });
});
