import type { Block } from '../schema/block.js';

/**
 * A word: one ideograph or kana (Chinese and Japanese are written without spaces), or a run
 * of other non-space characters holding at least one letter or digit. No nested
 * quantifiers: the scan is linear.
 */
const wordPattern =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const letterOrDigit = /[\p{L}\p{N}]/u;

/**
 * The number of words in a text: runs of non-space characters that hold a letter or a digit
 * (so a lone `—` or `•` is not a word), each Chinese or Japanese character counting as one.
 *
 * @example
 * countWords('The port board voted — 7 to 2.') //=> 7
 */
export function countWords(text: string): number {
  let count = 0;
  for (const match of text.matchAll(wordPattern)) {
    if (letterOrDigit.test(match[0])) count++;
  }
  return count;
}

/**
 * The reading text of each body block, in order: paragraphs, headings, quotes, list items
 * and table cells. Figures (captions and credits), code, raw HTML, embeds and dividers are
 * not part of the article's text.
 *
 * @example
 * bodyTexts([{ type: 'paragraph', text: 'Lead.' }, { type: 'divider' }]) //=> ['Lead.']
 */
export function bodyTexts(body: readonly Block[]): string[] {
  const texts: string[] = [];
  for (const block of body) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
      case 'quote':
        texts.push(block.text);
        break;
      case 'list':
        for (const item of block.items) texts.push(item);
        break;
      case 'table':
        for (const row of block.rows) texts.push(row.join(' '));
        break;
      default:
        break;
    }
  }
  return texts.filter((text) => text.trim() !== '');
}
