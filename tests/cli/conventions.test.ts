import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, built, ferryStory, folderWith, type Run, run, runBin } from './helpers.js';

/**
 * The conventions of `nutgraf check`, one row each, as the README's "Conventions" table lists
 * them (the first column of each row here is the first column there). They follow ESLint and
 * markdownlint-cli2: 0 clean, 1 problems found, 2 the run failed or was misused.
 */

const clean = ferryStory();
const warning = clean.replace(
  'title: Harbour Authority Approves Night Ferries',
  'title: HARBOUR AUTHORITY APPROVES NIGHT FERRIES',
);
const error = clean.replace('date: 2026-03-10T09:30:00-05:00', 'date: 2026-13-45');
const fixed = clean.replace('author: Dana Whitfield', 'authors:\n  - name: Dana Whitfield');
const fixable = fixed.replace('name: Dana Whitfield', 'name: By Dana Whitfield');

const files = { 'clean.md': clean, 'warning.md': warning, 'error.md': error };
const helpHint = 'Run `nutgraf --help` for usage.\n';
const red = '\u001b[31m';
const ansi = '\u001b[';

interface Row {
  /** The first column of the README row. */
  convention: string;
  /** Runs the case and checks what it gives. */
  check: () => Promise<void> | void;
}

async function check(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string>; tty?: boolean } = {},
): Promise<Run> {
  return run(['check', ...argv], { cwd: folderWith(files), ...options });
}

