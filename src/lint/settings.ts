import type { Diagnostic, Severity } from '../schema/index.js';
import { getRule, rules } from './rules.js';
import type {
  InputKind,
  PresetName,
  ResolvedRuleSetting,
  RuleMeta,
  RuleSetting,
  RuleSettingsOptions,
} from './types.js';

/**
 * The preset names, `recommended` first (the default).
 *
 * @example
 * presetNames.includes('google') //=> true
 */
export const presetNames: readonly PresetName[] = Object.freeze([
  'recommended',
  'google',
  'strict',
]);

/**
 * The accepted rule settings, `warn` being a synonym of `warning`.
 *
 * @example
 * ruleSettings.includes('warn') //=> true
 */
export const ruleSettings: readonly RuleSetting[] = Object.freeze([
  'off',
  'info',
  'warn',
  'warning',
  'error',
]);

/** How `strict` raises severities: warnings become errors, infos become warnings. */
const strictSeverity: Readonly<Record<Severity, Severity>> = {
  info: 'warning',
  warning: 'error',
  error: 'error',
};

function presetSetting(rule: RuleMeta, preset: PresetName): ResolvedRuleSetting {
  if (!rule.presets.includes(preset)) return 'off';
  const own = rule.severities?.[preset];
  if (own) return own;
  return preset === 'strict' ? strictSeverity[rule.severity] : rule.severity;
}

function buildPreset(preset: PresetName): Readonly<Record<string, ResolvedRuleSetting>> {
  const settings: Record<string, ResolvedRuleSetting> = {};
  for (const rule of rules) settings[rule.id] = presetSetting(rule, preset);
  return Object.freeze(settings);
}

/**
 * The presets as data: for each preset, every rule id mapped to its severity or `off`.
 *
 * - `recommended` (default): schema, Google and editorial rules at their default severity;
 *   optional rules (`headline-too-long`, `description-too-long`,
 *   `image-too-narrow-for-discover`) off, and rules most clean sites do not meet without any
 *   fault (`missing-image`, `missing-language`, `date-without-time-zone`) at `info`.
 * - `google`: schema and Google rules plus parser and file problems, Discover image width
 *   on, `missing-image` and `date-without-time-zone` warnings, editorial rules off.
 * - `strict`: every rule on; warnings become errors and infos become warnings.
 *
 * @example
 * presets.recommended['headline-too-long'] //=> 'off'
 * presets.strict['missing-author'] //=> 'error'
 */
export const presets: Readonly<Record<PresetName, Readonly<Record<string, ResolvedRuleSetting>>>> =
  Object.freeze({
    recommended: buildPreset('recommended'),
    google: buildPreset('google'),
    strict: buildPreset('strict'),
  });

/**
 * How the input an article was read from changes the presets: raw text holds no image URL,
 * no alternative text and no language tag, so rules that ask for them could never pass (off
 * in every preset);
 * a page may simply not print a byline or a date, so in `recommended` those rules only
 * inform. Measured on the raw text of five corpora with `scripts/eval-lint-noise.mjs`:
 * `missing-image` and `missing-language` fired on every file, `image-without-alt` (on
 * figures made from printed captions) on 11–24%, `missing-author` on 51–100% of the files of
 * three of them.
 */
const inputSettings: Readonly<
  Partial<
    Record<InputKind, Readonly<Record<string, Partial<Record<PresetName, ResolvedRuleSetting>>>>>
  >
> = {
  text: {
    'missing-image': { recommended: 'off', google: 'off', strict: 'off' },
    'missing-language': { recommended: 'off', google: 'off', strict: 'off' },
    'image-without-alt': { recommended: 'off', google: 'off', strict: 'off' },
    'missing-author': { recommended: 'info' },
    'missing-date-published': { recommended: 'info' },
  },
  // A page's lead image comes from its metadata (`og:image`, JSON-LD `image`), which has no
  // place for alternative text: `image-without-alt` fired on 37–88% of the saved pages of
  // four corpora (704 pages; figures without `alt` on 25–44%), so it only informs.
  html: {
    'image-without-alt': { recommended: 'info' },
  },
};

