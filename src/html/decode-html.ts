/** Where the encoding of an HTML page came from. */
export type EncodingSource = 'bom' | 'meta' | 'utf-8 detected' | 'default' | 'string';

/** A decoded page. */
export interface DecodedHtml {
  /** The page as text. */
  text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1252`, `shift_jis`. */
  encoding: string;
  /** How it was chosen. */
  source: EncodingSource;
  /** The charset the page declared, when that is not what was used (see `problem`). */
  declared?: string;
  /** Why the result may be wrong, for a diagnostic. */
  problem?: {
    kind: 'unknown-charset' | 'charset-mismatch' | 'invalid-bytes';
    message: string;
    /** The byte offset it concerns. */
    offset?: number;
  };
}

/** How far the `<meta charset>` prescan looks (the HTML standard says 1024 bytes; pages often put it later). */
const prescanLength = 8192;

/** A decoder for a WHATWG encoding label, or `undefined` when the label is unknown. */
function decoderFor(label: string, fatal = false): InstanceType<typeof TextDecoder> | undefined {
  try {
    return new TextDecoder(label.trim(), { fatal, ignoreBOM: false });
  } catch {
    return undefined;
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte;
}

function startsWithAt(bytes: Uint8Array, at: number, word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    if (lower(bytes[at + index] ?? -1) !== word.charCodeAt(index)) return false;
  }
  return true;
}

/** Read one attribute of a tag in the prescan (HTML standard, "get an attribute"). */
function readAttribute(
  bytes: Uint8Array,
  from: number,
  end: number,
): { name: string; value: string; next: number } | undefined {
  let index = from;
  while (index < end && (isSpace(bytes[index]!) || bytes[index] === 0x2f)) index++;
  if (index >= end || bytes[index] === 0x3e) return undefined;
  let name = '';
  while (index < end) {
    const byte = bytes[index]!;
    if (byte === 0x3d && name !== '') break;
    if (isSpace(byte) || byte === 0x2f || byte === 0x3e) break;
    name += String.fromCharCode(lower(byte));
    index++;
  }
  while (index < end && isSpace(bytes[index]!)) index++;
  if (bytes[index] !== 0x3d) return { name, value: '', next: index };
  index++;
  while (index < end && isSpace(bytes[index]!)) index++;
  let value = '';
  const quote = bytes[index];
  if (quote === 0x22 || quote === 0x27) {
    index++;
    while (index < end && bytes[index] !== quote)
      value += String.fromCharCode(lower(bytes[index++]!));
    index++;
  } else {
    while (index < end && !isSpace(bytes[index]!) && bytes[index] !== 0x3e) {
      value += String.fromCharCode(lower(bytes[index++]!));
    }
  }
  return { name, value, next: index };
}

/** `text/html; charset=ISO-8859-1` → `iso-8859-1`. */
function charsetFromContentType(value: string): string | undefined {
  const match = /charset\s*=\s*["']?([^"'\s;]+)/i.exec(value);
  return match?.[1];
}

/**
 * The charset a page declares in its first bytes (`<meta charset>` or `<meta http-equiv
 * content-type>`), following the HTML standard's prescan; comments and other tags are skipped.
 */
export function prescanCharset(bytes: Uint8Array): string | undefined {
  const end = Math.min(bytes.length, prescanLength);
  let index = 0;
  while (index < end) {
    if (bytes[index] !== 0x3c) {
      index++;
      continue;
    }
    if (startsWithAt(bytes, index, '<!--')) {
      let close = index + 4;
      while (
        close < end &&
        !(bytes[close] === 0x2d && bytes[close + 1] === 0x2d && bytes[close + 2] === 0x3e)
      )
        close++;
      index = close + 3;
      continue;
    }
    if (
      startsWithAt(bytes, index, '<meta') &&
      (isSpace(bytes[index + 5] ?? 0) || bytes[index + 5] === 0x2f)
    ) {
      let at = index + 5;
      const seen = new Set<string>();
      let httpEquiv = false;
      let content: string | undefined;
      let charset: string | undefined;
      for (;;) {
        const attribute = readAttribute(bytes, at, end);
        if (!attribute) break;
        at = attribute.next;
        if (seen.has(attribute.name)) continue;
        seen.add(attribute.name);
        if (attribute.name === 'http-equiv') httpEquiv = attribute.value === 'content-type';
        else if (attribute.name === 'content') content = attribute.value;
        else if (attribute.name === 'charset') charset = attribute.value;
      }
      const found = charset ?? (httpEquiv && content ? charsetFromContentType(content) : undefined);
      if (found) return found;
      index = at + 1;
      continue;
    }
    index++;
  }
  return undefined;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1; `multiByte` tells whether any non-ASCII was valid. */
function scanUtf8(bytes: Uint8Array): { invalidAt: number; multiByte: boolean } {
  let multiByte = false;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let need: number;
    if (byte >= 0xc2 && byte <= 0xdf) need = 1;
    else if (byte >= 0xe0 && byte <= 0xef) need = 2;
    else if (byte >= 0xf0 && byte <= 0xf4) need = 3;
    else return { invalidAt: index, multiByte };
    for (let k = 1; k <= need; k++) {
      if (((bytes[index + k] ?? 0) & 0xc0) !== 0x80) return { invalidAt: index, multiByte };
    }
    multiByte = true;
    index += need + 1;
  }
  return { invalidAt: -1, multiByte };
}

/** Labels of single-byte and legacy encodings that UTF-8 bytes are often mislabelled as. */
const legacyEncodings = new Set([
  'windows-1252',
  'iso-8859-2',
  'iso-8859-15',
  'windows-1250',
  'windows-1251',
]);

/**
 * Decode the bytes of an HTML page as a browser does: a byte order mark wins, then the charset
 * the page declares in its first bytes, then (unlike a browser's locale default) UTF-8 when the
 * bytes are valid UTF-8, else windows-1252. A page declared as a legacy single-byte charset whose
 * bytes are valid UTF-8 with non-ASCII characters is read as UTF-8, with a `charset-mismatch`
 * problem saying so. Never throws.
 *
 * @example
 * decodeHtml(new TextEncoder().encode('<meta charset="utf-8"><p>Olá</p>')).text //=> '<meta charset="utf-8"><p>Olá</p>'
 */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  // Byte order marks.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', source: 'bom' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', source: 'bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', source: 'bom' };
  }
  const declared = prescanCharset(bytes);
  const utf8 = scanUtf8(bytes);
  if (declared !== undefined) {
    let decoder = decoderFor(declared);
    // The standard reads a declared UTF-16 as UTF-8 (the bytes were ASCII-compatible enough to
    // find the declaration), and x-user-defined as windows-1252.
    if (decoder?.encoding.startsWith('utf-16')) decoder = new TextDecoder('utf-8');
    if (decoder && decoder.encoding === 'x-user-defined') decoder = new TextDecoder('windows-1252');
    if (decoder) {
      const encoding = decoder.encoding;
      if (
        encoding !== 'utf-8' &&
        legacyEncodings.has(encoding) &&
        utf8.invalidAt < 0 &&
        utf8.multiByte
      ) {
        return {
          text: new TextDecoder('utf-8').decode(bytes),
          encoding: 'utf-8',
          source: 'utf-8 detected',
          declared,
          problem: {
            kind: 'charset-mismatch',
            message: `The page declares \`${declared}\`, but its bytes are UTF-8: read as UTF-8`,
          },
        };
      }
      const result: DecodedHtml = { text: decoder.decode(bytes), encoding, source: 'meta' };
      if (encoding === 'utf-8' && utf8.invalidAt >= 0) {
        result.problem = {
          kind: 'invalid-bytes',
          message:
            'The page declares UTF-8 but holds bytes that are not UTF-8: they were replaced by �',
          offset: utf8.invalidAt,
        };
      }
      return result;
    }
    const fallback = utf8.invalidAt < 0 ? 'utf-8' : 'windows-1252';
    return {
      text: new TextDecoder(fallback).decode(bytes),
      encoding: fallback,
      source: fallback === 'utf-8' ? 'utf-8 detected' : 'default',
      declared,
      problem: {
        kind: 'unknown-charset',
        message: `Unknown charset \`${declared}\`: read as ${fallback}`,
      },
    };
  }
  if (utf8.invalidAt < 0) {
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      source: utf8.multiByte ? 'utf-8 detected' : 'default',
    };
  }
  return {
    text: new TextDecoder('windows-1252').decode(bytes),
    encoding: 'windows-1252',
    source: 'default',
  };
}
