import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../scripts/config-schema.js';
import { configSchema, parseConfig } from '../../src/cli/config.js';
import { parseText as parseConfigText } from '../../src/cli/config-text.js';

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

  it('reports a duplicate YAML key at the second one, naming the first, at any depth', () => {
    const top = parseConfig('preset: strict\nmaxWarnings: 3\npreset: loose\n', 'c.yaml');
    expect(top?.config).toEqual({});
    expect(top?.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'invalid-config',
        severity: 'error',
        message:
          'Cannot parse the configuration: Unexpected duplicate key `preset`, expected each key once (the first is on line 1)',
        place: { line: 3, column: 1, offset: 30 },
      }),
    ]);
    const nested = parseConfig(
      'rules:\n  missing-image: off\n  missing-image: warn\n',
      '.nutgrafrc.yml',
    );
    expect(nested?.diagnostics.map((d) => [d.message, d.place])).toEqual([
      [
        'Cannot parse the configuration: Unexpected duplicate key `missing-image`, expected each key once (the first is on line 2)',
        { line: 3, column: 3, offset: 30 },
      ],
    ]);
  });

  it('reads a YAML configuration of 20,000 keys, finding duplicates in one pass', () => {
    // `yaml`'s own unique-keys check compares each key with every key before it.
    const keys = Array.from({ length: 20_000 }, (_, i) => `  rule-${i}: off\n`).join('');
    const parsed = parseConfigText(`rules:\n${keys}`, 'nutgraf.config.yaml');
    expect(parsed.diagnostics).toEqual([]);
    const rules = (parsed.value as { rules: Record<string, string> }).rules;
    expect(Object.keys(rules)).toHaveLength(20_000);
    expect(rules['rule-19999']).toBe('off');
    const duplicated = parseConfig(`rules:\n${keys}  rule-7: warn\n`, 'nutgraf.config.yaml');
    expect(duplicated?.diagnostics.map((d) => [d.message, d.place])).toEqual([
      [
        'Cannot parse the configuration: Unexpected duplicate key `rule-7`, expected each key once (the first is on line 9)',
        { line: 20_002, column: 3, offset: keys.length + 9 },
      ],
    ]);
  });

  it('reads prototype names as plain keys in JSON and YAML, at any depth (property)', () => {
    const name = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString');
    const value = fc.constantFrom('off', 'warn', '{"preset": "strict"}', '{"rules": {"x": "off"}}');
    fc.assert(
      fc.property(
        fc.constantFrom('top', 'rules', 'override', 'package'),
        name,
        value,
        fc.boolean(),
        (where, key, inner, yaml) => {
          const entry = `${JSON.stringify(key)}: ${inner}`;
          const texts = {
            top: `{${entry}}`,
            rules: `{"rules": {"missing-image": "off", ${entry}}}`,
            override: `{"overrides": [{"files": ["a/**"], "options": {"rules": {${entry}}}}]}`,
            package: `{"name": "x", "nutgraf": {${entry}}}`,
          };
          // JSON is YAML too: the YAML reader gets the same text.
          const file = where === 'package' ? 'package.json' : yaml ? 'c.yaml' : 'c.json';
          const loaded = parseConfig(
            texts[where],
            file,
            where === 'package' ? 'nutgraf' : undefined,
          );
          const config = loaded?.config ?? {};
          expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
          expect(config.preset).toBeUndefined();
          expect(Object.getPrototypeOf(config.rules ?? {})).toBe(Object.prototype);
          // Not a rule, an option or a known key: reported, never read nor dropped silently.
          expect(loaded?.diagnostics.length).toBeGreaterThan(0);
          expect(JSON.stringify(config)).not.toContain('strict');
        },
      ),
      { numRuns: 200 },
    );
    const proto = parseConfig('{"rules": {"__proto__": "off", "missing-image": "off"}}', 'c.json');
    expect(proto?.diagnostics.map((d) => [d.message, d.place])).toEqual([
      [
        'Unknown rule `__proto__`: see the rules table in the README',
        { line: 1, column: 12, offset: 11 },
      ],
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
