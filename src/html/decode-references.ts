import {
  characterReferenceAt,
  decodeReferences,
  namedReferences,
} from '../schema/decode-character-references.js';
import { characterReferenceRest } from './character-reference-rest.js';

let allNames: Map<string, string> | undefined;

/**
 * Every HTML named character reference: nutgraf's table (src/schema) and the rest of the HTML
 * standard's list, read on first use.
 */
function htmlNames(): ReadonlyMap<string, string> {
  if (allNames) return allNames;
  allNames = new Map(namedReferences());
  let codePoint = 0;
  for (const entry of characterReferenceRest.split(',')) {
    const [head = '', ...more] = entry.split('.');
    const colon = head.indexOf(':');
    if (colon !== -1) codePoint += Number.parseInt(head.slice(colon + 1), 36);
    let value = String.fromCodePoint(codePoint);
    for (const code of more) value += String.fromCodePoint(Number.parseInt(code, 36));
    allNames.set(colon === -1 ? head : head.slice(0, colon), value);
  }
  return allNames;
}

/**
 * A text of a page (`text`) or an attribute value (`attribute`) with its character references
 * decoded as the HTML tokenizer decodes them: every name of the standard, numbers and legacy
 * names without `;` as each place allows.
 *
 * @example
 * decodeHtmlReferences('&copy2026 &Bopf;', 'text') //=> '©2026 𝔹'
 * decodeHtmlReferences('?a=1&copy=2', 'attribute') //=> '?a=1&copy=2'
 */
export function decodeHtmlReferences(text: string, mode: 'text' | 'attribute'): string {
  return decodeReferences(text, mode, htmlNames());
}

/**
 * The content of a `<title>` or `<textarea>` (`name`, lower case) with its references decoded as
 * htmlparser2's tokenizer decodes them while it looks for the end tag: an `&` right after a
 * part of `</name` (`<`, `</`, `</ti`…) starts no reference there.
 */
export function decodeRcdata(text: string, name: string): string {
  if (!text.includes('&')) return text;
  const sequence = `</${name}`;
  const names = htmlNames();
  let matched = 0;
  let result = '';
  let copied = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (matched === sequence.length) matched = 0;
    if ((code | 0x20) === sequence.charCodeAt(matched)) matched++;
    else if (matched !== 0) matched = code === 0x3c ? 1 : 0;
    else if (code === 0x26) {
      const reference = characterReferenceAt(text, at, 'text', names);
      if (reference) {
        result += text.slice(copied, at) + reference.value;
        copied = reference.end;
        at = reference.end - 1;
      }
    }
  }
  return copied === 0 ? text : result + text.slice(copied);
}
