import type { Inline } from './inline.js';

// Editing inline content by its plain text's offsets (no zod: the parsers' browser bundles use
// these). A dateline or byline cut from the start of a paragraph, a shortcode cut out of one.

/** Options for {@link trimInline}. */
export interface TrimInlineOptions {
  /** Trim the start. Default: `true`. */
  start?: boolean;
  /** Trim the end. Default: `true`. */
  end?: boolean;
}

/** Trim whitespace at the start and end of inline content (left by dropped HTML or images). */
export function trimInline(content: Inline[], options: Readonly<TrimInlineOptions> = {}): Inline[] {
  for (;;) {
    if (options.start === false) break;
    const first = content[0];
    if (first?.type === 'break') content.shift();
    else if (first?.type === 'text' && first.value.trimStart() !== first.value) {
      const value = first.value.trimStart();
      if (value === '') content.shift();
      else content[0] = { type: 'text', value };
    } else break;
  }
  for (;;) {
    if (options.end === false) break;
    const last = content[content.length - 1];
    if (last?.type === 'break') content.pop();
    else if (last?.type === 'text' && last.value.trimEnd() !== last.value) {
      const value = last.value.trimEnd();
      if (value === '') content.pop();
      else content[content.length - 1] = { type: 'text', value };
    } else break;
  }
  return content;
}

/** Remove the first `count` characters of the plain text of `content` (a dateline, a byline). */
export function dropInlinePrefix(content: readonly Inline[], count: number): Inline[] {
  let remaining = count;
  const result: Inline[] = [];
  for (const node of content) {
    if (remaining <= 0) {
      result.push(node);
      continue;
    }
    if (node.type === 'text' || node.type === 'code') {
      if (node.value.length <= remaining) remaining -= node.value.length;
      else {
        result.push({ ...node, value: node.value.slice(remaining) });
        remaining = 0;
      }
    } else if (node.type === 'break') {
      remaining -= 1;
    } else if (node.type !== 'footnoteReference') {
      const length = inlineLength(node.children);
      if (length <= remaining) remaining -= length;
      else {
        result.push({ ...node, children: dropInlinePrefix(node.children, remaining) });
        remaining = 0;
      }
    }
  }
  return result;
}

/** Keep only the first `count` characters of the plain text of `content`. */
export function takeInlinePrefix(content: readonly Inline[], count: number): Inline[] {
  let remaining = count;
  const result: Inline[] = [];
  for (const node of content) {
    if (remaining <= 0) break;
    if (node.type === 'text' || node.type === 'code') {
      result.push(
        node.value.length <= remaining ? node : { ...node, value: node.value.slice(0, remaining) },
      );
      remaining -= node.value.length;
    } else if (node.type === 'break') {
      result.push(node);
      remaining -= 1;
    } else if (node.type === 'footnoteReference') {
      result.push(node);
    } else {
      const length = inlineLength(node.children);
      result.push(
        length <= remaining
          ? node
          : { ...node, children: takeInlinePrefix(node.children, remaining) },
      );
      remaining -= length;
    }
  }
  return result;
}

/** The length of the plain text of `content` (as `inlineToString` gives it), without building it. */
export function inlineLength(content: readonly Inline[]): number {
  let length = 0;
  for (const node of content) {
    if (node.type === 'text' || node.type === 'code') length += node.value.length;
    else if (node.type === 'break') length += 1;
    else if (node.type !== 'footnoteReference') length += inlineLength(node.children);
  }
  return length;
}

/** Whether inline content is plain text (text and breaks only): then `text` says it all. */
export function isPlainInline(content: readonly Inline[]): boolean {
  return content.every((node) => node.type === 'text' || node.type === 'break');
}
