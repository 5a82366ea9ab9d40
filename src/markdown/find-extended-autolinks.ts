/**
 * GFM's extended autolinks (`www.…`, `http://…`, `https://…`, bare e-mail addresses) in a
 * text, by the rules of micromark-extension-gfm-autolink-literal's tokenizer, read from the
 * text of a text node instead of the Markdown source (see `findLiteralLinks`), in linear time.
 */

/** A link found in a text: `text.slice(start, end)` is its text, `url` where it goes. */
export interface LiteralLink {
  /** Offset in the text where the link starts. */
  start: number;
  /** Offset in the text where the link ends (exclusive). */
  end: number;
  /** The link's URL: its text, with `http://` before `www.` and `mailto:` before an address. */
  url: string;
}

/** Unicode punctuation and symbols (micromark's `unicodePunctuation`). */
const punctuation = /\p{P}|\p{S}/u;
/** White space as JavaScript's `\s` has it (micromark's `unicodeWhitespace`). */
const whiteSpace = /\s/;

export function isAsciiAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isAsciiAlphanumeric(code: number): boolean {
  return isAsciiAlpha(code) || (code >= 0x30 && code <= 0x39);
}

/** Unicode punctuation or a symbol (one UTF-16 code unit, as micromark reads it). */
export function isPunctuation(code: number): boolean {
  return code < 0x80
    ? (code >= 0x21 && code <= 0x2f) ||
        (code >= 0x3a && code <= 0x40) ||
        (code >= 0x5b && code <= 0x60) ||
        (code >= 0x7b && code <= 0x7e)
    : punctuation.test(String.fromCharCode(code));
}

/** Unicode white space (one UTF-16 code unit); `NaN` (past the end) is not. */
export function isWhiteSpace(code: number): boolean {
  return code < 0x80
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : whiteSpace.test(String.fromCharCode(code));
}

/** `[+\-.\w]`: a character of an address's local part (micromark's `gfmAtext`). */
export function isAtext(code: number): boolean {
  return (
    isAsciiAlphanumeric(code) || code === 0x2b || code === 0x2d || code === 0x2e || code === 0x5f
  );
}

/** Whether a `www.` may start after `code`: start, space, tab, line ending, `(`, `*`, `_`, `[`, `]`, `~`. */
function wwwMayFollow(code: number): boolean {
  switch (code) {
    case 0x09:
    case 0x0a:
    case 0x0d:
    case 0x20:
    case 0x28: // (
    case 0x2a: // *
    case 0x5b: // [
    case 0x5d: // ]
    case 0x5f: // _
    case 0x7e: // ~
      return true;
    default:
      return Number.isNaN(code);
  }
}

/** Trailing punctuation that may end a link (`&` and `]` have their own rules). */
function isTrailing(code: number): boolean {
  switch (code) {
    case 0x21: // !
    case 0x22: // "
    case 0x27: // '
    case 0x29: // )
    case 0x2a: // *
    case 0x2c: // ,
    case 0x2e: // .
    case 0x3a: // :
    case 0x3b: // ;
    case 0x3f: // ?
    case 0x5f: // _
    case 0x7e: // ~
      return true;
    default:
      return false;
  }
}

/** Characters at which a path checks whether trailing punctuation ends it. */
function mayEndPath(code: number): boolean {
  return isTrailing(code) || code === 0x26 || code === 0x3c || code === 0x5d;
}

/**
 * The reader of one text. `trailing` remembers, for each position where trailing punctuation
 * was checked, whether it ends the link there (1) or not (2): a run of punctuation is read
 * once, not once from each of its characters.
 */
