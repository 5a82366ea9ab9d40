import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { copyFixture, fixtures, run, sink } from './helpers.js';

const twoArticles = path.join(fixtures, 'a-folder-with-a-clean-and-a-broken-article');
const warningsOnly = path.join(fixtures, 'an-article-with-warnings-only');

describe('nutgraf check (in-process)', () => {
  it('reports the broken article with positions, skips node_modules, exits 1', async () => {
    const result = await run(['check', '.'], { cwd: twoArticles });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('nested/broken.json\n');
    expect(result.stdout).toMatch(
      /^ {2}3:3 +error +Date-time `2026-03-11T09:00` has no UTC offset/m,
    );
    expect(result.stdout).toMatch(/^ {2}4:54 +error +Unexpected `columnist`/m);
    expect(result.stdout).not.toContain('clean.json');
    expect(result.stdout).not.toContain('ignored.json');
    expect(result.stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
  });

  it('prints every file and the counts with --format json', async () => {
    const result = await run(['check', '.', '--format', 'json'], { cwd: twoArticles });
    const report = JSON.parse(result.stdout);
    expect(report.errorCount).toBe(2);
    expect(report.results.map((r: { file: string }) => r.file)).toEqual([
      'clean.json',
      'nested/broken.json',
    ]);
    expect(report.results[0].diagnostics).toEqual([]);
    const [first] = report.results[1].diagnostics;
    expect(first).toMatchObject({
      ruleId: 'invalid-field',
      severity: 'error',
      path: ['datePublished'],
      file: 'nested/broken.json',
      place: { start: { line: 3, column: 3 } },
    });
  });

  it('takes globs and exits 0 on a clean file', async () => {
    const result = await run(['check', '*.json'], { cwd: twoArticles });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('does not repeat a parser finding as a lint finding on the same field', async () => {
    const markdown =
      '---\ntitle: Night ferries approved\ndate: 2026-03-10 18:05:00\n---\n\nBody.\n';
    const result = await run(['check', '-', '--stdin-filename', 'story.md', '--format', 'json'], {
      cwd: tmpdir(),
      stdin: markdown,
    });
    const report = JSON.parse(result.stdout) as {
      results: Array<{ diagnostics: Array<{ ruleId: string }> }>;
    };
    const ids = report.results.flatMap((file) => file.diagnostics.map((d) => d.ruleId));
    expect(ids).toContain('date-without-offset');
    expect(ids).not.toContain('date-without-time-zone');
  });

  it('turns a rule off with --rule, for parser diagnostics too', async () => {
    const result = await run(['check', '.', '--rule', 'invalid-field=off'], { cwd: twoArticles });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
  });

  it('exits 0 with warnings, 1 over --max-warnings, and hides them with --quiet', async () => {
    const plain = await run(['check', 'article.json'], { cwd: warningsOnly });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('warning');
    const limited = await run(['check', 'article.json', '--max-warnings', '1'], {
      cwd: warningsOnly,
    });
    expect(limited.code).toBe(1);
    expect(limited.stderr).toContain('more than --max-warnings 1');
    const quiet = await run(['check', 'article.json', '--quiet'], { cwd: warningsOnly });
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('makes a warning an error with --rule id=error', async () => {
    const result = await run(['check', 'article.json', '--rule', 'missing-image=error'], {
      cwd: warningsOnly,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error +Missing lead `image`.*missing-image/);
  });

  it('reads standard input with -, named by --stdin-filename', async () => {
    const text = readFileSync(path.join(twoArticles, 'nested/broken.json'));
    const result = await run(['check', '-', '--stdin-filename', 'in.json', '-f', 'github'], {
      cwd: twoArticles,
      stdin: text,
    });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(
      /^::error file=in\.json,line=3,col=3,endLine=3,endColumn=\d+,title=invalid-field::Date-time/,
    );
  });

  it('gives one positioned error per bad input and goes on with the others', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'nutgraf-bad-'));
    writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x0a, 0x00, 0x01]));
    writeFileSync(path.join(folder, 'latin1.txt'), Buffer.from('Caf\xe9 opens\n', 'latin1'));
    writeFileSync(
      path.join(folder, 'utf16.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Caf\u00e9\n', 'utf16le')]),
    );
    writeFileSync(path.join(folder, 'big.json'), `${' '.repeat(2000)}{}`);
    writeFileSync(path.join(folder, 'ok.json'), readFileSync(path.join(twoArticles, 'clean.json')));
    symlinkSync('missing.md', path.join(folder, 'gone.md'));
    const result = await run(['check', '.', '--max-file-size', '1000', '--format', 'json'], {
      cwd: folder,
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const byFile = Object.fromEntries(
      report.results.map((r: { file: string; diagnostics: unknown[] }) => [r.file, r.diagnostics]),
    );
    expect(byFile['binary.md']).toEqual([
      expect.objectContaining({ ruleId: 'binary-file', place: { line: 2, column: 1, offset: 3 } }),
    ]);
    expect(byFile['latin1.txt']).toEqual([
      expect.objectContaining({
        ruleId: 'invalid-encoding',
        place: { line: 1, column: 4, offset: 3 },
      }),
    ]);
    expect(byFile['utf16.md']).toEqual([
      expect.objectContaining({
        ruleId: 'invalid-encoding',
        message: 'The file is UTF-16: save it as UTF-8',
        place: { line: 1, column: 1, offset: 0 },
      }),
    ]);
    expect(byFile['big.json']).toEqual([expect.objectContaining({ ruleId: 'file-too-large' })]);
    expect(byFile['gone.md']).toEqual([
      expect.objectContaining({
        ruleId: 'unreadable-file',
        message: 'The file is a symbolic link to a file that does not exist (ENOENT)',
      }),
    ]);
    expect(byFile['ok.json']).toEqual([]);
  });

  it('points into an HTML page at the ld+json block', async () => {
    const cwd = path.join(fixtures, 'a-page-with-json-ld-blocks');
    const result = await run(['check', 'page.html', '-f', 'json'], { cwd });
    const diagnostic = JSON.parse(result.stdout).results[0].diagnostics.find(
      (d: { ruleId: string }) => d.ruleId === 'invalid-json',
    );
    expect(diagnostic).toMatchObject({ ruleId: 'invalid-json', place: { line: 9, column: 89 } });
    expect(diagnostic.message).toMatch(/^Invalid JSON/);
    expect(result.code).toBe(1);
  });
});

