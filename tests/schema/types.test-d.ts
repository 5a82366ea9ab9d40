import { describe, expectTypeOf, it } from 'vitest';
import type {
  Article,
  ArticleInput,
  Block,
  Byline,
  Caption,
  Contributor,
  ContributorInput,
  Diagnostic,
  ListItem,
  Section,
} from '../../src/schema/index.js';
import { articleSchema, validateArticle } from '../../src/schema/index.js';

describe('inferred types', () => {
  it('makes defaults required on output and optional on input', () => {
    expectTypeOf<Article['type']>().toEqualTypeOf<
      | 'NewsArticle'
      | 'ReportageNewsArticle'
      | 'AnalysisNewsArticle'
      | 'OpinionNewsArticle'
      | 'BackgroundNewsArticle'
      | 'ReviewNewsArticle'
      | 'Article'
      | 'BlogPosting'
      | 'LiveBlogPosting'
    >();
    expectTypeOf<ArticleInput>().toHaveProperty('type');
    expectTypeOf<{ headline: string; body: [] }>().toExtend<ArticleInput>();
    expectTypeOf<{ headline: string; body: [] }>().not.toExtend<Article>();
    expectTypeOf<Contributor['role']>().toEqualTypeOf<
      | 'author'
      | 'contributor'
      | 'reporter'
      | 'writer'
      | 'editor'
      | 'photographer'
      | 'illustrator'
      | 'translator'
      | 'producer'
    >();
    expectTypeOf<{ name: string }>().toExtend<ContributorInput>();
  });

  it('types the fields users read', () => {
    expectTypeOf<Article['headline']>().toEqualTypeOf<string>();
    expectTypeOf<Article['datePublished']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Article['byline']>().toEqualTypeOf<Byline | undefined>();
    expectTypeOf<Article['section']>().toEqualTypeOf<Section | undefined>();
    expectTypeOf<Article['body']>().toEqualTypeOf<Block[]>();
    expectTypeOf<NonNullable<Article['image']>['caption']>().toEqualTypeOf<Caption | undefined>();
    expectTypeOf<Byline['contributors'][number]['name']>().toEqualTypeOf<string>();
  });

  it('narrows blocks on their type', () => {
    const pick = (block: Block) => {
      if (block.type === 'heading') return block.level;
      if (block.type === 'figure') return block.caption?.credit?.provider;
      if (block.type === 'list') return block.items;
      return undefined;
    };
    expectTypeOf(pick).returns.toEqualTypeOf<number | string | ListItem[] | undefined>();
  });

  it('returns an optional article and diagnostics from validateArticle', () => {
    const result = validateArticle({});
    expectTypeOf(result.article).toEqualTypeOf<Article | undefined>();
    expectTypeOf(result.diagnostics).toEqualTypeOf<Diagnostic[]>();
    expectTypeOf(articleSchema.parse).returns.toEqualTypeOf<Article>();
  });
});
