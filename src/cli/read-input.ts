import { constants } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { decodeHtml } from '../html/decode-html.js';
import { type FileRuleId, fileDiagnostic } from '../lint/file-rules.js';
import type { Diagnostic, Point } from '../schema/index.js';

/** Default `--max-file-size`: 10 MB. */
export const defaultMaxFileSize = 10 * 1024 * 1024;

/** A file's text, or the one diagnostic explaining why it cannot be read. */
export type ReadResult =
  | {
      text: string;
      /** The file started with a UTF-8 byte order mark (dropped from `text`, kept by `fix`). */
      bom?: boolean;
      /** An HTML file's bytes: the page says its own charset, so they are decoded as a browser does. */
      bytes?: Uint8Array;
    }
  | { diagnostic: Diagnostic };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function problem(
  file: string,
  ruleId: FileRuleId,
  message: string,
  place?: Point,
): { diagnostic: Diagnostic } {
  return { diagnostic: fileDiagnostic(ruleId, message, file, place) };
}

/** Line and column (1-based, in characters of the valid prefix) of byte `index` in `bytes`. */
function pointAtByte(bytes: Uint8Array, index: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < index; at++) {
    if (bytes[at] === 0x0a) {
      line++;
      lineStart = at + 1;
    }
  }
  const prefix = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index));
  return { line, column: prefix.length + 1, offset: index };
}

/** Index of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index] ?? 0;
    let need = 0;
    let min = 0;
    if (byte < 0x80) {
      index++;
      continue;
    }
    if (byte >= 0xc2 && byte <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return index;
    let code = byte & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return index;
    index += need + 1;
  }
  return -1;
}

/** C0 control characters other than tab, line feed, form feed and carriage return. */
const controlCharacter = /[\u0000-\u0008\u000b\u000e-\u001f]/;

/**
 * Whether the start of `bytes` is UTF-16 text without a byte order mark: NUL bytes (the high
 * bytes of ASCII characters) only at odd offsets (little-endian) or only at even ones
 * (big-endian), in at least a quarter of the code units (and four) of the first 8 KB, which
 * decode to text without control characters. Binary data has NULs at both.
 */
function utf16WithoutBom(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  const window = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  let even = 0;
  let odd = 0;
  for (let index = 0; index < window.length; index++) {
    if (window[index] === 0) {
      if (index % 2 === 0) even++;
      else odd++;
    }
  }
  const units = window.length / 2;
  const ascii = Math.max(even, odd);
  if (even > 0 === odd > 0 || ascii < 4 || ascii < units / 4) return undefined;
  const littleEndian = odd > 0;
  const text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(window);
  // Lone surrogates decode to U+FFFD; the last unit may be half of a pair the window cut.
  if (controlCharacter.test(text) || text.slice(0, -1).includes('\uFFFD')) return undefined;
  return littleEndian ? 'little-endian' : 'big-endian';
}

/**
 * Decode bytes as the text of an article file: binary data (a NUL byte in the first 8 KB),
 * invalid UTF-8, or UTF-16 (with a byte order mark, or without one: told by its NUL bytes)
 * give one positioned error diagnostic instead. A UTF-8 BOM is
 * dropped.
 *
 * @example
 * decodeInput(new TextEncoder().encode('# Hi'), 'a.md') //=> { text: '# Hi' }
 */
