import type { ArticleInput, ArticleType } from '../schema/article.js';
import type { BlockInput } from '../schema/block.js';
import type { ContributorInput, ContributorRole } from '../schema/byline.js';
import type { ImageInput } from '../schema/caption.js';
import type { OrganizationInput } from '../schema/organization.js';
import { bodyTexts, countWords } from './count-words.js';
import type {
  BreadcrumbListLeaf,
  CollectionPageLeaf,
  CorrectionCommentLeaf,
  IdReference,
  ImageObjectLeaf,
  ListItemLeaf,
  NewsMediaOrganizationLeaf,
  OrganizationLeaf,
  PersonLeaf,
  PlaceLeaf,
  PropertyValueLeaf,
  WebPageElementLeaf,
  WebPageLeaf,
  WebSiteLeaf,
} from './schema-org.js';
import type {
  JsonLdAgentNode,
  JsonLdArticle,
  JsonLdArticleNode,
  JsonLdDocument,
  JsonLdGraph,
  JsonLdGraphNode,
} from './types.js';

/** Options for {@link toJsonLd}. */
export interface ToJsonLdOptions {
  /** The publisher, used when the article has none. */
  publisher?: OrganizationInput;
  /**
   * The site: its name and home page, for the graph's `WebSite` node and the `Home` crumb.
   * Default: the publisher's name and URL, else the origin of the article URL.
   */
  site?: { name?: string; url?: string };
  /** The canonical URL of the article, used when the article has no `url`. */
  url?: string;
  /**
   * Emit a `@graph` of linked nodes (`WebSite`, `WebPage`, `BreadcrumbList`, the article, one
   * node per person, the publisher) instead of a single article node. Default `false`.
   */
  graph?: boolean;
  /**
   * For readers that cannot follow `@id` references (Readability, metascraper): in a graph,
   * authors, contributors and the publisher are written inline in the article node instead
   * of as separate nodes. Every `@type` is a single string in any mode. Default `false`.
   */
  compat?: boolean;
  /**
   * Add `articleBody`, the plain text of the body (paragraphs, headings, quotes, list items,
   * table rows; blank line between blocks). Default `false`: Google asks that only visible
   * content be marked up, and the body is usually large.
   */
  articleBody?: boolean;
}

/** Which schema.org property carries each contributor role. */
const roleProperty: Record<ContributorRole, 'author' | 'contributor' | 'editor' | 'translator'> = {
  author: 'author',
  reporter: 'author',
  writer: 'author',
  contributor: 'contributor',
  editor: 'editor',
  translator: 'translator',
  photographer: 'contributor',
  illustrator: 'contributor',
  producer: 'contributor',
};

/**
 * The types that may carry `dateline` (it is defined on `NewsArticle` only): the `…NewsArticle`
 * members of `articleTypeSchema`, listed here because reading them from the schema would pull zod
 * into `nutgraf/jsonld` (37 kB → 133 kB min+gz).
 */
const newsTypes: ReadonlySet<ArticleType> = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
]);

/** The printed name of each correction kind (schema.org `CorrectionComment.name`). */
const correctionNames = {
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
} as const;

/** A schema.org size: Google and real-world markup use plain integers (see the README). */
type Size = NonNullable<ImageObjectLeaf['width'] & ImageObjectLeaf['height']>;

/** What the node builders share. */
interface Context {
  graph: boolean;
  compat: boolean;
  pageUrl: string | undefined;
  ids: { article: string; webpage: string; website: string; publisher: string; breadcrumb: string };
  /** The site's home page, when known (given, the publisher's, or the article URL's origin). */
  siteUrl: string | undefined;
  siteBase: string;
  /** The publisher's name, so an affiliation to it links to its node in a graph. */
  publisherName: string | undefined;
  /** Agent nodes of the graph, by identity key. */
  agents: Map<string, { id: string; node: JsonLdAgentNode }>;
  /** `@id`s already used, to keep them unique. */
  usedIds: Set<string>;
  /** The next number to try after each `@id` stem, so that many namesakes stay linear. */
  nextSuffix: Map<string, number>;
}

function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return undefined;
  }
}

function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return encodeURIComponent(slug === '' ? 'agent' : slug);
}

function place(name: string): PlaceLeaf {
  return { '@type': 'Place', name };
}

function organization(name: string): OrganizationLeaf {
  return { '@type': 'Organization', name };
}

