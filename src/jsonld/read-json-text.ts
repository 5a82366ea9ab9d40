import { type JsonObjectPlaces, parseJsonWithPlaces } from './parse-json-with-places.js';
import { parseJson } from './rules.js';

/** What {@link readJsonText} made of a text. */
export type ReadJsonTextResult =
  | {
      ok: true;
      value: unknown;
      /** Where each object and key is (only when asked for places or after a repair). */
      places?: Map<object, JsonObjectPlaces>;
      /** Offsets of raw control characters found inside strings and read as written. */
      controlCharacters: number[];
    }
  | { ok: false; offset: number; message: string };

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** Skip white space forwards from `from`. */
function skipSpace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isSpace(text.charCodeAt(index))) index++;
  return index;
}

/** Skip white space backwards from `to` (exclusive). */
function skipSpaceBack(text: string, to: number): number {
  let index = to;
  while (index > 0 && isSpace(text.charCodeAt(index - 1))) index--;
  return index;
}

/**
 * The text of a script element with the wrapper that XHTML-era pages put around it blanked
 * out: `<![CDATA[ … ]]>`, `//<![CDATA[ … //]]>`, the same markers inside block comments
 * (`/*` and `*` `/` around each), and `<!-- … -->` (also with `//` before the closer). The
 * wrapper is replaced by spaces, so every offset in the text stays where it was. Anything
 * else is returned unchanged.
 */
export function unwrapScriptText(text: string): string {
  const start = skipSpace(text, 0);
  let opened = start;
  if (text.startsWith('//', opened) || text.startsWith('/*', opened)) opened += 2;
  opened = skipSpace(text, opened);
  let opener = '';
  if (text.startsWith('<![CDATA[', opened)) opener = '<![CDATA[';
  else if (text.startsWith('<!--', opened)) opener = '<!--';
  if (opener === '') return text;
  let innerStart = opened + opener.length;
  if (text.startsWith('/*', start)) {
    // `/*<![CDATA[*/`: the comment closes after the opener.
    const close = skipSpace(text, innerStart);
    if (!text.startsWith('*/', close)) return text;
    innerStart = close + 2;
  }
  const closer = opener === '<![CDATA[' ? ']]>' : '-->';
  let end = skipSpaceBack(text, text.length);
  let closeStart = -1;
  if (text.endsWith('*/', end)) {
    // `/*]]>*/`
    const before = skipSpaceBack(text, end - 2);
    if (text.endsWith(closer, before)) {
      const slash = skipSpaceBack(text, before - closer.length);
      if (text.endsWith('/*', slash)) closeStart = slash - 2;
    }
  } else if (text.endsWith(closer, end)) {
    closeStart = end - closer.length;
    const slash = skipSpaceBack(text, closeStart);
    if (text.endsWith('//', slash)) closeStart = slash - 2;
  }
  if (closeStart < innerStart) {
    // No closer: blank the opener only (the JSON may still be whole).
    closeStart = end;
  }
  end = text.length;
  return (
    text.slice(0, start) +
    ' '.repeat(innerStart - start) +
    text.slice(innerStart, closeStart) +
    ' '.repeat(closeStart < end ? end - closeStart : 0)
  );
}

/**
 * Parse the JSON text of an ld+json block or file as real pages write it: a CDATA or comment
 * wrapper is ignored ({@link unwrapScriptText}), and raw control characters inside strings
 * (a line break typed into a headline, which `JSON.parse` rejects) are read as written and
 * listed, so that the caller can report them. Offsets (of errors, places and control
 * characters) are offsets in `text`. With `places`, the result maps each object to where it
 * and its keys are.
 */
export function readJsonText(text: string, options: { places?: boolean } = {}): ReadJsonTextResult {
  const unwrapped = unwrapScriptText(text);
  if (options.places) {
    const positioned = parseJsonWithPlaces(unwrapped);
    if (positioned) return { ok: true, ...positioned, controlCharacters: [] };
  } else {
    const parsed = parseJson(unwrapped);
    if (parsed.ok) return { ok: true, value: parsed.value, controlCharacters: [] };
  }
  const controlCharacters: number[] = [];
  const lenient = parseJsonWithPlaces(unwrapped, controlCharacters);
  if (lenient && controlCharacters.length > 0) {
    return { ok: true, value: lenient.value, places: lenient.places, controlCharacters };
  }
  const failed = parseJson(unwrapped);
  return failed.ok
    ? { ok: true, value: failed.value, controlCharacters: [] }
    : { ok: false, offset: failed.offset, message: failed.message };
}