describe('Markdown files', () => {
  const cwd = path.join(fixtures, 'markdown-articles-with-frontmatter-problems');

  it('points at the frontmatter key or value of each problem', async () => {
    const result = await run(['check', 'broken.md', '--quiet'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^ {2}3:7 +error +Unexpected `yesterday` for `date`.*invalid-field$/m,
    );
    expect(result.stdout).toMatch(/^ {2}4:\d+ +error +Invalid YAML.*frontmatter-invalid-yaml$/m);
  });

  it('reports a missing field at the frontmatter block', async () => {
    const result = await run(['check', 'broken.md', '-f', 'json'], { cwd });
    const missing = JSON.parse(result.stdout).results[0].diagnostics.find(
      (d: { ruleId: string }) => d.ruleId === 'missing-author',
    );
    expect(missing.place).toEqual({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 5, column: 4, offset: 63 },
    });
  });

  it('leaves files with nothing to fix byte-identical, and broken files alone', async () => {
    const copy = copyFixture('markdown-articles-with-frontmatter-problems');
    const broken = readFileSync(path.join(copy, 'broken.md'), 'utf8');
    const ferries = readFileSync(path.join(copy, 'ferries.md'), 'utf8');
    const result = await run(['fix', '.', '--quiet'], { cwd: copy });
    expect(result.code).toBe(1);
    expect(readFileSync(path.join(copy, 'broken.md'), 'utf8')).toBe(broken);
    // Keys out of the canonical order, a loose date and a `By` nutgraf reads well: no problem
    // is reported, so nothing is rewritten.
    expect(readFileSync(path.join(copy, 'ferries.md'), 'utf8')).toBe(ferries);
    const again = await run(['fix', 'ferries.md', '--dry-run'], { cwd: copy });
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('parses to JSON-LD, a script tag, and Markdown', async () => {
    const jsonld = await run(['parse', 'ferries.md', '--to', 'jsonld'], { cwd });
    expect(jsonld.code).toBe(0);
    expect(JSON.parse(jsonld.stdout)).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Night Ferries Start in June',
      datePublished: '2026-03-10T18:05:00-05:00',
    });
    const graph = await run(['parse', 'ferries.md', '--to', 'jsonld', '--graph'], { cwd });
    expect(JSON.parse(graph.stdout)['@graph'].length).toBeGreaterThan(1);
    const script = await run(['parse', 'ferries.md', '--to', 'jsonld', '--script'], { cwd });
    expect(script.stdout).toMatch(/^<script type="application\/ld\+json">\{.*\}<\/script>\n$/);
    const markdown = await run(
      ['parse', '../a-folder-with-a-clean-and-a-broken-article/clean.json', '--to', 'markdown'],
      { cwd },
    );
    expect(markdown.stdout).toMatch(/^---\nheadline: Harbour Authority Approves Night Ferries\n/);
  });

  it('prints every diagnostic on standard error, with --quiet errors only, --rule settings applied', async () => {
    const text =
      'Night Ferries Start in June\n\nBy Dana Whitfield\n\n' +
      'The harbour board approved night ferries on Tuesday after a long debate at the town hall.\n\n' +
      'Share this article\n\n' +
      'Services after midnight start in June, the board said in a statement on its website.\n';
    const argv = ['parse', '-', '--stdin-filename', 'story.txt'];
    const loud = await run(argv, { cwd: twoArticles, stdin: text });
    expect(loud.code).toBe(0);
    expect(loud.stderr).toBe(
      'story.txt:7:1: info: Dropped share prompt line `Share this article` (boilerplate-dropped)\n',
    );
    const quiet = await run([...argv, '--quiet'], { cwd: twoArticles, stdin: text });
    expect(quiet).toEqual({ ...loud, stderr: '' });
    const off = await run([...argv, '--rule', 'boilerplate-dropped=off'], {
      cwd: twoArticles,
      stdin: text,
    });
    expect(off).toEqual({ ...loud, stderr: '' });
    const strict = await run([...argv, '--rule', 'boilerplate-dropped=error'], {
      cwd: twoArticles,
      stdin: text,
    });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('story.txt:7:1: error: Dropped share prompt line');
  });
});

