import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeData,
  escapeProperty,
  type FileResult,
  reportGithub,
  reportJson,
  reportSarif,
  reportStylish,
} from '../../src/cli/index.js';
import { rules } from '../../src/lint/index.js';
import type { Diagnostic } from '../../src/schema/index.js';

const require = createRequire(import.meta.url);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

const diagnostic = (extra: Partial<Diagnostic>): Diagnostic => ({
  ruleId: 'invalid-field',
  severity: 'error',
  message: 'Missing required field `headline`',
  source: 'nutgraf',
  ...extra,
});

const results: FileResult[] = [
  {
    file: 'content/a b,c:d.md',
    diagnostics: [
      diagnostic({
        place: {
          start: { line: 3, column: 1, offset: 10 },
          end: { line: 3, column: 9, offset: 18 },
        },
      }),
      diagnostic({
        ruleId: 'missing-image',
        severity: 'warning',
        message: 'Missing lead `image`: 100% sure\r\nsecond line',
        place: { line: 7, column: 12 },
      }),
      diagnostic({
        ruleId: 'date-from-filename',
        severity: 'info',
        message: 'Date taken from the file name',
      }),
    ],
  },
  { file: 'clean.md', diagnostics: [] },
];

describe('github reporter', () => {
  it('escapes data and properties per the workflow-command rules', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('never lets a message or path break the command line (property)', () => {
    const decode = (value: string) =>
      value.replace(/%(25|0D|0A|3A|2C)/g, (_, code: string) =>
        String.fromCharCode(Number.parseInt(code, 16)),
      );
    fc.assert(
      fc.property(fc.string(), fc.string(), (message, file) => {
        const out = reportGithub({
          results: [
            { file, diagnostics: [diagnostic({ message, place: { line: 1, column: 1 } })] },
          ],
          cwd: '/',
        });
        expect(out.split('\n')).toHaveLength(2);
        const [, properties = '', data = ''] = /^::error (.*?)::(.*)$/.exec(out.slice(0, -1)) ?? [];
        expect(decode(data)).toBe(message);
        expect(decode(properties.split(',')[0]!.slice('file='.length))).toBe(file);
      }),
    );
  });

  it('prints one command per diagnostic, with ranges when known', () => {
    expect(reportGithub({ results, cwd: '/repo' }).split('\n')).toEqual([
      '::error file=content/a b%2Cc%3Ad.md,line=3,col=1,endLine=3,endColumn=9,title=invalid-field::Missing required field `headline`',
      '::warning file=content/a b%2Cc%3Ad.md,line=7,col=12,title=missing-image::Missing lead `image`: 100%25 sure%0D%0Asecond line',
      '::notice file=content/a b%2Cc%3Ad.md,title=date-from-filename::Date taken from the file name',
      '',
    ]);
  });
});

describe('stylish reporter', () => {
  it('lists files with problems, aligned, and a total', () => {
    expect(reportStylish({ results, cwd: '/repo' })).toBe(
      [
        'content/a b,c:d.md',
        '  3:1   error    Missing required field `headline`  invalid-field',
        '  7:12  warning  Missing lead `image`: 100% sure second line  missing-image',
        '        info     Date taken from the file name  date-from-filename',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info)',
        '',
      ].join('\n'),
    );
  });

  it('prints nothing when clean, and colors only when asked', () => {
    expect(reportStylish({ results: [{ file: 'a.md', diagnostics: [] }], cwd: '/' })).toBe('');
    const colored = reportStylish({ results, cwd: '/repo', color: true });
    expect(colored).toContain('\u001b[31m');
    expect(reportStylish({ results, cwd: '/repo' })).not.toContain('\u001b[');
  });
});

describe('json reporter', () => {
  it('keeps the diagnostics and counts per file', () => {
    const report = JSON.parse(reportJson({ results, cwd: '/repo' }));
    expect(report).toMatchObject({ errorCount: 1, warningCount: 1, infoCount: 1 });
    expect(report.results[0].diagnostics).toEqual(results[0]!.diagnostics);
    expect(report.results[1]).toEqual({
      file: 'clean.md',
      errorCount: 0,
      warningCount: 0,
      infoCount: 0,
      diagnostics: [],
    });
  });
});

describe('sarif reporter', () => {
  const ajv = new AjvDraft04.default({ strict: false, allErrors: true, unicodeRegExp: false });
  const validate = ajv.compile(sarifSchema);

  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    const log = JSON.parse(reportSarif({ results, cwd: '/repo', version: '1.2.3' }, { rules }));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('catches a log that breaks the schema (the validator is real)', () => {
    const log = JSON.parse(reportSarif({ results, cwd: '/repo' }));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('maps severities, regions, rules and relative URIs', () => {
    const log = JSON.parse(reportSarif({ results, cwd: '/repo' }, { rules }));
    const [run] = log.runs;
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      'invalid-field',
      'missing-image',
      'date-from-filename',
    ]);
    expect(run.tool.driver.rules[0].helpUri).toMatch(/docs\/rules\/invalid-field\.md$/);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual([
      'error',
      'warning',
      'note',
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'content/a%20b%2Cc%3Ad.md', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 9 },
    });
    expect(run.results[2].locations[0].physicalLocation.region).toBeUndefined();
    expect(run.results[1].ruleIndex).toBe(1);
  });
});
