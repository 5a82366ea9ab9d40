import type { HtmlElement } from './build-tree.js';
import type { Unit } from './segment.js';
import { classAndId } from './tree-text.js';

/**
 * Class and id words that name a deck (standfirst): the summary printed under the headline.
 * A word matches a whole token of the class or id (`article-dek`, `c-standfirst`, `subtitle`).
 */
const deckWords: ReadonlySet<string> = new Set([
  'dek',
  'deck',
  'standfirst',
  'subtitle',
  'subheadline',
  'subhead',
  'summary',
  'description',
  'excerpt',
  'teaser',
  'strapline',
]);

/** The longest text read as a deck, in characters. */
const maxDeck = 320;

/**
 * The shortest heading read as a deck when it follows the headline unit directly (a sentence,
 * not a section title such as `The big picture`), in characters.
 */
const minHeadingDeck = 40;

/**
 * The longest line (byline, date, share links) that may stand between the headline and its
 * deck; a longer block stands there only when the unit model left it out (a paywall notice).
 */
const maxBetween = 200;

/** Lower-case letters and digits, runs of anything else as one space. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether a deck's text is the page's description (or one starts the other, for cut ones). */
export function matchesDescription(text: string, description: string | undefined): boolean {
  if (!description) return false;
  const a = comparable(text);
  const b = comparable(description);
  if (a === '' || b === '') return false;
  return a === b || (b.length >= 40 && a.startsWith(b)) || (a.length >= 40 && b.startsWith(a));
}

/** Sentence ends inside a text (a full stop, ? or ! followed by a space and more text). */
function sentences(text: string): number {
  let count = 1;
  for (let index = 1; index < text.length - 1; index++) {
    const char = text[index]!;
    if ((char === '.' || char === '?' || char === '!') && text[index + 1] === ' ') count++;
  }
  return count;
}

/** The elements from `element` up to (not including) the first one that also holds `other`. */
function ownChain(element: HtmlElement, other: HtmlElement): HtmlElement[] {
  const chain: HtmlElement[] = [];
  for (let at: HtmlElement | undefined = element; at; at = at.parent) {
    if (at.start <= other.start && at.end >= other.end) break;
    chain.push(at);
  }
  return chain;
}

function namedDeck(chain: readonly HtmlElement[]): boolean {
  for (const element of chain) {
    const words = classAndId(element);
    if (words === '') continue;
    for (const token of words.split(/[^a-z0-9]+/u)) if (deckWords.has(token)) return true;
  }
  return false;
}

/**
 * The deck among the first units of the story: a short unit (one or two sentences) after the
 * headline that the story continues after, set apart from the story's paragraphs by its own
 * element (a heading, or a wrapper or class of its own that names a deck), or whose text is the
 * page's description while its element is not one of the story's paragraphs, or that sits in
 * the headline's own block, or a heading of sentence length under the headline with only short
 * lines, figures and blocks left out of the story between them. Lead figures before it are passed over. Returns the unit's index, or
 * undefined.
 */
export function findDeck(
  units: readonly Unit[],
  kept: readonly number[],
  headlineUnit: number | undefined,
  description: string | undefined,
): number | undefined {
  // The story's first unit of text (past lead figures), and its first paragraph after that.
  let first = 0;
  while (first < kept.length && units[kept[first]!]!.kind === 'figure') first++;
  const index = kept[first];
  if (index === undefined) return undefined;
  const unit = units[index]!;
  if (headlineUnit !== undefined && index < headlineUnit) return undefined;
  let at = first + 1;
  while (at < kept.length && units[kept[at]!]!.kind === 'figure') at++;
  const next = units[kept[at] ?? index]!;
  if (next === unit || next.kind !== 'paragraph') return undefined;
  if (unit.kind !== 'paragraph' && unit.kind !== 'heading') return undefined;
  const text = unit.text;
  if (text.length < 20 || text.length > maxDeck || sentences(text) > 2) return undefined;
  // A sentence set as a heading under the headline (`<h1>` then `<h2>`), with at most short
  // lines (byline, date, share links), figures and blocks the model left out between them (the
  // paragraph after it may be short: a picture credit).
  if (headlineUnit !== undefined && unit.kind === 'heading' && text.length >= minHeadingDeck) {
    let between = headlineUnit + 1;
    let keptAt = 0;
    while (between < index) {
      const other = units[between]!;
      while (keptAt < kept.length && kept[keptAt]! < between) keptAt++;
      // A long block the model left out (a paywall or notice box) is not story text either.
      if (other.kind !== 'figure' && other.text.length > maxBetween && kept[keptAt] === between)
        break;
      between++;
    }
    if (between === index) return index;
  }
  // Past a lead figure, only a heading (above): a paragraph there is most often the lede.
  if (first > 0 || next.text.length < text.length / 2) return undefined;
  const chain = ownChain(unit.element, next.element);
  const apart =
    unit.kind === 'heading' || chain.length > 1 || unit.element.name !== next.element.name;
  if (namedDeck(chain)) return index;
  if (apart && matchesDescription(text, description)) return index;
  if (headlineUnit === undefined) return undefined;
  // A unit in the headline's own block (a wrapper that holds the headline but not the story).
  const headline = units[headlineUnit]!.element;
  if (chain.some((at) => at.start <= headline.start && at.end >= headline.end)) return index;
  return undefined;
}
