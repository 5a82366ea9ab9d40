import type { Root, RootContent } from 'mdast';
import { VFile } from 'vfile';
import {
  type Article,
  type Block,
  type Diagnostic,
  isoDateProblem,
  type Point,
  type Position,
  placeOf,
  type SourceMap,
  setSource,
  validateArticle,
} from '../schema/index.js';
import { bodyToBlocks, positionOf } from './body-to-blocks.js';
import { createContext } from './context.js';
import { frontmatterFieldOf } from './frontmatter-keys.js';
import { frontmatterToFields } from './frontmatter-to-fields.js';
import { literalLinksUnread } from './gfm-literal-links.js';
import type { AuthorLookup, ImageLookup } from './lookups.js';
import {
  type FrontmatterFormat,
  frontmatterNodeOf,
  type OpeningFence,
  openingFence,
  parseTree,
} from './parse-tree.js';
import { createYamlLocator, type FrontmatterEntry, readFrontmatter } from './read-frontmatter.js';
import { readTomlFrontmatter } from './read-toml-frontmatter.js';

/** Options for {@link parseMarkdown}. */
export interface ParseMarkdownOptions {
  /** The file name, copied onto every diagnostic; a `YYYY-MM-DD-` prefix gives the date when no date key exists. Default: the VFile's `path`. */
  file?: string;
  /** IANA time zone for date-times written without an offset, e.g. `America/New_York`; anything else throws a `TypeError`. Default: none (only their date is kept, with a `date-without-offset` warning). */
  timeZone?: string;
  /** Report frontmatter keys nutgraf does not know as `frontmatter-unknown-key` warnings. Default: `false` (they are kept in `extra`, silently). */
  strict?: boolean;
  /** Authors by slug, for sites that list `authors: [jane-doe]`: a table or a function returning a contributor. Default: none. */
  authors?: AuthorLookup;
  /** Images by id, for sites that write `primary_image: harbour-at-night`: a table or a function returning an image. Default: none. */
  images?: ImageLookup;
  /** The site's URL, to resolve relative URLs (`/images/a.jpg`). Default: none (relative URLs are left out, with a `relative-url` warning). */
  baseUrl?: string;
}

/** The result of {@link parseMarkdown}. */
export interface ParseMarkdownResult {
  /** The article, valid against the Article schema, when the file has a headline. Fields that could not be read are left out and reported. */
  article?: Article;
  /** Every problem and finding, in file order. */
  diagnostics: Diagnostic[];
  /** Where each field came from in the file, keyed by article path (`headline`, `byline.contributors.0`, `body.4`). */
  sources: SourceMap;
  /** Frontmatter keys nutgraf does not know (`layout`, `weight`, …) with their values, in file order (an object without a prototype). */
  extra: Record<string, unknown>;
  /** The frontmatter's format: `yaml` (`---`) or `toml` (`+++`); absent without one. Pass it to `toMarkdown` to write the same. */
  frontmatterFormat?: FrontmatterFormat;
}

const fileDate = /^(\d{4})-(\d{2})-(\d{2})(?:[-_.]|$)/;

/** The text of a string or VFile, without a byte order mark. */
export function sourceText(source: string | VFile): string {
  const value = typeof source === 'string' ? source : source.value;
  const text = typeof value === 'string' ? value : value ? new TextDecoder().decode(value) : '';
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const at = (diagnostic: Diagnostic): number => {
    const place = diagnostic.place;
    if (!place) return Number.POSITIVE_INFINITY;
    const point: Point = 'start' in place ? place.start : place;
    return point.offset ?? point.line * 1e6 + point.column;
  };
  return at(a) - at(b);
}

/**
 * Read a Markdown article with YAML frontmatter into an {@link Article}.
 *
 * Frontmatter keys of Hugo, Jekyll, Eleventy and Astro sites are mapped to Article fields
 * (`title` → `headline`, `date` → `datePublished`, `authors` → `byline`, `tags` → `keywords`, …);
 * the body becomes paragraphs (with links and emphasis), headings, figures, quotes, lists,
 * code, tables and dividers. Never throws on bad content: every problem is a diagnostic that
 * points at the key or value in the file, and fields that cannot be read are left out.
 *
 * @example
 * const { article, diagnostics } = parseMarkdown('---\ntitle: Ferries run at night\ndate: 2026-03-10\n---\n\nThe port board voted on Tuesday.\n')
 * article?.headline //=> 'Ferries run at night'
 * article?.datePublished //=> '2026-03-10'
 */
export function parseMarkdown(
  source: string | VFile,
  options: Readonly<ParseMarkdownOptions> = {},
): ParseMarkdownResult {
  const { text, settings } = readSource(source, options);
  return articleFromTree(parseTree(text, 'unread'), text, settings);
}

