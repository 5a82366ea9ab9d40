import { type Document, isMap, isScalar, isSeq, parseDocument, type Scalar, YAMLSeq } from 'yaml';
import { frontmatterFields } from '../markdown/index.js';
import { articleSchema, isoDateProblem } from '../schema/index.js';
import type { InputFormat } from './detect-format.js';

/** One fix applied to a file. */
export interface AppliedFix {
  /** What kind of fix: `author-name-prefix`, `author-list`, `date-format`, `key-order`. */
  kind: FixKind;
  /** What changed, for a person. */
  message: string;
}

/** The safe fixes `nutgraf fix` knows. */
export type FixKind = 'author-name-prefix' | 'author-list' | 'date-format' | 'key-order';

/** The result of {@link fixSource}: the new text (same as the input when nothing applies). */
export interface FixSourceResult {
  text: string;
  fixes: AppliedFix[];
  /** Why the file was left alone, when it was (cannot be parsed completely, format without fixes). */
  skipped?: string;
}

/** Intro words before an author name, stripped by the `author-name-prefix` fix. */
const authorPrefix = /^(?:(?:written|words|story|reporting|text|photos?)\s+)?by(?:\s*:)?\s+(?=\S)/i;

/** Joiners between names in one author string: `A and B`, `A & B`, `A, B and C`. */
// `(?<!\s)`: a match starts where white space does, so a run of spaces is scanned once.
const nameJoiner = /(?<!\s)(?:\s*,\s*and\s+|\s*,\s*&\s*|\s*,\s*|\s+and\s+|\s*&\s*)/;

/** A plausible personal name: 2–4 capitalised words, no digits. */
const personName = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** Words that show a part of an author string is a title or an outlet, not a person. */
const notNameWords = new Set(
  [
    'staff',
    'writer',
    'reporter',
    'editor',
    'correspondent',
    'columnist',
    'contributor',
    'photographer',
    'producer',
    'bureau',
    'chief',
    'senior',
    'desk',
    'news',
    'press',
    'times',
    'post',
    'herald',
    'journal',
    'tribune',
    'daily',
    'agency',
    'media',
    'associated',
    'reuters',
    'afp',
    'ap',
    'dpa',
    'bbc',
    'cnn',
    'team',
    'group',
    'service',
    'wire',
    'magazine',
    'gazette',
    'weekly',
  ].map((word) => word.toLowerCase()),
);

