import type { Caption, Credit, CreditFlag } from '../schema/caption.js';
import { agencyName } from './agencies.js';
import { toNameCase } from './name-case.js';

/**
 * Labels that introduce a credit, matched case-insensitively when followed by `:` and, for the
 * `… by` forms, by a space: `Photo: AP`, `Photograph: Lena Moritz/Reuters`, `Photo by …`,
 * `Credit Lena Moritz/…` (a capitalised `Credit` needs no colon).
 */
const labelSource =
  '(?:Photo(?:graph)?s?|Image|Images|Illustration|Illustrations|Graphic|Composite|Picture|Pictures|Video|Credit|Credits|Foto|Fotos|Bild|Source|Photo\\s+credit|Image\\s+credit)';
const labelPattern = new RegExp(
  `(?:^|(?<=[\\s.!?)”"'’|—–-]))(${labelSource})(\\s*:\\s*|\\s+by\\s+)`,
  'giu',
);
const bareCreditLabel = /(?:^|(?<=[\s.!?)”"'’]))(Credit|CREDIT)\s+(?=\p{Lu})/gu;
const leadingLabel = new RegExp(`^${labelSource}(?:\\s*:\\s*|\\s+by\\s+)`, 'iu');
/** `AP Photo/Name`, `AFP Photo / Name`, `Reuters Photo`. */
const agencyPhoto = /^(\p{Lu}[\p{L}.&' -]{0,40}?)\s+(?:Photos?|PHOTOS?)(?:\s*\/\s*(.+))?$/u;
const flagPatterns: ReadonlyArray<readonly [RegExp, CreditFlag]> = [
  [/(?:^|[\s,/(])(?:file(?:\s+photo)?)(?=$|[\s,/)])/iu, 'file'],
  [/(?:^|[\s,/(])pool(?:\s+photo)?(?=$|[\s,/)])/iu, 'pool'],
  [/(?:^|[\s,/(])handout(?:\s+photo)?(?=$|[\s,/)])/iu, 'handout'],
];
const flagWords =
  /(?:,\s*|\s*\/\s*|\s+|^)(?:file\s+photo|pool\s+photo|handout\s+photo|file|pool|handout)(?=$|[\s,/)])/giu;
const viaPattern = /^(.*?)\s*\bvia\s+(.+)$/iu;
const forPattern = /^(.+?)\s+for\s+(.+)$/iu;
const courtesyPattern = /^courtesy(?:\s+of)?\s+(.+)$/iu;
const personName =
  /^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|de|da|di|van|von|der|den|la|le|du|dos|del|y|bin|al|el))*$/u;
/** The most characters a credit has. */
const maxCreditLength = 200;

function providerName(text: string): string {
  const canonical = agencyName(text);
  if (canonical === undefined) return text;
  // Keep the short forms as printed: `AP`, not `The Associated Press`, when `AP` was printed.
  return /^(?:the\s+)?associated\s+press$/iu.test(text) ? text : canonical;
}

function isProvider(text: string): boolean {
  if (agencyName(text) !== undefined) return true;
  const lastWord = text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  if (
    [
      'images',
      'photos',
      'pictures',
      'press',
      'news',
      'media',
      'archive',
      'archives',
      'agency',
      'wire',
      'stock',
    ].includes(lastWord)
  ) {
    return true;
  }
  if (/[—–]/u.test(text)) return true;
  return /^\p{Lu}{2,}$/u.test(text) || /^the\s/iu.test(text);
}

function isPerson(text: string): boolean {
  return (
    text.length <= 60 && text.split(' ').length <= 5 && personName.test(text) && !isProvider(text)
  );
}

function creator(text: string): string {
  return toNameCase(text);
}

/**
 * Parses a photo credit as printed, with or without its label: `AP Photo/Lena Moritz, File`,
 * `Lena Moritz/Reuters`, `REUTERS/Lena Moritz`, `Photo by Lena Moritz/Getty Images`,
 * `Lena Moritz for The Daily Ledger`, `Handout via Reuters`. `text` is the credit without its label;
 * `creator` is the person, `provider` the agency or outlet, `flags` the file/pool/handout qualifiers.
 * Returns `undefined` for a string with no credit in it.
 *
 * @example
 * parseCredit('AP Photo/Lena Moritz, File')
 * //=> { text: 'AP Photo/Lena Moritz, File', creator: 'Lena Moritz', provider: 'AP', flags: ['file'] }
 * parseCredit('Photograph: Lena Moritz/Reuters')
 * //=> { text: 'Lena Moritz/Reuters', creator: 'Lena Moritz', provider: 'Reuters' }
 */
export function parseCredit(text: string): Credit | undefined {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  let printed = text.trim();
  if (printed.startsWith('(') && printed.endsWith(')')) printed = printed.slice(1, -1).trim();
  const label = leadingLabel.exec(printed);
  if (label) printed = printed.slice(label[0].length).trim();
  printed = printed.replace(/[.;,\s]+$/u, '');
  if (printed === '' || printed.length > maxCreditLength * 5) return undefined;
  const credit: Credit = { text: printed };
  const flags: CreditFlag[] = [];
  for (const [pattern, flag] of flagPatterns) if (pattern.test(printed)) flags.push(flag);
  if (flags.length > 0) credit.flags = flags;
  let rest = printed.replace(flagWords, '').replace(/^[\s,/]+|[\s,/]+$/gu, '');
  if (rest === '' || printed.length > maxCreditLength) return credit;

  const via = viaPattern.exec(rest);
  if (via?.[2]) {
    credit.provider = providerName(via[2].trim());
    rest = (via[1] ?? '').trim();
  }
  const courtesy = courtesyPattern.exec(rest);
  if (courtesy?.[1]) {
    credit.provider ??= courtesy[1].trim();
    return credit;
  }
  const photo = agencyPhoto.exec(rest);
  if (photo?.[1] && isProvider(photo[1])) {
    credit.provider ??= providerName(photo[1]);
    if (photo[2]?.trim()) credit.creator = creator(photo[2].trim());
    return credit;
  }
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const left = rest.slice(0, slash).trim();
    const right = rest.slice(slash + 1).trim();
    if (isProvider(left) && !isProvider(right)) {
      credit.provider ??= providerName(left);
      if (right) credit.creator = creator(right);
    } else {
      if (left) credit.creator = creator(left);
      if (right) credit.provider ??= providerName(right);
    }
    return credit;
  }
  const forMatch = forPattern.exec(rest);
  if (forMatch?.[1] && forMatch[2] && isPerson(forMatch[1].trim())) {
    credit.creator = creator(forMatch[1].trim());
    credit.provider ??= providerName(forMatch[2].trim());
    return credit;
  }
  if (rest === '') return credit;
  if (isProvider(rest) || !isPerson(rest)) credit.provider ??= providerName(rest);
  else credit.creator = creator(rest);
  return credit;
}

