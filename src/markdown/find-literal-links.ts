/**
 * GFM literal links (autolink literals) in the text of one mdast text node: `https://…`,
 * `http://…`, `www.…`, `mailto:…`, `xmpp:…` and bare e-mail addresses.
 *
 * remark-gfm finds them in two steps, and so does this module, on the text of each text node:
 *
 * 1. GFM's extended autolink rules, as micromark-extension-gfm-autolink-literal's tokenizer
 *    reads them: the character before (`www.` after white space, `(`, `*`, `_`, `[`, `]`, `~`;
 *    `http://` after anything but a letter; an address after anything but `/` and its own
 *    characters), the domain (no `_` in its last two labels), the path up to white space or
 *    `<`, trailing punctuation (`?`, `!`, `.`, `,`, `:`, `*`, `_`, `~`, `'`, `"`, `;`, `]`,
 *    unmatched `)`, `&name;`) left out, `(…)` kept.
 * 2. Then mdast-util-gfm-autolink-literal's text pass over the text left between those links:
 *    four passes (URLs and `www.`, then `xmpp:`, then `mailto:`, then addresses), each over
 *    the text the passes before left, a candidate the checks turn down letting the search go
 *    on one character further.
 *
 * Both are linear here. The tokenizer walks back to an unclosed `[` at every word (`[` and
 * 100,000 words took minutes) and re-reads runs of trailing punctuation from each of their
 * characters; the text pass's regular expressions rescan a run at every turned-down candidate
 * (`https://-.` repeated). Here each run is read once and what is known of it (its end, its
 * last two domain labels, whether trailing punctuation ends the link from a character on) is
 * kept while the search moves through it.
 */

import {
  findExtendedAutolinks,
  isAsciiAlpha,
  isAsciiAlphanumeric,
  isAtext,
  isPunctuation,
  isWhiteSpace,
  type LiteralLink,
} from './find-extended-autolinks.js';

export type { LiteralLink } from './find-extended-autolinks.js';

/** `http://`, `https://` or `www.`, any case: where a URL may start. */
const urlStart = /https?:\/\/|www\./gi;

/** `[\w-]`: a character of a domain label. */
function isLabel(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 0x5f || code === 0x2d;
}

/** `[\w\-.]`: a character of a domain. */
function isDomain(code: number): boolean {
  return isLabel(code) || code === 0x2e;
}

/** `[\t\n\r ]`: what ends the path of a URL. */
function endsPath(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Characters cut off the end of a URL (then given back while they close an open `(`). */
function isTrailing(code: number): boolean {
  switch (code) {
    case 0x21: // !
    case 0x22: // "
    case 0x26: // &
    case 0x27: // '
    case 0x29: // )
    case 0x2c: // ,
    case 0x2e: // .
    case 0x3a: // :
    case 0x3b: // ;
    case 0x3c: // <
    case 0x3e: // >
    case 0x3f: // ?
    case 0x5d: // ]
    case 0x7d: // }
      return true;
    default:
      return false;
  }
}

/** Whether the character before `index` lets a URL start there (start, white space, punctuation). */
function urlMayFollow(text: string, index: number): boolean {
  if (index === 0) return true;
  const previous = text.charCodeAt(index - 1);
  return isWhiteSpace(previous) || isPunctuation(previous);
}

/** Whether a domain label is acceptable as one of the last two: empty, or no `_` and a letter or digit. */
function isFinalLabel(text: string, from: number, to: number): boolean {
  let alphanumeric = from === to;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5f) return false;
    if (isAsciiAlphanumeric(code)) alphanumeric = true;
  }
  return alphanumeric;
}

/** The end of a URL at `[from, to)` once trailing punctuation is cut (and closing `)` given back). */
function urlEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && isTrailing(text.charCodeAt(end - 1))) end--;
  if (end === to) return to;
  let open = 0;
  let close = 0;
  for (let index = from; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x28) open++;
    else if (code === 0x29) close++;
  }
  // Give back trailing text up to each `)` that closes an open `(`.
  let at = end;
  while (open > close) {
    while (at < to && text.charCodeAt(at) !== 0x29) at++;
    if (at === to) break;
    end = ++at;
    close++;
  }
  return end;
}