function agentNode(contributor: ContributorInput, context: Context): JsonLdAgentNode {
  if (contributor.type === 'Organization') {
    const node: OrganizationLeaf = { '@type': 'Organization', name: contributor.name };
    if (contributor.location !== undefined) node.location = place(contributor.location);
    if (contributor.url !== undefined) node.url = contributor.url;
    if (contributor.sameAs !== undefined) node.sameAs = [...contributor.sameAs];
    if (contributor.email !== undefined) node.email = contributor.email;
    return node;
  }
  const node: PersonLeaf = { '@type': 'Person', name: contributor.name };
  if (contributor.honorificPrefix !== undefined) node.honorificPrefix = contributor.honorificPrefix;
  if (contributor.honorificSuffix !== undefined) node.honorificSuffix = contributor.honorificSuffix;
  if (contributor.jobTitle !== undefined) node.jobTitle = contributor.jobTitle;
  if (contributor.affiliation !== undefined) {
    node.affiliation =
      context.graph && contributor.affiliation === context.publisherName
        ? { '@id': context.ids.publisher }
        : organization(contributor.affiliation);
  }
  if (contributor.location !== undefined) node.workLocation = place(contributor.location);
  if (contributor.url !== undefined) node.url = contributor.url;
  if (contributor.sameAs !== undefined) node.sameAs = [...contributor.sameAs];
  if (contributor.email !== undefined) node.email = contributor.email;
  return node;
}

/** A unique `@id` under the site, from a readable stem. */
function uniqueId(stem: string, context: Context): string {
  let n = context.nextSuffix.get(stem) ?? 2;
  let id = stem;
  while (context.usedIds.has(id)) id = `${stem}-${n++}`;
  context.nextSuffix.set(stem, n);
  context.usedIds.add(id);
  return id;
}

/** The value to put under `author` (or another agent property): inline, or a reference. */
function agentValue(
  contributor: ContributorInput,
  context: Context,
): JsonLdAgentNode | IdReference {
  const node = agentNode(contributor, context);
  if (!context.graph) return node;
  const key = JSON.stringify(node);
  let entry = context.agents.get(key);
  if (!entry) {
    const kind = node['@type'] === 'Person' ? 'person' : 'organization';
    const stem =
      context.siteUrl === undefined
        ? `_:${kind}-${slugOf(contributor.name)}`
        : `${context.siteBase}#/schema/${kind}/${slugOf(contributor.name)}`;
    const id = uniqueId(stem, context);
    const { '@type': nodeType, ...properties } = node;
    entry = { id, node: { '@type': nodeType, '@id': id, ...properties } as JsonLdAgentNode };
    context.agents.set(key, entry);
  }
  return context.compat ? entry.node : { '@id': entry.id };
}

function logoNode(logo: NonNullable<OrganizationInput['logo']>): ImageObjectLeaf {
  const node: ImageObjectLeaf = { '@type': 'ImageObject', url: logo.url, contentUrl: logo.url };
  if (logo.width !== undefined) node.width = logo.width as unknown as Size;
  if (logo.height !== undefined) node.height = logo.height as unknown as Size;
  return node;
}

function publisherNode(
  publisher: OrganizationInput,
  id: string | undefined,
): NewsMediaOrganizationLeaf {
  const node: NewsMediaOrganizationLeaf =
    id === undefined
      ? { '@type': 'NewsMediaOrganization', name: publisher.name }
      : { '@type': 'NewsMediaOrganization', '@id': id, name: publisher.name };
  if (publisher.url !== undefined) node.url = publisher.url;
  if (publisher.logo !== undefined) node.logo = logoNode(publisher.logo);
  if (publisher.sameAs !== undefined) node.sameAs = [...publisher.sameAs];
  return node;
}

function imageNode(image: ImageInput & { url: string }, lead: boolean): ImageObjectLeaf {
  const node: ImageObjectLeaf = { '@type': 'ImageObject', url: image.url, contentUrl: image.url };
  if (image.width !== undefined) node.width = image.width as unknown as Size;
  if (image.height !== undefined) node.height = image.height as unknown as Size;
  if (image.caption !== undefined && image.caption.text.trim() !== '') {
    node.caption = image.caption.text;
  }
  // An empty alt says the image is decorative: written as an empty description, kept.
  if (image.alt !== undefined) node.description = image.alt;
  const credit = image.caption?.credit;
  if (credit !== undefined) {
    node.creditText = credit.text;
    if (credit.creator !== undefined) node.creator = { '@type': 'Person', name: credit.creator };
    if (credit.provider !== undefined) node.provider = organization(credit.provider);
    if (credit.copyrightHolder !== undefined) {
      node.copyrightHolder = organization(credit.copyrightHolder);
    }
    if (credit.license !== undefined) node.license = credit.license;
  }
  node.representativeOfPage = lead;
  return node;
}

