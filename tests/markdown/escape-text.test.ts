import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { type EscapeState, escapeText } from '../../src/markdown/escape-text.js';
import { toMarkdown } from '../../src/markdown/index.js';

/** Markdown punctuation, white space and line ends, digits, letters the patterns look at, and others. */
const alphabet = [
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  ' ',
  ' ',
  '\t',
  '\n',
  '\r',
  '1',
  '2',
  'a',
  'p',
  's',
  'w',
  'W',
  'x',
  'é',
  '中',
  '\u00a0',
  '\u2028',
];
const text = fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 24 });

const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
  { weight: 4, arbitrary: text.map((value) => ({ type: 'text', value }) as PhrasingContent) },
  text.map(
    (value) => ({ type: 'emphasis', children: [{ type: 'text', value }] }) as PhrasingContent,
  ),
  text.map((value) => ({ type: 'strong', children: [{ type: 'text', value }] }) as PhrasingContent),
  text.map((value) => ({ type: 'delete', children: [{ type: 'text', value }] }) as PhrasingContent),
  text.map(
    (value) =>
      ({
        type: 'link',
        url: 'https://example.com/a',
        children: [{ type: 'text', value }],
      }) as PhrasingContent,
  ),
  text.map((value) => ({ type: 'inlineCode', value: value || 'x' }) as PhrasingContent),
  fc.constant({ type: 'break' } as PhrasingContent),
  fc.constant({ type: 'html', value: '<br>' } as PhrasingContent),
);
/** Phrasing content with at least one text node. */
const run = fc
  .tuple(text, fc.array(phrasing, { maxLength: 4 }), fc.nat(4))
  .map(([value, rest, at]) => {
    const children = [...rest];
    children.splice(at, 0, { type: 'text', value });
    return children;
  });

const block: fc.Arbitrary<RootContent> = fc.oneof(
  run.map((children) => ({ type: 'paragraph', children }) as RootContent),
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), run)
    .map(([depth, children]) => ({ type: 'heading', depth, children }) as RootContent),
  run.map(
    (children) =>
      ({ type: 'blockquote', children: [{ type: 'paragraph', children }] }) as RootContent,
  ),
  run.map(
    (children) =>
      ({
        type: 'list',
        ordered: false,
        children: [{ type: 'listItem', children: [{ type: 'paragraph', children }] }],
      }) as RootContent,
  ),
  fc.tuple(run, run).map(
    ([left, right]) =>
      ({
        type: 'table',
        children: [
          {
            type: 'tableRow',
            children: [
              { type: 'tableCell', children: [{ type: 'text', value: 'a' }] },
              { type: 'tableCell', children: [{ type: 'text', value: 'b' }] },
            ],
          },
          {
            type: 'tableRow',
            children: [
              { type: 'tableCell', children: left },
              { type: 'tableCell', children: right },
            ],
          },
        ],
      }) as RootContent,
  ),
);

interface Compared {
  value: string;
  expected: string;
  actual: string;
  stack: string[];
}

/**
 * Stringify `tree` as toMarkdown does (remark-stringify + remark-gfm), escaping each text node
 * with both `state.safe` and {@link escapeText}, given the same neighbours and context.
 */
function compareEscapes(tree: Root): Compared[] {
  const compared: Compared[] = [];
  const text = (
    node: { value: string },
    parent: { children: Array<{ type: string }> } | undefined,
    state: EscapeState & {
      indexStack: number[];
      safe(value: string, config: object): string;
    },
    info: Record<string, unknown>,
  ): string => {
    const siblings = parent ? parent.children : [];
    const index = state.indexStack[state.indexStack.length - 1] ?? -1;
    const config = { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] };
    const expected = state.safe(node.value, config);
    const actual = escapeText(state, node.value, config);
    compared.push({ value: node.value, expected, actual, stack: [...state.stack] });
    return expected;
  };
  unified()
    .use(remarkStringify, { handlers: { text } } as never)
    .use(remarkGfm)
    .stringify(tree);
  return compared;
}

describe('escapeText', () => {
  it('escapes text exactly as mdast-util-to-markdown’s safe() does, in every construct', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (children) => {
        const compared = compareEscapes({ type: 'root', children });
        expect(compared.length).toBeGreaterThan(0);
        for (const { value, expected, actual, stack } of compared) {
          expect(actual, `${JSON.stringify(value)} in ${stack.join(' > ')}`).toBe(expected);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('escapes long runs of Markdown punctuation as safe() does', () => {
    const value = '*_[]<>#`\\|~&a!['.repeat(2_000);
    const [compared] = compareEscapes({
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value }] }],
    });
    expect(compared?.actual).toBe(compared?.expected);
    expect(compared?.actual.length).toBeGreaterThan(value.length * 1.5);
  });

  it('is what toMarkdown writes: specials stay text through a round trip', () => {
    const markdown = toMarkdown({
      headline: 'Night Ferries',
      type: 'NewsArticle',
      body: [{ type: 'paragraph', text: '*not emphasis* _nor this_ [no link](x) # no heading' }],
    });
    expect(markdown).toContain('\\*not emphasis\\* \\_nor this\\_ \\[no link]\\(x) # no heading');
  });
});
