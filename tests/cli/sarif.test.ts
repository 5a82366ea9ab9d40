import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { folderWith, run } from './helpers.js';

/*
 * The shape of the SARIF 2.1.0 objects nutgraf prints, written from the OASIS standard
 * (sections 3.13 sarifLog, 3.14 run, 3.18 tool, 3.19 toolComponent, 3.49
 * reportingDescriptor, 3.27 result, 3.28 location, 3.29 physicalLocation, 3.4
 * artifactLocation, 3.30 region): required properties, types, enumerations and minimums.
 * As in the standard's own schema, objects take no properties it does not define, so a
 * misspelled key fails.
 */
const message = {
  type: 'object',
  required: ['text'],
  properties: { text: { type: 'string', minLength: 1 } },
  additionalProperties: false,
};
const level = { enum: ['none', 'note', 'warning', 'error'] };
const artifactLocation = {
  type: 'object',
  properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' } },
  additionalProperties: false,
};
const region = {
  type: 'object',
  required: ['startLine'],
  properties: {
    startLine: { type: 'integer', minimum: 1 },
    startColumn: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};
const result = {
  type: 'object',
  required: ['message'],
  properties: {
    ruleId: { type: 'string' },
    ruleIndex: { type: 'integer', minimum: -1 },
    level,
    message,
    locations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          physicalLocation: {
            type: 'object',
            required: ['artifactLocation'],
            properties: { artifactLocation, region },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};
const reportingDescriptor = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string' },
    shortDescription: message,
    helpUri: { type: 'string', format: 'uri' },
    defaultConfiguration: {
      type: 'object',
      properties: { level },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};
const sarifShape = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: { type: 'string', minLength: 1 },
                  version: { type: 'string' },
                  informationUri: { type: 'string', format: 'uri' },
                  rules: { type: 'array', items: reportingDescriptor },
                },
                additionalProperties: false,
              },
            },
            additionalProperties: false,
          },
          columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
          originalUriBaseIds: {
            type: 'object',
            additionalProperties: {
              type: 'object',
              required: ['uri'],
              // An absolute URI ending in a slash, so that relative URIs resolve under it.
              properties: { uri: { type: 'string', format: 'uri', pattern: '/$' } },
              additionalProperties: false,
            },
          },
          results: { type: 'array', items: result },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
};

const uriFormats = {
  uri: (value: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(value) && URL.canParse(value),
  'uri-reference': (value: string) => !/[\s%](?![0-9A-F]{2})/i.test(value),
};

interface SarifLog {
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId: string };
          region?: {
            startLine: number;
            startColumn?: number;
            endLine?: number;
            endColumn?: number;
          };
        };
      }>;
    }>;
  }>;
}

describe('--format sarif', () => {
  it('prints a log of the SARIF 2.1.0 shape, whose references hold together', async () => {
    const cwd = folderWith({
      // Frontmatter problems with positions, a body problem, a non-ASCII file name.
      'content/café story.md':
        '---\ntitle: HARBOUR BOARD APPROVES NIGHT FERRIES\nauthor: By Dana Whitfield\ndate: 2026-03-10T09:30:00\n---\n\nThe port board voted on Tuesday.\n\n![](/pier.jpg)\n',
      // A file-level problem without a position.
      'content/notes.docx': 'not an article',
      // A page with a JSON syntax error in its ld+json block.
      'content/page.html':
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script></head><body><h1>Night ferries</h1><p>The board voted.</p></body></html>',
      'x.json': '{}',
    });
    const printed = await run(
      ['check', 'content', 'content/notes.docx', '-f', 'sarif', '--config', 'x.json', '--verbose'],
      { cwd },
    );
    expect(printed.stderr).toBe('');
    const log = JSON.parse(printed.stdout) as SarifLog;
    const ajv = new Ajv({ allErrors: true, strict: true });
    for (const [name, test] of Object.entries(uriFormats)) ajv.addFormat(name, test);
    const valid = ajv.validate(sarifShape, log);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const [only] = log.runs;
    const results = only?.results ?? [];
    // Every kind of result is there: with a region, and without one (a file-level problem).
    expect(results.some((r) => r.locations[0]?.physicalLocation.region)).toBe(true);
    expect(results.some((r) => !r.locations[0]?.physicalLocation.region)).toBe(true);
    const rules = only?.tool.driver.rules ?? [];
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length);
    for (const entry of results) {
      // ruleIndex points at the rule of the same id (§3.27.6).
      expect(rules[entry.ruleIndex]?.id).toBe(entry.ruleId);
      const physical = entry.locations[0]!.physicalLocation;
      // Relative URIs, resolved against a base the run declares (§3.4.4).
      expect(physical.artifactLocation.uri).not.toMatch(/^\//);
      expect(only?.originalUriBaseIds[physical.artifactLocation.uriBaseId]).toBeDefined();
      const resolved = new URL(
        physical.artifactLocation.uri,
        only?.originalUriBaseIds[physical.artifactLocation.uriBaseId]?.uri,
      );
      expect(decodeURIComponent(resolved.pathname).startsWith(`${cwd}/content/`)).toBe(true);
      const where = physical.region;
      if (where?.endLine !== undefined) {
        // The end is not before the start (§3.30.2).
        expect(
          where.endLine > where.startLine ||
            (where.endLine === where.startLine &&
              (where.endColumn ?? 1) >= (where.startColumn ?? 1)),
        ).toBe(true);
      }
    }
    expect(results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri)).toContain(
      'content/caf%C3%A9%20story.md',
    );
  });
});
