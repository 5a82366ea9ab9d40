import { HTML_DIAGNOSTICS } from '../html/rules.js';
import { jsonLdRules } from '../jsonld/rules.js';
import { markdownRules } from '../markdown/rules.js';
import type { Severity } from '../schema/index.js';
import { TEXT_DIAGNOSTICS } from '../text/diagnostics.js';
import { FILE_DIAGNOSTICS } from './file-rules.js';
import type { PresetName, RuleCategory, RuleMeta } from './types.js';

/**
 * Where rule pages live: `<base><id>.md`.
 *
 * @example
 * `${RULE_DOCS_BASE}missing-author.md` //=> 'https://github.com/nutgraf/nutgraf/blob/main/docs/rules/missing-author.md'
 */
export const RULE_DOCS_BASE = 'https://github.com/nutgraf/nutgraf/blob/main/docs/rules/';

const ALL: readonly PresetName[] = ['recommended', 'google', 'strict'];
const NOT_GOOGLE: readonly PresetName[] = ['recommended', 'strict'];
const GOOGLE_AND_STRICT: readonly PresetName[] = ['google', 'strict'];
const STRICT: readonly PresetName[] = ['strict'];

type Row = [
  id: string,
  category: RuleCategory,
  severity: Severity,
  presets: readonly PresetName[],
  summary: string,
  severities?: Partial<Record<PresetName, Severity>>,
];

/**
 * For rules that most clean sites do not meet and that are no fault (measured with
 * `scripts/eval-lint-noise.mjs`): `info` in `recommended`, a `warning` in `google`, where
 * Google's guidance asks for them.
 */
const GOOGLE_WARNS: Partial<Record<PresetName, Severity>> = { google: 'warning' };

/**
 * The rules whose findings `nutgraf fix` repairs (the CLI's fixers, keyed by these ids, are
 * checked against this list by a test).
 */
const FIXABLE: ReadonlySet<string> = new Set([
  'multiple-authors-in-one-name',
  'author-name-has-prefix',
  'frontmatter-yaml-indentation',
]);

/**
 * The rows of the rule table, in documentation order. Ids are stable forever: rename
 * nothing, only add (and mark removed rules in the CHANGELOG).
 */
const lintRows: readonly Row[] = [
  // Schema validity.
  ['invalid-field', 'schema', 'error', ALL, 'A field does not match the article schema'],
  // Google Article guidance.
  ['missing-headline', 'google', 'error', ALL, 'The article has no headline'],
  ['headline-all-caps', 'google', 'warning', ALL, 'The headline is written in capital letters'],
  ['headline-too-long', 'google', 'warning', STRICT, 'The headline is longer than 110 characters'],
  ['missing-author', 'google', 'warning', ALL, 'The article names no author'],
  [
    'multiple-authors-in-one-name',
    'google',
    'warning',
    ALL,
    'One author entry holds several names',
  ],
  [
    'author-name-has-prefix',
    'google',
    'warning',
    ALL,
    'An author name starts with intro words such as "By" or an honorific',
  ],
  [
    'author-name-has-credentials',
    'google',
    'warning',
    ALL,
    'An author name ends with credentials such as PhD or MD',
  ],
  ['author-name-has-job-title', 'google', 'warning', ALL, 'An author name includes a job title'],
  ['author-name-has-outlet', 'google', 'warning', ALL, 'An author name includes an outlet name'],
  [
    'author-type-mismatch',
    'google',
    'warning',
    ALL,
    'A person is typed as an organization, or an organization as a person',
  ],
  ['missing-date-published', 'google', 'warning', ALL, 'The article has no `datePublished`'],
  [
    'date-without-time-zone',
    'google',
    'info',
    ALL,
    '`datePublished` or `dateModified` is a calendar date without a time and time zone',
    GOOGLE_WARNS,
  ],
  [
    'date-modified-before-published',
    'google',
    'error',
    ALL,
    '`dateModified` is earlier than `datePublished`',
  ],
  ['date-in-future', 'google', 'error', ALL, 'A date of the article lies in the future'],
  [
    'missing-image',
    'google',
    'info',
    ALL,
    'The article has no image with a URL (lead image or figure)',
    GOOGLE_WARNS,
  ],
  ['image-url-not-absolute', 'google', 'error', ALL, 'An image URL is not an absolute http(s) URL'],
  [
    'image-too-small',
    'google',
    'warning',
    ALL,
    'The lead image has fewer than 50,000 pixels (width × height)',
  ],
  [
    'image-too-narrow-for-discover',
    'google',
    'warning',
    GOOGLE_AND_STRICT,
    'The lead image is narrower than the 1200 pixels Google Discover asks for',
  ],
  [
    'publisher-logo-too-small',
    'google',
    'warning',
    ALL,
    'The publisher logo is smaller than 112×112 pixels',
  ],
  // Editorial quality.
  ['caption-without-credit', 'editorial', 'warning', NOT_GOOGLE, 'A caption has no credit'],
  ['image-without-alt', 'editorial', 'warning', NOT_GOOGLE, 'An image has no alternative text'],
  ['empty-paragraph', 'editorial', 'warning', NOT_GOOGLE, 'A paragraph has no text'],
  ['duplicate-paragraph', 'editorial', 'warning', NOT_GOOGLE, 'A paragraph repeats an earlier one'],
  ['author-name-is-date', 'editorial', 'warning', NOT_GOOGLE, 'An author name looks like a date'],
  ['author-name-is-place', 'editorial', 'warning', NOT_GOOGLE, 'An author name looks like a place'],
  [
    'agency-as-author',
    'editorial',
    'warning',
    NOT_GOOGLE,
    'The dateline agency is listed as an author',
  ],
  ['missing-description', 'editorial', 'info', NOT_GOOGLE, 'The article has no `description`'],
  [
    'description-too-long',
    'editorial',
    'warning',
    STRICT,
    'The `description` is longer than 200 characters',
  ],
  ['missing-section', 'editorial', 'info', NOT_GOOGLE, 'The article has no site `section`'],
  ['missing-language', 'editorial', 'info', NOT_GOOGLE, 'The article has no `language`'],
  [
    'url-not-absolute',
    'editorial',
    'info',
    NOT_GOOGLE,
    'A URL (a link in the body, a profile, a page) is not an absolute http(s) URL',
  ],
];

