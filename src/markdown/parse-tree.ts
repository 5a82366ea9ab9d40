import type { Literal, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import { remarkCappedBlockQuotes } from './capped-block-quote.js';
import {
  type LiteralLinksMode,
  mayHoldGfmConstructs,
  remarkGfmLinear,
} from './gfm-literal-links.js';
import { shiftTree } from './shift-tree.js';

const processors = new Map<string, Processor<Root>>();

/**
 * unified + remark-parse + GFM (tables, strikethrough, literal links, footnotes and tasks read
 * the same in every file, see {@link remarkGfmLinear}), with remark-frontmatter when micromark
 * should try the frontmatter itself. `gfm: false` leaves out the GFM tokenizers other than
 * literal links, for text that cannot hold their syntax (the same tree, read faster); `links`
 * says how literal links are read (see `LiteralLinksMode`). Built on first use.
 */
function markdownProcessor(
  frontmatter: boolean,
  gfm: boolean,
  links: LiteralLinksMode,
): Processor<Root> {
  const key = `${frontmatter} ${gfm} ${links}`;
  let found = processors.get(key);
  if (!found) {
    const base = unified().use(remarkParse);
    if (frontmatter) base.use(remarkFrontmatter, ['yaml', 'toml']);
    found = base
      .use(remarkGfmLinear, { constructs: gfm, links })
      .use(remarkCappedBlockQuotes)
      .freeze() as unknown as Processor<Root>;
    processors.set(key, found);
  }
  return found;
}

/** The fence lines of a frontmatter: `---` for YAML, `+++` for TOML (Hugo). */
export type FenceMarker = '---' | '+++';

/** The format of a frontmatter, by its fence. */
export type FrontmatterFormat = 'yaml' | 'toml';

const formatOfMarker: Readonly<Record<FenceMarker, FrontmatterFormat>> = {
  '---': 'yaml',
  '+++': 'toml',
};

/** Where the frontmatter of a file is, found as remark-frontmatter finds it. */
export interface FrontmatterFence {
  /** `yaml` between `---` lines, `toml` between `+++` lines. */
  format: FrontmatterFormat;
  /** Offset where the opening fence line starts (after any blank lines). */
  start: number;
  /** Line number (1-based) of the opening fence line. */
  startLine: number;
  /** The frontmatter's text, as remark-frontmatter's `yaml` (or `toml`) node has it. */
  value: string;
  /** Offset of the end of the closing fence line (before its line ending). */
  end: number;
  /** Line number (1-based) of the closing fence line. */
  endLine: number;
  /** Offset where the closing fence line starts. */
  endLineStart: number;
  /** Offset where the body starts (after the closing fence line's line ending). */
  bodyOffset: number;
  /** Lines before the body (the frontmatter's lines, fences included). */
  bodyLine: number;
}

/** Spaces and tabs (micromark's `markdownSpace`) from `index`; returns the first other index. */
function skipSpaces(text: string, index: number): number {
  let at = index;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x09) break;
    at++;
  }
  return at;
}

/** The length of the line ending at `index` (`\n`, `\r\n`, `\r`), or 0. */
function lineEndingAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code === 0x0a) return 1;
  if (code === 0x0d) return text.charCodeAt(index + 1) === 0x0a ? 2 : 1;
  return 0;
}

/** Where the opening `---` line of a file is. */
export interface OpeningFence {
  /** Offset where the line starts. */
  offset: number;
  /** Its line number (1-based). */
  line: number;
}

/**
 * The opening `---` line (or `+++` line, for `marker: '+++'`) of a frontmatter: the first line
 * of the file, or the first line after blank lines (empty or only spaces and tabs), as Hugo
 * reads them. Trailing spaces and tabs are allowed after the marker; a line ending must
 * follow. `undefined` when there is none. Linear: each character is looked at once.
 *
 * @example
 * openingFence('\n---\ntitle: A\n---\n') //=> { offset: 1, line: 2 }
 */
export function openingFence(text: string, marker: FenceMarker = '---'): OpeningFence | undefined {
  let at = 0;
  let line = 1;
  for (;;) {
    if (text.startsWith(marker, at) && lineEndingAt(text, skipSpaces(text, at + 3)) > 0) {
      return { offset: at, line };
    }
    const end = skipSpaces(text, at);
    const eol = lineEndingAt(text, end);
    if (eol === 0) return undefined;
    at = end + eol;
    line++;
  }
}

/**
 * Find a frontmatter the way micromark-extension-frontmatter does, blank lines before it
 * aside (see {@link openingFence}): a `---` line (`+++` for TOML) opens it and it closes at
 * the next line that is the same marker (trailing spaces and tabs allowed), followed by a
 * line ending or the end of the file. Line endings are `\n`, `\r\n` or `\r`. Returns
 * `undefined` when there is none. Linear: each line is looked at once (a `\r\n` is one line
 * ending, never two).
 */
