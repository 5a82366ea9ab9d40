import { gluedLowerIntro } from '../fields/byline-intro.js';
import { looksLikeBylineUnchecked, parseBylineUnchecked } from '../fields/parse-byline.js';
import {
  dateKindOf,
  type FoundDate,
  findDateUnchecked,
  type ParseDateOptions,
} from '../fields/parse-date.js';
import { looksLikePersonName } from '../fields/person-name.js';
import {
  type CompiledModel,
  extractFeatures,
  type Feature,
  featureNames,
  linearScore,
} from '../model/index.js';
import type { Byline, Contributor } from '../schema/index.js';
import { isDateLine, lineDate, memoized } from './memo.js';
import { COPYRIGHT } from './patterns.js';
import { CONTENT, hasCredit } from './story.js';
import { opensWithBy, opensWithIntro, sizeOf, TERMINAL, type Unit } from './units.js';

/**
 * Which line holds the byline, and which the publication date: each is a choice among the
 * lines around the headline (or none of them), made by a conditional-logit model over named
 * features of the line and its place. The field parsers (`parseByline`, `findDate`) read
 * what a line says; the models decide which line the page means.
 */

/** How far above and below the headline bylines and dates are looked for, in units. */
const REACH_ABOVE = 30;
const REACH_BELOW = 100;
/**
 * Dates are looked for three times as far (90 above, 300 below): a date line is short and says
 * what it is, so one far from a wrongly chosen headline (a forum's first post, a blog's date
 * over a long sidebar or under a long story) is still worth ranking; the place features weigh
 * how far (fifteenth session: docs/history/15-text-date2.md).
 */
const DATE_REACH = 3;

/** Intro words of a byline: `By …`, `Text: Ana Ruiz | …`, `Photo and text by …`. */
const INTRO_WORDS = new Set('by von par por di door text texte autor author'.split(' '));

/** Whether one of a line's first four words is an intro word. */
function introNearStart(text: string): boolean {
  for (const word of text.slice(0, 80).split(' ', 4))
    if (INTRO_WORDS.has(word.toLowerCase().replace(/[:：]$/u, ''))) return true;
  return false;
}

/** Most words of a line read for a publication date. */
const MAX_DATE_LINE_WORDS = 30;

/** Most words of a byline line (names, roles, an outlet, a date). */
const MAX_BYLINE_WORDS = 16;

/** Furniture characters before a byline: `// By …`, `• By …`. */
const LEADING_JUNK = /^[/|•·»>\-–—\s]+/u;
const SEGMENT = /\s+[|•·]\s+/u;
const SEPARATED = /\s[|•·]\s/u;
const COMMENT_WORDS = /\b(?:comments?|repl(?:y|ies)|wrote|says?|said|posted in|responded)\b/i;
const PHOTO_WORDS = /\b(?:photo|photograph|image|picture|illustration|video|credit)s?\b/i;
/** A picture's credit label after a byline's names (not after `Text &`, `Text und`). */
const PHOTO_LABEL = /(?<!&|und)\s(?:Fotos?|Photos?|Bild):/u;
const HAS_TIME = /T\d{2}:\d{2}/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * A heading or a lone intro over a bare name: `By`, `Von`, `Written by`, `AUTOR/IN`, `Author:`,
 * `About the author`, `Über den Autor`, `Sobre el autor`.
 */
const INTRO_ALONE =
  /^(?:(?:written |posted |geschrieben |verfasst )?(?:by|von)|(?:about the |über (?:den|die) |zum |zur |sobre el )?aut(?:hor|or|eur)\S{0,3})\s?:?$/iu;

/** A contact or follow link printed beside an author's name (`Twitter`, `E-Mail`, `@anaruiz`, `Kontakt:`). */
const SOCIAL_ALONE =
  /^(?:twitter|facebook|instagram|linkedin|e-?mail|mail|kontakt|contact|@\S+):?$/iu;

/** The role of a contributor the scorers count as a byline name. */
const NOT_AUTHOR = /photo|editor|edited/i;

/** Whether a contributor is a person credited as an author (not a photographer or editor). */
export function isBylinePerson(contributor: Contributor): boolean {
  return contributor.type !== 'Organization' && !NOT_AUTHOR.test(contributor.role ?? '');
}

/** The at sign of a handle or an address, also the full-width one (`高木浩光＠自宅の日記`). */
const HANDLE_AT = /[@＠]/u;

