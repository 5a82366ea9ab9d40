import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { Nodes, Paragraph, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/index.js';
import { mdastToString } from '../../src/markdown/mdast-to-inline.js';
import { parseTree } from '../../src/markdown/parse-tree.js';
import { isScriptUrl } from '../../src/schema/checks.js';
import { type Article, type Position, type SourceMap, sourceOf } from '../../src/schema/index.js';

/** The shared development corpus, when present (it is not part of the repository). */
const corpus = new URL('../../../shared/corpus/markdown/', import.meta.url);
const sites = existsSync(corpus)
  ? readdirSync(corpus).filter((site) => existsSync(new URL(`${site}/articles/`, corpus)))
  : [];

type Kind = 'link' | 'emphasis' | 'strong';
type Counts = Record<Kind, number>;

const kindOf = (node: Nodes): Kind | undefined =>
  node.type === 'link' || node.type === 'linkReference'
    ? 'link'
    : node.type === 'emphasis' || node.type === 'strong'
      ? node.type
      : undefined;

const samePlace = (node: Nodes, place: Position | undefined): boolean =>
  place !== undefined && node.position?.start.offset === place.start.offset;

/** An image shortcode (`{{< img src="…" >}}`), which becomes a figure. */
const imageShortcode = /\{\{[<%]\s*[\w-]+[^}]*\bsrc=[^}]*[>%]\}\}/g;

/**
 * The links, emphasis and strong text of the tree parseMarkdown reads, except where the
 * article keeps no inline content by design: the `#` heading that became the headline (or
 * repeats it), the paragraph read as the byline or the dateline, a figure's caption line
 * (`*Caption*` under an image) or `[caption]` shortcode, a quote's citation (`— **Name**`), formatting with no text
 * (around an image alone), URLs inside an image shortcode or another template tag kept
 * verbatim (`{% include … %}`, `{{< tweet … >}}`), links with no URL or a script URL
 * (reported).
 */
function expected(tree: Root, source: string, article: Article, sources: SourceMap): Counts {
  const counts: Counts = { link: 0, emphasis: 0, strong: 0 };
  const headline = article.headline.replace(/\s+/g, ' ').trim().toLowerCase();
  let headlineSeen = false;
  const skipped = new Set<Nodes>();
  tree.children.forEach((node, index) => {
    if (node.type === 'heading' && node.depth === 1 && !headlineSeen) {
      headlineSeen = true;
      if (mdastToString(node).replace(/\s+/g, ' ').trim().toLowerCase() === headline) {
        skipped.add(node);
      }
    }
    // A WordPress `[caption]…[/caption]` gives a figure's caption: its text is the caption's,
    // only a link around its image is kept.
    if (node.type === 'paragraph' && /\[caption\b/.test(mdastToString(node))) {
      for (const child of node.children) if (kindOf(child) !== 'link') skipped.add(child);
    }
    if (
      samePlace(node, sourceOf(sources, 'byline')) ||
      samePlace(node, sourceOf(sources, 'dateline'))
    ) {
      skipped.add(node);
    }
    // An emphasized line under an image is its caption.
    const previous = tree.children[index - 1];
    if (node.type === 'paragraph' && previous?.type === 'paragraph' && isImageOnly(previous)) {
      const parts = significant(node);
      if (parts.length === 1 && parts[0]?.type === 'emphasis') skipped.add(parts[0]);
    }
    if (node.type === 'paragraph') {
      const parts = significant(node);
      if (parts.length === 2 && parts[1]?.type === 'emphasis' && isImageOnly(node, 2)) {
        skipped.add(parts[1]);
      }
    }
  });
  // A quote's citation (`— **Name**`) is text: formatting inside a quote that it holds.
  const citations = article.body.flatMap((block) =>
    block.type === 'quote' && block.citation ? [block.citation] : [],
  );
  // Where image shortcodes are in the file: a URL inside one (which GFM reads as a link) is
  // the figure's, not a link of the text.
  const shortcodes = [...source.matchAll(imageShortcode)].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
  // Template tags kept verbatim (an `html` block with a `syntax`, an `embed` with its
  // `source`): a URL inside one is the tag's.
  const stackBlocks: Array<[unknown, Array<string | number>]> = [[article.body, ['body']]];
  for (let item = stackBlocks.pop(); item !== undefined; item = stackBlocks.pop()) {
    const [value, path] = item;
    if (Array.isArray(value)) {
      value.forEach((child, index) => {
        stackBlocks.push([child, [...path, index]]);
      });
    } else if (value && typeof value === 'object') {
      const block = value as Record<string, unknown>;
      if ((block.type === 'html' && block.syntax) || (block.type === 'embed' && block.source)) {
        const place = sourceOf(sources, path);
        if (place) shortcodes.push([place.start.offset ?? 0, place.end.offset ?? 0]);
      }
      for (const [key, child] of Object.entries(block)) {
        if (typeof child === 'object') stackBlocks.push([child, [...path, key]]);
      }
    }
  }
  const inShortcode = (node: Nodes): boolean => {
    const start = node.position?.start.offset;
    return (
      start !== undefined && shortcodes.some(([from = 0, to = 0]) => start >= from && start < to)
    );
  };
  const stack: Array<[Nodes, boolean]> = [[tree, false]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, inQuote] = item;
    if (skipped.has(node) || inShortcode(node)) continue;
    const kind = kindOf(node);
    const text = mdastToString(node).replace(imageShortcode, '').trim();
    if (kind && inQuote && citations.some((citation) => citation.includes(text))) continue;
    const url = node.type === 'link' ? node.url : undefined;
    const kept =
      kind === 'link'
        ? url !== '' && !(url && isScriptUrl(url))
        : kind !== undefined && text !== '';
    if (kind && kept) counts[kind]++;
    if ('children' in node) {
      for (const child of node.children) {
        stack.push([child as Nodes, inQuote || node.type === 'blockquote']);
      }
    }
  }
  return counts;
}

