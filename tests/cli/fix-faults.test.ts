import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from './helpers.js';

// Another program appends to `racing.md` while nutgraf checks it.
vi.mock('../../src/cli/check-source.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/cli/check-source.js')>();
  let raced = false;
  return {
    ...actual,
    checkSource: (...args: Parameters<typeof actual.checkSource>) => {
      const [, , options] = args;
      if (!raced && options.file === 'racing.md' && process.env.NUTGRAF_RACE_DIR) {
        raced = true;
        appendFileSync(path.join(process.env.NUTGRAF_RACE_DIR, 'racing.md'), 'An edit.\n');
      }
      return actual.checkSource(...args);
    },
  };
});

const story =
  '---\ntitle: Night Ferries\nauthors:\n  - name: By Dana Whitfield\n---\n\nThe board voted.\n';

describe('nutgraf fix when the file changes while it runs', () => {
  it('keeps the edit, reports fix-conflict and exits 1; the other files are fixed', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-race-'));
    writeFileSync(path.join(cwd, 'racing.md'), story);
    writeFileSync(path.join(cwd, 'calm.md'), story);
    process.env.NUTGRAF_RACE_DIR = cwd;
    try {
      const result = await run(['fix', 'racing.md', 'calm.md', '-f', 'json'], { cwd });
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as {
        results: Array<{ file: string; diagnostics: Array<{ ruleId: string; severity: string }> }>;
      };
      const racing = report.results.find((entry) => entry.file === 'racing.md');
      expect(racing?.diagnostics).toContainEqual(
        expect.objectContaining({ ruleId: 'fix-conflict', severity: 'error' }),
      );
      expect(readFileSync(path.join(cwd, 'racing.md'), 'utf8')).toBe(`${story}An edit.\n`);
      expect(readFileSync(path.join(cwd, 'calm.md'), 'utf8')).toBe(
        story.replace('By Dana', 'Dana'),
      );
    } finally {
      delete process.env.NUTGRAF_RACE_DIR;
    }
  });
});