function hasUrl<T extends { url?: string | undefined }>(image: T): image is T & { url: string } {
  return typeof image.url === 'string';
}

function images(article: ArticleInput): ImageObjectLeaf[] {
  const result: ImageObjectLeaf[] = [];
  if (article.image !== undefined && hasUrl(article.image)) {
    result.push(imageNode(article.image, true));
  }
  for (const block of article.body ?? ([] as BlockInput[])) {
    if (block.type === 'figure' && hasUrl(block)) result.push(imageNode(block, false));
  }
  return result;
}

function identifier(article: ArticleInput): JsonLdArticleNode['identifier'] | undefined {
  const slug = article.wire?.slug;
  if (slug === undefined) return article.id;
  const slugValue: PropertyValueLeaf = {
    '@type': 'PropertyValue',
    propertyID: 'slug',
    value: slug,
  };
  return article.id === undefined ? [slugValue] : [article.id, slugValue];
}

function sectionPage(article: ArticleInput): CollectionPageLeaf | undefined {
  const section = article.section;
  if (section?.url === undefined) return undefined;
  return { '@type': 'CollectionPage', '@id': section.url, url: section.url, name: section.name };
}

function articleNode(
  article: ArticleInput,
  publisher: OrganizationInput | undefined,
  options: Readonly<ToJsonLdOptions>,
  context: Context,
): JsonLdArticleNode {
  const type = article.type ?? 'NewsArticle';
  const node: JsonLdArticleNode =
    context.pageUrl !== undefined || context.graph
      ? { '@type': type, '@id': context.ids.article, headline: article.headline }
      : { '@type': type, headline: article.headline };
  if (article.alternativeHeadline !== undefined) {
    node.alternativeHeadline = article.alternativeHeadline;
  }
  if (article.kicker !== undefined) node.genre = article.kicker;
  if (article.description !== undefined) node.description = article.description;
  if (context.pageUrl !== undefined) node.url = context.pageUrl;
  const collection = sectionPage(article);
  if (context.graph && context.pageUrl !== undefined) {
    node.isPartOf = collection
      ? [{ '@id': context.ids.webpage }, collection]
      : { '@id': context.ids.webpage };
    node.mainEntityOfPage = { '@id': context.ids.webpage };
  } else if (context.graph) {
    if (collection) node.isPartOf = collection;
  } else {
    if (collection) node.isPartOf = collection;
    if (context.pageUrl !== undefined) {
      node.mainEntityOfPage = { '@type': 'WebPage', '@id': context.pageUrl };
    }
  }
  const id = identifier(article);
  if (id !== undefined) node.identifier = id;
  if (article.language !== undefined) node.inLanguage = article.language;
  if (article.datePublished !== undefined) node.datePublished = article.datePublished;
  if (article.dateModified !== undefined) node.dateModified = article.dateModified;
  if (article.dateCreated !== undefined) node.dateCreated = article.dateCreated;

  const agents: Record<
    'author' | 'contributor' | 'editor' | 'translator',
    Array<JsonLdAgentNode | IdReference>
  > = { author: [], contributor: [], editor: [], translator: [] };
  for (const contributor of article.byline?.contributors ?? []) {
    const role = contributor.role ?? 'author';
    let property = Object.hasOwn(roleProperty, role) ? roleProperty[role] : 'author';
    // schema.org `editor` accepts a Person only.
    if (property === 'editor' && contributor.type === 'Organization') property = 'contributor';
    agents[property].push(agentValue(contributor, context));
  }
  if (agents.author.length > 0) node.author = agents.author;
  if (agents.contributor.length > 0) node.contributor = agents.contributor;
  if (agents.editor.length > 0) node.editor = agents.editor as Array<PersonLeaf | IdReference>;
  if (agents.translator.length > 0) node.translator = agents.translator;
  const bylineText = article.byline?.text;
  if (bylineText !== undefined && bylineText.trim() !== '') node.creditText = bylineText;

  if (publisher !== undefined) {
    node.publisher =
      context.graph && !context.compat
        ? { '@id': context.ids.publisher }
        : publisherNode(publisher, context.graph ? context.ids.publisher : undefined);
  }

  const dateline = article.dateline;
  if (dateline !== undefined) {
    if (newsTypes.has(type)) node.dateline = dateline.text;
    if (dateline.place !== undefined) node.locationCreated = place(dateline.place);
    if (dateline.agency !== undefined) node.sourceOrganization = organization(dateline.agency);
  }
  const section = article.section;
  if (section !== undefined) {
    node.articleSection = section.path === undefined ? section.name : [...section.path];
  }
  const imageNodes = images(article);
  if (imageNodes.length > 0) node.image = imageNodes;
  if (article.keywords !== undefined && article.keywords.length > 0) {
    node.keywords = [...article.keywords];
  }
  const texts = bodyTexts((article.body ?? []) as Parameters<typeof bodyTexts>[0]);
  let words = 0;
  for (const text of texts) words += countWords(text);
  // An empty body says nothing of the article's length: no `wordCount: 0`.
  if (words > 0) node.wordCount = words;
  if (options.articleBody && texts.length > 0) node.articleBody = texts.join('\n\n');
  if (article.isAccessibleForFree !== undefined) {
    node.isAccessibleForFree = article.isAccessibleForFree;
  }
  if (article.paywalledSelectors !== undefined && article.paywalledSelectors.length > 0) {
    node.hasPart = article.paywalledSelectors.map(
      (selector): WebPageElementLeaf => ({
        '@type': 'WebPageElement',
        isAccessibleForFree: false,
        cssSelector: selector,
      }),
    );
  }
  if (article.corrections !== undefined && article.corrections.length > 0) {
    node.correction = article.corrections.map((correction): CorrectionCommentLeaf => {
      const comment: CorrectionCommentLeaf = {
        '@type': 'CorrectionComment',
        name: Object.hasOwn(correctionNames, correction.type ?? 'correction')
          ? correctionNames[correction.type ?? 'correction']
          : 'Correction',
        text: correction.text,
      };
      if (correction.date !== undefined) comment.datePublished = correction.date;
      return comment;
    });
  }
  const copyright = article.copyright;
  if (copyright !== undefined) {
    if (copyright.holder !== undefined) node.copyrightHolder = organization(copyright.holder);
    if (copyright.year !== undefined) node.copyrightYear = copyright.year;
    if (copyright.notice !== undefined) node.copyrightNotice = copyright.notice;
  }
  const status: string[] = [];
  if (article.draft === true) status.push('Draft');
  for (const tag of article.wire?.tags ?? []) status.push(tag);
  if (status.length > 0) node.creativeWorkStatus = status;
  return node;
}

