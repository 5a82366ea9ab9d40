import {
  isMap,
  isScalar,
  isSeq,
  type Node,
  parseDocument,
  type Range,
  type Scalar,
  type YAMLError,
} from 'yaml';
import type { Diagnostic, Point, Position } from '../schema/index.js';
import { lineStarts, pointAt } from '../schema/line-index.js';
import { markdownDiagnostic } from './rules.js';
import { dataRecord, yamlToData } from './yaml-data.js';

/** The YAML tag `!!str`. */
export const STRING_TAG = 'tag:yaml.org,2002:str';

/** Turns offsets inside the YAML text into points in the file. */
export interface YamlLocator {
  /** The point in the file of an offset in the YAML text. */
  point(offset: number): Point;
  /** The position in the file of a YAML node range `[start, valueEnd, …]`. */
  range(range: readonly number[] | undefined | null): Position | undefined;
}

/**
 * A locator for YAML text that starts at `start` (offset, line, column) in the file.
 * Line starts are indexed once; each lookup is a binary search.
 */
export function createYamlLocator(yaml: string, start: Required<Point>): YamlLocator {
  const starts = lineStarts(yaml);
  const point = (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, yaml.length));
    const { line, column } = pointAt(starts, clamped);
    return {
      line: start.line + line - 1,
      column: line === 1 ? start.column + column - 1 : column,
      offset: start.offset + clamped,
    };
  };
  return {
    point,
    range(range) {
      if (!range || range.length < 2) return undefined;
      return { start: point(range[0] ?? 0), end: point(range[1] ?? range[0] ?? 0) };
    },
  };
}

/** One top-level `key: value` pair of the frontmatter. */
export interface FrontmatterEntry {
  /** The key as written. */
  key: string;
  /** The value as plain JSON data (strings, finite numbers, booleans, arrays, objects without a prototype, `null`). */
  value: unknown;
  /** Where the key is. */
  keyPlace: Position;
  /** Where the value is (the key when the value is empty). */
  valuePlace: Position;
  /** Where each item of a list value is, or each value of a mapping value by key. */
  itemPlaces: Array<Position | undefined>;
  /** Where each value of a mapping value is, by key (an object without a prototype). */
  fieldPlaces: Record<string, Position>;
  /** The value is a string tagged `!!str`: it is read exactly as written (white space kept). */
  verbatim: boolean;
}

/** The places of a value without items or fields: shared, never written. */
const NO_ITEM_PLACES: Array<Position | undefined> = Object.freeze([]) as unknown as Array<
  Position | undefined
>;
const NO_FIELD_PLACES = Object.freeze(dataRecord()) as Record<string, Position>;

/**
 * A YAML frontmatter entry whose key and value places are made when first read (the same
 * object on every read). Most keys' places are never read (an unknown key goes to `extra`
 * unread): a frontmatter of 80,000 keys made 600 bytes of places, lists and records per key,
 * all kept alive until the article was read.
 */
class YamlEntry implements FrontmatterEntry {
  value: unknown = undefined;
  itemPlaces = NO_ITEM_PLACES;
  fieldPlaces = NO_FIELD_PLACES;
  verbatim = false;
  readonly key: string;
  private readonly locator: YamlLocator;
  private readonly keyStart: number;
  private readonly keyEnd: number;
  /** The value's range (-1 when it has none: its place is then the key's). */
  private readonly valueStart: number;
  private readonly valueEnd: number;
  private keyAt: Position | undefined = undefined;
  private valueAt: Position | undefined = undefined;

  constructor(
    key: string,
    locator: YamlLocator,
    keyRange: readonly number[],
    valueRange: readonly number[] | null | undefined,
  ) {
    this.key = key;
    this.locator = locator;
    this.keyStart = keyRange[0] ?? 0;
    this.keyEnd = keyRange[1] ?? this.keyStart;
    const placed = valueRange && valueRange.length >= 2;
    this.valueStart = placed ? (valueRange[0] ?? 0) : -1;
    this.valueEnd = placed ? (valueRange[1] ?? this.valueStart) : -1;
  }

