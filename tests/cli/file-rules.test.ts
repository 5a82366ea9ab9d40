import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getRule, RULE_DOCS_BASE } from '../../src/lint/index.js';
import { run } from './helpers.js';

// A file named `crash.md` makes the checker throw (a stand-in for a bug in a parser or rule);
// a file named `locked.json` cannot be written by `fix`.
vi.mock('../../src/cli/check-source.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/cli/check-source.js')>();
  return {
    ...actual,
    checkSource: (...args: Parameters<typeof actual.checkSource>) => {
      if (args[2].file === 'crash.md') throw new TypeError('boom');
      return actual.checkSource(...args);
    },
  };
});
vi.mock('../../src/cli/write-atomic.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/cli/write-atomic.js')>();
  return {
    ...actual,
    writeAtomic: async (...args: Parameters<typeof actual.writeAtomic>) => {
      if (path.basename(args[0]) === 'locked.json') {
        throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
      }
      return actual.writeAtomic(...args);
    },
  };
});

const article = '# Harbour Authority Approves Night Ferries\n\nThe port board voted on Tuesday.\n';
/** An Article JSON file whose author fix splits a name into the dateline place. */
const placeAsAuthor = `${JSON.stringify({
  headline: 'Harbour Authority Approves Night Ferries',
  datePublished: '2026-03-10T18:05:00-05:00',
  dateline: { text: 'PORT ELIZABETH', place: 'Port Elizabeth' },
  byline: { contributors: [{ name: 'Dana Whitfield and Port Elizabeth' }] },
  body: [],
})}\n`;
const prefixedAuthor = `${JSON.stringify({
  headline: 'Harbour Authority Approves Night Ferries',
  byline: { contributors: [{ name: 'By Dana Whitfield' }] },
  body: [],
})}\n`;

function folder(files: Record<string, string | Buffer>): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-file-rules-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(cwd, name), content);
  return cwd;
}

interface Reported {
  ruleId: string;
  severity: string;
  url?: string;
}

/** The diagnostics of one file in a `--format json` report. */
function reported(stdout: string, file: string): Reported[] {
  const report = JSON.parse(stdout) as {
    results: Array<{ file: string; diagnostics: Reported[] }>;
  };
  return report.results.find((result) => result.file === file)?.diagnostics ?? [];
}