/** Whether the text inside a trailing parenthesis is a credit rather than part of the caption. */
function isCreditParenthesis(printed: string): boolean {
  if (printed === '' || printed.length > maxCreditLength) return false;
  const inner = printed.replace(flagWords, '').replace(/^[\s,/]+|[\s,/]+$/gu, '');
  if (inner === '') return printed !== inner;
  if (leadingLabel.test(inner)) return true;
  if (agencyPhoto.test(inner)) return true;
  if (agencyName(inner) !== undefined) return true;
  if (/\b(?:via|courtesy)\b/iu.test(inner) && /\p{Lu}/u.test(inner)) return true;
  const slash = inner.indexOf('/');
  if (slash > 0)
    return isProvider(inner.slice(0, slash).trim()) || isProvider(inner.slice(slash + 1).trim());
  return /(?:\s|^)(?:Images|Photos|Pictures)$/u.test(inner);
}

/** A wire credit printed after the caption with no label: `… REUTERS/Lena Moritz`, `… Lena Moritz/Reuters`. */
function trailingWireCredit(text: string): number {
  const slash = text.lastIndexOf('/');
  if (slash <= 0 || text.length - slash > maxCreditLength) return -1;
  const right = text.slice(slash + 1).trim();
  const before = text.slice(Math.max(0, slash - 80), slash);
  const sentence = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('? '),
    before.lastIndexOf('! '),
  );
  const leftStart = sentence >= 0 ? slash - before.length + sentence + 2 : slash - before.length;
  const left = text.slice(leftStart, slash).trim();
  if (left === '' || right === '' || /[.!?]$/u.test(left)) return -1;
  if (!/^\p{Lu}/u.test(left) || !/^\p{Lu}/u.test(right)) return -1;
  const leftAgency = left.replace(/\s+photos?$/iu, '');
  const agencyLeft =
    (/^\p{Lu}{2,}$/u.test(leftAgency) || leftAgency !== left) &&
    agencyName(leftAgency) !== undefined;
  const agencyRight = agencyName(right.replace(/[.\s]+$/u, '')) !== undefined;
  if (!agencyLeft && !agencyRight) return -1;
  if (agencyLeft && !isPerson(right.replace(/[.\s]+$/u, ''))) return -1;
  if (agencyRight && !isPerson(left) && !agencyLeft) return -1;
  return leftStart;
}

