import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  guardFolders,
  removeStaleTemporaryFiles,
  WriteConflictError,
  writeAtomic,
} from '../../src/cli/write-atomic.js';

function folder(): string {
  return mkdtempSync(path.join(tmpdir(), 'nutgraf-write-'));
}

/** The id of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('writeAtomic', () => {
  it('replaces the content, keeps the mode and leaves no temporary file', async () => {
    const cwd = folder();
    const file = path.join(cwd, 'story.md');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    await writeAtomic(file, 'new\n', { expected: Buffer.from('old\n') });
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(cwd)).toEqual(['story.md']);
  });

  it('leaves a file edited since it was read as it is, and says so', async () => {
    const cwd = folder();
    const file = path.join(cwd, 'story.md');
    writeFileSync(file, 'old\nappended by someone else\n');
    await expect(
      writeAtomic(file, 'new\n', { expected: Buffer.from('old\n') }),
    ).rejects.toBeInstanceOf(WriteConflictError);
    expect(readFileSync(file, 'utf8')).toBe('old\nappended by someone else\n');
    // Same size, other bytes: a conflict too.
    writeFileSync(file, 'odd\n');
    await expect(
      writeAtomic(file, 'new\n', { expected: Buffer.from('old\n') }),
    ).rejects.toMatchObject({ code: 'ECONFLICT' });
    expect(readdirSync(cwd)).toEqual(['story.md']);
  });

  it('writes a symbolic link through to its target and keeps the link', async () => {
    const cwd = folder();
    const target = path.join(cwd, 'real.md');
    const link = path.join(cwd, 'link.md');
    writeFileSync(target, 'old\n');
    symlinkSync('real.md', link);
    await writeAtomic(link, 'new\n', { expected: Buffer.from('old\n') });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.md');
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(readdirSync(cwd).sort()).toEqual(['link.md', 'real.md']);
  });

  it('removes its temporary file when the write fails', async () => {
    const cwd = folder();
    const file = path.join(cwd, 'story.md');
    writeFileSync(file, 'old\n');
    await expect(writeAtomic(path.join(cwd, 'missing.md'), 'new\n')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(readdirSync(cwd)).toEqual(['story.md']);
  });
});

describe('removeStaleTemporaryFiles', () => {
  it('removes the temporary files of dead runs only', async () => {
    const cwd = folder();
    const dead = deadPid();
    const names = {
      stale: `.story.md.nutgraf-${dead}-0a1b2c3d.tmp`,
      fresh: `.other.md.nutgraf-${dead}-0a1b2c3e.tmp`,
      running: `.story.md.nutgraf-${process.pid}-0a1b2c3f.tmp`,
      unrelated: '.story.md.swp',
    };
    for (const name of Object.values(names)) writeFileSync(path.join(cwd, name), 'x');
    const hourAgo = Date.now() / 1000 - 3600;
    for (const name of [names.stale, names.running, names.unrelated]) {
      utimesSync(path.join(cwd, name), hourAgo, hourAgo);
    }
    const before = Date.now() - 60_000;
    const removed = await removeStaleTemporaryFiles(cwd, before);
    expect(removed).toEqual([path.join(cwd, names.stale)]);
    expect(readdirSync(cwd).sort()).toEqual([names.fresh, names.running, names.unrelated].sort());
    expect(await removeStaleTemporaryFiles(path.join(cwd, 'missing'))).toEqual([]);
  });

  it('runs when a fix run starts (guardFolders)', async () => {
    const cwd = folder();
    const stale = `.story.md.nutgraf-${deadPid()}-00000000.tmp`;
    writeFileSync(path.join(cwd, stale), 'x');
    const minuteAgo = Date.now() / 1000 - 60;
    utimesSync(path.join(cwd, stale), minuteAgo, minuteAgo);
    const release = await guardFolders([cwd, cwd]);
    release();
    release();
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('nutgraf fix on a symbolic link', () => {
  it('fixes the target and keeps the link', async () => {
    const { run } = await import('./helpers.js');
    const cwd = folder();
    const story =
      '---\ntitle: Night Ferries\nauthors:\n  - name: By Dana Whitfield\n---\n\nThe board voted.\n';
    writeFileSync(path.join(cwd, 'story.md'), story);
    symlinkSync('story.md', path.join(cwd, 'link.md'));
    const result = await run(['fix', 'link.md', '--quiet'], { cwd });
    expect(result.code).toBe(0);
    expect(lstatSync(path.join(cwd, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(cwd, 'story.md'), 'utf8')).toBe(story.replace('By Dana', 'Dana'));
  });
});

describe('nutgraf fix after a killed run', () => {
  it('removes the temporary files the killed run left in the folders it checks', async () => {
    const { run } = await import('./helpers.js');
    const cwd = folder();
    writeFileSync(path.join(cwd, 'story.md'), '# Night Ferries\n\nThe board voted.\n');
    const left = `.story.md.nutgraf-${deadPid()}-1a2b3c4d.tmp`;
    writeFileSync(path.join(cwd, left), '---\ntitle: half');
    const minuteAgo = Date.now() / 1000 - 60;
    utimesSync(path.join(cwd, left), minuteAgo, minuteAgo);
    // `check` never removes anything; `fix` does, even when it has nothing to fix.
    await run(['check', '.'], { cwd });
    expect(readdirSync(cwd).sort()).toEqual([left, 'story.md']);
    await run(['fix', '.'], { cwd });
    expect(readdirSync(cwd)).toEqual(['story.md']);
  });
});
