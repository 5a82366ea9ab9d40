import type { Caption, Credit, CreditFlag } from '../schema/caption.js';
import { agencyNameUnchecked } from './agencies.js';
import { toNameCaseUnchecked } from './name-case.js';

/** Words that label a credit: `Photo: AP`, `Photograph: Name/Reuters`, `Photo by …`, `Credit Name/…`. */
const labelSource =
  '(?:Photo(?:graph)?s?|Image|Images|Illustration|Illustrations|Graphic|Composite|Picture|Pictures|Video|Credit|Credits|Foto|Fotos|Bild|Source|Image\\s+source|Photo\\s+credit|Image\\s+credit)';
/** A label with a colon or `by`, anywhere; filtered in {@link findLabel}. */
const labelPattern = new RegExp(`(${labelSource})(\\s*:\\s*|\\s+by\\s+)`, 'giu');
/** `Credit` with no colon, before a capital (`Credit Lena Moritz/…`, the doubled `CreditCredit…`). */
const bareCreditLabel = /(Credit|CREDIT)(?=\s*\p{Lu})/gu;
/** A label at the start of a credit, `©` included; stripped by {@link parseCredit}. */
const leadingLabel = new RegExp(
  `^(?:${labelSource}(?:\\s*:\\s*|\\s+by\\s+)|(?:Credit|CREDIT)\\s*(?=\\p{Lu})|©\\s*|\\(c\\)\\s+|photos?\\s+(?=\\p{Lu}))`,
  'iu',
);
/** `AP Photo/Name`, `AFP Photo / Name`, `Reuters Photo`. */
const agencyPhoto = /^(\p{Lu}[\p{L}.&' -]{0,40}?)\s+(?:Photos?|PHOTOS?)(?:\s*\/\s*(.+))?$/u;
const flagPatterns: ReadonlyArray<readonly [RegExp, CreditFlag]> = [
  [/(?:^|[\s,/(])file(?:\s+photo)?(?=$|[\s,/)])/iu, 'file'],
  [/(?:^|[\s,/(])pool(?:\s+photo)?(?=$|[\s,/)])/iu, 'pool'],
  [/(?:^|[\s,/(])handout(?:\s+photo)?(?=$|[\s,/)])/iu, 'handout'],
];
const flagWords =
  /(?:, ?| ?\/ ?| |^)(?:file photo|pool photo|handout photo|file|pool|handout)(?=$|[\s,/)])/giu;
const captionToggle = /\s(?:hide|toggle|show)\s+caption$/iu;
const viaPattern = /^(.{0,120}?)\s?\bvia\s(.{1,80})$/iu;
const forPattern = /^(.{1,60}?)\sfor\s(.{1,80})$/iu;
const courtesyPattern = /^courtesy(?:\s+of)?\s+(.+)$/iu;
/** Where a chain of credit parts splits: `Name/AFP/Getty Images`, `Name | Getty Images`, `AFP - Getty`. */
const chainSeparator = /\s?[/|／]\s?|\s[-–—]\s/u;
const personName =
  /^\p{Lu}[\p{L}\p{M}.'’-]*(?: (?:\p{Lu}[\p{L}\p{M}.'’-]*|de|da|di|van|von|der|den|la|le|du|dos|del|y|bin|al|el))*$/u;
