import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkNutgraf } from '../../src/markdown/index.js';

const source =
  '---\ntitle: Night Ferries\ndate: yesterday\nlayout: post\n---\n\nThe board voted.\n';

describe('remarkNutgraf', () => {
  it('attaches the article and reports diagnostics as vfile messages', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkNutgraf, { strict: true })
      .use(remarkStringify)
      .process(new VFile({ path: 'ferries.md', value: source }));
    expect(file.data.article?.headline).toBe('Night Ferries');
    expect(
      file.messages.map((message) => [
        message.ruleId,
        message.source,
        message.fatal,
        message.place && 'start' in message.place ? message.place.start.line : undefined,
      ]),
    ).toEqual([
      ['invalid-field', 'nutgraf', true, 3],
      ['frontmatter-unknown-key', 'nutgraf', false, 4],
    ]);
    expect(file.data.nutgraf?.extra).toEqual({ layout: 'post' });
  });

  it('reads the frontmatter even without remark-frontmatter', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkNutgraf)
      .use(remarkStringify)
      .process(source);
    expect(file.data.article?.headline).toBe('Night Ferries');
    expect(file.messages.map((message) => message.ruleId)).toEqual(['invalid-field']);
  });

  it('reports info diagnostics as info messages', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkNutgraf)
      .use(remarkStringify)
      .process(new VFile({ path: '2020-01-02-a.md', value: '---\ntitle: A\n---\n' }));
    expect(file.messages.map((message) => [message.ruleId, message.fatal])).toEqual([
      ['date-from-filename', undefined],
    ]);
    expect(file.data.article?.datePublished).toBe('2020-01-02');
  });
  it('reads a frontmatter after blank lines, with or without remark-frontmatter', async () => {
    for (const withFrontmatter of [true, false]) {
      const processor = withFrontmatter
        ? unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkNutgraf)
        : unified().use(remarkParse).use(remarkNutgraf);
      const file = new VFile(`\n${source}`);
      await processor.run(processor.parse(file), file);
      expect(file.data.article?.headline).toBe('Night Ferries');
      expect(file.data.article?.body).toEqual([{ type: 'paragraph', text: 'The board voted.' }]);
      expect(file.messages.map((message) => [message.ruleId, message.line])).toEqual([
        ['invalid-field', 4],
      ]);
    }
  });

  // A 2,000-deep list is one of micromark's slow shapes (~3 s on a quiet machine): a generous limit.
  it('reads deeply nested quotes and lists without running out of stack', {
    timeout: 120_000,
  }, async () => {
    const value = `---\ntitle: N\n---\n\n${'>'.repeat(6000)} x\n\n${'- '.repeat(2000)}y\n`;
    const processor = unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkNutgraf);
    const file = new VFile(value);
    await processor.run(processor.parse(file), file);
    expect(file.messages.map((message) => message.ruleId)).toEqual(['list-nested-too-deep']);
    const body = file.data.article?.body ?? [];
    expect(body[0]).toEqual({ type: 'quote', text: 'x' });
    let list = body[1];
    for (let level = 1; level < 32 && list?.type === 'list'; level++)
      list = list.items[0]?.blocks?.[0];
    expect(list).toEqual({ type: 'list', ordered: false, items: [{ text: 'y' }] });
  });
});
