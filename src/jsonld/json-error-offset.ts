const hex = /^[0-9A-Fa-f]$/;
const literals: Record<string, string> = { t: 'true', f: 'false', n: 'null' };
const simpleEscapes = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/**
 * The offset of the first syntax error in a JSON text, for texts `JSON.parse` rejected: engines
 * differ in whether their message gives a position, so nutgraf finds it itself. One linear
 * pass with an explicit stack (no recursion, so any nesting depth is fine). Returns the text's
 * length when the error is an unexpected end.
 *
 * @example
 * jsonErrorOffset('{"a": x}') //=> 6
 */
export function jsonErrorOffset(text: string): number {
  const length = text.length;
  const stack: Array<'object' | 'array'> = [];
  let index = 0;
  const skipSpace = () => {
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
      index++;
    }
  };
  /** Scan a string at `index` (a `"`); returns an error offset, or -1 when well formed. */
  const scanString = (): number => {
    index++;
    while (index < length) {
      const character = text[index] as string;
      if (character === '"') {
        index++;
        return -1;
      }
      if (character.charCodeAt(0) < 0x20) return index;
      if (character === '\\') {
        const next = text[index + 1];
        if (next === 'u') {
          for (let digit = index + 2; digit < index + 6; digit++) {
            if (!hex.test(text[digit] ?? '')) return Math.min(digit, length);
          }
          index += 6;
        } else if (next !== undefined && simpleEscapes.has(next)) {
          index += 2;
        } else {
          return Math.min(index + 1, length);
        }
      } else {
        index++;
      }
    }
    return length;
  };
  const isDigit = (at: number) => {
    const code = text.charCodeAt(at);
    return code >= 0x30 && code <= 0x39;
  };
  /** Scan a number at `index`; returns the offset of the first character that cannot continue it. */
  const scanNumber = (): number => {
    if (text[index] === '-') index++;
    if (!isDigit(index)) return Math.min(index, length);
    if (text[index] === '0') index++;
    else while (isDigit(index)) index++;
    if (text[index] === '.') {
      index++;
      if (!isDigit(index)) return Math.min(index, length);
      while (isDigit(index)) index++;
    }
    if (text[index] === 'e' || text[index] === 'E') {
      index++;
      if (text[index] === '+' || text[index] === '-') index++;
      if (!isDigit(index)) return Math.min(index, length);
      while (isDigit(index)) index++;
    }
    return -1;
  };
  /** A member's key and its colon; -1 when well formed, else the offset of the error. */
  const scanKey = (): number => {
    if (text[index] !== '"') return Math.min(index, length);
    const error = scanString();
    if (error !== -1) return error;
    skipSpace();
    if (text[index] !== ':') return Math.min(index, length);
    index++;
    return -1;
  };
  let expectValue = true;
  for (;;) {
    skipSpace();
    if (index >= length) return length;
    const character = text[index] as string;
    if (expectValue) {
      if (character === '{' || character === '[') {
        stack.push(character === '{' ? 'object' : 'array');
        index++;
        skipSpace();
        const close = character === '{' ? '}' : ']';
        if (text[index] === close) {
          stack.pop();
          index++;
          expectValue = false;
        } else if (character === '{') {
          const error = scanKey();
          if (error !== -1) return error;
        }
        continue;
      }
      if (character === '"') {
        const error = scanString();
        if (error !== -1) return error;
      } else if (character === '-' || (character >= '0' && character <= '9')) {
        const error = scanNumber();
        if (error !== -1) return error;
      } else {
        const literal = literals[character];
        if (literal === undefined) return index;
        for (const expected of literal) {
          if (text[index] !== expected) return Math.min(index, length);
          index++;
        }
      }
      expectValue = false;
      continue;
    }
    const top = stack.at(-1);
    if (top === undefined) return index;
    if (character === ',') {
      index++;
      if (top === 'object') {
        skipSpace();
        const error = scanKey();
        if (error !== -1) return error;
      }
      expectValue = true;
    } else if ((top === 'object' && character === '}') || (top === 'array' && character === ']')) {
      stack.pop();
      index++;
    } else {
      return index;
    }
  }
}
