import { isDeepStrictEqual } from 'node:util';
import { indentQuotedContinuations } from '../markdown/read-frontmatter.js';
import { type Diagnostic, isoDateProblem, type Position } from '../schema/index.js';
import { type CheckSourceOptions, type CheckSourceResult, checkSource } from './check-source.js';
import type { InputFormat } from './detect-format.js';
import * as engines from './engines.js';
import { applyEdits, offsetMapper, type TextEdit } from './text-edits.js';
import {
  type EmbeddedDocument,
  embeddedDocument,
  replaceString,
  type StringNode,
  splitString,
  stringNodes,
  verifiedEdit,
} from './yaml-edits.js';

/** Intro words before an author name, stripped by the `author-name-has-prefix` fix. */
const authorPrefix =
  /^(?:(?:written|words|story|reporting|reported|posted|text|photos?)\s+)?by(?:\s*:)?\s+(?=\S)/i;

/** Joiners between names in one author string: `A and B`, `A & B`, `A, B and C`. */
// `(?<!\s)`: a match starts where white space does, so a run of spaces is scanned once.
const nameJoiner = /(?<!\s)(?:\s*,\s*and\s+|\s*,\s*&\s*|\s*,\s*|\s+and\s+|\s*&\s*)/;

/** A plausible personal name: 2–4 capitalised words, no digits. */
const personName = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

/** Words that show a part of an author string is a title or an outlet, not a person. */
const notNameWords: ReadonlySet<string> = new Set([
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
]);

/**
 * The names in `value` when it safely splits into two or more personal names, else `undefined`.
 *
 * @example
 * splitAuthorNames('Ana Ruiz and Lena Moritz') //=> ['Ana Ruiz', 'Lena Moritz']
 */
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

/**
 * `By Ana Ruiz` → `Ana Ruiz`; `undefined` when there are no intro words. Honorifics
 * (`Dr.`) are not intro words: they belong in `honorificPrefix`, which is not a safe fix.
 *
 * @example
 * stripAuthorPrefix('Written by Ana Ruiz') //=> 'Ana Ruiz'
 */
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

/** What a fixer sees: the file and, read once on demand, its data document. */
interface FixContext {
  readonly text: string;
  readonly format: InputFormat;
  /** The frontmatter (Markdown) or the whole file (JSON), `undefined` when it has none or cannot be read. */
  document(): EmbeddedDocument | undefined;
  /** The string scalars of {@link document}. */
  strings(): readonly StringNode[];
  /** Strings a fix of this pass already edits. */
  readonly claimed: Set<StringNode>;
  /** The article as the file reads now (Markdown only), for fixes that must not change it. */
  article(): unknown;
}

/** Makes the edit that repairs one diagnostic, or `undefined` when no safe edit exists. */
type Fixer = (diagnostic: Diagnostic, context: FixContext) => TextEdit | undefined;

function offsetsOf(place: Diagnostic['place']): [number, number] | undefined {
  if (!place) return undefined;
  if ('start' in place) {
    const { start, end } = place as Position;
    return start.offset === undefined || end.offset === undefined
      ? undefined
      : [start.offset, end.offset];
  }
  return place.offset === undefined ? undefined : [place.offset, place.offset];
}

/**
 * The string the diagnostic is about: its value is the diagnostic's `actual`, and it lies
 * at the diagnostic's place (inside it, or holding it). Each string is taken once a pass.
 */
function stringFor(diagnostic: Diagnostic, context: FixContext): StringNode | undefined {
  const place = offsetsOf(diagnostic.place);
  if (!place || diagnostic.actual === undefined) return undefined;
  const found = context
    .strings()
    .find(
      (string) =>
        string.value === diagnostic.actual &&
        !context.claimed.has(string) &&
        ((place[0] <= string.range[0] && string.range[1] <= place[1]) ||
          (string.range[0] <= place[0] && place[1] <= string.range[1])),
    );
  if (found) context.claimed.add(found);
  return found;
}

const removeIntroWords: Fixer = (diagnostic, context) => {
  const { actual, expected } = diagnostic;
  if (actual === undefined || expected === undefined || stripAuthorPrefix(actual) !== expected) {
    return undefined;
  }
  const document = context.document();
  const string = document && stringFor(diagnostic, context);
  if (!document || !string) return undefined;
  return verifiedEdit(document, replaceString(document, string, expected));
};

const splitNames: Fixer = (diagnostic, context) => {
  const { actual, expected } = diagnostic;
  if (actual === undefined || expected === undefined) return undefined;
  const names = splitAuthorNames(actual);
  if (!names || names.join(' | ') !== expected) return undefined;
  const document = context.document();
  const string = document && stringFor(diagnostic, context);
  if (!document || !string) return undefined;
  return verifiedEdit(document, splitString(document, string, names));
};

