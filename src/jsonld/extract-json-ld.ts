import type { Diagnostic, Position } from '../schema/diagnostic.js';
import { jsonLdDiagnostic, lineStarts, parseJson, pointAt, rangeAt } from './rules.js';

/** One `<script type="application/ld+json">` block found in an HTML document. */
export interface JsonLdBlock {
  /** The parsed JSON, when the block holds valid JSON. */
  value?: unknown;
  /** The text of the block exactly as it appears in the HTML. */
  text: string;
  /** Where that text is in the HTML (1-based line and column, 0-based offset). */
  position: Position;
}

/** The result of {@link extractJsonLd}. */
export interface ExtractJsonLdResult {
  /** Every ld+json block, in document order, valid or not. */
  blocks: JsonLdBlock[];
  /** A diagnostic for each block that is not valid JSON or is never closed. */
  diagnostics: Diagnostic[];
}

/**
 * The start of a comment or of an element whose content is raw text (where a `<script>`
 * is only text). One alternation, no nested quantifiers: each match is found in linear time.
 */
const markup = /<(?:!--|(script|style|textarea|title|xmp|iframe|noembed|noframes)(?=[\s/>]))/gi;
const scriptEnd = /<\/script(?=[\s/>])/gi;
const space = /\s/;
const endTags = new Map<string, RegExp>();
const endOfAttributeName = /[\s/>=]/;
const endOfUnquotedValue = /[\s>]/;

/** Read the attributes of a start tag from `from` (just after its name). */
function readStartTag(
  html: string,
  from: number,
): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>();
  let index = from;
  const length = html.length;
  while (index < length) {
    const character = html[index] as string;
    if (character === '>') return { attributes, end: index + 1 };
    if (space.test(character) || character === '/') {
      index++;
      continue;
    }
    const nameStart = index;
    while (index < length && !endOfAttributeName.test(html[index] as string)) index++;
    if (index === nameStart) index++; // a stray `=`
    const name = html.slice(nameStart, index).toLowerCase();
    while (index < length && space.test(html[index] as string)) index++;
    let value = '';
    if (html[index] === '=') {
      index++;
      while (index < length && space.test(html[index] as string)) index++;
      const quote = html[index];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, index + 1);
        const valueEnd = close === -1 ? length : close;
        value = html.slice(index + 1, valueEnd);
        index = valueEnd + 1;
      } else {
        const valueStart = index;
        while (index < length && !endOfUnquotedValue.test(html[index] as string)) index++;
        value = html.slice(valueStart, index);
      }
    }
    if (name !== '' && !attributes.has(name)) attributes.set(name, value);
  }
  return { attributes, end: length };
}

/** Where the raw text of an element ends: the start of its end tag, or the end of the file. */
function rawTextEnd(html: string, name: string, from: number): number {
  if (name === 'script') {
    scriptEnd.lastIndex = from;
    const match = scriptEnd.exec(html);
    return match ? match.index : html.length;
  }
  let end = endTags.get(name);
  if (!end) {
    end = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
    endTags.set(name, end);
  }
  end.lastIndex = from;
  const match = end.exec(html);
  return match ? match.index : html.length;
}

/**
 * Find every `<script type="application/ld+json">` block in an HTML document, in order, with
 * its position and its parsed JSON. Invalid JSON is reported as an `invalid-json` diagnostic
 * at the exact line and column of the error, never thrown. Scripts inside comments and inside
 * raw-text elements (`<textarea>`, `<style>`, …) are not blocks.
 *
 * The scan is a single linear pass; it does not run scripts or fetch anything. Pass the
 * values to `fromJsonLd` to read the article.
 *
 * @example
 * const { blocks, diagnostics } = extractJsonLd(html)
 * const { article } = fromJsonLd(blocks.map((block) => block.value))
 */
export function extractJsonLd(html: string): ExtractJsonLdResult {
  if (typeof html !== 'string') throw new TypeError('Expected `html` to be a string');
  const blocks: JsonLdBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  let starts: number[] | undefined;
  const lines = () => {
    starts ??= lineStarts(html);
    return starts;
  };
  const pattern = new RegExp(markup.source, markup.flags);
  let match = pattern.exec(html);
  while (match) {
    const name = match[1]?.toLowerCase();
    if (name === undefined) {
      // A comment: skip to its end (`-->`), or to the end of the file.
      const close = html.indexOf('-->', match.index + 4);
      pattern.lastIndex = close === -1 ? html.length : close + 3;
    } else {
      const tag = readStartTag(html, match.index + 1 + name.length);
      const end = rawTextEnd(html, name, tag.end);
      const type = tag.attributes.get('type')?.trim().toLowerCase();
      if (name === 'script' && type === 'application/ld+json') {
        const text = html.slice(tag.end, end);
        const block: JsonLdBlock = { text, position: rangeAt(lines(), tag.end, end) };
        const parsed = parseJson(text);
        if (parsed.ok) {
          block.value = parsed.value;
        } else {
          const place = pointAt(lines(), tag.end + parsed.offset);
          diagnostics.push(
            jsonLdDiagnostic(
              'invalid-json',
              `Invalid JSON in ld+json block ${blocks.length + 1} at ${place.line}:${place.column}: ${parsed.message}`,
              { place },
            ),
          );
        }
        if (end === html.length) {
          diagnostics.push(
            jsonLdDiagnostic(
              'invalid-json',
              `Unexpected end of file in ld+json block ${blocks.length + 1}, expected \`</script>\``,
              { place: pointAt(lines(), end) },
            ),
          );
        }
        blocks.push(block);
      }
      pattern.lastIndex = Math.max(end, tag.end);
    }
    match = pattern.exec(html);
  }
  return { blocks, diagnostics };
}
