export { lintArticle } from './lint-article.js';
export { getRule, RULE_DOCS_BASE, rules } from './rules.js';
export {
  applyRuleSettings,
  normalizeRuleSetting,
  presetNames,
  presets,
  resolveRuleSeverity,
  ruleSettings,
} from './settings.js';
export type {
  InputKind,
  LintOptions,
  PresetName,
  ResolvedRuleSetting,
  RuleCategory,
  RuleMeta,
  RuleSetting,
  RuleSettingsOptions,
} from './types.js';
