import { parseDateline } from '../fields/parse-dateline.js';
import type { Block } from '../schema/block.js';
import type { Dateline } from '../schema/dateline.js';
import { dropInlinePrefix, trimInline } from '../schema/inline-edit.js';
import { inlineText } from './to-blocks.js';
import { isPlain } from './to-inline.js';

/** Blocks that may stand before the lead paragraph without ending the search for its dateline. */
const besideLead = new Set<Block['type']>(['figure', 'embed', 'divider']);

/**
 * The dateline opening the story's first paragraph (`PORT ELLEN —`, `LISBON (AP) —`), cut from
 * it as `parseText` and `parseMarkdown` do; `body` is changed in place. Only the first
 * paragraph is read, when no other text stands before it (figures and embeds may), and only
 * when text follows the dateline: a paragraph that is nothing else is left as it is.
 */
export function takeLeadDateline(body: Block[]): { dateline: Dateline; index: number } | undefined {
  const index = body.findIndex((block) => !besideLead.has(block.type));
  const block = body[index];
  if (block?.type !== 'paragraph') return undefined;
  const dateline = parseDateline(block.text);
  if (!dateline) return undefined;
  const cut = block.text.length - block.text.trimStart().length + dateline.text.length;
  if (cut >= block.text.trimEnd().length) return undefined;
  if (block.content) {
    const content = trimInline(dropInlinePrefix(block.content, cut), { end: false });
    const text = inlineText(content);
    body[index] = isPlain(content) ? { type: 'paragraph', text } : { ...block, text, content };
  } else {
    body[index] = { ...block, text: block.text.slice(cut).trimStart() };
  }
  return { dateline, index };
}
