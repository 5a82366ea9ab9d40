import { parseDocument } from 'yaml';
import {
  type Article,
  type Diagnostic,
  type Position,
  placeOf,
  type SourceMap,
  setSource,
  sourceOf,
  validateArticle,
} from '../schema/index.js';
import { createLineIndex, type LineIndex } from '../schema/line-index.js';
import { nodeAt } from '../schema/source-map.js';
import { type InputFormat, isJsonLd } from './detect-format.js';
import * as engines from './engines.js';
import { documentSources } from './yaml-sources.js';

/** Options for {@link checkSource}. */
export interface CheckSourceOptions extends engines.RuleOptions, engines.SiteOptions {
  /** The file name put on diagnostics. */
  file: string;
  /** IANA time zone for dates without an offset. */
  timeZone?: string | undefined;
  /** Run the lint rules (default `true`); `false` reports parser and schema problems only. */
  lint?: boolean;
  /** An HTML file's bytes, so the page's charset is honoured (`text` is then their decoding). */
  bytes?: Uint8Array | undefined;
}

/** What checking one source gives: the article (when one could be read) and every diagnostic. */
export interface CheckSourceResult {
  article?: Article | undefined;
  sources?: SourceMap | undefined;
  /** Diagnostics from the parser and the linter, rule settings applied, unsorted. */
  diagnostics: Diagnostic[];
  /** Whether the parser read the whole file without a syntax error (fixes need that). */
  parsed: boolean;
}

/** `… in JSON at position 12` → 12. */
const jsonErrorPosition = /at position (\d+)/;
/** The position part of a JSON error message, dropped because the diagnostic's place says it. */
const jsonErrorTail = /\s+(?:in JSON\s+)?at position \d+(?: \(line \d+ column \d+\))?$/;

interface JsonText {
  value?: unknown;
  diagnostic?: Diagnostic;
}

function parseJson(text: string, lines: LineIndex, offset: number, file: string): JsonText {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(
      /^SyntaxError: /,
      '',
    );
    const at = jsonErrorPosition.exec(message);
    return {
      diagnostic: {
        ruleId: 'invalid-json',
        severity: 'error',
        message: `Cannot parse the JSON: ${message.replace(jsonErrorTail, '')}`,
        place: lines.point(offset + (at ? Number(at[1]) : text.length)),
        file,
        source: 'nutgraf',
      },
    };
  }
}

/**
 * Where Article fields live in a JSON-LD article node: Article path prefix → JSON-LD property.
 * Lets diagnostics about the Article point at the property they came from.
 */
const jsonLdProperties: ReadonlyArray<readonly [string, string]> = [
  ['headline', 'headline'],
  ['alternativeHeadline', 'alternativeHeadline'],
  ['description', 'description'],
  ['url', 'url'],
  ['url', 'mainEntityOfPage'],
  ['id', '@id'],
  ['type', '@type'],
  ['language', 'inLanguage'],
  ['section', 'articleSection'],
  ['byline', 'author'],
  ['byline.contributors', 'author'],
  ['dateline', 'dateline'],
  ['datePublished', 'datePublished'],
  ['dateModified', 'dateModified'],
  ['dateCreated', 'dateCreated'],
  ['image', 'image'],
  ['body', 'articleBody'],
  ['keywords', 'keywords'],
  ['publisher', 'publisher'],
  ['isAccessibleForFree', 'isAccessibleForFree'],
  ['corrections', 'correction'],
  ['copyright', 'copyrightNotice'],
  ['copyright', 'copyrightHolder'],
];

const articleTypePattern = /(?:Article|BlogPosting|Report)$/;