const rows: Row[] = [
  {
    convention: 'No errors (warnings allowed)',
    async check() {
      expect(await check(['clean.md'])).toEqual({ code: 0, stdout: '', stderr: '' });
      const warned = await check(['warning.md']);
      expect(warned.code).toBe(0);
      expect(warned.stdout).toContain('headline-all-caps');
    },
  },
  {
    convention: 'Errors found',
    async check() {
      const result = await check(['.']);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^error\.md\n/);
      expect(result.stderr).toBe('');
    },
  },
  {
    convention: 'More warnings than `--max-warnings`',
    async check() {
      const result = await check(['warning.md', '--max-warnings', '0']);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('nutgraf: 1 warnings, more than --max-warnings 0\n');
    },
  },
  {
    convention: 'Usage error',
    async check() {
      expect(await check(['.', '--format', 'xml'])).toEqual({
        code: 2,
        stdout: '',
        stderr: `nutgraf: Unknown format \`xml\`: expected one of stylish, json, github, sarif, each as \`name\` or \`name=file\`\n${helpHint}`,
      });
      expect((await check(['.', '--bogus'])).code).toBe(2);
    },
  },
  {
    convention: 'Unknown rule id',
    async check() {
      expect(await check(['.', '--rule', 'mising-image=off'])).toEqual({
        code: 2,
        stdout: '',
        stderr: `nutgraf: Unknown rule \`mising-image\`: did you mean \`missing-image\`?\n${helpHint}`,
      });
    },
  },
  {
    convention: 'Invalid configuration',
    async check() {
      const cwd = folderWith({
        ...files,
        'nutgraf.config.json': '// the site\n{\n  "rules": { "mising-image": "off" }\n}\n',
      });
      expect(await run(['check', '.'], { cwd })).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'nutgraf.config.json:3:14: error: Unknown rule `mising-image`: did you mean `missing-image`? (invalid-config)\n',
      });
    },
  },
  {
    convention: 'A path that does not exist',
    async check() {
      for (const missing of ['missing.md', 'missing-dir/']) {
        expect(await check(['clean.md', missing])).toEqual({
          code: 2,
          stdout: '',
          stderr: `nutgraf: No such file or folder: \`${missing}\`\n${helpHint}`,
        });
      }
    },
  },
  {
    convention: 'A glob or folder without article files',
    async check() {
      expect(await check(['*.txt'])).toEqual({
        code: 2,
        stdout: '',
        stderr: `nutgraf: No article files match \`*.txt\`\n${helpHint}`,
      });
    },
  },
  {
    convention: 'A file named on the command line that an ignore pattern matches',
    async check() {
      const result = await check(['clean.md', 'error.md', '--ignore', 'error.md']);
      expect(result).toEqual({
        code: 0,
        stdout: '',
        stderr:
          'nutgraf: skipped `error.md`: ignored by `error.md` in --ignore (`--no-ignore` checks it)\n',
      });
      expect((await check(['error.md', '--ignore', 'error.md', '--no-ignore'])).code).toBe(1);
    },
  },
  {
    convention: 'Standard input: `-`',
    async check() {
      const result = await check(['-', '--stdin-filename', 'story.md'], { stdin: error });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^story\.md\n {2}1:1 +warning/);
    },
  },
  {
    convention: '`fix -`',
    async check() {
      const result = await run(['fix', '-', '--stdin-filename', 'story.md'], {
        cwd: folderWith({}),
        stdin: fixable,
      });
      expect(result).toEqual({ code: 0, stdout: fixed, stderr: '' });
      const broken = fixable.replace('date: 2026-03-10T09:30:00-05:00', 'date: 2026-13-45');
      const dirty = await run(['fix', '-', '--stdin-filename', 'story.md'], {
        cwd: folderWith({}),
        stdin: broken,
      });
      expect(dirty.code).toBe(1);
      expect(dirty.stdout).toBe(broken.replace('By Dana', 'Dana'));
      expect(dirty.stderr).toMatch(/^story\.md\n/);
    },
  },
  {
    convention: '`--dry-run` without `--fix`',
    async check() {
      expect(await check(['.', '--dry-run'])).toEqual({
        code: 2,
        stdout: '',
        stderr: `nutgraf: \`--dry-run\` goes with \`--fix\` or the \`fix\` command: it prints the fixes as a diff instead of writing them\n${helpHint}`,
      });
    },
  },
  {
    convention: '`fix --dry-run`',
    async check() {
      const cwd = folderWith({ 'story.md': fixable });
      const stylish = await run(['fix', '--dry-run', 'story.md'], { cwd });
      expect(stylish.code).toBe(0);
      expect(stylish.stdout).toMatch(/^--- a\/story\.md\n\+\+\+ b\/story\.md\n/);
      const json = await run(['fix', '--dry-run', 'story.md', '-f', 'json'], { cwd });
      expect(JSON.parse(json.stdout).errorCount).toBe(0);
      expect(json.stderr).toMatch(/^--- a\/story\.md\n/);
      expect(readFileSync(path.join(cwd, 'story.md'), 'utf8')).toBe(fixable);
    },
  },
  {
    convention: 'Several formats',
    async check() {
      const cwd = folderWith(files);
      const result = await run(['check', '.', '-f', 'stylish', '-f', 'sarif=out/report.sarif'], {
        cwd,
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^error\.md\n/);
      const sarif = JSON.parse(readFileSync(path.join(cwd, 'out/report.sarif'), 'utf8'));
      expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain(
        'invalid-field',
      );
      const both = await check(['.', '-f', 'json', '-f', 'sarif']);
      expect(both.code).toBe(2);
      expect(both.stderr).toMatch(/^nutgraf: Only one `--format` can go to standard output/);
    },
  },
  {
    convention: 'Output piped into `head -1`',
    check() {
      if (!built) return;
      const cwd = folderWith(
        Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`${index}.md`, error])),
      );
      const result = spawnSync(
        'bash',
        [
          '--norc',
          '--noprofile',
          '-c',
          `"${process.execPath}" "${bin}" check . -f json | head -1; echo "exit \${PIPESTATUS[0]}" >&2`,
        ],
        { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
      );
      expect(result.stdout).toBe('{\n');
      // No EPIPE stack trace; the exit code is the run's.
      expect(result.stderr).not.toMatch(/EPIPE|Error|\n {4}at /);
      expect(result.stderr.endsWith('exit 1\n')).toBe(true);
    },
  },
  {
    convention: 'Colours',
    async check() {
      expect((await check(['error.md'], { tty: true })).stdout).toContain(red);
      for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }, { TERM: 'dumb' }]) {
        expect(
          (await check(['error.md'], { tty: true, env })).stdout,
          JSON.stringify(env),
        ).not.toContain(ansi);
      }
      expect((await check(['error.md'])).stdout).not.toContain(ansi);
      expect((await check(['error.md'], { env: { FORCE_COLOR: '1' } })).stdout).toContain(red);
      expect(
        (await check(['error.md'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout,
      ).not.toContain(ansi);
    },
  },
  {
    convention: 'A file over its time or memory budget',
    check() {
      if (!built) return;
      const cwd = folderWith({
        ...files,
        'slow.md': `# Night ferries\n\n${'**a'.repeat(20_000)}\n`,
      });
      const result = runBin(['check', '.', '--timeout', '1', '-q'], { cwd });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('check-timeout');
      expect(result.stdout).toContain('invalid-field');
    },
  },
];

describe('conventions of nutgraf check (the README table, row by row)', () => {
  it.each(rows.map((row) => [row.convention, row] as const))(
    '%s',
    async (_, row) => {
      await row.check();
    },
    60_000,
  );

  it('are the rows of the README table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('<!-- conventions:start -->');
    const end = readme.indexOf('<!-- conventions:end -->');
    const table = readme.slice(start, end);
    const shown = [...table.matchAll(/^\| ([^|]+?) \|/gm)]
      .map((match) => match[1])
      .filter((cell) => cell !== 'situation' && !cell?.startsWith('---'));
    expect(shown).toEqual(rows.map((row) => row.convention));
  });
});
