import { looksLikeByline } from '../fields/parse-byline.js';
import { findDate } from '../fields/parse-date.js';
import type { ElementCache, HtmlElement } from './build-tree.js';
import type { Unit, UnitKind } from './segment.js';
import { classAndId as classAndIdOf, someAncestor } from './tree-text.js';

/**
 * Words of class and id names the model has a weight for. The weights themselves are
 * learned (see `scripts/train-html.mjs`); this list only says which words to look at.
 * A word matches a class or id token exactly, or as its start when it is 4 letters or more.
 */
export const classWords = [
  // Words that name story containers.
  'article',
  'content',
  'story',
  'body',
  'post',
  'entry',
  'text',
  'main',
  'blog',
  'news',
  'column',
  'paragraph',
  'rich',
  'prose',
  'copy',
  'detail',
  'page',
  'lead',
  'intro',
  // Words that name furniture.
  'nav',
  'menu',
  'header',
  'footer',
  'comment',
  'share',
  'social',
  'related',
  'recommend',
  'promo',
  'ad',
  'ads',
  'advert',
  'sponsor',
  'sidebar',
  'aside',
  'widget',
  'cookie',
  'consent',
  'subscri',
  'newsletter',
  'signup',
  'login',
  'breadcrumb',
  'tag',
  'meta',
  'author',
  'byline',
  'date',
  'time',
  'caption',
  'credit',
  'modal',
  'popup',
  'banner',
  'teaser',
  'card',
  'list',
  'more',
  'trending',
  'popular',
  'outbrain',
  'taboola',
  'skip',
  'tool',
  'pagination',
  'next',
  'prev',
  'print',
  'search',
  'masthead',
  'logo',
  'title',
  'headline',
  'hidden',
  'foot',
  'note',
  'bio',
  'disclaimer',
  'copyright',
  'legal',
  'embed',
  'media',
  'image',
  'photo',
  'video',
  'gallery',
  'quote',
  'summary',
  'excerpt',
  'widget',
  'follow',
  'contact',
  'topic',
  'categor',
  'label',
  'button',
  'link',
  'wrap',
  'container',
  'col',
  'row',
  'grid',
] as const;

const uniqueClassWords: readonly string[] = [...new Set<string>(classWords)];

/** Ancestor elements the model has a weight for. */
const ancestorTags = [
  'nav',
  'header',
  'footer',
  'aside',
  'article',
  'main',
  'form',
  'li',
  'a',
  'figure',
  'table',
  'blockquote',
  'address',
  'menu',
  'section',
  'center',
  'font',
] as const;

/** ARIA roles the model has a weight for. */
const roles = [
  'navigation',
  'contentinfo',
  'complementary',
  'main',
  'article',
  'banner',
  'dialog',
  'search',
] as const;

const kinds: readonly UnitKind[] = [
  'paragraph',
  'heading',
  'list',
  'quote',
  'code',
  'table',
  'figure',
  'embed',
  'divider',
];

/** The names of the features, in vector order: the generated weights follow this order. */
export const featureNames: readonly string[] = [
  'bias',
  ...kinds.map((kind) => `kind:${kind}`),
  'heading:h1',
  'heading:h2',
  'heading:h3+',
  'element:p',
  'element:div-run',
  'chars:log',
  'words:log',
  'chars:short',
  'chars:long',
  'links:density',
  'links:all',
  'text:sentence-end',
  'text:commas',
  'text:digits',
  'text:upper',
  'text:separators',
  'depth:relative',
  'position:unit',
  'position:offset',
  'top:inside',
  'top:parent',
  'top:none',
  'field:byline',
  'field:date',
  'field:title',
  'itemprop:articleBody',
  ...ancestorTags.map((tag) => `in:${tag}`),
  ...roles.map((role) => `role:${role}`),
  ...uniqueClassWords.map((word) => `class:${word}`),
  ...uniqueClassWords.map((word) => `own:${word}`),
  'prev:links',
  'prev:chars',
  'prev:paragraph',
  'next:links',
  'next:chars',
  'next:paragraph',
  'siblings:chars',
  'siblings:links',
  'top:before',
  'top:after',
  'article:other',
  'repeat:parent',
  'repeat:above',
  'says:cookies',
  'says:subscribe',
  'says:comments',
  'says:rights',
  'says:share',
  'says:read-more',
  'says:more-info',
  'says:support',
  'says:credit',
  'comment:near',
  'comment:repeated',
  'text:repeated',
  'h1:before',
  'h1:none',
  'top:before-distance',
  'top:after-distance',
  'top:branch',
  'top:branch-far',
  'top:same-signature',
];

const featureIndex = new Map(featureNames.map((name, index) => [name, index]));

