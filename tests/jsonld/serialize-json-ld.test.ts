import fc from 'fast-check';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { serializeJsonLd, toJsonLd, toJsonLdScript } from '../../src/jsonld/index.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const payloads = [
  '</script>',
  '</SCRIPT >',
  '</script/>',
  '</ScRiPt\t>',
  '<!--',
  '<!--<script>',
  '<script>',
  '-->',
  ']]>',
  '<![CDATA[',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  'a\ud83d',
  '&lt;',
  '&amp;',
  '</script><img src=x onerror=alert(1)>',
  '</script ><p>injected</p>',
  '"\\u003c/script>',
];

function elements(node: Node, name: string, found: Element[] = []): Element[] {
  if ('tagName' in node && node.tagName === name) found.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, name, found);
  if ('content' in node && node.content) elements(node.content, name, found);
  return found;
}

function textOf(element: Element): string {
  return element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
}

/** Parse a page holding the tag, and check what the browser would see. */
function check(tag: string, value: unknown, where: 'head' | 'body') {
  const page =
    where === 'head'
      ? `<!doctype html><html><head><title>t</title>${tag}</head><body><p>ok</p></body></html>`
      : `<!doctype html><html><head><title>t</title></head><body>${tag}<p>ok</p></body></html>`;
  const document = parse(page);
  const scripts = elements(document, 'script');
  expect(scripts).toHaveLength(1);
  const script = scripts[0]!;
  expect(script.attrs.find((attribute) => attribute.name === 'type')?.value).toBe(
    'application/ld+json',
  );
  expect(JSON.parse(textOf(script))).toEqual(value);
  const body = elements(document, 'body')[0]!;
  const children = body.childNodes.filter((child) => 'tagName' in child) as Element[];
  expect(children.map((child) => child.tagName)).toEqual(
    where === 'head' ? ['p'] : ['script', 'p'],
  );
  expect(elements(document, 'img')).toEqual([]);
  expect(textOf(elements(document, 'p')[0]!)).toBe('ok');
}

describe('serializeJsonLd', () => {
  it('escapes <, >, &, U+2028 and U+2029 as \\u sequences', () => {
    expect(serializeJsonLd({ a: '<>&\u2028\u2029' })).toBe(
      '{"a":"\\u003c\\u003e\\u0026\\u2028\\u2029"}',
    );
  });

  it('is JSON.stringify when there is nothing to escape', () => {
    const value = { headline: 'Night "ferries"', n: 3, list: [true, null] };
    expect(serializeJsonLd(value)).toBe(JSON.stringify(value));
  });

  it('writes no unsafe character for any value, and JSON.parse gives the value back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const input of [value, { text }, [text, value]]) {
          const output = serializeJsonLd(input);
          expect(output).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(output)).toEqual(JSON.parse(JSON.stringify(input)));
        }
      }),
    );
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a BigInt', 1n],
  ])('throws a TypeError naming `value` for %s', (_name, value) => {
    expect(() => serializeJsonLd(value)).toThrow(/`value`/);
  });

  it('throws a TypeError naming `value` for a cycle', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => serializeJsonLd(cycle)).toThrow(TypeError);
  });
});

describe('toJsonLdScript in a real HTML parser (parse5)', () => {
  for (const where of ['head', 'body'] as const) {
    it.each(payloads)(`keeps %j inside one script element (in <${where}>)`, (payload) => {
      const article = {
        headline: `Night ferries ${payload}`,
        description: payload,
        byline: { contributors: [{ name: `Ana ${payload}` }] },
        keywords: [payload, 'ferries'],
        body: [{ type: 'paragraph' as const, text: payload }],
      };
      check(toJsonLdScript(article), toJsonLd(article), where);
      const value = { '@context': 'https://schema.org', '@type': 'Thing', name: payload };
      check(toJsonLdScript(value), value, where);
    });
  }

  it('holds for any string (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const value = { '@type': 'Thing', name: text, list: [text, `</script>${text}`] };
        check(toJsonLdScript(value), JSON.parse(JSON.stringify(value)), 'body');
      }),
      { numRuns: 300 },
    );
  });
});

describe('toJsonLdScript', () => {
  const article = { headline: 'Night Ferries', body: [] };

  it('turns an article into JSON-LD with the options given', () => {
    const tag = toJsonLdScript(article, { url: 'https://ledger.example/ferries' });
    expect(tag).toBe(
      `<script type="application/ld+json">${serializeJsonLd(toJsonLd(article, { url: 'https://ledger.example/ferries' }))}</script>`,
    );
    expect(toJsonLdScript(article, { graph: true })).toContain('"@graph"');
  });

  it('writes a JSON-LD value as it is', () => {
    const value = { '@context': 'https://schema.org', '@type': 'WebSite', name: 'Ledger' };
    expect(toJsonLdScript(value)).toBe(
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","name":"Ledger"}</script>',
    );
  });

  it('adds escaped id and nonce attributes', () => {
    const tag = toJsonLdScript(article, { nonce: 'a"b<c>&', id: 'article-ld' });
    expect(
      tag.startsWith(
        '<script type="application/ld+json" id="article-ld" nonce="a&quot;b&lt;c&gt;&amp;">',
      ),
    ).toBe(true);
    const document = parse(`<body>${tag}</body>`);
    const script = elements(document, 'script')[0]!;
    expect(script.attrs.find((attribute) => attribute.name === 'nonce')?.value).toBe('a"b<c>&');
  });

  it('throws a TypeError naming the argument for a non-object', () => {
    expect(() => toJsonLdScript('headline' as unknown as object)).toThrow(/`articleOrValue`/);
  });
});
