import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Article, Diagnostic, SourceMap } from '../schema/index.js';
import {
  articleFromTree,
  checkParseMarkdownOptions,
  type ParseMarkdownOptions,
  sourceText,
} from './parse-markdown.js';
import { frontmatterNodeOf, openingFence, parseTree } from './parse-tree.js';

/** Options for {@link remarkNutgraf}: those of `parseMarkdown` except `file` (the VFile's path is used). */
export type RemarkNutgrafOptions = Omit<ParseMarkdownOptions, 'file'>;

declare module 'vfile' {
  interface DataMap {
    /** The article nutgraf read from the file, when it has one. */
    article: Article;
    /** What else nutgraf found: its diagnostics, field positions and unknown frontmatter keys. */
    nutgraf: { diagnostics: Diagnostic[]; sources: SourceMap; extra: Record<string, unknown> };
  }
}

/**
 * A unified plugin: reads the article of each file into `file.data.article` and reports
 * nutgraf's diagnostics as vfile messages (with `place`, `ruleId` and `source: 'nutgraf'`),
 * so remark-cli and vfile-reporter show them. `error` diagnostics are fatal messages,
 * `warning` ones plain messages, `info` ones info messages.
 *
 * Use it after `remark-frontmatter` (YAML) so the tree is reused; without it, the file is
 * parsed again to read its frontmatter.
 *
 * @example
 * const file = await unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkNutgraf)
 *   .use(remarkStringify).process(await read('story.md'))
 * file.data.article?.headline
 * console.error(reporter(file))
 */
export const remarkNutgraf: Plugin<[(Readonly<RemarkNutgrafOptions> | undefined)?], Root> = (
  options,
) => {
  if (options !== undefined) checkParseMarkdownOptions(options);
  return (tree: Root, file: VFile) => {
    const text = sourceText(file);
    // Without remark-frontmatter, or with blank lines before the frontmatter (which
    // remark-frontmatter does not read), parse the file as parseMarkdown does.
    const source =
      !frontmatterNodeOf(tree) && (openingFence(text) || openingFence(text, '+++'))
        ? parseTree(text)
        : tree;
    const settings: ParseMarkdownOptions = { ...options };
    if (file.path) settings.file = file.path;
    const result = articleFromTree(source, text, settings);
    if (result.article) file.data.article = result.article;
    file.data.nutgraf = {
      diagnostics: result.diagnostics,
      sources: result.sources,
      extra: result.extra,
    };
    for (const diagnostic of result.diagnostics) {
      const messageOptions = {
        ruleId: diagnostic.ruleId,
        source: diagnostic.source,
        ...(diagnostic.place ? { place: diagnostic.place } : {}),
      };
      const message =
        diagnostic.severity === 'info'
          ? file.info(diagnostic.message, messageOptions)
          : file.message(diagnostic.message, messageOptions);
      if (diagnostic.severity === 'error') message.fatal = true;
      if (diagnostic.url) message.url = diagnostic.url;
      if (diagnostic.note) message.note = diagnostic.note;
      if (diagnostic.expected !== undefined) message.expected = [diagnostic.expected];
      if (diagnostic.actual !== undefined) message.actual = diagnostic.actual;
    }
  };
};
