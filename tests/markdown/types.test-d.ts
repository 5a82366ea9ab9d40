import { VFile } from 'vfile';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ParseMarkdownOptions,
  type ParseMarkdownResult,
  parseMarkdown,
  toMarkdown,
} from '../../src/markdown/index.js';
import type { Article, Diagnostic, SourceMap } from '../../src/schema/index.js';

describe('nutgraf/markdown types', () => {
  it('parseMarkdown takes a string or a VFile and returns an optional article', () => {
    expectTypeOf(parseMarkdown).parameter(0).toEqualTypeOf<string | VFile>();
    expectTypeOf(parseMarkdown('')).toEqualTypeOf<ParseMarkdownResult>();
    expectTypeOf<ParseMarkdownResult['article']>().toEqualTypeOf<Article | undefined>();
    expectTypeOf<ParseMarkdownResult['diagnostics']>().toEqualTypeOf<Diagnostic[]>();
    expectTypeOf<ParseMarkdownResult['sources']>().toEqualTypeOf<SourceMap>();
  });

  it('accepts lookups as tables or functions', () => {
    expectTypeOf<{ authors: { a: { name: string } } }>().toExtend<ParseMarkdownOptions>();
    expectTypeOf<{
      authors: (slug: string) => { name: string } | undefined;
    }>().toExtend<ParseMarkdownOptions>();
  });

  it('toMarkdown takes an Article and returns a string', () => {
    expectTypeOf(toMarkdown).parameter(0).toEqualTypeOf<Article>();
    expectTypeOf(toMarkdown).returns.toEqualTypeOf<string>();
  });

  it('types file.data.article', () => {
    expectTypeOf(new VFile().data.article).toEqualTypeOf<Article | undefined>();
  });
});
