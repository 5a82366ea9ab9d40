/**
 * White space as the field parsers see it (`\s` plus the ideographic space), tested by UTF-16 code
 * unit so that long runs cost one comparison per character, with no regular expression.
 */
export function isWhiteSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
}

/**
 * The lines of `text` (split at `\n`, `\r\n`, `\r`, U+2028 and U+2029), each with its runs of white
 * space collapsed to one space and trimmed; blank lines are kept as `''`. Linear in the length.
 *
 * @example
 * collapsedLines('By\n\t\tAna   Ruiz') //=> ['By', 'Ana Ruiz']
 */
export function collapsedLines(text: string): string[] {
  const lines: string[] = [];
  let lineStart = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 10;
    if (!isLineBreak(code)) continue;
    lines.push(collapseRange(text, lineStart, index));
    if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
    lineStart = index + 1;
  }
  return lines;
}

/**
 * `text.slice(start, end)` with runs of white space collapsed and trimmed. Stretches whose spaces
 * are already single are kept as one slice, so ordinary text costs one slice, not one per word.
 */
function collapseRange(text: string, start: number, end: number): string {
  const pieces: string[] = [];
  let pieceStart = -1;
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (!isWhiteSpace(code)) {
      if (pieceStart < 0) pieceStart = index;
      index++;
      continue;
    }
    let runEnd = index + 1;
    while (runEnd < end && isWhiteSpace(text.charCodeAt(runEnd))) runEnd++;
    // One ordinary space inside the text stays in the current piece.
    if (code === 32 && runEnd === index + 1 && pieceStart >= 0 && runEnd < end) {
      index = runEnd;
      continue;
    }
    if (pieceStart >= 0) pieces.push(text.slice(pieceStart, index));
    pieceStart = -1;
    index = runEnd;
  }
  if (pieceStart >= 0) pieces.push(text.slice(pieceStart, end));
  return pieces.length === 1 ? (pieces[0] as string) : pieces.join(' ');
}

/**
 * `text` with every run of white space (line breaks included) collapsed to one space, trimmed.
 *
 * @example
 * collapseWhiteSpace('  Ana \n Ruiz ') //=> 'Ana Ruiz'
 */
export function collapseWhiteSpace(text: string): string {
  return collapseRange(text, 0, text.length);
}