/** URLs (`https://…`, `http://…`) and `www.…` links in `text`. */
function findUrls(text: string, offset: number, into: LiteralLink[]): void {
  // What is known of the domain run (`[\w\-.]+`) the last candidate's domain ended in: its
  // end, its last two dots, whether its last label is acceptable and whether the label before
  // is (from the second-last dot). Candidates only move right, so it stays good for them.
  let runEnd = -1;
  let lastDot = -1;
  let secondDot = -1;
  let lastLabelOk = false;
  let secondLabelOk = false;
  // The end of the path (the next white space) of the last candidate.
  let pathEnd = -1;
  let cursor = 0;
  for (;;) {
    urlStart.lastIndex = cursor;
    const found = urlStart.exec(text);
    if (!found) return;
    const start = found.index;
    cursor = start + 1;
    // `(?<![\da-z])` (case-insensitive), then findUrl's own check of the character before.
    if (start > 0 && isAsciiAlphanumeric(text.charCodeAt(start - 1))) continue;
    const www = found[0].length === 4;
    const domainStart = www ? start : start + found[0].length;
    // `[\w-]*\.`: a `www.` has its dot; after a protocol, a label then a dot.
    let dot = www ? start + 3 : domainStart;
    if (!www) {
      while (dot < text.length && isLabel(text.charCodeAt(dot))) dot++;
      if (text.charCodeAt(dot) !== 0x2e) continue;
    }
    if (!urlMayFollow(text, start)) continue;
    // A domain may not start with punctuation (`-`, `_`, `.`).
    if (isPunctuation(text.charCodeAt(domainStart))) continue;
    if (dot >= runEnd) {
      runEnd = dot;
      while (runEnd < text.length && isDomain(text.charCodeAt(runEnd))) runEnd++;
      // Both found looking back, never before this domain's start (the dot is in it).
      lastDot = runEnd - 1;
      while (text.charCodeAt(lastDot) !== 0x2e) lastDot--;
      secondDot = lastDot - 1;
      while (secondDot >= domainStart && text.charCodeAt(secondDot) !== 0x2e) secondDot--;
      if (secondDot < domainStart) secondDot = -1;
      lastLabelOk = isFinalLabel(text, lastDot + 1, runEnd);
      secondLabelOk = secondDot === -1 || isFinalLabel(text, secondDot + 1, lastDot);
    }
    // The last two labels: no `_`, and a letter or digit in each (when not empty).
    if (!lastLabelOk) continue;
    if (secondDot >= domainStart ? !secondLabelOk : !isFinalLabel(text, domainStart, lastDot)) {
      continue;
    }
    if (pathEnd < runEnd) {
      pathEnd = runEnd;
      while (pathEnd < text.length && !endsPath(text.charCodeAt(pathEnd))) pathEnd++;
    }
    const end = urlEnd(text, domainStart, pathEnd);
    const value = text.slice(start, end);
    into.push({ start: offset + start, end: offset + end, url: www ? `http://${value}` : value });
    cursor = pathEnd;
  }
}

/**
 * The end of a domain (`[\w-]+(?:\.[\w-]+)+`) that starts at `from`, or -1 when there is none.
 * It fails (-1) when it ends in a digit, `-` or `_`, as GFM's address rules want.
 */
function domainEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isLabel(text.charCodeAt(end))) end++;
  if (end === from) return -1;
  let dots = 0;
  while (text.charCodeAt(end) === 0x2e && isLabel(text.charCodeAt(end + 1))) {
    end += 2;
    while (end < text.length && isLabel(text.charCodeAt(end))) end++;
    dots++;
  }
  if (dots === 0) return -1;
  const last = text.charCodeAt(end - 1);
  return (last >= 0x30 && last <= 0x39) || last === 0x2d || last === 0x5f ? -1 : end;
}

/** The end of a run of `[\w+\-.]` from `from`. */
function atextEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isAtext(text.charCodeAt(end))) end++;
  return end;
}

/** `xmpp:` addresses (with a `/resource` path) in `text`. */
function findXmpp(text: string, offset: number, into: LiteralLink[]): void {
  findPrefixed(text, offset, into, 'xmpp:');
}

/** `mailto:` addresses in `text`. */
function findMailto(text: string, offset: number, into: LiteralLink[]): void {
  findPrefixed(text, offset, into, 'mailto:');
}

function findPrefixed(
  text: string,
  offset: number,
  into: LiteralLink[],
  prefix: 'mailto:' | 'xmpp:',
): void {
  let cursor = 0;
  for (;;) {
    const start = text.indexOf(prefix, cursor);
    if (start === -1) return;
    cursor = start + 1;
    // `(?<![\w+\-.@])`
    const before = text.charCodeAt(start - 1);
    if (start > 0 && (isAtext(before) || before === 0x40)) continue;
    const local = start + prefix.length;
    const at = atextEnd(text, local);
    if (at === local || text.charCodeAt(at) !== 0x40) continue;
    let end = domainEnd(text, at + 1);
    if (end === -1) continue;
    if (prefix === 'xmpp:' && text.charCodeAt(end) === 0x2f) {
      // `/(?:[\w\-/]|\.(?=[\dA-Za-z]))*`: it must end in a letter and not run into an `@`.
      let resource = end + 1;
      for (;;) {
        const code = text.charCodeAt(resource);
        if (isLabel(code) || code === 0x2f) resource++;
        else if (code === 0x2e && isAsciiAlphanumeric(text.charCodeAt(resource + 1))) resource++;
        else break;
      }
      if (!isAsciiAlpha(text.charCodeAt(resource - 1)) || text.charCodeAt(resource) === 0x40) {
        continue;
      }
      end = resource;
    }
    const value = text.slice(start, end);
    into.push({ start: offset + start, end: offset + end, url: value });
    cursor = end;
  }
}