/**
 * The breadcrumb Home → section → article. Google asks for an `item` URL on every crumb but
 * the last, so a crumb whose URL is unknown is left out (the home page without a site URL, the
 * crumbs of `section.path` above the section, which alone has `section.url`); with fewer than two
 * crumbs left there is no breadcrumb.
 */
function breadcrumb(
  article: ArticleInput,
  context: Context,
  siteName: string,
): BreadcrumbListLeaf | undefined {
  const crumbs: ListItemLeaf[] = [];
  const push = (name: string, item: string | undefined) => {
    const crumb: ListItemLeaf = { '@type': 'ListItem', position: crumbs.length + 1, name };
    if (item !== undefined) crumb.item = item;
    crumbs.push(crumb);
  };
  if (context.siteUrl !== undefined) push(siteName, context.siteBase);
  const section = article.section;
  if (section?.url !== undefined) push(section.name, section.url);
  push(article.headline, context.pageUrl);
  if (crumbs.length < 2) return undefined;
  return { '@type': 'BreadcrumbList', '@id': context.ids.breadcrumb, itemListElement: crumbs };
}

/**
 * Turn an article into schema.org JSON-LD: a `NewsArticle` (or the article's `type`) carrying
 * every property the article holds, or with `graph: true` a `@graph` of linked nodes.
 *
 * Dates are copied exactly as stored (offsets kept), nothing is truncated, the input is not
 * changed, keys come in a fixed order and no value is `undefined`. Figures without a URL
 * are left out (an `ImageObject` needs one). See the README for the full mapping and for
 * what JSON-LD cannot carry.
 *
 * @example
 * toJsonLd({
 *   headline: 'Harbour Authority Approves Night Ferries',
 *   datePublished: '2026-03-10T18:05:00-05:00',
 *   byline: { contributors: [{ name: 'Dana Whitfield' }] },
 *   body: [{ type: 'paragraph', text: 'The port board voted on Tuesday.' }],
 * })
 * //=> { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: …,
 * //     datePublished: '2026-03-10T18:05:00-05:00',
 * //     author: [{ '@type': 'Person', name: 'Dana Whitfield' }], wordCount: 6 }
 */
