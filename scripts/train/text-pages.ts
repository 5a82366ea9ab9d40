/**
 * Pages as the text models see them: a corpus item's (or generated page's) units and what its
 * ground truth says about them, in the scorers' terms.
 */
import { splitLines } from '../../src/text/lines.js';
import { toUnits, type Unit } from '../../src/text/units.js';
import type { CorpusItem } from './corpus.js';
import { type ContentLabel, contentLabels, type ScorerHelpers } from './text-labels.js';

export interface Page {
  item: CorpusItem;
  /** `raw-article` for readability's clean copies and generated clean copies. */
  input: 'raw' | 'raw-article';
  /** `<corpus>/<input>`: examples are balanced across keys. */
  key: string;
  units: Unit[];
  /** Story text or not, per unit (undefined when the truth says nothing about the body). */
  content: ContentLabel[] | undefined;
  /** Expected byline names as scorer keys; [] when the page has none, undefined when unknown. */
  names: string[] | undefined;
  /** The expected publication date; undefined with `dateAbsent` when the page prints none. */
  date: string | undefined;
  dateAbsent: boolean;
  /** How much the page's byline example counts (trafilatura's "no author" is unreliable). */
  bylineWeight: number;
  /** The content model's features of the units, once computed (they depend on no model). */
  contentX?: Float64Array;
}

function expectedNames(
  item: CorpusItem,
  input: Page['input'],
  h: ScorerHelpers,
): string[] | undefined {
  const t = item.truth;
  let names: string[] | null | undefined;
  if (t.authors) names = t.authors;
  else if (t.noBylineNoDate) names = [];
  else if (t.byline) {
    // The scorer's overrides win; an override of null leaves the page out of the byline metric.
    const override = h.BYLINE_OVERRIDES[`${item.corpus}/${item.name}`];
    names = override ? override.names : h.deriveNames(t.byline);
  } else if (input === 'raw-article' && t.bylineAbsent) names = [];
  if (!names) return undefined;
  return names.map((name) => h.tokenize(name).join(' ')).filter(Boolean);
}

/** Each item's pages: its whole page, and its clean copy when it has one. */
export function pagesOf(items: readonly CorpusItem[], h: ScorerHelpers): Page[] {
  const pages: Page[] = [];
  for (const item of items) {
    const clean = (item as { clean?: boolean }).clean === true;
    const inputs: Array<[Page['input'], string]> = [[clean ? 'raw-article' : 'raw', item.raw]];
    if (item.rawArticle !== undefined) inputs.push(['raw-article', item.rawArticle]);
    for (const [input, text] of inputs) {
      const units = toUnits(splitLines(text));
      const t = item.truth;
      pages.push({
        item,
        input,
        key: `${item.corpus}/${input}`,
        units,
        content: contentLabels(units, t, h),
        names: expectedNames(item, input, h),
        date: t.date,
        dateAbsent: t.dateAbsent === true || (input === 'raw-article' && t.date === undefined),
        bylineWeight: t.authorNone ? 0.5 : 1,
      });
    }
  }
  return pages;
}
