import { describe, expect, it } from 'vitest';
import { ferryStory, folderWith, run } from './helpers.js';

/** An article with no `language`, in Markdown. */
const untagged = (extra = '') =>
  ferryStory({ title: 'Harbour authority approves night ferries', language: false, extra });

interface JsonReport {
  results: Array<{
    file: string;
    diagnostics: Array<{ ruleId: string; severity: string; message: string }>;
  }>;
}

function diagnostics(stdout: string) {
  return (JSON.parse(stdout) as JsonReport).results.flatMap((result) => result.diagnostics);
}

describe('the site `language`', () => {
  it('is the language of articles that give none: missing-language no longer fires', async () => {
    const cwd = folderWith({ 'a.md': untagged(), 'nutgraf.config.json': '{}' });
    const bare = await run(['check', 'a.md', '-f', 'json', '--rule', 'missing-language=error'], {
      cwd,
    });
    expect(diagnostics(bare.stdout).map((d) => d.ruleId)).toContain('missing-language');
    const configured = folderWith({
      'a.md': untagged(),
      'nutgraf.config.json': JSON.stringify({
        language: 'en',
        rules: { 'missing-language': 'error' },
      }),
    });
    const result = await run(['check', 'a.md', '-f', 'json'], { cwd: configured });
    expect(result.code).toBe(0);
    expect(diagnostics(result.stdout).map((d) => d.ruleId)).not.toContain('missing-language');
  });

  it('is set per folder by overrides, and by --language', async () => {
    const cwd = folderWith({
      'en/a.md': untagged(),
      'fr/b.md': untagged(),
      'nutgraf.config.json': JSON.stringify({
        rules: { 'missing-language': 'error' },
        overrides: [{ files: ['en/**'], options: { language: 'en' } }],
      }),
    });
    const result = await run(['check', '-f', 'json', '.'], { cwd });
    const report = JSON.parse(result.stdout) as JsonReport;
    const fired = report.results.map((r) => [
      r.file,
      r.diagnostics.some((d) => d.ruleId === 'missing-language'),
    ]);
    expect(fired).toEqual([
      ['en/a.md', false],
      ['fr/b.md', true],
    ]);
    const flagged = await run(['check', '-f', 'json', '.', '--language', 'fr'], { cwd });
    expect(diagnostics(flagged.stdout).map((d) => d.ruleId)).not.toContain('missing-language');
  });

  it('leaves an article that gives its own language alone', async () => {
    const cwd = folderWith({
      'a.md': untagged('language: not a tag\n'),
      'nutgraf.config.json': JSON.stringify({ language: 'en' }),
    });
    const result = await run(['check', 'a.md', '-f', 'json'], { cwd });
    // The file's own (invalid) value is reported, not replaced by the site's.
    expect(diagnostics(result.stdout).some((d) => /language/.test(d.message))).toBe(true);
  });

  it('must be a BCP 47 tag, in the configuration and on the command line', async () => {
    const cwd = folderWith({
      'a.md': untagged(),
      'nutgraf.config.json': JSON.stringify({ language: 'english please' }),
    });
    const config = await run(['check', 'a.md'], { cwd });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('BCP 47');
    expect(config.stderr).toContain('nutgraf.config.json:1:');
    const flag = await run(
      ['check', 'a.md', '--language', 'english please', '--config', 'x.json'],
      {
        cwd: folderWith({ 'a.md': untagged(), 'x.json': '{}' }),
      },
    );
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('`--language` expects a BCP 47 language tag');
  });
});

describe('relative URLs in the CLI', () => {
  it('say how to set the site URL in the configuration or with --base-url', async () => {
    const cwd = folderWith({
      'a.md': untagged().replace('https://example.com/ferry.jpg', '/images/ferry.jpg'),
      'x.json': '{}',
    });
    const result = await run(['check', 'a.md', '-f', 'json', '--config', 'x.json'], { cwd });
    const relative = diagnostics(result.stdout).filter((d) => d.ruleId === 'relative-url');
    expect(relative).toHaveLength(1);
    expect(relative[0]?.message).toContain(
      '`"baseUrl": "https://example.com/"` in the configuration file, or `--base-url`',
    );
    expect(relative[0]?.message).not.toContain('pass `baseUrl`');
    const resolved = await run(
      [
        'check',
        'a.md',
        '-f',
        'json',
        '--config',
        'x.json',
        '--base-url',
        'https://ledger.example/',
      ],
      { cwd },
    );
    expect(diagnostics(resolved.stdout).map((d) => d.ruleId)).not.toContain('relative-url');
  });
});

describe('HTML pages', () => {
  const page = (image: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour board approves night ferries</title>
<meta property="og:image" content="https://ledger.example/ferry.jpg">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2024-03-12T18:05:00+00:00">
</head><body><article>
<h1>Harbour board approves night ferries</h1>
<p>The Saltmarsh harbour board voted on Tuesday to run passenger ferries after midnight for the first time.</p>
${image}
<p>Services will start in May, the board said, with two crossings an hour on Fridays and Saturdays.</p>
</article></body></html>
`;

  it('a lead image from the page metadata (no place for alt) only informs', async () => {
    const cwd = folderWith({ 'page.html': page(''), 'x.json': '{}' });
    const quiet = await run(['check', 'page.html', '-f', 'json', '--config', 'x.json'], { cwd });
    expect(diagnostics(quiet.stdout).map((d) => d.ruleId)).not.toContain('image-without-alt');
    const verbose = await run(
      ['check', 'page.html', '-f', 'json', '--config', 'x.json', '--verbose'],
      { cwd },
    );
    expect(
      diagnostics(verbose.stdout)
        .filter((d) => d.ruleId === 'image-without-alt')
        .map((d) => d.severity),
    ).toContain('info');
    // The same article in Markdown keeps the warning: its frontmatter has a place for `alt`.
    const markdown = folderWith({
      'a.md': untagged().replace('  alt: A ferry at the north pier at night\n', ''),
      'x.json': '{}',
    });
    const md = await run(['check', 'a.md', '-f', 'json', '--config', 'x.json'], { cwd: markdown });
    expect(
      diagnostics(md.stdout)
        .filter((d) => d.ruleId === 'image-without-alt')
        .map((d) => d.severity),
    ).toEqual(['warning']);
  });

  it('--rule still turns it back into a warning', async () => {
    const cwd = folderWith({ 'page.html': page(''), 'x.json': '{}' });
    const result = await run(
      [
        'check',
        'page.html',
        '-f',
        'json',
        '--config',
        'x.json',
        '--rule',
        'image-without-alt=warn',
      ],
      { cwd },
    );
    expect(
      diagnostics(result.stdout)
        .filter((d) => d.ruleId === 'image-without-alt')
        .map((d) => d.severity),
    ).toContain('warning');
  });
});
