import type { Diagnostic, Position, Severity } from '../schema/index.js';

/** What one Markdown check reports: its stable id, default severity and a one-line description. */
export interface MarkdownRule {
  /** Stable kebab-case id, e.g. `frontmatter-invalid-yaml`. */
  id: string;
  /** Default severity. */
  severity: Severity;
  /** What it reports. */
  description: string;
}

/**
 * Every diagnostic `parseMarkdown` can report: the one table the README, the tests and the
 * remark plugin read. `frontmatter-unknown-key` is only reported with `strict: true`.
 *
 * @example
 * markdownRules['frontmatter-duplicate-key'].severity //=> 'error'
 */
export const markdownRules = {
  'frontmatter-invalid-yaml': {
    id: 'frontmatter-invalid-yaml',
    severity: 'error',
    description:
      'The YAML frontmatter has a syntax error, is not a mapping, is not closed, or expands too many aliases',
  },
  'frontmatter-invalid-toml': {
    id: 'frontmatter-invalid-toml',
    severity: 'error',
    description:
      'The TOML frontmatter (`+++`) has a syntax error or is not closed; the keys before the error are read',
  },
  'frontmatter-yaml-indentation': {
    id: 'frontmatter-yaml-indentation',
    severity: 'warning',
    description:
      'A quoted value continues on lines that are not indented: invalid YAML that Jekyll and Eleventy (js-yaml) accept; read the same way',
  },
  'frontmatter-duplicate-key': {
    id: 'frontmatter-duplicate-key',
    severity: 'error',
    description: 'A frontmatter key appears twice; the first value is kept',
  },
  'frontmatter-non-data': {
    id: 'frontmatter-non-data',
    severity: 'warning',
    description:
      'A frontmatter value is not plain data (a cyclic alias, `!!binary`, `!!set`, `!!omap`, `.inf`, nesting over 64 levels): it is read as data or left out',
  },
  'frontmatter-unknown-key': {
    id: 'frontmatter-unknown-key',
    severity: 'warning',
    description:
      'A frontmatter key nutgraf does not know (only with `strict: true`; otherwise kept silently in `extra`)',
  },
  'frontmatter-shadowed-key': {
    id: 'frontmatter-shadowed-key',
    severity: 'info',
    description:
      'Two keys give the same field with different values (e.g. `summary` and `excerpt`); the first in the key table wins',
  },
  'invalid-field': {
    id: 'invalid-field',
    severity: 'error',
    description:
      'A value has the wrong type or shape (`date: yesterday`, `authors: 42`, a bad URL); the field is left out',
  },
  'inline-nested-too-deep': {
    id: 'inline-nested-too-deep',
    severity: 'warning',
    description:
      'Inline formatting (emphasis, links, strikethrough) is nested more than 32 levels deep; the text is kept, the deeper formatting dropped',
  },
  'mdx-invalid': {
    id: 'mdx-invalid',
    severity: 'error',
    description:
      'An `.mdx` file has an MDX syntax error (an unclosed JSX tag or expression, a `<` or `{` not escaped); the file is read as Markdown',
  },
  'list-nested-too-deep': {
    id: 'list-nested-too-deep',
    severity: 'warning',
    description:
      'Lists are nested more than 32 levels deep; the deepest item keeps the text of everything under it, line by line',
  },
  'relative-url': {
    id: 'relative-url',
    severity: 'warning',
    description: 'A URL is relative and no `baseUrl` was given to resolve it; the URL is left out',
  },
  'date-without-offset': {
    id: 'date-without-offset',
    severity: 'warning',
    description:
      'A date-time has no UTC offset and no `timeZone` was given; only the calendar date is kept',
  },
  'date-from-filename': {
    id: 'date-from-filename',
    severity: 'info',
    description:
      'No date key: `datePublished` was taken from the file name (`2015-06-11-title.md`)',
  },
  'author-unresolved': {
    id: 'author-unresolved',
    severity: 'warning',
    description:
      'An author looks like a slug (`jane-doe`) but `options.authors` does not know it; the slug is used as the name',
  },
  'image-unresolved': {
    id: 'image-unresolved',
    severity: 'warning',
    description:
      'An image is given by id (`primary_image: harbour-at-night`) but `options.images` does not know it',
  },
  'missing-headline': {
    id: 'missing-headline',
    severity: 'error',
    description:
      'No `title`/`headline` key and no `#` heading: without a headline there is no article',
  },
} as const satisfies Record<string, MarkdownRule>;

/** The id of a Markdown check (see {@link markdownRules}). */
export type MarkdownRuleId = keyof typeof markdownRules;

/** A diagnostic of Markdown check `ruleId`, at its default severity (and at `place` when known). */
export function markdownDiagnostic(
  ruleId: MarkdownRuleId,
  message: string,
  place?: Position,
): Diagnostic {
  const diagnostic: Diagnostic = {
    ruleId,
    severity: markdownRules[ruleId].severity,
    message,
    source: 'nutgraf',
  };
  if (place) diagnostic.place = place;
  return diagnostic;
}