interface ParserRule {
  id: string;
  severity: Severity;
  description: string;
}

/**
 * Rows for the ids the parsers and the CLI emit, read from each one's own table (one source
 * of truth), so that their severities can be overridden like any rule's. An id a lint rule
 * already has (`missing-headline`) keeps the lint row.
 */
function parserRows(
  known: ReadonlySet<string>,
  tables: ReadonlyArray<[RuleCategory, Iterable<ParserRule>]>,
): Row[] {
  const seen = new Set(known);
  const result: Row[] = [];
  for (const [category, table] of tables) {
    for (const rule of table) {
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      result.push([rule.id, category, rule.severity, ALL, rule.description.replace(/\.$/, '')]);
    }
  }
  return result;
}

/**
 * The rows of the rule table: the lint rules, then the ids the parsers emit, then the ids
 * the CLI emits about files it cannot read, check or write.
 */
const rows: readonly Row[] = [
  ...lintRows,
  ...parserRows(new Set(lintRows.map(([id]) => id)), [
    ['markdown', Object.values(markdownRules)],
    ['text', TEXT_DIAGNOSTICS],
    ['jsonld', jsonLdRules],
    ['html', HTML_DIAGNOSTICS],
    ['file', FILE_DIAGNOSTICS],
  ]),
];

/**
 * The rule table: every rule nutgraf knows, with its default severity, summary, docs link,
 * presets and category. The CLI, the docs and the tests read it. It also lists the ids
 * emitted by the parsers (`invalid-field`, `frontmatter-*`, …) and by the CLI about files
 * (`unreadable-file`, `file-too-large`, …) so their severities can be overridden like any
 * rule's.
 *
 * @example
 * import { rules } from 'nutgraf/lint'
 * for (const rule of rules) console.log(rule.id, rule.severity, rule.summary)
 */
export const rules: readonly RuleMeta[] = Object.freeze(
  rows.map(([id, category, severity, presets, summary, severities]) =>
    Object.freeze({
      id,
      severity,
      summary,
      url: `${RULE_DOCS_BASE}${id}.md`,
      presets,
      category,
      ...(FIXABLE.has(id) ? { fixable: true } : {}),
      ...(severities ? { severities: Object.freeze({ ...severities }) } : {}),
    }),
  ),
);

const byId: ReadonlyMap<string, RuleMeta> = new Map(rules.map((rule) => [rule.id, rule]));

/**
 * The metadata of a rule, or `undefined` for an unknown id.
 *
 * @example
 * getRule('missing-author')?.severity //=> 'warning'
 */
export function getRule(id: string): RuleMeta | undefined {
  return byId.get(id);
}
