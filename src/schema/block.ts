import { z } from 'zod';
import { imageShape } from './caption.js';
import {
  footnoteLabelSchema,
  type Inline,
  inlineSchema,
  inlineToString,
  linkUrlSchema,
} from './inline.js';
import { absoluteUrlSchema, nonEmptyStringSchema } from './primitives.js';

/**
 * The check that inline `content`, when present, spells out `text` exactly: what paragraphs,
 * list items, quotes and table cells must hold.
 */
function spellsOutText(what: string) {
  return (context: {
    value: { text: string; content?: Inline[] | undefined };
    issues: z.core.$ZodRawIssue[];
  }): void => {
    const { content, text } = context.value;
    if (content && inlineToString(content) !== text) {
      context.issues.push({
        code: 'custom',
        input: context.value,
        path: ['content'],
        message: `${what} \`content\` does not spell out its \`text\`: they must hold the same words`,
      });
    }
  };
}

/**
 * A paragraph. `text` is the plain text; `content`, when present, holds the same text
 * with its links and emphasis, and must spell out exactly `text`.
 */
export const paragraphBlockSchema = z
  .strictObject({
    type: z.literal('paragraph'),
    /** The paragraph's plain text. */
    text: z.string(),
    /** The same text with inline links, emphasis and code, when it has any. */
    content: z.array(inlineSchema).optional(),
  })
  .check(spellsOutText('Paragraph'));

/**
 * A heading inside the body: the start of a headed part (level 2–6; level 1 is the headline).
 * `content`, when present, holds its links and emphasis and spells out `text` exactly.
 */
export const headingBlockSchema = z
  .strictObject({
    type: z.literal('heading'),
    /** 2 to 6, as in HTML `<h2>`–`<h6>`. */
    level: z.int().min(2).max(6),
    /** The heading text. */
    text: nonEmptyStringSchema,
    /** The same text with inline links, emphasis and code, when it has any. */
    content: z.array(inlineSchema).optional(),
  })
  .check(spellsOutText('Heading'));

/**
 * A figure: an image with its caption and credit, and where the image links to when it is a
 * link (`[![alt](photo.jpg)](https://example.com/full.jpg)`). The URL may be unknown.
 */
export const figureBlockSchema = z.strictObject({
  type: z.literal('figure'),
  ...imageShape,
  /** Where the image links to, as written (it may be relative); never a script URL. */
  link: linkUrlSchema.optional(),
});

/**
 * A block quote or pull quote, with its citation when given. `text` holds its paragraphs, a
 * blank line (`\n\n`) between two; `content`, when present, the same text with links and
 * emphasis (two `break` nodes between paragraphs), spelling out exactly `text`.
 */
export const quoteBlockSchema = z
  .strictObject({
    type: z.literal('quote'),
    /** The quoted text, paragraphs apart by a blank line. */
    text: z.string(),
    /** The same text with inline links, emphasis and code, when it has any. */
    content: z.array(inlineSchema).optional(),
    /** Who said or wrote it, e.g. `Ana Ruiz, harbour master`. */
    citation: nonEmptyStringSchema.optional(),
  })
  .check(spellsOutText('Quote'));

/**
 * One item of a list. A plain item is `{ text }`: `text` is the item's own text (its first
 * paragraph; `''` when it opens with another block or is empty), `content` the same text with
 * links and emphasis when it has any (it must spell out `text`), `checked` the state of a task
 * item (`- [x]`), and `blocks` what the item holds after its text, in order: nested lists,
 * code, more paragraphs.
 */
export interface ListItem {
  /** The item's own text: its first paragraph, without what is nested under it. */
  text: string;
  /** The same text with inline links, emphasis and code, when it has any. */
  content?: Inline[] | undefined;
  /** A task item's state: `true` done (`- [x]`), `false` open (`- [ ]`). */
  checked?: boolean | undefined;
  /** The blocks under the item's text, in order: nested lists, code, more paragraphs. */
  blocks?: Block[] | undefined;
}

