import { parseBylineUnchecked } from '../fields/parse-byline.js';
import { looksLikePersonName } from '../fields/person-name.js';
import {
  type CompiledModel,
  extractFeatures,
  type Feature,
  featureNames,
  linearScore,
} from '../model/index.js';
import type { ArticleType } from '../schema/index.js';
import { lineDate, memoized } from './memo.js';
import { labelledNumbers, numberShare } from './numbers.js';
import { ADVISORY, kickerRow, SLUG } from './patterns.js';
import { CONTENT, hasCredit } from './story.js';
import {
  CJK,
  LETTER,
  META_WORDS,
  opensWithBy,
  SEPARATED_TAIL,
  sizeOf,
  TERMINAL,
  TITLE_CASE,
  titleCased,
  type Unit,
} from './units.js';

/** Calls to action and page chrome that look like titles. */
const PROMPT =
  /\b(?:please visit|click|sign (?:in|up)|log ?in|subscribe|newsletter|download|get (?:our|the) app|follow us|this site|cookies?|browser|javascript|copyright|©|all rights reserved|terms of (?:service|use)|privacy policy|change the|edition)\b|^«|»$/i;

/** Words of page chrome: search and skip links, comment, share and print rows, footers. */
const CHROME = /\b(?:search|skip|comments?|share|partager|teilen|drucken|print|powered by)\b/i;

/** Breadcrumb trails: `Home > News > Local`, `World › Europe`. */
const CRUMBS = /^(?:home|start)\s*[>›»/|]|\s[>›»]\s/i;

/** Page furniture shapes: `// Search`, `[Submit]`, `Section —`, `a | b | c`. */
const JUNK = /^\/\/|\[[^\]]{0,20}\]|\s[—–-]$|\s\|\s.*\s\|\s/u;

/** Teasers for other stories: `Up Next …`, `Read Now …`, `Watch: …`, `Video of …`. */
const TEASER =
  /^(?:up next|next up|read now|watch now|now playing|watch|video|videos|gallery|photos|podcast|listen|more)(?:\s*[:|–—-]|\s+of)?\s+\S/i;

/** Media teasers name their format after a dash: `… – video`, `… – in pictures`, `… - podcast`. */
const MEDIA_TAIL = /\s[–—-]\s(?:video|audio|podcast|in pictures|gallery|live)\b.{0,30}$/i;

/**
 * List and menu items that are not marked as bullets: `(1) Think of a noun`, `+ Added …`,
 * `☆ Setting up` (a table-of-contents or menu entry), and lines that introduce a list (`… links:`).
 */
const LIST_ITEM = /^(?:\(\d{1,2}\)|[+☆★>]\s)|:$/u;

/** A short section label in capitals: `SLOW MOVING`, `BUSINESS`, `TOP STORIES`. */
const CAPS_LABEL = /^[^\p{Ll}]{2,40}$/u;

/**
 * The story's first paragraphs, lowercased, read for their words of four or more characters:
 * a headline shares some of them. The words are looked up in the text (as whole words) rather
 * than collected in a set: a page asks about one or two lines.
 */
class StoryWords {
  constructor(private readonly text: string) {}

  /** Whether the story has at least `count` distinct words of four or more characters. */
  hasDistinct(count: number): boolean {
    const distinct = new Set<string>();
    forEachLongWord(this.text, (word) => {
      distinct.add(word);
      return distinct.size >= count;
    });
    return distinct.size >= count;
  }

  /** Whether `word` (four or more word characters) is a whole word of the story. */
  has(word: string): boolean {
    const { text } = this;
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1))
      if (!wordCharAt(text, at - 1) && !wordCharAt(text, at + word.length)) return true;
    return false;
  }

  /** The share of a line's words of four or more characters (and of its pairs of CJK characters) that the story also has (0 when it has none). */
  overlap(line: string): number {
    let long = 0;
    let shared = 0;
    const count = (found: boolean): boolean => {
      long++;
      if (found) shared++;
      return false;
    };
    forEachLongWord(line.toLowerCase(), (word) => !hasCjk(word) && count(this.has(word)));
    // CJK text has no spaces between words: read it as overlapping pairs of characters.
    for (const [, pair] of line.matchAll(CJK_PAIR)) count(this.text.includes(pair!));
    return long === 0 ? 0 : shared / long;
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Each pair of adjacent CJK characters (overlapping), as group 1. */
const CJK_PAIR = new RegExp(`(?=(${CJK.source}{2}))`, 'gu');

/** Whether the code unit at `i` is part of a word: an ASCII letter or digit, any other letter or digit, or half of a surrogate pair. */
function wordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  return code < 128
    ? (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90)
    : code >= 0xd800 && code <= 0xdfff
      ? true
      : WORD_CHAR.test(text[i]!);
}

/**
 * Call `visit` with each run of four or more word characters of `text` (see
 * {@link wordCharAt}; shorter runs are not cut out of the text at all), until it returns true.
 */
function forEachLongWord(text: string, visit: (word: string) => boolean): void {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (wordCharAt(text, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= 4 && visit(text.slice(start, i))) return;
      start = -1;
    }
  }
}