/** Vector positions of the per-word and per-tag features, looked up once. */
const classPosition = new Map(
  uniqueClassWords.map((word) => [word, featureIndex.get(`class:${word}`)!]),
);
/** `own:` features follow the `class:` features word for word: one offset leads from one to the other. */
const ownOffset =
  featureIndex.get(`own:${uniqueClassWords[0]}`)! - classPosition.get(uniqueClassWords[0]!)!;
for (const word of uniqueClassWords) {
  if (featureIndex.get(`own:${word}`) !== classPosition.get(word)! + ownOffset)
    throw new Error(`Feature own:${word} is out of step with class:${word}`);
}
const tagPosition = new Map<string, number>(
  ancestorTags.map((tag) => [tag, featureIndex.get(`in:${tag}`)!]),
);
const rolePosition = new Map<string, number>(
  roles.map((role) => [role, featureIndex.get(`role:${role}`)!]),
);

function index(name: string): number {
  const found = featureIndex.get(name);
  if (found === undefined) throw new Error(`Unknown feature ${name}`);
  return found;
}

const exactWords: ReadonlySet<string> = new Set(uniqueClassWords.filter((word) => word.length < 4));

/** The prefix words (4 letters or more) by their first three letters, in `classWords` order. */
const prefixWordsByHead = new Map<string, string[]>();
for (const word of uniqueClassWords) {
  if (word.length < 4) continue;
  const head = word.slice(0, 3);
  const list = prefixWordsByHead.get(head);
  if (list) list.push(word);
  else prefixWordsByHead.set(head, [word]);
}

/**
 * The class words of each class or id string met lately: pages repeat the same few class
 * names on many elements. Cleared when it grows past a bound, so memory stays flat.
 */
const wordsByName = new Map<string, readonly string[]>();
const wordsByNameBound = 4096;
const noWords: readonly string[] = [];

/** The class words of one class or id attribute. */
function wordsOfName(value: string): readonly string[] {
  let words = wordsByName.get(value);
  if (words === undefined) {
    const found = new Set<string>();
    // The tokens: runs of `[a-z0-9]` of the lower-cased value, camelCase split (`mainNav`).
    // An ASCII value keeps its offsets when lower-cased, and its camelCase is read as it goes;
    // another is split before (lower-casing can change its length).
    const ascii = !/[^\0-\x7f]/u.test(value);
    const lower = (ascii ? value : value.replace(/([a-z])([A-Z])/gu, '$1 $2')).toLowerCase();
    for (let at = 0, start = 0; at <= lower.length; at++) {
      const code = lower.charCodeAt(at);
      const inToken = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
      if (
        inToken &&
        !(
          ascii &&
          at > start &&
          code !== value.charCodeAt(at) &&
          lower.charCodeAt(at - 1) === value.charCodeAt(at - 1) &&
          lower.charCodeAt(at - 1) >= 97
        )
      )
        continue;
      // The token `start`…`at`: a short one is a word or none, a longer one starts with words.
      const length = at - start;
      if (length > 0 && length < 4) {
        const token = lower.slice(start, at);
        if (exactWords.has(token)) found.add(token);
      } else if (length >= 4 && length <= 40)
        for (const word of prefixWordsByHead.get(lower.slice(start, start + 3)) ?? noWords)
          if (word.length <= length && lower.startsWith(word, start)) found.add(word);
      start = inToken ? at : at + 1;
    }
    words = found.size === 0 ? noWords : [...found];
    if (wordsByName.size >= wordsByNameBound) wordsByName.clear();
    wordsByName.set(value, words);
  }
  return words;
}

/**
 * The class words of an element's class and id (the tokens of `${class} ${id}` are those of
 * the class followed by those of the id: each attribute is read once per distinct value).
 */
function classWordsOf(element: HtmlElement): readonly string[] {
  const className = element.attributes.class;
  const id = element.attributes.id;
  const ofClass = className === undefined ? noWords : wordsOfName(className);
  const ofId = id === undefined ? noWords : wordsOfName(id);
  if (ofId.length === 0) return ofClass;
  if (ofClass.length === 0) return ofId;
  return [...new Set([...ofClass, ...ofId])];
}

const noPositions: readonly number[] = [];

/** The `class:` feature positions of an element's class words, read once per element. */
function classPositionsOf(element: HtmlElement): readonly number[] {
  let positions = element.classPositions;
  if (positions === undefined) {
    const words = classWordsOf(element);
    positions = words.length === 0 ? noPositions : words.map((word) => classPosition.get(word)!);
    element.classPositions = positions;
  }
  return positions;
}

/** How far up ancestors are looked at. */
const ancestorReach = 40;

/** Things about a page the features of its units need. */
export interface PageContext {
  /** The element holding the most paragraph text. */
  top: HtmlElement | undefined;
  /** Length of the decoded page. */
  length: number;
  /** The deepest unit. */
  maxDepth: number;
  /** Token sets of the page's title candidates, for `field:title`. */
  titles: ReadonlyArray<ReadonlySet<string>>;
}