/**
 * The text of `source` and the options with its file name (a VFile's path when `file` is not
 * given), after checking both: the start of {@link parseMarkdown} and `parseMdx`.
 */
export function readSource(
  source: string | VFile,
  options: Readonly<ParseMarkdownOptions>,
): { text: string; settings: Readonly<ParseMarkdownOptions> } {
  if (typeof source !== 'string' && !(source instanceof VFile)) {
    throw new TypeError('Expected `source` to be a string or a VFile');
  }
  checkParseMarkdownOptions(options);
  const text = sourceText(source);
  const file = options.file ?? (typeof source === 'string' ? undefined : source.path);
  return { text, settings: file === undefined ? options : { ...options, file } };
}

/**
 * Throw a `TypeError` for options that are misuse rather than content: not an object, or a
 * `timeZone` that is not an IANA time zone (which would otherwise be ignored silently).
 */
export function checkParseMarkdownOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('Expected `options` to be an object');
  }
  const { timeZone } = options as ParseMarkdownOptions;
  if (timeZone === undefined) return;
  let valid = typeof timeZone === 'string' && timeZone !== '';
  if (valid) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      valid = false;
    }
  }
  if (!valid) {
    throw new TypeError(
      `Expected \`options.timeZone\` to be an IANA time zone such as \`America/New_York\`, got ${JSON.stringify(timeZone) ?? String(timeZone)}`,
    );
  }
}

/** The first line of `text`. */
function firstLine(text: string): Position {
  const end = text.search(/\r|\n/);
  const length = end === -1 ? text.length : end;
  return {
    start: { line: 1, column: 1, offset: 0 },
    end: { line: 1, column: length + 1, offset: length },
  };
}

/** What {@link readUnclosedFrontmatter} read. */
interface UnclosedFrontmatter {
  entries: FrontmatterEntry[];
  /** From the opening line to the end of the last key read. */
  place: Position;
  /** The body: the Markdown nodes after the keys read. */
  children: RootContent[];
}

/**
 * Read a frontmatter that is never closed as far as it can be trusted: its lines up to the
 * first blank line (or the end of the file), when they are clean YAML `key: value` pairs
 * (no syntax error, duplicate key or repair) and no Markdown block runs on past them.
 * `openingEnd` is the offset of the end of the opening line. `undefined` otherwise.
 */
function readUnclosedFrontmatter(
  text: string,
  openingEnd: number,
  opening: OpeningFence,
  children: readonly RootContent[],
): UnclosedFrontmatter | undefined {
  const start = openingEnd + (text.startsWith('\r\n', openingEnd) ? 2 : 1);
  let end = start;
  while (end < text.length) {
    const newline = text.indexOf('\n', end);
    const lineEnd = newline === -1 ? text.length : newline;
    if (text.slice(end, lineEnd).trim() === '') break;
    end = newline === -1 ? text.length : newline + 1;
  }
  const yaml = text.slice(start, end).replace(/\r?\n$/, '');
  // Lone `\r` line endings are not counted by the YAML locator.
  if (yaml.trim() === '' || /\r(?!\n)/.test(yaml)) return undefined;
  const locator = createYamlLocator(yaml, { line: opening.line + 1, column: 1, offset: start });
  const read = readFrontmatter(yaml, locator);
  if (read.diagnostics.length > 0 || read.entries.length === 0) return undefined;
  const yamlEnd = start + yaml.length;
  const body: RootContent[] = [];
  for (const child of children) {
    const from = child.position?.start.offset;
    const to = child.position?.end.offset;
    if (from === undefined || to === undefined) return undefined;
    if (from >= yamlEnd) body.push(child);
    else if (to > yamlEnd) return undefined;
  }
  return {
    entries: read.entries,
    place: {
      start: { line: opening.line, column: 1, offset: opening.offset },
      end: locator.point(yaml.length),
    },
    children: body,
  };
}

/**
 * Build the article from an mdast tree already parsed (with remark-frontmatter) from `text`.
 * Shared by {@link parseMarkdown} and the remark plugin, so the file is parsed once.
 */
