import type { Diagnostic, Position } from '../schema/diagnostic.js';
import { lineStarts, pointAt, rangeAt } from '../schema/line-index.js';
import { readJsonText } from './read-json-text.js';
import { controlCharacterDiagnostic, jsonLdDiagnostic } from './rules.js';

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

/** Characters that end a tag name or an attribute: tab, LF, FF, CR, space, `/`, `>`. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}
function isTagDelimiter(code: number): boolean {
  return isSpace(code) || code === 0x2f || code === 0x3e;
}
function isLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}
/** Elements whose content is text to the HTML parser, so a `<script>` inside is not one. */
const rawTextElements = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);

/** The first letters (lower case) of {@link rawTextElements} and of `plaintext`. */
const rawTextInitials = new Set(
  [...rawTextElements, 'plaintext'].map((name) => name.charCodeAt(0)),
);
/** A JSON-LD block's type as written, in any ASCII case. */
const ldJsonType = /ld\+json/gi;

/**
 * Where the last `ld+json` of `html` starts, in any ASCII case, -1 when there is none (no
 * block's tag starts after it).
 */
function lastLdJsonType(html: string): number {
  let last = -1;
  ldJsonType.lastIndex = 0;
  while (ldJsonType.test(html)) last = ldJsonType.lastIndex - 7;
  return last;
}

/** Whether `html` has `word` (lower case) at `at`, in any letter case, followed by a tag delimiter. */
function tagAt(html: string, at: number, word: string): boolean {
  if (html.length < at + word.length + 1) return false;
  for (let index = 0; index < word.length; index++) {
    const code = html.charCodeAt(at + index) | 0x20;
    if (code !== word.charCodeAt(index)) return false;
  }
  return isTagDelimiter(html.charCodeAt(at + word.length));
}

/** No attributes: what {@link readStartTag} gives when it only skips a tag. */
const noAttributes: ReadonlyMap<string, string> = new Map();

/**
 * Read a tag from `from` (just after its name) to its end, quotes respected; with `collect`,
 * its attributes too (only `<script>` tags need them: a Map per tag cost ~15% of the bytes
 * parseHtml allocates per page).
 */
function readStartTag(
  html: string,
  from: number,
  collect: boolean,
): { attributes: ReadonlyMap<string, string>; end: number } {
  const attributes = collect ? new Map<string, string>() : noAttributes;
  let index = from;
  const length = html.length;
  while (index < length) {
    const code = html.charCodeAt(index);
    if (code === 0x3e) return { attributes, end: index + 1 };
    if (isSpace(code) || code === 0x2f) {
      index++;
      continue;
    }
    const nameStart = index;
    while (index < length) {
      const next = html.charCodeAt(index);
      if (isTagDelimiter(next) || next === 0x3d) break;
      index++;
    }
    if (index === nameStart) index++; // a stray `=`
    const nameEnd = index;
    while (index < length && isSpace(html.charCodeAt(index))) index++;
    let value = '';
    if (html[index] === '=') {
      index++;
      while (index < length && isSpace(html.charCodeAt(index))) index++;
      const quote = html[index];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, index + 1);
        const valueEnd = close === -1 ? length : close;
        if (collect) value = html.slice(index + 1, valueEnd);
        index = valueEnd + 1;
      } else {
        const valueStart = index;
        while (index < length) {
          const next = html.charCodeAt(index);
          if (isSpace(next) || next === 0x3e) break;
          index++;
        }
        if (collect) value = html.slice(valueStart, index);
      }
    }
    if (collect) {
      const name = html.slice(nameStart, nameEnd).toLowerCase();
      if (name !== '' && !attributes.has(name))
        (attributes as Map<string, string>).set(name, value);
    }
  }
  return { attributes, end: length };
}

/**
 * Where the text of a `<script>` element ends, following the HTML tokenizer's script data
 * states: after `<!--`, a `<script>` start makes the next `</script>` stay text (the
 * "double escaped" state) until `-->` or that `</script>`. One pass, no backtracking.
 */
function scriptEnd(html: string, from: number): number {
  const length = html.length;
  let state: 'data' | 'escaped' | 'double' = 'data';
  let dashes = 0;
  let index = from;
  while (index < length) {
    if (state === 'data') {
      const next = html.indexOf('<', index);
      if (next === -1) return length;
      index = next;
      if (html.charCodeAt(index + 1) === 0x2f && tagAt(html, index + 2, 'script')) return index;
      if (html.startsWith('<!--', index)) {
        state = 'escaped';
        dashes = 2;
        index += 4;
      } else {
        index++;
      }
      continue;
    }
    const character = html[index];
    if (character === '-') {
      dashes++;
      index++;
      continue;
    }
    if (character === '>' && dashes >= 2) {
      state = 'data';
      dashes = 0;
      index++;
      continue;
    }
    dashes = 0;
    if (character === '<') {
      const closing = html.charCodeAt(index + 1) === 0x2f;
      if (closing && tagAt(html, index + 2, 'script')) {
        if (state === 'escaped') return index;
        state = 'escaped';
        index += 8;
        continue;
      }
      if (!closing && state === 'escaped' && tagAt(html, index + 1, 'script')) {
        state = 'double';
        index += 7;
        continue;
      }
    }
    index++;
  }
  return length;
}

