export type { ExtractJsonLdResult, JsonLdBlock } from './extract-json-ld.js';
export { extractJsonLd } from './extract-json-ld.js';
export type { FromJsonLdOptions, FromJsonLdResult } from './from-json-ld.js';
export { fromJsonLd } from './from-json-ld.js';
export type { JsonLdRule, JsonLdRuleId } from './rules.js';
export { jsonLdRules } from './rules.js';
export { serializeJsonLd } from './serialize-json-ld.js';
export type { ToJsonLdOptions } from './to-json-ld.js';
export { toJsonLd } from './to-json-ld.js';
export type { ToJsonLdScriptOptions } from './to-json-ld-script.js';
export { toJsonLdScript } from './to-json-ld-script.js';
export type {
  JsonLdAgentNode,
  JsonLdArticle,
  JsonLdArticleNode,
  JsonLdDocument,
  JsonLdGraph,
  JsonLdGraphNode,
} from './types.js';