/** One item of a list (see {@link ListItem}). */
export const listItemSchema: z.ZodType<ListItem, ListItem> = z
  .strictObject({
    text: z.string(),
    content: z.array(inlineSchema).optional(),
    checked: z.boolean().optional(),
    get blocks() {
      return z.array(blockSchema).optional();
    },
  })
  .check(spellsOutText('List item'));

/** A list, ordered or not. Lists nest: an item's `blocks` may hold lists. */
export const listBlockSchema = z
  .strictObject({
    type: z.literal('list'),
    /** Numbered (`true`) or bulleted (`false`). */
    ordered: z.boolean(),
    /** The number of the first item of a numbered list, when it is not 1. */
    start: z.int().min(0).optional(),
    /** The items, in order. */
    items: z.array(listItemSchema),
  })
  .check((context) => {
    const { ordered, start } = context.value;
    if (start !== undefined && (!ordered || start === 1)) {
      context.issues.push({
        code: 'custom',
        input: context.value,
        path: ['start'],
        message: ordered
          ? 'List `start` is 1, the default: leave it out'
          : 'List `start` is given on a bulleted list: only numbered lists have one',
      });
    }
  });

/** A thematic break between parts of the story. */
export const dividerBlockSchema = z.strictObject({
  type: z.literal('divider'),
});

/** Embedded third-party content: a video, a post, a map. */
export const embedBlockSchema = z.strictObject({
  type: z.literal('embed'),
  /** The embedded content's URL. */
  url: absoluteUrlSchema,
  /** The embed code, when known. Treat as untrusted HTML. */
  html: z.string().optional(),
  /** Who hosts it, e.g. `YouTube`. */
  provider: nonEmptyStringSchema.optional(),
  /**
   * The site builder's tag it was written as (`{{< youtube w7Ft2ymGmfc >}}`), verbatim: what
   * `toMarkdown` writes back. Absent when nutgraf writes its own `<div class="nutgraf-embed">`.
   */
  source: nonEmptyStringSchema.optional(),
});

/** A block of code or preformatted text. */
export const codeBlockSchema = z.strictObject({
  type: z.literal('code'),
  /** The code, verbatim. */
  text: z.string(),
  /** Its language, e.g. `ruby`, when given. */
  language: z.string().optional(),
});

/** A table cell: its text, and its links and emphasis when it has any (`content` spells out `text`). */
export const tableCellSchema = z
  .strictObject({
    /** The cell's plain text. */
    text: z.string(),
    /** The same text with inline links, emphasis and code, when it has any. */
    content: z.array(inlineSchema).optional(),
  })
  .check(spellsOutText('Table cell'));

/** How a table column is aligned; `null` when not set. */
export const tableAlignSchema = z.enum(['left', 'center', 'right']).nullable();

/** A table: rows of cells, the first row being the header. */
export const tableBlockSchema = z.strictObject({
  type: z.literal('table'),
  /** Rows of cells; `rows[0]` is the header row. */
  rows: z.array(z.array(tableCellSchema)).min(1),
  /** How each column is aligned (GFM `| :-- | --: |`), when any is. */
  align: z.array(tableAlignSchema).optional(),
  /** The table's caption (HTML `<caption>`; in Markdown a `Table: …` paragraph right after it). */
  caption: z.string().min(1).optional(),
});

/** The template syntax an `html` block is written in, when it is not HTML. */
export const htmlSyntaxSchema = z.enum(['liquid', 'hugo', 'mdx']);

/**
 * Raw HTML kept as is (from Markdown sources), or, with `syntax`, a site builder's template
 * source kept as is: Jekyll Liquid tags (`{% include note.html %}`), Hugo shortcodes
 * (`{{< note >}}`), MDX JSX elements, expressions and `import`/`export` lines. Never run by
 * nutgraf; `toMarkdown` writes it back verbatim. Treat as untrusted.
 */
export const htmlBlockSchema = z.strictObject({
  type: z.literal('html'),
  /** The source, verbatim. */
  html: z.string(),
  /** `liquid` (Jekyll), `hugo` (shortcodes) or `mdx` (JSX, ESM); absent for HTML. */
  syntax: htmlSyntaxSchema.optional(),
});

