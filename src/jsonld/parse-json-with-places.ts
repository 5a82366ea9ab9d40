/** Where a key and its value are in a JSON text: 0-based offsets, `end` exclusive. */
export interface JsonRange {
  start: number;
  end: number;
}

/**
 * The place of an object's text and of each of its keys (key start to value end). The keys
 * are one flat array, `[key, start, end, key, start, end, …]` in text order, not a Map of
 * range objects: every object of a large document has its places, and most are never asked
 * for (see {@link keyPlace}).
 */
export interface JsonObjectPlaces extends JsonRange {
  keys: Array<string | number>;
  /** Key to index in `keys`, made on the first look-up in an object of many keys. */
  index: Map<string, number> | undefined;
}

/** Objects with more keys than this get an index on their first look-up. */
const scanLimit = 16;

/**
 * Where a key of an object is (the last one, when the text repeats it, as `JSON.parse` keeps
 * the last value), or `undefined`.
 */
export function keyPlace(places: JsonObjectPlaces, key: string): JsonRange | undefined {
  const { keys } = places;
  let at = -1;
  if (keys.length <= scanLimit * 3) {
    for (let index = keys.length - 3; index >= 0; index -= 3) {
      if (keys[index] === key) {
        at = index;
        break;
      }
    }
  } else {
    if (places.index === undefined) {
      places.index = new Map();
      for (let index = 0; index < keys.length; index += 3) {
        places.index.set(keys[index] as string, index);
      }
    }
    at = places.index.get(key) ?? -1;
  }
  return at === -1 ? undefined : { start: keys[at + 1] as number, end: keys[at + 2] as number };
}

/**
 * Objects nested deeper than this get no places: no reader looks that deep (`normalizeJsonLd`
 * stops at 100 levels), and a place per object of a 100,000-deep text was most of its cost.
 * A value that opens this deep is handed to `JSON.parse` whole.
 */
export const placesDepth = 128;

