import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMarkdown } from '../../src/markdown/index.js';
import { embedOfTag, tokenizeTemplateSource } from '../../src/markdown/template-tags.js';
import { sourceOf, validateArticle } from '../../src/schema/index.js';

/** The body of a Markdown file with a frontmatter headline; checks it reads back the same. */
function read(body: string) {
  const result = parseMarkdown(`---\ntitle: Harbour notes\n---\n\n${body}`);
  const article = result.article;
  if (!article) throw new Error('no article');
  expect(validateArticle(article).diagnostics).toEqual([]);
  expect(parseMarkdown(toMarkdown(article)).article).toEqual(article);
  return { ...result, body: article.body, markdown: toMarkdown(article) };
}

describe('parseMarkdown: Liquid tags and Hugo shortcodes', () => {
  it('keeps a paragraph of Liquid tags as an html block with its source, written back verbatim', () => {
    const tag = '{% include "pull-figure.html",\n     image: "/assets/pier.png" %}';
    const { body, markdown, sources } = read(`Lead.\n\n${tag}\n\nAfter.\n`);
    expect(body).toEqual([
      { type: 'paragraph', text: 'Lead.' },
      { type: 'html', html: tag, syntax: 'liquid' },
      { type: 'paragraph', text: 'After.' },
    ]);
    expect(markdown).toContain(`\n\n${tag}\n\n`);
    const offset = '---\ntitle: Harbour notes\n---\n\nLead.\n\n'.length;
    const lastLine = tag.slice(tag.indexOf('\n') + 1);
    expect(sourceOf(sources, ['body', 1])).toEqual({
      start: { line: 7, column: 1, offset },
      end: { line: 8, column: lastLine.length + 1, offset: offset + tag.length },
    });
  });

  it('reads known video and post shortcodes as embeds that keep their source', () => {
    const { body, markdown } = read(
      [
        '{{< youtube id="w7Ft2ymGmfc" title="Night crossing" >}}',
        '{{< vimeo 146022717 >}}',
        '{{< tweet user="PortDesk" id="1453110110599868418" >}}',
        '{% youtube w7Ft2ymGmfc %}',
        '',
      ].join('\n\n'),
    );
    expect(body).toEqual([
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=w7Ft2ymGmfc',
        provider: 'YouTube',
        source: '{{< youtube id="w7Ft2ymGmfc" title="Night crossing" >}}',
      },
      {
        type: 'embed',
        url: 'https://vimeo.com/146022717',
        provider: 'Vimeo',
        source: '{{< vimeo 146022717 >}}',
      },
      {
        type: 'embed',
        url: 'https://twitter.com/PortDesk/status/1453110110599868418',
        provider: 'Twitter',
        source: '{{< tweet user="PortDesk" id="1453110110599868418" >}}',
      },
      {
        type: 'embed',
        url: 'https://www.youtube.com/watch?v=w7Ft2ymGmfc',
        provider: 'YouTube',
        source: '{% youtube w7Ft2ymGmfc %}',
      },
    ]);
    expect(markdown).toContain('{{< vimeo 146022717 >}}');
    expect(markdown).not.toContain('nutgraf-embed');
  });

  it('keeps the tags around a paragraph (a paired shortcode) as blocks around it', () => {
    const { body } = read('{{< note >}}\nThe *ferry* runs late.\n{{< /note >}}\n');
    expect(body).toEqual([
      { type: 'html', html: '{{< note >}}', syntax: 'hugo' },
      {
        type: 'paragraph',
        text: 'The ferry runs late.',
        content: [
          { type: 'text', value: 'The ' },
          { type: 'emphasis', children: [{ type: 'text', value: 'ferry' }] },
          { type: 'text', value: ' runs late.' },
        ],
      },
      { type: 'html', html: '{{< /note >}}', syntax: 'hugo' },
    ]);
  });

  it('reads {% highlight %} … {% endhighlight %} as a code block in that language, blank lines and all', () => {
    const { body, sources } = read(
      'Run this:\n\n{% highlight ruby linenos %}\nputs "one"\n\n    puts "two"\n{% endhighlight %}\n\nDone.\n',
    );
    expect(body).toEqual([
      { type: 'paragraph', text: 'Run this:' },
      { type: 'code', text: 'puts "one"\n\n    puts "two"', language: 'ruby' },
      { type: 'paragraph', text: 'Done.' },
    ]);
    expect(sourceOf(sources, ['body', 1])?.start.line).toBe(7);
    expect(sourceOf(sources, ['body', 1])?.end.line).toBe(11);
  });

  it('leaves text with a tag inside it, an unclosed tag and image shortcodes as they were', () => {
    const { body } = read(
      'See {% link about.md %} for more.\n\n{% include broken\n\n{{< figure src="https://example.com/a.jpg" caption="Pier" >}}\n',
    );
    expect(body).toEqual([
      { type: 'paragraph', text: 'See {% link about.md %} for more.' },
      { type: 'paragraph', text: '{% include broken' },
      { type: 'figure', url: 'https://example.com/a.jpg', caption: { text: 'Pier' } },
    ]);
  });

  it('keeps tags in a list item without their indentation', () => {
    const { body } = read('- Item\n- {% include a.html\n    b=1 %}\n');
    expect(body).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'Item' },
          {
            text: '',
            blocks: [{ type: 'html', html: '{% include a.html\nb=1 %}', syntax: 'liquid' }],
          },
        ],
      },
    ]);
  });

  it('takes linear time on many unclosed openings', () => {
    const text = '{% {{< {{% '.repeat(50_000);
    const started = performance.now();
    const tokens = tokenizeTemplateSource(text);
    expect(tokens.every((token) => token.syntax === undefined)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
    const lines = '{% x\n'.repeat(50_000);
    expect(tokenizeTemplateSource(lines)).toHaveLength(50_000);
  });

  it('reads no embed from a shortcode without a usable id', () => {
    expect(embedOfTag({ syntax: 'hugo', name: 'youtube', args: '', start: 0, end: 0 })).toBe(
      undefined,
    );
    expect(
      embedOfTag({ syntax: 'hugo', name: 'vimeo', args: 'id="not-a-number"', start: 0, end: 0 }),
    ).toBe(undefined);
    expect(embedOfTag({ syntax: 'hugo', name: 'constructor', args: '1', start: 0, end: 0 })).toBe(
      undefined,
    );
  });
});
