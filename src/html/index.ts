export { type ParseHtmlOptions, type ParseHtmlResult, parseHtml } from './parse-html.js';
export { HTML_DIAGNOSTICS, type HtmlDiagnosticRule } from './rules.js';