/**
 * Lower-case word tokens (runs of `\p{L}` and `\p{N}`), for comparing short texts. One pass
 * over the lower-cased text, ASCII classified by code (the same tokens as matching
 * `/[\p{L}\p{N}]+/gu`, checked by a property test).
 */
export function wordSet(text: string): Set<string> {
  const lower = text.toLowerCase();
  const words = new Set<string>();
  let start = -1;
  for (let at = 0; at < lower.length; at++) {
    const code = lower.charCodeAt(at);
    let inWord: boolean;
    let width = 1;
    if (code < 128)
      inWord =
        (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    else {
      const kind = kindAt(lower, at);
      if (kind > 8) width = 2;
      inWord = (kind & 7) > 1;
    }
    if (inWord) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      words.add(lower.slice(start, at));
      start = -1;
    }
    at += width - 1;
  }
  if (start >= 0) words.add(lower.slice(start));
  return words;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const word of a) if (b.has(word)) common++;
  return (2 * common) / (a.size + b.size);
}

/**
 * The element with the most paragraph text under it, Readability's way of scoring: each
 * paragraph of 25 characters or more gives its parent a point per comma and per 100
 * characters (at most 3), and half of that to its grandparent. Paragraphs in comment sections
 * count only when the page has no other.
 */
export function topContainer(units: readonly Unit[]): HtmlElement | undefined {
  return bestContainer(units, true) ?? bestContainer(units, false);
}

/**
 * {@link topContainer}'s scoring, with or without the paragraphs of comment sections: a reader
 * thread longer than the story must not become the story's container.
 */
function bestContainer(units: readonly Unit[], skipComments: boolean): HtmlElement | undefined {
  const scores = new Map<HtmlElement, number>();
  for (let at = 0; at < units.length; at++) {
    const unit = units[at]!;
    if (unit.kind !== 'paragraph' && unit.kind !== 'quote') continue;
    if (unit.text.length < 25) continue;
    if (skipComments && inCommentSection(unit.element)) continue;
    const links = unit.linkChars / unit.text.length;
    if (links > 0.5) continue;
    const score =
      (1 + (unit.text.match(/,/gu)?.length ?? 0) + Math.min(3, unit.text.length / 100)) *
      (1 - links);
    const parent = unit.nodes ? unit.element : unit.element.parent;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parent;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let best: HtmlElement | undefined;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) {
      best = element;
      bestScore = score;
    }
  }
  return best;
}

/** An element's cache of features.ts, made on first use. */
function cacheOf(element: HtmlElement): ElementCache {
  let cache = element.cache;
  if (cache === undefined) {
    cache = {};
    element.cache = cache;
  }
  return cache;
}

/** The element itself or its nearest `<article>` ancestor (read once per element, iterative). */
function nearestArticle(element: HtmlElement): HtmlElement | undefined {
  // The elements passed on the way up, the element itself apart: it is not marked (its parent
  // is), since a page of 100,000 paragraphs would keep a cache object alive for each, and
  // asking again costs one step more.
  let path: HtmlElement[] | undefined;
  let found: HtmlElement | null = null;
  for (let current: HtmlElement | undefined = element; current; current = current.parent) {
    const known = current.cache?.article;
    if (known !== undefined) {
      found = known;
      break;
    }
    if (current.name === 'article') {
      found = current;
      break;
    }
    if (current === element) continue;
    if (path) path.push(current);
    else path = [current];
  }
  if (path) for (let at = 0; at < path.length; at++) cacheOf(path[at]!).article = found;
  return found ?? undefined;
}

/** Class and id words of comment sections (`commentary` is a story's word, not one of them). */
const commentSection =
  /(?:^|[\s_-])(?:comment(?!ary|ator)|repl(?:y|ies)(?:$|[\s_-])|disqus|discussion)/u;

/** Whether an element's own class or id names a comment section (read once per element). */
function namesComments(element: HtmlElement): boolean {
  const words = classAndIdOf(element);
  // Without class and id (most elements), nothing to read and no cache to make.
  if (words === '') return false;
  const cache = cacheOf(element);
  let comment = cache.comment;
  if (comment === undefined) {
    comment = commentSection.test(words);
    cache.comment = comment;
  }
  return comment;
}

/** Whether a block sits in a comment section: an ancestor within 8 levels says so. */
const inCommentSection = (element: HtmlElement) => someAncestor(element, 8, namesComments);

const articleBodyPosition = featureIndex.get('itemprop:articleBody')!;

/** Positions an element sets for the units under it, its tag apart: role, microdata, class words. */
function elementPositions(element: HtmlElement): readonly number[] {
  const classes = classPositionsOf(element);
  const role: string | undefined = element.attributes.role;
  const roleAt = role === undefined ? undefined : rolePosition.get(role);
  const articleBody = element.attributes.itemprop?.includes('articleBody') === true;
  if (roleAt === undefined && !articleBody) return classes;
  const positions = [...classes];
  if (roleAt !== undefined) positions.push(roleAt);
  if (articleBody) positions.push(articleBodyPosition);
  return positions;
}