export function articleFromTree(
  tree: Root,
  text: string,
  options: Readonly<ParseMarkdownOptions>,
  syntax: Readonly<{ mdx?: boolean }> = {},
): ParseMarkdownResult {
  const context = createContext(options);
  const { sources } = context;

  let entries: FrontmatterEntry[] = [];
  let format: FrontmatterFormat | undefined;
  let frontmatterPlace: Position | undefined;
  /** The opening line of a frontmatter that is never closed. */
  let opening: OpeningFence | undefined;
  const first = frontmatterNodeOf(tree);
  if (first?.type === 'yaml' && first.position) {
    format = 'yaml';
    const start = first.position.start.offset ?? 0;
    const newline = text.indexOf('\n', start);
    const contentStart = newline === -1 ? text.length : newline + 1;
    frontmatterPlace = positionOf(first as unknown as RootContent);
    // The YAML ends with the line ending before the closing fence, which remark leaves out
    // of the node's value: a block scalar that keeps its final line breaks (`|+`) needs it.
    // (Errors found at that line ending are placed at the end of the value.)
    const yaml = first.value === '' ? '' : `${first.value}\n`;
    const locator = createYamlLocator(first.value, {
      line: first.position.start.line + 1,
      column: 1,
      offset: contentStart,
    });
    const read = readFrontmatter(yaml, locator);
    entries = read.entries;
    for (const diagnostic of read.diagnostics) {
      if (options.file !== undefined) diagnostic.file = options.file;
      context.diagnostics.push(diagnostic);
    }
  } else if (first?.type === 'toml' && first.position) {
    // TOML frontmatter (Hugo's `+++`): read into the same entries as YAML.
    format = 'toml';
    const start = first.position.start.offset ?? 0;
    const newline = text.indexOf('\n', start);
    frontmatterPlace = positionOf(first as unknown as RootContent);
    const locator = createYamlLocator(first.value, {
      line: first.position.start.line + 1,
      column: 1,
      offset: newline === -1 ? text.length : newline + 1,
    });
    const read = readTomlFrontmatter(first.value === '' ? '' : `${first.value}\n`, locator);
    entries = read.entries;
    for (const diagnostic of read.diagnostics) {
      if (options.file !== undefined) diagnostic.file = options.file;
      context.diagnostics.push(diagnostic);
    }
  } else {
    opening = openingFence(text);
    const tomlOpening = opening ? undefined : openingFence(text, '+++');
    if (tomlOpening) {
      const lineEnd = text.slice(tomlOpening.offset).search(/\r|\n/);
      const end =
        tomlOpening.offset + (lineEnd === -1 ? text.length - tomlOpening.offset : lineEnd);
      frontmatterPlace = {
        start: { line: tomlOpening.line, column: 1, offset: tomlOpening.offset },
        end: { line: tomlOpening.line, column: end - tomlOpening.offset + 1, offset: end },
      };
      context.report(
        'frontmatter-invalid-toml',
        'Unexpected frontmatter without a closing `+++` line, expected `+++` after the last key: its keys are not read',
        frontmatterPlace,
      );
    }
  }

  let children = tree.children;
  if (opening) {
    const lineEnd = text.slice(opening.offset).search(/\r|\n/);
    const end = opening.offset + (lineEnd === -1 ? text.length - opening.offset : lineEnd);
    const unclosed = readUnclosedFrontmatter(text, end, opening, children);
    context.report(
      'frontmatter-invalid-yaml',
      `Unexpected frontmatter without a closing \`---\` line, expected \`---\` after the last key${unclosed ? ': the keys before the first blank line are read' : ''}`,
      {
        start: { line: opening.line, column: 1, offset: opening.offset },
        end: { line: opening.line, column: end - opening.offset + 1, offset: end },
      },
    );
    if (unclosed) {
      format = 'yaml';
      ({ entries, children } = unclosed);
      frontmatterPlace = unclosed.place;
    } else {
      // Its lines read as a thematic break and a paragraph of `key: value` lines: leave
      // them out of the body.
      frontmatterPlace = {
        start: { line: opening.line, column: 1, offset: opening.offset },
        end: { line: opening.line, column: end - opening.offset + 1, offset: end },
      };
      if (children[0]?.type === 'thematicBreak') {
        const second = children[1];
        children = children.slice(
          second?.type === 'paragraph' && second.position?.start.line === opening.line + 1 ? 2 : 1,
        );
      }
    }
  }

  const { fields, extra, hasDateKey } = frontmatterToFields(entries, context);
  const body = bodyToBlocks(children, text, context, {
    ...(typeof fields.headline === 'string' ? { headline: fields.headline } : {}),
    hasByline: fields.byline !== undefined,
    hasDateline: fields.dateline !== undefined,
    mdx: syntax.mdx === true,
    literalLinks: literalLinksUnread(tree),
  });

  if (fields.headline === undefined && body.headline) {
    fields.headline = body.headline.text;
    setSource(sources, 'headline', body.headline.place);
  }
  if (fields.byline === undefined && body.byline) {
    fields.byline = body.byline.byline;
    setSource(sources, 'byline', body.byline.place);
  }
  if (fields.dateline === undefined && body.dateline) {
    fields.dateline = body.dateline.dateline;
    setSource(sources, 'dateline', body.dateline.place);
  }
  if (fields.datePublished === undefined && options.file !== undefined) {
    const name = options.file.replace(/^.*[\\/]/, '');
    const match = fileDate.exec(name);
    const date = match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
    if (date !== undefined && isoDateProblem(date) === undefined) {
      fields.datePublished = date;
      // At the date key that gave no date, else the frontmatter (where one belongs), else
      // the first line; the note names the file.
      const dateKey = entries.find((entry) => frontmatterFieldOf(entry.key)?.kind === 'date');
      context.report(
        'date-from-filename',
        `${hasDateKey ? 'No valid date key' : 'No date key'}: \`datePublished\` is \`${date}\`, taken from the file name`,
        dateKey?.valuePlace ?? frontmatterPlace ?? firstLine(text),
        ['datePublished'],
        {
          note: `The file name \`${name}\` starts with the date; add a \`date\` key to say it in the file.`,
        },
      );
    }
  }

  let article: Article | undefined;
  if (fields.headline === undefined) {
    // At the headline key when it gave none, else the frontmatter, else the first line.
    const key = entries.find((entry) => frontmatterFieldOf(entry.key)?.field === 'headline');
    context.report(
      'missing-headline',
      key
        ? `Missing headline, expected a value for \`${key.key}\` or a \`#\` heading`
        : 'Missing headline, expected a `title` key in the frontmatter or a `#` heading',
      key?.keyPlace ?? frontmatterPlace ?? firstLine(text),
      ['headline'],
    );
  } else {
    const head = validated({ ...fields, body: [] });
    if (head) article = { ...head, body: checkedBody(body.blocks) };
  }

  context.diagnostics.sort(compareDiagnostics);
  const result: ParseMarkdownResult = article
    ? { article, diagnostics: context.diagnostics, sources, extra }
    : { diagnostics: context.diagnostics, sources, extra };
  if (format) result.frontmatterFormat = format;
  return result;

  /**
   * Check the article against the schema. Problems are reported once, with their place in
   * the file; the fields (or body blocks) at fault are then left out and the rest kept.
   */
  function validated(candidate: Record<string, unknown>): Article | undefined {
    let current = candidate;
    for (let attempt = 0; attempt < 4; attempt++) {
      const result = validateArticle(current, {
        sources,
        ...(options.file === undefined ? {} : { file: options.file }),
      });
      if (result.article) return result.article;
      if (attempt === 0) context.diagnostics.push(...result.diagnostics);
      const dropFields = new Set<string>();
      const dropBlocks = new Set<number>();
      for (const diagnostic of result.diagnostics) {
        const [head, index] = diagnostic.path ?? [];
        if (head === 'body' && typeof index === 'number') dropBlocks.add(index);
        else if (typeof head === 'string' && head !== 'headline' && head !== 'body')
          dropFields.add(head);
        else return undefined;
      }
      current = { ...current };
      for (const field of dropFields) delete current[field];
      if (dropBlocks.size > 0) {
        current.body = (current.body as unknown[]).filter((_, index) => !dropBlocks.has(index));
        rekeyBody(dropBlocks);
      }
    }
    return undefined;
  }

  /**
   * The body blocks, checked. Blocks built from the Markdown tree are valid by construction
   * (tests check every result against the schema) except figures and embeds, whose URLs and
   * credits come from the file: only those go through the schema, so a long body is not
   * validated block by block for nothing. A block that fails is reported and left out.
   */
  function checkedBody(blocks: readonly Block[]): Block[] {
    const risky: Block[] = [];
    const at: number[] = [];
    blocks.forEach((block, index) => {
      if (block.type === 'figure' || block.type === 'embed') {
        risky.push(block);
        at.push(index);
      }
    });
    if (risky.length === 0) return [...blocks];
    const { diagnostics } = validateArticle({ headline: 'body', body: risky });
    if (diagnostics.length === 0) return [...blocks];
    const dropped = new Set<number>();
    for (const diagnostic of diagnostics) {
      const [, index, ...rest] = diagnostic.path ?? [];
      const original = typeof index === 'number' ? at[index] : undefined;
      if (original === undefined) continue;
      dropped.add(original);
      const path = ['body', original, ...rest];
      const place = placeOf(sources, path);
      const fixed: Diagnostic = {
        ...diagnostic,
        path,
        message: diagnostic.message.replace(/`body\[\d+\]/, `\`body[${original}]`),
      };
      if (place) fixed.place = place;
      if (options.file !== undefined) fixed.file = options.file;
      context.diagnostics.push(fixed);
    }
    rekeyBody(dropped);
    return blocks.filter((_, index) => !dropped.has(index));
  }

  /** Keep `body.N` source keys in step with the blocks once some are left out. */
  function rekeyBody(dropped: ReadonlySet<number>): void {
    const body = sources.fields?.body;
    if (body?.items) body.items = body.items.filter((_, index) => !dropped.has(index));
  }
}
