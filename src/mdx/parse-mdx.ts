import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import type { VFile } from 'vfile';
import { remarkCappedBlockQuotes } from '../markdown/capped-block-quote.js';
import { remarkGfmLinear } from '../markdown/gfm-literal-links.js';
import {
  articleFromTree,
  type ParseMarkdownOptions,
  type ParseMarkdownResult,
  readSource,
} from '../markdown/parse-markdown.js';
import { findAnyFrontmatter, parseTree, placeBody } from '../markdown/parse-tree.js';
import type { Diagnostic, Point } from '../schema/index.js';

let processor: Processor<Root> | undefined;

/** unified + remark-parse + remark-mdx + GFM (with the linear literal links of `parseMarkdown`), built on first use. */
function mdxProcessor(): Processor<Root> {
  processor ??= unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfmLinear)
    .use(remarkCappedBlockQuotes)
    .freeze() as unknown as Processor<Root>;
  return processor;
}

/** What micromark-extension-mdxjs throws on a syntax error: a VFileMessage. */
interface MdxError {
  reason?: string;
  message?: string;
  place?: MdxPoint | { start: MdxPoint };
}

interface MdxPoint {
  line: number;
  column: number;
  offset?: number | undefined;
}

/**
 * Parse an MDX file into mdast: its frontmatter (found as `parseTree` finds it) and its body
 * through remark-mdx, positions in the file. Throws what remark-mdx throws on a syntax error.
 */
function parseMdxTree(text: string): Root {
  const fence = findAnyFrontmatter(text);
  if (!fence) return mdxProcessor().parse(text);
  const body = text.slice(fence.bodyOffset);
  let tree: Root;
  try {
    tree = mdxProcessor().parse(body);
  } catch (error) {
    // Place the error in the file, not in the body.
    const place = (error as MdxError).place;
    const point = place && 'start' in place ? place.start : place;
    if (point) {
      (error as MdxError).place = {
        line: point.line + fence.bodyLine,
        column: point.column,
        offset: point.offset === undefined ? undefined : point.offset + fence.bodyOffset,
      };
    }
    throw error;
  }
  return placeBody(tree, fence, body);
}

/** Where an MDX syntax error is, as nutgraf places it. */
function placeOfError(error: MdxError): Point {
  const place = error.place;
  const point = place && 'start' in place ? place.start : place;
  if (!point) return { line: 1, column: 1, offset: 0 };
  return point.offset === undefined
    ? { line: point.line, column: point.column }
    : { line: point.line, column: point.column, offset: point.offset };
}

/**
 * Read an MDX article (`.mdx`: Astro, Next.js and Docusaurus content) into an
 * {@link Article}, as `parseMarkdown` reads Markdown: the frontmatter into fields, the
 * Markdown into blocks. JSX elements (`<Chart id="tides" />`, `<Aside>…</Aside>`), expressions
 * (`{props.note}`) and `import`/`export` lines are kept verbatim as `html` blocks with
 * `syntax: 'mdx'`, never run; a paragraph with JSX or an expression inside its text is kept
 * whole the same way. `toMarkdown(article, { mdx: true })` writes the article back as MDX.
 * An MDX syntax error is an `mdx-invalid` error at its place, and the file is then read as
 * Markdown. Loads acorn and the MDX syntax (about 120 kB): import it only for `.mdx` files.
 *
 * @example
 * const { article } = parseMdx('---\ntitle: Tides\n---\n\nimport Chart from "./chart.astro"\n\nThe sea rose.\n\n<Chart id="tides" />\n')
 * article?.body //=> [{ type: 'html', html: 'import Chart from "./chart.astro"', syntax: 'mdx' }, { type: 'paragraph', text: 'The sea rose.' }, { type: 'html', html: '<Chart id="tides" />', syntax: 'mdx' }]
 */
export function parseMdx(
  source: string | VFile,
  options: Readonly<ParseMarkdownOptions> = {},
): ParseMarkdownResult {
  const { text, settings } = readSource(source, options);
  const file = settings.file;
  let tree: Root;
  let failure: Diagnostic | undefined;
  try {
    tree = parseMdxTree(text);
  } catch (error) {
    const problem = error as MdxError;
    const reason = problem.reason ?? problem.message ?? String(error);
    failure = {
      ruleId: 'mdx-invalid',
      severity: 'error',
      message: `Unexpected MDX syntax error, expected valid MDX: ${reason} (the file is read as Markdown)`,
      source: 'nutgraf',
      place: placeOfError(problem),
    };
    if (file !== undefined) failure.file = file;
    tree = parseTree(text);
  }
  const result = articleFromTree(tree, text, settings, { mdx: failure === undefined });
  if (failure) {
    // In file order, as the other diagnostics are.
    const at = (diagnostic: Diagnostic): number => {
      const place = diagnostic.place;
      const point = place && 'start' in place ? place.start : place;
      return point?.offset ?? Number.POSITIVE_INFINITY;
    };
    const offset = at(failure);
    const index = result.diagnostics.findIndex((diagnostic) => at(diagnostic) > offset);
    result.diagnostics.splice(index === -1 ? result.diagnostics.length : index, 0, failure);
  }
  return result;
}
