import type { ArticleType } from '../schema/article.js';
import type {
  BreadcrumbListLeaf,
  IdReference,
  NewsArticleLeaf,
  NewsMediaOrganizationLeaf,
  OrganizationLeaf,
  PersonLeaf,
  WebPageLeaf,
  WebSiteLeaf,
} from './schema-org.js';

/**
 * The article node: the properties of a schema.org `NewsArticle` (typed by `./schema-org.ts`, so a
 * misspelled property fails the typecheck), with the article's own `@type`.
 */
export type JsonLdArticleNode = Omit<NewsArticleLeaf, '@type'> & { '@type': ArticleType };

/** A person or organization node (an author, editor, translator or contributor). */
export type JsonLdAgentNode = PersonLeaf | OrganizationLeaf;

/** A node of the `@graph` that `toJsonLd(article, { graph: true })` returns. */
export type JsonLdGraphNode =
  | WebSiteLeaf
  | WebPageLeaf
  | BreadcrumbListLeaf
  | JsonLdArticleNode
  | JsonLdAgentNode
  | NewsMediaOrganizationLeaf;

/** What `toJsonLd` returns by default: one article node with its `@context`. */
export type JsonLdArticle = JsonLdArticleNode & { '@context': 'https://schema.org' };

/** What `toJsonLd(article, { graph: true })` returns: linked nodes under one `@context`. */
export interface JsonLdGraph {
  '@context': 'https://schema.org';
  '@graph': JsonLdGraphNode[];
}

/** Either output of `toJsonLd`. */
export type JsonLdDocument = JsonLdArticle | JsonLdGraph;

export type { IdReference };
