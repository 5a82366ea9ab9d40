/** Options for {@link parseBreadcrumb}. */
export interface ParseBreadcrumbOptions {
  /**
   * The article's headline. When given, a last crumb equal to it (or to its truncated start, `Leaders
   * meet in…`) is dropped, and a line without separators that starts with `Home` and ends with the
   * headline (`Home World Leaders meet in Lisbon`) is split into the words between them.
   * Default: none.
   */
  headline?: string;
}

/** Separators between crumbs: `>`, `›`, `»`, `/`, `|`, `→`, `::`, `•`, `·`, `\`. */
// `(?<!\s)`: a match starts where white space does, so a run of spaces is scanned once.
const separator = /(?<!\s)\s*(?:>|›|»|\/|\||→|::|•|·|\\)\s*/u;
/** Crumbs that stand for the front page and are never a section. */
const homeCrumbs = new Set(
  'home|homepage|home page|start|startseite|accueil|inicio|início|front page|main|首页|ホーム'.split(
    '|',
  ),
);
/** The longest line read as a breadcrumb trail. */
const maxLineLength = 300;
/** The longest crumb. */
const maxCrumbLength = 60;
const maxCrumbWords = 8;
const letter = /\p{L}/u;
const spaces = /\s+/gu;

function normalise(text: string): string {
  return text.replace(spaces, ' ').trim().toLowerCase();
}

function isCrumb(crumb: string): boolean {
  return (
    crumb.length <= maxCrumbLength &&
    letter.test(crumb) &&
    crumb.split(' ').length <= maxCrumbWords &&
    !/[.!?:;,]$/u.test(crumb)
  );
}

function isHeadline(crumb: string, headline: string | undefined): boolean {
  if (!headline) return false;
  const key = normalise(crumb);
  if (key === headline) return true;
  const stem = key.replace(/(?:…|\.\.\.)$/u, '').trim();
  return stem !== key && stem.length >= 10 && headline.startsWith(stem);
}

/**
 * Splits a breadcrumb line into its trail, without `Home` and without the article's own headline:
 * `Home > World > Europe`, `Home › Sport › Football`, `News / Politics`, `World | Europe`, and
 * `Home World Leaders meet in Lisbon` when the headline is given. Returns `[]` when the line is not a
 * breadcrumb trail (one crumb, a sentence, numbers, an over-long line).
 *
 * @example
 * parseBreadcrumb('Home > World > Europe') //=> ['World', 'Europe']
 * parseBreadcrumb('News / Politics') //=> ['News', 'Politics']
 * parseBreadcrumb('Home World Europe Leaders meet in Lisbon', { headline: 'Leaders meet in Lisbon' })
 * //=> ['World', 'Europe']
 */
export function parseBreadcrumb(
  text: string,
  options?: Readonly<ParseBreadcrumbOptions>,
): string[] {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError('Expected `options` to be an object');
  }
  if (text.length > maxLineLength * 4) return [];
  const line = text.replace(spaces, ' ').trim();
  if (line === '' || line.length > maxLineLength) return [];
  const headline = options?.headline ? normalise(options.headline) : undefined;
  const pieces = line.split(separator).map((crumb) => crumb.trim());
  if (pieces.length < 2) {
    // `Home World Europe Leaders meet in Lisbon`, with the headline known.
    if (!headline || !/^home\s/iu.test(line) || !line.toLowerCase().endsWith(headline)) return [];
    const middle = line.slice(4, line.length - headline.length).trim();
    if (middle === '') return [];
    const words = middle.split(' ');
    return words.length <= 4 && words.every((word) => /^\p{Lu}/u.test(word)) ? words : [];
  }
  if (pieces.some((crumb) => crumb === '' || !isCrumb(crumb))) {
    // A trailing separator (`World > Europe >`) is fine; empty crumbs inside are not.
    const inner = pieces.slice(0, -1);
    if (
      pieces[pieces.length - 1] !== '' ||
      inner.some((crumb) => crumb === '' || !isCrumb(crumb))
    ) {
      // The last crumb may be the (long) headline itself.
      const last = pieces[pieces.length - 1] ?? '';
      if (!isHeadline(last, headline) || inner.some((crumb) => crumb === '' || !isCrumb(crumb)))
        return [];
    }
  }
  const crumbs = pieces.filter((crumb) => crumb !== '' && !homeCrumbs.has(crumb.toLowerCase()));
  if (crumbs.length > 0 && isHeadline(crumbs[crumbs.length - 1] as string, headline)) crumbs.pop();
  return crumbs;
}
