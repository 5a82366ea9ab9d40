import { describe, expectTypeOf, it } from 'vitest';
import {
  type FromJsonLdResult,
  fromJsonLd,
  type JsonLdArticle,
  type JsonLdDocument,
  type JsonLdGraph,
  type ToJsonLdOptions,
  toJsonLd,
} from '../../src/jsonld/index.js';
import type { Article } from '../../src/schema/index.js';

const article = { headline: 'x', body: [] };

describe('toJsonLd types', () => {
  it('returns an article node by default and a graph with graph: true', () => {
    expectTypeOf(toJsonLd(article)).toEqualTypeOf<JsonLdArticle>();
    expectTypeOf(toJsonLd(article, { graph: false })).toEqualTypeOf<JsonLdArticle>();
    expectTypeOf(toJsonLd(article, { graph: true })).toEqualTypeOf<JsonLdGraph>();
    const options: ToJsonLdOptions = { compat: true };
    expectTypeOf(toJsonLd(article, options)).toEqualTypeOf<JsonLdDocument>();
  });

  it('types the output with schema.org types, so a misspelled property fails', () => {
    const node = toJsonLd(article);
    expectTypeOf(node['@context']).toEqualTypeOf<'https://schema.org'>();
    expectTypeOf(node).toHaveProperty('headline');
    expectTypeOf(node).toHaveProperty('dateline');
    // @ts-expect-error `headlne` is not a schema.org property
    node.headlne;
  });

  it('takes an article input, with defaults left out', () => {
    // @ts-expect-error a headline is required
    toJsonLd({ body: [] });
    // @ts-expect-error unknown article fields are rejected
    toJsonLd({ headline: 'x', body: [], headlines: [] });
  });
});

describe('fromJsonLd types', () => {
  it('returns an optional Article and diagnostics', () => {
    expectTypeOf(fromJsonLd('{}')).toEqualTypeOf<FromJsonLdResult>();
    expectTypeOf(fromJsonLd({}).article).toEqualTypeOf<Article | undefined>();
  });
});
