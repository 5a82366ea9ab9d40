import type { Article, ArticlePath, Diagnostic, Severity, SourceMap } from '../schema/index.js';

/** The presets: `recommended` (default), `google` (Google Search guidance only) and `strict`. */
export type PresetName = 'recommended' | 'google' | 'strict';

/**
 * How a rule is set by a user: `off`, or a severity. `warn` is accepted as a synonym of
 * `warning` (as in ESLint configs) and is normalised to `warning`.
 */
export type RuleSetting = 'off' | 'info' | 'warn' | 'warning' | 'error';

/** A rule setting after normalisation: a severity, or `off`. */
export type ResolvedRuleSetting = Severity | 'off';

/**
 * What a rule is about: `schema` validity, `google` guidance, `editorial` quality, issues
 * found by a parser (`markdown`, `text`, `jsonld`), or a `file` the CLI cannot read, check or
 * write (and its configuration).
 */
export type RuleCategory =
  | 'schema'
  | 'google'
  | 'editorial'
  | 'markdown'
  | 'text'
  | 'jsonld'
  | 'html'
  | 'file';

/** The metadata of one rule: a row of the {@link rules} table. */
export interface RuleMeta {
  /** Stable kebab-case id, named after the problem, e.g. `missing-date-published`. */
  readonly id: string;
  /** Its severity when on (the severity in `recommended`, when it is on there). */
  readonly severity: Severity;
  /** One line saying what the rule finds. */
  readonly summary: string;
  /** Its documentation page. */
  readonly url: string;
  /** The presets that turn it on. */
  readonly presets: readonly PresetName[];
  /** What it is about. */
  readonly category: RuleCategory;
  /** `true` when `nutgraf fix` can repair it safely. */
  readonly fixable?: boolean;
  /**
   * Its severity in the presets where it differs from `severity` (`strict` raising aside):
   * `missing-image` is `info` in `recommended` and a `warning` in `google`.
   */
  readonly severities?: Readonly<Partial<Record<PresetName, Severity>>>;
}

/**
 * What an article was read from: `text` (`parseText`), `markdown`, `json` (Article JSON or
 * JSON-LD) or `html`. Some rules depend on it (see {@link RuleSettingsOptions.input}).
 */
export type InputKind = 'text' | 'markdown' | 'json' | 'html';

/** Options shared by {@link lintArticle}, {@link applyRuleSettings} and {@link resolveRuleSeverity}. */
export interface RuleSettingsOptions {
  /** The preset to start from (default `recommended`). */
  preset?: PresetName;
  /** Per-rule overrides, by rule id: `{ 'headline-too-long': 'warn', 'missing-image': 'off' }`. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /**
   * What the article was read from (default: unknown, no change). With `text`, rules that ask
   * for what raw text cannot hold (`missing-image`, `image-without-alt`, `missing-language`:
   * no image URL, no alternative text, no language tag) are off, and in `recommended` those about what a page may simply not
   * print (`missing-author`, `missing-date-published`) are `info`. `rules` still win.
   */
  input?: InputKind;
}

/** Options for {@link lintArticle}. */
export interface LintOptions extends RuleSettingsOptions {
  /** Source positions of the fields, so diagnostics point into the file (default: none). */
  sources?: Readonly<SourceMap>;
  /** The file name, copied onto every diagnostic (default: none). */
  file?: string;
  /** The current time, for the future-date check (default: the current time). */
  now?: Date | string;
}

/** A finding of a rule before severity, place and file are added. */
export interface RuleFinding {
  /** Where in the article. */
  path: ArticlePath;
  /** One sentence for a person. */
  message: string;
  /** What was expected, when short. */
  expected?: string;
  /** What was found, when short. */
  actual?: string;
  /** Extra explanation. */
  note?: string;
}

/** What a rule's check receives besides the article. */
export interface RuleContext {
  /** The current time in milliseconds since the epoch. */
  readonly now: number;
}

/** A rule's check: a pure function from an article to findings. */
export type RuleCheck = (article: Article, context: RuleContext) => RuleFinding[];

/** A diagnostic as returned by lint (re-exported for convenience). */
export type { Diagnostic };
