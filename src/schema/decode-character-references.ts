import { characterReferenceTable } from './character-reference-table.js';

/** Options for {@link decodeCharacterReferences}. */
export interface DecodeCharacterReferencesOptions {
  /**
   * `attribute` decodes as the HTML tokenizer does in an attribute value: numeric references
   * with or without their `;`, named ones with their `;`, and the legacy names HTML 4 allowed
   * without it (`&amp`, `&copy`) unless a letter, digit or `=` follows. `strict` decodes only
   * references ended by `;`. Default: `strict`.
   */
  mode?: 'attribute' | 'strict';
}

/** Named references HTML parsers decode without a `;` (the HTML 4 Latin-1 set and four more). */
const legacyNames = new Set(
  (
    'AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT ' +
    'Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN ' +
    'Uacute Ucirc Ugrave Uuml Yacute aacute acirc acute aelig agrave amp aring atilde auml brvbar ' +
    'ccedil cedil cent copy curren deg divide eacute ecirc egrave eth euml frac12 frac14 frac34 gt ' +
    'iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp not ntilde oacute ocirc ' +
    'ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 sup3 ' +
    'szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml'
  ).split(' '),
);

/** What numeric references to U+0080–U+009F stand for (windows-1252, as the HTML spec says). */
const c1Replacements = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

let names: Map<string, string> | undefined;

