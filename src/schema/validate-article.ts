import { z } from 'zod';
import { type Article, articleSchema } from './article.js';
import { type ArticlePath, type Diagnostic, formatPath } from './diagnostic.js';
import { placeOf, type SourceMap } from './source-map.js';

/** Options for {@link validateArticle}. */
export interface ValidateArticleOptions {
  /** Source positions of the fields, so diagnostics point into the file. */
  sources?: Readonly<SourceMap>;
  /** The file name, copied onto every diagnostic. */
  file?: string;
}

/** The result of {@link validateArticle}: the article when valid, and every problem found. */
export interface ValidateArticleResult {
  /** The article with defaults applied, when `value` is valid. */
  article?: Article;
  /** Every problem, in one pass. Empty when valid. */
  diagnostics: Diagnostic[];
}

/** The rule id of schema problems. */
export const INVALID_FIELD = 'invalid-field';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

function shortValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  keys?: string[];
  options?: unknown[];
  values?: unknown[];
  discriminator?: string;
}

/** Turn one zod issue into one or more readable diagnostics. */
function issueToDiagnostics(issue: Issue, options: Readonly<ValidateArticleOptions>): Diagnostic[] {
  const path = issue.path.filter(
    (part): part is string | number => typeof part === 'string' || typeof part === 'number',
  );
  const at = path.length > 0 ? `\`${formatPath(path)}\`` : 'the article';
  const make = (
    fieldPath: ArticlePath,
    message: string,
    extra: Partial<Diagnostic> = {},
  ): Diagnostic => {
    const diagnostic: Diagnostic = {
      ruleId: INVALID_FIELD,
      severity: 'error',
      message,
      path: fieldPath,
      source: 'nutgraf',
      ...extra,
    };
    const place = placeOf(options.sources, fieldPath);
    if (place) diagnostic.place = place;
    if (options.file !== undefined) diagnostic.file = options.file;
    return diagnostic;
  };

  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        return [make(path, `Missing required field ${at}`, { expected: issue.expected ?? '' })];
      }
      const actual = describe(issue.input);
      return [
        make(path, `Unexpected ${actual} for ${at}, expected ${issue.expected ?? 'another type'}`, {
          ...(issue.expected ? { expected: issue.expected } : {}),
          actual: shortValue(issue.input) ?? actual,
        }),
      ];
    }
    case 'unrecognized_keys':
      return (issue.keys ?? []).map((key) =>
        make(
          [...path, key],
          `Unknown field \`${formatPath([...path, key])}\`: check its spelling, or remove it`,
        ),
      );
    case 'invalid_union':
    case 'invalid_value': {
      const options = issue.values ?? issue.options;
      if (issue.discriminator !== undefined || options) {
        const choices = (options ?? []).map((option) => `\`${String(option)}\``).join(', ');
        const input =
          issue.discriminator !== undefined && typeof issue.input === 'object' && issue.input
            ? (issue.input as Record<string, unknown>)[issue.discriminator]
            : issue.input;
        const actual = shortValue(input);
        return [
          make(
            path,
            `Unexpected ${actual === undefined ? 'value' : `\`${actual}\``} for ${at}, expected one of ${choices}`,
            actual === undefined ? {} : { actual },
          ),
        ];
      }
      return [make(path, `${issue.message} for ${at}`)];
    }
    default: {
      const actual = shortValue(issue.input);
      return [make(path, `${issue.message} (${at})`, actual === undefined ? {} : { actual })];
    }
  }
}

/**
 * Check that `value` is a valid {@link Article}. Never throws on bad data: every problem
 * becomes a {@link Diagnostic} with rule id `invalid-field`, the field's `path`, a readable
 * message and, when `sources` are given, its place in the file.
 *
 * @example
 * const { article, diagnostics } = validateArticle(JSON.parse(text))
 * if (!article) for (const d of diagnostics) console.error(d.message)
 */
export function validateArticle(
  value: unknown,
  options: Readonly<ValidateArticleOptions> = {},
): ValidateArticleResult {
  let result: ReturnType<typeof z.safeParse<typeof articleSchema>>;
  try {
    result = z.safeParse(articleSchema, value, { reportInput: true });
  } catch (error) {
    // Inline content or lists nested thousands of levels deep exhaust the stack of the
    // recursive schema: report it as data, like any other problem.
    if (!(error instanceof RangeError)) throw error;
    const diagnostic: Diagnostic = {
      ruleId: INVALID_FIELD,
      severity: 'error',
      message:
        'The article is nested too deeply to check (inline content or lists hundreds of levels deep)',
      path: [],
      source: 'nutgraf',
    };
    if (options.file !== undefined) diagnostic.file = options.file;
    return { diagnostics: [diagnostic] };
  }
  if (result.success) return { article: result.data, diagnostics: [] };
  return {
    diagnostics: result.error.issues.flatMap((issue) =>
      issueToDiagnostics(issue as unknown as Issue, options),
    ),
  };
}
