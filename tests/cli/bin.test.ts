import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixtures } from './helpers.js';

/**
 * The built binary: `dist/bin.js` after `npm run build`, or a private build named by
 * `NUTGRAF_BIN` (so the tests run without touching the shared `dist/`).
 */
const bin = process.env.NUTGRAF_BIN ?? fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
const built = existsSync(bin);

function nutgraf(argv: string[], cwd: string, input?: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...argv], {
    cwd,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const twoArticles = path.join(fixtures, 'a-folder-with-a-clean-and-a-broken-article');

describe.skipIf(!built)('the nutgraf binary', () => {
  it('stylish: lists problems and exits 1', () => {
    const result = nutgraf(['check', '.'], twoArticles);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^nested\/broken\.json\n {2}3:3 +error +Date-time/);
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 problems (2 errors, 0 warnings)');
  });

  it('json: prints the report', () => {
    const result = nutgraf(['check', '.', '--format', 'json'], twoArticles);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).errorCount).toBe(2);
  });

  it('github: prints workflow commands', () => {
    const result = nutgraf(['check', '.', '--format', 'github'], twoArticles);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(
        /^::error file=nested\/broken\.json,line=3,col=3,endLine=3,endColumn=\d+,title=invalid-field::Date-time/,
      ),
      expect.stringMatching(
        /^::error file=nested\/broken\.json,line=4,col=54,.*title=invalid-field::Unexpected `columnist`/,
      ),
      '',
    ]);
  });

  it('sarif: prints a SARIF 2.1.0 log', () => {
    const result = nutgraf(['check', '.', '--format', 'sarif'], twoArticles);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(2);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
      'nested/broken.json',
    );
  });

  it('exits 0 on clean files and reads stdin', () => {
    const text = readFileSync(path.join(twoArticles, 'clean.json'), 'utf8');
    expect(nutgraf(['check', '-', '--stdin-filename', 'a.json'], twoArticles, text)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('exits 2 on a usage error and on an invalid config', () => {
    const usage = nutgraf(['check', '--format', 'xml', '.'], twoArticles);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Unknown format `xml`');
    const config = nutgraf(
      ['check', 'articles'],
      path.join(fixtures, 'a-config-with-an-unknown-key'),
    );
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^nutgraf\.config\.json:3:3: error: Unknown configuration key/);
  });

  it('colors only with FORCE_COLOR, never with NO_COLOR', () => {
    expect(nutgraf(['check', '.'], twoArticles, undefined, { FORCE_COLOR: '1' }).stdout).toContain(
      '\u001b[31m',
    );
    expect(
      nutgraf(['check', '.'], twoArticles, undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout,
    ).not.toContain('\u001b[');
  });

  it('fix --dry-run prints a diff, fix writes', () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-bin-'));
    const file = path.join(cwd, 'a.json');
    const text = readFileSync(path.join(twoArticles, 'clean.json'), 'utf8').replace(
      '"Dana Whitfield"',
      '"By Dana Whitfield"',
    );
    writeFileSync(file, text);
    const dry = nutgraf(['fix', '--dry-run', 'a.json'], cwd);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      '+  "byline": { "contributors": [{ "name": "Dana Whitfield" }] },',
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(nutgraf(['fix', 'a.json'], cwd).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('"name": "Dana Whitfield"');
  });

  // Two runs of the binary over 240 files: 14.2 s in a full `npm test` at load 19–28.
  it('gives the same report in two worker threads as in the main thread', {
    timeout: 180_000,
  }, () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-threads-'));
    const good = readFileSync(path.join(twoArticles, 'clean.json'), 'utf8');
    const bad = readFileSync(path.join(twoArticles, 'nested/broken.json'), 'utf8');
    for (let index = 0; index < 240; index++) {
      writeFileSync(
        path.join(cwd, `${String(index).padStart(3, '0')}.json`),
        index % 7 ? good : bad,
      );
    }
    const main = nutgraf(['check', '.', '-f', 'json', '--timeout', '0'], cwd);
    const threads = nutgraf(['check', '.', '-f', 'json', '--threads', '2'], cwd);
    expect(threads.code).toBe(1);
    expect(threads.stderr).toBe('');
    expect(threads.stdout).toBe(main.stdout);
    expect(JSON.parse(threads.stdout).errorCount).toBe(2 * 35);
  });

  it('prints --version and --help', () => {
    expect(nutgraf(['--version'], twoArticles).stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(nutgraf(['--help'], twoArticles).stdout).toContain('Exit codes:');
  });
});