/** The named references, read from the generated table on first use. */
export function namedReferences(): Map<string, string> {
  if (names) return names;
  names = new Map();
  for (const entry of characterReferenceTable.split(',')) {
    const colon = entry.indexOf(':');
    names.set(
      entry.slice(0, colon),
      String.fromCodePoint(Number.parseInt(entry.slice(colon + 1), 36)),
    );
  }
  return names;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
function isHexDigit(code: number): boolean {
  const lower = code | 0x20;
  return isDigit(code) || (lower >= 0x61 && lower <= 0x66);
}
function isAlphanumeric(code: number): boolean {
  const lower = code | 0x20;
  return isDigit(code) || (lower >= 0x61 && lower <= 0x7a);
}

/** The character a numeric reference stands for, as the HTML spec maps it. */
function numericCharacter(value: number): string {
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\uFFFD';
  if (value >= 0x80 && value <= 0x9f)
    return String.fromCodePoint(c1Replacements[value - 0x80] ?? value);
  return String.fromCodePoint(value);
}

/**
 * How references are read: `strict`, only those ended by `;`; `attribute`, as the HTML tokenizer
 * does in an attribute value (numbers without `;`, legacy names without `;` unless a letter,
 * digit or `=` follows); `text`, as it does in text (numbers and the longest legacy name
 * without `;` whatever follows: `&copy2026` is `©2026`, `&notit;` is `¬it;`).
 */
export type ReferenceMode = 'strict' | 'attribute' | 'text';

/** The longest name of the legacy set {@link legacyNames}. */
const longestLegacyName = 6;

/**
 * The character reference that starts at `at` (an `&`): the text it stands for and where it
 * ends, or `undefined` when the `&` starts none. `named` maps names to their text (by default
 * the table {@link decodeCharacterReferences} documents). See {@link ReferenceMode}.
 */
export function characterReferenceAt(
  text: string,
  at: number,
  mode: ReferenceMode = 'strict',
  named: ReadonlyMap<string, string> = namedReferences(),
): { value: string; end: number } | undefined {
  const length = text.length;
  let index = at + 1;
  if (text.charCodeAt(index) === 0x23) {
    index++;
    const hex = (text.charCodeAt(index) | 0x20) === 0x78;
    if (hex) index++;
    const digitsStart = index;
    let value = 0;
    while (index < length && (hex ? isHexDigit : isDigit)(text.charCodeAt(index))) {
      // Past U+10FFFF the value only needs to stay past it.
      if (value <= 0x10ffff) {
        value = value * (hex ? 16 : 10) + Number.parseInt(text[index] as string, 16);
      }
      index++;
    }
    const closed = text.charCodeAt(index) === 0x3b;
    if (index === digitsStart || !(closed || mode !== 'strict')) return undefined;
    return { value: numericCharacter(value), end: closed ? index + 1 : index };
  }
  while (index < length && isAlphanumeric(text.charCodeAt(index))) index++;
  if (text.charCodeAt(index) === 0x3b) {
    const value = named.get(text.slice(at + 1, index));
    if (value !== undefined) return { value, end: index + 1 };
  }
  if (mode === 'strict') return undefined;
  // The longest legacy name the letters start with; in an attribute, only when no letter,
  // digit or `=` follows it.
  for (let end = Math.min(index, at + 1 + longestLegacyName); end > at + 2; end--) {
    const name = text.slice(at + 1, end);
    if (!legacyNames.has(name)) continue;
    if (mode === 'attribute' && (end < index || text[end] === '=')) return undefined;
    const value = named.get(name);
    return value === undefined ? undefined : { value, end };
  }
  return undefined;
}

/**
 * `text` with its character references decoded as `mode` reads them (see
 * {@link characterReferenceAt}). One linear pass.
 */
export function decodeReferences(
  text: string,
  mode: ReferenceMode,
  named: ReadonlyMap<string, string> = namedReferences(),
): string {
  let ampersand = text.indexOf('&');
  if (ampersand === -1) return text;
  let result = '';
  let copied = 0;
  while (ampersand !== -1) {
    const reference = characterReferenceAt(text, ampersand, mode, named);
    if (reference) {
      result += text.slice(copied, ampersand) + reference.value;
      copied = reference.end;
    }
    ampersand = text.indexOf('&', reference ? reference.end : ampersand + 1);
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/**
 * Decode the HTML character references of a text: `&#8217;`, `&#x2019;`, `&rsquo;`. Named
 * references are decoded for HTML 4's 252 names (Latin-1, Greek, punctuation, symbols: what
 * pages use) and every HTML5 name of an ASCII character (`&colon;`, `&Tab;`, `&NewLine;`,
 * `&apos;`: all a URL scheme can be spelled with); rarer HTML5 names are left as written. Numeric
 * references follow the HTML spec (`&#0;`, surrogates and values past U+10FFFF give U+FFFD;
 * `&#150;` is the windows-1252 `–`). One linear pass.
 *
 * @example
 * decodeCharacterReferences('Don&#8217;t &amp; won&rsquo;t') //=> 'Don’t & won’t'
 * decodeCharacterReferences('AT&T &copy 2026') //=> 'AT&T &copy 2026'
 * decodeCharacterReferences('&copy 2026', { mode: 'attribute' }) //=> '© 2026'
 */
export function decodeCharacterReferences(
  text: string,
  options: Readonly<DecodeCharacterReferencesOptions> = {},
): string {
  return decodeReferences(text, options.mode === 'attribute' ? 'attribute' : 'strict');
}

/**
 * A text that was HTML-encoded before it was stored as plain text, decoded: when every `&`
 * in it starts a character reference ended by `;` (an encoder encodes every `&`), the
 * references are decoded; otherwise (`AT&T &amp; co`, no reference at all) the text is
 * returned as it is.
 *
 * @example
 * decodeEncodedText('Don&#8217;t &amp; won&rsquo;t') //=> 'Don’t & won’t'
 * decodeEncodedText('AT&T &amp; co') //=> 'AT&T &amp; co'
 */
export function decodeEncodedText(text: string): string {
  let ampersand = text.indexOf('&');
  if (ampersand === -1) return text;
  let result = '';
  let copied = 0;
  while (ampersand !== -1) {
    const reference = characterReferenceAt(text, ampersand);
    if (!reference) return text;
    result += text.slice(copied, ampersand) + reference.value;
    copied = reference.end;
    ampersand = text.indexOf('&', copied);
  }
  return result + text.slice(copied);
}
