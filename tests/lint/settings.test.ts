import { describe, expect, it } from 'vitest';
import {
  applyRuleSettings,
  getRule,
  normalizeRuleSetting,
  presetNames,
  presets,
  resolveRuleSeverity,
  rules,
} from '../../src/lint/index.js';
import type { Diagnostic } from '../../src/schema/index.js';

const diagnostic = (ruleId: string, severity: Diagnostic['severity'] = 'warning'): Diagnostic => ({
  ruleId,
  severity,
  message: `a ${ruleId} problem`,
  source: 'nutgraf',
});

describe('normalizeRuleSetting', () => {
  it.each([
    ['warn', 'warning'],
    ['warning', 'warning'],
    ['error', 'error'],
    ['info', 'info'],
    ['off', 'off'],
  ] as const)('%s → %s', (setting, expected) => {
    expect(normalizeRuleSetting(setting)).toBe(expected);
  });

  it('throws a TypeError naming the bad value', () => {
    expect(() => normalizeRuleSetting('loud' as never)).toThrow(/`loud`/);
    expect(() => normalizeRuleSetting(2 as never)).toThrow(TypeError);
  });
});

describe('presets', () => {
  it('map every rule id in every preset', () => {
    for (const name of presetNames) {
      expect(Object.keys(presets[name]).sort()).toEqual(rules.map((rule) => rule.id).sort());
    }
  });

  it('turn a rule on exactly in the presets its row lists', () => {
    for (const rule of rules) {
      for (const name of presetNames) {
        expect(presets[name][rule.id] !== 'off', `${rule.id} in ${name}`).toBe(
          rule.presets.includes(name),
        );
      }
    }
  });

  it('give recommended the default severities', () => {
    for (const rule of rules.filter((r) => r.presets.includes('recommended'))) {
      expect(presets.recommended[rule.id]).toBe(rule.severity);
    }
  });

  it('raise severities one step in strict and turn every rule on', () => {
    const raise = { info: 'warning', warning: 'error', error: 'error' } as const;
    for (const rule of rules) expect(presets.strict[rule.id]).toBe(raise[rule.severity]);
  });

  it('keep editorial rules out of google and put the Discover width in', () => {
    expect(presets.google['caption-without-credit']).toBe('off');
    expect(presets.google['image-too-narrow-for-discover']).toBe('warning');
    expect(presets.recommended['image-too-narrow-for-discover']).toBe('off');
    expect(presets.recommended['headline-too-long']).toBe('off');
  });

  it('are frozen', () => {
    expect(Object.isFrozen(presets.recommended)).toBe(true);
    expect(Object.isFrozen(rules)).toBe(true);
  });
});

describe('resolveRuleSeverity', () => {
  it('uses recommended by default', () => {
    expect(resolveRuleSeverity('missing-author')).toBe('warning');
    expect(resolveRuleSeverity('headline-too-long')).toBe('off');
  });

  it('lets an override win over the preset, normalising warn', () => {
    expect(
      resolveRuleSeverity('headline-too-long', { rules: { 'headline-too-long': 'warn' } }),
    ).toBe('warning');
    expect(
      resolveRuleSeverity('missing-author', {
        preset: 'strict',
        rules: { 'missing-author': 'off' },
      }),
    ).toBe('off');
  });

  it('returns undefined for an unknown id without override, the override otherwise', () => {
    expect(resolveRuleSeverity('made-up-rule')).toBeUndefined();
    expect(resolveRuleSeverity('made-up-rule', { rules: { 'made-up-rule': 'error' } })).toBe(
      'error',
    );
  });

  it('ignores inherited keys of the overrides', () => {
    expect(resolveRuleSeverity('toString', { rules: {} })).toBeUndefined();
  });

  it('throws a TypeError for an unknown preset', () => {
    expect(() => resolveRuleSeverity('missing-author', { preset: 'lenient' as never })).toThrow(
      /options\.preset/,
    );
  });
});

describe('applyRuleSettings', () => {
  it('maps severities, drops off rules and keeps unknown ids', () => {
    const input = [
      diagnostic('frontmatter-unknown-key'),
      diagnostic('date-from-filename', 'info'),
      diagnostic('someone-elses-rule', 'error'),
    ];
    const result = applyRuleSettings(input, {
      rules: { 'frontmatter-unknown-key': 'error', 'date-from-filename': 'off' },
    });
    expect(result.map((d) => [d.ruleId, d.severity])).toEqual([
      ['frontmatter-unknown-key', 'error'],
      ['someone-elses-rule', 'error'],
    ]);
    expect(result[0]?.url).toBe(getRule('frontmatter-unknown-key')?.url);
    expect(result[1]?.url).toBeUndefined();
  });

  it('applies a preset to parser diagnostics', () => {
    const result = applyRuleSettings([diagnostic('date-from-filename', 'info')], {
      preset: 'strict',
    });
    expect(result[0]?.severity).toBe('warning');
  });

  it('does not change its input', () => {
    const input = [diagnostic('missing-author', 'info')];
    const copy = structuredClone(input);
    applyRuleSettings(input, { preset: 'strict' });
    expect(input).toEqual(copy);
  });

  it('throws a TypeError when diagnostics is not an array', () => {
    expect(() => applyRuleSettings('x' as never)).toThrow(/`diagnostics`/);
  });
});
