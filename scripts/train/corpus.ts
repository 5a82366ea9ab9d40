/**
 * The shared corpora, read by path at training time (never copied into the repository): each
 * page's input text, its ground truth as the scorers read it, and its URL for site grouping.
 * When the corpus folder is absent, {@link loadCorpora} returns no items and says why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CORPORA = ['readability', 'mercury', 'aeb', 'trafilatura', 'bbc'] as const;
export type CorpusName = (typeof CORPORA)[number];

/** Ground truth of one page, in the scorers' terms (see ../shared/eval/README.md). */
export interface Truth {
  title?: string;
  /** Readability strips a site suffix from its titles when scoring (`stripTitleSuffix`). */
  stripTitleSuffix?: boolean;
  /** The expected byline string (readability, mercury), derived into names by the scorer. */
  byline?: string;
  /** Expected person names (trafilatura). */
  authors?: string[];
  /** readability: the page has no byline at all (so its clean copy has none). */
  bylineAbsent?: boolean;
  /** trafilatura: the annotator left the author empty or gave no person. */
  authorNone?: boolean;
  date?: string;
  /** The page prints no publication date (bbc; generated pages without one). */
  dateAbsent?: boolean;
  /** The article's text (readability, aeb, bbc). */
  body?: string;
  /** mercury: the first words of the body. */
  firstWords?: string;
  /** mercury: the deck (dek). */
  dek?: string;
  /** trafilatura: text that must be, and must not be, in the article. */
  with?: string[];
  without?: string[];
  /** bbc: no byline or date exists. */
  noBylineNoDate?: boolean;
}

/** One page of a corpus. */
export interface CorpusItem {
  corpus: CorpusName;
  name: string;
  dir: string;
  /** `raw.txt`: the whole page as text. */
  raw: string;
  /** `raw-article.txt` (readability only): the clean article. */
  rawArticle?: string;
  /** The page's URL, when the manifest, the ground truth or `source.html` gives one. */
  url?: string;
  truth: Truth;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
type Json = Record<string, unknown>;

function manifestIndex(dir: string): Map<string, Json> {
  const index = new Map<string, Json>();
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) return index;
  const manifest = readJson(file) as Json;
  for (const list of [manifest.pages, manifest.items]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list as Json[]) {
      const name = (entry.name ?? entry.id) as string | undefined;
      if (name) index.set(name, entry);
    }
  }
  return index;
}