/**
 * A line without the e-mail addresses and handles beside its names: `ana@paper.example` goes,
 * `@anaruiz` goes, `Ana Ruiz@anaruiz` keeps `Ana Ruiz` (word by word: linear).
 */
function withoutHandles(text: string): string {
  if (!HANDLE_AT.test(text)) return text;
  const words: string[] = [];
  for (const word of text.split(' ')) {
    const at = word.search(HANDLE_AT);
    if (at < 0) words.push(word);
    else if (at > 0 && !word.includes('.', at)) words.push(word.slice(0, at));
  }
  return words.join(' ');
}

/** A `By` intro inside a line: `June 14, 2025 by Ana Ruiz`, `03.02.2022 von Ana Ruiz`. */
const INTRO_INSIDE = /(?:^|\s)(?:by|von|par|por|door)\s/iu;

/** Separators between the parts of a date line: `04.02.2022 | 13:10 | Ana Ruiz`, `1. Februar 2022 , Ana Ruiz`. */
const PARTS = /[|•·–—,]/u;

/**
 * The names printed after a line's date (`June 14, 2025 at 6:08 PM by Ana Ruiz`,
 * `Veröffentlicht am 3. Mai 2025 von Ana Ruiz`, `04.02.2022 | 13:10 | Ana Ruiz`): from the
 * first `By` intro after the date, or else its last part when that is a name.
 */
function afterDate(text: string): string | undefined {
  const date = text.length <= 200 ? lineDate(text) : undefined;
  if (!date) return undefined;
  const tail = text.slice(date.index + date.text.length);
  const intro = INTRO_INSIDE.exec(tail);
  if (intro) return withoutTrailingDate(tail.slice(intro.index).trim());
  const last = tail.split(PARTS).pop()?.trim();
  return last && sizeOf(last) <= 4 && looksLikePersonName(last) ? last : undefined;
}

/**
 * The byline a line holds, read by the field parser: its `By …` segment when it has one, or
 * the names printed after its date; e-mail addresses and handles are left out.
 */
export const bylineOf = memoized((line: string): Byline | undefined => {
  let text = line.replace(LEADING_JUNK, '');
  // A widget's credit printed twice (`by Taboolaby Taboola`, `Ana Ruiz Ana Ruiz`): read once.
  const half = text.length >> 1;
  if (half > 2 && text.slice(0, half) === text.slice(-half)) text = text.slice(0, half).trim();
  if (text.length === 0 || text.length > 300) return undefined;
  // `von Ana Ruiz Foto: © Lena Moritz`: the picture's credit after the names is not one of them.
  const photo = text.search(PHOTO_LABEL);
  if (photo > 0) text = text.slice(0, photo);
  if (!opensWithIntro(text) && SEGMENT.test(text)) {
    for (const segment of text.split(SEGMENT)) {
      if (!opensWithIntro(segment)) continue;
      const read = parseBylineUnchecked(segment);
      if (read.contributors.some(isBylinePerson)) return { text, contributors: read.contributors };
    }
  }
  const bare = withoutHandles(text.replace(gluedLowerIntro, '$& '));
  for (const names of [withoutTrailingDate(bare), afterDate(bare)]) {
    if (!names) continue;
    const read = parseBylineUnchecked(names);
    if (read.contributors.some(isBylinePerson)) return { text, contributors: read.contributors };
  }
  return undefined;
});

/** A date's connector words left before it: `… on`, `… am`, `… le`, `… el`, `… at`, `… um`. */
const CONNECTORS = new Set('on am um le el at the den op il last'.split(' '));
/** Separators left before a date: `Ana Ruiz |`, `Ana Ruiz,`, `Ana Ruiz —`. */
const TRAILING_SEPARATORS = new Set([...' ,;|•·–—-']);

function trimSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_SEPARATORS.has(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/**
 * A byline line without the date printed after the names (`Posted by Ana Ruiz on June 14,
 * 2025` → `Posted by Ana Ruiz`): the names are what comes before it.
 */
function withoutTrailingDate(text: string): string {
  const date = text.length <= 200 ? lineDate(text) : undefined;
  if (!date || date.index < 4) return text;
  const head = trimSeparators(text.slice(0, date.index));
  const space = head.lastIndexOf(' ');
  return space > 0 && CONNECTORS.has(head.slice(space + 1).toLowerCase())
    ? trimSeparators(head.slice(0, space))
    : head;
}

/** What the byline and date features see. */
interface MetaContext {
  units: readonly Unit[];
  headline: number;
  labels: Uint8Array | undefined;
  /** The story labels' last story unit (-1 when no labels). */
  storyEnd?: number;
  /** The page's words, and the headline's in lower case (`common-words`), read once. */
  tokens?: Set<string>;
}

interface BylineView {
  context: MetaContext;
  index: number;
  unit: Unit;
  byline: Byline;
  /** Rank among the candidates below the headline (0 = the first), -1 above it. */
  rank: number;
}

interface DateView {
  context: MetaContext;
  index: number;
  unit: Unit;
  found: FoundDate;
  rank: number;
  /** Whether this date is the latest / earliest of the candidates' dates. */
  latest: boolean;
  earliest: boolean;
}

/** Whether a line, or a part of it, opens with a `By`-kind intro (`3. Mai 2025 · by Ana Ruiz · in Politik`). */
const byPart = (text: string): boolean => text.split(SEGMENT).some(opensWithBy);

/** Story units between the headline and unit `index` (either side), at most 5. */
function storyBetween(context: MetaContext, index: number): number {
  const { labels, headline } = context;
  if (!labels) return 0;
  let count = 0;
  const [from, to] = index > headline ? [headline + 1, index] : [index + 1, headline];
  for (let i = from; i < to && count < 5; i++) if (labels[i] === CONTENT) count++;
  return count;
}

/** Whether the unit right above or right below a candidate passes `test`. */
function beside(
  { context, index }: { context: MetaContext; index: number },
  test: (text: string) => boolean,
): boolean {
  return [index - 1, index + 1].some((j) => {
    const t = context.units[j]?.text;
    return t !== undefined && test(t);
  });
}

/** Where `none` stands in the byline and date tables: first (see {@link placeFeatures}). */
export const NONE_FEATURE = 0;

/**
 * Place features shared by both choices: where the line is relative to the headline and the
 * story. `none` comes first ({@link NONE_FEATURE}): the build drops feature names, so the
 * "none of them" candidate finds it by place, not by name.
 */
function placeFeatures<
  V extends { context: MetaContext; index: number; rank: number; unit: Unit },
>(): Feature<V>[] {
  const offset = (v: V) => v.index - v.context.headline;
  return [
    { name: 'none', value: () => 0 },
    { name: 'above', value: (v) => offset(v) < 0 },
    { name: 'right-above', value: (v) => offset(v) === -1 },
    { name: 'right-below', value: (v) => offset(v) === 1 },
    { name: 'below-2-3', value: (v) => offset(v) >= 2 && offset(v) <= 3 },
    { name: 'below-4-10', value: (v) => offset(v) >= 4 && offset(v) <= 10 },
    { name: 'below-11-30', value: (v) => offset(v) >= 11 && offset(v) <= 30 },
    { name: 'below-31', value: (v) => offset(v) > 30 },
    { name: 'distance', value: (v) => Math.log1p(Math.abs(offset(v))) / 5 },
    { name: 'first-below', value: (v) => v.rank === 0 },
    { name: 'second-below', value: (v) => v.rank === 1 },
    {
      name: 'in-story',
      value: (v) => v.context.labels !== undefined && v.context.labels[v.index] === CONTENT,
    },
    {
      // A byline or a date line stands before the story; a line with story between it and the
      // headline is past the story's start (a referee under a match report, a date in prose).
      name: 'story-between',
      value: (v) => storyBetween(v.context, v.index) / 5,
    },
    { name: 'content-score', value: (v) => Math.max(-6, Math.min(6, v.unit.score)) / 6 },
    { name: 'long-line', value: (v) => v.unit.text.length > 100 },
    { name: 'short-line', value: (v) => v.unit.text.length <= 40 },
    { name: 'sentence', value: (v) => v.unit.size >= 12 && v.unit.sentence },
    { name: 'terminal', value: (v) => TERMINAL.test(v.unit.text) },
    { name: 'separators', value: (v) => SEPARATED.test(v.unit.text) },
    { name: 'comment-words', value: (v) => COMMENT_WORDS.test(v.unit.text) },
    { name: 'bullet', value: (v) => v.unit.bullet },
    { name: 'boilerplate', value: (v) => v.unit.boiler !== undefined },
    { name: 'copyright', value: (v) => COPYRIGHT.test(v.unit.text) },
    { name: 'caption', value: (v) => v.unit.size <= 80 && hasCredit(v.unit.text) },
  ];
}

export const BYLINE_FEATURES: readonly Feature<BylineView>[] = [
  ...placeFeatures<BylineView>(),
  {
    // `By Ana Ruiz`, or a part of the line (`3. Mai 2025 · by Ana Ruiz · in Politik`).
    name: 'intro',
    value: ({ unit: { text } }) => opensWithIntro(text.replace(LEADING_JUNK, '')) || byPart(text),
  },
  { name: 'intro-start', value: (v) => opensWithBy(v.unit.text) },
  {
    name: 'one-word-names',
    value: (v) => v.byline.contributors.filter(isBylinePerson).every((c) => !c.name.includes(' ')),
  },
  {
    name: 'plain-names',
    value: (v) =>
      v.byline.contributors.filter(isBylinePerson).every((c) => looksLikePersonName(c.name)),
  },
  {
    name: 'marked-byline',
    value: (v) => looksLikeBylineUnchecked(v.unit.text.replace(LEADING_JUNK, '')),
  },
  {
    name: 'persons',
    value: (v) => Math.min(3, v.byline.contributors.filter(isBylinePerson).length) / 3,
  },
  {
    name: 'organization',
    value: (v) =>
      v.byline.contributors.some((c) => c.type === 'Organization' || c.affiliation !== undefined),
  },
  {
    name: 'job-title',
    value: (v) => v.byline.contributors.some((c) => c.jobTitle !== undefined),
  },
  {
    name: 'other-role',
    value: (v) => v.byline.contributors.some((c) => (c.role ?? 'author') !== 'author'),
  },
  {
    name: 'has-date',
    value: (v) => v.unit.text.length <= 200 && lineDate(v.unit.text) !== undefined,
  },
  { name: 'photo-words', value: (v) => PHOTO_WORDS.test(v.unit.text) },
  {
    // `Howard Webb (South Yorkshire)`: a name with a place or a team in brackets (a referee,
    // a player, a candidate) rather than an agency (`Ana Ruiz (AP)`, read as an organization).
    name: 'bracket-tail',
    value: (v) =>
      v.unit.text.endsWith(')') && !v.byline.contributors.some((c) => c.type === 'Organization'),
  },
  {
    // An author box: `About the author` / `Ana Ruiz`, or a page's `By` / `Ana Ruiz`.
    name: 'intro-above',
    // (bylineCandidates gives such a line's view a `By` copy of its unit: that is the test.)
    value: (v) => v.unit !== v.context.units[v.index],
  },
  {
    name: 'date-next-to',
    value: (v) => beside(v, isDateLine),
  },
  { name: 'social-next-to', value: (v) => beside(v, (t) => SOCIAL_ALONE.test(t)) },
  {
    // An author box under the story (`Ana Ruiz` / `Senior Writer`, `About the author` / `Ana
    // Ruiz`): the ten units after the story labels' last unit, when the story is under the headline.
    name: 'after-story',
    value: ({ context: { storyEnd = -1, headline }, index }) =>
      storyEnd > headline && index > storyEnd && index - storyEnd <= 10,
  },
  // Read on "none" only, the last but one ({@link bylineCandidates}): some candidate opens with
  // a `By`-kind intro, so the page prints an author line and "none" should win less often.
  { name: 'none-page-intro', value: () => 0 },
  {
    // `Leadership Styles`, `Beheizbare Jacke`, `Parallels Desktop`: names whose capitalised
    // words the page also prints in lower case (words of the language) or the headline prints
    // (its subject) are not the author's. The share of such words.
    name: 'common-words',
    value: ({ context: c, byline }) => {
      // The words of the page's lines and of the headline in lower case: the parts between
      // spaces of them all joined by spaces (one split, not one a line).
      c.tokens ??= new Set(
        `${c.units.map((u) => u.text).join(' ')} ${c.units[c.headline]!.text.toLowerCase()}`.split(
          ' ',
        ),
      );
      const words = byline.contributors.filter(isBylinePerson).flatMap((p) => p.name.split(' '));
      return (
        words.filter((w) => w !== w.toLowerCase() && c.tokens!.has(w.toLowerCase())).length /
        words.length
      );
    },
  },
];

/** Units after the story's last unit (0 inside or above it), at most 10. */
function pastStoryEnd({ context, index }: DateView): number {
  const end = context.storyEnd!;
  return end < 0 || index <= end ? 0 : Math.min(10, index - end);
}

export const DATE_FEATURES: readonly Feature<DateView>[] = [
  ...placeFeatures<DateView>(),
  {
    // Blogs print the date under the text (`Aktualisiert am …`, `Posted on …`): just past the
    // story's end, or further down among comments and teasers.
    name: 'right-after-end',
    value: (v) => pastStoryEnd(v) > 0 && pastStoryEnd(v) <= 3,
  },
  { name: 'after-end', value: (v) => pastStoryEnd(v) / 10 },
  { name: 'label-published', value: (v) => dateKindOf(v.found) === 'published' },
  { name: 'label-updated', value: (v) => dateKindOf(v.found) === 'modified' },
  { name: 'date-only', value: (v) => v.found.text.length >= v.unit.text.length * 0.8 },
  {
    // A date line says little besides the date; a date inside a sentence is the story's.
    name: 'words-beside',
    value: (v) =>
      Math.min(
        20,
        sizeOf(
          `${v.unit.text.slice(0, v.found.index)} ${v.unit.text.slice(v.found.index + v.found.text.length)}`,
        ),
      ) / 20,
  },
  { name: 'starts-line', value: (v) => v.found.index <= 2 },
  { name: 'has-time', value: (v) => HAS_TIME.test(v.found.value) },
  { name: 'has-zone', value: (v) => HAS_ZONE.test(v.found.value) },
  { name: 'latest', value: (v) => v.latest },
  { name: 'earliest', value: (v) => v.earliest },
  { name: 'intro', value: (v) => opensWithBy(v.unit.text) },
  {
    name: 'byline-next-to',
    value: (v) => beside(v, (t) => t.length <= 200 && opensWithBy(t)),
  },
];

export const BYLINE_FEATURE_NAMES: readonly string[] =
  /* @__PURE__ */ featureNames(BYLINE_FEATURES);
export const DATE_FEATURE_NAMES: readonly string[] = /* @__PURE__ */ featureNames(DATE_FEATURES);

/** A candidate line and its feature vector; the first candidate of every list is "none". */
export interface MetaCandidate<T> {
  /** The unit, or -1 for "none of them". */
  index: number;
  value?: T | undefined;
  /** Read only: the "none" candidates of all lists share one vector. */
  features: Float64Array;
}

/** How far past the story's last unit dates are also looked for. */
const STORY_END_REACH = 12;

/**
 * Candidate units: from 30 above to 100 below the headline, times `reach`, and (dates:
 * `storyEnd` given) the 12 units past the story labels' last story unit (blogs print the date
 * under the text, which a wrongly chosen headline or a long story leaves out of the headline's
 * reach). In page order.
 */
function window(units: readonly Unit[], headline: number, storyEnd = -1, reach = 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < units.length; i++)
    if (
      i !== headline &&
      ((i >= headline - REACH_ABOVE * reach && i <= headline + REACH_BELOW * reach) ||
        (storyEnd >= 0 && i > storyEnd && i <= storyEnd + STORY_END_REACH))
    )
      out.push(i);
  return out;
}

