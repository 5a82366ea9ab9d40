/**
 * Answers of pure line readers (`findDate`, `isPersonName`, …), kept for the length of one
 * `parseText` call: the headline ranking, the metadata zone and the body ask the same
 * questions of the same lines several times. Outside {@link withLineMemo} the readers run
 * uncached, and every table is emptied when the parse ends, so nothing outlives it.
 */
const tables: Map<string, unknown>[] = [];
let active = false;

/** `read`, answering from the current parse's table when it has seen `text` before. */
export function memoized<T>(read: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  tables.push(answers);
  return (text) => {
    if (!active) return read(text);
    let answer = answers.get(text);
    if (answer === undefined && !answers.has(text)) {
      answer = read(text);
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
    for (const table of tables) table.clear();
  }
}