const CANONICAL = /<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i;
const OG_URL = /<meta\b[^>]*\bproperty=["']?og:url["']?[^>]*>/i;
const HREF = /\bhref=["']?([^"'\s>]+)/i;
const CONTENT = /\bcontent=["']?([^"'\s>]+)/i;

/** The page URL a saved page declares: `<link rel=canonical>` or `og:url`. */
export function declaredUrl(html: string): string | undefined {
  const head = html.slice(0, 200_000);
  const canonical = CANONICAL.exec(head);
  const fromCanonical = canonical ? HREF.exec(canonical[0])?.[1] : undefined;
  if (fromCanonical && /^https?:\/\//i.test(fromCanonical)) return fromCanonical;
  const og = OG_URL.exec(head);
  const fromOg = og ? CONTENT.exec(og[0])?.[1] : undefined;
  if (fromOg && /^https?:\/\//i.test(fromOg)) return fromOg;
  return undefined;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) =>
      String.fromCodePoint(Number.parseInt(code, 16)),
    )
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function truthOf(corpus: CorpusName, dir: string, entry: Json): Truth | undefined {
  const file = (name: string) => path.join(dir, name);
  const text = (name: string) =>
    existsSync(file(name)) ? readFileSync(file(name), 'utf8') : undefined;
  const truth: Truth = {};
  if (corpus === 'readability') {
    if (!existsSync(file('expected-metadata.json'))) return undefined;
    const meta = readJson(file('expected-metadata.json')) as Json;
    if (typeof meta.title === 'string' && meta.title) truth.title = meta.title;
    truth.stripTitleSuffix = true;
    const quality = entry.bylineQuality;
    if (
      typeof meta.byline === 'string' &&
      meta.byline &&
      (quality === 'person' || quality === 'person+extra')
    )
      truth.byline = meta.byline;
    if (!meta.byline) truth.bylineAbsent = true;
    if (typeof meta.publishedTime === 'string' && meta.publishedTime)
      truth.date = meta.publishedTime;
    const body = text('expected.txt');
    if (body !== undefined) truth.body = body;
  } else if (corpus === 'mercury') {
    if (!existsSync(file('expected.json'))) return undefined;
    const e = readJson(file('expected.json')) as Json;
    if (typeof e.title === 'string' && e.title) truth.title = e.title;
    if (typeof e.author === 'string' && e.author.trim()) truth.byline = e.author;
    if (typeof e.date_published === 'string' && e.date_published) truth.date = e.date_published;
    if (typeof e.dek === 'string' && e.dek) truth.dek = e.dek;
    const first = (e.content_first_words as Json | undefined)?.text;
    if (typeof first === 'string' && first) truth.firstWords = decodeEntities(first);
  } else if (corpus === 'aeb') {
    const body =
      text('expected.txt') ??
      (existsSync(file('expected.json'))
        ? ((readJson(file('expected.json')) as Json).articleBody as string | undefined)
        : undefined);
    if (body === undefined) return undefined;
    truth.body = body;
  } else if (corpus === 'trafilatura') {
    if (!existsSync(file('expected.json'))) return undefined;
    const e = readJson(file('expected.json')) as Json;
    if (e.unusable) return undefined;
    if (typeof e.title === 'string' && e.title) truth.title = e.title;
    truth.authors = Array.isArray(e.authors) ? (e.authors as string[]) : [];
    if (truth.authors.length === 0) truth.authorNone = true;
    if (typeof e.date_published === 'string' && e.date_published) truth.date = e.date_published;
    truth.with = Array.isArray(e.with) ? (e.with as string[]) : [];
    truth.without = Array.isArray(e.without) ? (e.without as string[]) : [];
  } else {
    if (!existsSync(file('expected.json'))) return undefined;
    const e = readJson(file('expected.json')) as Json;
    if (typeof e.title === 'string' && e.title) truth.title = e.title;
    const body = text('expected.txt');
    if (body !== undefined) truth.body = body;
    truth.noBylineNoDate = true;
    truth.dateAbsent = true;
  }
  return truth;
}

function urlOf(corpus: CorpusName, dir: string, entry: Json, truth: Json): string | undefined {
  const listed = (entry.url ?? truth.url) as string | undefined;
  if (typeof listed === 'string' && /^https?:\/\//i.test(listed)) return listed;
  if (corpus === 'bbc') return 'https://news.bbc.co.uk/';
  const html = path.join(dir, 'source.html');
  if (existsSync(html)) return declaredUrl(readFileSync(html, 'latin1'));
  return undefined;
}

/** What {@link loadCorpora} found: the items, and why anything was left out. */
export interface LoadedCorpora {
  items: CorpusItem[];
  skipped: Array<{ corpus: string; item?: string; reason: string }>;
}

/**
 * Every usable page of the named corpora under `root` (`../shared/corpus`), in a stable order
 * (corpus, then name). Duplicate bbc stories and trafilatura pages marked `unusable` are
 * skipped, as the scorers skip them.
 */
export function loadCorpora(root: string, corpora: readonly CorpusName[] = CORPORA): LoadedCorpora {
  const items: CorpusItem[] = [];
  const skipped: LoadedCorpora['skipped'] = [];
  if (!existsSync(root)) {
    skipped.push({ corpus: '*', reason: `no corpus folder at ${root}` });
    return { items, skipped };
  }
  for (const corpus of corpora) {
    const dir = path.join(root, corpus);
    if (!existsSync(dir)) {
      skipped.push({ corpus, reason: `no ${corpus}/ under ${root}` });
      continue;
    }
    const manifest = manifestIndex(dir);
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    for (const name of names) {
      const itemDir = path.join(dir, name);
      const entry = manifest.get(name) ?? {};
      if (entry.duplicateOf) {
        skipped.push({ corpus, item: name, reason: 'duplicate story' });
        continue;
      }
      if (!existsSync(path.join(itemDir, 'raw.txt'))) {
        skipped.push({ corpus, item: name, reason: 'no raw.txt' });
        continue;
      }
      const truth = truthOf(corpus, itemDir, entry);
      if (!truth) {
        skipped.push({ corpus, item: name, reason: 'no usable ground truth' });
        continue;
      }
      const expected = path.join(itemDir, 'expected.json');
      const truthJson = existsSync(expected) ? (readJson(expected) as Json) : {};
      const item: CorpusItem = {
        corpus,
        name,
        dir: itemDir,
        raw: readFileSync(path.join(itemDir, 'raw.txt'), 'utf8'),
        truth,
      };
      const articleFile = path.join(itemDir, 'raw-article.txt');
      if (existsSync(articleFile)) item.rawArticle = readFileSync(articleFile, 'utf8');
      const url = urlOf(corpus, itemDir, entry, truthJson);
      if (url) item.url = url;
      items.push(item);
    }
  }
  return { items, skipped };
}