  get keyPlace(): Position {
    this.keyAt ??= this.locator.range([this.keyStart, this.keyEnd]) as Position;
    return this.keyAt;
  }

  get valuePlace(): Position {
    this.valueAt ??=
      this.valueStart < 0
        ? this.keyPlace
        : (this.locator.range([this.valueStart, this.valueEnd]) ?? this.keyPlace);
    return this.valueAt;
  }
}

/** What {@link readFrontmatter} found. */
export interface ReadFrontmatterResult {
  entries: FrontmatterEntry[];
  diagnostics: Diagnostic[];
}

const problem = markdownDiagnostic;

/** Options for the `yaml` parser: duplicate keys are found by {@link yamlToData} in one pass (`yaml`'s own check is quadratic). */
const parseOptions = { prettyErrors: false, strict: false, uniqueKeys: false } as const;

/**
 * Parse YAML frontmatter once, keeping where every key and value is. Syntax errors,
 * duplicate keys, alias bombs and values that are not plain data become diagnostics; the
 * pairs that could be read are kept, as plain JSON data.
 */
export function readFrontmatter(yaml: string, yamlLocator: YamlLocator): ReadFrontmatterResult {
  const diagnostics: Diagnostic[] = [];
  const entries: FrontmatterEntry[] = [];
  let locator = yamlLocator;
  let document = parseDocument(yaml, parseOptions);

  // Jekyll and Eleventy (js-yaml) accept quoted values whose continuation lines are not
  // indented; the YAML spec does not. Read them as js-yaml does, with a warning.
  if (document.errors.length > 0) {
    const repair = indentQuotedContinuations(yaml);
    if (repair.lines.length > 0) {
      const repaired = parseDocument(repair.text, parseOptions);
      if (repaired.errors.length === 0) {
        document = repaired;
        locator = shiftedLocator(yamlLocator, repair.inserted);
        for (const line of repair.lines) {
          diagnostics.push(
            markdownDiagnostic(
              'frontmatter-yaml-indentation',
              'Unexpected unindented line inside a quoted value, expected it to be indented: read as js-yaml does',
              yamlLocator.range([line, line + 1]) as Position,
            ),
          );
        }
      }
    }
  }

  const contentsForErrors = document.contents;
  const errorStarts = new Set<number>();
  const errorOffsets: number[] = [];
  const reported = new Set<number>();
  /** The parser ran out of stack on deep nesting: said as that value's depth below. */
  const exhausted: YAMLError[] = [];
  const scalarValues = isMap(contentsForErrors) ? scalarValuesOf(contentsForErrors.items) : [];
  for (const error of document.errors) {
    if (error.code === 'RESOURCE_EXHAUSTION') {
      exhausted.push(error);
      continue;
    }
    errorOffsets.push(error.pos[0]);
    let start = error.pos[0];
    let place = locator.range(error.pos);
    // Point a broken value's error at the value (an unclosed quote is found where the file
    // ends, not where the quote opened).
    const value = isMap(contentsForErrors)
      ? scalarValueWith(scalarValues, error, contentsForErrors.items)
      : undefined;
    if (value) {
      start = (value.range as Range)[0];
      errorStarts.add(start);
      place = locator.range([start, error.pos[1]]);
    }
    // One mistake often gives several errors at one place: report it once.
    if (reported.has(start)) continue;
    reported.add(start);
    const first = error.message.split('\n')[0] ?? error.message;
    diagnostics.push(problem('frontmatter-invalid-yaml', `Invalid YAML: ${first}`, place));
  }

  const contents = document.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { entries, diagnostics };
  }
  if (!isMap(contents)) {
    diagnostics.push(
      problem(
        'frontmatter-invalid-yaml',
        `Unexpected ${isSeq(contents) ? 'list' : 'value'} as frontmatter, expected \`key: value\` pairs`,
        locator.range(contents.range),
      ),
    );
    return { entries, diagnostics };
  }

  /** The offset of each key's first occurrence. */
  const seen = new Map<string, number>();
  let deepReported = false;
  errorOffsets.sort((a, b) => a - b);
  for (const pair of contents.items) {
    const keyNode = pair.key as Node | null;
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') continue;
    // A key the YAML parser could not read (`@bad`) is reported above, not kept.
    const keyRange = keyNode.range;
    if (keyRange && hasOffsetIn(errorOffsets, keyRange[0], keyRange[1])) continue;
    // The locator places a range of two offsets or more (and nothing else).
    if (!keyRange || keyRange.length < 2) continue;
    const key = String(keyNode.value);
    const valueNode = pair.value as Node | null;
    const valueRange = valueNode?.range;
    const entry = new YamlEntry(key, locator, keyRange, valueRange);
    const previous = seen.get(key);
    if (previous !== undefined) {
      diagnostics.push(
        problem(
          'frontmatter-duplicate-key',
          `Unexpected duplicate key \`${key}\`, expected each key once: the first one (line ${locator.point(previous).line}) is kept`,
          entry.keyPlace,
        ),
      );
      continue;
    }
    seen.set(key, keyRange[0]);
    // A scalar the YAML parser could not read is garbage (it swallowed what followed): skip it.
    if (isScalar(valueNode) && valueRange && errorStarts.has(valueRange[0])) continue;
    const data = yamlToData(valueNode, document);
    for (const found of data.problems) {
      const place = locator.range(found.range) ?? entry.keyPlace;
      if (found.kind === 'duplicate') {
        const first = locator.range(found.firstRange);
        diagnostics.push(
          problem(
            'frontmatter-duplicate-key',
            `Unexpected duplicate key \`${found.message}\` in \`${key}\`, expected each key once: the first one${first ? ` (line ${first.start.line})` : ''} is kept`,
            place,
          ),
        );
      } else {
        if (found.kind === 'too-deep') deepReported = true;
        diagnostics.push(
          problem(
            found.kind === 'alias-bomb' ? 'frontmatter-invalid-yaml' : 'frontmatter-non-data',
            `${found.message} (in \`${key}\`)`,
            place,
          ),
        );
      }
    }
    if (data.value === undefined) continue;
    const value = data.value;
    entry.value = value;
    if (data.items.length > 0)
      entry.itemPlaces = data.items.map((item) => locator.range(item?.range));
    if (data.fields.size > 0) {
      const fieldPlaces = dataRecord() as Record<string, Position>;
      for (const [field, node] of data.fields) {
        const place = locator.range(node.range);
        if (place) fieldPlaces[field] = place;
      }
      entry.fieldPlaces = fieldPlaces;
    }
    entry.verbatim =
      isScalar(valueNode) && valueNode.tag === STRING_TAG && typeof value === 'string';
    entries.push(entry);
  }
  if (!deepReported) {
    for (const error of exhausted) {
      const first = error.message.split('\n')[0] ?? error.message;
      diagnostics.push(
        problem('frontmatter-invalid-yaml', `Invalid YAML: ${first}`, locator.range(error.pos)),
      );
    }
  }
  return { entries, diagnostics };
}

