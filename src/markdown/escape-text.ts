import { classifyCharacter } from 'micromark-util-classify-character';

/**
 * mdast-util-to-markdown's `safe()` (lib/util/safe.js, MIT, © Titus Wormer), the escaping of
 * text for where it is written, kept step for step but with memory that stays small on long
 * text: what `safe()` keeps as one object per unsafe position (`infos`, keyed by number) is a
 * byte per character here, and the output is joined in blocks rather than from one array of
 * a piece per escape. On 100,000 characters of Markdown punctuation `safe()` took 28× the time
 * of 10,000 (the live pieces outgrow V8's young generation); this takes 10–12× per 10× (the
 * growth bench's `toMarkdown` rows). The output is the same: a property test compares it with
 * `state.safe` in every construct `toMarkdown` writes text into.
 */

/** mdast-util-to-markdown's `Unsafe` pattern, the fields read here. */
export interface UnsafePattern {
  character: string;
  inConstruct?: string | readonly string[] | null | undefined;
  notInConstruct?: string | readonly string[] | null | undefined;
  before?: string | null | undefined;
  after?: string | null | undefined;
  atBreak?: boolean | null | undefined;
  beforeNode?: string | readonly string[] | null | undefined;
  afterNode?: string | readonly string[] | null | undefined;
}

/** The part of mdast-util-to-markdown's `State` that escaping reads. */
export interface EscapeState {
  stack: readonly string[];
  unsafe: readonly UnsafePattern[];
  compilePattern(pattern: UnsafePattern): RegExp;
}

/** mdast-util-to-markdown's `SafeConfig`: the text around the value and its neighbours. */
export interface EscapeConfig {
  before?: string | null | undefined;
  after?: string | null | undefined;
  encode?: readonly string[] | null | undefined;
  beforeNode?: { type: string } | null | undefined;
  afterNode?: { type: string } | null | undefined;
}

/** Flags per character of the value: matched by a pattern, and whether every match had a `before` / `after` condition. */
const UNSAFE = 1;
const BEFORE = 2;
const AFTER = 4;

/** Output pieces joined into one string at a time, so few small strings stay alive. */
const BLOCK = 512;

/** Per ASCII character, whether the value being escaped holds it (reset on each call). */
const present = new Uint8Array(128);

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const attention = /[*_]/;

/**
 * `value` escaped for the current construct, exactly as `state.safe(value, config)` writes it.
 *
 * @example
 * escapeText(state, '*not emphasis*', { before: '\n', after: '\n' }) //=> '\\*not emphasis\\*'
 */
