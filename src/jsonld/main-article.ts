import type { ArticleType } from '../schema/article.js';
import { isNode, type JsonLdNode } from './normalize-json-ld.js';

/**
 * schema.org article types and the nutgraf type each is read as. A Map, so that a `@type`
 * such as `constructor` or `__proto__` finds nothing.
 */
const articleTypes: ReadonlyMap<string, ArticleType> = new Map([
  ['NewsArticle', 'NewsArticle'],
  ['ReportageNewsArticle', 'ReportageNewsArticle'],
  ['AnalysisNewsArticle', 'AnalysisNewsArticle'],
  ['OpinionNewsArticle', 'OpinionNewsArticle'],
  ['BackgroundNewsArticle', 'BackgroundNewsArticle'],
  ['ReviewNewsArticle', 'ReviewNewsArticle'],
  ['AskPublicNewsArticle', 'NewsArticle'],
  ['Article', 'Article'],
  ['BlogPosting', 'BlogPosting'],
  ['LiveBlogPosting', 'LiveBlogPosting'],
  ['SatiricalArticle', 'Article'],
  ['AdvertiserContentArticle', 'Article'],
  ['Report', 'Article'],
  ['ScholarlyArticle', 'Article'],
  ['TechArticle', 'Article'],
  ['SocialMediaPosting', 'Article'],
  ['DiscussionForumPosting', 'Article'],
]);

/** The same, by lower-case name: sites write `newsarticle` too (then read as an unsupported type). */
const articleTypesInLowerCase: ReadonlyMap<string, ArticleType> = new Map(
  [...articleTypes].map(([name, type]) => [name.toLowerCase(), type]),
);

/** The article type of a node, or `undefined` when it is not an article. */
export function articleTypeOf(
  types: readonly string[],
): { type: ArticleType; from: string } | undefined {
  let fallback: { type: ArticleType; from: string } | undefined;
  for (const name of types) {
    const type = articleTypes.get(name) ?? articleTypesInLowerCase.get(name.toLowerCase());
    if (type === undefined) continue;
    if (type === name && name !== 'Article') return { type, from: name };
    fallback ??= { type, from: name };
  }
  return fallback;
}

/** How specific an article type is: the news types first, then articles and posts, then the rest. */
const typeRanks: ReadonlyMap<ArticleType, number> = new Map<ArticleType, number>([
  ['NewsArticle', 3],
  ['ReportageNewsArticle', 3],
  ['AnalysisNewsArticle', 3],
  ['OpinionNewsArticle', 3],
  ['BackgroundNewsArticle', 3],
  ['ReviewNewsArticle', 3],
  ['LiveBlogPosting', 2],
  ['BlogPosting', 2],
  ['Article', 2],
]);

/** One article node of a document, with what the choice of the main one looks at. */
export interface ArticleCandidate {
  node: JsonLdNode;
  /** The nutgraf type, and the schema.org type it was read from. */
  type: ArticleType;
  from: string;
}

/** Why the main article was chosen over the others, for the `multiple-articles` message. */
export type ArticleChoice = 'url' | 'main' | 'headline' | 'type' | 'size' | 'first';

const ruleNames: readonly ArticleChoice[] = ['url', 'headline', 'main', 'type', 'size'];

/**
 * A URL reduced to what names a page: no fragment, no trailing slash, either http scheme;
 * a relative URL resolved against `base` (the page's URL).
 */
function pageKey(url: string, base?: string): string {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed, base);
    return `${parsed.host}${withoutTrailingSlashes(parsed.pathname)}${parsed.search}`.toLowerCase();
  } catch {
    const hash = trimmed.indexOf('#');
    return withoutTrailingSlashes(hash === -1 ? trimmed : trimmed.slice(0, hash)).toLowerCase();
  }
}

/** `text` without the slashes it ends with (a loop: `/\/+$/` is quadratic on `////x`). */
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end--;
  return text.slice(0, end);
}

/** The URLs by which a node names its page: `url`, `@id` and `mainEntityOfPage`. */
function pageUrls(node: JsonLdNode, resolve: (value: unknown) => unknown): string[] {
  const urls: string[] = [];
  const add = (value: unknown) => {
    const item = resolve(value);
    if (typeof item === 'string') urls.push(item);
    else if (isNode(item)) {
      for (const key of ['url', '@id']) if (typeof item[key] === 'string') urls.push(item[key]);
    }
  };
  for (const value of [node.url, node['@id']]) {
    for (const item of Array.isArray(value) ? value : [value]) add(item);
  }
  const page = node.mainEntityOfPage;
  for (const item of Array.isArray(page) ? page : [page]) add(item);
  return urls;
}

