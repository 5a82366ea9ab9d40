import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
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

/**
 * Decode bytes as the text of an article file: binary data (a NUL byte in the first 8 KB),
 * invalid UTF-8, or UTF-16 give one positioned error diagnostic instead. A UTF-8 BOM is
 * dropped.
 *
 * @example
 * decodeInput(new TextEncoder().encode('# Hi'), 'a.md') //=> { text: '# Hi' }
 */
export function decodeInput(bytes: Uint8Array, file: string): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return problem(file, 'invalid-encoding', 'The file is UTF-16: save it as UTF-8', {
      line: 1,
      column: 1,
      offset: 0,
    });
  }
  const nul = bytes.subarray(0, 8192).indexOf(0);
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
  options: Readonly<{ maxFileSize?: number }> = {},
): Promise<ReadResult> {
  const limit = options.maxFileSize ?? defaultMaxFileSize;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(absolute, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory())
      return problem(file, 'unreadable-file', 'Expected a file, found a folder');
    if (stat.size > limit) {
      return problem(
        file,
        'file-too-large',
        `The file is ${stat.size} bytes, over the limit of ${limit} bytes (\`--max-file-size\`)`,
      );
    }
    // Read into a buffer of the size just seen (one fstat, not two as with readFile); a file
    // that grew meanwhile is read on until the limit.
    let bytes = Buffer.allocUnsafe(Math.max(stat.size, 1));
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
    return decodeInput(bytes.subarray(0, length), file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return problem(file, 'unreadable-file', `Cannot read the file (${code})`);
  } finally {
    await handle?.close();
  }
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
  options: Readonly<{ maxFileSize?: number }> = {},
): Promise<ReadResult> {
  const raw = await readRawStream(stream, file, options.maxFileSize ?? defaultMaxFileSize);
  return 'diagnostic' in raw ? raw : decodeInput(raw.bytes, file);
}
