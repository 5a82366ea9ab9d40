import type { Block, ListItem } from '../schema/block.js';

const ideograph = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const letterOrDigit = /[\p{L}\p{N}]/u;
const whiteSpace = /\s/u;

/**
 * What each ASCII character is to the word count, by code: `0` space (tab to CR, space),
 * `1` letter or digit, `2` anything else.
 */
const asciiKinds =
  '2222222220000022222222222222222202222222222222221111111111222222' +
  '2111111111111111111111111112222221111111111111111111111111122222';

/** What a character is to the word count: 0 space, 1 letter or digit, 2 other, 3 ideograph, 4 ideographic symbol. */
function nonAsciiKind(text: string, index: number): number {
  const character = String.fromCodePoint(text.codePointAt(index) ?? 0);
  if (whiteSpace.test(character)) return 0;
  const letter = letterOrDigit.test(character);
  // A Han or kana symbol that is not a letter (a radical, an iteration mark) ends a word.
  if (ideograph.test(character)) return letter ? 3 : 4;
  return letter ? 1 : 2;
}

/**
 * The number of words in a text: runs of non-space characters that hold a letter or a digit
 * (so a lone `—` or `•` is not a word), each Chinese or Japanese character counting as one.
 * One pass over the characters; ASCII is looked up in a table, without a regex.
 *
 * @example
 * countWords('The port board voted — 7 to 2.') //=> 7
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  let hasLetter = false;
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    let kind: number;
    if (code < 0x80) {
      kind = asciiKinds.charCodeAt(code) - 0x30;
    } else {
      kind = nonAsciiKind(text, index);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) index++;
      }
    }
    if (kind === 1) {
      inWord = true;
      hasLetter = true;
    } else if (kind === 2) {
      inWord = true;
    } else {
      if (inWord && hasLetter) count++;
      inWord = false;
      hasLetter = false;
      if (kind === 3) count++;
    }
  }
  if (inWord && hasLetter) count++;
  return count;
}

/**
 * The reading text of each body block, in order: paragraphs, headings, quotes, list items
 * (each item's text, then the blocks nested under it, as deep as they go) and table rows
 * (cells apart by a space). Figures (captions and credits), code, raw HTML, embeds and dividers
 * are not part of the article's text. Walked without recursion: lists may nest deeply.
 *
 * @example
 * bodyTexts([{ type: 'paragraph', text: 'Lead.' }, { type: 'divider' }]) //=> ['Lead.']
 */
export function bodyTexts(body: readonly Block[]): string[] {
  const texts: string[] = [];
  const add = (text: unknown) => {
    if (typeof text === 'string' && text.trim() !== '') texts.push(text);
  };
  // The open lists of blocks (or items) and the next index in each: nested lists are walked
  // in place, never copied onto a stack, so a body of a million blocks makes no array but
  // `texts`.
  const lists: Array<readonly unknown[]> = [body];
  const next: number[] = [0];
  while (lists.length > 0) {
    const top = lists.length - 1;
    const list = lists[top] as readonly unknown[];
    const index = next[top] as number;
    if (index >= list.length) {
      lists.pop();
      next.pop();
      continue;
    }
    next[top] = index + 1;
    const node = list[index] as Block | ListItem;
    // Not validated here: skip what is not an object rather than throw.
    if (typeof node !== 'object' || node === null) continue;
    if (!('type' in node)) {
      add(node.text);
      if (Array.isArray(node.blocks)) {
        lists.push(node.blocks);
        next.push(0);
      }
      continue;
    }
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
        add(node.text);
        break;
      case 'list':
      case 'footnote': {
        const nested = node.type === 'list' ? node.items : node.blocks;
        if (Array.isArray(nested)) {
          lists.push(nested);
          next.push(0);
        }
        break;
      }
      case 'table':
        for (const row of node.rows ?? []) add(row.map((cell) => cell?.text ?? '').join(' '));
        if (typeof node.caption === 'string') add(node.caption);
        break;
      default:
        break;
    }
  }
  return texts;
}