/** The "none" candidate's features: every feature 0 but `none`. */
function noneOf(table: readonly unknown[]): Float64Array {
  const features = new Float64Array(table.length);
  features[NONE_FEATURE] = 1;
  return features;
}

/** The "none" features of the byline and date tables, made once and shared by every list (read only). */
let noneFeatures: { byline: Float64Array; date: Float64Array } | undefined;
function sharedNone(): { byline: Float64Array; date: Float64Array } {
  noneFeatures ??= { byline: noneOf(BYLINE_FEATURES), date: noneOf(DATE_FEATURES) };
  return noneFeatures;
}

/** Byline candidates around the headline: lines the field parser reads a person from. */
export function bylineCandidates(
  units: readonly Unit[],
  headline: number,
  labels: Uint8Array | undefined,
): MetaCandidate<Byline>[] {
  const out: MetaCandidate<Byline>[] = [{ index: -1, features: sharedNone().byline }];
  const found: Array<{ index: number; byline: Byline }> = [];
  // Past the reach, to three times as far: lines that open with an intro and read a person
  // (`By Ana Ruiz`, `Autor: Ana Ruiz` under a long story) when the page prints one or two
  // there; more are teasers (`By …` under each related story) or comments.
  const far: number[] = [];
  for (let i = headline + REACH_BELOW; ++i < units.length && i <= headline + 3 * REACH_BELOW; ) {
    const text = units[i]!.text;
    if (opensWithIntro(text) && bylineOf(text)) far.push(i);
  }
  // (`far[2]`: a unit index past the reach, never 0.)
  for (const i of [...window(units, headline), ...(far[2] ? [] : far)]) {
    const unit = units[i]!;
    // A `By` line may go on past the names (`By Ana Ruiz on 3 May 2025 | 18 Comments. This post
    // may contain …`, `Le Monde | 4 mai 2015 • Mis à jour le … | Par Ana Ruiz`): the reader
    // takes the names after the intro. A sentence without an intro word is prose, not a byline.
    if (unit.text.length > 300) continue;
    const long = unit.size > MAX_BYLINE_WORDS;
    if (
      (long || (unit.sentence && unit.size >= 8 && !introNearStart(unit.text))) &&
      !byPart(unit.text)
    )
      continue;
    const byline = bylineOf(unit.text);
    if (byline) found.push({ index: i, byline });
  }
  const context: MetaContext = {
    units,
    headline,
    labels,
    storyEnd: labels ? labels.lastIndexOf(CONTENT) : -1,
  };
  let rank = 0;
  let intro = false;
  for (const { index, byline } of found) {
    const unit = units[index]!;
    intro ||= opensWithBy(unit.text);
    const view: BylineView = {
      context,
      index,
      // A byline split in two lines (`By` / `Ana Ruiz`, an author box's `About the author` /
      // `Ana Ruiz`) reads as one, `By Ana Ruiz`, for the line's features.
      unit: INTRO_ALONE.test(units[index - 1]?.text ?? '')
        ? { ...unit, text: `By ${unit.text}` }
        : unit,
      byline,
      rank: index > headline ? rank++ : -1,
    };
    out.push({ index, value: byline, features: extractFeatures(BYLINE_FEATURES, view) });
  }
  if (intro) {
    // A vector of its own: the shared one stays as it is.
    const none = sharedNone().byline.slice();
    none[BYLINE_FEATURES.length - 2] = 1;
    out[0]!.features = none;
  }
  return out;
}

