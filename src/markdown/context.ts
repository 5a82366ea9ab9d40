import type { ArticlePath, Diagnostic, Position, SourceMap } from '../schema/index.js';
import type { ParseMarkdownOptions } from './parse-markdown.js';
import { type MarkdownRuleId, markdownDiagnostic } from './rules.js';

/** State shared by the steps of one `parseMarkdown` call. */
export interface ParseContext {
  readonly options: Readonly<ParseMarkdownOptions>;
  readonly diagnostics: Diagnostic[];
  readonly sources: SourceMap;
  /** Report a problem with the rule's default severity. */
  report(
    ruleId: MarkdownRuleId,
    message: string,
    place: Position | undefined,
    path?: ArticlePath,
    extra?: Partial<Diagnostic>,
  ): void;
}

/** A fresh context for one call. */
export function createContext(options: Readonly<ParseMarkdownOptions>): ParseContext {
  const diagnostics: Diagnostic[] = [];
  return {
    options,
    diagnostics,
    sources: {},
    report(ruleId, message, place, path, extra) {
      const diagnostic: Diagnostic = { ...markdownDiagnostic(ruleId, message, place), ...extra };
      if (path) diagnostic.path = path;
      if (options.file !== undefined) diagnostic.file = options.file;
      diagnostics.push(diagnostic);
    },
  };
}