/**
 * A footnote (GFM `[^1]: …`): its `label` (what `footnoteReference` inline nodes point at) and
 * its content as blocks (paragraphs, lists, code), where the file defines it (usually at the
 * end).
 */
export const footnoteBlockSchema = z.strictObject({
  type: z.literal('footnote'),
  /** The label as written, e.g. `1` for `[^1]`. */
  label: footnoteLabelSchema,
  /** The footnote's content. */
  get blocks(): z.ZodArray<typeof blockSchema> {
    return z.array(blockSchema);
  },
});

/** One block of an article body: a discriminated union on `type`. */
export const blockSchema = z.discriminatedUnion('type', [
  paragraphBlockSchema,
  headingBlockSchema,
  figureBlockSchema,
  quoteBlockSchema,
  listBlockSchema,
  dividerBlockSchema,
  embedBlockSchema,
  codeBlockSchema,
  tableBlockSchema,
  htmlBlockSchema,
  footnoteBlockSchema,
]);

/** A body block (see {@link blockSchema}). */
export type Block = z.infer<typeof blockSchema>;
/** What {@link blockSchema} accepts. */
export type BlockInput = z.input<typeof blockSchema>;
/** The kinds of body block. */
export type BlockType = Block['type'];
/** A paragraph block. */
export type ParagraphBlock = z.infer<typeof paragraphBlockSchema>;
/** A heading block. */
export type HeadingBlock = z.infer<typeof headingBlockSchema>;
/** A figure block. */
export type FigureBlock = z.infer<typeof figureBlockSchema>;
/** A quote block. */
export type QuoteBlock = z.infer<typeof quoteBlockSchema>;
/** A list block. */
export type ListBlock = z.infer<typeof listBlockSchema>;
/** A divider block. */
export type DividerBlock = z.infer<typeof dividerBlockSchema>;
/** An embed block. */
export type EmbedBlock = z.infer<typeof embedBlockSchema>;
/** A code block. */
export type CodeBlock = z.infer<typeof codeBlockSchema>;
/** A table block. */
export type TableBlock = z.infer<typeof tableBlockSchema>;
/** A table cell. */
export type TableCell = z.infer<typeof tableCellSchema>;
/** How a table column is aligned. */
export type TableAlign = z.infer<typeof tableAlignSchema>;
/** A raw HTML block. */
export type HtmlBlock = z.infer<typeof htmlBlockSchema>;
/** A footnote block: its `label` and its content `blocks`. */
export type FootnoteBlock = z.infer<typeof footnoteBlockSchema>;
/** The template syntax of an `html` block. */
export type HtmlSyntax = z.infer<typeof htmlSyntaxSchema>;

/** A headed part of the body: an optional heading and the blocks under it. */
export interface BodySection {
  /** The heading that opens this part; absent for the blocks before the first heading. */
  heading?: HeadingBlock;
  /** The blocks of this part, heading excluded. */
  blocks: Block[];
}

/**
 * Split a body into its headed parts. Sections are derived from the blocks, never stored
 * twice: every `heading` block starts a new part; blocks before the first heading form a
 * part without a heading (left out when there are none).
 *
 * @example
 * toBodySections([
 *   { type: 'paragraph', text: 'Lead.' },
 *   { type: 'heading', level: 2, text: 'What happens next' },
 *   { type: 'paragraph', text: 'More.' },
 * ])
 * //=> [{ blocks: [lead] }, { heading: {…}, blocks: [more] }]
 */
export function toBodySections(body: readonly Block[]): BodySection[] {
  const sections: BodySection[] = [];
  let current: BodySection = { blocks: [] };
  for (const block of body) {
    if (block.type === 'heading') {
      if (current.heading || current.blocks.length > 0) sections.push(current);
      current = { heading: block, blocks: [] };
    } else {
      current.blocks.push(block);
    }
  }
  if (current.heading || current.blocks.length > 0) sections.push(current);
  return sections;
}
