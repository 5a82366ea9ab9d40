/** A range of offsets in the TOML text: `[start, end)`. */
export type TomlRange = readonly [number, number];

/** Where one top-level key of a TOML document is written, and its parts. */
export interface TomlKeyPlace {
  /** The key (first segment of a dotted key or a table header). */
  key: string;
  /** The key as written (in a `[table]` header: the header's name). */
  keyRange: TomlRange;
  /** The value (a table: its header). */
  valueRange: TomlRange;
  /** The value as written, for scalars (dates keep their text). */
  raw?: string;
  /** Items of an array value (or each `[[key]]` header), in order. */
  items: TomlRange[];
  /** Values of an inline table or a `[key]` table, by key. */
  fields: Map<string, TomlRange>;
}

/** Where each top-level key is, and where each top-level statement starts. */
export interface TomlPlaces {
  keys: Map<string, TomlKeyPlace>;
  /** Offsets where statements (key/value lines, headers) start, in order. */
  statements: number[];
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09;
const isBare = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) ||
  (code >= 0x41 && code <= 0x5a) ||
  (code >= 0x61 && code <= 0x7a) ||
  code === 0x2d ||
  code === 0x5f;

/**
 * Find where the top-level keys of a TOML document are written: key, value, array items and
 * table fields, for diagnostics (smol-toml, which reads the values, keeps no positions). Not
 * a validator: it only tracks strings, comments and brackets well enough to know where each
 * statement and value begins and ends. One pass, each character looked at once or twice.
 */