function typesOf(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const type = (node as Record<string, unknown>)['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** The dotted path of the article node inside a JSON-LD document (root, array item or `@graph` item). */
function articleNodePath(value: unknown): string | undefined {
  const isArticle = (node: unknown) => typesOf(node).some((t) => articleTypePattern.test(t));
  if (isArticle(value)) return '';
  const search = (items: unknown, prefix: string): string | undefined => {
    if (!Array.isArray(items)) return undefined;
    const index = items.findIndex(isArticle);
    return index === -1 ? undefined : `${prefix}${index}`;
  };
  if (Array.isArray(value)) {
    const direct = search(value, '');
    if (direct !== undefined) return direct;
    for (let index = 0; index < value.length; index++) {
      const found = search(
        (value[index] as Record<string, unknown>)?.['@graph'],
        `${index}.@graph.`,
      );
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    return search((value as Record<string, unknown>)['@graph'], '@graph.');
  }
  return undefined;
}

/** Article paths → positions of the matching JSON-LD properties. */
function jsonLdSources(value: unknown, documentMap: SourceMap): SourceMap {
  const node = nodeAt(documentMap, articleNodePath(value) ?? '');
  const sources: SourceMap = {};
  if (!node) return sources;
  if (node.place) sources.place = node.place;
  for (const [articlePath, property] of jsonLdProperties) {
    const place = sourceOf(node, [property]);
    if (place && !sourceOf(sources, articlePath)) setSource(sources, articlePath, place);
  }
  nodeAt(node, ['author'])?.items?.forEach((item, index) => {
    if (item?.place) setSource(sources, ['byline', 'contributors', index], item.place);
  });
  return sources;
}

/** The opening `---` line of Markdown frontmatter, then the closing `---` or `...` line. */
const frontmatterOpen = /^\uFEFF?---[ \t]*\r?\n/;
const frontmatterClose = /^(?:---|\.\.\.)[ \t]*$/m;

/** The range of a Markdown file's frontmatter block, fences included, when it has one. */
function frontmatterRange(text: string): Position | undefined {
  const open = frontmatterOpen.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = frontmatterClose.exec(rest);
  if (!close) return undefined;
  const lines = createLineIndex(text);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return lines.range(start, open[0].length + close.index + close[0].length);
}

/** Give diagnostics without a place the place of their path (or of the article) in `sources`. */
function locate(diagnostics: readonly Diagnostic[], sources: SourceMap): Diagnostic[] {
  return diagnostics.map((diagnostic) => {
    if (diagnostic.place) return diagnostic;
    const place = placeOf(sources, diagnostic.path ?? []);
    return place ? { ...diagnostic, place } : diagnostic;
  });
}

function checkJsonValue(
  value: unknown,
  text: string,
  lines: LineIndex,
  offset: number,
  options: Readonly<CheckSourceOptions>,
): CheckSourceResult {
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const documentMap = documentSources(document, lines, offset);
  const parseOptions: engines.EngineParseOptions = { file: options.file };
  if (options.timeZone) parseOptions.timeZone = options.timeZone;
  if (isJsonLd(value)) {
    const sources = jsonLdSources(value, documentMap);
    const result = engines.fromJsonLd(value, parseOptions);
    const diagnostics = [...result.diagnostics];
    if (result.article && options.lint !== false) {
      diagnostics.push(
        ...engines.lintArticle(withSiteDefaults(result.article, options), { ...options, sources }),
      );
    }
    return {
      article: result.article,
      sources,
      diagnostics: locate(diagnostics, sources),
      parsed: true,
    };
  }
  const validated = validateArticle(value, { sources: documentMap, file: options.file });
  const diagnostics = [...validated.diagnostics];
  if (validated.article && options.lint !== false) {
    diagnostics.push(
      ...engines.lintArticle(withSiteDefaults(validated.article, options), {
        ...options,
        sources: documentMap,
      }),
    );
  }
  return {
    article: validated.article,
    sources: documentMap,
    diagnostics: locate(diagnostics, documentMap),
    parsed: true,
  };
}

/** Page findings kept beside the JSON-LD checks: how the page and its JSON-LD disagree, and how it was read. */
const pageFindings = new Set([
  'json-ld-headline-mismatch',
  'json-ld-author-mismatch',
  'charset-mismatch',
  'html-nesting-too-deep',
]);

/**
 * An HTML page: its JSON-LD article is checked as JSON-LD (places in the `<script>` block),
 * and the article the page shows is read with `parseHtml`. A JSON-LD headline or author the
 * page does not print is a finding. A page without a JSON-LD article is checked as the
 * article it shows.
 */
function checkHtml(text: string, options: Readonly<CheckSourceOptions>): CheckSourceResult {
  const parseOptions: engines.EngineParseOptions = { file: options.file };
  if (options.timeZone) parseOptions.timeZone = options.timeZone;
  const page = engines.parseHtml(options.bytes ?? text, parseOptions);
  const lines = createLineIndex(text);
  const extracted = engines.extractJsonLd(text);
  const syntax = extracted.diagnostics;
  let fallback: CheckSourceResult | undefined;
  for (const block of extracted.blocks) {
    if (block.value === undefined) continue;
    if (!isJsonLd(block.value) || articleNodePath(block.value) === undefined) continue;
    const offset = block.position.start.offset ?? 0;
    const result = checkJsonValue(block.value, block.text, lines, offset, options);
    if (result.article) {
      const findings = page.diagnostics.filter((diagnostic) => pageFindings.has(diagnostic.ruleId));
      return {
        ...result,
        diagnostics: [...syntax, ...result.diagnostics, ...findings],
        parsed: false,
      };
    }
    fallback ??= result;
  }
  if (page.article) {
    // No JSON-LD article: check the article the page shows. Fields it lacks are reported at
    // the page's <head>, where their metadata belongs. (Its diagnostics include the ld+json
    // syntax errors.)
    const head = /<head[\s>]/i.exec(text);
    const sources: SourceMap = head
      ? { ...page.sources, place: lines.range(head.index, head.index + 5) }
      : (page.sources ?? {});
    const lint =
      options.lint === false
        ? []
        : engines.lintArticle(withSiteDefaults(page.article, options), { ...options, sources });
    return {
      article: page.article,
      sources: page.sources,
      diagnostics: locate([...page.diagnostics, ...lint], sources),
      parsed: false,
    };
  }
  if (fallback) {
    return { ...fallback, diagnostics: [...syntax, ...fallback.diagnostics], parsed: false };
  }
  // Neither a JSON-LD article nor a page with a headline.
  const missing: Diagnostic = {
    ruleId: 'no-article',
    severity: 'error',
    message:
      extracted.blocks.length === 0
        ? 'No article in the page: no headline, and no `<script type="application/ld+json">` block'
        : 'No article in the page: no headline, and no article node (`NewsArticle`, `Article`, …) in its ld+json blocks',
    file: options.file,
    source: 'nutgraf',
  };
  const first = extracted.blocks[0];
  if (first) missing.place = first.position;
  const pageProblems = page.diagnostics.filter(
    (diagnostic) => diagnostic.ruleId !== 'missing-headline' && diagnostic.ruleId !== 'empty-input',
  );
  return { diagnostics: [...syntax, missing, ...pageProblems], parsed: false };
}

/**
 * Parse and lint the text of one article file. Never throws on bad content: syntax errors,
 * schema problems and rule findings all come back as diagnostics with the file's positions.
 *
 * @example
 * checkSource('{"headline":"Hi","body":[]}', 'json', { file: 'a.json' }).diagnostics
 */
export function checkSource(
  text: string,
  format: InputFormat,
  options: Readonly<CheckSourceOptions>,
): CheckSourceResult {
  const lintArticle: typeof engines.lintArticle =
    options.lint === false ? () => [] : engines.lintArticle;
  // Rules follow what the input can hold (raw text has no image URL, no language tag).
  const ruleOptions: engines.RuleOptions = { input: format };
  if (options.preset) ruleOptions.preset = options.preset;
  if (options.rules) ruleOptions.rules = options.rules;
  options = { ...options, input: format };
  let result: CheckSourceResult;
  if (format === 'json') {
    const lines = createLineIndex(text);
    const json = parseJson(text, lines, 0, options.file);
    result = json.diagnostic
      ? { diagnostics: [json.diagnostic], parsed: false }
      : checkJsonValue(json.value, text, lines, 0, options);
  } else if (format === 'html') {
    result = checkHtml(text, options);
  } else {
    const parseOptions: engines.EngineParseOptions = {
      file: options.file,
      ...engines.siteOptionsOf(options),
    };
    if (options.timeZone) parseOptions.timeZone = options.timeZone;
    const parsed =
      format === 'markdown'
        ? engines.parseMarkdown(text, parseOptions)
        : engines.parseText(text, parseOptions);
    const diagnostics = [...parsed.diagnostics];
    if (parsed.article) {
      // A field missing from a Markdown article is reported at the frontmatter, where it
      // belongs: the parser's map has no entry for the article as a whole.
      const frontmatter =
        format === 'markdown' && !parsed.sources?.place ? frontmatterRange(text) : undefined;
      const sources = frontmatter ? { ...parsed.sources, place: frontmatter } : parsed.sources;
      diagnostics.push(
        ...withoutRepeats(
          parsed.diagnostics,
          lintArticle(withSiteDefaults(parsed.article, options), { ...options, sources }),
        ),
      );
    }
    result = {
      article: parsed.article,
      sources: parsed.sources,
      diagnostics,
      parsed: !diagnostics.some((d) => syntaxRules.has(d.ruleId)),
    };
  }
  const diagnostics = engines
    .applyRuleSettings(result.diagnostics, ruleOptions)
    .map((diagnostic) => {
      const message = inCliWords(diagnostic);
      return diagnostic.file === options.file && message === diagnostic.message
        ? diagnostic
        : { ...diagnostic, file: options.file, message };
    });
  return { ...result, diagnostics };
}

/**
 * Library advice in messages, by rule id, said as a CLI user acts on it: where the library
 * says to pass an option, the CLI says which config key or flag sets it.
 */
const cliWording: Readonly<Record<string, readonly [library: string, cli: string]>> = {
  'relative-url': [
    'pass `baseUrl` to resolve it',
    'set the site\'s URL with `"baseUrl": "https://example.com/"` in the configuration file, or `--base-url`, to resolve it',
  ],
};

/** A diagnostic's message with library advice said in CLI terms (see {@link cliWording}). */
function inCliWords(diagnostic: Readonly<Diagnostic>): string {
  const wording = cliWording[diagnostic.ruleId];
  return wording ? diagnostic.message.replace(wording[0], wording[1]) : diagnostic.message;
}

/**
 * The article as linted: with the site's `language` when it gives none, so that a site
 * that writes in one language need not tag every file (`missing-language`). The article
 * returned by `parse` is left as the file has it.
 */
function withSiteDefaults(article: Article, options: Readonly<CheckSourceOptions>): Article {
  return options.language !== undefined && !article.language
    ? { ...article, language: options.language }
    : article;
}

/**
 * Lint rules that say again what a parser already reported at the same field, by the
 * parser's rule ids: `date-without-offset` (the time was dropped) already explains why
 * only a calendar date is left, so `date-without-time-zone` would repeat it.
 */
const repeatedByLint: Readonly<Record<string, readonly string[]>> = {
  'date-without-time-zone': ['date-without-offset'],
};

/** The lint findings that do not repeat a parser diagnostic at the same path. */
function withoutRepeats(
  parserDiagnostics: readonly Diagnostic[],
  lintDiagnostics: readonly Diagnostic[],
): Diagnostic[] {
  const reported = new Set(
    parserDiagnostics.map((d) => `${d.ruleId} ${JSON.stringify(d.path ?? [])}`),
  );
  return lintDiagnostics.filter(
    (d) =>
      !(repeatedByLint[d.ruleId] ?? []).some((id) =>
        reported.has(`${id} ${JSON.stringify(d.path ?? [])}`),
      ),
  );
}

/** Rule ids that mean the file could not be read completely: `fix` leaves such files alone. */
export const syntaxRules: ReadonlySet<string> = new Set([
  'frontmatter-invalid-yaml',
  'frontmatter-duplicate-key',
  'invalid-json',
  'unsupported-format',
]);
