export {
  type FrontmatterField,
  type FrontmatterKind,
  frontmatterFields,
} from './frontmatter-keys.js';
export { frontmatterSchema } from './frontmatter-schema.js';
export type { AuthorLookup, ImageLookup } from './lookups.js';
export {
  type ParseMarkdownOptions,
  type ParseMarkdownResult,
  parseMarkdown,
} from './parse-markdown.js';
export { type RemarkNutgrafOptions, remarkNutgraf } from './remark-nutgraf.js';
export { type MarkdownRule, type MarkdownRuleId, markdownRules } from './rules.js';
export { type ToMarkdownOptions, toMarkdown } from './to-markdown.js';
