import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../scripts/config-schema.js';
import { configSchema, parseConfig } from '../../src/cli/config.js';

const shipped = JSON.parse(readFileSync('schema/config.schema.json', 'utf8'));

describe('the config JSON Schema', () => {
  it('is current (regenerate with `npm run schema:json`)', () => {
    expect(shipped).toEqual(configJsonSchema()['schema/config.schema.json']);
  });

  it('accepts what the zod schema accepts and rejects what it rejects', () => {
    const ajv = new Ajv.default({ strict: false });
    const validate = ajv.compile(shipped);
    const cases: unknown[] = [
      {},
      { preset: 'strict', rules: { 'missing-image': 'off' }, maxWarnings: 0 },
      { files: ['content/**/*.md'], ignores: ['drafts/**'], timeZone: 'Europe/Berlin' },
      { preset: 'loose' },
      { rules: { 'missing-image': 'sometimes' } },
      { rules: { MissingImage: 'off' } },
      { maxWarnings: -1 },
      { maxWarning: 3 },
    ];
    for (const value of cases) {
      expect(validate(value), JSON.stringify(value)).toBe(configSchema.safeParse(value).success);
    }
  });
});

describe('parseConfig', () => {
  it('returns the config of a valid file', () => {
    expect(
      parseConfig('{"preset": "google", "rules": {"missing-image": "warn"}}', 'c.json'),
    ).toEqual({
      config: { preset: 'google', rules: { 'missing-image': 'warn' } },
      file: 'c.json',
      directory: '.',
      diagnostics: [],
    });
  });

  it('points at the offending key or value', () => {
    const text = '{\n  "rules": {\n    "missing-image": "loud"\n  },\n  "files": "content"\n}';
    const places = parseConfig(text, 'c.json')?.diagnostics.map((d) => d.place);
    expect(places).toEqual([
      { line: 3, column: 5, offset: 19 },
      { line: 5, column: 3, offset: 50 },
    ]);
  });

  it('reads the nutgraf key of package.json, and nothing when it is absent', () => {
    expect(parseConfig('{"name": "x"}', 'package.json', 'nutgraf')).toBeUndefined();
    const loaded = parseConfig(
      '{"name": "x",\n "nutgraf": {"preset": 1}}',
      'package.json',
      'nutgraf',
    );
    expect(loaded?.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'invalid-config',
        place: { line: 2, column: 14, offset: 27 },
        message: expect.stringContaining('at `nutgraf.preset`'),
      }),
    ]);
  });
});