class ExtendedAutolinks {
  private readonly text: string;
  private trailing: Uint8Array | undefined;
  /**
   * The positions {@link endsAt} read before it knows its answer, reused from call to call (a
   * fresh array a call was most of what finding the links of a long text allocated).
   */
  private readonly seen: number[] = [];
  // The last domain read: where it started and stopped, its last two dots, and whether `_`
  // comes after the last dot and between the two. A later `www.` inside it stops at the same
  // place, so it is not read again.
  private domainFrom = -1;
  private domainStop = -1;
  private lastDot = -1;
  private secondDot = -1;
  private underscoreLast = false;
  private underscoreBetween = false;

  constructor(text: string) {
    this.text = text;
  }

  private code(index: number): number {
    return this.text.charCodeAt(index);
  }

  /** Whether trailing punctuation from `index` on ends a link at `index` (micromark's `trail`). */
  private endsAt(index: number): boolean {
    this.trailing ??= new Uint8Array(this.text.length);
    const memo = this.trailing;
    const seen = this.seen;
    let count = 0;
    let at = index;
    let result: boolean;
    for (;;) {
      const known = memo[at];
      if (known) {
        result = known === 1;
        break;
      }
      seen[count++] = at;
      const code = this.code(at);
      if (isTrailing(code)) {
        at++;
        continue;
      }
      if (code === 0x26) {
        // `&name;`, letters only.
        let end = at + 1;
        while (isAsciiAlpha(this.code(end))) end++;
        if (end === at + 1 || this.code(end) !== 0x3b) {
          result = false;
          break;
        }
        at = end + 1;
        continue;
      }
      if (code === 0x5d) {
        const next = this.code(at + 1);
        if (Number.isNaN(next) || next === 0x28 || next === 0x5b || isWhiteSpace(next)) {
          result = true;
          break;
        }
        at++;
        continue;
      }
      result = code === 0x3c || Number.isNaN(code) || isWhiteSpace(code);
      break;
    }
    for (let seenIndex = 0; seenIndex < count; seenIndex++) {
      const position = seen[seenIndex] as number;
      if (position < memo.length) memo[position] = result ? 1 : 2;
    }
    return result;
  }

  /**
   * Where a domain starting at `from` stops, or -1 when it has `_` in one of its last two
   * labels (micromark's `domain`; its first character is known not to be punctuation).
   */
  private domainEnd(from: number): number {
    if (from < this.domainFrom || from >= this.domainStop) this.readDomain(from);
    // Labels of this domain: those after `from`.
    const { lastDot, secondDot } = this;
    if (lastDot < from) return this.hasUnderscore(from, this.domainStop) ? -1 : this.domainStop;
    if (this.underscoreLast) return -1;
    const between = secondDot >= from ? this.underscoreBetween : this.hasUnderscore(from, lastDot);
    return between ? -1 : this.domainStop;
  }

  private hasUnderscore(from: number, to: number): boolean {
    for (let index = from; index < to; index++) if (this.code(index) === 0x5f) return true;
    return false;
  }

  /** Read the domain from `from` to where it stops, keeping its last two dots. */
  private readDomain(from: number): void {
    let at = from;
    let lastDot = -1;
    let secondDot = -1;
    for (; ; at++) {
      const code = this.code(at);
      if (code === 0x2e || code === 0x5f) {
        if (this.endsAt(at)) break;
        if (code === 0x2e) {
          secondDot = lastDot;
          lastDot = at;
        }
        continue;
      }
      if (Number.isNaN(code) || isWhiteSpace(code) || (code !== 0x2d && isPunctuation(code))) break;
    }
    this.domainFrom = from;
    this.domainStop = at;
    this.lastDot = lastDot;
    this.secondDot = secondDot;
    this.underscoreLast = lastDot !== -1 && this.hasUnderscore(lastDot + 1, at);
    this.underscoreBetween = secondDot !== -1 && this.hasUnderscore(secondDot + 1, lastDot);
  }

  /** Where the path from `from` ends (micromark's `path`): white space, or trailing punctuation. */
  private pathEnd(from: number): number {
    let open = 0;
    let close = 0;
    for (let at = from; ; at++) {
      const code = this.code(at);
      if (code === 0x28) open++;
      else if (code === 0x29 && close < open) close++;
      else if (mayEndPath(code)) {
        if (this.endsAt(at)) return at;
        if (code === 0x29) close++;
      } else if (Number.isNaN(code) || isWhiteSpace(code)) return at;
    }
  }

