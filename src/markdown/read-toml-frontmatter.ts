import { parse, TomlDate, TomlError } from 'smol-toml';
import type { Diagnostic, Position } from '../schema/index.js';
import type { FrontmatterEntry, ReadFrontmatterResult, YamlLocator } from './read-frontmatter.js';
import { markdownDiagnostic } from './rules.js';
import { type TomlKeyPlace, type TomlRange, tomlPlaces } from './toml-places.js';
import { type DataRecord, dataRecord, MAX_DATA_DEPTH } from './yaml-data.js';

const problem = markdownDiagnostic;

/** smol-toml's options: prototype names are plain keys, nesting is capped. */
const parseOptions = { maxDepth: MAX_DATA_DEPTH, unsafeKeyBehaviour: 'keep' } as const;

/** The offset in `text` of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return text.length;
    at = next + 1;
  }
  return Math.min(text.length, at + column - 1);
}

/**
 * Parse a TOML frontmatter (Hugo's `+++`) with smol-toml into the same entries the YAML
 * reader gives, positions found by {@link tomlPlaces}: the key, the value, each array item
 * and each table field. A syntax error is reported where smol-toml found it; the keys before
 * the statement it is in are still read. Values are plain JSON data as from YAML: tables
 * without a prototype, dates as written (offset kept), `inf` and `nan` left out.
 */
export function readTomlFrontmatter(toml: string, locator: YamlLocator): ReadFrontmatterResult {
  const diagnostics: Diagnostic[] = [];
  const places = tomlPlaces(toml);
  const range = (value: TomlRange | undefined): Position | undefined =>
    value ? locator.range(value) : undefined;

  let data: Record<string, unknown> | undefined;
  try {
    data = parse(toml, parseOptions) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const offset = offsetOf(toml, error.line, error.column);
    const first = error.message.replace(/^Invalid TOML document: /, '').split('\n')[0];
    diagnostics.push(
      problem(
        'frontmatter-invalid-toml',
        `Invalid TOML: ${first}`,
        locator.range([offset, Math.min(toml.length, offset + 1)]),
      ),
    );
    // Read the statements before the one the error is in.
    let cut = 0;
    for (const start of places.statements) {
      if (start > offset) break;
      cut = start;
    }
    try {
      data = parse(toml.slice(0, cut), parseOptions) as Record<string, unknown>;
    } catch {
      data = undefined;
    }
  }

  const entries: FrontmatterEntry[] = [];
  if (!data) return { entries, diagnostics };
  for (const key of Object.keys(data)) {
    const place: TomlKeyPlace | undefined = places.keys.get(key);
    const keyPlace = range(place?.keyRange) ?? locator.range([0, 0]);
    if (!keyPlace) continue;
    const valuePlace = range(place?.valueRange) ?? keyPlace;
    const converted = tomlToData(data[key], place?.raw);
    for (const message of converted.problems) {
      diagnostics.push(problem('frontmatter-non-data', `${message} (in \`${key}\`)`, valuePlace));
    }
    if (converted.value === undefined) continue;
    const fieldPlaces = dataRecord() as Record<string, Position>;
    for (const [field, fieldRange] of place?.fields ?? []) {
      const fieldPlace = range(fieldRange);
      if (fieldPlace) fieldPlaces[field] = fieldPlace;
    }
    entries.push({
      key,
      value: converted.value,
      keyPlace,
      valuePlace,
      itemPlaces: (place?.items ?? []).map(range),
      fieldPlaces,
      verbatim: false,
    });
  }
  return { entries, diagnostics };
}

/**
 * A smol-toml value as plain JSON data: tables become objects without a prototype, dates
 * their text (`raw` as written for a top-level date, else smol-toml's ISO form, which keeps
 * the offset), `inf` and `nan` are left out. Walked with an explicit stack.
 */
function tomlToData(
  root: unknown,
  raw: string | undefined,
): { value: unknown; problems: string[] } {
  const problems: string[] = [];
  const holder: DataRecord = dataRecord();
  const stack: Array<{ value: unknown; into: DataRecord | unknown[]; key: string; depth: number }> =
    [{ value: root, into: holder, key: 'value', depth: 0 }];
  for (let work = stack.pop(); work !== undefined; work = stack.pop()) {
    const { value, into, key, depth } = work;
    const put = (item: unknown): void => {
      if (Array.isArray(into)) into.push(item);
      else into[key] = item;
    };
    if (value instanceof TomlDate) {
      put(depth === 0 && raw !== undefined ? raw : value.toISOString());
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) put(value);
      else
        problems.push(`Unexpected \`${String(value)}\`, expected a finite number: it is left out`);
    } else if (typeof value === 'bigint') {
      put(Number(value));
    } else if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
      if (depth >= MAX_DATA_DEPTH) {
        return {
          value: undefined,
          problems: [
            `Unexpected value nested more than ${MAX_DATA_DEPTH} levels deep, expected plain data: it is left out`,
          ],
        };
      }
      const target: DataRecord | unknown[] = Array.isArray(value) ? [] : dataRecord();
      put(target);
      const children = Array.isArray(value)
        ? value.map((item) => ({ value: item, into: target, key: '', depth: depth + 1 }))
        : Object.keys(value).map((field) => ({
            value: (value as Record<string, unknown>)[field],
            into: target,
            key: field,
            depth: depth + 1,
          }));
      for (let index = children.length - 1; index >= 0; index--)
        stack.push(children[index] as never);
    } else put(value);
  }
  return { value: holder.value, problems };
}