export function escapeText(
  state: EscapeState,
  input: string | null | undefined,
  config: Readonly<EscapeConfig>,
): string {
  const value = (config.before || '') + (input || '') + (config.after || '');
  const flags = new Uint8Array(value.length + 1);
  // Character escapes and references do not work in autolinks: percent-encode instead.
  const percentEncode = state.stack.includes('autolink');
  const offset = config.before ? config.before.length : 0;
  const end = value.length - (config.after ? config.after.length : 0);
  let count = 0;
  // Which ASCII characters the value holds: a pattern matches only where its character is, so
  // the patterns of characters absent are skipped (most of them, on short text nodes).
  present.fill(0);
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 128) present[code] = 1;
  }

  for (const pattern of state.unsafe) {
    const code = pattern.character.length === 1 ? pattern.character.charCodeAt(0) : 128;
    if (
      (code < 128 && present[code] === 0) ||
      !patternInScope(state.stack, pattern) ||
      !nodeInScope(pattern.beforeNode, config.beforeNode) ||
      !nodeInScope(pattern.afterNode, config.afterNode)
    ) {
      continue;
    }
    const expression = state.compilePattern(pattern);
    const from = pattern.beforeNode ? offset : 0;
    const subject = value.slice(from, pattern.afterNode ? end : undefined);
    const before = Boolean(pattern.before || pattern.atBreak);
    const after = Boolean(pattern.after);
    expression.lastIndex = 0;
    for (let match = expression.exec(subject); match; match = expression.exec(subject)) {
      const position = from + match.index + (before ? (match[1] ?? '').length : 0);
      const flag = flags[position] ?? 0;
      if (flag & UNSAFE) {
        // Seen before: a condition holds only if every pattern that matched here had it.
        flags[position] = flag & ~(before ? 0 : BEFORE) & ~(after ? 0 : AFTER);
      } else {
        count++;
        flags[position] = UNSAFE | (before ? BEFORE : 0) | (after ? AFTER : 0);
      }
    }
  }

  const positions = new Array<number>(count);
  for (let index = 0, found = 0; found < count; index++) {
    if ((flags[index] ?? 0) & UNSAFE) positions[found++] = index;
  }
  const unsafeAt = (position: number): boolean => ((flags[position] ?? 0) & UNSAFE) !== 0;

  const blocks: string[] = [];
  const result: string[] = [];
  let start = offset;
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index] as number;
    // Character before or after matched:
    if (position < start || position >= end) continue;

    // “Intraword” underscores (`a_b`, `a__b`) form no emphasis: not escaped.
    if (
      value.charAt(position) === '_' &&
      position > 0 &&
      classifyCharacter(value.charCodeAt(position - 1)) === undefined &&
      !unsafeAt(position - 1) &&
      // Characters next to attention markers can become character references later.
      !(position - 1 === offset && attention.test(value.charAt(offset - 1)))
    ) {
      let sequenceEnd = position + 1;
      while (sequenceEnd < end && value.charAt(sequenceEnd) === '_') sequenceEnd++;
      const skip = sequenceEnd - position - 1;
      if (
        positions[index + skip] === sequenceEnd - 1 &&
        sequenceEnd < value.length &&
        classifyCharacter(value.charCodeAt(sequenceEnd)) === undefined &&
        !unsafeAt(sequenceEnd) &&
        !(sequenceEnd === end - 1 && attention.test(value.charAt(end)))
      ) {
        index += skip;
        continue;
      }
    }

    // Unsafe only because of the next (or previous) character, which is escaped anyway.
    const flag = flags[position] ?? 0;
    if (
      (position + 1 < end &&
        positions[index + 1] === position + 1 &&
        flag & AFTER &&
        !((flags[position + 1] ?? 0) & (BEFORE | AFTER))) ||
      (position - 1 >= offset &&
        positions[index - 1] === position - 1 &&
        flag & BEFORE &&
        !((flags[position - 1] ?? 0) & (BEFORE | AFTER)))
    ) {
      continue;
    }

    if (start !== position) {
      const slice = value.slice(start, position);
      result.push(percentEncode ? slice : escapeBackslashes(slice, '\\'));
    }
    start = position + 1;

    const character = value.charAt(position);
    if (percentEncode) {
      result.push(`%${value.charCodeAt(position).toString(16).toUpperCase().padStart(2, '0')}`);
    } else if (asciiPunctuation.test(character) && !config.encode?.includes(character)) {
      result.push(`\\${character}`);
    } else {
      result.push(`&#x${value.charCodeAt(position).toString(16).toUpperCase()};`);
    }
    if (result.length >= BLOCK) {
      blocks.push(result.join(''));
      result.length = 0;
    }
  }

  const rest = value.slice(start, end);
  result.push(percentEncode ? rest : escapeBackslashes(rest, config.after ?? ''));
  blocks.push(result.join(''));
  return blocks.join('');
}

/** Whether any construct of `list` is open (`none` when the list is empty). */
function listInScope(
  stack: readonly string[],
  list: string | readonly string[] | null | undefined,
  none: boolean,
): boolean {
  if (typeof list === 'string') return stack.includes(list);
  if (!list || list.length === 0) return none;
  return list.some((construct) => stack.includes(construct));
}

function patternInScope(stack: readonly string[], pattern: UnsafePattern): boolean {
  return (
    listInScope(stack, pattern.inConstruct, true) &&
    !listInScope(stack, pattern.notInConstruct, false)
  );
}

function nodeInScope(
  types: string | readonly string[] | null | undefined,
  node: { type: string } | null | undefined,
): boolean {
  if (!types) return true;
  if (!node) return false;
  return typeof types === 'string' ? types === node.type : types.includes(node.type);
}

/** A backslash before ASCII punctuation (in `value`, or first in `after`), escaped. */
function escapeBackslashes(value: string, after: string): string {
  const expression = /\\(?=[!-/:-@[-`{-~])/g;
  const whole = value + after;
  const results: string[] = [];
  let start = 0;
  for (let match = expression.exec(whole); match; match = expression.exec(whole)) {
    if (start !== match.index) results.push(value.slice(start, match.index));
    results.push('\\');
    start = match.index;
  }
  results.push(value.slice(start));
  return results.join('');
}