/** Date candidates around the headline: lines in which a date is printed. */
export function dateCandidates(
  units: readonly Unit[],
  headline: number,
  labels: Uint8Array | undefined,
  options: Readonly<ParseDateOptions>,
): MetaCandidate<FoundDate>[] {
  const out: MetaCandidate<FoundDate>[] = [{ index: -1, features: sharedNone().date }];
  const found: Array<{ index: number; date: FoundDate }> = [];
  const storyEnd = labels ? labels.lastIndexOf(CONTENT) : -1;
  for (const i of window(units, headline, storyEnd, DATE_REACH)) {
    const text = units[i]!.text;
    // A date line is short; a date inside a long paragraph is the story's.
    if (text.length > 300 || units[i]!.size > MAX_DATE_LINE_WORDS) continue;
    const date = lineDate(text, options);
    if (date) {
      found.push({ index: i, date });
      // A second date after it (`29. Dezember 2022 30. Dezember 2022`, `…+01:0025. Dezember
      // 2022`): a page prints its publication and update dates side by side.
      const rest = date.index + date.text.length;
      const next = rest < 200 ? findDateUnchecked(text.slice(rest, 200), options) : undefined;
      if (next) found.push({ index: i, date: { ...next, index: next.index + rest } });
    }
  }
  let latest = '';
  let earliest = '';
  for (const { date } of found) {
    const day = date.value.slice(0, 10);
    if (day > latest) latest = day;
    if (earliest === '' || day < earliest) earliest = day;
  }
  const context: MetaContext = {
    units,
    headline,
    labels,
    storyEnd,
  };
  let rank = 0;
  for (const { index, date } of found) {
    const day = date.value.slice(0, 10);
    const view: DateView = {
      context,
      index,
      unit: units[index]!,
      found: date,
      rank: index > headline ? rank++ : -1,
      latest: found.length > 1 && day === latest,
      earliest: found.length > 1 && day === earliest,
    };
    out.push({ index, value: date, features: extractFeatures(DATE_FEATURES, view) });
  }
  return out;
}

/** The best candidate by `model` ("none" included, as index -1). */
export function chooseMeta<T>(
  candidates: readonly MetaCandidate<T>[],
  model: CompiledModel,
): MetaCandidate<T> {
  let best = candidates[0]!;
  let bestScore = linearScore(model, best.features);
  for (let c = 1; c < candidates.length; c++) {
    const score = linearScore(model, candidates[c]!.features);
    if (score > bestScore) {
      best = candidates[c]!;
      bestScore = score;
    }
  }
  return best;
}
