import { z } from 'zod';
import { isScriptUrl } from './checks.js';

/** Plain text inside a paragraph. */
export interface TextInline {
  type: 'text';
  value: string;
}
/** Inline code, e.g. `` `npm ci` ``. */
export interface CodeInline {
  type: 'code';
  value: string;
}
/** A line break inside a paragraph (a hard break in Markdown). Its text is `\n`. */
export interface BreakInline {
  type: 'break';
}
/** Emphasized (`*x*`), strong (`**x**`) or struck-through (`~~x~~`) text. */
export interface MarkInline {
  type: 'emphasis' | 'strong' | 'delete';
  children: Inline[];
}
/**
 * A link. `url` may be relative: Markdown sites link within themselves. It may not run script
 * (`javascript:`, `vbscript:`, `data:`).
 */
export interface LinkInline {
  type: 'link';
  url: string;
  title?: string | undefined;
  children: Inline[];
}

/**
 * A reference to a footnote (GFM `[^1]`), whose text is a `footnote` block of the body with the
 * same `label`. It adds nothing to the plain text.
 */
export interface FootnoteReferenceInline {
  type: 'footnoteReference';
  /** The footnote's label as written, e.g. `1` for `[^1]`. */
  label: string;
}

/** Inline content of a paragraph: text with links and emphasis, kept so Markdown round-trips. */
export type Inline =
  | TextInline
  | CodeInline
  | BreakInline
  | MarkInline
  | LinkInline
  | FootnoteReferenceInline;

/** A footnote label as GFM reads one (`1` in `[^1]`): 1 to 999 characters, no white space. */
export const footnoteLabelSchema = z.string().regex(/^\S{1,999}$/, {
  message: 'Expected a footnote label of 1 to 999 characters without white space, e.g. `1`',
});

/** A link's URL: any URL (relative ones too) that runs no script when followed. */
export const linkUrlSchema = z
  .string()
  .min(1)
  .refine((url) => !isScriptUrl(url), {
    message:
      'Expected a link URL that runs no script, not a `javascript:`, `vbscript:` or `data:` URL',
  });

export const inlineSchema: z.ZodType<Inline, Inline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('text'), value: z.string() }),
    z.strictObject({ type: z.literal('code'), value: z.string() }),
    z.strictObject({ type: z.literal('break') }),
    z.strictObject({
      type: z.enum(['emphasis', 'strong', 'delete']),
      children: z.array(inlineSchema),
    }),
    z.strictObject({
      type: z.literal('link'),
      url: linkUrlSchema,
      title: z.string().optional(),
      children: z.array(inlineSchema),
    }),
    z.strictObject({ type: z.literal('footnoteReference'), label: footnoteLabelSchema }),
  ]),
);

/**
 * The plain text of inline content: what a paragraph's `text` must equal.
 *
 * @example
 * inlineToString([{ type: 'text', value: 'See ' }, { type: 'link', url: 'https://example.com', children: [{ type: 'text', value: 'this' }] }])
 * //=> 'See this'
 */
export function inlineToString(content: readonly Inline[]): string {
  let result = '';
  for (const node of content) {
    if (node.type === 'text' || node.type === 'code') result += node.value;
    else if (node.type === 'break') result += '\n';
    else if (node.type !== 'footnoteReference') result += inlineToString(node.children);
  }
  return result;
}
