import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, run } from './helpers.js';

const story = (headline: string) =>
  `---\ntitle: ${headline}\nauthor: Dana Whitfield\ndate: 2026-03-10T09:30:00-05:00\nlanguage: en\n---\n\nThe port board voted on Tuesday to run ferries after midnight.\n`;

/** The files a run reported on, as it names them. */
async function checked(argv: string[], cwd: string): Promise<string[]> {
  const result = await run(['check', ...argv, '-f', 'json'], { cwd });
  expect(result.code, result.stderr).toBeLessThan(2);
  return (JSON.parse(result.stdout) as { results: Array<{ file: string }> }).results.map(
    (entry) => entry.file,
  );
}

/** The project: a configuration at the root, content below it, one folder ignored. */
function project(): string {
  return folderWith({
    'nutgraf.config.json': JSON.stringify({
      files: ['content/**/*'],
      ignores: ['content/sub/**'],
    }),
    'content/a.md': story('A'),
    'content/b/c.md': story('C'),
    'content/sub/d.md': story('D'),
    'content/image.png': 'not an article',
    'other/e.md': story('E'),
  });
}

describe('a configuration above the working folder', () => {
  it('checks the same files from the root and from any folder below it', async () => {
    const root = project();
    expect(await checked([], root)).toEqual(['content/a.md', 'content/b/c.md']);
    expect(await checked([], path.join(root, 'content'))).toEqual(['a.md', 'b/c.md']);
    expect(await checked([], path.join(root, 'content/b'))).toEqual(['../a.md', 'c.md']);
    expect(await checked([], path.join(root, 'other'))).toEqual([
      '../content/a.md',
      '../content/b/c.md',
    ]);
  });

  it('applies its ignores, relative to its folder, to paths given on the command line', async () => {
    const root = project();
    expect(await checked(['.'], path.join(root, 'content'))).toEqual(['a.md', 'b/c.md']);
    const inside = await run(['check', '.'], { cwd: path.join(root, 'content/sub') });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/^nutgraf: Every article file in `\.` is ignored/);
  });

  it('skips a named file its ignores match, with a note, unless --no-ignore', async () => {
    const cwd = path.join(project(), 'content');
    const skipped = await run(['check', 'a.md', 'sub/d.md', '-f', 'json'], { cwd });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toBe(
      'nutgraf: skipped `sub/d.md`: ignored by `content/sub/**` in ../nutgraf.config.json (`--no-ignore` checks it)\n',
    );
    expect(await checked(['a.md', 'sub/d.md', '--no-ignore'], cwd)).toEqual(['a.md', 'sub/d.md']);
  });

  it('takes --ignore globs relative to the working folder', async () => {
    const cwd = path.join(project(), 'content');
    expect(await checked(['.', '--ignore', 'b'], cwd)).toEqual(['a.md']);
  });
});

describe('.gitignore and .nutgrafignore', () => {
  function repository(): string {
    const root = folderWith({
      '.gitignore': '_site/\n*.draft.md\n',
      'content/.gitignore': '!keep.draft.md\nlocal/\n',
      'content/a.md': story('A'),
      'content/b.draft.md': story('B'),
      'content/keep.draft.md': story('K'),
      'content/local/l.md': story('L'),
      '_site/index.md': story('Built'),
    });
    mkdirSync(path.join(root, '.git'));
    return root;
  }

  it('skips what the .gitignore files of the repository ignore, nested ones included', async () => {
    const root = repository();
    expect(await checked(['.'], root)).toEqual(['content/a.md', 'content/keep.draft.md']);
    expect(await checked(['.'], path.join(root, 'content'))).toEqual(['a.md', 'keep.draft.md']);
  });

  it('reads them not with --no-gitignore or "gitignore": false', async () => {
    const root = repository();
    const all = [
      '_site/index.md',
      'content/a.md',
      'content/b.draft.md',
      'content/keep.draft.md',
      'content/local/l.md',
    ];
    expect(await checked(['.', '--no-gitignore'], root)).toEqual(all);
    writeFileSync(path.join(root, 'nutgraf.config.json'), '{ "gitignore": false }');
    expect(await checked(['.'], root)).toEqual(all);
  });

  it('reads the nearest .nutgrafignore above the working folder, relative to its folder', async () => {
    const root = folderWith({
      '.nutgrafignore': '# generated\ncontent/archive/\n',
      'content/a.md': story('A'),
      'content/archive/old.md': story('Old'),
    });
    expect(await checked(['.'], path.join(root, 'content'))).toEqual(['a.md']);
    expect(await checked(['.', '--no-ignore'], path.join(root, 'content'))).toEqual([
      'a.md',
      'archive/old.md',
    ]);
  });
});

describe('configuration files', () => {
  it.each([
    ['nutgraf.config.jsonc', '// the site\n{\n  /* strict for now */\n  "preset": "strict"\n}\n'],
    ['nutgraf.config.yaml', '# the site\npreset: strict\n'],
    ['.nutgrafrc', 'preset: strict\n'],
    ['.nutgrafrc', '{ "preset": "strict" } // JSON too\n'],
    ['.nutgrafrc.yml', 'preset: strict\n'],
    ['package.json', '{ "name": "site", "nutgraf": { "preset": "strict" } }\n'],
  ])('reads %s', async (name, text) => {
    const cwd = folderWith({ [name]: text, 'a.md': story('A') });
    // The strict preset makes missing-description a warning (info in recommended).
    const result = await run(['check', 'a.md', '-f', 'json'], { cwd });
    const ids = JSON.parse(result.stdout).results[0].diagnostics.map(
      (d: { ruleId: string }) => d.ruleId,
    );
    expect(ids).toContain('missing-description');
  });

  it.each([
    [
      'a syntax error after a leading comment',
      'nutgraf.config.json',
      '// the site\n{\n  "preset": "strict",,\n}\n',
      'nutgraf.config.json:3:22: error: Cannot parse the configuration: Expected a property name in double quotes (invalid-config)\n',
    ],
    [
      'a misspelled key',
      'nutgraf.config.json',
      '{\n  "maxWarning": 3\n}\n',
      'nutgraf.config.json:2:3: error: Unknown configuration key `maxWarning`: did you mean `maxWarnings`?',
    ],
    [
      'a misspelled rule id in an override',
      '.nutgrafrc.yaml',
      'overrides:\n  - files: ["news/**"]\n    options:\n      rules:\n        headline-to-long: off\n',
      '.nutgrafrc.yaml:5:9: error: Unknown rule `headline-to-long`: did you mean `headline-too-long`? (invalid-config)\n',
    ],
    [
      'a YAML syntax error',
      'nutgraf.config.yml',
      'preset: strict\nrules: [a\n',
      'nutgraf.config.yml:3:1: error: Cannot parse the configuration:',
    ],
  ])('places %s where it is, exit 2', async (_, name, text, message) => {
    const cwd = folderWith({ [name]: text, 'a.md': story('A') });
    const result = await run(['check', 'a.md'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(message), result.stderr).toBe(true);
  });
});
