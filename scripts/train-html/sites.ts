/** Second-level labels under which registrable names have three labels (`bbc.co.uk`). */
const publicSuffixes = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go']);

/** The site of a host: its registrable name, `www.` and sub-domains left out (`news.bbc.co.uk` → `bbc.co.uk`). */
export function siteOfHost(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/u, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const second = labels[labels.length - 2]!;
  const keep = publicSuffixes.has(second) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * The site a corpus page comes from, for grouping cross-validation folds so that no site is
 * in both training and test: the URL's registrable host when known, else the item's name
 * without a trailing number (`ars-1` → `ars`).
 */
export function siteOf(corpus: string, item: string, url: string | undefined): string {
  if (url) {
    try {
      return siteOfHost(new URL(url).hostname);
    } catch {
      // fall through
    }
  }
  if (corpus === 'mercury') return siteOfHost(item);
  return item.replace(/-\d+$/u, '');
}