/**
 * The scalar values of a mapping's pairs that have a range, in order, for
 * {@link scalarValueWith}; `undefined` when they are not in order of their ranges, each
 * starting after the one before it ends (then each error looks through all the pairs).
 */
function scalarValuesOf(items: ReadonlyArray<{ value: unknown }>): Scalar[] | undefined {
  const values: Scalar[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const pair of items) {
    const value = pair.value as Node | null;
    if (!isScalar(value) || !value.range) continue;
    if (value.range[0] <= end) return undefined;
    end = value.range[1];
    values.push(value);
  }
  return values;
}

/**
 * The first scalar value (in the mapping's order) that a YAML error is about (see
 * {@link isErrorIn}), by binary search when the values are in order (`values` from
 * {@link scalarValuesOf}): only the last one starting at or before the error can hold it.
 * Looking through every pair for every error took keys × errors.
 */
function scalarValueWith(
  values: readonly Scalar[] | undefined,
  error: YAMLError,
  items: ReadonlyArray<{ value: unknown }>,
): Scalar | undefined {
  if (!values) {
    for (const pair of items) {
      const value = pair.value as Node | null;
      if (isScalar(value) && value.range && isErrorIn(value, value.range, error)) return value;
    }
    return undefined;
  }
  const at = error.pos[0];
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (((values[middle] as Scalar).range as Range)[0] <= at) low = middle + 1;
    else high = middle;
  }
  const value = values[low - 1];
  return value && isErrorIn(value, value.range as Range, error) ? value : undefined;
}