function significant(paragraph: Paragraph): Nodes[] {
  return paragraph.children.filter(
    (child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'break',
  );
}

/** Whether a paragraph of `count` significant parts starts with one image (maybe linked). */
function isImageOnly(paragraph: Paragraph, count = 1): boolean {
  const parts = significant(paragraph);
  if (parts.length !== count) return false;
  const first = parts[0];
  const inner =
    first && (first.type === 'link' || first.type === 'linkReference')
      ? first.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
      : [first];
  return inner.length === 1 && (inner[0]?.type === 'image' || inner[0]?.type === 'imageReference');
}

/** The links (figures' too), emphasis and strong text anywhere in the article body. */
function found(article: Article): Counts {
  const counts: Counts = { link: 0, emphasis: 0, strong: 0 };
  const stack: unknown[] = [article.body];
  for (let value = stack.pop(); value !== undefined; value = stack.pop()) {
    if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') {
      const node = value as Record<string, unknown>;
      if (
        (node.type === 'link' || node.type === 'emphasis' || node.type === 'strong') &&
        'children' in node
      ) {
        counts[node.type]++;
      }
      if (node.type === 'figure' && typeof node.link === 'string') counts.link++;
      stack.push(...Object.values(node));
    }
  }
  return counts;
}

describe.skipIf(sites.length === 0)('links and emphasis over the Markdown corpus', () => {
  for (const site of sites) {
    it(`${site}: no file loses a link, emphasis or strong text remark-parse sees`, () => {
      const folder = new URL(`${site}/articles/`, corpus);
      const losses: string[] = [];
      let total = 0;
      for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
        const text = readFileSync(new URL(name, folder), 'utf8');
        const { article, sources } = parseMarkdown(text);
        if (!article) continue;
        const want = expected(parseTree(text), text, article, sources);
        const have = found(article);
        for (const kind of ['link', 'emphasis', 'strong'] as const) {
          total += want[kind];
          if (have[kind] < want[kind]) losses.push(`${name}: ${kind} ${have[kind]}/${want[kind]}`);
        }
      }
      expect(total).toBeGreaterThan(0);
      expect(losses).toEqual([]);
    }, 300_000);
  }
});
