import type { Diagnostic, Point, Severity } from '../schema/diagnostic.js';
import { jsonErrorOffset } from './json-error-offset.js';

/** One check of the JSON-LD reader: a stable id, its default severity and what it means. */
export interface JsonLdRule {
  /** Stable kebab-case id, e.g. `invalid-json`. */
  id: string;
  /** The severity of the diagnostics it reports. */
  severity: Severity;
  /** What it reports, in one sentence. */
  description: string;
}

/**
 * Every diagnostic `fromJsonLd` and `extractJsonLd` can report. The README lists this table;
 * ids are stable forever.
 *
 * @example
 * jsonLdRules.find((rule) => rule.id === 'invalid-json')?.severity //=> 'error'
 */
export const jsonLdRules = [
  { id: 'invalid-json', severity: 'error', description: 'The text is not valid JSON.' },
  {
    id: 'json-control-character',
    severity: 'warning',
    description:
      'A JSON string holds a raw control character (a line break, a tab), which JSON forbids: read as written.',
  },
  { id: 'no-article', severity: 'error', description: 'No Article node was found.' },
  {
    id: 'missing-headline',
    severity: 'error',
    description: 'The article node has neither `headline` nor `name`.',
  },
  {
    id: 'headline-from-name',
    severity: 'info',
    description: 'The headline was taken from `name` because `headline` is missing.',
  },
  {
    id: 'multiple-articles',
    severity: 'info',
    description:
      'More than one Article node was found; the page’s main one was read (its URL, a headline, not nested, type, size).',
  },
  {
    id: 'unsupported-type',
    severity: 'info',
    description: 'The article type has no nutgraf equivalent; the closest type was used.',
  },
  {
    id: 'unresolved-reference',
    severity: 'warning',
    description: 'An `@id` reference points at no node in the document.',
  },
  {
    id: 'date-without-offset',
    severity: 'warning',
    description:
      'A date-time has no UTC offset and no `timeZone` option was given: only its date was kept.',
  },
  {
    id: 'date-not-iso',
    severity: 'warning',
    description:
      'A date is not ISO 8601, as schema.org asks: it was read as a printed date (RFC 2822, a zone name, a month name).',
  },
  { id: 'invalid-date', severity: 'warning', description: 'A date could not be read.' },
  {
    id: 'missing-name',
    severity: 'warning',
    description: 'A person or organization has no name and was left out.',
  },
  {
    id: 'multiple-authors-in-one-name',
    severity: 'warning',
    description: 'One author name held several names: read as one contributor each.',
  },
  {
    id: 'author-type-mismatch',
    severity: 'warning',
    description: 'A `Person` author names an organization (`Reuters`): read as an organization.',
  },
  {
    id: 'author-name-has-prefix',
    severity: 'warning',
    description:
      'An author name starts with intro words (`By`) or an honorific: read without them.',
  },
  {
    id: 'author-name-has-job-title',
    severity: 'warning',
    description: 'An author name holds a job title: read as `jobTitle`.',
  },
  {
    id: 'author-name-has-outlet',
    severity: 'warning',
    description: 'An author name holds an outlet name: read as `affiliation`.',
  },
  {
    id: 'author-name-has-credentials',
    severity: 'warning',
    description: 'An author name holds credentials (`PhD`): read as `honorificSuffix`.',
  },
  {
    id: 'invalid-value',
    severity: 'warning',
    description:
      'A value does not fit the article model (bad URL, language tag, …) and was left out.',
  },
  {
    id: 'encoded-text',
    severity: 'info',
    description:
      'Text values hold HTML character references (`&#8217;`, `&amp;`), which JSON-LD does not decode: read decoded.',
  },
  {
    id: 'unmapped-property',
    severity: 'info',
    description: 'A property of the article node has no place in the article model.',
  },
  {
    id: 'unmapped-value',
    severity: 'info',
    description: 'A value of a mapped property could not be read (wrong shape or type).',
  },
] as const satisfies readonly JsonLdRule[];

/** The ids of {@link jsonLdRules}. */
export type JsonLdRuleId = (typeof jsonLdRules)[number]['id'];

/** Build a diagnostic of one of the JSON-LD rules. */
export function jsonLdDiagnostic(
  ruleId: JsonLdRuleId,
  message: string,
  extra: Partial<Omit<Diagnostic, 'ruleId' | 'message' | 'source'>> = {},
): Diagnostic {
  return {
    ruleId,
    severity: jsonLdRules.find((rule) => rule.id === ruleId)?.severity ?? 'warning',
    message,
    ...extra,
    source: 'nutgraf',
  };
}

const controlNames: Record<number, string> = { 9: 'tab', 10: 'line feed', 13: 'carriage return' };

/**
 * The `json-control-character` diagnostic for the raw control characters `readJsonText`
 * found (offsets in `text`), placed at the first; `where` names the block.
 */
export function controlCharacterDiagnostic(
  text: string,
  offsets: readonly number[],
  place: Point,
  where = '',
): Diagnostic {
  const code = text.charCodeAt(offsets[0] ?? 0);
  const name = controlNames[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const more = offsets.length > 1 ? ` (and ${offsets.length - 1} more)` : '';
  return jsonLdDiagnostic(
    'json-control-character',
    `Unexpected raw ${name} in a JSON string${where} at ${place.line}:${place.column}${more}, expected an escape such as \\n: read as written`,
    { place },
  );
}

/**
 * Parse JSON text without throwing. On failure, returns the offset of the first syntax error
 * (found by {@link jsonErrorOffset}, the same on every engine) and a message.
 */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; offset: number; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text);
    const found = offset >= text.length ? 'end of input' : `\`${text.slice(offset, offset + 1)}\``;
    return {
      ok: false,
      offset,
      message:
        error instanceof SyntaxError
          ? `Unexpected ${found}, expected valid JSON`
          : `JSON could not be read (${message})`,
    };
  }
}
