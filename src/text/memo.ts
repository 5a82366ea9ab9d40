import { type FoundDate, findDateUnchecked, type ParseDateOptions } from '../fields/parse-date.js';

/**
 * Answers of pure line readers (`lineDate`, `looksLikePersonName`, …), kept for the length of one
 * `parseText` call: the headline ranking, the metadata zone and the body ask the same
 * questions of the same lines several times. Outside {@link withLineMemo} the readers run
 * uncached, and every table is emptied when the parse ends, so nothing outlives it.
 */
/** The tables that hold answers of the current parse (each listed once, when first written). */
const filled: Map<string, unknown>[] = [];
let active = false;

/**
 * `read`, answering from the current parse's table when it has seen `text` before. A text of
 * more than 400 characters is read afresh: a table key costs a hash over every character, and
 * the readers answer such a line at once (a paragraph is no date, caption or metadata line).
 */
export function memoized<T>(read: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (!active || text.length > 400) return read(text);
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      answer = read(text);
      if (answers.size === 0) filled.push(answers);
      answers.set(text, answer);
    }
    return answer as T;
  };
}

/** Run `parse` with the line readers' tables on, and empty them afterwards. */
export function withLineMemo<T>(parse: () => T): T {
  if (active) return parse();
  active = true;
  try {
    return parse();
  } finally {
    active = false;
    for (const table of filled) table.clear();
    filled.length = 0;
  }
}

/** Longest head of a line searched for a date. */
const DATE_HEAD = 400;

const headOf = (line: string): string =>
  line.length > DATE_HEAD ? line.slice(0, DATE_HEAD) : line;

/** {@link lineDate} without options, remembered per parse. */
const plainLineDate = memoized((line: string) => findDateUnchecked(headOf(line)));

/**
 * The first date printed in a line (in its first 400 characters), as the field parser
 * `findDate` reads it; remembered per parse when no options are given.
 */
export function lineDate(
  line: string,
  options?: Readonly<ParseDateOptions>,
): FoundDate | undefined {
  return options && (options.timeZone || options.locale || options.referenceDate)
    ? findDateUnchecked(headOf(line), options)
    : plainLineDate(line);
}

/** Whether a date covers most of a short line (120 characters at most): a date line. */
export function isDateLine(text: string): boolean {
  if (text.length > 120) return false;
  const date = lineDate(text);
  return date !== undefined && date.text.length >= text.length * 0.4;
}