/**
 * Positions set by an element and every ancestor of it (tags included), read once per
 * element: the units of one container share it.
 */
function chainPositions(element: HtmlElement): readonly number[] {
  const cached = element.cache?.chain;
  if (cached) return cached;
  // Iterative: find the nearest ancestor already read, then fill downwards.
  const path: HtmlElement[] = [];
  let base: readonly number[] = noPositions;
  for (let current: HtmlElement | undefined = element; current; current = current.parent) {
    const known = current.cache?.chain;
    if (known) {
      base = known;
      break;
    }
    path.push(current);
  }
  for (let index = path.length - 1; index >= 0; index--) {
    const current = path[index]!;
    const own = elementPositions(current);
    const tagAt = tagPosition.get(current.name);
    // A copy only when the element adds a position its parent's chain does not hold (most
    // elements add none: the chain is shared, not copied).
    let chain = base;
    for (let at = 0; at <= own.length; at++) {
      const position = at < own.length ? own[at]! : tagAt;
      if (position === undefined || chain.includes(position)) continue;
      if (chain === base) chain = [...base];
      (chain as number[]).push(position);
    }
    base = chain;
    cacheOf(current).chain = base;
  }
  return base;
}

/** The first class of a `class` attribute. */
const firstClass = /\S+/u;

/** How far above a unit repeated blocks are looked for. */
const repeatReach = 6;

/**
 * What a short text says about itself, in the languages of the corpora: words of cookie and
 * privacy notices, newsletter and subscription offers, comment sections, rights notices and
 * share buttons. Each is one feature; its weight is learned. The patterns are lower case and
 * tested on the lower-cased text: case-insensitive Unicode patterns are ~20 times slower in V8.
 */
const saysPatterns: ReadonlyArray<readonly [string, RegExp]> = [
  [
    'says:cookies',
    /\bcookies?\b|\bprivacy\b|\bconsent\b|datenschutz|confidentialit|privacidad|privacidade/,
  ],
  [
    'says:subscribe',
    /\bsubscri|\bnewsletter|\bsign(?:ing)? up\b|\binbox\b|abonn|\binscr[ií]|\bsuscr[ií]|\bassin/,
  ],
  ['says:comments', /\bcomments?\b|\brepl(?:y|ies)\b|kommentar|commentaire|coment[aá]rio/],
  [
    'says:rights',
    /©|\bcopyright\b|all rights reserved|alle rechte|tous droits|derechos reservados/,
  ],
  ['says:share', /\bshare\b|\bteilen\b|partager|compartir|compartilhe|\btweet\b/],
];

/**
 * More of what a short text says, each tested on its own (one pattern joining them with the
 * ones above is too large for the ReDoS checker to decide).
 */
