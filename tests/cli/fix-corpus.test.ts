import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/schema/index.js';
import { run } from './helpers.js';

// The shared development corpus, when present (it is not part of the repository).
const corpus = fileURLToPath(new URL('../../../shared/corpus/markdown/', import.meta.url));
const sites = existsSync(corpus)
  ? readdirSync(corpus).filter((site) => existsSync(path.join(corpus, site, 'articles')))
  : [];

/** The 1-based numbers of the first and last lines a range touches (an insertion at its end included). */
function linesOf(text: string, start: number, end: number): [number, number] {
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  return [lineAt(start), lineAt(end)];
}

/**
 * What a line diff (longest common subsequence; the files are small) changes in `before`:
 * each line removed (its 1-based number), and each line inserted, as the two lines of
 * `before` it goes between.
 */
function changedLines(before: string, after: string): Array<readonly number[]> {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const changed: Array<readonly number[]> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      changed.push([i, i + 1]);
      j++;
    } else {
      changed.push([i + 1]);
      i++;
    }
  }
  return changed;
}

describe.skipIf(sites.length === 0)('nutgraf fix over copies of the Markdown corpus', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'nutgraf-fix-corpus-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // About 25 s of CPU (the first fix run over the 1,418 files is 24 s of it): 92 s at load 12,
  // 158 s at load 13–16, past 240 s at load 25 on the shared 2-core machine. It checks bytes,
  // not timings: so a generous limit, and per-file budgets of 600 s, not the default 10 s of
  // wall-clock time, which a busy machine could spend on one large file (check-timeout, exit 2).
  it('changes only the bytes of reported fixes, and no other file', {
    timeout: 900_000,
  }, async () => {
    const originals = new Map<string, string>();
    for (const site of sites) {
      const from = path.join(corpus, site, 'articles');
      cpSync(from, path.join(work, site), { recursive: true });
      for (const name of readdirSync(from)) {
        if (name.endsWith('.md')) {
          originals.set(`${site}/${name}`, readFileSync(path.join(from, name), 'utf8'));
        }
      }
    }
    const result = await run(['fix', '.', '--format', 'json', '--timeout', '600'], { cwd: work });
    expect(result.code).not.toBe(2);
    const report = JSON.parse(result.stdout) as {
      results: Array<{ file: string; diagnostics: Diagnostic[]; fixed?: Diagnostic[] }>;
    };
    const fixedByFile = new Map(report.results.map((entry) => [entry.file, entry.fixed ?? []]));
    const changedFiles: string[] = [];
    let fixes = 0;
    for (const [file, before] of originals) {
      const after = readFileSync(path.join(work, file), 'utf8');
      const fixed = fixedByFile.get(file) ?? [];
      fixes += fixed.length;
      if (fixed.length === 0) {
        expect(after, `${file} has no fix and must stay byte-identical`).toBe(before);
        continue;
      }
      changedFiles.push(file);
      expect(after).not.toBe(before);
      const spans = fixed.map((diagnostic) =>
        linesOf(before, diagnostic.fix!.range[0], diagnostic.fix!.range[1]),
      );
      for (const lines of changedLines(before, after)) {
        expect(
          spans.some(([first, last]) => lines.some((line) => first <= line && line <= last)),
          `${file}: line ${lines.join('/')} changed outside every reported fix`,
        ).toBe(true);
      }
      // Line endings and the text outside the frontmatter are the author's.
      expect(after.split('\r\n').length).toBe(before.split('\r\n').length);
    }
    // What the corpus has to fix today: unindented continuation lines of quoted values.
    expect(changedFiles.length).toBeGreaterThan(0);
    expect(fixes).toBeGreaterThanOrEqual(changedFiles.length);
    // A second run over the fixed files finds nothing left to fix.
    const again = await run(['fix', ...changedFiles, '--format', 'json', '--timeout', '600'], {
      cwd: work,
    });
    const second = JSON.parse(again.stdout) as { results: Array<{ fixed?: unknown[] }> };
    expect(second.results.filter((entry) => entry.fixed)).toEqual([]);
  });
});