/**
 * Normalise a user's rule setting: `warn` → `warning`; other settings unchanged.
 * Throws a `TypeError` for anything that is not a {@link RuleSetting} (misuse).
 *
 * @example
 * normalizeRuleSetting('warn') //=> 'warning'
 */
export function normalizeRuleSetting(setting: RuleSetting): ResolvedRuleSetting {
  if (setting === 'warn') return 'warning';
  if (setting === 'off' || setting === 'info' || setting === 'warning' || setting === 'error') {
    return setting;
  }
  throw new TypeError(
    `Unexpected rule setting \`${String(setting)}\`, expected one of ${ruleSettings.map((s) => `\`${s}\``).join(', ')}`,
  );
}

function checkPreset(preset: unknown): PresetName {
  if (preset === undefined) return 'recommended';
  if (typeof preset === 'string' && (presetNames as readonly string[]).includes(preset)) {
    return preset as PresetName;
  }
  throw new TypeError(
    `Unexpected \`options.preset\` \`${String(preset)}\`, expected one of ${presetNames.map((p) => `\`${p}\``).join(', ')}`,
  );
}

const inputKinds: readonly InputKind[] = ['text', 'markdown', 'json', 'html'];

function checkInput(input: unknown): void {
  if (input === undefined || (inputKinds as readonly unknown[]).includes(input)) return;
  throw new TypeError(
    `Unexpected \`options.input\` \`${String(input)}\`, expected one of ${inputKinds.map((kind) => `\`${kind}\``).join(', ')}`,
  );
}

/**
 * The severity a rule gets under the given preset and overrides, or `off`.
 * An override in `options.rules` wins over the preset. For an id the rule table does not
 * know and no override names, returns `undefined`: keep the severity its emitter gave.
 *
 * @example
 * resolveRuleSeverity('headline-too-long') //=> 'off'
 * resolveRuleSeverity('headline-too-long', { rules: { 'headline-too-long': 'warn' } }) //=> 'warning'
 * resolveRuleSeverity('missing-author', { preset: 'strict' }) //=> 'error'
 * resolveRuleSeverity('missing-image', { input: 'text' }) //=> 'off'
 */
export function resolveRuleSeverity(
  id: string,
  options: Readonly<RuleSettingsOptions> = {},
): ResolvedRuleSetting | undefined {
  const preset = checkPreset(options.preset);
  checkInput(options.input);
  const override =
    options.rules && Object.hasOwn(options.rules, id) ? options.rules[id] : undefined;
  if (override !== undefined) return normalizeRuleSetting(override);
  if (!getRule(id)) return undefined;
  const forInput = options.input ? inputSettings[options.input]?.[id]?.[preset] : undefined;
  return forInput ?? presets[preset][id];
}

/**
 * Apply a preset and per-rule overrides to diagnostics from any source (lint rules, parsers,
 * `validateArticle`): each diagnostic gets the severity its rule resolves to, and those whose
 * rule is `off` are dropped. Diagnostics of unknown rules keep their severity. Returns new
 * objects; the input is not changed.
 *
 * @example
 * const { diagnostics } = parseMarkdown(text)
 * applyRuleSettings(diagnostics, { rules: { 'frontmatter-unknown-key': 'off' } })
 */
export function applyRuleSettings(
  diagnostics: readonly Diagnostic[],
  options: Readonly<RuleSettingsOptions> = {},
): Diagnostic[] {
  if (!Array.isArray(diagnostics)) {
    throw new TypeError('Expected `diagnostics` to be an array of diagnostics');
  }
  const cache = new Map<string, ResolvedRuleSetting | undefined>();
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    let setting = cache.get(diagnostic.ruleId);
    if (!cache.has(diagnostic.ruleId)) {
      setting = resolveRuleSeverity(diagnostic.ruleId, options);
      cache.set(diagnostic.ruleId, setting);
    }
    if (setting === 'off') continue;
    const rule = getRule(diagnostic.ruleId);
    result.push({
      ...diagnostic,
      severity: setting ?? diagnostic.severity,
      ...(rule && diagnostic.url === undefined ? { url: rule.url } : {}),
    });
  }
  return result;
}