/** A photographer's handle printed as the creator: `nikkytok`. */
const handle = /^[\p{Ll}\d_.]{3,30}$/u;
/** Prose, not a credit: `?`, `!`, quotes, or a full stop after a word (`arrive. Lena`, not `J. Scott`). */
const sentencePunctuation = /[!?;:"“”]|\.\s+\p{Ll}|[\p{Ll}\d]{2}\.(?:\s|\p{Lu})/u;
/** Last words of picture agencies and archives (`… Images`, `… Pictures`, `Creatas RF`). */
const providerTails = new Set(
  'images photos pictures press news media archive archives agency wire stock rf collection library museum foundation times post herald ledger courier journal tribune gazette review daily magazine contributor studio'.split(
    ' ',
  ),
);
/** The most characters a credit has; longer text is not a credit. */
const maxCreditLength = 200;

/** Removes characters matching `pattern` (one character) from the end, in linear time. */
function trimEndWhere(text: string, pattern: RegExp): string {
  let end = text.length;
  while (end > 0 && pattern.test(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

function trimStartWhere(text: string, pattern: RegExp): string {
  let start = 0;
  while (start < text.length && pattern.test(text.charAt(start))) start++;
  return text.slice(start);
}

const creditEnd = /[.;,\s]/u;
const chainEdge = /[\s,/|]/u;
const captionEnd = /[\s|—–-]/u;

function providerName(text: string): string {
  const canonical = agencyNameUnchecked(text);
  if (canonical === undefined) return text;
  // Keep `AP` and `Associated Press` as printed rather than expanding or shortening them.
  return /^(?:the\s+)?(?:associated\s+press|ap)$/iu.test(text) ? text : canonical;
}

function isKnownProvider(text: string): boolean {
  if (agencyNameUnchecked(text) !== undefined) return true;
  const lastWord = text.slice(text.lastIndexOf(' ') + 1).toLowerCase();
  return providerTails.has(lastWord) && /^\p{Lu}/u.test(text);
}

function isProvider(text: string): boolean {
  if (isKnownProvider(text)) return true;
  if (/[—–]/u.test(text)) return true;
  return /^\p{Lu}{2,}$/u.test(text) || /^the\s/iu.test(text);
}

function isPerson(text: string): boolean {
  return (
    text.length <= 60 && text.split(' ').length <= 5 && personName.test(text) && !isProvider(text)
  );
}

/** Whether a part of a credit chain can stand in a credit: a name, an outlet or a handle. */
function isChainPart(part: string): boolean {
  if (part === '' || part.length > 60 || part.split(' ').length > 6) return false;
  return isProvider(part) || isPerson(part) || handle.test(part) || /^\p{Lu}/u.test(part);
}

/** Strips labels (repeated ones too: `CreditCredit`), wrapping brackets and a caption toggle. */
function stripLabels(text: string): string {
  let printed = text.trim();
  for (let round = 0; round < 3; round++) {
    const before = printed;
    if (
      (printed.startsWith('(') && printed.endsWith(')')) ||
      (printed.startsWith('[') && printed.endsWith(']'))
    ) {
      printed = printed.slice(1, -1).trim();
    }
    const label = leadingLabel.exec(printed);
    if (label) printed = printed.slice(label[0].length).trim();
    if (printed === before) break;
  }
  const toggle = captionToggle.exec(printed);
  if (toggle) printed = printed.slice(0, toggle.index);
  return trimEndWhere(printed, creditEnd);
}

/** Splits `Name/Agency`, `AGENCY/Name`, `Name/Outlet/Getty Images` into creator and provider. */
function readChain(rest: string, credit: Credit): boolean {
  const separator = chainSeparator.exec(rest);
  if (!separator) return false;
  const first = rest.slice(0, separator.index).trim();
  const afterFirst = rest.slice(separator.index + separator[0].length).trim();
  const lastSeparator = lastMatch(rest, chainSeparator);
  const last = rest.slice(lastSeparator.end).trim();
  const beforeLast = rest.slice(0, lastSeparator.start).trim();
  const firstIsPerson = !isProvider(first) && (isPerson(first) || handle.test(first));
  const lastIsPerson = !isProvider(last) && isPerson(last);
  if (firstIsPerson || (!lastIsPerson && !isProvider(first))) {
    credit.creator = handle.test(first) ? first : toNameCaseUnchecked(first);
    if (afterFirst) credit.provider ??= providerName(afterFirst);
  } else if (lastIsPerson) {
    credit.provider ??= providerName(beforeLast.replace(/\s+photos?$/iu, ''));
    credit.creator = toNameCaseUnchecked(last);
  } else {
    credit.provider ??= providerName(rest);
  }
  return true;
}

/** The last match of a non-global pattern, found by walking matches left to right (linear). */
function lastMatch(text: string, pattern: RegExp): { start: number; end: number } {
  const global = new RegExp(pattern.source, `${pattern.flags}g`);
  let found = { start: 0, end: 0 };
  for (const match of text.matchAll(global))
    found = { start: match.index, end: match.index + match[0].length };
  return found;
}

/**
 * Parses a photo credit as printed, with or without its label: `AP Photo/Lena Moritz, File`,
 * `Lena Moritz/Reuters`, `REUTERS/Lena Moritz`, `Photo by Lena Moritz/Getty Images`,
 * `Lena Moritz for The Daily Ledger`, `Handout via Reuters`, `© Lena Moritz`. `text` is the credit
 * without its label; `creator` is the person, `provider` the agency or outlet, `flags` the
 * file/pool/handout qualifiers. Returns `undefined` when there is no credit text (empty, only a
 * label, or longer than a credit can be).
 *
 * @example
 * parseCredit('AP Photo/Lena Moritz, File')
 * //=> { text: 'AP Photo/Lena Moritz, File', creator: 'Lena Moritz', provider: 'AP', flags: ['file'] }
 * parseCredit('Photograph: Lena Moritz/Reuters')
 * //=> { text: 'Lena Moritz/Reuters', creator: 'Lena Moritz', provider: 'Reuters' }
 */
export function parseCredit(text: string): Credit | undefined {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  return parseCreditUnchecked(text);
}

/** {@link parseCredit} without its argument check, for callers whose arguments are typed (the checks' messages stay out of `nutgraf/text`). */
export function parseCreditUnchecked(text: string): Credit | undefined {
  if (text.length > maxCreditLength * 5) return undefined;
  const printed = stripLabels(text);
  if (printed === '' || printed.length > maxCreditLength) return undefined;
  const credit: Credit = { text: printed };
  const flags: CreditFlag[] = [];
  for (const [pattern, flag] of flagPatterns) if (pattern.test(printed)) flags.push(flag);
  if (flags.length > 0) credit.flags = flags;
  let rest = trimEndWhere(trimStartWhere(printed.replace(flagWords, ''), chainEdge), chainEdge);
  if (rest === '') return credit;

  const via = viaPattern.exec(rest);
  if (via?.[2]) {
    credit.provider = providerName(via[2].trim());
    rest = trimEndWhere((via[1] ?? '').trim(), chainEdge);
  }
  const courtesy = courtesyPattern.exec(rest);
  if (courtesy?.[1]) {
    credit.provider ??= courtesy[1].trim();
    return credit;
  }
  const photo = agencyPhoto.exec(rest);
  if (photo?.[1] && isProvider(photo[1])) {
    credit.provider ??= providerName(photo[1]);
    if (photo[2]?.trim()) credit.creator = toNameCaseUnchecked(photo[2].trim());
    return credit;
  }
  if (readChain(rest, credit)) return credit;
  const forMatch = forPattern.exec(rest);
  if (forMatch?.[1] && forMatch[2] && isPerson(forMatch[1].trim())) {
    credit.creator = toNameCaseUnchecked(forMatch[1].trim());
    credit.provider ??= providerName(forMatch[2].trim());
    return credit;
  }
  if (rest === '') return credit;
  if (isProvider(rest) || !isPerson(rest)) credit.provider ??= providerName(rest);
  else credit.creator = toNameCaseUnchecked(rest);
  return credit;
}

/**
 * Whether `text` (a whole line, or the end of a caption) is a credit with no label:
 * `Lena Moritz/Reuters`, `REUTERS/Lena Moritz`, `Name/AFP/Getty Images`, `Name | Getty Images`,
 * `Getty Images`, `Handout via REUTERS`.
 */
function isCreditText(text: string): boolean {
  if (text === '' || text.length > 150 || sentencePunctuation.test(text)) return false;
  let rest = text.replace(captionToggle, '').replace(flagWords, '');
  rest = trimEndWhere(trimStartWhere(rest, chainEdge), creditEnd);
  if (rest === '') return false;
  const via = viaPattern.exec(rest);
  if (via?.[2])
    return (
      isKnownProvider(via[2].trim()) &&
      (via[1] === '' || isChainPart(trimEndWhere(via[1] ?? '', chainEdge)))
    );
  const photo = agencyPhoto.exec(rest);
  if (photo?.[1] && agencyNameUnchecked(photo[1]) !== undefined)
    return photo[2] === undefined || isChainPart(photo[2].trim());
  const parts = rest.split(chainSeparator).map((part) => part.trim());
  if (parts.length === 1) return isKnownProvider(rest) && rest.split(' ').length <= 5;
  return parts.some(isKnownProvider) && parts.every(isChainPart);
}

/** Whether the text inside a trailing parenthesis or bracket is a credit rather than part of the caption. */
function isCreditParenthesis(printed: string): boolean {
  if (printed === '' || printed.length > maxCreditLength) return false;
  if (leadingLabel.test(printed)) return true;
  const inner = trimEndWhere(trimStartWhere(printed.replace(flagWords, ''), chainEdge), chainEdge);
  if (inner === '') return true; // only flags: `(File)`
  if (agencyPhoto.test(inner) || agencyNameUnchecked(inner) !== undefined) return true;
  if (/\b(?:via|courtesy)\b/iu.test(inner) && /\p{Lu}/u.test(inner))
    return isCreditText(inner) || /courtesy/iu.test(inner);
  const slash = inner.indexOf('/');
  if (slash > 0)
    return isProvider(inner.slice(0, slash).trim()) || isProvider(inner.slice(slash + 1).trim());
  return /(?:\s|^)(?:Images|Photos|Pictures)$/u.test(inner);
}

/** The start of the last credit-like label (`Photo:`, `Credit`, `©`) near the end, or -1. */
function findLabel(text: string): number {
  let labelAt = -1;
  const from = Math.max(0, text.length - maxCreditLength - 40);
  const window = text.slice(from);
  for (const pattern of [labelPattern, bareCreditLabel]) {
    // (An `exec` loop: `matchAll` would copy the pattern on every call.)
    pattern.lastIndex = 0;
    for (let match = pattern.exec(window); match; match = pattern.exec(window)) {
      const label = match[1] ?? '';
      const before = window.charAt(match.index - 1) || text.charAt(from - 1);
      const index = from + match.index;
      // A lower-case label inside prose (`a photo by the river`) or inside a word is not a credit.
      if (
        /^\p{Ll}/u.test(label) &&
        (index > 0 ? !match[0].includes(':') || /\p{L}/u.test(before) : false)
      )
        continue;
      if (/[\p{Lu}\d]/u.test(before)) continue;
      if (label.startsWith('C') && labelAt >= 0 && index === labelAt + 6) continue; // `CreditCredit`
      if (index > labelAt && (labelAt < 0 || index > labelAt + 6)) labelAt = index;
    }
  }
  const copyright = text.lastIndexOf('©');
  if (copyright >= 0 && copyright > labelAt && text.length - copyright <= maxCreditLength)
    labelAt = copyright;
  return labelAt;
}

/** Where the last sentences of a caption start, within the last {@link maxCreditLength} characters. */
function sentenceStarts(text: string): number[] {
  const from = Math.max(0, text.length - maxCreditLength);
  const starts: number[] = [];
  for (let index = from; index < text.length - 1; index++) {
    const char = text.charAt(index);
    if (
      char !== '.' &&
      char !== '!' &&
      char !== '?' &&
      char !== '”' &&
      char !== '"' &&
      char !== ')'
    )
      continue;
    let next = index + 1;
    while (
      next < text.length &&
      (text.charAt(next) === ' ' || text.charAt(next) === '"' || text.charAt(next) === '”')
    )
      next++;
    // A capital after the stop (`Thursday.Anthony Wallace / AFP`), not an initial (`T.C. Sottek`).
    if (
      /\p{Lu}/u.test(text.charAt(next)) &&
      !/(?:^|[\s.])\p{Lu}$/u.test(text.slice(Math.max(0, index - 2), index))
    ) {
      starts.push(next);
    }
  }
  return starts;
}

function captionWithout(text: string, start: number, credit: Credit | undefined): Caption {
  const captionText = trimEndWhere(text.slice(0, start), captionEnd).trim();
  return credit ? { text: captionText, credit } : { text: captionText };
}

/**
 * Splits a photo caption into its text and its credit: `Leaders meet in Lisbon. (AP Photo/Lena Moritz)`
 * → text `Leaders meet in Lisbon.` and a credit with creator `Lena Moritz` and provider `AP`.
 * Credits are read in a trailing parenthesis or bracket (`(Photo: AP)`, `(AP Photo/Lena Moritz, File)`,
 * `(Photo by Lena Moritz/Getty Images)`, `[Photo: …]`), after a label (`Photo: Getty Images`,
 * `Photograph: Lena Moritz/Reuters`, `Credit: Lena Moritz for The Daily Ledger`,
 * `Illustration by Lena Moritz`, `Credit Lena Moritz/Agence France-Presse — Getty Images`, `© …`), as a
 * trailing wire credit (`… REUTERS/Lena Moritz`, `… Name / AFP - Getty Images`, `… Handout via
 * REUTERS`), or as the whole line (`Lena Moritz/Getty Images`: the caption text is then empty).
 * A caption without a credit is returned as `{ text }` (trimmed).
 *
 * @example
 * parseCaption('Leaders meet in Lisbon. (Photo: AP)')
 * //=> { text: 'Leaders meet in Lisbon.', credit: { text: 'AP', provider: 'AP' } }
 * parseCaption('The harbour at dawn. Photograph: Lena Moritz/Reuters')
 * //=> { text: 'The harbour at dawn.', credit: { text: 'Lena Moritz/Reuters', creator: 'Lena Moritz', provider: 'Reuters' } }
 */
export function parseCaption(text: string): Caption {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  return parseCaptionUnchecked(text);
}

/** {@link parseCaption} without its argument check, for callers whose arguments are typed (the checks' messages stay out of `nutgraf/text`). */
export function parseCaptionUnchecked(text: string): Caption {
  const trimmed = text.trim();
  if (trimmed === '') return { text: '' };

  // 1. A trailing parenthesis or bracket: `… (AP Photo/Lena Moritz)`, `… [Photo: …]`.
  const close = trimmed.charAt(trimmed.length - 1);
  if (close === ')' || close === '）' || close === ']') {
    const open =
      close === ']'
        ? trimmed.lastIndexOf('[')
        : Math.max(trimmed.lastIndexOf('('), trimmed.lastIndexOf('（'));
    if (open >= 0 && trimmed.length - open <= maxCreditLength + 2) {
      const inner = trimmed.slice(open + 1, -1).trim();
      if (isCreditParenthesis(inner)) {
        const credit = parseCreditUnchecked(inner);
        if (credit) return captionWithout(trimmed, open, credit);
      }
    }
  }

  // 2. A label: `… Photo: Getty Images`, `… Credit Lena Moritz/…`, `…treatmentCredit: EPA`.
  const labelAt = findLabel(trimmed);
  if (labelAt >= 0) {
    const credit = parseCreditUnchecked(trimmed.slice(labelAt));
    if (credit) return captionWithout(trimmed, labelAt, credit);
  }

  // 3. The whole line is a credit: `Lena Moritz/Getty Images`, `Getty Images`.
  if (isCreditText(trimmed)) {
    const credit = parseCreditUnchecked(trimmed);
    if (credit) return { text: '', credit };
  }

  // 4. A credit after the last sentence: `… REUTERS/Lena Moritz`, `… Handout via REUTERS`.
  for (const start of sentenceStarts(trimmed)) {
    const tail = trimmed.slice(start);
    if (isCreditText(tail) || courtesyPattern.test(tail)) {
      const credit = parseCreditUnchecked(tail);
      if (credit) return captionWithout(trimmed, start, credit);
    }
  }
  return { text: trimmed };
}
