import { chooseBest } from '../model/choice.js';
import { extractFeatures, type Feature, featureNames } from '../model/features.js';
import { compiledModelCache, type LinearModel } from '../model/linear.js';
import type { Byline } from '../schema/index.js';
import { bylineDetail, type Candidate, personKeys } from './read-fields.js';

/** Where a byline candidate was read. */
export type BylineSource =
  | 'json-ld'
  | 'meta'
  | 'microdata'
  | 'author-link'
  | 'page-line'
  | 'author-element'
  | 'none';

/** A byline candidate with what the choice model looks at. */
export interface BylineCandidate extends Candidate<Byline | undefined> {
  source: BylineSource;
  /** Index among the candidates of the same source. */
  order: number;
  /** The page line starts with an intro word (`By`, `Von`, …). */
  intro?: boolean;
  /** An element around it is marked as the author's (class, `rel`, `itemprop`). */
  marked?: boolean;
  /** The page line opens with its date and then names people, without an intro word. */
  dateLed?: boolean;
  /** Every contributor looks like the site itself or an organization. */
  siteLike?: boolean;
  /** Units between the headline and the line (page lines). */
  distance?: number;
  /** The unit of a page line. */
  unit?: number;
}

/** What the features of one candidate see. */
export interface BylineContext {
  candidate: BylineCandidate;
  keys: ReadonlySet<string>;
  /** Person keys of every candidate, by index. */
  others: ReadonlyArray<{ source: BylineSource; keys: ReadonlySet<string> }>;
}

const sources: readonly BylineSource[] = [
  'json-ld',
  'meta',
  'microdata',
  'author-link',
  'page-line',
  'author-element',
  'none',
];

/** A name written in a script without capitals or spaces (Han, kana, Hangul). */
const cjkName =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・ ]{2,12}$/u;
/** A person's name as people print it: 1–4 capitalized words, no digits, no handle. */
const nameShape =
  /^\p{Lu}[\p{L}'’.-]*(?: (?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|del|la|le|du|bin|al|zu)){0,4}$/u;

function persons(candidate: BylineCandidate) {
  return (candidate.value?.contributors ?? []).filter((c) => c.type !== 'Organization');
}

function agreement(c: BylineContext, accept: (source: BylineSource) => boolean): number {
  if (c.keys.size === 0) return 0;
  let best = 0;
  for (const other of c.others) {
    if (other.keys === c.keys || !accept(other.source) || other.keys.size === 0) continue;
    let common = 0;
    for (const key of c.keys) if (other.keys.has(key)) common++;
    best = Math.max(best, (2 * common) / (c.keys.size + other.keys.size));
  }
  return best;
}

/** The named features of a byline candidate; the weights are learned (`npm run train:html-fields`). */
export const bylineFeatures: ReadonlyArray<Feature<BylineContext>> = [
  ...sources.map((source) => ({
    name: `from-${source}`,
    value: (c: BylineContext) => c.candidate.source === source,
  })),
  { name: 'first-of-source', value: (c) => c.candidate.order === 0 },
  { name: 'intro-word', value: (c) => c.candidate.intro === true },
  { name: 'marked-author', value: (c) => c.candidate.marked === true },
  { name: 'date-led-line', value: (c) => c.candidate.dateLed === true },
  { name: 'site-like', value: (c) => c.candidate.siteLike === true },
  { name: 'log-persons', value: (c) => Math.log1p(persons(c.candidate).length) },
  { name: 'no-person', value: (c) => c.candidate.source !== 'none' && c.keys.size === 0 },
  {
    name: 'organizations',
    value: (c) =>
      Math.log1p(
        (c.candidate.value?.contributors ?? []).filter((p) => p.type === 'Organization').length,
      ),
  },
  {
    name: 'name-shaped',
    value: (c) => {
      const list = persons(c.candidate);
      return list.length > 0 && list.every((p) => nameShape.test(p.name) || cjkName.test(p.name));
    },
  },
  {
    name: 'one-word-name',
    value: (c) => persons(c.candidate).some((p) => !p.name.includes(' ') && !cjkName.test(p.name)),
  },
  {
    name: 'long-name',
    value: (c) => persons(c.candidate).some((p) => p.name.split(' ').length > 4),
  },
  {
    name: 'lower-case-word',
    value: (c) => persons(c.candidate).some((p) => /(?:^| )\p{Ll}{4,}/u.test(p.name)),
  },
  {
    name: 'glued-word',
    value: (c) => persons(c.candidate).some((p) => /\p{Ll}\p{Lu}/u.test(p.name)),
  },
  {
    name: 'has-detail',
    value: (c) =>
      (c.candidate.value ? bylineDetail(c.candidate.value) : 0) > persons(c.candidate).length,
  },
  {
    name: 'near-headline',
    value: (c) => (c.candidate.distance === undefined ? 0 : 1 / (1 + c.candidate.distance)),
  },
  ...sources
    .filter((source) => source !== 'none')
    .map((source) => ({
      name: `agrees-with-${source}`,
      value: (c: BylineContext) =>
        agreement(c, (other) => other === source && other !== c.candidate.source),
    })),
  { name: 'agrees-with-any', value: (c) => agreement(c, () => true) },
  { name: 'cjk-name', value: (c) => persons(c.candidate).some((p) => cjkName.test(p.name)) },
  {
    name: 'others-have-persons',
    value: (c) => c.candidate.source === 'none' && c.others.some((other) => other.keys.size > 0),
  },
];

/** The names of {@link bylineFeatures}, in order. */
export const bylineFeatureNames: readonly string[] = featureNames(bylineFeatures);

/** The feature vector of every candidate (the last candidate is usually `none`). */
export function bylineVectors(candidates: readonly BylineCandidate[]): Float64Array[] {
  const others = candidates.map((candidate) => ({
    source: candidate.source,
    keys: personKeys(candidate.value),
  }));
  return candidates.map((candidate, index) =>
    extractFeatures(bylineFeatures, { candidate, keys: others[index]!.keys, others }),
  );
}

const compiled = compiledModelCache(bylineFeatureNames);

/** The index of the candidate the model prefers. */
export function chooseByline(vectors: readonly Float64Array[], model: LinearModel): number {
  return chooseBest(compiled(model), vectors, Number.NEGATIVE_INFINITY).index;
}
