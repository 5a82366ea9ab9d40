import type { Severity } from '../schema/index.js';
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
  fixable?: boolean,
];

/**
 * The rows of the rule table, in documentation order. Ids are stable forever: rename
 * nothing, only add (and mark removed rules in the CHANGELOG).
 */
const rows: readonly Row[] = [
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
    true,
  ],
  [
    'author-name-has-prefix',
    'google',
    'warning',
    ALL,
    'An author name starts with intro words such as "By" or an honorific',
    true,
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
    'warning',
    ALL,
    '`datePublished` or `dateModified` is a calendar date without a time and time zone',
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
    'warning',
    ALL,
    'The article has no image with a URL (lead image or figure)',
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
    NOT_GOOGLE,
    'The `description` is longer than 200 characters',
  ],
  ['missing-section', 'editorial', 'info', NOT_GOOGLE, 'The article has no site `section`'],
  ['missing-language', 'editorial', 'warning', NOT_GOOGLE, 'The article has no `language`'],
  [
    'url-not-absolute',
    'editorial',
    'info',
    NOT_GOOGLE,
    'A URL (a link in the body, a profile, a page) is not an absolute http(s) URL',
  ],
  // Found by the Markdown parser.
  ['frontmatter-invalid-yaml', 'markdown', 'error', ALL, 'The YAML frontmatter cannot be parsed'],
  [
    'frontmatter-yaml-indentation',
    'markdown',
    'warning',
    ALL,
    'A quoted frontmatter value continues on lines that are not indented',
  ],
  ['frontmatter-duplicate-key', 'markdown', 'error', ALL, 'A frontmatter key appears twice'],
  ['frontmatter-unknown-key', 'markdown', 'warning', ALL, 'A frontmatter key is not known'],
  [
    'frontmatter-shadowed-key',
    'markdown',
    'info',
    ALL,
    'Two frontmatter keys give the same field with different values',
  ],
  ['relative-url', 'markdown', 'warning', ALL, 'A relative URL could not be resolved'],
  [
    'date-without-offset',
    'markdown',
    'warning',
    ALL,
    'A frontmatter date-time has no UTC offset and no time zone was given',
  ],
  ['author-unresolved', 'markdown', 'warning', ALL, 'An author slug is not in the authors table'],
  ['image-unresolved', 'markdown', 'warning', ALL, 'An image id is not in the images table'],
  [
    'date-from-filename',
    'markdown',
    'info',
    ALL,
    'The publication date was taken from the file name',
  ],
  // Found by the raw-text parser.
  ['empty-input', 'text', 'error', ALL, 'The text holds nothing to read'],
  [
    'headline-inferred',
    'text',
    'warning',
    ALL,
    'No line looked like a headline; the first line with words was taken',
  ],
  [
    'boilerplate-dropped',
    'text',
    'info',
    ALL,
    'A boilerplate line (advertisement, share prompt) was left out of the body',
  ],
  [
    'page-furniture-dropped',
    'text',
    'info',
    ALL,
    'Lines around the article (navigation, footers) were left out',
  ],
  [
    'date-published-inferred',
    'text',
    'info',
    ALL,
    'Only an update date was printed; it was also taken as the publication date',
  ],
  // Found by the JSON-LD reader.
  ['invalid-json', 'jsonld', 'error', ALL, 'The JSON-LD is not valid JSON'],
  ['no-article', 'jsonld', 'error', ALL, 'The JSON-LD holds no Article node'],
  [
    'headline-from-name',
    'jsonld',
    'info',
    ALL,
    'The headline was taken from `name` because `headline` is missing',
  ],
  [
    'multiple-articles',
    'jsonld',
    'info',
    ALL,
    'The JSON-LD holds several Article nodes; the first was read',
  ],
  [
    'unsupported-type',
    'jsonld',
    'info',
    ALL,
    'The article type has no nutgraf equivalent; the closest type was used',
  ],
  [
    'unresolved-reference',
    'jsonld',
    'warning',
    ALL,
    'An `@id` reference points at no node in the document',
  ],
  ['invalid-date', 'jsonld', 'warning', ALL, 'A JSON-LD date could not be read'],
  ['missing-name', 'jsonld', 'warning', ALL, 'A person or organization in the JSON-LD has no name'],
  [
    'invalid-value',
    'jsonld',
    'warning',
    ALL,
    'A JSON-LD value does not fit the article model and was left out',
  ],
  [
    'unmapped-property',
    'jsonld',
    'info',
    ALL,
    'A property of the article node has no place in the article model',
  ],
  [
    'unmapped-value',
    'jsonld',
    'info',
    ALL,
    'A value of a mapped JSON-LD property could not be read',
  ],
];

/**
 * The rule table: every rule nutgraf knows, with its default severity, summary, docs link,
 * presets and category. The CLI, the docs and the tests read it. It also lists the ids
 * emitted by the parsers (`invalid-field`, `frontmatter-*`, …) so their severities can be
 * overridden like any rule's.
 *
 * @example
 * import { rules } from 'nutgraf/lint'
 * for (const rule of rules) console.log(rule.id, rule.severity, rule.summary)
 */
export const rules: readonly RuleMeta[] = Object.freeze(
  rows.map(([id, category, severity, presets, summary, fixable]) =>
    Object.freeze({
      id,
      severity,
      summary,
      url: `${RULE_DOCS_BASE}${id}.md`,
      presets,
      category,
      ...(fixable ? { fixable } : {}),
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