const whitespace = new Set([0x20, 0x0a, 0x0d, 0x09]);
const controlPattern = /[\u0000-\u001f]/g;
const escapeControl = (character: string) =>
  `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The end (exclusive) of the object or array that opens at `start`, found by counting
 * brackets outside strings, or -1 when the text ends first. Whether the value is valid JSON
 * is left to `JSON.parse`.
 */
function containerEnd(text: string, start: number): number {
  const length = text.length;
  let depth = 0;
  for (let index = start; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x22) {
      index++;
      while (index < length) {
        const inner = text.charCodeAt(index);
        if (inner === 0x22) break;
        index += inner === 0x5c ? 2 : 1;
      }
      if (index >= length) return -1;
    } else if (code === 0x7b || code === 0x5b) {
      depth++;
    } else if (code === 0x7d || code === 0x5d) {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/**
 * An open object or array; every field set from the start, so all frames share one shape.
 * `mark` is where the object's key places start in the parse's scratch array.
 */
interface Frame {
  container: Record<string, unknown> | unknown[];
  places: JsonObjectPlaces | undefined;
  key: string | undefined;
  keyStart: number;
  mark: number;
}

/** The keys of an object until it closes (never written to: see `scratch`). */
const noKeys: Array<string | number> = [];

/**
 * Parse JSON text like `JSON.parse`, also returning where each object and each of its keys
 * is, so that diagnostics about JSON-LD properties can point into the text. One pass with an
 * explicit stack (any nesting depth); strings are decoded by `JSON.parse` itself. Returns
 * `undefined` when the text is not valid JSON (then `JSON.parse` reports why).
 *
 * Given `controlCharacters`, raw control characters (U+0000 to U+001F) inside strings, which
 * JSON forbids but pages write, are read as the characters they are and their offsets are
 * pushed onto that array.
 *
 * @example
 * const { value, places } = parseJsonWithPlaces('{"a": 1}')!
 * keyPlace(places.get(value as object)!, 'a') //=> { start: 1, end: 7 }
 */
export function parseJsonWithPlaces(
  text: string,
  controlCharacters?: number[],
): { value: unknown; places: Map<object, JsonObjectPlaces> } | undefined {
  const places = new Map<object, JsonObjectPlaces>();
  const length = text.length;
  // Frames are reused level by level (`depth` of them are open): a document of 100,000
  // small objects makes 100,000 objects of its own, not a frame for each as well.
  const frames: Frame[] = [];
  let depth = 0;
  // The key places of the open objects, innermost last: an object's entries are copied into
  // an array of their exact length when it closes (most objects have a few keys; an array
  // grown key by key holds 17 slots or more).
  const scratch: Array<string | number> = [];
  const top = (): Frame | undefined => (depth === 0 ? undefined : frames[depth - 1]);
  const open = (
    container: Frame['container'],
    objectPlaces: JsonObjectPlaces | undefined,
  ): Frame => {
    let frame = frames[depth];
    if (frame === undefined) {
      frame = { container, places: objectPlaces, key: undefined, keyStart: 0, mark: 0 };
      frames.push(frame);
    } else {
      frame.container = container;
      frame.places = objectPlaces;
      frame.key = undefined;
      frame.keyStart = 0;
    }
    frame.mark = scratch.length;
    depth++;
    return frame;
  };
  /** Close the innermost container, setting its end (exclusive) and its key places. */
  const close = (end: number): Frame => {
    depth--;
    const frame = frames[depth] as Frame;
    if (frame.places) {
      frame.places.end = end;
      if (scratch.length > frame.mark) {
        frame.places.keys = scratch.slice(frame.mark);
        scratch.length = frame.mark;
      }
    }
    return frame;
  };
  let index = 0;
  let root: unknown;
  let done = false;

  const skip = () => {
    while (index < length && whitespace.has(text.charCodeAt(index))) index++;
  };
  const readString = (): string | undefined => {
    const start = index;
    index++;
    let escaped = false;
    let controls = false;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code === 0x22) break;
      if (code < 0x20) {
        if (controlCharacters === undefined) return undefined;
        controlCharacters.push(index);
        controls = true;
      }
      if (code === 0x5c) {
        escaped = true;
        index++;
      }
      index++;
    }
    if (index >= length) return undefined;
    index++;
    if (!escaped) return text.slice(start + 1, index - 1);
    const raw = text.slice(start, index);
    try {
      return JSON.parse(controls ? raw.replace(controlPattern, escapeControl) : raw) as string;
    } catch {
      return undefined;
    }
  };
  /** Attach a finished value to the enclosing container, or make it the root. */
  const attach = (value: unknown, end: number): boolean => {
    const frame = top();
    if (!frame) {
      root = value;
      done = true;
      return true;
    }
    if (Array.isArray(frame.container)) {
      frame.container.push(value);
      return true;
    }
    const key = frame.key as string;
    if (key === '__proto__') {
      Object.defineProperty(frame.container, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      frame.container[key] = value;
    }
    if (frame.places) scratch.push(key, frame.keyStart, end);
    frame.key = undefined;
    return true;
  };
  /** After a value: a comma (and, in an object, the next key) or the end of the container. */
  const afterValue = (): boolean => {
    for (;;) {
      skip();
      const frame = top();
      if (!frame) return true;
      const code = text.charCodeAt(index);
      const isArray = Array.isArray(frame.container);
      if (code === 0x2c) {
        index++;
        skip();
        if (!isArray) return readKey(frame);
        return true;
      }
      if ((isArray && code === 0x5d) || (!isArray && code === 0x7d)) {
        index++;
        close(index);
        attach(frame.container, index);
        continue;
      }
      return false;
    }
  };
  const readKey = (frame: Frame): boolean => {
    if (text.charCodeAt(index) !== 0x22) return false;
    frame.keyStart = index;
    const key = readString();
    if (key === undefined) return false;
    skip();
    if (text.charCodeAt(index) !== 0x3a) return false;
    index++;
    frame.key = key;
    return true;
  };

  for (;;) {
    skip();
    if (index >= length) return undefined;
    const code = text.charCodeAt(index);
    const start = index;
    if ((code === 0x7b || code === 0x5b) && depth >= placesDepth && !controlCharacters) {
      // Nothing in here gets places: `JSON.parse` builds it, with no frame per level.
      const end = containerEnd(text, start);
      if (end === -1) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text.slice(start, end));
      } catch {
        return undefined;
      }
      index = end;
      attach(value, index);
      if (!afterValue()) return undefined;
    } else if (code === 0x7b || code === 0x5b) {
      index++;
      skip();
      if (code === 0x7b) {
        const container: Record<string, unknown> = {};
        let objectPlaces: JsonObjectPlaces | undefined;
        if (depth < placesDepth) {
          objectPlaces = { start, end: start, keys: noKeys, index: undefined };
          places.set(container, objectPlaces);
        }
        const frame = open(container, objectPlaces);
        if (text.charCodeAt(index) === 0x7d) {
          index++;
          close(index);
          attach(container, index);
          if (!afterValue()) return undefined;
        } else if (!readKey(frame)) {
          return undefined;
        }
      } else {
        const container: unknown[] = [];
        open(container, undefined);
        if (text.charCodeAt(index) === 0x5d) {
          index++;
          close(index);
          attach(container, index);
          if (!afterValue()) return undefined;
        }
      }
    } else {
      let value: unknown;
      if (code === 0x22) {
        value = readString();
        if (value === undefined) return undefined;
      } else if (text.startsWith('true', index)) {
        value = true;
        index += 4;
      } else if (text.startsWith('false', index)) {
        value = false;
        index += 5;
      } else if (text.startsWith('null', index)) {
        value = null;
        index += 4;
      } else {
        const numberStart = index;
        if (text.charCodeAt(index) === 0x2d) index++;
        const digitsStart = index;
        while (index < length && text.charCodeAt(index) >= 0x30 && text.charCodeAt(index) <= 0x39)
          index++;
        if (index === digitsStart) return undefined;
        if (text.charCodeAt(digitsStart) === 0x30 && index - digitsStart > 1) return undefined;
        if (text.charCodeAt(index) === 0x2e) {
          index++;
          const fraction = index;
          while (index < length && text.charCodeAt(index) >= 0x30 && text.charCodeAt(index) <= 0x39)
            index++;
          if (index === fraction) return undefined;
        }
        if ((text.charCodeAt(index) | 0x20) === 0x65) {
          index++;
          if (text.charCodeAt(index) === 0x2b || text.charCodeAt(index) === 0x2d) index++;
          const exponent = index;
          while (index < length && text.charCodeAt(index) >= 0x30 && text.charCodeAt(index) <= 0x39)
            index++;
          if (index === exponent) return undefined;
        }
        value = Number(text.slice(numberStart, index));
      }
      attach(value, index);
      if (!afterValue()) return undefined;
    }
    if (done) {
      skip();
      return index === length ? { value: root, places } : undefined;
    }
  }
}
