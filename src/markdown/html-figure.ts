import { collapseWhiteSpace } from './collapse-white-space.js';
/** What an HTML `<figure>`, an `<img>` or a shortcode says about an image. */
export interface HtmlImage {
  src?: string;
  alt?: string;
  title?: string;
  width?: number;
  height?: number;
  /** The caption text, tags removed. */
  caption?: string;
  /** The credit, when marked up apart from the caption (`<small>`, `class="credit"`, `attr=`). */
  credit?: string;
  /** Where the image links to (`<a href="…"><img …></a>`). */
  link?: string;
  /** Written by `toMarkdown` (`class="nutgraf-figure"`): caption and credit are exact, not re-split. */
  exact?: boolean;
}

/** HTML longer than this is not searched for figures. */
const MAX_HTML_LENGTH = 20_000;

const imgTag = /<img\b[^>]{0,4000}>/i;
/** An `<a>` opening tag and white space, all that comes between it and an `<img>`. */
const anchorOpening = /^<a\b([^>]*)>\s*$/i;
const attribute = /([\w:-]{1,40})\s*=\s*(?:"([^"]{0,4000})"|'([^']{0,4000})'|([^\s"'>]{1,4000}))/g;
const figcaption = /<figcaption\b[^>]{0,1000}>([\s\S]{0,10000}?)<\/figcaption>/i;
/** A credit inside a figcaption: `<small>`, `<cite>` or `<span class="…credit…">`. */
const creditElement = /<(small|cite|span)\b([^>]{0,200})>([\s\S]{0,2000}?)<\/\1>/i;
const tag = /<[^<>]{0,2000}>/g;
const entity = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,8}));/gi;
const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  hellip: '…',
};

/** Decode the character references HTML text commonly holds. */
export function decodeEntities(text: string): string {
  return text.replace(entity, (match, decimal: string, hex: string, name: string) => {
    if (decimal || hex) {
      const code = Number.parseInt(decimal ?? hex, decimal ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return namedEntities[name.toLowerCase()] ?? match;
  });
}

const htmlEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * Escape text for an HTML attribute value or element content. Line breaks are written as
 * character references too: a Markdown HTML block ends at a blank line, so text with one
 * would end the block it is written in.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"\n\r]/g, (char) => htmlEscapes[char] ?? char);
}

/** The attributes of a tag or shortcode, lower-case names, entities decoded. */
export function readAttributes(source: string): Record<string, string> {
  // Names read from input: `constructor` or `__proto__` are plain names here.
  const result = Object.create(null) as Record<string, string>;
  // `exec` on the one pattern, not `matchAll` (which copies the pattern on every call: a
  // paragraph of 20,000 shortcodes made 20,000 copies). No match is empty.
  attribute.lastIndex = 0;
  for (let match = attribute.exec(source); match !== null; match = attribute.exec(source)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!(name in result)) result[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return result;
}

function textOf(html: string): string {
  return collapseWhiteSpace(decodeEntities(html.replace(tag, ' ')));
}

function size(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return undefined;
  const number = Number(value);
  return number > 0 ? number : undefined;
}

/** Read an HTML `<figure>` block (or a lone `<img>`), or `undefined` when it has no image. */
export function readHtmlFigure(html: string): HtmlImage | undefined {
  if (html.length > MAX_HTML_LENGTH) return undefined;
  const img = imgTag.exec(html);
  const captionMatch = figcaption.exec(html);
  const result: HtmlImage = {};
  if (/^<figure\s+class="nutgraf-figure"/.test(html)) result.exact = true;
  else if (!img && !captionMatch) return undefined;
  if (img) {
    const attributes = readAttributes(img[0].slice(4));
    if (attributes.src) result.src = attributes.src;
    if (attributes.alt !== undefined) result.alt = attributes.alt;
    if (attributes.title) result.title = attributes.title;
    const width = size(attributes.width);
    const height = size(attributes.height);
    if (width) result.width = width;
    if (height) result.height = height;
    // A link around the image: the last `<a …>` before it, nothing else between them.
    const at = html.lastIndexOf('<a', img.index);
    const anchor = at === -1 ? null : anchorOpening.exec(html.slice(at, img.index));
    const href = anchor ? readAttributes(anchor[1] ?? '').href : undefined;
    if (href) result.link = href;
  }
  if (captionMatch) {
    let inner = captionMatch[1] ?? '';
    const found = creditElement.exec(inner);
    const credit =
      found && (found[1]?.toLowerCase() !== 'span' || /credit/i.test(found[2] ?? ''))
        ? found
        : null;
    if (credit) {
      const creditText = textOf(credit[3] ?? '');
      if (creditText) result.credit = creditText;
      inner = inner.slice(0, credit.index) + inner.slice(credit.index + credit[0].length);
    }
    result.caption = textOf(inner);
  }
  return result;
}

/**
 * Image shortcodes of Hugo (`{{< figure src="…" caption="…" >}}`, `{{< img src="…" >}}`):
 * any shortcode with a `src` attribute.
 */
const shortcode = /\{\{[<%][ \t]{0,20}([\w-]{1,40})([^{}]{0,2000}?)\/?[ \t]{0,20}[>%]\}\}/g;

/** An image shortcode found in text: where it is and what it says. */
export interface ShortcodeImage extends HtmlImage {
  /** The shortcode's name, e.g. `figure`. */
  name: string;
  index: number;
  length: number;
}

/**
 * Whether a piece of text holds an image shortcode (what {@link findImageShortcodes} would
 * find one of), stopping at the first: a paragraph of 20,000 of them is read once, not twice.
 */
export function hasImageShortcode(text: string): boolean {
  if (!text.includes('{{')) return false;
  for (const match of text.matchAll(shortcode)) {
    if (readAttributes(match[2] ?? '').src) return true;
  }
  return false;
}

/** The image shortcodes in a piece of text. */
export function findImageShortcodes(text: string): ShortcodeImage[] {
  if (!text.includes('{{')) return [];
  const found: ShortcodeImage[] = [];
  for (const match of text.matchAll(shortcode)) {
    const attributes = readAttributes(match[2] ?? '');
    if (!attributes.src) continue;
    const image: ShortcodeImage = {
      name: match[1] ?? '',
      index: match.index ?? 0,
      length: match[0].length,
      src: attributes.src,
    };
    if (attributes.alt) image.alt = attributes.alt;
    if (attributes.caption) image.caption = textOf(attributes.caption);
    if (attributes.title) image.title = attributes.title;
    const credit = attributes.attr ?? attributes.credit;
    if (credit) image.credit = textOf(credit);
    const width = size(attributes.width);
    const height = size(attributes.height);
    if (width) image.width = width;
    if (height) image.height = height;
    found.push(image);
  }
  return found;
}