describe('JSON-LD files and pages', () => {
  const cwd = path.join(fixtures, 'json-ld-in-a-file-and-in-a-page');
  const found = async (file: string) => {
    const result = await run(['check', file, '-f', 'json'], { cwd });
    return JSON.parse(result.stdout).results[0].diagnostics.map(
      (d: { ruleId: string; place?: { start?: { line: number; column: number } } }) =>
        `${d.place?.start?.line}:${d.place?.start?.column} ${d.ruleId}`,
    );
  };

  it('maps findings in a JSON-LD @graph to the properties they came from', async () => {
    expect(await found('article.jsonld')).toEqual([
      '8:7 date-without-offset',
      '9:18 author-name-has-prefix',
      '10:7 image-without-alt',
    ]);
  });

  it('keeps the time of a date without offset with --time-zone', async () => {
    const result = await run(
      ['check', 'article.jsonld', '-f', 'json', '--time-zone', 'America/New_York'],
      {
        cwd,
      },
    );
    const ids = JSON.parse(result.stdout).results[0].diagnostics.map(
      (d: { ruleId: string }) => d.ruleId,
    );
    expect(ids).toEqual(['author-name-has-prefix', 'image-without-alt']);
  });

  it('gives GitHub paths from the repository root (GITHUB_WORKSPACE)', async () => {
    const result = await run(
      ['check', 'article.jsonld', '-f', 'github', '-q', '--rule', 'image-without-alt=error'],
      {
        cwd,
        env: { GITHUB_WORKSPACE: path.resolve(fixtures, '../..') },
      },
    );
    expect(result.stdout).toMatch(
      /^::error file=fixtures\/cli\/json-ld-in-a-file-and-in-a-page\/article\.jsonld,line=10,col=7,/,
    );
  });

  it('checks the article block of a page and skips commented-out scripts', async () => {
    // The lead image of a page has no place for alt text: image-without-alt only informs.
    expect(await found('page.html')).toEqual(['13:3 headline-all-caps']);
  });
});

