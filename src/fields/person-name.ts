import { labelWords, pageWords, titleWords } from './byline-words.js';
import { isParticle } from './name-case.js';
import { isOutlet } from './parse-byline.js';

/** Name suffixes kept with the name. */
const suffix = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
/** A capitalised word of a name: `Ana`, `R.`, `al-Rashid`, `O'Neil`, `McKay`, `Jean-Luc`. */
const nameWord =
  /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.|[\p{L}\p{M}]+-\p{Lu}[\p{L}\p{M}'’-]*|O['’]\p{Lu}[\p{L}]*|Mc\p{Lu}[\p{L}]*)$/u;
/** A short name in Chinese, Japanese or Korean script. */
const cjkName =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・ ]{2,12}$/u;
/** Punctuation that may close a word of a line: `Ana Ruiz,`. */
const closing = /[.,:;]$/;

const keyOf = (word: string): string => word.toLowerCase().replace(closing, '');

/**
 * Whether a line of a page, standing alone, reads as a person's name: two to five capitalised
 * words (name particles and `Jr.` allowed) or a short CJK name, and none of them a word of page
 * chrome, a section label, a job title or an outlet (`Sign In`, `Key Highlights`, `Staff
 * Writer`, `The Daily Ledger`). For page layout, which asks it of every short line; a byline's
 * names are read by {@link parseByline}.
 *
 * @example
 * looksLikePersonName('Ana de la Cruz') //=> true
 * looksLikePersonName('Closing Bell') //=> false
 */
export function looksLikePersonName(text: string): boolean {
  if (text.length > 60 || text.length < 2) return false;
  if (cjkName.test(text)) return true;
  const words = text.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  // `Key Highlights`, `Closing Bell`: a section label or a show name.
  if (words.every((word) => labelWords.has(word.toLowerCase().replaceAll('.', '')))) return false;
  let capitalised = 0;
  for (const word of words) {
    const key = keyOf(word);
    if (pageWords.has(key) || titleWords.has(key)) return false;
    if (nameWord.test(word)) capitalised++;
    else if (!isParticle(word.toLowerCase()) && !suffix.test(word)) return false;
  }
  return capitalised >= 2 && !isOutlet(text);
}
