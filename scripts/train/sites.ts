/**
 * The site (publisher) of each corpus item, for grouped cross-validation: no site may be in
 * both the training and the test part of a fold, or the model is tested on layouts it learned.
 */
import type { CorpusItem } from './corpus.js';

/** Second-level labels under a country code that are not the registrable name (`co.uk`). */
const SECOND_LEVEL = new Set([
  'co',
  'com',
  'org',
  'net',
  'ac',
  'gov',
  'edu',
  'ne',
  'or',
  'go',
  'gob',
  'nic',
]);

/**
 * The registrable domain of a host: `www.bbc.co.uk` → `bbc.co.uk`, `news.example.com` →
 * `example.com`. A rough rule (two labels, three under `co.uk`-like suffixes), enough to keep
 * a publisher's sub-sites together.
 */
export function siteOfHost(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * The site of a corpus item: the registrable domain of its URL; without a URL, the folder name
 * (less a `-1` numbering: `guardian-1` → `guardian`), or the folder itself for mercury, whose
 * folders are sites. bbc is one site.
 */
export function siteOf(item: Pick<CorpusItem, 'corpus' | 'name' | 'url'>): string {
  if (item.corpus === 'bbc') return 'bbc.co.uk';
  if (item.url) {
    try {
      return siteOfHost(new URL(item.url).hostname);
    } catch {
      // fall through to the folder name
    }
  }
  if (item.corpus === 'mercury') return siteOfHost(item.name);
  return `${item.corpus}:${item.name.replace(/-\d+$/, '')}`;
}

/**
 * The fold group of each item: its site, except that items with the same text (readability's
 * test fixtures) share the group of the first of them, so that one text is never on both sides.
 */
export function siteGroups(items: readonly CorpusItem[]): string[] {
  const byText = new Map<string, string>();
  return items.map((item) => {
    const first = byText.get(item.raw);
    if (first) return first;
    const site = siteOf(item);
    byText.set(item.raw, site);
    return site;
  });
}