export function findFrontmatter(
  text: string,
  marker: FenceMarker = '---',
): FrontmatterFence | undefined {
  const opening = openingFence(text, marker);
  if (!opening) return undefined;
  let at = skipSpaces(text, opening.offset + 3);
  const eol = lineEndingAt(text, at);
  const valueStart = at; // remark's value starts with the opening line ending (then trimmed)
  let line = opening.line;
  at += eol;
  for (;;) {
    line++;
    // `at` is the start of a line: is it the closing fence?
    if (text.startsWith(marker, at)) {
      const end = skipSpaces(text, at + 3);
      const close = lineEndingAt(text, end);
      if (close > 0 || end === text.length) {
        const value = text
          .slice(valueStart, at)
          .replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '')
          .replace(/\0/g, '\uFFFD');
        return {
          format: formatOfMarker[marker],
          start: opening.offset,
          startLine: opening.line,
          value,
          end,
          endLine: line,
          endLineStart: at,
          bodyOffset: end + close,
          bodyLine: line,
        };
      }
    }
    // Go to the next line.
    let next = at;
    while (next < text.length && lineEndingAt(text, next) === 0) next++;
    if (next >= text.length) return undefined;
    at = next + lineEndingAt(text, next);
  }
}

/**
 * A frontmatter node as remark-frontmatter makes it: `yaml`, or `toml` (a type mdast leaves
 * to the plugin's users to declare).
 */
export interface FrontmatterNode extends Literal {
  type: FrontmatterFormat;
}

/** The frontmatter node a tree opens with, if any (`yaml`, or `toml` from remark-frontmatter). */
export function frontmatterNodeOf(tree: Root): FrontmatterNode | undefined {
  const first = tree.children[0] as { type: string } | undefined;
  return first?.type === 'yaml' || first?.type === 'toml' ? (first as FrontmatterNode) : undefined;
}

/** The frontmatter of a file: YAML (`---`) or TOML (`+++`), whichever its first line opens. */
export function findAnyFrontmatter(text: string): FrontmatterFence | undefined {
  return findFrontmatter(text) ?? findFrontmatter(text, '+++');
}

/**
 * Parse a Markdown file into mdast, with a `yaml` (or `toml`) node first when it has
 * frontmatter: the same tree (positions included) as unified + remark-parse +
 * remark-frontmatter (YAML and TOML) + remark-gfm, except that blank lines may come before
 * the frontmatter (remark-frontmatter reads it only on the first line) and that literal links
 * are read from the text as written out (see {@link remarkGfmLinear}). The frontmatter is
 * found here and only the body goes through micromark; its positions are then moved to
 * where the body is in the file. With `links: 'unread'`, literal links are left in their text
 * nodes for the reader (see `LiteralLinksMode`).
 */
export function parseTree(text: string, links: LiteralLinksMode = 'nodes'): Root {
  const fence = findAnyFrontmatter(text);
  // An opening fence that never closes: micromark reads the lines after it differently
  // when remark-frontmatter tried (and failed) to read them, so let it try.
  if (!fence) {
    const opensAtStart =
      openingFence(text)?.offset === 0 || openingFence(text, '+++')?.offset === 0;
    return markdownProcessor(opensAtStart, mayHoldGfmConstructs(text), links).parse(text);
  }
  const body = text.slice(fence.bodyOffset);
  const parser = markdownProcessor(false, mayHoldGfmConstructs(body), links);
  const tree = parser.parse(body);
  return placeBody(tree, fence, body);
}

/**
 * Place a tree parsed from the body after `fence` (`body` is that text) in the file: its
 * positions moved to where the body is, the frontmatter node put first and the root spanning
 * the file. Shared by `parseTree` and `parseMdx`.
 */
export function placeBody(tree: Root, fence: FrontmatterFence, body: string): Root {
  const lines = fence.bodyLine;
  shiftTree(tree.children, { line: lines + 1, column: 1, offset: fence.bodyOffset }, 0);
  const frontmatter: FrontmatterNode = {
    type: fence.format,
    value: fence.value,
    position: {
      start: { line: fence.startLine, column: 1, offset: fence.start },
      end: { line: fence.endLine, column: fence.end - fence.endLineStart + 1, offset: fence.end },
    },
  };
  tree.children.unshift(frontmatter as unknown as RootContent);
  const rootEnd = tree.position?.end;
  tree.position = {
    start: { line: 1, column: 1, offset: 0 },
    end:
      body === '' || !rootEnd
        ? fence.bodyOffset === fence.end
          ? { ...(frontmatter.position?.end as { line: number; column: number; offset: number }) }
          : { line: lines + 1, column: 1, offset: fence.bodyOffset }
        : {
            line: rootEnd.line + lines,
            column: rootEnd.column,
            offset: (rootEnd.offset ?? 0) + fence.bodyOffset,
          },
  };
  return tree;
}