/** Whether `sorted` (ascending) holds an offset in `[from, to)`; by binary search. */
function hasOffsetIn(sorted: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && (sorted[low] as number) < to;
}

/**
 * Whether a YAML error is about a scalar value: it lies inside the value, or it is the
 * missing closing quote found where an unclosed quoted value ends. An error on a later line
 * (inside `range[2]`, the value's trailing line ending) belongs to that line, not the value.
 */
function isErrorIn(value: Scalar, range: Range, error: YAMLError): boolean {
  const at = error.pos[0];
  if (at < range[0]) return false;
  if (at < range[1]) return true;
  return (
    at === range[1] &&
    error.code === 'MISSING_CHAR' &&
    (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE')
  );
}

/** A line that starts a `key: "quoted` value. */
const quotedValueStart = /^[^\s#'"-][^:]{0,200}:[ \t]+(["'])/;

/** Where a quoted scalar that starts at `from` closes on its line, or -1. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let index = from; index < line.length; index++) {
    const char = line[index];
    if (quote === '"' && char === '\\') index++;
    else if (char === quote) {
      if (quote === "'" && line[index + 1] === "'") index++;
      else return index;
    }
  }
  return -1;
}

/**
 * Indent (by two spaces) the continuation lines of quoted values that start at column 1.
 * Returns the new text, the offsets in it where spaces were inserted, and the offsets in the
 * original text of the lines that were changed.
 */
export function indentQuotedContinuations(yaml: string): {
  text: string;
  inserted: number[];
  lines: number[];
} {
  const inserted: number[] = [];
  const lines: number[] = [];
  let text = '';
  let open: string | undefined;
  let reported = false;
  let offset = 0;
  for (const line of yaml.split('\n')) {
    if (open) {
      if (line !== '' && !/^[ \t]/.test(line)) {
        inserted.push(text.length);
        if (!reported) lines.push(offset);
        reported = true;
        text += '  ';
      }
      if (closingQuote(line, 0, open) !== -1) open = undefined;
    } else {
      const start = quotedValueStart.exec(line);
      if (start?.[1] && closingQuote(line, start[0].length, start[1]) === -1) {
        open = start[1];
        reported = false;
      }
    }
    text += `${line}\n`;
    offset += line.length + 1;
  }
  return { text: text.slice(0, -1), inserted, lines };
}

/** A locator for text with spaces inserted at `inserted` (offsets in the new text, two each). */
function shiftedLocator(locator: YamlLocator, inserted: readonly number[]): YamlLocator {
  // Binary search: how many insertions end at or before `offset`.
  const original = (offset: number): number => {
    let low = 0;
    let high = inserted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((inserted[middle] ?? 0) + 2 <= offset) low = middle + 1;
      else high = middle;
    }
    const at = inserted[low];
    if (at !== undefined && at <= offset) return at - 2 * low;
    return offset - 2 * low;
  };
  return {
    point: (offset) => locator.point(original(offset)),
    range: (range) =>
      range && range.length >= 2
        ? locator.range([original(range[0] ?? 0), original(range[1] ?? range[0] ?? 0)])
        : undefined,
  };
}