/** Where the text of another raw-text element ends: its end tag, or the end of the file. */
function rawTextEnd(html: string, name: string, from: number): number {
  let index = html.indexOf('</', from);
  while (index !== -1) {
    if (tagAt(html, index + 2, name)) return index;
    index = html.indexOf('</', index + 2);
  }
  return html.length;
}

/** Where a comment that starts at `at` (`<!--`) ends: after `-->`, `--!>`, or `<!-->`. */
function commentEnd(html: string, at: number): number {
  if (html.startsWith('>', at + 4)) return at + 5;
  if (html.startsWith('->', at + 4)) return at + 6;
  const close = html.indexOf('--', at + 4);
  let index = close;
  while (index !== -1) {
    if (html[index + 2] === '>') return index + 3;
    if (html.startsWith('!>', index + 2)) return index + 4;
    index = html.indexOf('--', index + 1);
  }
  return html.length;
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
  let starts: number[] | undefined;
  return extractBlocks(html, () => (starts ??= lineStarts(html)));
}

/**
 * {@link extractJsonLd} given the line starts of `html`, made on first use (parseHtml makes
 * them once for the page). Not part of the public API.
 */
export function extractBlocks(html: string, lines: () => readonly number[]): ExtractJsonLdResult {
  const blocks: JsonLdBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  // A block's type is `application/ld+json` as written (no reference decoded): a page
  // without those letters has none, and is not read tag by tag; nor the part of a page after them.
  const last = lastLdJsonType(html);
  if (last < 0) return { blocks, diagnostics };
  const length = html.length;
  let index = html.indexOf('<');
  while (index !== -1 && index <= last) {
    const next = html[index + 1] ?? '';
    let resume = index + 1;
    if (next === '!') {
      if (html.startsWith('<!--', index)) resume = commentEnd(html, index);
      else {
        // `<!DOCTYPE …>`, `<![CDATA[…>`: a declaration or bogus comment, to the next `>`.
        const close = html.indexOf('>', index + 2);
        resume = close === -1 ? length : close + 1;
      }
    } else if (next === '?') {
      const close = html.indexOf('>', index + 2);
      resume = close === -1 ? length : close + 1;
    } else if (next === '/' && isLetter(html.charCodeAt(index + 2))) {
      // An end tag: skip it with its (ignored) attributes, quotes respected.
      let nameEnd = index + 2;
      while (nameEnd < length && !isTagDelimiter(html.charCodeAt(nameEnd))) nameEnd++;
      resume = readStartTag(html, nameEnd, false).end;
    } else if (isLetter(html.charCodeAt(index + 1))) {
      let nameEnd = index + 1;
      while (nameEnd < length && !isTagDelimiter(html.charCodeAt(nameEnd))) nameEnd++;
      // Only raw-text elements and `plaintext` matter: other names are not copied out.
      const name = rawTextInitials.has(html.charCodeAt(index + 1) | 0x20)
        ? html.slice(index + 1, nameEnd).toLowerCase()
        : '';
      const tag = readStartTag(html, nameEnd, name === 'script');
      resume = tag.end;
      if (name === 'plaintext') break;
      if (rawTextElements.has(name)) {
        const end = name === 'script' ? scriptEnd(html, tag.end) : rawTextEnd(html, name, tag.end);
        const type = tag.attributes.get('type')?.trim().toLowerCase();
        if (name === 'script' && type === 'application/ld+json') {
          const text = html.slice(tag.end, end);
          const block: JsonLdBlock = { text, position: rangeAt(lines(), tag.end, end) };
          const parsed = readJsonText(text);
          if (parsed.ok) {
            block.value = parsed.value;
            if (parsed.controlCharacters.length > 0) {
              diagnostics.push(
                controlCharacterDiagnostic(
                  text,
                  parsed.controlCharacters,
                  pointAt(lines(), tag.end + (parsed.controlCharacters[0] ?? 0)),
                  ` of ld+json block ${blocks.length + 1}`,
                ),
              );
            }
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
          if (end === length) {
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
        resume = Math.max(end, tag.end);
      }
    }
    index = html.indexOf('<', resume);
  }
  return { blocks, diagnostics };
}
