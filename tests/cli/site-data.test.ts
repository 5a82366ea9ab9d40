import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAuthors, loadImages } from '../../src/cli/site-data.js';
import { folderWith, run } from './helpers.js';

interface Report {
  results: Array<{ file: string; diagnostics: Array<{ ruleId: string; message: string }> }>;
}

function counts(stdout: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const result of (JSON.parse(stdout) as Report).results) {
    for (const diagnostic of result.diagnostics) {
      found[diagnostic.ruleId] = (found[diagnostic.ruleId] ?? 0) + 1;
    }
  }
  return found;
}

describe('loadAuthors', () => {
  it('reads a folder of author files by the field names sites use', async () => {
    const cwd = folderWith({
      '_authors/dana-whitfield.md':
        '---\n# profile\ndisplay_name: "Dana Whitfield"\njob_title: Harbour reporter\nslug: dana-whitfield\n---\nBio.\n',
      '_authors/ana-ruiz.yml':
        'first_name: Ana\nlast_name: Ruiz\nagency_full_name: Port Authority\n',
      '_authors/lena.json': '{"name": "Lena Moritz", "website": "/people/lena", "slug": "lmoritz"}',
      '_authors/broken.yml': 'name: [unclosed\n',
      '_authors/notes.txt': 'not a record',
    });
    const { table, skipped } = await loadAuthors('_authors', cwd, 'https://example.com/');
    expect({ ...table }).toEqual({
      'ana-ruiz': { name: 'Ana Ruiz', affiliation: 'Port Authority' },
      'dana-whitfield': { name: 'Dana Whitfield', jobTitle: 'Harbour reporter' },
      lena: { name: 'Lena Moritz', url: 'https://example.com/people/lena' },
      lmoritz: { name: 'Lena Moritz', url: 'https://example.com/people/lena' },
    });
    expect(skipped).toEqual([expect.stringMatching(/^broken\.yml \(/)]);
  });

  it('reads a data file: a mapping of slugs, or a list of records', async () => {
    const cwd = folderWith({
      '_data/authors.yml': 'dana:\n  name: Dana Whitfield\nana: Ana Ruiz\n',
      'authors.json': '[{"id": "dana", "name": "Dana Whitfield"}, {"name": "No Key"}]',
    });
    expect({ ...(await loadAuthors('_data/authors.yml', cwd)).table }).toEqual({
      dana: { name: 'Dana Whitfield' },
      ana: { name: 'Ana Ruiz' },
    });
    expect({ ...(await loadAuthors({ path: 'authors.json' }, cwd)).table }).toEqual({
      dana: { name: 'Dana Whitfield' },
    });
  });

  it('keeps no prototype key of the data as a lookup entry', async () => {
    const cwd = folderWith({ 'authors.json': '{"__proto__": {"name": "Inherited"}, "a": "A B"}' });
    const { table } = await loadAuthors('authors.json', cwd);
    expect(Object.keys(table)).toEqual(['a']);
    expect(Object.getPrototypeOf(table)).toBe(null);
  });

  it('throws when the folder is missing', async () => {
    await expect(loadAuthors('_authors', folderWith({}))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('loadImages', () => {
  it('builds URLs from a template for records without one, and reads captions and sizes', async () => {
    const cwd = folderWith({
      '_images/harbour-at-night.yml':
        'uid: harbour-at-night\nformat: jpg\nwidth: 1200\nheight: 800\ncaption: "The north pier"\ncredit: Ana Ruiz\nalt: A ferry at the pier\n',
      '_images/no-format.yml': 'uid: no-format\n',
      '_images/relative.yml': 'src: /img/r.png\n',
    });
    const { table, skipped } = await loadImages(
      { path: '_images', url: 'https://cdn.example.com/{uid}.{format}' },
      cwd,
      'https://example.com/',
    );
    expect({ ...table }).toEqual({
      'harbour-at-night': {
        url: 'https://cdn.example.com/harbour-at-night.jpg',
        alt: 'A ferry at the pier',
        caption: { text: 'The north pier', credit: { text: 'Ana Ruiz' } },
        width: 1200,
        height: 800,
      },
      relative: { url: 'https://example.com/img/r.png' },
    });
    expect(skipped).toEqual(['no-format (no URL)']);
  });
});

const article = (frontmatter: string) =>
  `---\ntitle: Harbour Authority Approves Night Ferries\ndate: 2026-03-10T09:30:00-05:00\nlanguage: en\nurl: /news/night-ferries/\n${frontmatter}---\n\nThe port board voted on Tuesday to run ferries after midnight.\n`;

describe('nutgraf check with site data', () => {
  it('resolves author slugs, image ids and relative URLs from the configuration', async () => {
    const cwd = folderWith({
      'nutgraf.config.json': JSON.stringify({
        files: ['content'],
        baseUrl: 'https://example.com/',
        authors: '_authors',
        images: { path: '_images', url: 'https://cdn.example.com/{id}.jpg' },
      }),
      '_authors/dana-whitfield.md': '---\ndisplay_name: Dana Whitfield\n---\n',
      '_images/pier.yml':
        'alt: The north pier at night\ncredit: Ana Ruiz\ncaption: The pier\nwidth: 1600\nheight: 900\n',
      'content/story.md': article('authors: [dana-whitfield]\nprimary_image: pier\n'),
    });
    const configured = await run(['check', '-f', 'json'], { cwd });
    expect(configured.code).toBe(0);
    expect(counts(configured.stdout)).toEqual({});
    // The same file without the site data: the slugs and the link cannot be resolved.
    const bare = await run(['check', 'content', '-f', 'json', '--config', 'none.json'], {
      cwd: folderWith({
        'none.json': '{}',
        'content/story.md': article('authors: [dana-whitfield]\nprimary_image: pier\n'),
      }),
    });
    expect(counts(bare.stdout)).toMatchObject({
      'author-unresolved': 1,
      'image-unresolved': 1,
      'relative-url': 1,
    });
  });

  it('takes them from the command line too, relative to the working directory', async () => {
    const cwd = folderWith({
      'site/_authors/dana-whitfield.md': '---\ndisplay_name: Dana Whitfield\n---\n',
      'site/story.md': article(
        'authors: [dana-whitfield]\nimage:\n  url: https://example.com/a.jpg\n  alt: A pier\n',
      ),
    });
    const result = await run(
      [
        'check',
        'site/story.md',
        '--authors',
        'site/_authors',
        '--base-url',
        'https://example.com/',
        '-f',
        'json',
      ],
      { cwd },
    );
    expect(counts(result.stdout)).toEqual({});
  });

  it('stops with exit 2 when a site data folder cannot be read', async () => {
    const cwd = folderWith({
      'nutgraf.config.json': '{"authors": "_authors"}',
      'story.md': article(''),
    });
    expect(await run(['check', 'story.md'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'nutgraf: Cannot read the authors in `_authors` (ENOENT)\n',
    });
  });

  it('applies overrides per folder: a time zone for one section', async () => {
    const story =
      '---\ntitle: Night ferries\ndate: 2026-03-10 09:30\n---\n\nThe port board voted.\n';
    const cwd = folderWith({
      'nutgraf.config.json': JSON.stringify({
        timeZone: 'America/New_York',
        overrides: [{ files: ['uk/**'], options: { timeZone: 'Europe/London' } }],
      }),
      'us/story.md': story,
      'uk/story.md': story,
    });
    const dates = await Promise.all(
      ['us/story.md', 'uk/story.md'].map(async (file) => {
        const result = await run(['parse', file], { cwd });
        expect(result.code).toBe(0);
        return JSON.parse(result.stdout).datePublished;
      }),
    );
    expect(dates).toEqual(['2026-03-10T09:30-04:00', '2026-03-10T09:30+00:00']);
    const checked = await run(['check', '.', '-f', 'json', '--verbose'], { cwd });
    expect(counts(checked.stdout)['date-without-offset']).toBeUndefined();
  });
});

const corpus = fileURLToPath(
  new URL('../../../shared/corpus/markdown/digitalgov/', import.meta.url),
);

describe.skipIf(!existsSync(corpus))('the README’s digital.gov configuration on the corpus', () => {
  it('resolves every author and image and leaves no relative URL', async () => {
    const cwd = folderWith({});
    for (const name of ['articles', '_authors', '_images']) {
      symlinkSync(path.join(corpus, name), path.join(cwd, name));
    }
    writeFileSync(
      path.join(cwd, 'nutgraf.config.json'),
      JSON.stringify({
        files: ['articles'],
        baseUrl: 'https://digital.gov/',
        timeZone: 'America/New_York',
        authors: '_authors',
        images: { path: '_images', url: 'https://s3.amazonaws.com/digitalgov/{uid}.{format}' },
      }),
    );
    const result = await run(['check', '-f', 'json', '--timeout', '0'], { cwd });
    const found = counts(result.stdout);
    expect(found['author-unresolved']).toBeUndefined();
    expect(found['image-unresolved']).toBeUndefined();
    expect(found['relative-url']).toBeUndefined();
    expect((JSON.parse(result.stdout) as Report).results.length).toBeGreaterThan(300);
  }, 300_000);
});
