import { describe, expect, it } from 'vitest';
import * as mod from '../../src/lint/index.js';

describe('nutgraf/lint exports', () => {
  it('exports exactly the public API', () => {
    expect(Object.keys(mod).sort()).toEqual([
      'RULE_DOCS_BASE',
      'applyRuleSettings',
      'getRule',
      'lintArticle',
      'normalizeRuleSetting',
      'presetNames',
      'presets',
      'resolveRuleSeverity',
      'ruleSettings',
      'rules',
    ]);
  });
});
