import fc from 'fast-check';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { extractJsonLd, fromJsonLd, toJsonLd, toJsonLdScript } from '../../src/jsonld/index.js';
import { article as anyArticle } from './arbitraries.js';
import { readBack } from './carried.js';

const page = [
  '<!doctype html>',
  '<html><head>',
  '<script type="application/ld+json">{"@type":"WebSite","name":"Bay"}</script>',
  "<script TYPE='Application/LD+JSON '>",
  '  {"@type": "NewsArticle", "headline": "Sea Wall"}',
  '</script >',
  '<script>var ld = "<script type=\\"application/ld+json\\">";</script>',
  '<script type=application/ld+json>[1, 2]</SCRIPT>',
  '<!-- <script type="application/ld+json">{"commented": true}</script> -->',
  '<textarea><script type="application/ld+json">{"text": true}</script></textarea>',
  '<script type="text/javascript">{"not": "ld"}</script>',
  '</head><body><p>Story</p></body></html>',
].join('\n');

describe('extractJsonLd', () => {
  const { blocks, diagnostics } = extractJsonLd(page);

  it('finds every ld+json block, in order, whatever the case and quoting of `type`', () => {
    expect(blocks.map((block) => block.value)).toEqual([
      { '@type': 'WebSite', name: 'Bay' },
      { '@type': 'NewsArticle', headline: 'Sea Wall' },
      [1, 2],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('gives the position of each block’s text', () => {
    expect(blocks[0]!.position).toEqual({
      start: { line: 3, column: 36, offset: 64 },
      end: { line: 3, column: 68, offset: 96 },
    });
    expect(page.slice(blocks[0]!.position.start.offset, blocks[0]!.position.end.offset)).toBe(
      blocks[0]!.text,
    );
    expect(blocks[1]!.position.start).toMatchObject({ line: 4, column: 37 });
    expect(blocks[1]!.text).toBe('\n  {"@type": "NewsArticle", "headline": "Sea Wall"}\n');
    expect(blocks[2]!.position.start).toMatchObject({ line: 8, column: 34 });
  });

  it('reports invalid JSON at its line and column in the HTML, and keeps going', () => {
    const html =
      '<p>a</p>\n<script type="application/ld+json">\n{"headline": "x",}\n</script>\n<script type="application/ld+json">{"ok": 1}</script>';
    const result = extractJsonLd(html);
    expect(result.blocks).toHaveLength(2);
    expect(result.blocks[0]!.value).toBeUndefined();
    expect(result.blocks[1]!.value).toEqual({ ok: 1 });
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'invalid-json',
        severity: 'error',
        message: 'Invalid JSON in ld+json block 1 at 3:18: Unexpected `}`, expected valid JSON',
        place: { line: 3, column: 18, offset: 62 },
        source: 'nutgraf',
      },
    ]);
  });

  it('gives fromJsonLd places in the HTML file with the block start', () => {
    const html = [
      '<html><head>',
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x",',
      '  "speakable": {}, "datePublished": "yesterday"}</script>',
    ].join('\n');
    const [block] = extractJsonLd(html).blocks;
    const { diagnostics } = fromJsonLd(block!.text, { start: block!.position.start });
    const places = diagnostics.map((diagnostic) => {
      const place = diagnostic.place as { start: { offset: number }; end: { offset: number } };
      return [diagnostic.ruleId, html.slice(place.start.offset, place.end.offset)];
    });
    expect(places).toEqual([
      ['invalid-date', '"datePublished": "yesterday"'],
      ['unmapped-property', '"speakable": {}'],
    ]);
    expect(diagnostics[0]!.place).toMatchObject({ start: { line: 3, column: 20 } });
    const broken = extractJsonLd('<p>\n<script type="application/ld+json">{"a" 1}</script>');
    const result = fromJsonLd(broken.blocks[0]!.text, { start: broken.blocks[0]!.position.start });
    expect(result.diagnostics[0]!.place).toEqual(broken.diagnostics[0]!.place);
  });

  it('reads blocks wrapped in CDATA sections or comments, as XHTML-era pages write them', () => {
    const json = '{"@type": "NewsArticle", "headline": "Sea Wall"}';
    for (const [open, close] of [
      ['<![CDATA[', ']]>'],
      ['//<![CDATA[', '//]]>'],
      ['// <![CDATA[', '// ]]>'],
      ['/*<![CDATA[*/', '/*]]>*/'],
      ['/* <![CDATA[ */', '/* ]]> */'],
      ['<!--', '-->'],
      ['<!--', '//-->'],
      ['<![CDATA[', ''],
    ]) {
      const html = `<head>\n<script type="application/ld+json">\n  ${open}\n  ${json}\n  ${close}\n</script>`;
      const result = extractJsonLd(html);
      expect(result.diagnostics, open).toEqual([]);
      expect(result.blocks[0]!.value, open).toEqual({
        '@type': 'NewsArticle',
        headline: 'Sea Wall',
      });
      expect(result.blocks[0]!.text).toContain(open);
      // The text, wrapper and all, read by fromJsonLd, with places in the HTML file.
      const read = fromJsonLd(result.blocks[0]!.text, { start: result.blocks[0]!.position.start });
      expect(read.article?.headline, open).toBe('Sea Wall');
    }
  });

  it('keeps a wrapper that is not one, and reports the JSON error at its place', () => {
    const result = extractJsonLd('<script type="application/ld+json"><![CDATA {"a": 1}</script>');
    expect(result.blocks[0]!.value).toBeUndefined();
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'invalid-json', place: { column: 36 } });
  });

  it('reads raw line breaks and tabs inside strings as written, with one warning per block', () => {
    const html =
      '<p>\n<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Sea\nWall",\n "articleBody": "One.\n\nTwo\t\\u0021"}</script>';
    const result = extractJsonLd(html);
    expect(result.blocks[0]!.value).toEqual({
      '@type': 'NewsArticle',
      headline: 'Sea\nWall',
      articleBody: 'One.\n\nTwo\t!',
    });
    expect(result.diagnostics).toEqual([
      {
        ruleId: 'json-control-character',
        severity: 'warning',
        message:
          'Unexpected raw line feed in a JSON string of ld+json block 1 at 2:77 (and 3 more), expected an escape such as \\n: read as written',
        place: { line: 2, column: 77, offset: 80 },
        source: 'nutgraf',
      },
    ]);
    const block = result.blocks[0]!;
    const read = fromJsonLd(block.text, { start: block.position.start });
    expect(read.article?.body).toEqual([
      { type: 'paragraph', text: 'One.' },
      { type: 'paragraph', text: 'Two\t!' },
    ]);
    expect(read.diagnostics[0]).toMatchObject({
      ruleId: 'json-control-character',
      place: { line: 2, column: 77, offset: 80 },
    });
    // Places of properties stay exact after the repair.
    const unmapped = fromJsonLd(
      '{"@type": "NewsArticle", "headline": "a\nb", "speakable": {}}',
    ).diagnostics.find((diagnostic) => diagnostic.ruleId === 'unmapped-property');
    expect(unmapped?.place).toMatchObject({ start: { line: 2, column: 5 } });
  });

  it('reports a block that is never closed', () => {
    const result = extractJsonLd('<script type="application/ld+json">{"a": 1}');
    expect(result.blocks[0]!.value).toEqual({ a: 1 });
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'Unexpected end of file in ld+json block 1, expected `</script>`',
    ]);
  });

  it('finds what toJsonLdScript wrote, for any article', () => {
    fc.assert(
      fc.property(anyArticle, fc.boolean(), (input, graph) => {
        const html = `<html><head>${toJsonLdScript(input, { graph })}</head><body><p>x</p></body></html>`;
        const found = extractJsonLd(html);
        expect(found.diagnostics).toEqual([]);
        expect(found.blocks.map((block) => block.value)).toEqual([toJsonLd(input, { graph })]);
        expect(fromJsonLd(found.blocks.map((block) => block.value)).article?.headline).toBe(
          readBack(input.headline),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('finds the same ld+json scripts as a real HTML parser (parse5), with the same text', () => {
    type Node = DefaultTreeAdapterMap['node'];
    const scripts = (node: Node, found: string[] = []): string[] => {
      if ('tagName' in node && node.tagName === 'script' && node.namespaceURI.endsWith('xhtml')) {
        const type = node.attrs.find((attribute) => attribute.name === 'type')?.value;
        if (type?.trim().toLowerCase() === 'application/ld+json') {
          found.push(
            node.childNodes.map((child) => ('value' in child ? child.value : '')).join(''),
          );
        }
      }
      if ('childNodes' in node) for (const child of node.childNodes) scripts(child, found);
      if ('content' in node && node.content) scripts(node.content, found);
      return found;
    };
    const piece = fc.constantFrom(
      '<script type="application/ld+json">',
      "<script type='APPLICATION/LD+JSON ' async>",
      '<script type=application/ld+json>',
      '<script>',
      '</script>',
      '</script >',
      '</SCRIPT/>',
      '</scripts>',
      '<script',
      '<!--',
      '-->',
      '--!>',
      '<!-->',
      '-',
      '<div title="',
      "<p class='",
      '">',
      "'>",
      '"',
      '<textarea>',
      '</textarea>',
      '<style>',
      '</style>',
      '<title>',
      '</title>',
      '<noscript>',
      '</noscript>',
      '<!DOCTYPE html>',
      '<?php x ?>',
      '</p <script type="application/ld+json">',
      '<template>',
      '</template>',
      '>',
      '<',
      '{"a": 1}',
      ' text ',
      '\n',
      '<p>',
      '</p>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const html = parts.join('');
        const expected = scripts(parse(html));
        expect(
          extractJsonLd(html).blocks.map((block) => block.text),
          html,
        ).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              '<script type="application/ld+json">',
              '</script>',
              '<!--',
              '-->',
              '<style>',
              '</style>',
              '<script',
              ' type=',
              '"',
              "'",
              '>',
            ),
          ),
        ),
        (parts) => {
          const html = parts.join('');
          const result = extractJsonLd(html);
          for (const block of result.blocks) {
            expect(html.slice(block.position.start.offset, block.position.end.offset)).toBe(
              block.text,
            );
          }
        },
      ),
    );
  });

  it('handles hostile input in one pass (unclosed tags, comments and attributes repeated)', () => {
    const hostile = [
      '<script'.repeat(100_000),
      '<!--'.repeat(100_000),
      `<script type="${'a'.repeat(200_000)}`,
      '<script type="application/ld+json">'.repeat(20_000),
      `<textarea>${'<script type="application/ld+json">{}'.repeat(20_000)}`,
      '<style '.repeat(100_000),
    ];
    for (const html of hostile) expect(() => extractJsonLd(html)).not.toThrow();
  });

  it('throws a TypeError naming `html` for a non-string', () => {
    expect(() => extractJsonLd(42 as unknown as string)).toThrow(/`html`/);
  });
});
