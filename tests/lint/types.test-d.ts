import { describe, expectTypeOf, it } from 'vitest';
import {
  type LintOptions,
  lintArticle,
  type PresetName,
  type ResolvedRuleSetting,
  type RuleMeta,
  type RuleSetting,
  resolveRuleSeverity,
  rules,
} from '../../src/lint/index.js';
import type { Article, ArticleInput, Diagnostic } from '../../src/schema/index.js';

describe('nutgraf/lint types', () => {
  it('lints articles and article input, returning diagnostics', () => {
    expectTypeOf(lintArticle).parameter(0).toEqualTypeOf<Article | ArticleInput>();
    expectTypeOf(lintArticle).returns.toEqualTypeOf<Diagnostic[]>();
  });

  it('types the options', () => {
    expectTypeOf<LintOptions['preset']>().toEqualTypeOf<PresetName | undefined>();
    expectTypeOf<PresetName>().toEqualTypeOf<'recommended' | 'google' | 'strict'>();
    expectTypeOf<RuleSetting>().toEqualTypeOf<'off' | 'info' | 'warn' | 'warning' | 'error'>();
    expectTypeOf<LintOptions['now']>().toEqualTypeOf<Date | string | undefined>();
    expectTypeOf<{ rules: { 'missing-image': 'warn' } }>().toExtend<LintOptions>();
    expectTypeOf<{ rules: { 'missing-image': 'loud' } }>().not.toExtend<LintOptions>();
  });

  it('types the table and severities', () => {
    expectTypeOf(rules).toEqualTypeOf<readonly RuleMeta[]>();
    expectTypeOf(resolveRuleSeverity).returns.toEqualTypeOf<ResolvedRuleSetting | undefined>();
    expectTypeOf<ResolvedRuleSetting>().toEqualTypeOf<'off' | 'info' | 'warning' | 'error'>();
  });
});