/** Whether `mailto:` or `xmpp:` (itself at the start or after a non-alphanumeric, non-`@`) ends at `index`. */
function followsScheme(text: string, index: number): boolean {
  for (const scheme of ['mailto:', 'xmpp:']) {
    const from = index - scheme.length;
    if (from < 0 || !text.startsWith(scheme, from)) continue;
    const before = text.charCodeAt(from - 1);
    if (from === 0 || !(isAsciiAlphanumeric(before) || before === 0x40)) return true;
  }
  return false;
}

/** Bare e-mail addresses (`desk@example.com`) in `text`. */
function findEmails(text: string, offset: number, into: LiteralLink[]): void {
  let cursor = 0;
  for (;;) {
    const at = text.indexOf('@', cursor);
    if (at === -1) return;
    // The local part: the run of `[\w+\-.]` before the `@`, starting at or after the cursor
    // and not right after another such character (`(?<![\w+\-.])`).
    let start = at;
    while (start > cursor && isAtext(text.charCodeAt(start - 1))) start--;
    cursor = at + 1;
    if (start === at || (start > 0 && isAtext(text.charCodeAt(start - 1)))) continue;
    if (followsScheme(text, start)) continue;
    const end = domainEnd(text, at + 1);
    if (end === -1) continue;
    const value = text.slice(start, end);
    into.push({ start: offset + start, end: offset + end, url: `mailto:${value}` });
    cursor = end;
  }
}

/** The fewest characters in which a pass of {@link textPasses} finds a link (`www.`). */
const MIN_FOUND = 4;

/**
 * mdast-util-gfm-autolink-literal's text pass, in its order, each with what a text must hold
 * for it to find anything (a text without it is not split into pieces for that pass).
 */
const textPasses: ReadonlyArray<{
  find: (text: string, offset: number, into: LiteralLink[]) => void;
  mayFind: (text: string) => boolean;
}> = [
  { find: findUrls, mayFind: (text) => /https?:\/\/|www\./i.test(text) },
  { find: findXmpp, mayFind: (text) => text.includes('xmpp:') },
  { find: findMailto, mayFind: (text) => text.includes('mailto:') },
  { find: findEmails, mayFind: (text) => text.includes('@') },
];

/**
 * The links mdast-util-gfm-autolink-literal's text pass adds to `links` (links already found
 * in `value`, in order): each of its four passes looks only at the text between the links
 * found before, each piece on its own (its first character has nothing before it), as the
 * text nodes they would be. Linear in the length of the text.
 */
export function textPassLinks(value: string, links: readonly LiteralLink[]): LiteralLink[] {
  let found = links as LiteralLink[];
  const more: LiteralLink[] = [];
  for (const { find: pass, mayFind } of textPasses) {
    if (!mayFind(value)) continue;
    // The links of this pass, made only once it finds one (until then: `found`).
    let next: LiteralLink[] | undefined;
    const take = (index: number): void => {
      if (more.length === 0) return;
      next ??= found.slice(0, index);
      for (const link of more) next.push(link);
      more.length = 0;
    };
    let from = 0;
    for (let index = 0; index < found.length; index++) {
      const link = found[index] as LiteralLink;
      // No pass finds anything in fewer than four characters (`www.`; `a@b.c`, `xmpp:`):
      // the `. ` between 100,000s of links is not cut out and searched.
      if (link.start - from >= MIN_FOUND) {
        pass(value.slice(from, link.start), from, more);
        take(index);
      }
      next?.push(link);
      from = link.end;
    }
    if (from < value.length) {
      pass(from === 0 ? value : value.slice(from), from, more);
      take(found.length);
    }
    if (next) found = next;
  }
  return found;
}

/**
 * The GFM literal links in the text of a text node, in order, as remark-gfm finds them in
 * text (see the top of this module). Linear in the length of the text.
 *
 * @example
 * findLiteralLinks('See www.example.com.')
 * //=> [{ start: 4, end: 19, url: 'http://www.example.com' }]
 */
export function findLiteralLinks(value: string): LiteralLink[] {
  const links: LiteralLink[] = [];
  findExtendedAutolinks(value, 0, links);
  return textPassLinks(value, links);
}
