import type { ArticlePath, Diagnostic, Point, Position, Severity } from '../schema/index.js';

/** A diagnostic that {@link parseHtml} can report: its stable id, severity and meaning. */
export interface HtmlDiagnosticRule {
  /** Stable kebab-case id. */
  id: string;
  /** Default severity. */
  severity: Severity;
  /** What it reports. */
  description: string;
}

/**
 * Every diagnostic `parseHtml` reports that no other parser does, in one table: the README,
 * the rule docs and the tests read it. It also reports `empty-input`, `missing-headline`,
 * `page-furniture-dropped` (see the text parser) and the JSON-LD reader's ids for the page's
 * `ld+json` blocks.
 *
 * @example
 * HTML_DIAGNOSTICS.find((rule) => rule.id === 'json-ld-headline-mismatch')?.severity //=> 'warning'
 */
export const HTML_DIAGNOSTICS: readonly HtmlDiagnosticRule[] = [
  {
    id: 'charset-mismatch',
    severity: 'warning',
    description:
      'The page declares a charset its bytes do not match (or an unknown one), or holds bytes that are not valid in it: the text may be garbled',
  },
  {
    id: 'html-nesting-too-deep',
    severity: 'warning',
    description:
      'Elements are nested deeper than nutgraf follows (256 levels): deeper elements were read as siblings',
  },
  {
    id: 'metadata-conflict',
    severity: 'info',
    description:
      'Two places in the page give different values for a field (metadata and the printed page, or two metadata sources); the one kept and the other are both named',
  },
  {
    id: 'json-ld-headline-mismatch',
    severity: 'warning',
    description: "The page's JSON-LD names a different headline than the page prints",
  },
  {
    id: 'json-ld-author-mismatch',
    severity: 'warning',
    description: "The page's JSON-LD names different authors than the page's byline",
  },
];

const severities = new Map<string, Severity>([
  ...HTML_DIAGNOSTICS.map((rule) => [rule.id, rule.severity] as const),
  ['empty-input', 'error'],
  ['missing-headline', 'error'],
  ['headline-inferred', 'warning'],
  ['page-furniture-dropped', 'info'],
]);

/** Build a diagnostic of one of the rules `parseHtml` reports. */
export function htmlDiagnostic(
  ruleId: string,
  message: string,
  place?: Point | Position,
  extra: { path?: ArticlePath; note?: string; expected?: string; actual?: string } = {},
): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId,
    severity: severities.get(ruleId) ?? 'info',
    message,
    source: 'nutgraf',
  };
  if (place) diagnostic.place = place;
  if (extra.path) diagnostic.path = extra.path;
  if (extra.note) diagnostic.note = extra.note;
  if (extra.expected !== undefined) diagnostic.expected = extra.expected;
  if (extra.actual !== undefined) diagnostic.actual = extra.actual;
  return diagnostic;
}
