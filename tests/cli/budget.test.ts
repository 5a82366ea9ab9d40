import { describe, expect, it } from 'vitest';
import { built, folderWith, runBin } from './helpers.js';

/** A short article that passes with `--quiet`. */
const clean =
  '---\ntitle: Harbour Authority Approves Night Ferries\nauthor: Dana Whitfield\ndate: 2026-03-10T09:30:00-05:00\nlanguage: en\nimage: https://example.com/ferry.jpg\n---\n\nThe port board voted on Tuesday to run ferries after midnight.\n';

interface Report {
  results: Array<{ file: string; diagnostics: Array<{ ruleId: string; place?: unknown }> }>;
}

function ruleIds(stdout: string): Record<string, string[]> {
  const report = JSON.parse(stdout) as Report;
  return Object.fromEntries(
    report.results.map((result) => [result.file, result.diagnostics.map((d) => d.ruleId)]),
  );
}

/**
 * How long a test and each run of the binary in it may take. Each run starts Node and a worker
 * that loads the parsers (about 1.2 s of CPU), and the slow files spin until their budget: a
 * few seconds idle, but at load 25 on two cores a process gets a twelfth of a core. What the
 * tests assert is which file is stopped and how it is reported, never how fast.
 */
const testLimit = 240_000;
const runLimit = 230_000;

/** {@link runBin} with room for a busy machine. */
const runSlowly: typeof runBin = (argv, options) => runBin(argv, { timeout: runLimit, ...options });

/**
 * The budget, in seconds, of runs in which clean files must pass: the budget is wall-clock time,
 * and checking a small clean file in a fresh worker takes about 50 ms of CPU, so 1 s is within
 * reach of a machine at load 25. The slow files of those runs take far longer than this even on
 * a fast idle machine (remark-parse is quadratic on unclosed emphasis: 40,000 `**a` take about
 * 25 s of CPU here; 20,000 take 6.5 s, enough for runs with a budget of 1 s and no clean file).
 */
const roomyBudget = '3';

describe.skipIf(!built)('the per-file budget (built binary)', { timeout: testLimit }, () => {
  it('stops a file that takes too long, reports it over its whole text, exits 2 and checks the rest', () => {
    const slow = `# Night ferries\n\n${'**a'.repeat(40_000)}\n`;
    const cwd = folderWith({ 'a.md': clean, 'slow.md': slow, 'z.md': clean });
    const result = runSlowly(['check', '.', '--timeout', roomyBudget, '-f', 'json', '-q'], {
      cwd,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    expect(ruleIds(result.stdout)).toEqual({
      'a.md': [],
      'slow.md': ['check-timeout'],
      'z.md': [],
    });
    const report = JSON.parse(result.stdout) as Report;
    const slowResult = report.results.find((entry) => entry.file === 'slow.md');
    expect(slowResult?.diagnostics[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/^The check was stopped after 3 seconds, its time budget/),
      place: {
        start: { line: 1, column: 1, offset: 0 },
        end: { line: 4, column: 1, offset: Buffer.byteLength(slow) },
      },
    });
  });

  // remark-parse's other slow shapes (README, Security): each takes minutes at these sizes
  // (lazy lines: micromark rescans the paragraph at each line), and is stopped at its budget
  // like unclosed emphasis.
  it.each([
    ['a block quote continued by lazy lines', `# Night ferries\n\n> a\n${'a\n'.repeat(40_000)}`],
    [
      'a list nested 1,000 deep',
      Array.from({ length: 1_000 }, (_, depth) => `${'  '.repeat(depth)}- a\n`).join(''),
    ],
  ])('stops %s at its budget, exit 2', (_, slow) => {
    const cwd = folderWith({ 'a.md': clean, 'slow.md': slow });
    const result = runSlowly(['check', '.', '--timeout', roomyBudget, '-f', 'json', '-q'], {
      cwd,
    });
    expect(result.code).toBe(2);
    expect(ruleIds(result.stdout)).toEqual({ 'a.md': [], 'slow.md': ['check-timeout'] });
  });

  it('cannot be lowered or turned off by a rule setting', () => {
    const cwd = folderWith({ 'slow.md': `# Night ferries\n\n${'**a'.repeat(20_000)}\n` });
    const result = runSlowly(
      ['check', 'slow.md', '--timeout', '1', '--rule', 'check-timeout=off'],
      {
        cwd,
      },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('check-timeout');
  });

  it('stops a parse that takes too long', () => {
    const cwd = folderWith({ 'slow.md': `# Night ferries\n\n${'**a'.repeat(20_000)}\n` });
    const result = runSlowly(['parse', 'slow.md', '--timeout', '1'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^slow\.md:1:1: error: The check was stopped after 1 second/);
  });

  it('stops a file that runs its worker out of memory, exits 2 and checks the rest', () => {
    // 0.5 MB: small enough for the guard below, too large for a 64 MB heap.
    const big = `# Night ferries\n\n${'The port board voted on Tuesday.\n\n'.repeat(15_000)}`;
    const cwd = folderWith({ 'a.md': clean, 'big.md': big });
    // A long time budget: on a busy machine the heap must run out before the deadline.
    const result = runSlowly(
      ['check', '.', '--max-memory', '64', '--timeout', '300', '-f', 'json', '-q'],
      { cwd },
    );
    expect(result.code).toBe(2);
    expect(ruleIds(result.stdout)).toEqual({ 'a.md': [], 'big.md': ['check-out-of-memory'] });
    expect(result.stdout).toContain('`--max-memory` 64 MB');
  });

  it('refuses at once Markdown far too large for the heap, before parsing it', () => {
    const huge = `# Night ferries\n\n${'The port board voted on Tuesday.\n\n'.repeat(100_000)}`;
    const cwd = folderWith({ 'a.md': clean, 'huge.md': huge });
    const result = runSlowly(['check', '.', '--max-memory', '64', '-f', 'json', '-q'], { cwd });
    expect(result.code).toBe(2);
    expect(ruleIds(result.stdout)).toEqual({ 'a.md': [], 'huge.md': ['check-out-of-memory'] });
    expect(result.stdout).toMatch(
      /The file was not checked: parsing 3\.4 million characters of Markdown needs more than 324 MB of memory, and a worker may use \d+ MB/,
    );
  });

  it('checks standard input in a worker too', () => {
    const cwd = folderWith({});
    const slow = runSlowly(['check', '-', '--timeout', '1', '--stdin-filename', 'slow.md'], {
      cwd,
      stdin: `# Night ferries\n\n${'**a'.repeat(20_000)}\n`,
    });
    expect(slow.code).toBe(2);
    expect(slow.stdout).toMatch(/^slow\.md\n {2}1:1 +error +The check was stopped/);
    const fine = runSlowly(['check', '-', '-q', '--stdin-filename', 'fine.md'], {
      cwd,
      stdin: clean,
    });
    expect(fine).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is off with --timeout 0: files are checked in the main thread', () => {
    const cwd = folderWith({ 'a.md': clean });
    expect(runSlowly(['check', 'a.md', '--timeout', '0', '-q'], { cwd })).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
});
