import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferryStory, folderWith, run } from './helpers.js';

const story = ferryStory({ title: 'HARBOUR AUTHORITY APPROVES NIGHT FERRIES' });

const cacheFile = (cwd: string) => path.join(cwd, '.nutgrafcache');

/** Change every cached message, so that a run that reads the cache shows it. */
function markCache(file: string): void {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replaceAll('Unexpected all-caps headline', 'FROM THE CACHE'));
}

describe('--cache', () => {
  it('answers unchanged files from the cache, and checks changed ones again', async () => {
    const cwd = folderWith({ 'a.md': story, 'b.md': story });
    const first = await run(['check', '.', '--cache'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Unexpected all-caps headline');
    expect(existsSync(cacheFile(cwd))).toBe(true);
    markCache(cacheFile(cwd));
    const second = await run(['check', '.', '--cache'], { cwd });
    expect(second.stdout).toBe(
      first.stdout.replaceAll('Unexpected all-caps headline', 'FROM THE CACHE'),
    );
    // b.md changes: it is checked again, a.md still comes from the cache.
    writeFileSync(path.join(cwd, 'b.md'), `${story}\nOne more paragraph.\n`);
    const third = await run(['check', '.', '--cache', '-f', 'json'], { cwd });
    const messages = (
      JSON.parse(third.stdout) as {
        results: Array<{ file: string; diagnostics: Array<{ message: string }> }>;
      }
    ).results.map((result) => [result.file, result.diagnostics[0]?.message.slice(0, 28)]);
    expect(messages).toEqual([
      ['a.md', 'FROM THE CACHE: write it in '],
      ['b.md', 'Unexpected all-caps headline'],
    ]);
  });

  it('checks again when the settings change', async () => {
    const cwd = folderWith({ 'a.md': story });
    await run(['check', '.', '--cache'], { cwd });
    markCache(cacheFile(cwd));
    const other = await run(['check', '.', '--cache', '--rule', 'headline-all-caps=error'], {
      cwd,
    });
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('Unexpected all-caps headline');
    writeFileSync(path.join(cwd, 'nutgraf.config.json'), '{ "timeZone": "Europe/London" }');
    markCache(cacheFile(cwd));
    const configured = await run(['check', '.', '--cache'], { cwd });
    expect(configured.stdout).toContain('Unexpected all-caps headline');
  });

  it('ignores a damaged cache or one another version wrote', async () => {
    const cwd = folderWith({ 'a.md': story });
    await run(['check', '.', '--cache'], { cwd });
    const data = JSON.parse(readFileSync(cacheFile(cwd), 'utf8'));
    writeFileSync(
      cacheFile(cwd),
      JSON.stringify({ ...data, nutgraf: '0.0.0' }).replaceAll(
        'Unexpected all-caps headline',
        'OLD',
      ),
    );
    expect((await run(['check', '.', '--cache'], { cwd })).stdout).toContain(
      'Unexpected all-caps headline',
    );
    writeFileSync(cacheFile(cwd), '{ not json');
    const damaged = await run(['check', '.', '--cache'], { cwd });
    expect(damaged.code).toBe(0);
    expect(damaged.stdout).toContain('Unexpected all-caps headline');
  });

  it('keeps the cache where --cache-location says: a file, or a folder', async () => {
    const cwd = folderWith({ 'a.md': story });
    await run(['check', '.', '--cache', '--cache-location', 'tmp/'], { cwd });
    expect(existsSync(path.join(cwd, 'tmp/.nutgrafcache'))).toBe(true);
    await run(['check', '.', '--cache', '--cache-location', 'tmp/results.json'], { cwd });
    expect(existsSync(path.join(cwd, 'tmp/results.json'))).toBe(true);
    expect(existsSync(cacheFile(cwd))).toBe(false);
  });

  it('checks a file fix wrote again on the next run', async () => {
    const fixable = story.replace(
      'author: Dana Whitfield',
      'authors:\n  - name: By Dana Whitfield',
    );
    const cwd = folderWith({ 'a.md': fixable });
    const fixed = await run(['fix', '.', '--cache'], { cwd });
    expect(fixed.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'a.md'), 'utf8')).toContain('- name: Dana Whitfield');
    const entries = JSON.parse(readFileSync(cacheFile(cwd), 'utf8')).entries;
    expect(Object.keys(entries)).toEqual([]);
    await run(['fix', '.', '--cache'], { cwd });
    expect(Object.keys(JSON.parse(readFileSync(cacheFile(cwd), 'utf8')).entries)).toEqual([
      path.join(cwd, 'a.md'),
    ]);
  });
});
