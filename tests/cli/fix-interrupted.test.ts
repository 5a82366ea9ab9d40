import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** The built binary (see bin.test.ts). */
const bin = process.env.NUTGRAF_BIN ?? fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** A story with one fixable problem, and a long body so that writing it takes a while. */
const paragraph = 'The port board voted on Tuesday to run ferries after midnight from June. ';
const body = `${Array.from({ length: 60 }, () => paragraph.repeat(4)).join('\n\n')}\n`;
const story = (n: number) =>
  `---\ntitle: Night Ferries ${n}\nauthors:\n  - name: By Dana Whitfield\n---\n\n${body}`;
const fixed = (n: number) => story(n).replace('By Dana', 'Dana');

const files = 60;

function makeFolder(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-kill-'));
  for (let n = 0; n < files; n++) writeFileSync(path.join(cwd, `story-${n}.md`), story(n));
  return cwd;
}

/** Every file is either as it was or fixed, never anything in between. */
function expectWholeFiles(cwd: string): { fixedCount: number; temporary: string[] } {
  let fixedCount = 0;
  for (let n = 0; n < files; n++) {
    const text = readFileSync(path.join(cwd, `story-${n}.md`), 'utf8');
    if (text === fixed(n)) fixedCount++;
    else expect(text, `story-${n}.md is half-written`).toBe(story(n));
  }
  const temporary = readdirSync(cwd).filter((name) => name.endsWith('.tmp'));
  return { fixedCount, temporary };
}

/** Start `nutgraf fix .`, send `signal` after `delay` ms; resolves when the process is gone. */
function fixAndKill(cwd: string, signal: NodeJS.Signals, delay: number) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    const child = spawn(process.execPath, [bin, 'fix', '.', '--quiet'], {
      cwd,
      stdio: 'ignore',
    });
    const timer = setTimeout(() => child.kill(signal), delay);
    child.on('exit', (code, received) => {
      clearTimeout(timer);
      resolve({ code, signal: received });
    });
  });
}

/** How long a whole run takes here (measured once), to kill runs part of the way through. */
let whole: number | undefined;
function wholeRun(cwd: string): number {
  if (whole === undefined) {
    const started = Date.now();
    spawnSync(process.execPath, [bin, 'fix', '.', '--quiet', '--dry-run'], { cwd });
    whole = Date.now() - started;
  }
  return whole;
}

const folders: string[] = [];
afterAll(() => {
  for (const cwd of folders) rmSync(cwd, { recursive: true, force: true });
});

describe.skipIf(!existsSync(bin))('killing nutgraf fix mid-run (a real process)', () => {
  it('SIGKILL leaves whole files, and the next run removes any temporary file', {
    timeout: 120_000,
  }, async () => {
    const cwd = makeFolder();
    folders.push(cwd);
    const duration = wholeRun(cwd);
    for (const share of [0.4, 0.75]) {
      for (let n = 0; n < files; n++) writeFileSync(path.join(cwd, `story-${n}.md`), story(n));
      const exit = await fixAndKill(cwd, 'SIGKILL', Math.round(duration * share));
      expectWholeFiles(cwd);
      if (exit.signal !== 'SIGKILL') continue;
      // The next run cleans up what the killed one left, and fixes the rest.
      const next = spawnSync(process.execPath, [bin, 'fix', '.', '--quiet'], { cwd });
      expect(next.status).toBe(0);
      expect(expectWholeFiles(cwd)).toEqual({ fixedCount: files, temporary: [] });
    }
  });

  it('SIGTERM and SIGINT leave whole files and no temporary file at all', {
    timeout: 120_000,
  }, async () => {
    const cwd = makeFolder();
    folders.push(cwd);
    const duration = wholeRun(cwd);
    for (const [signal, share] of [
      ['SIGTERM', 0.5],
      ['SIGINT', 0.7],
    ] as const) {
      for (let n = 0; n < files; n++) writeFileSync(path.join(cwd, `story-${n}.md`), story(n));
      const exit = await fixAndKill(cwd, signal, Math.round(duration * share));
      const { temporary } = expectWholeFiles(cwd);
      expect(temporary).toEqual([]);
      // Killed by the signal (as if nobody listened), or finished first.
      expect(exit.signal === signal || exit.code === 0).toBe(true);
    }
  });
});