/** The Article fields that hold dates (last key of a diagnostic's path). */
const dateFields: ReadonlySet<string | number> = new Set([
  'datePublished',
  'dateModified',
  'dateCreated',
  'date',
]);

const writeDateInIso: Fixer = (diagnostic, context) => {
  const { actual } = diagnostic;
  const field = diagnostic.path?.at(-1);
  if (actual === undefined || field === undefined || !dateFields.has(field)) return undefined;
  const normalized = normalizeDate(actual);
  if (normalized === undefined) return undefined;
  const document = context.document();
  const string = document && stringFor(diagnostic, context);
  if (!document || !string) return undefined;
  return verifiedEdit(document, replaceString(document, string, normalized));
};

/** The first line of a frontmatter and the YAML after it (a file may start with blank lines, as Hugo allows). */
const frontmatterOpen = /^(?:[ \t]*\r?\n)*---[ \t]*\r?\n/;
const frontmatterClose = /^(?:---|\.\.\.)[ \t]*\r?$/m;

/** Where the YAML of a Markdown file's frontmatter starts and ends (before its closing line). */
function frontmatterBounds(text: string): [number, number] | undefined {
  const open = frontmatterOpen.exec(text);
  if (!open) return undefined;
  const start = open[0].length;
  const close = frontmatterClose.exec(text.slice(start));
  return close ? [start, start + close.index] : undefined;
}

const indentContinuations: Fixer = (diagnostic, context) => {
  if (context.format !== 'markdown') return undefined;
  const bounds = frontmatterBounds(context.text);
  const place = offsetsOf(diagnostic.place);
  if (!bounds || !place) return undefined;
  const yaml = context.text.slice(bounds[0], bounds[1]);
  const repair = indentQuotedContinuations(yaml);
  const line = place[0] - bounds[0];
  const index = repair.lines.indexOf(line);
  if (index === -1) return undefined;
  const next = repair.lines[index + 1] ?? Number.POSITIVE_INFINITY;
  const at = repair.inserted
    .map((offset, count) => offset - 2 * count)
    .filter((offset) => offset >= line && offset < next);
  if (at.length === 0) return undefined;
  const first = at[0]!;
  const last = at.at(-1)!;
  let replacement = '';
  let cursor = first;
  for (const offset of at) {
    replacement += `${yaml.slice(cursor, offset)}  `;
    cursor = offset;
  }
  replacement += yaml.slice(cursor, last);
  const edit: TextEdit = { range: [bounds[0] + first, bounds[0] + last], text: replacement };
  // The value must read as before: only its layout changes.
  const fixed = applyEdits(context.text, [edit]).text;
  const after = engines.parseMarkdown(fixed, {}).article;
  return isDeepStrictEqual(after, context.article()) ? edit : undefined;
};

/**
 * The fixes `nutgraf fix` knows, by the rule id of the diagnostic each repairs. Each makes
 * the smallest edit that repairs the one problem the diagnostic reports, checks that the
 * file's data changes exactly as intended, and gives up (no fix) otherwise.
 */
const fixers: Readonly<Record<string, Fixer>> = {
  'author-name-has-prefix': removeIntroWords,
  'multiple-authors-in-one-name': splitNames,
  'frontmatter-yaml-indentation': indentContinuations,
  'invalid-field': writeDateInIso,
};

/**
 * The rule ids `nutgraf fix` can repair (for some of their findings: `invalid-field` only
 * for dates written loosely in JSON).
 *
 * @example
 * fixableRuleIds.has('author-name-has-prefix') //=> true
 */
export const fixableRuleIds: ReadonlySet<string> = new Set(Object.keys(fixers));

function dataDocument(text: string, format: InputFormat): EmbeddedDocument | undefined {
  if (format === 'json') return embeddedDocument(text, 0, text.length, 'json');
  if (format !== 'markdown') return undefined;
  const bounds = frontmatterBounds(text);
  return bounds && embeddedDocument(text, bounds[0], bounds[1], 'yaml');
}

function createContext(text: string, format: InputFormat): FixContext {
  let document: { value: EmbeddedDocument | undefined } | undefined;
  let strings: StringNode[] | undefined;
  let article: { value: unknown } | undefined;
  const readDocument = () => {
    document ??= { value: dataDocument(text, format) };
    return document.value;
  };
  return {
    text,
    format,
    claimed: new Set(),
    document: readDocument,
    strings() {
      const current = readDocument();
      strings ??= current ? stringNodes(current) : [];
      return strings;
    },
    article() {
      article ??= { value: engines.parseMarkdown(text, {}).article };
      return article.value;
    },
  };
}

