// The corpus pages the html training scripts read, with their ground truth as the scorers read it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeCharacterReferences } from '../../src/schema/decode-character-references.js';
import { siteOf } from './sites.js';

export const corpus = process.env.NUTGRAF_CORPUS ?? join(process.cwd(), '..', 'shared', 'corpus');
const evalDir = join(corpus, '..', 'eval');

/** The scorers' own functions (score-text.mjs), so that training measures what they measure. */
// biome-ignore lint/suspicious/noExplicitAny: the scorer is plain JavaScript.
export async function loadScorer(): Promise<any> {
  return import(pathToFileURL(join(evalDir, 'score-text.mjs')).href);
}

/** Sites hashed into k folds, so that no site is in both training and test. */
export function foldOf(site: string, folds: number): number {
  let hash = 2166136261;
  for (let index = 0; index < site.length; index++)
    hash = Math.imul(hash ^ site.charCodeAt(index), 16777619);
  return (hash >>> 0) % folds;
}

export interface Page {
  corpus: string;
  item: string;
  site: string;
  html: string;
  truth: {
    body?: string;
    title?: string;
    stripSuffix?: boolean;
    byline?: string;
    authors?: string[];
    date?: string;
    with?: string[];
    without?: string[];
    /** mercury: the first words of the story (`content_first_words`). */
    firstWords?: string;
  };
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

export function loadPages(): Page[] {
  const pages: Page[] = [];
  const manifests: Record<
    string,
    { pages?: Array<{ name: string; url?: string | null; bylineQuality?: string }> }
  > = {};
  for (const name of ['readability', 'aeb', 'trafilatura', 'mercury']) {
    const dir = join(corpus, name);
    if (!existsSync(dir)) continue;
    manifests[name] = existsSync(join(dir, 'manifest.json'))
      ? readJson(join(dir, 'manifest.json'))
      : {};
    for (const item of readdirSync(dir).sort()) {
      const itemDir = join(dir, item);
      const source = join(itemDir, 'source.html');
      if (!existsSync(source)) continue;
      const html = readFileSync(source, 'utf8');
      const truth: Page['truth'] = {};
      let url: string | undefined;
      if (name === 'readability') {
        const meta = readJson(join(itemDir, 'expected-metadata.json'));
        const entry = (manifests[name]?.pages ?? []).find((row) => row.name === item) ?? {
          name: item,
        };
        url = entry.url ?? undefined;
        if (meta.title) truth.title = meta.title;
        truth.stripSuffix = true;
        if (
          meta.byline &&
          (entry.bylineQuality === 'person' || entry.bylineQuality === 'person+extra')
        )
          truth.byline = meta.byline;
        if (meta.publishedTime) truth.date = meta.publishedTime;
        if (existsSync(join(itemDir, 'expected.txt')))
          truth.body = readFileSync(join(itemDir, 'expected.txt'), 'utf8');
      } else if (name === 'aeb') {
        const expected = readJson(join(itemDir, 'expected.json'));
        url = expected.url;
        truth.body = existsSync(join(itemDir, 'expected.txt'))
          ? readFileSync(join(itemDir, 'expected.txt'), 'utf8')
          : expected.articleBody;
      } else if (name === 'trafilatura') {
        const expected = readJson(join(itemDir, 'expected.json'));
        if (expected.unusable) continue;
        url = expected.url;
        if (expected.title) truth.title = expected.title;
        truth.authors = expected.authors ?? [];
        if (expected.date_published) truth.date = expected.date_published;
        truth.with = expected.with ?? [];
        truth.without = expected.without ?? [];
      } else {
        const expected = readJson(join(itemDir, 'expected.json'));
        url = expected.url;
        if (expected.title) truth.title = expected.title;
        if (expected.author) truth.byline = expected.author;
        if (expected.date_published) truth.date = expected.date_published;
        if (expected.content_first_words?.text)
          truth.firstWords = decodeCharacterReferences(expected.content_first_words.text);
      }
      pages.push({ corpus: name, item, site: siteOf(name, item, url), html, truth });
    }
  }
  return pages;
}

export const looseNorm = (text: string) =>
  ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()} `;