export function decodeInput(
  bytes: Uint8Array,
  file: string,
  options: Readonly<{ html?: boolean }> = {},
): ReadResult {
  // An HTML page declares its charset (BOM, `<meta charset>`): decode it as a browser does.
  if (options.html) return { text: decodeHtml(bytes).text, bytes };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem(file, 'invalid-encoding', 'The file is UTF-16: save it as UTF-8', {
      line: 1,
      column: 1,
      offset: 0,
    });
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
  const utf16 = nul === -1 ? undefined : utf16WithoutBom(bytes);
  if (utf16) {
    return problem(
      file,
      'invalid-encoding',
      `The file is UTF-16 (${utf16}, without a byte order mark): save it as UTF-8`,
      { line: 1, column: 1, offset: 0 },
    );
  }
  if (nul !== -1) {
    return problem(
      file,
      'binary-file',
      'The file looks binary (it holds a NUL byte), not an article',
      pointAtByte(bytes, nul),
    );
  }
  try {
    const text = decoder.decode(bytes);
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? { text, bom: true }
      : { text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return problem(
      file,
      'invalid-encoding',
      'The file is not valid UTF-8: save it as UTF-8',
      pointAtByte(bytes, at === -1 ? 0 : at),
    );
  }
}

/**
 * Read one article file. Never throws: a missing or unreadable file, a folder, a file over
 * `maxFileSize` bytes, binary data or invalid UTF-8 each give one error diagnostic.
 *
 * @example
 * const read = await readInput('/repo/a.md', 'a.md')
 * if ('text' in read) console.log(read.text.length)
 */
export async function readInput(
  absolute: string,
  file: string,
  options: Readonly<{ maxFileSize?: number; html?: boolean }> = {},
): Promise<ReadResult> {
  const limit = options.maxFileSize ?? defaultMaxFileSize;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    // Non-blocking, so that opening a FIFO returns at once instead of waiting for a writer.
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (info.isDirectory())
      return problem(file, 'unreadable-file', 'Expected a file, found a folder');
    if (!info.isFile()) {
      return problem(
        file,
        'unreadable-file',
        `Expected a regular file, found ${kindOf(info)}: nutgraf reads files, and standard input with \`-\``,
      );
    }
    if (info.size > limit) {
      return problem(
        file,
        'file-too-large',
        `The file is ${info.size} bytes, over the limit of ${limit} bytes (\`--max-file-size\`)`,
      );
    }
    // Read into a buffer of the size just seen (one fstat, not two as with readFile); a file
    // that grew meanwhile is read on until the limit.
    let bytes = Buffer.allocUnsafe(Math.max(info.size, 1));
    let length = 0;
    for (;;) {
      if (length === bytes.length) {
        if (length > limit) break;
        const grown = Buffer.allocUnsafe(Math.min(bytes.length * 2, limit + 1));
        bytes.copy(grown, 0, 0, length);
        bytes = grown;
      }
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) {
      return problem(
        file,
        'file-too-large',
        `The file is over the limit of ${limit} bytes (\`--max-file-size\`)`,
      );
    }
    return decodeInput(bytes.subarray(0, length), file, { html: options.html ?? false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return problem(file, 'unreadable-file', await unreadableMessage(absolute, code));
  } finally {
    await handle?.close();
  }
}

/** What a stat says a path is, when it is neither a file nor a folder. */
export function kindOf(info: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'something else';
}

/** Why a file could not be opened, in words: broken symbolic links and link loops named as such. */
async function unreadableMessage(absolute: string, code: string): Promise<string> {
  const link = await lstat(absolute).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    if (code === 'ELOOP') return 'The file is a symbolic link that leads back to itself (ELOOP)';
    const target = await stat(absolute).catch(() => undefined);
    if (!target) return `The file is a symbolic link to a file that does not exist (${code})`;
  }
  if (code === 'ENOENT') return 'The file does not exist (ENOENT)';
  return `Cannot read the file (${code})`;
}

/**
 * Read all of a stream as bytes, up to `maxFileSize`: the bytes, or a `file-too-large` or
 * `unreadable-file` diagnostic. The main thread reads standard input this way and hands the
 * bytes to a worker.
 *
 * @example
 * const raw = await readRawStream(process.stdin, '<stdin>', 10_485_760)
 */
export async function readRawStream(
  stream: Readable,
  file: string,
  maxFileSize: number = defaultMaxFileSize,
): Promise<{ bytes: Uint8Array } | { diagnostic: Diagnostic }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += buffer.length;
      if (size > maxFileSize) {
        return problem(
          file,
          'file-too-large',
          `Standard input is over the limit of ${maxFileSize} bytes (\`--max-file-size\`)`,
        );
      }
      chunks.push(buffer);
    }
  } catch (error) {
    return problem(file, 'unreadable-file', `Cannot read standard input (${String(error)})`);
  }
  return { bytes: Buffer.concat(chunks) };
}

/** Read all of standard input, with the same checks as {@link readInput}. */
export async function readStream(
  stream: Readable,
  file: string,
  options: Readonly<{ maxFileSize?: number; html?: boolean }> = {},
): Promise<ReadResult> {
  const raw = await readRawStream(stream, file, options.maxFileSize ?? defaultMaxFileSize);
  return 'diagnostic' in raw ? raw : decodeInput(raw.bytes, file, { html: options.html ?? false });
}