describe("the CLI's own diagnostics", () => {
  it('take a severity from the configuration, like any rule', async () => {
    const cwd = folder({
      'story.md': article,
      'nutgraf.config.json': JSON.stringify({ rules: { 'file-too-large': 'warning' } }),
    });
    const before = await run(['check', 'story.md', '--max-file-size', '10', '-f', 'json'], {
      cwd: folder({ 'story.md': article }),
    });
    expect(before.code).toBe(1);
    expect(reported(before.stdout, 'story.md')).toEqual([
      expect.objectContaining({ ruleId: 'file-too-large', severity: 'error' }),
    ]);
    const result = await run(['check', 'story.md', '--max-file-size', '10', '-f', 'json'], {
      cwd,
    });
    expect(result.code).toBe(0);
    expect(reported(result.stdout, 'story.md')).toEqual([
      expect.objectContaining({
        ruleId: 'file-too-large',
        severity: 'warning',
        url: `${RULE_DOCS_BASE}file-too-large.md`,
      }),
    ]);
  });

  it('are turned off and raised with --rule, and follow --quiet', async () => {
    const cwd = folder({
      'binary.md': Buffer.from([0x23, 0x20, 0x00]),
      'story.docx': article,
      'latin1.txt': Buffer.from('Caf\xe9\n', 'latin1'),
    });
    symlinkSync('missing.md', path.join(cwd, 'gone.md'));
    const argv = ['check', 'binary.md', 'story.docx', 'latin1.txt', 'gone.md', '-f', 'json'];
    const off = await run(
      [...argv, '--rule', 'binary-file=off', '--rule', 'unsupported-format=off'],
      { cwd },
    );
    expect(reported(off.stdout, 'binary.md')).toEqual([]);
    expect(reported(off.stdout, 'story.docx')).toEqual([]);
    expect(reported(off.stdout, 'latin1.txt')).toEqual([
      expect.objectContaining({ ruleId: 'invalid-encoding', severity: 'error' }),
    ]);
    const quiet = await run(
      [...argv, '--rule', 'invalid-encoding=warn', '--rule', 'unreadable-file=info', '--quiet'],
      { cwd },
    );
    expect(reported(quiet.stdout, 'latin1.txt')).toEqual([]);
    expect(reported(quiet.stdout, 'gone.md')).toEqual([]);
    expect(reported(quiet.stdout, 'binary.md')).toEqual([
      expect.objectContaining({ ruleId: 'binary-file', severity: 'error' }),
    ]);
  });

  it('report fixes held back, as a warning the settings can raise or turn off', async () => {
    const argv = ['fix', 'story.json', '--rule', 'author-name-is-place=error', '-f', 'json'];
    const recommended = await run(argv, { cwd: folder({ 'story.json': placeAsAuthor }) });
    expect(recommended.code).toBe(0);
    expect(reported(recommended.stdout, 'story.json')).toContainEqual(
      expect.objectContaining({ ruleId: 'fix-rejected', severity: 'warning' }),
    );
    const raised = await run([...argv, '--rule', 'fix-rejected=error'], {
      cwd: folder({ 'story.json': placeAsAuthor }),
    });
    expect(raised.code).toBe(1);
    expect(reported(raised.stdout, 'story.json')).toContainEqual(
      expect.objectContaining({ ruleId: 'fix-rejected', severity: 'error' }),
    );
    const cwd = folder({ 'story.json': placeAsAuthor });
    const off = await run([...argv, '--rule', 'fix-rejected=off'], { cwd });
    expect(reported(off.stdout, 'story.json').map((d) => d.ruleId)).not.toContain('fix-rejected');
    expect(readFileSync(path.join(cwd, 'story.json'), 'utf8')).toBe(placeAsAuthor);
  });

  it('report a file that cannot be written, at a severity the settings choose', async () => {
    const cwd = folder({ 'locked.json': prefixedAuthor });
    const result = await run(['fix', 'locked.json', '-f', 'json', '--quiet'], { cwd });
    expect(result.code).toBe(1);
    expect(reported(result.stdout, 'locked.json')).toEqual([
      expect.objectContaining({
        ruleId: 'unwritable-file',
        severity: 'error',
        message: 'Cannot write the fixed file (EROFS)',
      }),
    ]);
    expect(readFileSync(path.join(cwd, 'locked.json'), 'utf8')).toBe(prefixedAuthor);
    const lowered = await run(
      ['fix', 'locked.json', '-f', 'json', '--rule', 'unwritable-file=warn', '--quiet'],
      { cwd },
    );
    expect(lowered.code).toBe(0);
  });

  it('always report a crash as internal-error, exit 2, and go on with the other files', async () => {
    const cwd = folder({ 'crash.md': article, 'story.md': article });
    const result = await run(
      ['check', 'crash.md', 'story.md', '-f', 'json', '--rule', 'internal-error=off'],
      { cwd },
    );
    expect(result.code).toBe(2);
    expect(reported(result.stdout, 'crash.md')).toEqual([
      expect.objectContaining({
        ruleId: 'internal-error',
        severity: 'error',
        message: expect.stringMatching(
          /^nutgraf crashed on this file; please report it: TypeError: boom/,
        ),
      }),
    ]);
    expect(reported(result.stdout, 'story.md').length).toBeGreaterThan(0);
  });

  it('link to their docs pages in SARIF', async () => {
    const cwd = folder({ 'story.docx': article });
    const result = await run(['check', 'story.docx', '-f', 'sarif'], { cwd });
    const sarif = JSON.parse(result.stdout);
    expect(sarif.runs[0].tool.driver.rules).toEqual([
      {
        id: 'unsupported-format',
        shortDescription: { text: getRule('unsupported-format')?.summary },
        helpUri: `${RULE_DOCS_BASE}unsupported-format.md`,
        defaultConfiguration: { level: 'error' },
      },
    ]);
  });
});
