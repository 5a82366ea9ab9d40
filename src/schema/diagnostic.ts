/** A point in a source file: 1-based `line` and `column`, 0-based `offset` when known. */
export interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** A range in a source file. */
export interface Position {
  start: Point;
  end: Point;
}

/**
 * A change to a source text that repairs a diagnostic, as ESLint's `fix`: replace the text
 * from offset `range[0]` to `range[1]` (0-based, in UTF-16 code units, the offsets of
 * `place`) with `text`.
 */
export interface TextEdit {
  range: [start: number, end: number];
  text: string;
}

/** How serious a diagnostic is. `error` fails a CI run; `info` only reports (dropped boilerplate, inferred dates). */
export type Severity = 'error' | 'warning' | 'info';

/** A key into an article: field names and array indices, e.g. `['byline', 'contributors', 0, 'name']`. */
export type ArticlePath = Array<string | number>;

/**
 * A problem or a finding, as plain JSON-serializable data.
 * Parsers, validators and lint rules all return these; the CLI formats them.
 */
export interface Diagnostic {
  /** Stable kebab-case id of the rule or check, e.g. `invalid-field`, `missing-date-published`. */
  ruleId: string;
  /** How serious it is. */
  severity: Severity;
  /** One sentence for a person: what is wrong, and how to fix it where that is short. */
  message: string;
  /** Where in the source file, when known. Never a made-up `1:1`. */
  place?: Point | Position;
  /** Where in the article, when it concerns a field. */
  path?: ArticlePath;
  /** The file it concerns, when known. */
  file?: string;
  /** Always `nutgraf`: lets reporters that mix tools tell the source. */
  source: 'nutgraf';
  /** A page that explains the rule. */
  url?: string;
  /** Extra explanation. */
  note?: string;
  /** What was expected, when that is a short value. */
  expected?: string;
  /** What was found, when that is a short value. */
  actual?: string;
  /** The edit that repairs it, when `nutgraf fix` can do that safely (set by the CLI). */
  fix?: TextEdit;
}

/** The dotted key of an article path: `['body', 3, 'text']` → `body.3.text`. */
export function pathToKey(path: Readonly<ArticlePath>): string {
  return path.join('.');
}

/** A readable form of an article path: `['body', 3, 'text']` → `body[3].text`. */
export function formatPath(path: Readonly<ArticlePath>): string {
  let result = '';
  for (const part of path) {
    if (typeof part === 'number') result += `[${part}]`;
    else result += result === '' ? part : `.${part}`;
  }
  return result;
}
