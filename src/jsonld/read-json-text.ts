import { type JsonObjectPlaces, parseJsonWithPlaces } from './parse-json-with-places.js';
import { parseJson } from './rules.js';

/** What {@link readJsonText} made of a text. */
export type ReadJsonTextResult =
  | {
      ok: true;
      value: unknown;
      /** Where each object and key is, when the text was read by the lenient parse (raw control characters). */
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
 * characters) are offsets in `text`. Valid JSON is read by `JSON.parse` alone; where each
 * object and key is comes later, from {@link jsonPlaces}, and only when a diagnostic asks for
 * it (text with raw control characters gets its places here, from the one parse that reads it).
 */
export function readJsonText(text: string): ReadJsonTextResult {
  const unwrapped = unwrapScriptText(text);
  const parsed = parseJson(unwrapped);
  if (parsed.ok) return { ok: true, value: parsed.value, controlCharacters: [] };
  const controlCharacters: number[] = [];
  const lenient = parseJsonWithPlaces(unwrapped, controlCharacters);
  if (lenient && controlCharacters.length > 0) {
    return { ok: true, value: lenient.value, places: lenient.places, controlCharacters };
  }
  return { ok: false, offset: parsed.offset, message: parsed.message };
}

/**
 * Where each object of `value` (what {@link readJsonText} read from `text`) and each of its
 * keys is in `text`: the text is parsed again with places ({@link parseJsonWithPlaces}) and
 * the two trees are walked side by side, so the map is keyed by the objects of `value`. Made
 * only when a diagnostic needs a place: a document of 100,000 nodes read without findings
 * keeps no place of its own (they were a third of its memory, and of its time in the garbage
 * collector). Objects deeper than the places parse records (`placesDepth`) have none.
 */
export function jsonPlaces(text: string, value: unknown): Map<object, JsonObjectPlaces> {
  const byObject = new Map<object, JsonObjectPlaces>();
  const positioned = parseJsonWithPlaces(unwrapScriptText(text));
  if (!positioned) return byObject;
  const pairs: unknown[] = [value, positioned.value];
  while (pairs.length > 0) {
    const twin = pairs.pop();
    const read = pairs.pop();
    if (typeof read !== 'object' || read === null || typeof twin !== 'object' || twin === null)
      continue;
    if (Array.isArray(read)) {
      if (!Array.isArray(twin)) continue;
      for (let index = 0; index < read.length && index < twin.length; index++) {
        pairs.push(read[index], twin[index]);
      }
      continue;
    }
    const places = positioned.places.get(twin);
    // Deeper than the places parse goes: nothing inside has a place either.
    if (places === undefined) continue;
    byObject.set(read, places);
    for (const key of Object.keys(read)) {
      if (Object.hasOwn(twin, key)) {
        pairs.push((read as Record<string, unknown>)[key], (twin as Record<string, unknown>)[key]);
      }
    }
  }
  return byObject;
}
