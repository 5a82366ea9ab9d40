/** One `<script type="application/ld+json">` block found in an HTML page. */
export interface ScriptBlock {
  /** The script's text. */
  text: string;
  /** Offset of the text in the page. */
  offset: number;
}

const scriptOpen = /<script\b([^>]{0,2000})>/gi;
const ldJsonType = /\btype\s*=\s*(["']?)\s*application\/ld\+json\s*\1/i;
const scriptClose = /<\/script\s*>/gi;

/**
 * Every `<script type="application/ld+json">` block of an HTML page with the offset of its
 * text, so JSON errors and lint findings point into the page. One linear scan; attributes
 * longer than 2,000 characters are not recognised.
 *
 * @example
 * findJsonLdScripts('<script type="application/ld+json">{}</script>')
 * //=> [{ text: '{}', offset: 35 }]
 */
export function findJsonLdScripts(html: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  scriptOpen.lastIndex = 0;
  for (let open = scriptOpen.exec(html); open; open = scriptOpen.exec(html)) {
    const start = open.index + open[0].length;
    scriptClose.lastIndex = start;
    const close = scriptClose.exec(html);
    const end = close ? close.index : html.length;
    if (ldJsonType.test(open[1] ?? ''))
      blocks.push({ text: html.slice(start, end), offset: start });
    scriptOpen.lastIndex = close ? close.index + close[0].length : html.length;
  }
  return blocks;
}