describe('terminal output', () => {
  it('shows a progress line on a terminal for large runs, and colors unless NO_COLOR', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-many-'));
    const text = readFileSync(path.join(warningsOnly, 'article.json'));
    for (let index = 0; index < 301; index++) writeFileSync(path.join(cwd, `${index}.json`), text);
    const tty = () => {
      const out = sink();
      Object.assign(out.stream, { isTTY: true });
      return out;
    };
    const run = async (env: Record<string, string>) => {
      const stdout = tty();
      const stderr = tty();
      const code = await main({
        argv: ['check', '.', '--threads', '0'],
        cwd,
        stdout: stdout.stream,
        stderr: stderr.stream,
        env,
      });
      return { code, stdout: stdout.text(), stderr: stderr.text() };
    };
    const colored = await run({});
    expect(colored.code).toBe(0);
    expect(colored.stderr).toContain('\rnutgraf: checked 300/301 files');
    expect(colored.stderr).toContain('\rnutgraf: checked 301/301 files\r\u001b[K');
    expect(colored.stdout).toContain('\u001b[33mwarning\u001b[39m');
    const plain = await run({ NO_COLOR: '1' });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain('⚠ 602 problems (0 errors, 602 warnings)');
    // 602 files checked in-process: a few seconds idle, past the default 30 s at load 15-20.
  }, 120_000);
});

describe('configuration', () => {
  it('stops with exit 2 and positioned messages on an invalid config', async () => {
    const cwd = path.join(fixtures, 'a-config-with-an-unknown-key');
    const result = await run(['check', 'articles'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^nutgraf\.config\.json:3:3: error: Unknown configuration key `maxWarning`/,
      ),
      expect.stringMatching(
        /^nutgraf\.config\.json:4:14: error: .* at `rules.missing-image` \(invalid-config\)$/,
      ),
      '',
    ]);
  });

  it('is found in a parent folder and applies its rule settings', async () => {
    const cwd = path.join(fixtures, 'a-config-found-in-a-parent-folder/articles/deep');
    const result = await run(['check', '.', '-f', 'json'], { cwd });
    const diagnostics = JSON.parse(result.stdout).results[0].diagnostics;
    expect(
      diagnostics.map((d: { ruleId: string; severity: string }) => [d.ruleId, d.severity]),
    ).toEqual([['missing-language', 'error']]);
    expect(result.code).toBe(1);
  });

  it('reads package.json#nutgraf, and --config wins over discovery', async () => {
    const cwd = copyFixture('an-article-with-warnings-only');
    writeFileSync(
      path.join(cwd, 'package.json'),
      JSON.stringify({ name: 'site', nutgraf: { rules: { 'missing-image': 'error' } } }),
    );
    expect((await run(['check', 'article.json'], { cwd })).code).toBe(1);
    writeFileSync(
      path.join(cwd, 'other.json'),
      '{"rules": {"missing-image": "off", "headline-all-caps": "off", "duplicate-paragraph": "off"}}',
    );
    const result = await run(['check', 'article.json', '--config', 'other.json'], { cwd });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports an unparseable config at the syntax error', async () => {
    const cwd = copyFixture('an-article-with-warnings-only');
    writeFileSync(path.join(cwd, '.nutgrafrc.json'), '{\n  "preset": "strict",\n}\n');
    const result = await run(['check', 'article.json'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^\.nutgrafrc\.json:3:1: error: Cannot parse the configuration/);
  });
});

describe('usage', () => {
  it.each([
    [['check', '.', '--format', 'xml'], 'Unknown format `xml`'],
    [['check', '.', '--format', 'constructor'], 'Unknown format `constructor`'],
    [['check', '.', '--rule', 'missing-image'], '`--rule` expects `id=off|info|warn|error`'],
    [['check', '.', '--preset', 'loose'], 'Unknown preset `loose`'],
    [['check', '.', '--max-warnings', 'many'], '`--max-warnings` expects a whole number'],
    [['check', '.', '--time-zone', 'Mars/Olympus'], 'Unknown time zone `Mars/Olympus`'],
    [['check', '--bogus'], "Unknown option '--bogus'"],
    [['check'], 'No files to check'],
    [['check', 'nothing/**/*.md'], 'No article files match `nothing/**/*.md`'],
    [['lint'], 'Unknown command `lint`'],
    [['parse', 'a.md', '--to', 'yaml'], 'Unknown `--to` `yaml`'],
    [['parse', 'a.md', '--from', 'constructor'], 'Unknown `--from` `constructor`'],
    [['parse', '.', '--out-dir', 'out', '--from', 'toString'], 'Unknown `--from` `toString`'],
    [[], 'Missing command'],
  ])('%j exits 2', async (argv, message) => {
    const result = await run(argv, { cwd: twoArticles });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('nutgraf --help');
  });

  it('prints help and version', async () => {
    const help = await run(['--help'], { cwd: twoArticles });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: nutgraf <command>');
    const version = await run(['--version'], { cwd: twoArticles });
    expect(version.stdout).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });
});

