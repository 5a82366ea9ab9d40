/** Options for {@link parseBreadcrumb}. */
export interface ParseBreadcrumbOptions {
  /**
   * The article's headline. When given, a trailing crumb equal to it is dropped, and a line
   * without separators (`Home World Europe Leaders meet in Lisbon`) can be split around it.
   * Default: none.
   */
  headline?: string;
}

/** Separators between crumbs: `>`, `›`, `»`, `/`, `|`, `→`, `::`, `•` with optional spaces around. */
const separator = /\s*(?:>|›|»|\/|\||→|::|•|·)\s*/u;
/** Crumbs that stand for the front page and are never a section. */
const homeCrumbs = new Set([
  'home',
  'homepage',
  'home page',
  'start',
  'startseite',
  'accueil',
  'inicio',
  'início',
  'front page',
]);
/** The longest line treated as a breadcrumb trail. */
const maxLength = 300;

/**
 * Splits a breadcrumb line into its trail, without `Home` and without the article's own headline.
 * Returns `[]` when the line is not a breadcrumb trail.
 *
 * @example
 * parseBreadcrumb('Home > World > Europe') //=> ['World', 'Europe']
 * parseBreadcrumb('News / Politics') //=> ['News', 'Politics']
 * parseBreadcrumb('Home World Europe Leaders meet', { headline: 'Leaders meet' }) //=> ['World', 'Europe']
 */
export function parseBreadcrumb(
  text: string,
  options?: Readonly<ParseBreadcrumbOptions>,
): string[] {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  const line = text.trim();
  if (line === '' || line.length > maxLength) return [];
  const headline = options?.headline?.trim().toLowerCase();
  let crumbs = line
    .split(separator)
    .map((crumb) => crumb.trim())
    .filter((crumb) => crumb !== '');
  if (crumbs.length < 2) return [];
  crumbs = crumbs.filter((crumb) => !homeCrumbs.has(crumb.toLowerCase()));
  if (headline && crumbs.length > 0 && crumbs[crumbs.length - 1]?.toLowerCase() === headline)
    crumbs.pop();
  return crumbs;
}
