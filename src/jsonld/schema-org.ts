/**
 * The schema.org types `toJsonLd` writes, with the properties it sets and the values it puts
 * there: a small hand-written subset of the vocabulary (version 30.0), so the public types
 * need no other package (schema-dts, which these replace, fails to typecheck under
 * `moduleResolution: node16` with `skipLibCheck: false`). A property name that is not a
 * property of its schema.org type fails `tests/jsonld/schema-org-types.test.ts`; a
 * misspelled property fails the typecheck where a node is built.
 */

/** One value, or several (schema.org allows any property to repeat). */
export type OneOrMore<T> = T | readonly T[];

/** A reference to a node by its `@id` (in a `@graph`, or on the web). */
export type IdReference = {
  '@id': string;
};

/** What every node may have besides its type. */
type NodeBase = {
  '@id'?: string;
};

/** schema.org `Place`. */
export type PlaceLeaf = NodeBase & {
  '@type': 'Place';
  name?: string;
};

/** schema.org `ImageObject`. `width` and `height` are plain pixel counts, as Google's examples write them. */
export type ImageObjectLeaf = NodeBase & {
  '@type': 'ImageObject';
  url?: string;
  contentUrl?: string;
  width?: number;
  height?: number;
  caption?: string;
  description?: string;
  creditText?: string;
  creator?: PersonLeaf | OrganizationLeaf;
  provider?: PersonLeaf | OrganizationLeaf;
  copyrightHolder?: PersonLeaf | OrganizationLeaf;
  license?: string;
  representativeOfPage?: boolean;
};

/** schema.org `Organization`. */
export type OrganizationLeaf = NodeBase & {
  '@type': 'Organization';
  name?: string;
  url?: string;
  sameAs?: OneOrMore<string>;
  email?: string;
  location?: PlaceLeaf;
  logo?: ImageObjectLeaf;
};

/** schema.org `NewsMediaOrganization`: the publisher. */
export type NewsMediaOrganizationLeaf = Omit<OrganizationLeaf, '@type'> & {
  '@type': 'NewsMediaOrganization';
};

/** schema.org `Person`. */
export type PersonLeaf = NodeBase & {
  '@type': 'Person';
  name?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
  jobTitle?: string;
  affiliation?: OrganizationLeaf | IdReference;
  workLocation?: PlaceLeaf;
  url?: string;
  sameAs?: OneOrMore<string>;
  email?: string;
};

/** schema.org `PropertyValue` (a wire slug as an identifier). */
export type PropertyValueLeaf = NodeBase & {
  '@type': 'PropertyValue';
  propertyID?: string;
  value?: string | number | boolean;
};

/** schema.org `CollectionPage`: a section front. */
export type CollectionPageLeaf = NodeBase & {
  '@type': 'CollectionPage';
  url?: string;
  name?: string;
};

/** schema.org `WebSite`. */
export type WebSiteLeaf = NodeBase & {
  '@type': 'WebSite';
  url?: string;
  name?: string;
  publisher?: NewsMediaOrganizationLeaf | OrganizationLeaf | IdReference;
  inLanguage?: string;
};

/** schema.org `ListItem`: one crumb. */
export type ListItemLeaf = NodeBase & {
  '@type': 'ListItem';
  position?: number;
  name?: string;
  item?: string | IdReference;
};

/** schema.org `BreadcrumbList`. */
export type BreadcrumbListLeaf = NodeBase & {
  '@type': 'BreadcrumbList';
  itemListElement?: readonly ListItemLeaf[];
};

/** schema.org `WebPage`. */
export type WebPageLeaf = NodeBase & {
  '@type': 'WebPage';
  url?: string;
  name?: string;
  isPartOf?: WebSiteLeaf | IdReference;
  breadcrumb?: BreadcrumbListLeaf | IdReference;
  inLanguage?: string;
};

/** schema.org `WebPageElement`: a part of the page behind the paywall. */
export type WebPageElementLeaf = NodeBase & {
  '@type': 'WebPageElement';
  isAccessibleForFree?: boolean;
  cssSelector?: string;
};

/** schema.org `CorrectionComment`. */
export type CorrectionCommentLeaf = NodeBase & {
  '@type': 'CorrectionComment';
  name?: string;
  text?: string;
  datePublished?: string;
};

/** A person or organization. */
type Agent = PersonLeaf | OrganizationLeaf | NewsMediaOrganizationLeaf;

/**
 * schema.org `NewsArticle` (and the other `Article` types nutgraf writes: the type is set by
 * the article's own `type`). Dates are ISO 8601 strings.
 */
export type NewsArticleLeaf = NodeBase & {
  '@type': 'NewsArticle';
  headline?: string;
  alternativeHeadline?: string;
  genre?: string;
  description?: string;
  url?: string;
  isPartOf?: OneOrMore<CollectionPageLeaf | WebPageLeaf | IdReference>;
  mainEntityOfPage?: WebPageLeaf | IdReference | string;
  identifier?: OneOrMore<string | PropertyValueLeaf>;
  inLanguage?: string;
  datePublished?: string;
  dateModified?: string;
  dateCreated?: string;
  author?: OneOrMore<Agent | IdReference>;
  contributor?: OneOrMore<Agent | IdReference>;
  editor?: OneOrMore<PersonLeaf | IdReference>;
  translator?: OneOrMore<Agent | IdReference>;
  creditText?: string;
  publisher?: Agent | IdReference;
  dateline?: string;
  locationCreated?: PlaceLeaf;
  sourceOrganization?: OrganizationLeaf;
  articleSection?: OneOrMore<string>;
  image?: OneOrMore<ImageObjectLeaf | string>;
  keywords?: OneOrMore<string>;
  wordCount?: number;
  articleBody?: string;
  isAccessibleForFree?: boolean;
  hasPart?: OneOrMore<WebPageElementLeaf>;
  correction?: OneOrMore<CorrectionCommentLeaf | string>;
  copyrightHolder?: Agent;
  copyrightYear?: number;
  copyrightNotice?: string;
  creativeWorkStatus?: OneOrMore<string>;
};