describe('nutgraf fix', () => {
  it('fixes an Article JSON file atomically and keeps its mode', async () => {
    const cwd = copyFixture('an-article-with-warnings-only');
    const file = path.join(cwd, 'article.json');
    const before = JSON.parse(readFileSync(file, 'utf8'));
    before.byline.contributors[0].name = 'By Lena Moritz and Ana Ruiz';
    before.datePublished = '2026-02-01 10:00:00 +0100';
    writeFileSync(file, `${JSON.stringify(before, null, 2)}\n`);
    chmodSync(file, 0o640);
    const result = await run(['fix', 'article.json', '--quiet'], { cwd });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const after = JSON.parse(readFileSync(file, 'utf8'));
    expect(after.byline.contributors).toEqual([{ name: 'Lena Moritz' }, { name: 'Ana Ruiz' }]);
    expect(after.datePublished).toBe('2026-02-01T10:00:00+01:00');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('prints a diff and writes nothing with --dry-run', async () => {
    const cwd = copyFixture('an-article-with-warnings-only');
    const file = path.join(cwd, 'article.json');
    const text = readFileSync(file, 'utf8').replace('"Lena Moritz"', '"By Lena Moritz"');
    writeFileSync(file, text);
    const result = await run(['check', '--fix', '--dry-run', 'article.json', '-q'], { cwd });
    expect(result.stdout).toContain('--- a/article.json\n+++ b/article.json\n');
    expect(result.stdout).toContain(
      '-  "byline": { "contributors": [{ "name": "By Lena Moritz" }] },\n',
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('keeps a byte order mark', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-bom-'));
    const file = path.join(cwd, 'a.md');
    writeFileSync(file, '\uFEFF---\nauthors:\n  - name: By Ana Ruiz\ntitle: A\n---\nText.\n');
    await run(['fix', 'a.md'], { cwd });
    expect(readFileSync(file, 'utf8')).toBe(
      '\uFEFF---\nauthors:\n  - name: Ana Ruiz\ntitle: A\n---\nText.\n',
    );
  });

  it('never touches a file it cannot parse', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-fix-'));
    const file = path.join(cwd, 'a.json');
    writeFileSync(
      file,
      '{"headline": "By the river", "byline": {"contributors": [{"name": "By Ana"}]},',
    );
    const result = await run(['fix', 'a.json'], { cwd });
    expect(result.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toContain('"By Ana"');
  });
});

describe('nutgraf parse', () => {
  it('prints the Article JSON of an Article JSON file', async () => {
    const result = await run(['parse', 'clean.json'], { cwd: twoArticles });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      headline: 'Harbour Authority Approves Night Ferries',
      type: 'NewsArticle',
      byline: { contributors: [{ name: 'Dana Whitfield', type: 'Person', role: 'author' }] },
    });
  });

  it('prints diagnostics on stderr and exits 1 when there is no article', async () => {
    const result = await run(['parse', 'nested/broken.json'], { cwd: twoArticles });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^nested\/broken\.json:3:3: error: Date-time/);
  });

  it('reads raw text from standard input with --from text', async () => {
    const result = await run(['parse', '-', '--from', 'text'], {
      cwd: twoArticles,
      stdin:
        'Harbour Authority Approves Night Ferries\n\nBy Dana Whitfield\n\nThe port board voted on Tuesday to run ferries after midnight.\n',
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).headline).toBe('Harbour Authority Approves Night Ferries');
  });
});
