import {
  type Article,
  type ArticleInput,
  type Diagnostic,
  INVALID_FIELD,
  type Point,
  pathToKey,
  placeOf,
  type Severity,
  type SourceMap,
  type ValidateArticleResult,
  validateArticle,
} from '../schema/index.js';
import { withPartsShared } from './rules/article-parts.js';
import { checks } from './rules/index.js';
import { getRule, rules } from './rules.js';
import { applyRuleSettings, resolveRuleSeverity } from './settings.js';
import type { LintOptions, RuleContext, RuleFinding } from './types.js';

function parseNow(now: LintOptions['now']): number {
  if (now === undefined) return Date.now();
  const time =
    now instanceof Date ? now.getTime() : typeof now === 'string' ? Date.parse(now) : NaN;
  if (Number.isNaN(time)) {
    throw new TypeError(
      `Expected \`options.now\` to be a valid Date or date string, got \`${String(now)}\``,
    );
  }
  return time;
}

/**
 * `validateArticle`, turning a stack overflow on absurdly deep content (zod recurses once per
 * level of nested inline content) into a diagnostic rather than a throw.
 */
function validate(
  article: unknown,
  sources: Readonly<SourceMap> | undefined,
): ValidateArticleResult {
  try {
    return validateArticle(article, sources ? { sources } : {});
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const diagnostic: Diagnostic = {
      ruleId: INVALID_FIELD,
      severity: 'error',
      message: 'Unexpected nesting too deep to validate: flatten the inline content',
      path: [],
      source: 'nutgraf',
    };
    const place = placeOf(sources, []);
    if (place) diagnostic.place = place;
    return { diagnostics: [diagnostic] };
  }
}

function startOf(diagnostic: Diagnostic): Point | undefined {
  const place = diagnostic.place;
  if (!place) return undefined;
  return 'start' in place ? place.start : place;
}

const rank: Readonly<Record<Severity, number>> = { info: 1, warning: 2, error: 3 };

/** Placeless (whole-file) diagnostics first, then by line and column; stable otherwise. */
function byPlace(a: Diagnostic, b: Diagnostic): number {
  const left = startOf(a);
  const right = startOf(b);
  if (!left || !right) return (left ? 1 : 0) - (right ? 1 : 0);
  return left.line - right.line || left.column - right.column;
}

/**
 * Lint an article: check it against the article schema (`invalid-field`), Google's Article
 * guidance and editorial rules, and return every finding as a {@link Diagnostic} with its
 * rule id, severity (after `preset` and `rules` overrides), message, `path`, docs `url` and,
 * when `sources` are given, its `place` in the file. Rules that are `off` are not run.
 *
 * An article that fails the schema is still linted as far as its fields allow; a schema
 * problem that a more specific rule reports at the same path, at least as severely
 * (`missing-headline`, `image-url-not-absolute`), is reported once, by that rule.
 *
 * Never throws on bad content. Throws a `TypeError` when `article` is not an object or an
 * option has the wrong type.
 *
 * @example
 * const diagnostics = lintArticle(article, { sources, file: 'news/ferries.md', preset: 'google' })
 * for (const d of diagnostics) console.log(`${d.file}:${d.place?.start.line} ${d.ruleId} ${d.message}`)
 */
export function lintArticle(
  article: Article | ArticleInput,
  options: Readonly<LintOptions> = {},
): Diagnostic[] {
  if (typeof article !== 'object' || article === null || Array.isArray(article)) {
    throw new TypeError('Expected `article` to be an article object');
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('Expected `options` to be an object');
  }
  const context: RuleContext = { now: parseNow(options.now) };
  const settings = {
    ...(options.preset ? { preset: options.preset } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.input ? { input: options.input } : {}),
  };
  const validation = validate(article, options.sources);
  const valid = validation.article !== undefined;
  const subject = (validation.article ?? article) as Article;

  const found: Diagnostic[] = [];
  // The rules share the article's parts (its blocks, images, inline content), found once.
  withPartsShared(() => {
    for (const { id } of rules) {
      const check = checks[id];
      if (!check) continue;
      const severity = resolveRuleSeverity(id, settings);
      if (severity === 'off' || severity === undefined) continue;
      let findings: RuleFinding[];
      if (valid) {
        findings = check(subject, context);
      } else {
        // The article failed the schema: rules see a raw value and may trip over it.
        try {
          findings = check(subject, context);
        } catch {
          findings = [];
        }
      }
      const url = getRule(id)?.url;
      for (const finding of findings) {
        const diagnostic: Diagnostic = {
          ruleId: id,
          severity,
          message: finding.message,
          path: finding.path,
          source: 'nutgraf',
          ...(url ? { url } : {}),
        };
        if (finding.note !== undefined) diagnostic.note = finding.note;
        if (finding.expected !== undefined) diagnostic.expected = finding.expected;
        if (finding.actual !== undefined) diagnostic.actual = finding.actual;
        const place = placeOf(options.sources, finding.path);
        if (place) diagnostic.place = place;
        found.push(diagnostic);
      }
    }
  });

  // The most severe rule finding at each path: a schema problem there is left out when the
  // rule already reports it at least as severely, so an invalid article never passes CI
  // because a milder rule (`url-not-absolute` is `info`) took its place.
  const reported = new Map<string, number>();
  for (const diagnostic of found) {
    const key = pathToKey(diagnostic.path ?? []);
    reported.set(key, Math.max(reported.get(key) ?? 0, rank[diagnostic.severity]));
  }
  const schema = applyRuleSettings(validation.diagnostics, settings).filter(
    (diagnostic) =>
      (reported.get(pathToKey(diagnostic.path ?? [])) ?? 0) < rank[diagnostic.severity],
  );
  const all = [...schema, ...found];
  if (options.file !== undefined) for (const diagnostic of all) diagnostic.file = options.file;
  return all.sort(byPlace);
}