/** The names in `value` when it safely splits into two or more personal names, else `undefined`. */
export function splitAuthorNames(value: string): string[] | undefined {
  if (value.length > 300) return undefined;
  const parts = value.split(nameJoiner).map((part) => part.trim());
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    if (!personName.test(part)) return undefined;
    for (const word of part.split(/\s+/)) {
      if (notNameWords.has(word.toLowerCase().replace(/[.’']/g, ''))) return undefined;
    }
  }
  return parts;
}

/** `By Ana Ruiz` → `Ana Ruiz`; `undefined` when there is no prefix. */
export function stripAuthorPrefix(value: string): string | undefined {
  const match = authorPrefix.exec(value);
  return match ? value.slice(match[0].length) : undefined;
}

const looseDate =
  /^(\d{4})[-/](\d{2})[-/](\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)? ?([Zz]|[+-]\d{2}:?\d{2}))?$/;

/**
 * A date written loosely but unambiguously, in the form nutgraf stores, keeping its offset:
 * `2024-03-09 14:30 -0500` → `2024-03-09T14:30:00-05:00`, `2024/03/09` → `2024-03-09`.
 * `undefined` when the value is already canonical or cannot be normalised safely (no offset).
 *
 * @example
 * normalizeDate('2024-03-09 14:30:00 +0100') //=> '2024-03-09T14:30:00+01:00'
 */
export function normalizeDate(value: string): string | undefined {
  if (value.length > 40) return undefined;
  const match = looseDate.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  let result = `${year}-${month}-${day}`;
  if (hour !== undefined && zone !== undefined) {
    const offset =
      zone.toUpperCase() === 'Z'
        ? 'Z'
        : zone.includes(':')
          ? zone
          : `${zone.slice(0, 3)}:${zone.slice(3)}`;
    result += `T${hour}:${minute}:${second ?? '00'}${fraction ?? ''}${offset}`;
  }
  if (result === value || isoDateProblem(result) !== undefined) return undefined;
  return result;
}

/** Frontmatter keys (lower case) that hold dates, from the Markdown key table. */
const dateKeys: ReadonlySet<string> = new Set(
  frontmatterFields
    .filter((row) => row.kind === 'date' || row.kind === 'published')
    .flatMap((row) => row.keys.map((key) => key.toLowerCase())),
);

/** Frontmatter keys (lower case) that hold authors. */
const authorKeys: ReadonlySet<string> = new Set(
  frontmatterFields
    .filter((row) => row.kind === 'authors')
    .flatMap((row) => row.keys.map((key) => key.toLowerCase())),
);

/** Frontmatter keys (lower case) → the Article field whose place they take in the canonical order. */
const aliasOf: ReadonlyMap<string, string> = new Map(
  frontmatterFields.flatMap((row) =>
    row.keys.map((key) => [key.toLowerCase(), row.field.split('.')[0] ?? row.field] as const),
  ),
);

/** The canonical order of Article fields (the order of the schema). */
const canonicalOrder: readonly string[] = Object.keys(articleSchema.shape);

function rank(key: string): number {
  const index = canonicalOrder.indexOf(aliasOf.get(key.toLowerCase()) ?? key);
  return index === -1 ? canonicalOrder.length : index;
}

/** Keys sorted in canonical order; unknown keys keep their order, after the known ones. */
function canonicalKeys(keys: readonly string[]): string[] {
  return keys
    .map((key, index) => ({ key, index, rank: rank(key) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.key);
}

function fixAuthorString(value: string, fixes: AppliedFix[]): string | string[] {
  let name = value;
  const stripped = stripAuthorPrefix(name);
  if (stripped !== undefined) {
    fixes.push({ kind: 'author-name-prefix', message: `Removed the prefix from \`${value}\`` });
    name = stripped;
  }
  const names = splitAuthorNames(name);
  if (names) {
    fixes.push({
      kind: 'author-list',
      message: `Split \`${name}\` into ${names.length} authors`,
    });
    return names;
  }
  return name;
}

function fixFrontmatter(document: Document, fixes: AppliedFix[]): void {
  const root = document.contents;
  if (!isMap(root)) return;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined) continue;
    const value = pair.value;
    if (dateKeys.has(key.toLowerCase()) && isScalar(value) && typeof value.value === 'string') {
      const normalized = normalizeDate(value.value);
      if (normalized) {
        fixes.push({
          kind: 'date-format',
          message: `Wrote \`${value.value}\` as \`${normalized}\``,
        });
        (value as Scalar).value = normalized;
      }
    }
    if (!authorKeys.has(key.toLowerCase())) continue;
    if (isScalar(value) && typeof value.value === 'string') {
      const fixed = fixAuthorString(value.value, fixes);
      if (Array.isArray(fixed)) {
        const list = new YAMLSeq();
        for (const name of fixed) list.add(document.createNode(name));
        pair.value = list;
      } else (value as Scalar).value = fixed;
    } else if (isSeq(value)) {
      const items: unknown[] = [];
      let changed = false;
      for (const item of value.items) {
        if (isScalar(item) && typeof item.value === 'string') {
          const fixed = fixAuthorString(item.value, fixes);
          if (Array.isArray(fixed)) {
            changed = true;
            for (const name of fixed) items.push(document.createNode(name));
            continue;
          }
          if (fixed !== item.value) (item as Scalar).value = fixed;
        } else if (isMap(item)) {
          const name = item.get('name', true);
          if (isScalar(name) && typeof name.value === 'string') {
            const stripped = stripAuthorPrefix(name.value);
            if (stripped !== undefined) {
              fixes.push({
                kind: 'author-name-prefix',
                message: `Removed the prefix from \`${name.value}\``,
              });
              (name as Scalar).value = stripped;
            }
          }
        }
        items.push(item);
      }
      if (changed) value.items = items as typeof value.items;
    }
  }
  const keys = root.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  const order = canonicalKeys(keys);
  if (order.some((key, index) => key !== keys[index])) {
    fixes.push({ kind: 'key-order', message: 'Put the frontmatter keys in canonical order' });
    const byKey = new Map(root.items.map((pair, index) => [keys[index], pair]));
    root.items = order.map((key) => byKey.get(key)!);
  }
}

/** `---` line, then YAML, then `---` (or `...`) line, at the very start of the file. */
const frontmatterPattern =
  /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?((?:---|\.\.\.)[ \t]*(?:\r?\n|$))/;

function fixMarkdown(text: string): FixSourceResult {
  const match = frontmatterPattern.exec(text);
  if (!match) return { text, fixes: [], skipped: 'no frontmatter' };
  const yamlText = match[2] ?? '';
  const document = parseDocument(yamlText, { uniqueKeys: true });
  if (document.errors.length > 0) {
    return { text, fixes: [], skipped: 'the frontmatter is not valid YAML' };
  }
  const fixes: AppliedFix[] = [];
  fixFrontmatter(document, fixes);
  if (fixes.length === 0) return { text, fixes };
  let yamlOut = document.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (match[1]?.includes('\r\n')) yamlOut = yamlOut.replace(/\r?\n/g, '\r\n');
  return { text: `${match[1]}${yamlOut}${match[3]}${text.slice(match[0].length)}`, fixes };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/**
 * Fixes to an Article JSON file as text edits at node ranges, so everything else (layout,
 * key order, spacing) stays as written.
 */
function fixJsonArticle(document: Document, fixes: AppliedFix[]): Edit[] {
  const edits: Edit[] = [];
  const root = document.contents;
  if (!isMap(root)) return edits;
  for (const key of ['datePublished', 'dateModified', 'dateCreated']) {
    const node = root.get(key, true);
    const range = rangeOf(node);
    if (!isScalar(node) || typeof node.value !== 'string' || !range) continue;
    const normalized = normalizeDate(node.value);
    if (normalized) {
      fixes.push({ kind: 'date-format', message: `Wrote \`${node.value}\` as \`${normalized}\`` });
      edits.push({ start: range[0], end: range[1], text: JSON.stringify(normalized) });
    }
  }
  const contributors = root.getIn(['byline', 'contributors'], true);
  if (!isSeq(contributors)) return edits;
  for (const item of contributors.items) {
    if (!isMap(item)) continue;
    const name = item.get('name', true);
    const nameRange = rangeOf(name);
    const itemRange = rangeOf(item);
    if (!isScalar(name) || typeof name.value !== 'string' || !nameRange || !itemRange) continue;
    const before = fixes.length;
    const fixed = fixAuthorString(name.value, fixes);
    if (Array.isArray(fixed)) {
      const entry = item.toJSON() as Record<string, unknown>;
      const onlyName = Object.keys(entry).every((key) => ['name', 'type', 'role'].includes(key));
      if (!onlyName) {
        // Other fields (job title, URL) belong to one person: do not guess whose they are.
        fixes.length = before;
        const stripped = stripAuthorPrefix(name.value);
        if (stripped !== undefined) {
          fixes.push({
            kind: 'author-name-prefix',
            message: `Removed the prefix from \`${name.value}\``,
          });
          edits.push({ start: nameRange[0], end: nameRange[1], text: JSON.stringify(stripped) });
        }
        continue;
      }
      const text = fixed
        .map((one) => {
          const fields = Object.entries({ ...entry, name: one });
          return `{ ${fields.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')} }`;
        })
        .join(', ');
      edits.push({ start: itemRange[0], end: itemRange[1], text });
    } else if (fixed !== name.value) {
      edits.push({ start: nameRange[0], end: nameRange[1], text: JSON.stringify(fixed) });
    }
  }
  return edits;
}

/**
 * Apply the safe fixes to the text of one article file: strip `By` and similar intro words
 * from author names, split an author string that names several people, write dates in
 * ISO 8601 keeping their offset, and put frontmatter keys in canonical order. Markdown
 * outside the frontmatter, and the layout of Article JSON files, are never changed. A file that cannot be
 * parsed completely is returned unchanged with `skipped` set.
 *
 * @example
 * fixSource('---\nauthor: By Ana Ruiz\ntitle: Hi\n---\nText\n', 'markdown').text
 * //=> '---\ntitle: Hi\nauthor: Ana Ruiz\n---\nText\n'
 */
export function fixSource(text: string, format: InputFormat): FixSourceResult {
  if (format === 'markdown') return fixMarkdown(text);
  if (format !== 'json') return { text, fixes: [], skipped: `no safe fixes for ${format} files` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { text, fixes: [], skipped: 'the JSON cannot be parsed' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || '@context' in value) {
    return { text, fixes: [], skipped: 'no safe fixes for JSON-LD' };
  }
  const document = parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0) return { text, fixes: [], skipped: 'the JSON cannot be parsed' };
  const fixes: AppliedFix[] = [];
  const edits = fixJsonArticle(document, fixes).sort((a, b) => b.start - a.start);
  let out = text;
  for (const edit of edits) out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`;
  return { text: out, fixes };
}
