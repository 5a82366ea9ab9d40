import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderWith, run } from './helpers.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

interface Entry {
  file: string;
  diagnostics: Array<{ ruleId: string; place?: { line: number } }>;
}

describe("nutgraf on site builders' Markdown (MDX, Liquid)", () => {
  it('check finds .mdx files in the Astro example and reads them as MDX, the Jekyll posts as Markdown', async () => {
    const result = await run(['check', 'astro-site', 'jekyll-site', '-f', 'json'], {
      cwd: examples,
    });
    const results = JSON.parse(result.stdout).results as Entry[];
    expect(results.map((entry) => entry.file).sort()).toEqual([
      'astro-site/src/content/blog/ferry-timetable-survey.mdx',
      'astro-site/src/content/blog/tide-tables-go-digital.mdx',
      'jekyll-site/_posts/2026-05-14-bakery-wins-regional-prize.md',
      'jekyll-site/_posts/2026-05-20-library-reading-garden.md',
    ]);
    const ids = results.flatMap((entry) => entry.diagnostics.map((d) => d.ruleId));
    expect(ids).not.toContain('mdx-invalid');
    expect(result.code).toBe(0);
  });

  it('parse keeps JSX, ESM and Liquid tags as blocks with their syntax', async () => {
    const mdx = await run(['parse', 'astro-site/src/content/blog/tide-tables-go-digital.mdx'], {
      cwd: examples,
    });
    const article = JSON.parse(mdx.stdout);
    expect(article.body[0]).toMatchObject({ type: 'html', syntax: 'mdx' });
    expect(article.body[0].html).toContain(
      "import TideChart from '../../components/TideChart.astro';",
    );
    const liquid = await run(
      ['parse', 'jekyll-site/_posts/2026-05-14-bakery-wins-regional-prize.md'],
      {
        cwd: examples,
      },
    );
    const post = JSON.parse(liquid.stdout);
    expect(post.body).toContainEqual({
      type: 'embed',
      url: 'https://www.youtube.com/watch?v=w7Ft2ymGmfc',
      provider: 'YouTube',
      source: '{% youtube w7Ft2ymGmfc %}',
    });
    expect(post.body).toContainEqual({
      type: 'code',
      text: '{ "rye-loaf": 4.5,\n\n  "seeded-rye": 5.2 }',
      language: 'json',
    });
  });

  it('check reports an MDX syntax error at its line as mdx-invalid and exits 1', async () => {
    const cwd = folderWith({ 'post.mdx': '---\ntitle: Fees\n---\n\nFees rise for boats <12 m.\n' });
    writeFileSync(path.join(cwd, 'note.md'), '---\ntitle: Fees\n---\n\nBoats <12 m.\n');
    const result = await run(['check', '.', '-f', 'json'], { cwd });
    const results = JSON.parse(result.stdout).results as Entry[];
    const mdx = results.find((entry) => entry.file === 'post.mdx');
    expect(mdx?.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: 'mdx-invalid',
        place: expect.objectContaining({ line: 5 }),
      }),
    );
    const md = results.find((entry) => entry.file === 'note.md');
    expect(md?.diagnostics.map((d) => d.ruleId)).not.toContain('mdx-invalid');
    expect(result.code).toBe(1);
  });
});