export function toJsonLd(
  article: ArticleInput,
  options: Readonly<ToJsonLdOptions> & { graph: true },
): JsonLdGraph;
export function toJsonLd(
  article: ArticleInput,
  options?: Readonly<ToJsonLdOptions> & { graph?: false | undefined },
): JsonLdArticle;
export function toJsonLd(
  article: ArticleInput,
  options?: Readonly<ToJsonLdOptions>,
): JsonLdDocument;
export function toJsonLd(
  article: ArticleInput,
  options: Readonly<ToJsonLdOptions> = {},
): JsonLdDocument {
  if (typeof article !== 'object' || article === null || Array.isArray(article)) {
    throw new TypeError('Expected `article` to be an article object');
  }
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('Expected `options` to be an object');
  }
  const publisher = article.publisher ?? options.publisher;
  const pageUrl = article.url ?? options.url;
  const siteUrl = options.site?.url ?? publisher?.url ?? originOf(pageUrl);
  const siteBase = siteUrl === undefined ? '' : stripFragment(siteUrl);
  const pageBase = pageUrl === undefined ? '' : stripFragment(pageUrl);
  const graph = options.graph === true;
  // Without a URL, nodes are linked by blank node ids (`_:article`): a relative `#article`
  // would name a node of whatever page the markup ends up on.
  const pageId = (name: string) => (pageUrl === undefined ? `_:${name}` : `${pageBase}#${name}`);
  const siteId = (name: string) => (siteUrl === undefined ? `_:${name}` : `${siteBase}#${name}`);
  const context: Context = {
    graph,
    compat: options.compat === true,
    pageUrl,
    ids: {
      article: pageId('article'),
      webpage: pageId('webpage'),
      breadcrumb: pageId('breadcrumb'),
      website: siteId('website'),
      publisher: siteId('publisher'),
    },
    siteUrl,
    siteBase,
    publisherName: publisher?.name,
    agents: new Map(),
    usedIds: new Set(),
    nextSuffix: new Map(),
  };
  for (const id of Object.values(context.ids)) context.usedIds.add(id);

  const node = articleNode(article, publisher, options, context);
  if (!graph) return { '@context': 'https://schema.org', ...node };

  const siteName = options.site?.name ?? publisher?.name;
  const crumbs = breadcrumb(article, context, siteName ?? 'Home');
  const nodes: JsonLdGraphNode[] = [];
  // A WebSite or WebPage node is only written when its URL is known: without one it would
  // say nothing a reader can use.
  if (siteUrl !== undefined) {
    const website: WebSiteLeaf = { '@type': 'WebSite', '@id': context.ids.website, url: siteUrl };
    if (siteName !== undefined) website.name = siteName;
    if (publisher !== undefined) website.publisher = { '@id': context.ids.publisher };
    if (article.language !== undefined) website.inLanguage = article.language;
    nodes.push(website);
  }
  if (pageUrl !== undefined) {
    const webpage: WebPageLeaf = { '@type': 'WebPage', '@id': context.ids.webpage, url: pageUrl };
    webpage.name = article.headline;
    if (siteUrl !== undefined) webpage.isPartOf = { '@id': context.ids.website };
    if (crumbs !== undefined) webpage.breadcrumb = { '@id': context.ids.breadcrumb };
    if (article.language !== undefined) webpage.inLanguage = article.language;
    nodes.push(webpage);
  }
  if (crumbs !== undefined) nodes.push(crumbs);
  nodes.push(node);
  if (!context.compat) {
    for (const { node: agent } of context.agents.values()) nodes.push(agent);
    if (publisher !== undefined) nodes.push(publisherNode(publisher, context.ids.publisher));
  }
  return { '@context': 'https://schema.org', '@graph': nodes };
}