  /** An address starting at `from`: where it ends, or -1. */
  private email(from: number): number {
    let at = from;
    while (isAtext(this.code(at))) at++;
    if (this.code(at) !== 0x40) return -1;
    let label = false;
    let dot = false;
    for (at++; ; at++) {
      const code = this.code(at);
      if (code === 0x2e) {
        if (!isAsciiAlphanumeric(this.code(at + 1))) break;
        dot = true;
      } else if (code === 0x2d || code === 0x5f || isAsciiAlphanumeric(code)) label = true;
      else break;
    }
    return label && dot && isAsciiAlpha(this.code(at - 1)) ? at : -1;
  }

  /** A `http://` or `https://` link starting at `from`: where it ends, or -1. */
  private protocol(from: number): number {
    let at = from;
    while (at - from < 5 && isAsciiAlpha(this.code(at))) at++;
    if (this.code(at) !== 0x3a) return -1;
    const scheme = this.text.slice(from, at).toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return -1;
    if (this.code(at + 1) !== 0x2f || this.code(at + 2) !== 0x2f) return -1;
    const domain = at + 3;
    const first = this.code(domain);
    if (Number.isNaN(first) || first < 0x20 || first === 0x7f) return -1;
    if (isWhiteSpace(first) || isPunctuation(first)) return -1;
    const end = this.domainEnd(domain);
    return end === -1 ? -1 : this.pathEnd(end);
  }

  /** A `www.` link starting at `from`: where it ends, or -1. */
  private www(from: number): number {
    for (let index = from; index < from + 3; index++) {
      const code = this.code(index);
      if (code !== 0x77 && code !== 0x57) return -1;
    }
    if (this.code(from + 3) !== 0x2e || from + 4 >= this.text.length) return -1;
    const end = this.domainEnd(from);
    return end === -1 ? -1 : this.pathEnd(end);
  }

  /** The links, in order, with `offset` added to their places. */
  find(offset: number, into: LiteralLink[]): void {
    const { text } = this;
    for (let at = 0; at < text.length; ) {
      const code = this.code(at);
      if (!isAtext(code)) {
        at++;
        continue;
      }
      const previous = this.code(at - 1); // NaN at the start
      let end = -1;
      let url = '';
      if (previous !== 0x2f && !isAtext(previous)) {
        end = this.email(at);
        url = 'mailto:';
      }
      if (end === -1 && (code === 0x68 || code === 0x48) && !isAsciiAlpha(previous)) {
        end = this.protocol(at);
        url = '';
      }
      if (end === -1 && (code === 0x77 || code === 0x57) && wwwMayFollow(previous)) {
        end = this.www(at);
        url = 'http://';
      }
      if (end === -1) {
        at++;
        continue;
      }
      into.push({ start: offset + at, end: offset + end, url: url + text.slice(at, end) });
      at = end;
    }
  }
}

/** Whether a text may hold an extended autolink: an `@`, a `://` or a `www.`. */
const mayHoldAutolink = /[@:]|www\./i;

/**
 * The extended autolinks of GFM in `text` (as micromark-extension-gfm-autolink-literal reads
 * them, but in the text of a text node), pushed onto `into` in order with `offset` added to
 * their places. Linear in the length of the text.
 *
 * @example
 * const links = []
 * findExtendedAutolinks('Go to www.example.com/a_(b).', 0, links)
 * links //=> [{ start: 6, end: 27, url: 'http://www.example.com/a_(b)' }]
 */
export function findExtendedAutolinks(text: string, offset: number, into: LiteralLink[]): void {
  if (!mayHoldAutolink.test(text)) return;
  new ExtendedAutolinks(text).find(offset, into);
}