const saysMorePatterns: ReadonlyArray<readonly [string, RegExp]> = [
  // A pointer to other stories opening the text (`Lesen Sie auch: …`, `Read more: …`).
  [
    'says:read-more',
    /^\W{0,3}(?:read (?:more|also)|also read|see also|related|more on this|you (?:may|might) also|lesen sie (?:auch|mehr)|auch lesen|mehr zum thema|weiterlesen|lesetipp|das könnte sie auch|vorschau auf|à lire aussi|a lire aussi|lire aussi|lee también|lea también|ver también|puedes ver|leia também|leia mais|leggi anche)/,
  ],
  // A label for contacts, sources or links opening the text (`Weitere Informationen:`, `Quelle: …`).
  [
    'says:more-info',
    /^\W{0,3}(?:weitere (?:informationen|infos)|mehr (?:informationen|infos)|zusatzinformationen|kontakt\b|quellen?(?:angaben)?\b|more information|further information|more info\b|contact\b|sources?\s*:|plus d'informations|pour en savoir plus|más información|fuentes?\s*:|contacto\b|per saperne di più|mais informações)/,
  ],
  // An appeal to the reader: support, donate, get the app, follow, write to the editor.
  [
    'says:support',
    /\bsupport (?:our|us|independent)\b|unterstützen sie|jetzt unterstützen|spenden sie|jede (?:kleine )?spende|\bdonate\b|enjoyed (?:reading )?this|letter to the editor|leserbrief|get the latest|never miss|don't miss|nichts (?:mehr )?verpassen|download (?:the|our) app|\b(?:our|unsere) app\b|follow us|folgen sie uns|suivez-nous|síguenos/,
  ],
  // A picture's label opening the text (`Foto: …`, `Abbildung: …`, `(Credit: …)`).
  [
    'says:credit',
    /^\W{0,3}(?:foto|photo|bild|image|credit|abbildung|fotos|photos|bildquelle|picture|illustration)s?\s*:|\((?:credit|photo|foto|bild)\s*:/,
  ],
];

const letterPattern = /\p{L}/u;
const upperPattern = /\p{Lu}/u;
const numberPattern = /\p{N}/u;

/**
 * What each code unit outside surrogates is, once the Unicode property patterns have read
 * it: 0 not read yet, 1 neither letter nor number, 2 letter, 3 capital, 4 number.
 */
const codeKinds = new Uint8Array(0x10000);

/**
 * What the code point at `at` is, in {@link codeKinds}' numbers, plus 8 when it takes two code
 * units (read by the patterns each time; pages seldom write such characters).
 */
function kindAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  const pair = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  let kind = pair ? 0 : codeKinds[code]!;
  if (kind === 0) {
    const character = pair ? text.slice(at, at + 2) : text[at]!;
    kind = letterPattern.test(character)
      ? upperPattern.test(character)
        ? 3
        : 2
      : numberPattern.test(character)
        ? 4
        : 1;
    if (pair) return kind + 8;
    codeKinds[code] = kind;
  }
  return kind;
}

/**
 * Letters (`\p{L}`), capitals (`\p{Lu}`), numbers (`\p{N}`), commas (`,，、`), separators
 * (`|•·»/`) and words (runs of letters and numbers, as {@link wordSet} reads them) of a text,
 * counted in one pass without allocating per character (ASCII is classified by code, other
 * code points by the Unicode property patterns).
 */
export function characterCounts(text: string, into?: CharacterCounts): CharacterCounts {
  let letters = 0;
  let upper = 0;
  let digits = 0;
  let commas = 0;
  let separators = 0;
  let words = 0;
  let inWord = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 128) {
      if (code >= 97 && code <= 122) letters++;
      else if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      } else if (code >= 48 && code <= 57) digits++;
      else {
        if (code === 44) commas++;
        else if (code === 124 || code === 47) separators++;
        inWord = false;
        continue;
      }
      if (!inWord) words++;
      inWord = true;
      continue;
    }
    if (code === 0xff0c || code === 0x3001) {
      commas++;
      inWord = false;
      continue;
    }
    if (code === 0x2022 || code === 0xb7 || code === 0xbb) {
      separators++;
      inWord = false;
      continue;
    }
    let kind = kindAt(text, at);
    if (kind > 8) {
      kind -= 8;
      at++;
    }
    if (kind === 1) {
      inWord = false;
      continue;
    }
    if (kind === 4) digits++;
    else {
      letters++;
      if (kind === 3) upper++;
    }
    if (!inWord) words++;
    inWord = true;
  }
  if (!into) return { letters, upper, digits, commas, separators, words };
  into.letters = letters;
  into.upper = upper;
  into.digits = digits;
  into.commas = commas;
  into.separators = separators;
  into.words = words;
  return into;
}

/** What {@link characterCounts} counts. */
export interface CharacterCounts {
  letters: number;
  upper: number;
  digits: number;
  commas: number;
  separators: number;
  words: number;
}