/** Where the last sentence of a caption starts (searching the last {@link maxCreditLength} characters). */
function lastSentenceStart(text: string): number {
  const from = Math.max(0, text.length - maxCreditLength);
  let start = from === 0 ? 0 : -1;
  const window = text.slice(from);
  for (const mark of ['. ', '! ', '? ', '." ', '.” ', ') ']) {
    const index = window.lastIndexOf(mark);
    if (index >= 0 && from + index + mark.length > start) start = from + index + mark.length;
  }
  return start;
}

/** `… Handout via REUTERS`, `… Pool photo via AP`, `… Courtesy of the Valley Museum`. */
function trailingViaCredit(text: string): number {
  const start = lastSentenceStart(text);
  if (start <= 0) return -1;
  const tail = text.slice(start);
  if (courtesyPattern.test(tail)) return start;
  const via = /^(?:[\p{L}.'’ -]{1,60}\s)?via\s+([^.!?]{1,80}?)\.?$/u.exec(tail);
  return via?.[1] && isProvider(via[1].trim()) ? start : -1;
}

function captionWithout(text: string, start: number, credit: Credit | undefined): Caption {
  const captionText = text
    .slice(0, start)
    .replace(/[\s|—–-]+$/u, '')
    .trim();
  return credit ? { text: captionText, credit } : { text: captionText };
}

/**
 * Splits a photo caption into its text and its credit: `Leaders meet in Lisbon. (AP Photo/Lena Moritz)`
 * → text `Leaders meet in Lisbon.` and a credit with creator `Lena Moritz` and provider `AP`.
 * Credits are read in a trailing parenthesis (`(Photo: AP)`, `(AP Photo/Lena Moritz, File)`,
 * `(Photo by Lena Moritz/Getty Images)`), after a label (`Photo: Getty Images`,
 * `Photograph: Lena Moritz/Reuters`, `Credit: Lena Moritz for The Daily Ledger`,
 * `Illustration by Lena Moritz`, `Credit Lena Moritz/Agence France-Presse — Getty Images`) or as a
 * trailing wire credit (`REUTERS/Lena Moritz`). A caption without a credit is returned as `{ text }`.
 *
 * @example
 * parseCaption('Leaders meet in Lisbon. (Photo: AP)')
 * //=> { text: 'Leaders meet in Lisbon.', credit: { text: 'AP', provider: 'AP' } }
 * parseCaption('The harbour at dawn. Photograph: Lena Moritz/Reuters')
 * //=> { text: 'The harbour at dawn.', credit: { text: 'Lena Moritz/Reuters', creator: 'Lena Moritz', provider: 'Reuters' } }
 */
export function parseCaption(text: string): Caption {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  const trimmed = text.trim();
  if (trimmed === '') return { text: '' };

  // 1. A trailing parenthesis: `… (AP Photo/Lena Moritz)`.
  if (trimmed.endsWith(')') || trimmed.endsWith('）')) {
    const open = Math.max(trimmed.lastIndexOf('('), trimmed.lastIndexOf('（'));
    if (open >= 0 && trimmed.length - open <= maxCreditLength + 2) {
      const inner = trimmed.slice(open + 1, -1).trim();
      if (isCreditParenthesis(inner)) return captionWithout(trimmed, open, parseCredit(inner));
    }
  }

  // 2. A label: `… Photo: Getty Images`, `… Credit Lena Moritz/…`. The last one wins.
  let labelAt = -1;
  for (const pattern of [labelPattern, bareCreditLabel]) {
    pattern.lastIndex = 0;
    for (const match of trimmed.matchAll(pattern)) {
      const label = match[1] ?? '';
      // A lower-case label mid-sentence (`a photo by the river`) is prose, not a credit.
      if (match.index > 0 && /^\p{Ll}/u.test(label) && !match[0].includes(':')) continue;
      if (trimmed.length - match.index > maxCreditLength + 40) continue;
      if (match.index > labelAt) labelAt = match.index;
    }
  }
  if (labelAt >= 0) {
    const credit = parseCredit(
      trimmed.slice(labelAt).replace(/^(?:Credit|CREDIT)\s+(?!by\b)/u, ''),
    );
    if (credit) return captionWithout(trimmed, labelAt, credit);
  }

  // 3. A bare wire credit at the end: `… REUTERS/Lena Moritz`.
  const wireAt = trailingWireCredit(trimmed);
  if (wireAt >= 0) return captionWithout(trimmed, wireAt, parseCredit(trimmed.slice(wireAt)));

  // 4. `… Handout via REUTERS`, `… Courtesy of the Valley Museum`.
  const viaAt = trailingViaCredit(trimmed);
  if (viaAt >= 0) return captionWithout(trimmed, viaAt, parseCredit(trimmed.slice(viaAt)));

  return { text: trimmed };
}