/**
 * The nodes at the top of a document: the root, the items of a root array (the blocks of a
 * page) and of each `@graph`, and the `mainEntity` of any of those (a `WebPage` naming its
 * article). An article anywhere else hangs off another node (`subjectOf`, an `ItemList`'s
 * elements, `hasPart`, `about`): it is not the page's article.
 */
function topNodes(root: unknown, resolve: (value: unknown) => unknown): Set<JsonLdNode> {
  const top = new Set<JsonLdNode>();
  // Two stacks, of values and of their depths: no object per value.
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    if (depth > 8) continue;
    if (Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    if (!isNode(value) || top.has(value)) continue;
    top.add(value);
    if (value['@graph'] !== undefined) {
      values.push(value['@graph']);
      depths.push(depth + 1);
    }
  }
  const found = [...top];
  for (const node of found) {
    const main = node.mainEntity;
    for (const item of Array.isArray(main) ? main : [main]) {
      const resolved = resolve(item);
      if (isNode(resolved)) top.add(resolved);
    }
  }
  return top;
}

/**
 * The page's main article among the article nodes of a document, by these rules in turn:
 * 1. with `url`, the node whose `url`, `@id` or `mainEntityOfPage` is that page;
 * 2. a node with a `headline` (or `name`) before one without;
 * 3. a node at the top of the document (see {@link topNodes}) before one nested in another;
 * 4. the more specific type: `NewsArticle` and its subtypes, then `Article`, `BlogPosting`
 *    and `LiveBlogPosting`, then the other article types (`Report`, `TechArticle`, …), then
 *    a type written in the wrong case (`article`);
 * 5. the node with more properties;
 * 6. the first in document order.
 * Returns the chosen candidate and the first rule that set it apart.
 */
export function mainArticle(
  candidates: readonly ArticleCandidate[],
  root: unknown,
  resolve: (value: unknown) => unknown,
  url: string | undefined,
): { chosen: ArticleCandidate; choice: ArticleChoice } | undefined {
  if (candidates.length === 0) return undefined;
  // One candidate: no rule to apply, no document to walk.
  if (candidates.length === 1)
    return { chosen: candidates[0] as ArticleCandidate, choice: 'first' };
  const top = topNodes(root, resolve);
  const page = url === undefined ? undefined : pageKey(url);
  const scores = candidates.map((candidate) => {
    const { node } = candidate;
    return [
      page !== undefined && pageUrls(node, resolve).some((each) => pageKey(each, url) === page)
        ? 1
        : 0,
      node.headline !== undefined || node.name !== undefined ? 1 : 0,
      top.has(node) ? 1 : 0,
      // A type written in the wrong case (`article`) says less for the node than a right one.
      articleTypes.has(candidate.from) ? (typeRanks.get(candidate.type) ?? 1) : 0,
      Object.keys(node).length,
    ];
  });
  /** The better of two candidates by the rules in turn (the earlier on a tie), and the rule. */
  const compare = (a: number, b: number): number => {
    const first = scores[a] as number[];
    const second = scores[b] as number[];
    const rule = first.findIndex((value, index) => value !== second[index]);
    return rule;
  };
  const beats = (a: number, b: number): boolean => {
    const rule = compare(a, b);
    return rule !== -1 && (scores[a] as number[])[rule]! > (scores[b] as number[])[rule]!;
  };
  let best = 0;
  for (let index = 1; index < candidates.length; index++) if (beats(index, best)) best = index;
  // What set it apart: the rule on which it beat the best of the others.
  let runnerUp = -1;
  for (let index = 0; index < candidates.length; index++) {
    if (index !== best && (runnerUp === -1 || beats(index, runnerUp))) runnerUp = index;
  }
  const rule = runnerUp === -1 ? -1 : compare(best, runnerUp);
  const choice: ArticleChoice = rule === -1 ? 'first' : (ruleNames[rule] as ArticleChoice);
  return { chosen: candidates[best] as ArticleCandidate, choice };
}