export function tomlPlaces(text: string): TomlPlaces {
  const keys = new Map<string, TomlKeyPlace>();
  const statements: number[] = [];
  let at = 0;
  /** The top-level key of the current `[table]`, when the header has one segment. */
  let table: TomlKeyPlace | undefined;
  /** The current table header's first segment (any table, not the root). */
  let inTable = false;

  const skipSpaces = (): void => {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  };
  const skipLine = (): void => {
    while (at < text.length && text.charCodeAt(at) !== 0x0a) at++;
    at++;
  };
  /** A string starting at `at` (which is a quote): moves past it. */
  const skipString = (): void => {
    const quote = text[at] as string;
    const triple = text.startsWith(quote.repeat(3), at);
    if (triple) {
      at += 3;
      const close = text.indexOf(quote.repeat(3), at);
      at = close === -1 ? text.length : close + 3;
      // Up to two more quotes may close it (`""""` ends with a quote in the string).
      while (at < text.length && text[at] === quote) at++;
      return;
    }
    at++;
    while (at < text.length) {
      const char = text[at];
      if (char === '\n') return;
      if (quote === '"' && char === '\\') at += 2;
      else if (char === quote) {
        at++;
        return;
      } else at++;
    }
  };
  /** A key (bare, quoted, dotted) at `at`: its segments and range. */
  const readKey = (): { segments: string[]; range: TomlRange } => {
    const start = at;
    const segments: string[] = [];
    for (;;) {
      skipSpaces();
      const code = text.charCodeAt(at);
      if (code === 0x22 || code === 0x27) {
        const from = at;
        skipString();
        segments.push(unquote(text.slice(from, at)));
      } else {
        const from = at;
        while (at < text.length && isBare(text.charCodeAt(at))) at++;
        if (at === from) break;
        segments.push(text.slice(from, at));
      }
      const end = at;
      skipSpaces();
      if (text[at] !== '.') {
        at = end;
        break;
      }
      at++;
    }
    return { segments, range: [start, at] };
  };
  /** A value at `at`: its range, and its items when it is an array (fields when an inline table). */
  const readValue = (): {
    range: TomlRange;
    items: TomlRange[];
    fields: Map<string, TomlRange>;
  } => {
    const start = at;
    const items: TomlRange[] = [];
    const fields = new Map<string, TomlRange>();
    const opener = text[at];
    if (opener !== '[' && opener !== '{') {
      if (opener === '"' || opener === "'") skipString();
      else while (at < text.length && !/[\s,\]}#]/.test(text[at] as string)) at++;
      // Dates with a space (`1979-05-27 07:32:00`) continue after it.
      if (/^[ ]\d{2}:/.test(text.slice(at, at + 4)) && /\d$/.test(text.slice(start, at))) {
        at++;
        while (at < text.length && !/[\s,\]}#]/.test(text[at] as string)) at++;
      }
      return { range: [start, at], items, fields };
    }
    let depth = 0;
    let itemStart = -1;
    let pendingKey: string | undefined;
    while (at < text.length) {
      const char = text[at] as string;
      if (char === '"' || char === "'") {
        if (depth === 1 && itemStart === -1) itemStart = at;
        skipString();
        continue;
      }
      if (char === '#') {
        while (at < text.length && text[at] !== '\n') at++;
        continue;
      }
      if (char === '[' || char === '{') {
        if (depth === 1 && itemStart === -1) itemStart = at;
        depth++;
        at++;
        continue;
      }
      if (char === ']' || char === '}' || char === ',') {
        if (depth === 1 && itemStart !== -1) {
          const range: TomlRange = [itemStart, trimEnd(text, itemStart, at)];
          if (opener === '[') items.push(range);
          else if (pendingKey !== undefined) fields.set(pendingKey, range);
          itemStart = -1;
          pendingKey = undefined;
        }
        if (char !== ',') depth--;
        at++;
        if (depth === 0) break;
        continue;
      }
      if (depth === 1 && opener === '{' && pendingKey === undefined && !/\s/.test(char)) {
        const key = readKey();
        pendingKey = key.segments[0] ?? '';
        skipSpaces();
        if (text[at] === '=') at++;
        skipSpaces();
        continue;
      }
      if (depth === 1 && itemStart === -1 && !/\s/.test(char)) itemStart = at;
      at++;
    }
    return { range: [start, at], items, fields };
  };

  while (at < text.length) {
    skipSpaces();
    const code = text.charCodeAt(at);
    if (code === 0x0a || code === 0x0d || code === 0x23) {
      skipLine();
      continue;
    }
    if (Number.isNaN(code)) break;
    statements.push(at);
    if (code === 0x5b) {
      // `[table]` or `[[array]]`.
      const double = text[at + 1] === '[';
      at += double ? 2 : 1;
      const key = readKey();
      const first = key.segments[0];
      inTable = true;
      table = undefined;
      if (first !== undefined) {
        const headerEnd = key.range[1];
        const range: TomlRange = [key.range[0] + leadingSpace(text, key.range[0]), headerEnd];
        let place = keys.get(first);
        if (!place) {
          place = { key: first, keyRange: range, valueRange: range, items: [], fields: new Map() };
          keys.set(first, place);
        }
        if (double && key.segments.length === 1) place.items.push(range);
        if (!double && key.segments.length === 1) table = place;
      }
      skipLine();
      continue;
    }
    const key = readKey();
    skipSpaces();
    if (text[at] !== '=' || key.segments.length === 0) {
      skipLine();
      continue;
    }
    at++;
    skipSpaces();
    const value = readValue();
    const first = key.segments[0] as string;
    const keyRange: TomlRange = [key.range[0], trimEnd(text, key.range[0], key.range[1])];
    if (!inTable && !keys.has(first)) {
      const place: TomlKeyPlace = {
        key: first,
        keyRange,
        valueRange: value.range,
        items: value.items,
        fields: value.fields,
      };
      if (key.segments.length === 1) place.raw = text.slice(value.range[0], value.range[1]);
      keys.set(first, place);
    } else if (table && key.segments.length >= 1 && !table.fields.has(first)) {
      table.fields.set(first, value.range);
    }
    skipLine();
  }
  return { keys, statements };
}

function leadingSpace(text: string, from: number): number {
  let count = 0;
  while (isSpace(text.charCodeAt(from + count))) count++;
  return count;
}

function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1] as string)) at--;
  return at;
}

/** A quoted key's text (escapes of basic strings read for the common cases). */
function unquote(quoted: string): string {
  const inner = quoted.slice(1, -1);
  if (quoted.startsWith("'")) return inner;
  return inner.replace(/\\(["\\/bfnrt])/g, (_, char: string) =>
    char === 'n'
      ? '\n'
      : char === 't'
        ? '\t'
        : char === 'b'
          ? '\b'
          : char === 'f'
            ? '\f'
            : char === 'r'
              ? '\r'
              : char,
  );
}
