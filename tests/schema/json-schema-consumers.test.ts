import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkFrontmatter from 'remark-frontmatter';
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));

function shipped(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, 'schema', name), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** The messages remark-lint-frontmatter-schema gives a Markdown file (at the project root). */
async function lint(markdown: string, settings: Record<string, unknown> = {}): Promise<string[]> {
  const file = new VFile({ path: path.join(root, 'story.md'), value: markdown });
  await unified()
    .use(remarkParse)
    .use(remarkFrontmatter)
    .use(remarkLintFrontmatterSchema, settings)
    .use(remarkStringify)
    .process(file);
  return file.messages.map((message) => message.reason);
}

const frontmatter = (data: unknown) => `---\n${stringify(data)}---\n\nThe board voted.\n`;

const article = {
  headline: 'Night ferries approved',
  datePublished: '2026-03-10T18:05:00-05:00',
  byline: { contributors: [{ name: 'Dana Whitfield' }] },
  body: [{ type: 'paragraph', text: 'The board voted.' }],
};

describe('the shipped JSON Schemas in remark-lint-frontmatter-schema (its own ajv)', () => {
  it('declare draft-07, which it and VS Code’s YAML extension read', () => {
    for (const name of ['article.schema.json', 'frontmatter.schema.json', 'config.schema.json']) {
      expect(shipped(name).$schema, name).toBe('http://json-schema.org/draft-07/schema#');
    }
  });

  it('frontmatter.schema.json: a `$schema` key in the file loads it; bad values are reported', async () => {
    const schema = './schema/frontmatter.schema.json';
    const good = frontmatter({
      $schema: schema,
      title: 'Night ferries approved',
      date: '2026-03-10T18:05:00-05:00',
      authors: ['Dana Whitfield'],
      tags: ['harbour'],
    });
    expect(await lint(good)).toEqual([]);
    const bad = frontmatter({ $schema: schema, title: 'Night ferries', date: true, authors: 42 });
    const messages = await lint(bad);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).not.toMatch(/malformed|load\/parse/);
  });

  it('article.schema.json and config.schema.json compile and validate', async () => {
    const articleSchema = shipped('article.schema.json');
    expect(await lint(frontmatter(article), { embed: articleSchema })).toEqual([]);
    const wrong = await lint(frontmatter({ ...article, headline: 7 }), { embed: articleSchema });
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.join('\n')).not.toMatch(/malformed/);
    const configSchema = shipped('config.schema.json');
    expect(await lint(frontmatter({ preset: 'recommended' }), { embed: configSchema })).toEqual([]);
    expect(
      (await lint(frontmatter({ preset: 'loose' }), { embed: configSchema })).length,
    ).toBeGreaterThan(0);
  });

  it('would not load a draft 2020-12 schema (why they are not shipped so)', async () => {
    const newer = {
      ...shipped('config.schema.json'),
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    };
    const messages = await lint(frontmatter({ preset: 'recommended' }), { embed: newer });
    expect(messages.join('\n')).toMatch(/JSON schema malformed/);
  });
});