/** Whether a line is only a list of person names: `Ana Ruiz, Lena Moritz and Tomás Reyes`. */
function namesOnly(text: string): boolean {
  const parts = text.split(/\s*(?:,|&|\sand\s|\set\s|\sund\s)\s*/);
  return parts.length >= 2 && parts.every((part) => part === '' || looksLikePersonName(part));
}

/** A line that is only a photo credit: `AP Photo/Lekan Oyekanmi`, `Ana Ruiz/Getty Images`. */
const CREDIT_ONLY =
  /^(?:\(?(?:AP|AFP|Reuters|EPA|PA) Photo(?:\/[^()]{1,60})?\)?|[\p{Lu}][\p{L}.'’ -]{1,40}\s?\/\s?(?:Getty Images|AFP|Reuters|REUTERS|AP|EPA|PA|Shutterstock|Bloomberg|Alamy)\b.{0,30}|(?:photo|image|picture)s?(?: credit| source)?:.{1,80})$/iu;

/** A line that ends with a photo credit is a caption: `… (Ana Ruiz/AFP/Getty Images)`, `… - Ana Ruiz/Agency`. */
const CREDIT_TAIL =
  /(?:＝[^＝\s]{1,15}|（(?:左|右|中央|手前|奥|右端|左端)）.*|\(\s?[\p{Lu}][^()/]{1,60}\/[^()]{1,60}\)|\s[-–—]\s[\p{Lu}][\p{L}.'’ -]{1,40}\/[\p{Lu}][\p{L}.'’ &-]{1,40})$/u;

/** A name followed by a relative time: `Alex Perry 1 day ago`, `Ana Ruiz · 3 hours ago`. */
const NAME_AGO = /^(.{3,60}?)\s*[·|•,-]?\s+(?:\d{1,2}|an?) (?:minute|hour|day|week|month)s? ago$/i;

/** The end of a relative time, tested before {@link NAME_AGO} (which backtracks over the name). */
const AGO_END = /\sago$/i;

/** Site-map, legal and footer links: `サイトマップ`, `個人情報保護方針`, `利用規約`. */
const FOOTER =
  /サイトマップ|個人情報|利用規約|プライバシー|お問い合わせ|免責|隐私|网站地图|联系我们|site ?map|キャンセル|閉じる|ログイン|ログアウト|購入する/iu;

/**
 * Whether a CJK line is a menu: four or more short parts separated by spaces, with no
 * sentence punctuation (`ニュース アーティクル プレゼンテーション ポッドキャスト`).
 */
/** Whether the text has a CJK or Thai character. */
function hasCjk(text: string): boolean {
  const found = CJK.test(text);
  CJK.lastIndex = 0;
  return found;
}

function cjkMenu(text: string): boolean {
  if (!CJK.test(text) || /[、。，！？「」]/u.test(text)) {
    CJK.lastIndex = 0;
    return false;
  }
  CJK.lastIndex = 0;
  const parts = text.split(/\s+/u);
  return parts.length >= 4 && parts.every((part) => part.length <= 10);
}

/** Age notices between a headline and its deck: `This article is more than 5 years old`. */
const AGE_NOTICE =
  /^this (?:article|story|post|page) is (?:more than|over) (?:\d{1,2}|an?|one|two|three) (?:years?|months?) old$/i;

/** `— Ana Ruiz (@ana) May 2, 2019` closes an embedded post or quote. */
const POST_CLOSE = /^[—―–]\s/u;

/** Names joined in one line: `Ana Ruiz, Lena Moritz`, `Ana Ruiz and Lena Moritz`. */
const NAME_JOIN = /,|\sand\s/;

/** Previous/next arrows: `<Previous entry`, `Older posts >`, `← Older post`, `Newer post →`. */
const ARROWS = /^(?:[<‹]\S|←)|\S[>›](?:\s|$)|→$/u;

/** A sentence break inside the line: a deck, a teaser or a quote rather than a title (`… well. The …`). */
const INNER_SENTENCE = /\p{Ll}[.!?]["”’'»]?\s+["“„«]?\p{Lu}/u;

function addSeen(seen: Map<string, number[]>, key: string, index: number): void {
  const list = seen.get(key);
  if (list) list.push(index);
  else seen.set(key, [index]);
}

/** A headline candidate and its score. */
export interface HeadlineCandidate {
  index: number;
  score: number;
  /** Whether metadata (a byline, a date) stands under it. */
  meta?: boolean;
  /** The headline when it is part of the unit's line (a kicker or a site name cut off), see {@link cutsOf}. */
  text?: string;
  /** Its score by the anchor model, when one is given to {@link rankHeadlines}. */
  anchor?: number;
}

/** The kicker (label) a line is, with the article type it implies, or undefined. */
export function kickerOf(text: string): { type?: ArticleType } | undefined {
  if (text.length > 40) return undefined;
  const clean = text.replace(/[:|]$/, '').trim();
  const kicker = kickerRow(clean);
  if (!kicker) return undefined;
  return kicker.type ? { type: kicker.type } : {};
}

/**
 * Whether a unit can be a headline at all (the model ranks those that can): not furniture, a
 * list item, a slug, an advisory, a kicker, a breadcrumb trail, metadata or a date line, and not
 * a lower-case sentence tail. `opening`: the unit opens a clean text; `bullet`: read the unit as
 * a list item (a lone bullet line is not one).
 */
export function titleLike(unit: Unit, opening = false, bullet = unit.bullet): boolean {
  const text = unit.text;
  if (unit.boiler || bullet || text.length < 4 || text.length > 250) return false;
  if (!LETTER.test(text) || SLUG.test(text) || ADVISORY.test(text) || kickerOf(text)) return false;
  if ((!opening && META_WORDS.test(text)) || CRUMBS.test(text)) return false;
  if (!opening && /^[\p{Ll}]/u.test(text) && !/^\p{Ll}+[A-Z]/u.test(text) && !hasCjk(text))
    return false;
  const date = lineDate(text);
  return !(date && date.text.length > text.length * 0.4);
}

/** The first unit that is not a slug line or a kicker: where a clean article's headline sits. */
export function firstTitleIndex(units: readonly Unit[]): number {
  let index = 0;
  while (
    index < units.length - 1 &&
    (SLUG.test(units[index]!.text) || kickerOf(units[index]!.text))
  )
    index++;
  return index;
}

/**
 * Whether the text opens with its headline: a title line followed by metadata or a paragraph,
 * with no menu, bullet or boilerplate line among the next few lines.
 */
export function opensClean(units: readonly Unit[], index: number): boolean {
  const next = units[index + 1];
  if (!next) return false;
  for (const unit of [next, units[index + 2]]) {
    if (!unit || unit.bullet || unit.boiler || unit.text.length > 120) continue;
    const date = lineDate(unit.text);
    if (date && date.text.length >= unit.text.length * 0.5) return true;
    if (
      opensWithBy(unit.text) ||
      (unit.size <= 5 && /\s/.test(unit.text) && looksLikePersonName(unit.text))
    )
      return true;
  }
  let paragraph = false;
  for (let j = index + 1; j <= Math.min(units.length - 1, index + 4); j++) {
    if (units[j]!.boiler || units[j]!.bullet) return false;
    if (units[j]!.score > 0) paragraph = true;
  }
  return paragraph;
}

/** What ranking the headline candidates of one page shares. */
interface Ranking {
  units: readonly Unit[];
  /** The first unit labelled story text (0 when none is). */
  regionStart: number;
  /** Story labels (see `story.ts`); every unit counts as story when undefined. */
  labels: Uint8Array | undefined;
  /** `contentBefore[i]`: words of story units before unit `i` (length units + 1). */
  contentBefore: Float64Array;
  /** `wordsBefore[i]`: words of all units before unit `i`. */
  wordsBefore: Float64Array;
  firstTitle: number;
  /** Where each short line (or its tail after a separator) occurs in the page. */
  seen: Map<string, number[]>;
  /** The story's first words from a unit on (see {@link story}), read when first needed. */
  storyWords: Map<number, StoryWords | undefined>;
  /** Steps to the metadata under each unit read so far (see {@link metaStepBelow}). */
  metaSteps: Map<number, number>;
  /** Whether the text opens with its headline (see {@link opensClean}), read when first needed. */
  clean?: boolean;
  /** What lines print before a separator (see {@link headsOf}), read when first needed. */
  heads?: Set<string>;
}

/** How often each short line occurs in the page, whole or after a separator (`Section|Headline`). */
function seenLines(units: readonly Unit[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  for (let index = 0; index < units.length; index++) {
    const key = units[index]!.text;
    if (key.length >= 300 || key.length < 8) continue;
    addSeen(seen, key, index);
    const separator = SEPARATED_TAIL.exec(key);
    if (separator) {
      const tail = key.slice(separator.index + separator[0].length);
      if (tail.length >= 8) addSeen(seen, tail, index);
    }
  }
  return seen;
}

/** Whether a line is metadata that sits under a headline: a date line, a byline, a list of names. */
const isMetaLine = memoized((t: string): boolean => {
  // `— Ana Ruiz (@ana) May 2, 2019` closes an embedded post or quote, not a headline.
  if (t.length > 160 || POST_CLOSE.test(t)) return false;
  const date = lineDate(t);
  return (
    (date !== undefined &&
      (date.text.length >= t.length * 0.3 || date.label !== undefined || META_WORDS.test(t))) ||
    (opensWithBy(t) && parseBylineUnchecked(t).contributors.length > 0) ||
    (sizeOf(t) <= 4 && looksLikePersonName(t)) ||
    (t.length <= 80 && NAME_JOIN.test(t) && namesOnly(t)) ||
    (AGO_END.test(t) && looksLikePersonName(NAME_AGO.exec(t)?.[1] ?? ''))
  );
});

/** Lines that may stand between a headline and its byline: an age notice, a lead image's credit or caption. */
const isLeadFurniture = memoized(
  (text: string): boolean =>
    AGE_NOTICE.test(text) || CREDIT_ONLY.test(text) || (text.length <= 300 && hasCredit(text)),
);

/**
 * Words of the story's first paragraphs from unit `from` on (about 150 words): a headline
 * shares some of them. Undefined when they are too few to say (under 20 distinct words).
 */
function story(ranking: Ranking, from = 0): StoryWords | undefined {
  const { units, labels, storyWords } = ranking;
  const start = Math.max(from, ranking.regionStart);
  if (storyWords.has(start)) return storyWords.get(start);
  const parts: string[] = [];
  let budget = 800;
  for (let i = start; i < units.length && budget > 0; i++) {
    const unit = units[i]!;
    if ((labels && labels[i] !== CONTENT) || unit.score <= 0 || unit.size < 8) continue;
    const text = unit.text.slice(0, budget);
    budget -= text.length;
    parts.push(text);
  }
  // Lower-cased as one text: the same as part by part (a final sigma before the `\n` stays final).
  const words = new StoryWords(parts.join('\n').toLowerCase());
  const rich = words.hasDistinct(20) ? words : undefined;
  storyWords.set(start, rich);
  return rich;
}

/** The share of the story's words that stand before unit `i`. */
function storyAbove(ranking: Ranking, i: number): number {
  const total = ranking.contentBefore[ranking.units.length]!;
  return total > 0 ? ranking.contentBefore[i]! / total : 0;
}

/** The share of the words of the `k` units after unit `i` that are story text. */
function storyNext(ranking: Ranking, i: number, k: number): number {
  const to = Math.min(ranking.units.length, i + 1 + k);
  const words = ranking.wordsBefore[to]! - ranking.wordsBefore[i + 1]!;
  return words > 0 ? (ranking.contentBefore[to]! - ranking.contentBefore[i + 1]!) / words : 0;
}

/** The share of the words of the `k` units before unit `i` that are story text. */
function storyPrevious(ranking: Ranking, i: number, k: number): number {
  const from = Math.max(0, i - k);
  const words = ranking.wordsBefore[i]! - ranking.wordsBefore[from]!;
  return words > 0 ? (ranking.contentBefore[i]! - ranking.contentBefore[from]!) / words : 0;
}

/** What the headline model knows of one candidate line. */
export interface HeadlineView {
  ranking: Ranking;
  index: number;
  unit: Unit;
  /** The unit opens a clean text (its first title-like line, with metadata or a paragraph under it). */
  opening: boolean;
  /** Steps (0–2) to the metadata under the candidate, or -1 when none is within three lines. */
  metaStep: number;
  /** The share of the candidate's longer words the story also has (-1 before it is read, 0 when the story is too short to say). */
  overlap: number;
  /** The candidate is the last item of a breadcrumb trail set as a list (see {@link crumbEnd}). */
  crumb: boolean;
  /** Where its text is printed again near it (bits, see {@link nearbyContainment}). */
  near: number;
  /** The part after a kicker cut off the unit's line (1 after a colon, 3 after a dash, 5 after a bar, slash or dot), before a site name cut off (2), or the whole line (0). */
  cut: number;
  /** What the cut left out (`''` for the whole line). */
  dropped: string;
}

/** How far (in units) {@link nearbyContainment} looks either side, and the longest line it reads. */
const NEAR = 40;
const NEAR_LENGTH = 400;

/** Whether `part` stands in `text` as whole words (no letter or digit glued to either end). */
function holdsWords(text: string, part: string): boolean {
  const at = text.indexOf(part);
  return at >= 0 && !wordCharAt(text, at - 1) && !wordCharAt(text, at + part.length);
}

/**
 * Where the candidate's text is printed again near it, as bits: 1, inside a longer line below
 * it (a kicker and the headline on one line, `12 comments on …`); 2, inside a longer line above
 * it (a breadcrumb's end, or the candidate is the tail of a longer title). Whole words only;
 * lines of fewer than 15 characters are not read.
 */
function nearbyContainment(ranking: Ranking, index: number, unit: Unit): number {
  const { units } = ranking;
  const text = unit.text;
  if (unit.size < 3 || text.length < 15) return 0;
  let bits = 0;
  for (let j = Math.max(0, index - NEAR); j <= Math.min(units.length - 1, index + NEAR); j++) {
    const other = units[j]!.text;
    if (j === index || other.length <= text.length || other.length > NEAR_LENGTH) continue;
    if (holdsWords(other, text)) bits |= j > index ? 1 : 2;
  }
  return bits;
}

/** The first item of a breadcrumb trail, or the label before one. */
const CRUMB_HOME =
  /^(?:home|homepage|start|startseite|accueil|inicio|portada)$|(?:you are here|sie sind hier|sie befinden sich hier|vous êtes ici)\s*:?$/i;

/**
 * Whether unit `i` is the last item of a breadcrumb trail set as a list (`• Startseite`,
 * `• Handel`, `• <headline>`): the end of a run of two to eight list items whose first item,
 * or the line before it, opens a trail.
 */
function crumbEnd(units: readonly Unit[], i: number): boolean {
  if (!units[i]!.bullet || units[i + 1]?.bullet) return false;
  let start = i;
  while (start > 0 && i - start < 8 && units[start - 1]!.bullet) start--;
  return (
    start < i &&
    (CRUMB_HOME.test(units[start]!.text) || CRUMB_HOME.test(units[start - 1]?.text ?? ''))
  );
}

/** {@link HeadlineView.overlap}, read once. */
function overlapOf(view: HeadlineView): number {
  if (view.overlap < 0) {
    view.overlap = story(view.ranking)?.overlap(view.unit.text) ?? 0;
  }
  return view.overlap;
}

/** Steps to metadata under unit `i` (a byline, a date), not counting lead-image credits and captions; -1 when none. */
function metaStepBelow(units: readonly Unit[], i: number): number {
  for (let j = i + 1, step = 0; j <= Math.min(units.length - 1, i + 10) && step < 3; j++) {
    if (isMetaLine(units[j]!.text)) return step;
    if (!(units[j]!.boiler || isLeadFurniture(units[j]!.text))) step++;
  }
  return -1;
}

/** {@link metaStepBelow}, read once per unit of a ranking. */
function metaStepOf(ranking: Ranking, i: number): number {
  let step = ranking.metaSteps.get(i);
  if (step === undefined) {
    step = metaStepBelow(ranking.units, i);
    ranking.metaSteps.set(i, step);
  }
  return step;
}

/**
 * The size of unit `j` when it is a title-like line beside a candidate (a kicker above it, a
 * deck under it, or the headline itself beside a kicker or deck), not a byline or date line,
 * on a page that does not open with its headline; 0 when it is not.
 */
function titleBeside(ranking: Ranking, j: number): number {
  const { units } = ranking;
  const unit = units[j];
  if (!unit || unit.size > MAX_TITLE_WORDS || !titleLike(unit) || isMetaLine(unit.text)) return 0;
  return cleanCopy(ranking) ? 0 : unit.size;
}

/**
 * Whether the page opens with its headline (a clean copy): kickers, decks and the story's words
 * under a line are a whole page's signs, read as 0 there.
 */
function cleanCopy(ranking: Ranking): boolean {
  ranking.clean ??= opensClean(ranking.units, ranking.firstTitle);
  return ranking.clean;
}

/** How much larger a candidate is than the title-like line at `j` (log₂, clamped to ±3, scaled to ±1); 0 when there is none. */
function sizeVersus(ranking: Ranking, j: number, unit: Unit): number {
  const beside = titleBeside(ranking, j);
  return beside > 0 ? Math.max(-3, Math.min(3, Math.log2(unit.size / beside))) / 3 : 0;
}

/** Trailing emoji do not hide a full stop: `… in the digital age. 💙`. */
const TRAILING_EMOJI = /(?:\s|\p{Extended_Pictographic}|\u{FE0F}|\u{200D})+$/u;
const OPEN_ENDING = /[?!…]["”’'»]?$/u;
/** A separator a headline is printed before: `Headline | Site`, `Headline – Site`, `Headline: …`. */
const ECHO = /[|–—:·»-]/gu;

/** What the page's lines of up to 300 characters print before a separator with more after it (see {@link ECHO}), read once. */
function headsOf(ranking: Ranking): Set<string> {
  if (!ranking.heads) {
    ranking.heads = new Set();
    for (const { text } of ranking.units)
      if (text.length <= 300)
        for (const { index } of text.matchAll(ECHO))
          if (text.slice(index + 1).trim()) ranking.heads.add(text.slice(0, index).trimEnd());
  }
  return ranking.heads;
}

/** The headline model's features: what makes a line the headline rather than another line near the story. */
export const HEADLINE_FEATURES: readonly Feature<HeadlineView>[] = [
  { name: 'words', value: (v) => Math.min(v.unit.size, 14) / 14 },
  // A deck or a lede runs longer than a title: words past twelve (to 30).
  { name: 'words-over', value: (v) => Math.max(0, Math.min(v.unit.size, 30) - 12) / 18 },
  { name: 'one-word', value: (v) => v.unit.size < 2 && !hasCjk(v.unit.text) },
  {
    name: 'full-stop',
    value: (v) => {
      const bare = v.unit.text.replace(TRAILING_EMOJI, '');
      return TERMINAL.test(bare) && !OPEN_ENDING.test(bare);
    },
  },
  { name: 'url', value: (v) => /https?:|www\.|@/.test(v.unit.text) },
  {
    name: 'person-name',
    value: (v) => !v.opening && v.unit.size <= 3 && looksLikePersonName(v.unit.text),
  },
  { name: 'above-region', value: (v) => v.index < v.ranking.regionStart },
  {
    name: 'distance-above',
    value: (v) =>
      v.index < v.ranking.regionStart ? Math.min(v.ranking.regionStart - v.index, 30) / 30 : 0,
  },
  {
    name: 'distance-in',
    value: (v) =>
      v.index >= v.ranking.regionStart ? Math.min(v.index - v.ranking.regionStart + 1, 16) / 16 : 0,
  },
  {
    name: 'in-region-long',
    value: (v) => v.index >= v.ranking.regionStart && v.unit.size > 20,
  },
  { name: 'content-score', value: (v) => Math.max(-6, Math.min(6, v.unit.score)) / 6 },
  { name: 'story-none-above', value: (v) => storyAbove(v.ranking, v.index) === 0 },
  { name: 'story-next-3', value: (v) => storyNext(v.ranking, v.index, 3) },
  { name: 'story-next-10', value: (v) => storyNext(v.ranking, v.index, 10) },
  { name: 'story-previous-5', value: (v) => storyPrevious(v.ranking, v.index, 5) },
  {
    name: 'is-story',
    value: (v) => v.ranking.labels !== undefined && v.ranking.labels[v.index] === CONTENT,
  },
  {
    name: 'repeated-above',
    value: (v) =>
      v.unit.size >= 3 && (v.ranking.seen.get(v.unit.text) ?? []).some((at) => at < v.index - 2),
  },
  {
    name: 'repeated-below',
    value: (v) =>
      v.unit.size >= 3 && (v.ranking.seen.get(v.unit.text) ?? []).some((at) => at > v.index + 2),
  },
  { name: 'prompt', value: (v) => PROMPT.test(v.unit.text) },
  {
    name: 'story-overlap',
    value: (view) => (view.index >= view.ranking.regionStart ? 0 : overlapOf(view)),
  },
  {
    name: 'names-only',
    value: (v) =>
      /[,&]|\sand\s/.test(v.unit.text) &&
      v.unit.text.length <= 80 &&
      namesOnly(v.unit.text.replace(/^[^·|]{1,30}\s[·|]\s/u, '')),
  },
  { name: 'junk', value: (v) => JUNK.test(v.unit.text) },
  { name: 'arrows', value: (v) => ARROWS.test(v.unit.text) },
  {
    name: 'under-related-heading',
    value: (v) => {
      if (v.index >= v.ranking.regionStart) return false;
      for (let j = v.index - 1; j >= Math.max(0, v.index - 12); j--)
        if (v.ranking.units[j]!.boiler === 'related link') return true;
      return false;
    },
  },
  {
    name: 'menu-or-footer',
    value: (v) => FOOTER.test(v.unit.text) || cjkMenu(v.unit.text),
  },
  { name: 'number-share', value: (v) => numberShare(v.unit.text) },
  { name: 'labelled-numbers', value: (v) => labelledNumbers(v.unit.text) },
  {
    // The first lines weigh most (`first-title`, `opens-clean`): figures there are a counter row.
    name: 'figures-first',
    value: (v) =>
      v.index === v.ranking.firstTitle
        ? Math.max(numberShare(v.unit.text), labelledNumbers(v.unit.text))
        : 0,
  },
  { name: 'teaser', value: (v) => TEASER.test(v.unit.text) || MEDIA_TAIL.test(v.unit.text) },
  { name: 'list-item', value: (v) => LIST_ITEM.test(v.unit.text) },
  {
    name: 'caps-label',
    value: (v) => v.unit.size <= 4 && CAPS_LABEL.test(v.unit.text) && /\p{Lu}/u.test(v.unit.text),
  },
  { name: 'opens-clean', value: (v) => v.opening },
  {
    name: 'first-title-near-top',
    value: (v) => v.index === v.ranking.firstTitle && v.ranking.regionStart <= 6,
  },
  { name: 'first-unit', value: (v) => v.index === 0 },
  { name: 'meta-below', value: (v) => v.metaStep >= 0 },
  {
    name: 'meta-right-above',
    value: (v) => v.index > 0 && isMetaLine(v.ranking.units[v.index - 1]!.text),
  },
  { name: 'meta-two-below', value: (v) => v.metaStep === 2 },
  {
    name: 'title-case',
    value: (v) => TITLE_CASE.test(v.unit.text) && titleCased(v.unit.text),
  },
  { name: 'caption', value: (v) => v.unit.size <= 40 && hasCredit(v.unit.text) },
  {
    name: 'credit-tail',
    value: (v) => v.unit.text.length <= 400 && CREDIT_TAIL.test(v.unit.text),
  },
  {
    name: 'tail-of-previous',
    value: (v) => {
      const previous = v.ranking.units[v.index - 1]?.text;
      return previous?.endsWith(v.unit.text) === true && previous !== v.unit.text;
    },
  },
  {
    name: 'next-is-tail',
    value: (v) => {
      const next = v.ranking.units[v.index + 1];
      return (
        next !== undefined &&
        next.text.length >= 8 &&
        v.unit.text.length > next.text.length &&
        v.unit.text.endsWith(next.text)
      );
    },
  },
  {
    name: 'kicker-above',
    value: (v) => kickerOf(v.ranking.units[v.index - 1]?.text ?? '') !== undefined,
  },
  { name: 'short', value: (v) => v.unit.size <= 3 },
  {
    name: 'has-date',
    value: (v) => v.unit.text.length <= 250 && lineDate(v.unit.text) !== undefined,
  },
  // A headline sits between a shorter kicker and a longer deck, right over its metadata.
  { name: 'meta-next', value: (v) => v.metaStep === 0 },
  { name: 'title-like-above', value: (v) => titleBeside(v.ranking, v.index - 1) > 0 },
  { name: 'title-like-below', value: (v) => titleBeside(v.ranking, v.index + 1) > 0 },
  {
    name: 'size-vs-above',
    value: (v) => sizeVersus(v.ranking, v.index - 1, v.unit),
  },
  {
    name: 'size-vs-below',
    value: (v) => sizeVersus(v.ranking, v.index + 1, v.unit),
  },
  { name: 'inner-sentence', value: (v) => INNER_SENTENCE.test(v.unit.text) },
  // A long line that ends a sentence is a deck, a tagline or a teaser's lede rather than a title.
  { name: 'long-sentence', value: (v) => v.unit.size >= 12 && TERMINAL.test(v.unit.text) },
  {
    name: 'story-overlap-low',
    value: (view) =>
      view.unit.size >= 4 && story(view.ranking) !== undefined && overlapOf(view) < 0.2,
  },
  // A headline is printed again around it: a breadcrumb's end, a kicker glued to it, `12 comments on …`.
  { name: 'in-longer-below', value: (v) => (v.near & 1) > 0 },
  { name: 'in-longer-above', value: (v) => (v.near & 2) > 0 },
  { name: 'crumb-end', value: (v) => v.crumb },
  // A kicker or a site name printed on the headline's line, cut off (`Kicker : Headline`, `Headline | Site`).
  { name: 'cut-kicker', value: (v) => v.cut % 2 > 0 },
  { name: 'cut-suffix', value: (v) => v.cut === 2 },
  { name: 'cut-colon', value: (v) => v.cut === 1 },
  { name: 'cut-dash', value: (v) => v.cut === 3 },
  // The share of the line's longer words the story under it has (the next unit, often a deck,
  // left out), inside the region too: chrome, teasers and captions share few of them. 0 on a
  // clean copy, whose deck shares more of them than its headline.
  {
    name: 'story-overlap-below',
    value: (v) =>
      v.unit.size < 2 || cleanCopy(v.ranking)
        ? 0
        : (story(v.ranking, v.index + 2)?.overlap(v.unit.text) ?? 0),
  },
  // Printed again elsewhere on the page (a breadcrumb's end, a share text, a footer's link).
  {
    name: 'repeated',
    value: (v) => (v.ranking.seen.get(v.unit.text) ?? []).some((at) => at !== v.index),
  },
  {
    name: 'cut-printed',
    value: (v) => v.dropped !== '' && v.ranking.seen.has(v.dropped),
  },
  // Page chrome that {@link PROMPT} leaves out: `Close this search box.`, `Leave a Comment`.
  { name: 'chrome', value: (v) => CHROME.test(v.unit.text) },
  // The line under a clean copy's opening line (its headline) is a deck, a byline or the lede.
  {
    name: 'under-opening',
    value: (v) => v.index === v.ranking.firstTitle + 1 && cleanCopy(v.ranking),
  },
  // One of a list of similar lines (a menu, teasers): two or more title-like lines of three or
  // more words within four lines either side, each within 0.6–1.67 times its size.
  {
    name: 'in-list',
    value: (v) => {
      let n = 0;
      for (let j = v.index - 4; j <= v.index + 4; j++) {
        const u = v.ranking.units[j];
        if (
          j !== v.index &&
          u &&
          u.size > 2 &&
          u.size * 0.6 <= v.unit.size &&
          v.unit.size * 0.6 <= u.size &&
          titleLike(u)
        )
          n++;
      }
      return v.unit.size > 2 && n > 1;
    },
  },
  // Printed again as `Headline | Site` or `Headline – Site` (the page's title, a share text), its own
  // line included: a headline cut off a `Headline | Site` line reads it too.
  {
    name: 'echoed',
    value: (v) => v.unit.text.length > 11 && headsOf(v.ranking).has(v.unit.text),
  },
];

/** Names of {@link HEADLINE_FEATURES}, in order. */
export const HEADLINE_FEATURE_NAMES: readonly string[] =
  /* @__PURE__ */ featureNames(HEADLINE_FEATURES);

/** A candidate's view, or undefined when the unit cannot be the headline. */
function viewOf(ranking: Ranking, i: number): HeadlineView | undefined {
  const { units, firstTitle } = ranking;
  const unit = units[i]!;
  // A paragraph is not a headline: titles run to 30 words at most, and a story sentence of
  // twelve words or more is story text.
  if (unit.size > MAX_TITLE_WORDS) return undefined;
  if (unit.size >= 12 && ranking.labels?.[i] === CONTENT && TERMINAL.test(unit.text))
    return undefined;
  const opening = i === firstTitle && opensClean(units, i);
  // A lone bullet line (`■ Title`) is not a list: it may be the title.
  const lone =
    unit.bullet &&
    unit.size >= 4 &&
    ![units[i - 1], units[i + 1]].some((u) => u && (u.bullet || LIST_ITEM.test(u.text))) &&
    !(units[i + 2]?.bullet && units[i + 1]!.size <= 6) &&
    !(units[i - 2]?.bullet && units[i - 1]!.size <= 6);
  const crumb = crumbEnd(units, i);
  if (!titleLike(unit, opening, unit.bullet && !lone && !crumb)) return undefined;
  if (AGE_NOTICE.test(unit.text)) return undefined;
  return {
    ranking,
    index: i,
    unit,
    opening,
    metaStep: metaStepOf(ranking, i),
    overlap: -1,
    crumb,
    near: nearbyContainment(ranking, i, unit),
    cut: 0,
    dropped: '',
  };
}

/** Where a kicker or a site name may be cut off a line: `Kicker : Headline`, `Headline | Site`, `Section / Headline`. */
const CUT = /\s[:|–—/·-]\s/gu;

/**
 * The parts of a line a kicker or a site name can be cut off, as `[cut, part, dropped]` (see
 * {@link HeadlineView.cut}): the part after the first separator when at most five words stand
 * before it, the part before the last one (not a colon) when at most four stand after it; both
 * parts of three words or more.
 */
function cutsOf(text: string): Array<[number, string, string]> {
  const out: Array<[number, string, string]> = [];
  const all = [...text.matchAll(CUT)];
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return out;
  const head = text.slice(0, first.index).trim();
  const tail = text.slice(first.index + 3).trim();
  const mark = first[0][1]!;
  if (sizeOf(head) <= 5 && sizeOf(tail) >= 3)
    out.push([mark === ':' ? 1 : '–—-'.includes(mark) ? 3 : 5, tail, head]);
  const before = text.slice(0, last.index).trim();
  const after = text.slice(last.index + 3).trim();
  if (last[0][1] !== ':' && sizeOf(after) <= 4 && sizeOf(before) >= 3) out.push([2, before, after]);
  return out;
}

/** Most words of a headline candidate. */
const MAX_TITLE_WORDS = 30;

/** Most candidates ranked per page (the nearest to the story's start). */
const MAX_CANDIDATES = 250;

/**
 * The headline candidates of a page and their feature vectors (for ranking, and for
 * training): every title-like unit with at least half of the story below it, the nearest
 * {@link MAX_CANDIDATES} to the story, and the first title-like unit of the text.
 */
export function headlineCandidates(
  units: readonly Unit[],
  labels: Uint8Array | undefined,
): Array<{ index: number; features: Float64Array; meta: boolean; text: string }> {
  const out: Array<{ index: number; features: Float64Array; meta: boolean; text: string }> = [];
  eachHeadlineCandidate(units, labels, (index, features, meta, text) => {
    out.push({ index, features: features.slice(), meta, text: text ?? units[index]!.text });
  });
  return out;
}

/** The vector {@link eachHeadlineCandidate} reads each candidate's features into. */
const headlineScratch = new Float64Array(HEADLINE_FEATURES.length);

/**
 * Each of {@link headlineCandidates} in turn, its features in one reused vector (copy it to
 * keep it).
 */
function eachHeadlineCandidate(
  units: readonly Unit[],
  labels: Uint8Array | undefined,
  visit: (index: number, features: Float64Array, meta: boolean, text?: string) => void,
): void {
  const n = units.length;
  const contentBefore = new Float64Array(n + 1);
  const wordsBefore = new Float64Array(n + 1);
  let regionStart = -1;
  for (let i = 0; i < n; i++) {
    const inStory = !labels || labels[i] === CONTENT;
    if (inStory && regionStart < 0) regionStart = i;
    contentBefore[i + 1] = contentBefore[i]! + (inStory ? units[i]!.size : 0);
    wordsBefore[i + 1] = wordsBefore[i]! + units[i]!.size;
  }
  if (regionStart < 0) regionStart = 0;
  const ranking: Ranking = {
    units,
    regionStart,
    labels,
    contentBefore,
    wordsBefore,
    firstTitle: firstTitleIndex(units),
    seen: seenLines(units),
    storyWords: new Map(),
    metaSteps: new Map(),
  };
  // Candidates: at least half of the story below them.
  let last = 0;
  while (last < n - 1 && storyAbove(ranking, last + 1) <= 0.5) last++;
  const first = Math.max(0, last - MAX_CANDIDATES + 1);
  const indices = ranking.firstTitle < first ? [ranking.firstTitle] : [];
  for (let i = first; i <= last; i++) indices.push(i);
  const features = headlineScratch;
  for (const i of indices) {
    const view = viewOf(ranking, i);
    if (!view) continue;
    const meta = view.metaStep >= 0;
    visit(i, extractFeatures(HEADLINE_FEATURES, view, features), meta);
    // A kicker or a site name is glued to a headline above the story, not to story text.
    if (labels?.[i] === CONTENT) continue;
    for (const [cut, text, dropped] of cutsOf(view.unit.text)) {
      const unit = { ...view.unit, text, size: sizeOf(text) };
      if (!titleLike(unit, view.opening)) continue;
      const near = nearbyContainment(ranking, i, unit);
      const part = { ...view, unit, overlap: -1, crumb: false, near, cut, dropped };
      visit(i, extractFeatures(HEADLINE_FEATURES, part, features), meta, text);
    }
  }
}

/**
 * Rank the units that could be the headline: title-like lines above the article region (or
 * at its top), scored by the headline model (shape, closeness, the metadata under them,
 * repetition elsewhere in the page, …). Best first. With an `anchor` model, each candidate's
 * score by it too (see `TextWeights.anchor`).
 */
export function rankHeadlines(
  units: readonly Unit[],
  labels: Uint8Array | undefined,
  model: CompiledModel,
  anchor?: CompiledModel,
): HeadlineCandidate[] {
  const ranked: HeadlineCandidate[] = [];
  eachHeadlineCandidate(units, labels, (index, features, meta, text) => {
    const candidate: HeadlineCandidate = { index, score: linearScore(model, features) };
    if (anchor) candidate.anchor = linearScore(anchor, features);
    if (meta) candidate.meta = true;
    if (text !== undefined) candidate.text = text;
    ranked.push(candidate);
  });
  return ranked.sort((a, b) => b.score - a.score || a.index - b.index);
}
