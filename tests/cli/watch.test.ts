import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { bin, built, ferryStory, folderWith, run, sink } from './helpers.js';

const article = (title: string) => ferryStory({ title });

const shouting = article('HARBOUR AUTHORITY APPROVES NIGHT FERRIES');
const quiet = article('Harbour authority approves night ferries');
const allCaps = 'Unexpected all-caps headline';

/** Handles of the kinds a watch starts (file watchers, worker threads, timers). */
function watchHandles(): number {
  return process
    .getActiveResourcesInfo()
    .filter((kind) => kind === 'FSEventWrap' || kind === 'Timeout' || kind === 'StatWatcher')
    .length;
}

/** Wait until `test` holds, looking every 20 ms, for at most `ms`. */
async function until(test: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Start `nutgraf check --watch` in this process; stop it with `stop()`. */
function watch(argv: readonly string[], cwd: string) {
  const stdout = sink();
  const stderr = sink();
  const controller = new AbortController();
  const done = main({
    argv: ['check', '--watch', ...argv],
    cwd,
    stdin: Readable.from([]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
    signal: controller.signal,
  });
  const runs = () => stderr.text().match(/Watching for changes/g)?.length ?? 0;
  return {
    stdout: () => stdout.text(),
    stderr: () => stderr.text(),
    runs,
    /** Wait for the nth report. */
    report: (n: number) => until(() => runs() >= n, `report ${n}`),
    stop: async () => {
      controller.abort();
      return done;
    },
  };
}

describe('check --watch', () => {
  it('checks a changed file again, only that file, and stops with 0 leaving no watcher', async () => {
    const before = watchHandles();
    const cwd = folderWith({ 'a.md': shouting, 'b.md': quiet });
    const watching = watch(['.'], cwd);
    await watching.report(1);
    expect(watching.stdout()).toContain(allCaps);
    expect(watching.stderr()).toContain('2 files checked: 0 errors, 1 warning.');
    const firstOut = watching.stdout().length;
    writeFileSync(path.join(cwd, 'a.md'), quiet);
    await watching.report(2);
    expect(watching.stderr()).toContain('2 files (1 checked again): 0 errors, 0 warnings.');
    expect(watching.stdout().slice(firstOut)).not.toContain(allCaps);
    expect(await watching.stop()).toBe(0);
    // Watchers closed and timers cleared: nothing of the watch keeps the process alive.
    await until(() => watchHandles() <= before, 'the handles to close', 2000);
    expect(watchHandles()).toBeLessThanOrEqual(before);
  });

  it('checks a file added to a watched folder, and follows a new subfolder', async () => {
    const cwd = folderWith({ 'content/a.md': quiet });
    const watching = watch(['content'], cwd);
    await watching.report(1);
    mkdirSync(path.join(cwd, 'content', 'news'));
    writeFileSync(path.join(cwd, 'content', 'news', 'b.md'), shouting);
    await until(() => watching.stdout().includes(allCaps), 'the new file to be checked');
    expect(watching.stdout()).toContain(path.join('content', 'news', 'b.md'));
    expect(await watching.stop()).toBe(0);
  });

  it('runs again with new settings when the configuration changes', async () => {
    const cwd = folderWith({ 'a.md': shouting, 'nutgraf.config.json': '{}' });
    const watching = watch(['a.md'], cwd);
    await watching.report(1);
    expect(watching.stdout()).toContain(allCaps);
    const firstOut = watching.stdout().length;
    writeFileSync(
      path.join(cwd, 'nutgraf.config.json'),
      JSON.stringify({ rules: { 'headline-all-caps': 'off' } }),
    );
    await watching.report(2);
    expect(watching.stdout().slice(firstOut)).not.toContain(allCaps);
    expect(await watching.stop()).toBe(0);
  });

  it('prints an invalid configuration and goes on watching until it is fixed', async () => {
    const cwd = folderWith({ 'a.md': shouting, 'nutgraf.config.json': '{}' });
    const watching = watch(['a.md'], cwd);
    await watching.report(1);
    writeFileSync(path.join(cwd, 'nutgraf.config.json'), '{ "rules": ');
    await until(() => /watching for changes/.test(watching.stderr()), 'the config error');
    writeFileSync(path.join(cwd, 'nutgraf.config.json'), '{}');
    await watching.report(2);
    expect(await watching.stop()).toBe(0);
  });

  it('with --poll, looks for changes at that interval', async () => {
    const cwd = folderWith({ 'a.md': shouting });
    const watching = watch(['a.md', '--poll', '50'], cwd);
    await watching.report(1);
    expect(watching.stderr()).toContain('looking every 50 ms');
    writeFileSync(path.join(cwd, 'a.md'), quiet);
    await watching.report(2);
    expect(watching.stderr()).toContain('1 file (1 checked again): 0 errors, 0 warnings.');
    expect(await watching.stop()).toBe(0);
  });

  it('stops when aborted while a run is checking', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 40; index++) files[`f${index}.md`] = shouting;
    const cwd = folderWith(files);
    const watching = watch(['.'], cwd);
    // Stopped before the first report: resolves with 0 and prints no report.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await watching.stop()).toBe(0);
    expect(watching.stdout()).toBe('');
  });

  it('does not run again for what its own runs write (the cache, report files)', async () => {
    const cwd = folderWith({ 'a.md': shouting });
    const watching = watch(['a.md', '--cache', '--format', 'sarif=report.sarif'], cwd);
    await watching.report(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(watching.runs()).toBe(1);
    writeFileSync(path.join(cwd, 'a.md'), quiet);
    await watching.report(2);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(watching.runs()).toBe(2);
    expect(await watching.stop()).toBe(0);
  });

  it.each([
    [['fix', '--watch', '.'], '`--watch` goes with `check` only'],
    [['check', '--watch', '--fix', '.'], '`--watch` goes with `check` only'],
    [['check', '--watch', '-'], 'cannot watch standard input'],
    [['check', '--poll', '100', '.'], '`--poll` goes with `--watch`'],
    [['check', '--watch', '--poll', '0', '.'], '`--poll` expects'],
  ])('%j is a usage error', async (argv, message) => {
    const cwd = folderWith({ 'a.md': quiet });
    const result = await run(argv, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('exits 2 on a first run that cannot check (no files match)', async () => {
    const cwd = folderWith({ 'a.md': quiet });
    const result = await run(['check', '--watch', 'nothing/*.md'], { cwd });
    expect(result.code).toBe(2);
  });

  it.skipIf(!built)('the binary ends with 0 on SIGINT, promptly', async () => {
    const cwd = folderWith({ 'a.md': shouting });
    const child = spawn(process.execPath, [bin, 'check', '--watch', 'a.md'], {
      cwd,
      env: { PATH: process.env.PATH ?? '' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await until(() => stderr.includes('Watching for changes'), 'the first report');
    const sent = Date.now();
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(Date.now() - sent).toBeLessThan(5000);
  });
});
