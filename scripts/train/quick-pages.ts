/**
 * The pages the quick training loops (`headline-quick.ts`, `start-quick.ts`) fit and judge on:
 * every corpus page, layouts generated from a third of bbc's stories and 600 invented ones, the
 * scorers' helpers, and each page's site-grouped fold (k = 5; a generated page takes its
 * source site's fold, invented ones none: −1), as `text.ts` makes them.
 */
import type { LinearModel } from '../../src/model/index.js';
import { loadCorpora } from './corpus.js';
import { groupedFolds } from './folds.js';
import { generatedItems, inventedStory, type Story } from './layouts.js';
import { seededRandom } from './random.js';
import { evalFolder, scorerHelpers } from './scorers.js';
import { siteGroups } from './sites.js';
import type { ScorerHelpers } from './text-labels.js';
import { type Page, pagesOf } from './text-pages.js';

export interface QuickPages {
  h: ScorerHelpers;
  pages: Page[];
  itemFold: Map<unknown, number>;
}

export async function quickPages(corpusRoot: string): Promise<QuickPages> {
  const { items } = loadCorpora(corpusRoot);
  const h = (await scorerHelpers(evalFolder(corpusRoot)!)) as unknown as ScorerHelpers;
  const random = seededRandom(1);
  const stories: Array<{ story: Story; site: string; name: string }> = [];
  items.forEach((item, i) => {
    if (item.corpus !== 'bbc' || i % 3 !== 0) return;
    const [title = '', ...rest] = item.raw.split(/\n\s*\n/).map((p) => p.trim());
    stories.push({
      story: { title, paragraphs: rest.filter(Boolean), language: 'en' },
      site: 'bbc.co.uk',
      name: item.name,
    });
  });
  for (let i = 0; i < 600; i++)
    stories.push({ story: inventedStory(random), site: 'generated', name: 'invented' });
  const generated = generatedItems(stories, 1);
  const pages = pagesOf([...items, ...generated], h);
  const groups = siteGroups(items);
  const foldOf = groupedFolds(
    items.map((_, i) => i),
    5,
    (i) => groups[i]!,
    (i) => items[i]!.corpus,
    1,
  );
  const itemFold = new Map<unknown, number>(items.map((item, i) => [item, foldOf[i]!]));
  const siteFold = new Map(items.map((_, i) => [groups[i]!, foldOf[i]!]));
  for (const item of generated) itemFold.set(item, siteFold.get(item.site) ?? -1);
  return { h, pages, itemFold };
}

/** The picks of a choice fitted on every group, and held out by site-grouped fold. */
export interface FoldPicks<G> {
  /** Fitted on every group. */
  weights: LinearModel;
  /** Each group's pick under {@link FoldPicks.weights}. */
  train: Map<G, number>;
  /** Each group's pick under the weights fitted without its fold, with those weights. */
  cv: Map<G, [number, LinearModel]>;
}

/**
 * Fits a choice on every group and on every fold's complement (k = 5, `fold` as
 * {@link quickPages} gives it; a group of fold −1 is only ever trained on), and picks with each.
 */
export function foldPicks<G extends { fold: number }>(
  groups: readonly G[],
  fitChoice: (groups: readonly G[]) => LinearModel,
  pick: (group: G, weights: LinearModel) => number,
): FoldPicks<G> {
  const weights = fitChoice(groups);
  const train = new Map(groups.map((g) => [g, pick(g, weights)] as const));
  const cv = new Map<G, [number, LinearModel]>();
  for (let k = 0; k < 5; k++) {
    const held = fitChoice(groups.filter((g) => g.fold !== k));
    for (const g of groups) if (g.fold === k) cv.set(g, [pick(g, held), held]);
  }
  return { weights, train, cv };
}
