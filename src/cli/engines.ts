/**
 * The parsers and the linter, as the CLI calls them: the one place that knows their
 * signatures and options, so the rest of the CLI codes against these small functions.
 */

import * as html from '../html/index.js';
import type { ExtractJsonLdResult } from '../jsonld/index.js';
import * as jsonld from '../jsonld/index.js';
import type { PresetName, RuleSetting } from '../lint/index.js';
import * as lint from '../lint/index.js';
import * as markdown from '../markdown/index.js';
import * as mdx from '../mdx/index.js';
import type {
  Article,
  ContributorInput,
  Diagnostic,
  ImageInput,
  Severity,
  SourceMap,
} from '../schema/index.js';
import { parseText as parseTextEngine } from '../text/index.js';

export type { PresetName, RuleSetting };

/** What a parser returns. */
export interface ParseResult {
  article?: Article | undefined;
  diagnostics: Diagnostic[];
  sources?: SourceMap | undefined;
}

/**
 * What a site's configuration tells the Markdown parser: the site's URL, for relative
 * links and images, and its authors and images by slug or id (`authors: [jane-doe]`,
 * `primary_image: harbour`), as plain tables so they can be sent to worker threads.
 */
export interface SiteOptions {
  baseUrl?: string | undefined;
  /** The site's language: the `language` of articles that give none. */
  language?: string | undefined;
  authors?: Readonly<Record<string, ContributorInput>> | undefined;
  images?: Readonly<Record<string, ImageInput>> | undefined;
}

/** Options the CLI passes to parsers. */
export interface EngineParseOptions extends SiteOptions {
  file?: string;
  timeZone?: string;
}

/** The site options of a settings object (or any object with them), without the undefined ones. */
export function siteOptionsOf(options: Readonly<SiteOptions>): SiteOptions {
  const site: SiteOptions = {};
  if (options.baseUrl !== undefined) site.baseUrl = options.baseUrl;
  if (options.language !== undefined) site.language = options.language;
  if (options.authors !== undefined) site.authors = options.authors;
  if (options.images !== undefined) site.images = options.images;
  return site;
}

/** Rule settings, as given by presets, config and `--rule`, and the kind of input checked. */
export interface RuleOptions {
  preset?: PresetName;
  rules?: Readonly<Record<string, RuleSetting>>;
  input?: lint.InputKind;
}

/** One row of the rule table, as far as the CLI reads it. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
  url?: string;
}

/** Parse Markdown (or MDX, for a `.mdx` file) with frontmatter. */
export function parseMarkdown(source: string, options: EngineParseOptions): ParseResult {
  const markdownOptions: markdown.ParseMarkdownOptions = {};
  if (options.file !== undefined) markdownOptions.file = options.file;
  if (options.timeZone !== undefined) markdownOptions.timeZone = options.timeZone;
  if (options.baseUrl !== undefined) markdownOptions.baseUrl = options.baseUrl;
  if (options.authors !== undefined) markdownOptions.authors = options.authors;
  if (options.images !== undefined) markdownOptions.images = options.images;
  // `.mdx` files (Astro, Next.js, Docusaurus) are read with remark-mdx.
  if (options.file !== undefined && /\.mdx$/i.test(options.file)) {
    return mdx.parseMdx(source, markdownOptions);
  }
  return markdown.parseMarkdown(source, markdownOptions);
}

/** Parse raw text. */
export function parseText(source: string, options: EngineParseOptions): ParseResult {
  return parseTextEngine(source, options.timeZone ? { timeZone: options.timeZone } : {});
}

/** Parse an HTML page (its bytes when read from a file, so its charset is honoured). */
export function parseHtml(source: string | Uint8Array, options: EngineParseOptions): ParseResult {
  const htmlOptions: html.ParseHtmlOptions = {};
  if (options.file !== undefined) htmlOptions.file = options.file;
  if (options.timeZone !== undefined) htmlOptions.timeZone = options.timeZone;
  return html.parseHtml(source, htmlOptions);
}

/** Read JSON-LD (an object, an array or a graph). */
export function fromJsonLd(value: unknown, options: EngineParseOptions): ParseResult {
  return jsonld.fromJsonLd(value, options.timeZone ? { timeZone: options.timeZone } : {});
}

/** Every ld+json block of an HTML page, with positions. */
export function extractJsonLd(html: string): ExtractJsonLdResult {
  return jsonld.extractJsonLd(html);
}

/** Article → Markdown. */
export function toMarkdown(article: Article): string {
  return markdown.toMarkdown(article);
}

/** Article → JSON-LD object. */
export function toJsonLd(article: Article, options: { graph?: boolean }): unknown {
  return jsonld.toJsonLd(article, options);
}

/** Article → `<script type="application/ld+json">` tag. */
export function toJsonLdScript(article: Article, options: { graph?: boolean }): string {
  return jsonld.toJsonLdScript(article, options);
}

/** Run the lint rules. */
export function lintArticle(
  article: Article,
  options: RuleOptions & { sources?: SourceMap | undefined; file?: string | undefined },
): Diagnostic[] {
  const lintOptions: lint.LintOptions = {};
  if (options.sources) lintOptions.sources = options.sources;
  if (options.file !== undefined) lintOptions.file = options.file;
  if (options.preset) lintOptions.preset = options.preset;
  if (options.rules) lintOptions.rules = options.rules;
  if (options.input) lintOptions.input = options.input;
  return lint.lintArticle(article, lintOptions);
}

/**
 * Apply `--rule`/config severities and the preset to diagnostics from any source (parsers
 * too): `off` drops a diagnostic, other settings replace its severity.
 */
export function applyRuleSettings(
  diagnostics: readonly Diagnostic[],
  options: RuleOptions,
): Diagnostic[] {
  return lint.applyRuleSettings(diagnostics, options);
}

/** The rule table. */
export function ruleTable(): readonly RuleInfo[] {
  return lint.rules;
}