/** Vector positions of the features {@link unitFeatures} sets by name, looked up once. */
const atBias = index('bias');
const atH1 = index('heading:h1');
const atH2 = index('heading:h2');
const atH3 = index('heading:h3+');
const atP = index('element:p');
const atDivRun = index('element:div-run');
const atCharsLog = index('chars:log');
const atWordsLog = index('words:log');
const atShort = index('chars:short');
const atLong = index('chars:long');
const atLinks = index('links:density');
const atLinksAll = index('links:all');
const atSentenceEnd = index('text:sentence-end');
const atCommas = index('text:commas');
const atDigits = index('text:digits');
const atUpper = index('text:upper');
const atSeparators = index('text:separators');
const atDepth = index('depth:relative');
const atUnit = index('position:unit');
const atOffset = index('position:offset');
const atTopInside = index('top:inside');
const atTopParent = index('top:parent');
const atTopNone = index('top:none');
const atTopBefore = index('top:before');
const atTopBeforeDistance = index('top:before-distance');
const atTopAfter = index('top:after');
const atTopAfterDistance = index('top:after-distance');
const atBranch = index('top:branch');
const atBranchFar = index('top:branch-far');
const atSameSignature = index('top:same-signature');
const atH1None = index('h1:none');
const atH1Before = index('h1:before');
const atArticleOther = index('article:other');
const atRepeatParent = index('repeat:parent');
const atRepeatAbove = index('repeat:above');
const atCommentNear = index('comment:near');
const atCommentRepeated = index('comment:repeated');
const atTextRepeated = index('text:repeated');
const atByline = index('field:byline');
const atDate = index('field:date');
const atTitle = index('field:title');
const atPrevLinks = index('prev:links');
const atPrevChars = index('prev:chars');
const atPrevParagraph = index('prev:paragraph');
const atNextLinks = index('next:links');
const atNextChars = index('next:chars');
const atNextParagraph = index('next:paragraph');
const atSiblingsChars = index('siblings:chars');
const atSiblingsLinks = index('siblings:links');
const kindPosition = new Map<UnitKind, number>(kinds.map((kind) => [kind, index(`kind:${kind}`)]));
const saysPositions: ReadonlyArray<readonly [number, RegExp]> = saysPatterns.map(
  ([name, pattern]) => [index(name), pattern] as const,
);
/** Any of the `says:` patterns: most texts say none, and one search rules all five out. */
const saysAny = new RegExp(saysPatterns.map(([, pattern]) => pattern.source).join('|'), 'u');
const saysMorePositions: ReadonlyArray<readonly [number, RegExp]> = saysMorePatterns.map(
  ([name, pattern]) => [index(name), pattern] as const,
);
const sentenceEnd = /[.!?…。！？]["'”’»)]?$/u;

/** An element's tag and first class, read once per element. */
function signatureOf(element: HtmlElement): string {
  const cache = cacheOf(element);
  let signature = cache.signature;
  if (signature === undefined) {
    const className = element.attributes.class;
    const first = className === undefined ? '' : (firstClass.exec(className)?.[0] ?? '');
    signature = `${element.name} ${first}`;
    cache.signature = signature;
  }
  return signature;
}

/** How many siblings share an element's tag and first class (children counted once per parent). */
function repeatsOf(element: HtmlElement): number {
  const cache = cacheOf(element);
  if (cache.repeats !== undefined) return cache.repeats;
  const parent = cacheOf(element.parent!);
  let counts = parent.childSignatures;
  if (!counts) {
    counts = new Map();
    for (const child of element.parent!.children) {
      if (child.type !== 'element') continue;
      const key = signatureOf(child);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    parent.childSignatures = counts;
  }
  const repeats = (counts.get(signatureOf(element)) ?? 1) - 1;
  cache.repeats = repeats;
  return repeats;
}

/** Sets `x` to 1 at each of `positions` plus `offset`. */
function setAll(x: Float64Array, positions: readonly number[], offset: number): void {
  for (let at = 0; at < positions.length; at++) x[positions[at]! + offset] = 1;
}

/** Feature vectors of a page's units, one `Float64Array` per unit, in `featureNames` order. */
export function unitFeatures(units: readonly Unit[], page: PageContext): Float64Array[] {
  const size = featureNames.length;
  // One buffer for the page, one view per unit: a typed array per unit costs an allocation each.
  const buffer = new Float64Array(units.length * size);
  const vectors: Float64Array[] = [];
  eachUnitVector(
    units,
    page,
    (index) => buffer.subarray(index * size, (index + 1) * size),
    (x) => vectors.push(x),
  );
  return vectors;
}

/**
 * Each unit's score: its feature vector is made in one buffer, reused unit after unit, and
 * handed to `score`, which must leave it all zeros for the next (model.ts's `scoreAndClear`
 * does, clearing only what it reads as non-zero). What parseHtml needs to score the units
 * without keeping all their vectors (290 numbers each, 2.3 kB) alive at once.
 */
export function scoreUnits(
  units: readonly Unit[],
  page: PageContext,
  score: (x: Float64Array) => number,
): number[] {
  const x = new Float64Array(featureNames.length);
  const scores: number[] = [];
  eachUnitVector(
    units,
    page,
    () => x,
    () => scores.push(score(x)),
  );
  return scores;
}

/** Fill the vector `vectorAt(index)` gives (all zeros) for each unit in turn, then visit it. */
function eachUnitVector(
  units: readonly Unit[],
  page: PageContext,
  vectorAt: (index: number) => Float64Array,
  visit: (x: Float64Array, index: number) => void,
): void {
  // Sibling statistics: units sharing a parent element.
  const siblings = new Map<
    HtmlElement | undefined,
    { chars: number; links: number; count: number }
  >();
  const parentOf = (unit: Unit) => (unit.nodes ? unit.element : unit.element.parent);
  // (Indexed loops over the units: iterators allocate in code that runs once a page.)
  for (let at = 0; at < units.length; at++) {
    const unit = units[at]!;
    const key = parentOf(unit);
    const entry = siblings.get(key) ?? { chars: 0, links: 0, count: 0 };
    entry.chars += unit.text.length;
    entry.links += unit.linkChars;
    entry.count++;
    siblings.set(key, entry);
  }
  const topArticle = page.top ? (nearestArticle(page.top) ?? null) : undefined;
  // The first and last units in the story container, and the first <h1>.
  let firstInTop = -1;
  let lastInTop = -1;
  if (page.top) {
    const { start, end } = page.top;
    for (let at = 0; at < units.length; at++) {
      const unit = units[at]!;
      if (unit.start < start || unit.start >= end) continue;
      if (firstInTop < 0) firstInTop = at;
      lastInTop = at;
    }
  }
  const firstH1 = units.findIndex((unit) => unit.kind === 'heading' && unit.element.name === 'h1');
  // The story container's tag and first class, when it has a class (a bare `div` is no sign).
  const topSignature =
    page.top?.attributes.class !== undefined && !signatureOf(page.top).endsWith(' ')
      ? signatureOf(page.top)
      : undefined;
  // How many levels above the story container a unit's branch leaves its line of ancestors:
  // 0 inside it, 1 beside it (a standfirst in its parent), more in a sidebar or footer.
  const branchLevels = new Map<HtmlElement, number>();
  if (page.top) {
    let level = 0;
    for (let element: HtmlElement | undefined = page.top; element; element = element.parent)
      branchLevels.set(element, level++);
  }
  const branchOf = (element: HtmlElement): number => {
    // The unit's own element is not remembered (a page of 100,000 paragraphs would hold an
    // entry for each; no other unit asks for it, and its parent answers in one step).
    const own = branchLevels.get(element);
    if (own !== undefined) return own;
    let path: HtmlElement[] | undefined;
    let found = -1;
    for (let current = element.parent; current; current = current.parent) {
      const known = branchLevels.get(current);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (path) path.push(current);
      else path = [current];
    }
    if (path) for (let at = 0; at < path.length; at++) branchLevels.set(path[at]!, found);
    return found;
  };
  // One record of character counts, filled again for each unit (read before the next).
  const scratchCounts: CharacterCounts = {
    letters: 0,
    upper: 0,
    digits: 0,
    commas: 0,
    separators: 0,
    words: 0,
  };
  // Texts printed more than once (captions repeated by slideshows, teasers, share buttons).
  const textCounts = new Map<string, number>();
  for (let at = 0; at < units.length; at++) {
    const text = units[at]!.text;
    if (text.length >= 15) textCounts.set(text, (textCounts.get(text) ?? 0) + 1);
  }
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    const x = vectorAt(index);
    x[atBias] = 1;
    x[kindPosition.get(unit.kind)!] = 1;
    const name = unit.element.name;
    if (unit.kind === 'heading') x[name === 'h1' ? atH1 : name === 'h2' ? atH2 : atH3] = 1;
    if (!unit.nodes && name === 'p') x[atP] = 1;
    if (unit.nodes) x[atDivRun] = 1;
    const chars = unit.text.length;
    const counts = chars > 0 ? characterCounts(unit.text, scratchCounts) : undefined;
    const words = counts?.words ?? 0;
    x[atCharsLog] = Math.log1p(chars) / 8;
    x[atWordsLog] = Math.log1p(words) / 6;
    if (chars < 40) x[atShort] = 1;
    if (chars > 400) x[atLong] = 1;
    const links = chars === 0 ? 0 : Math.min(1, unit.linkChars / chars);
    x[atLinks] = links;
    if (links > 0.95) x[atLinksAll] = 1;
    if (sentenceEnd.test(unit.text)) x[atSentenceEnd] = 1;
    if (counts) {
      x[atCommas] = Math.min(1, (counts.commas * 50) / chars);
      x[atDigits] = counts.digits / chars;
      x[atUpper] = counts.letters === 0 ? 0 : counts.upper / counts.letters;
      x[atSeparators] = Math.min(1, (counts.separators * 20) / chars);
    }
    x[atDepth] = page.maxDepth === 0 ? 0 : unit.depth / page.maxDepth;
    x[atUnit] = units.length <= 1 ? 0 : index / (units.length - 1);
    x[atOffset] = page.length === 0 ? 0 : unit.start / page.length;
    if (!page.top) x[atTopNone] = 1;
    else {
      // The level at which the unit's branch leaves the story container's line of ancestors:
      // 0 inside the container, 1 in its parent.
      const branch = branchOf(unit.element);
      if (branch === 0) x[atTopInside] = 1;
      else {
        if (branch === 1) x[atTopParent] = 1;
        // Outside the story container: before it (header matter) or after it (comments, teasers).
        if (unit.start < page.top.start) {
          x[atTopBefore] = 1;
          if (firstInTop >= 0) x[atTopBeforeDistance] = Math.min(1, (firstInTop - index) / 20);
        } else if (unit.start >= page.top.end) {
          x[atTopAfter] = 1;
          if (lastInTop >= 0) x[atTopAfterDistance] = Math.min(1, (index - lastInTop) / 20);
        }
      }
      if (branch > 0) x[atBranch] = Math.min(1, branch / 8);
      if (branch >= 4) x[atBranchFar] = 1;
      // Outside the story container, in an element like it (tag and first class): a story
      // printed in several blocks of one kind (a page builder's text blocks).
      const parent = parentOf(unit);
      if (
        topSignature !== undefined &&
        parent &&
        parent !== page.top &&
        signatureOf(parent) === topSignature
      )
        x[atSameSignature] = 1;
    }
    // Before the page's first <h1> (navigation, banners, teasers above the headline).
    if (firstH1 < 0) x[atH1None] = 1;
    else if (index < firstH1) x[atH1Before] = 1;
    // In an <article> other than the one holding the story container (teaser cards).
    const article = nearestArticle(unit.element);
    if (article && topArticle !== undefined && article !== topArticle) x[atArticleOther] = 1;
    // Repeated blocks (comment lists, teaser grids): an ancestor with two or more siblings of
    // its tag and first class, the parent apart from the ancestors above it.
    let level = 0;
    let repeated = false;
    for (
      let element = unit.nodes ? unit.element : unit.element.parent;
      element?.parent && level < repeatReach;
      element = element.parent, level++
    ) {
      if (element === page.top) break;
      if (repeatsOf(element) >= 2) {
        repeated = true;
        x[level === 0 ? atRepeatParent : atRepeatAbove] = 1;
        if (level > 0) break;
      }
    }
    // In a comment section (near it: a <body> class saying comments are open is not one).
    if (inCommentSection(unit.element)) {
      x[atCommentNear] = 1;
      if (repeated) x[atCommentRepeated] = 1;
    }
    if (chars >= 15 && (textCounts.get(unit.text) ?? 0) > 1) x[atTextRepeated] = 1;
    if (chars > 0 && chars <= 600) {
      const lower = unit.text.toLowerCase();
      // (Indexed loops, no destructuring: this runs once per unit, and iterators allocate.)
      if (saysAny.test(lower))
        for (let at = 0; at < saysPositions.length; at++) {
          const says = saysPositions[at]!;
          if (says[1].test(lower)) x[says[0]] = 1;
        }
      for (let at = 0; at < saysMorePositions.length; at++) {
        const says = saysMorePositions[at]!;
        if (says[1].test(lower)) x[says[0]] = 1;
      }
    }
    if (chars > 0 && chars <= 200) {
      if (looksLikeByline(unit.text)) x[atByline] = 1;
      // A date opening a short line: only the head of the line is searched.
      const date = chars <= 120 ? findDate(unit.text.slice(0, 60)) : undefined;
      if (date && date.index <= 20) x[atDate] = 1;
      if (page.titles.length > 0 && chars <= 300) {
        const own = wordSet(unit.text);
        let best = 0;
        for (let at = 0; at < page.titles.length; at++)
          best = Math.max(best, overlap(own, page.titles[at]!));
        x[atTitle] = best;
      }
    }
    // Ancestors: tags, roles, class and id words, up to `ancestorReach` elements from the
    // unit's own. "Own" class words cover the unit's element and, for an element unit, its
    // parent; the unit's own tag counts only for a run of inline nodes.
    const first = unit.element;
    const ownReach = unit.nodes ? 1 : 2;
    if (first.depth < ancestorReach) {
      // The whole chain is in reach: the part above the own elements is shared by siblings.
      let element: HtmlElement | undefined = first;
      for (let step = 0; element && step < ownReach; step++, element = element.parent) {
        if (step > 0 || unit.nodes) {
          const tagAt = tagPosition.get(element.name);
          if (tagAt !== undefined) x[tagAt] = 1;
        }
        setAll(x, elementPositions(element), 0);
        setAll(x, classPositionsOf(element), ownOffset);
      }
      if (element) setAll(x, chainPositions(element), 0);
    } else {
      let reach = 0;
      for (
        let element: HtmlElement | undefined = first;
        element && reach < ancestorReach;
        element = element.parent, reach++
      ) {
        if (reach > 0 || unit.nodes) {
          const tagAt = tagPosition.get(element.name);
          if (tagAt !== undefined) x[tagAt] = 1;
        }
        setAll(x, elementPositions(element), 0);
        if (reach < ownReach) setAll(x, classPositionsOf(element), ownOffset);
      }
    }
    const previous = units[index - 1];
    const next = units[index + 1];
    if (previous) {
      x[atPrevLinks] =
        previous.text.length === 0 ? 0 : Math.min(1, previous.linkChars / previous.text.length);
      x[atPrevChars] = Math.log1p(previous.text.length) / 8;
      if (previous.kind === 'paragraph') x[atPrevParagraph] = 1;
    }
    if (next) {
      x[atNextLinks] = next.text.length === 0 ? 0 : Math.min(1, next.linkChars / next.text.length);
      x[atNextChars] = Math.log1p(next.text.length) / 8;
      if (next.kind === 'paragraph') x[atNextParagraph] = 1;
    }
    const group = siblings.get(parentOf(unit))!;
    x[atSiblingsChars] = Math.log1p(group.chars) / 10;
    x[atSiblingsLinks] = group.chars === 0 ? 0 : Math.min(1, group.links / group.chars);
    visit(x, index);
  }
}
