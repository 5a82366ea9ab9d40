import type { ArticlePath, Diagnostic, Position, Severity } from '../schema/index.js';

/** A diagnostic that {@link parseText} can report: its stable id, severity and meaning. */
export interface TextDiagnosticRule {
  /** Stable kebab-case id. */
  id: string;
  /** How serious it is. */
  severity: Severity;
  /** What it means, for docs and tooling. */
  description: string;
}

/**
 * Every diagnostic `parseText` reports, in one table: the README, the tests and the
 * parser read it from here.
 *
 * @example
 * TEXT_DIAGNOSTICS.find((rule) => rule.id === 'missing-headline')?.severity //=> 'error'
 */
export const TEXT_DIAGNOSTICS: readonly TextDiagnosticRule[] = [
  {
    id: 'empty-input',
    severity: 'error',
    description: 'The text is empty or only whitespace: no article.',
  },
  {
    id: 'missing-headline',
    severity: 'error',
    description: 'No line has letters or digits, so there is no headline: no article.',
  },
  {
    id: 'headline-inferred',
    severity: 'warning',
    description:
      'No title-like line was found; the first line with words was taken as the headline.',
  },
  {
    id: 'boilerplate-dropped',
    severity: 'info',
    description:
      'A line inside the article was page furniture (advertisement, share or follow prompt, related link, cookie notice, short navigation line) and was left out of the body.',
  },
  {
    id: 'page-furniture-dropped',
    severity: 'info',
    description:
      'Lines before the headline or after the article (navigation, menus, related links, footers) were left out.',
  },
  {
    id: 'date-published-inferred',
    severity: 'info',
    description: 'Only an update date is printed; it was also taken as the publication date.',
  },
];

const SEVERITY = new Map(TEXT_DIAGNOSTICS.map((rule) => [rule.id, rule.severity]));

/** Build a diagnostic of one of the {@link TEXT_DIAGNOSTICS} rules. */
export function textDiagnostic(
  ruleId: string,
  message: string,
  place?: Position,
  path?: ArticlePath,
): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId,
    severity: SEVERITY.get(ruleId) ?? 'info',
    message,
    source: 'nutgraf',
  };
  if (place) diagnostic.place = place;
  if (path) diagnostic.path = path;
  return diagnostic;
}

// The diagnostics parseText builds, each with its message: kept in this file, beside the rules'
// descriptions, so that the minified and gzipped bundle stores the ids and the wording a message
// shares with its description once.

/** `empty-input`: the text has no line. */
export function emptyInput(): Diagnostic {
  return textDiagnostic('empty-input', 'The text is empty: there is no headline or body to read');
}

/** `missing-headline`, at the whole text: no line has letters or digits. */
export function missingHeadline(place: Position): Diagnostic {
  return textDiagnostic(
    'missing-headline',
    'No headline found: the text has no line with letters or digits',
    place,
    ['headline'],
  );
}

/** `boilerplate-dropped`: a line (`text`) dropped as `what`, `where` (` under the headline`). */
export function lineDropped(
  what: string,
  text: string,
  where: string,
  place: Position,
): Diagnostic {
  return textDiagnostic(
    'boilerplate-dropped',
    `Dropped ${what} line \`${text.slice(0, 60)}\`${where}`,
    place,
  );
}

/** `page-furniture-dropped`: `count` lines left out `where` (`before the headline …`). */
export function linesLeftOut(count: number, where: string, place: Position): Diagnostic {
  return textDiagnostic(
    'page-furniture-dropped',
    `Left out ${count} line${count === 1 ? '' : 's'} ${where}`,
    place,
  );
}

/** `headline-inferred`, at the line taken as the headline. */
export function headlineInferred(place: Position): Diagnostic {
  return textDiagnostic(
    'headline-inferred',
    'No title-like line found: the first line with words was taken as the headline',
    place,
    ['headline'],
  );
}

/** `date-published-inferred`, at the update date. */
export function datePublishedInferred(place: Position): Diagnostic {
  return textDiagnostic(
    'date-published-inferred',
    'Only an update date is printed: it was also taken as the publication date',
    place,
    ['datePublished'],
  );
}