/**
 * The diagnostics, each with the `fix` that repairs it when a safe one exists (ESLint's
 * `fix`: a range of `text` and its replacement). Diagnostics of rules without fixes are
 * returned as they are; the inputs are not changed.
 *
 * @example
 * const { diagnostics } = checkSource(text, 'json', { file: 'a.json' })
 * withFixes(text, 'json', diagnostics).filter((d) => d.fix)
 */
export function withFixes(
  text: string,
  format: InputFormat,
  diagnostics: readonly Diagnostic[],
): Diagnostic[] {
  if (!diagnostics.some((diagnostic) => fixableRuleIds.has(diagnostic.ruleId))) {
    return [...diagnostics];
  }
  const context = createContext(text, format);
  return diagnostics.map((diagnostic) => {
    const fixer = fixers[diagnostic.ruleId];
    let fix: TextEdit | undefined;
    try {
      fix = fixer?.(diagnostic, context);
    } catch {
      fix = undefined;
    }
    return fix ? { ...diagnostic, fix } : diagnostic;
  });
}

/** What {@link fixSource} did. */
export interface FixSourceResult {
  /** The fixed text (the input itself when nothing was fixed). */
  text: string;
  /** The diagnostics that were fixed, each with its `fix`, its range in the input text. */
  fixed: Diagnostic[];
  /** The check of the fixed text: what is left. */
  checked: CheckSourceResult;
  /** Set when fixes were found but not applied: they would not have repaired the file. */
  rejected?: string;
}

/** ESLint's limit: fixes that make further fixes possible are applied in at most this many passes. */
const maxPasses = 10;

const errorCount = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;

/** A key that survives the line shifts of other fixes: the rule and what it found. */
const findingKey = (diagnostic: Diagnostic) =>
  `${diagnostic.ruleId}\u0000${diagnostic.actual ?? ''}\u0000${diagnostic.message}`;

/**
 * Check a file and apply the fixes of its diagnostics, in passes (as ESLint does) until none
 * is left: a fix can make others possible (a JSON article whose date is repaired is read,
 * and its author names are checked). Only the bytes of each fix change; a file without
 * fixes comes back as it was. A pass whose fixes would leave a fixed problem in place, or
 * add errors, is undone and reported in `rejected`. Files that cannot be read completely
 * (syntax errors) are left alone.
 *
 * @example
 * fixSource('{"headline":"Hi","body":[],"byline":{"contributors":[{"name":"By Ana Ruiz"}]}}', 'json', { file: 'a.json' }).text
 * //=> '{"headline":"Hi","body":[],"byline":{"contributors":[{"name":"Ana Ruiz"}]}}'
 */
export function fixSource(
  text: string,
  format: InputFormat,
  options: Readonly<CheckSourceOptions>,
  checked: CheckSourceResult = checkSource(text, format, options),
): FixSourceResult {
  let current = text;
  let state = checked;
  const fixed: Diagnostic[] = [];
  /** The edits of each pass, newest first, to map ranges back to the input. */
  const passes: Array<(offset: number) => number> = [];
  for (let pass = 0; pass < maxPasses && state.parsed; pass++) {
    const candidates = withFixes(current, format, state.diagnostics).filter(
      (diagnostic) => diagnostic.fix !== undefined,
    );
    if (candidates.length === 0) break;
    const result = applyEdits(
      current,
      candidates.map((diagnostic) => diagnostic.fix!),
    );
    const applied = result.applied.map((index) => candidates[index]!);
    const next = checkSource(result.text, format, options);
    const left = new Set(next.diagnostics.map(findingKey));
    const stillThere = applied.filter((diagnostic) => left.has(findingKey(diagnostic)));
    if (!next.parsed || errorCount(next.diagnostics) > errorCount(state.diagnostics)) {
      return {
        text: current,
        fixed,
        checked: state,
        rejected: 'the fixed file would have more errors',
      };
    }
    if (stillThere.length > 0) {
      return {
        text: current,
        fixed,
        checked: state,
        rejected: `the fix of \`${stillThere[0]!.ruleId}\` would not repair it`,
      };
    }
    const toInput = (offset: number) => passes.reduce((at, back) => back(at), offset);
    for (const diagnostic of applied) {
      const [start, end] = diagnostic.fix!.range;
      fixed.push({
        ...diagnostic,
        fix: { range: [toInput(start), toInput(end)], text: diagnostic.fix!.text },
      });
    }
    passes.unshift(offsetMapper(applied.map((diagnostic) => diagnostic.fix!)));
    current = result.text;
    state = next;
  }
  return { text: current, fixed, checked: state };
}
