import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const site = fileURLToPath(new URL('../../examples/site/', import.meta.url));

function copySite(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-html-'));
  cpSync(site, path.join(cwd, 'site'), { recursive: true });
  return cwd;
}

describe('nutgraf on HTML pages', () => {
  it('parse reads the page and its metadata, not only its JSON-LD', async () => {
    const cwd = copySite();
    const result = await run(['parse', 'site/2026/04/library-night-hours/index.html'], { cwd });
    expect(result.code).toBe(0);
    const article = JSON.parse(result.stdout);
    expect(article.headline).toBe('Central library to open until midnight during exams');
    expect(article.body.map((block: { type: string }) => block.type)).toContain('figure');
    expect(
      article.body.some((block: { text?: string }) => block.text?.includes('Eight extra staff')),
    ).toBe(true);
  });

  it('check reports a JSON-LD headline and author the page does not print', async () => {
    const cwd = copySite();
    const result = await run(['check', 'site', '-f', 'json'], { cwd });
    const byFile = Object.fromEntries(
      JSON.parse(result.stdout).results.map(
        (entry: { file: string; diagnostics: Array<{ ruleId: string }> }) => [
          entry.file,
          entry.diagnostics.map((diagnostic) => diagnostic.ruleId),
        ],
      ),
    );
    expect(byFile['site/2026/04/tram-line-vote/index.html']).toEqual(
      expect.arrayContaining(['json-ld-headline-mismatch', 'json-ld-author-mismatch']),
    );
    expect(byFile['site/2026/04/library-night-hours/index.html']).not.toContain(
      'json-ld-headline-mismatch',
    );
  });

  it('parse --out-dir converts every page to Markdown with frontmatter and sums up', async () => {
    const cwd = copySite();
    const result = await run(
      ['parse', 'site/**/*.html', '--to', 'markdown', '--out-dir', 'content'],
      { cwd },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^nutgraf: wrote 2 of 2 files to content\//m);
    const files = readdirSync(path.join(cwd, 'content'), { recursive: true })
      .map(String)
      .filter((name) => name.endsWith('.md'))
      .sort();
    expect(files).toEqual(
      ['library-night-hours/index.md', 'tram-line-vote/index.md'].map((name) => path.join(name)),
    );
    const markdown = readFileSync(path.join(cwd, 'content', files[0]!), 'utf8');
    expect(markdown.startsWith('---\n')).toBe(true);
    expect(markdown).toContain('Central library to open until midnight during exams');
  });

  it('parse takes one file unless --out-dir is given', async () => {
    const cwd = copySite();
    const result = await run(
      [
        'parse',
        'site/2026/04/tram-line-vote/index.html',
        'site/2026/04/library-night-hours/index.html',
      ],
      { cwd },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--out-dir/);
  });
});
