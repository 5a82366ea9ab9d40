import { z } from 'zod';
import { imageShape } from './caption.js';
import { type Inline, inlineSchema, inlineToString } from './inline.js';
import { absoluteUrlSchema, nonEmptyStringSchema } from './primitives.js';

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
  .check((context) => {
    const { content, text } = context.value;
    if (content && inlineToString(content as Inline[]) !== text) {
      context.issues.push({
        code: 'custom',
        input: context.value,
        path: ['content'],
        message: 'Paragraph `content` does not spell out its `text`: they must hold the same words',
      });
    }
  });

/** A heading inside the body: the start of a headed part (level 2–6; level 1 is the headline). */
export const headingBlockSchema = z.strictObject({
  type: z.literal('heading'),
  /** 2 to 6, as in HTML `<h2>`–`<h6>`. */
  level: z.int().min(2).max(6),
  /** The heading text. */
  text: nonEmptyStringSchema,
});

/** A figure: an image with its caption and credit. The URL may be unknown. */
export const figureBlockSchema = z.strictObject({
  type: z.literal('figure'),
  ...imageShape,
});

/** A block quote or pull quote, with its citation when given. */
export const quoteBlockSchema = z.strictObject({
  type: z.literal('quote'),
  /** The quoted text. */
  text: z.string(),
  /** Who said or wrote it, e.g. `Ana Ruiz, harbour master`. */
  citation: nonEmptyStringSchema.optional(),
});

/** A list, ordered or not. */
export const listBlockSchema = z.strictObject({
  type: z.literal('list'),
  /** Numbered (`true`) or bulleted (`false`). */
  ordered: z.boolean(),
  /** The items' text, in order. */
  items: z.array(z.string()),
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
});

/** A block of code or preformatted text. */
export const codeBlockSchema = z.strictObject({
  type: z.literal('code'),
  /** The code, verbatim. */
  text: z.string(),
  /** Its language, e.g. `ruby`, when given. */
  language: z.string().optional(),
});

/** A table: rows of cell text, the first row being the header. */
export const tableBlockSchema = z.strictObject({
  type: z.literal('table'),
  /** Rows of cells; `rows[0]` is the header row. */
  rows: z.array(z.array(z.string())).min(1),
});

/** Raw HTML kept as is (from Markdown sources). Treat as untrusted. */
export const htmlBlockSchema = z.strictObject({
  type: z.literal('html'),
  /** The HTML source, verbatim. */
  html: z.string(),
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
/** A raw HTML block. */
export type HtmlBlock = z.infer<typeof htmlBlockSchema>;

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
