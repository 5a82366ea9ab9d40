import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/read-input.js';
import { folderWith, run } from './helpers.js';

const clean =
  '---\ntitle: Harbour Authority Approves Night Ferries\nauthor: Dana Whitfield\ndate: 2026-03-10T09:30:00-05:00\nlanguage: en\nimage: https://example.com/ferry.jpg\n---\n\nThe port board voted on Tuesday to run ferries after midnight.\n';
const broken =
  '---\ntitle: Harbour Authority Approves Night Ferries\ndate: 2026-13-45\n---\n\nBody.\n';

interface Report {
  results: Array<{ file: string; diagnostics: Array<{ ruleId: string; message: string }> }>;
}

function byFile(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as Report;
  return Object.fromEntries(
    report.results.map((result) => [
      result.file,
      result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`),
    ]),
  );
}

const hasMkfifo = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v mkfifo'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasMkfifo)('FIFOs', () => {
  it('refuses a FIFO named on the command line with exit 2, without blocking', async () => {
    const cwd = folderWith({ 'a.md': clean });
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')]);
    const result = await run(['check', 'a.md', 'pipe.md'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'nutgraf: `pipe.md` is a FIFO, not a file or folder: nutgraf reads files, and standard input with `-`',
    );
  }, 20_000);

  it('skips a FIFO met in a folder search', async () => {
    const cwd = folderWith({ 'a.md': clean });
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')]);
    const result = await run(['check', '.', '-f', 'json', '-q'], { cwd });
    expect(result.code).toBe(0);
    expect(byFile(result.stdout)).toEqual({ 'a.md': [] });
  }, 20_000);

  it('reads no FIFO that takes a file’s place after the search', async () => {
    const cwd = folderWith({});
    execFileSync('mkfifo', [path.join(cwd, 'pipe.md')]);
    expect(await readInput(path.join(cwd, 'pipe.md'), 'pipe.md')).toEqual({
      diagnostic: expect.objectContaining({
        ruleId: 'unreadable-file',
        message:
          'Expected a regular file, found a FIFO: nutgraf reads files, and standard input with `-`',
      }),
    });
  }, 20_000);
});

describe('symbolic links', () => {
  it('checks links to files found by search, reports broken links and loops, does not follow links to folders', async () => {
    const root = folderWith({
      'site/a.md': clean,
      'outside/b.md': broken,
      'outside/c.md': broken,
    });
    const site = path.join(root, 'site');
    symlinkSync('../outside/b.md', path.join(site, 'b-link.md'));
    symlinkSync('../outside', path.join(site, 'outside-link'));
    symlinkSync('missing.md', path.join(site, 'gone.md'));
    symlinkSync('loop.md', path.join(site, 'loop.md'));
    symlinkSync('a.md', path.join(site, 'a-again.md'));
    mkdirSync(path.join(site, 'sub'));
    symlinkSync('..', path.join(site, 'sub', 'up'));
    const result = await run(['check', '.', '-f', 'json', '-q'], { cwd: site });
    expect(result.code).toBe(1);
    const found = byFile(result.stdout);
    // The link to a.md is checked once, as a.md; the folder links are not followed.
    expect(Object.keys(found)).toEqual(['a.md', 'b-link.md', 'gone.md', 'loop.md']);
    expect(found['a.md']).toEqual([]);
    expect(found['b-link.md']?.[0]).toMatch(/^invalid-field: /);
    expect(found['gone.md']).toEqual([
      'unreadable-file: The file is a symbolic link to a file that does not exist (ENOENT)',
    ]);
    expect(found['loop.md']).toEqual([
      'unreadable-file: The file is a symbolic link that leads back to itself (ELOOP)',
    ]);
  });

  it('follows links in globs the same way, and searches a linked folder named on the command line', async () => {
    const root = folderWith({ 'site/a.md': clean, 'outside/b.md': broken });
    const site = path.join(root, 'site');
    symlinkSync('../outside/b.md', path.join(site, 'b-link.md'));
    symlinkSync('../outside', path.join(site, 'outside-link'));
    const glob = await run(['check', '*.md', '-f', 'json', '-q'], { cwd: site });
    expect(Object.keys(byFile(glob.stdout))).toEqual(['a.md', 'b-link.md']);
    const named = await run(['check', 'outside-link', '-f', 'json', '-q'], { cwd: site });
    expect(Object.keys(byFile(named.stdout))).toEqual(['outside-link/b.md']);
    expect(named.code).toBe(1);
  });
});

describe('encodings', () => {
  it.each([
    ['little-endian', 'utf16le'],
    ['big-endian', 'utf16be'],
  ] as const)(
    'reports UTF-16 (%s) without a byte order mark as invalid-encoding',
    async (order, encoding) => {
      const text =
        '# Harbour Authority Approves Night Ferries\n\nThe port board voted on Tuesday.\n';
      const little = Buffer.from(text, 'utf16le');
      const bytes = encoding === 'utf16le' ? little : Buffer.from(little).swap16();
      const cwd = folderWith({ 'story.md': bytes });
      const result = await run(['check', 'story.md', '-f', 'json'], { cwd });
      expect(result.code).toBe(1);
      expect(byFile(result.stdout)).toEqual({
        'story.md': [
          `invalid-encoding: The file is UTF-16 (${order}, without a byte order mark): save it as UTF-8`,
        ],
      });
    },
  );

  it('still reports binary data with a NUL byte as binary-file', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const cwd = folderWith({ 'image.md': png });
    const result = await run(['check', 'image.md', '-f', 'json'], { cwd });
    expect(byFile(result.stdout)['image.md']?.[0]).toMatch(/^binary-file: /);
  });
});

describe('paths that do not exist', () => {
  it.each([
    [['missing.md'], 'No such file or folder: `missing.md`'],
    [['missing-dir/'], 'No such file or folder: `missing-dir/`'],
    [['a.md', 'missing.md'], 'No such file or folder: `missing.md`'],
    [['*.txt'], 'No article files match `*.txt`'],
  ])('check %j exits 2: %s', async (paths, message) => {
    const cwd = folderWith({ 'a.md': clean });
    const result = await run(['check', ...paths], { cwd });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `nutgraf: ${message}\nRun \`nutgraf --help\` for usage.\n`,
    });
  });
});
