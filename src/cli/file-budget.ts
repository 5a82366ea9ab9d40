import { open } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { fileDiagnostic } from '../lint/file-rules.js';
import type { Diagnostic, Point } from '../schema/index.js';

/** The diagnostics of a file whose check was stopped by the run, not finished. */
export type BudgetRuleId = 'check-timeout' | 'check-out-of-memory' | 'internal-error';

/** A file's size and the point at its end: where a diagnostic about the whole file ends. */
export interface FileExtent {
  size: number;
  end: Point;
}

/** Bytes read from the end of a file to find the column of its last line. */
const tailBytes = 64 * 1024;

/** The extent of `bytes`: lines counted by LF, the last line's column in UTF-16 code units. */
function extentOf(bytes: Uint8Array, size: number, lineBreaksBefore: number): FileExtent {
  let lines = lineBreaksBefore;
  let lastBreak = -1;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0x0a) {
      lines++;
      lastBreak = index;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lastBreak + 1)).length + 1;
  return { size, end: { line: lines + 1, column, offset: size } };
}

/**
 * The size of a file (or of bytes read already) and the point at its end, without decoding
 * it whole: the main thread calls this for a file a worker could not finish, which may be
 * far too large to parse. Never throws: an unreadable file has size 0 and ends at 1:1.
 *
 * @example
 * await fileExtent('/repo/a.md') //=> { size: 12, end: { line: 2, column: 5, offset: 12 } }
 */
export async function fileExtent(
  source: string | Uint8Array | undefined,
  options: Readonly<{ sizeOnly?: boolean }> = {},
): Promise<FileExtent> {
  const empty: FileExtent = { size: 0, end: { line: 1, column: 1, offset: 0 } };
  if (source === undefined) return empty;
  if (typeof source !== 'string') return extentOf(source, source.length, 0);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(source, 'r');
    const { size } = await handle.stat();
    if (options.sizeOnly) return { ...empty, size };
    // Count line breaks in chunks, then decode only the tail for the last line's column.
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(size, 1), 1 << 20));
    let breaks = 0;
    let position = 0;
    const tailStart = Math.max(0, size - tailBytes);
    while (position < tailStart) {
      const { bytesRead } = await handle.read(
        chunk,
        0,
        Math.min(chunk.length, tailStart - position),
        position,
      );
      if (bytesRead === 0) break;
      for (let index = 0; index < bytesRead; index++) if (chunk[index] === 0x0a) breaks++;
      position += bytesRead;
    }
    const tail = Buffer.alloc(size - position);
    await handle.read(tail, 0, tail.length, position);
    return extentOf(tail, size, breaks);
  } catch {
    return empty;
  } finally {
    await handle?.close();
  }
}

/**
 * Bytes of JavaScript heap parsing takes per character of Markdown, at least: measured at
 * 187 (1 MB and 10 MB of news paragraphs through `parseMarkdown`: 232 MB and 1,872 MB of
 * heap), taken lower so that the guard refuses only files that cannot fit.
 */
const markdownHeapPerCharacter = 100;

/**
 * A `check-out-of-memory` diagnostic for Markdown text far too large for this thread's heap
 * (at least {@link markdownHeapPerCharacter} bytes a character), before parsing begins: a
 * 100 MB file would otherwise run for minutes before it runs the heap out. `undefined` when
 * the text may fit.
 *
 * @example
 * memoryGuard('a'.repeat(100e6), 'markdown', 'big.md') //=> { ruleId: 'check-out-of-memory', … }
 */
export function memoryGuard(text: string, format: string, file: string): Diagnostic | undefined {
  if (format !== 'markdown') return undefined;
  const limit = getHeapStatistics().heap_size_limit;
  const needed = text.length * markdownHeapPerCharacter;
  if (needed <= limit) return undefined;
  const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
  return fileDiagnostic(
    'check-out-of-memory',
    `The file was not checked: parsing ${(text.length / 1e6).toFixed(1)} million characters of Markdown needs more than ${megabytes(needed)} MB of memory, and a worker may use ${megabytes(limit)} MB (\`--max-memory\`): split the file, or raise \`--max-memory\``,
    file,
    { start: { line: 1, column: 1, offset: 0 }, end: endOfText(text) },
  );
}

/** The point at the end of a text. */
function endOfText(text: string): Point {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The diagnostic of a file whose check the run stopped: over its time budget, over the
 * worker's memory, or lost with a worker that failed. It spans the whole file, since the
 * check did not say where it was.
 *
 * @example
 * budgetDiagnostic('check-timeout', 'a.md', extent, { seconds: 10 }).message
 * //=> 'Stopped after 10 seconds, …'
 */
export function budgetDiagnostic(
  ruleId: BudgetRuleId,
  file: string,
  extent: FileExtent,
  limits: Readonly<{
    /** The budget of this file, in seconds. */
    seconds?: number | undefined;
    /** `--timeout`: seconds per started megabyte. */
    timeout?: number | undefined;
    /** `--max-memory`, when given. */
    megabytes?: number | undefined;
    /** What went wrong, for `internal-error`. */
    detail?: string | undefined;
  }>,
): Diagnostic {
  const size = `${(extent.size / 1e6).toFixed(1)} MB`;
  const memory = limits.megabytes
    ? `\`--max-memory\` ${limits.megabytes} MB`
    : `${Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)} MB, the heap limit of Node.js`;
  const message =
    ruleId === 'check-timeout'
      ? `The check was stopped after ${plural(limits.seconds ?? 0, 'second')}, its time budget for this file of ${size} (${plural(limits.timeout ?? 0, 'second')} per started megabyte, \`--timeout\`): the Markdown parser is slow on some shapes, such as thousands of unclosed \`**\` or \`*\` and lists nested hundreds deep`
      : ruleId === 'check-out-of-memory'
        ? `The check ran out of memory (${memory}) on a file of ${size} and was stopped: split the file, or raise \`--max-memory\``
        : `nutgraf crashed on this file; please report it: ${limits.detail ?? 'a worker thread stopped'}`;
  return fileDiagnostic(ruleId, message, file, {
    start: { line: 1, column: 1, offset: 0 },
    end: extent.end,
  });
}
