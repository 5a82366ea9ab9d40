import { bylineIntro } from '../fields/byline-intro.js';
import type { ParsedDate } from '../fields/parse-date.js';
import { extractBlocks } from '../jsonld/extract-json-ld.js';
import { fromJsonLdValue } from '../jsonld/from-json-ld.js';
import type {
  Article,
  Block,
  Byline,
  Diagnostic,
  Image,
  Position,
  SourceMap,
} from '../schema/index.js';
import { lineStarts, rangeAt } from '../schema/line-index.js';
import { setSource } from '../schema/source-map.js';
import { buildTree, type HtmlElement, maxTreeDepth } from './build-tree.js';
import {
  type BylineCandidate,
  type BylineSource,
  bylineVectors,
  chooseByline,
} from './choose-byline.js';
import {
  chooseDate,
  type DateCandidate,
  type DateSource,
  dateCandidatesOf,
  dateVectors,
  isoDate,
} from './choose-date.js';
import {
  chooseHeadline,
  type HeadlineCandidate,
  type HeadlineSource,
  headlineCandidatesOf,
  headlineVectors,
  similarity,
} from './choose-headline.js';
import { decodeHtml } from './decode-html.js';
import {
  featureNames,
  type PageContext,
  scoreUnits,
  topContainer,
  unitFeatures,
  wordSet,
} from './features.js';
import { type FieldModels, fieldModels } from './field-models.js';
import { fieldText, fieldTextOf } from './field-text.js';
import { findDeck, matchesDescription } from './find-deck.js';
import { takeLeadDateline } from './lead-dateline.js';
import { predict, scoreAndClear, type UnitModel } from './model.js';
import {
  bylineCandidates,
  bylineDetail,
  type Candidate,
  dateCandidates,
  dateRank,
  hostNames,
  languageTag,
  metaKeys,
  personKeys,
  readByline,
  readDate,
  siteNames,
  stripSiteName,
  titleParts,
  withoutLeadingDates,
  withoutSiteName,
} from './read-fields.js';
import { allMeta, type Found, firstMeta, readPageMeta } from './read-page-meta.js';
import { htmlDiagnostic } from './rules.js';
import { segment, type Unit } from './segment.js';
import { toBlock, toImage } from './to-blocks.js';
import { resolveUrl } from './to-inline.js';
import { classAndId, collapse, elementsOf, someAncestor } from './tree-text.js';
import { UnitFlags } from './unit-flags.js';
import { unitModel } from './unit-model.js';

/** Options for {@link parseHtml}. */
export interface ParseHtmlOptions {
  /**
   * The page's URL, for resolving relative links and image URLs (a `<base href>` in the page
   * is resolved against it). Default: the page's canonical link, when absolute.
   */
  url?: string;
  /**
   * IANA time zone for dates printed without one, e.g. `America/New_York`. Default: none, so
   * such dates keep their calendar day only.
   */
  timeZone?: string;
  /**
   * The moment the page was saved, for relative dates (`2 hours ago`). Default: none. A value
   * that is no date throws a `TypeError`.
   */
  referenceDate?: Date | string;
  /** The file name, copied onto every diagnostic. Default: none. */
  file?: string;
}

/** The result of {@link parseHtml}. */
export interface ParseHtmlResult {
  /** The article, when the page has a headline. */
  article?: Article;
  /** What was left out (`info`), doubtful (`warning`) or missing (`error`). */
  diagnostics: Diagnostic[];
  /** Where each field came from in the (decoded) page: `headline`, `byline`, `body.3`, … */
  sources: SourceMap;
}

const bylineClass =
  /byline|(?:^|[\s_-])(?:author|authors|writer|contributor|reporter|autor|auteur)(?:$|[\s_-])/u;
const commentClass = /comment|reply|respon/u;

/**
 * Read a saved or built HTML page into an article: the page's own metadata (JSON-LD,
 * OpenGraph, `article:*`, `twitter:*`, Dublin Core, microdata, `<title>`, canonical link,
 * `lang`/`dir`, `rel=author`, `<time datetime>`) and the story it shows, cut into blocks
 * (paragraphs with links and emphasis, headings, lists, quotes, tables, code, figures with
 * caption and credit, embeds) by a learned model that leaves navigation, ads, related links,
 * comments and footers out and reports them. Where metadata and page disagree, the more
 * specific value wins and the conflict is an `info` diagnostic naming both places.
 *
 * Bytes are decoded as browsers do (byte order mark, `<meta charset>`, then UTF-8 when valid,
 * else windows-1252). Scripts never run and nothing is fetched. Never throws on content; the
 * time is linear in the page's size.
 *
 * @example
 * const { article } = parseHtml('<title>Night ferries | The Ledger</title><h1>Night ferries</h1><p>By Dana Whitfield</p><p>The port board voted on Tuesday to run ferries after midnight.</p>')
 * article?.headline //=> 'Night ferries'
 */
export function parseHtml(
  html: string | Uint8Array,
  options: Readonly<ParseHtmlOptions> = {},
): ParseHtmlResult {
  if (typeof html !== 'string' && !(html instanceof Uint8Array)) {
    throw new TypeError(
      `parseHtml: expected \`html\` to be a string or a Uint8Array, got ${html === null ? 'null' : typeof html}`,
    );
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError('parseHtml: expected `options` to be an object when given');
  }
  if (options.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: options.timeZone });
    } catch {
      throw new TypeError(`parseHtml: unknown \`options.timeZone\` \`${options.timeZone}\``);
    }
  }
  const reference = options.referenceDate;
  if (
    reference !== undefined &&
    Number.isNaN(reference instanceof Date ? reference.getTime() : Date.parse(reference))
  ) {
    throw new TypeError('parseHtml: unreadable `options.referenceDate`');
  }
  const { article, diagnostics, sources } = readHtml(html, options, unitModel, fieldModels, false);
  if (options.file !== undefined)
    for (const diagnostic of diagnostics) diagnostic.file = options.file;
  // Only the public result: the reading's units hold the page's tree (cyclic, large).
  return article === undefined ? { diagnostics, sources } : { article, diagnostics, sources };
}

/** What the page gave besides the article, for tools (training, checks). */
export interface HtmlReading extends ParseHtmlResult {
  /** Every unit of the page, with its probability of being story. */
  units: Unit[];
  /** The feature vector of each unit (none when `readHtml` was asked not to keep them). */
  vectors: Float64Array[];
  probabilities: number[];
  /** Indices of the units in the body. */
  kept: number[];
  /** The publication-date candidates and their feature vectors. */
  dates: { candidates: DateCandidate[]; vectors: Float64Array[] };
  /** The headline candidates and their feature vectors. */
  headlines: { candidates: HeadlineCandidate[]; vectors: Float64Array[] };
  /** The byline candidates (the last is "nobody") and their feature vectors. */
  bylines: { candidates: BylineCandidate[]; vectors: Float64Array[] };
}

/** The shortest paragraph after the headline that shows the story continues under it. */
const storyParagraph = 150;

/**
 * Leaves out the kept units above the headline's unit when a kept paragraph of story length
 * ({@link storyParagraph} characters) follows it.
 */
function dropAboveHeadline(units: readonly Unit[], keep: UnitFlags, headlineUnit: number): void {
  let below = false;
  for (let index = headlineUnit + 1; index < units.length; index++) {
    const unit = units[index]!;
    if (keep.has(index) && unit.kind === 'paragraph' && unit.text.length >= storyParagraph) {
      below = true;
      break;
    }
  }
  if (!below) return;
  for (let index = 0; index < headlineUnit; index++) keep.delete(index);
}

/** Units passed over when looking for a unit's neighbours of text. */
const passedOver = (unit: Unit) =>
  unit.kind === 'figure' || unit.kind === 'embed' || unit.kind === 'divider' || unit.text === '';

/** The element holding a unit among its siblings (a run of inline nodes: their parent). */
const holderOf = (unit: Unit) => (unit.nodes ? unit.element : unit.element.parent);

/**
 * Units the model left just under its threshold that story text around them brings back, each
 * with the least probability it needs and what must be kept around it (the nearest units of
 * text, figures, embeds, dividers and empty units passed over):
 * - a heading with kept text on both sides: a section heading inside the story, which the model
 *   reads alone and finds short;
 * - a heading (under the headline) whose next unit of text is a kept paragraph or block: a
 *   section heading opening a part of the story that follows teasers or notices;
 * - any unit with kept text on both sides, all three in one parent element: a short line or
 *   list inside a run of story paragraphs.
 */
const keptBetween: ReadonlyArray<{
  heading: boolean;
  least: number;
  before: boolean;
  sameParent: boolean;
}> = [
  { heading: true, least: 0.3, before: true, sameParent: false },
  { heading: true, least: 0.45, before: false, sameParent: false },
  { heading: false, least: 0.3, before: true, sameParent: true },
];

/**
 * Keeps the units {@link keptBetween} brings back. Decided on the model's own choices (a unit
 * kept here does not make its neighbour kept). Linear: one pass, each unit's next unit of text
 * found once.
 */
function keepBetween(
  units: readonly Unit[],
  probabilities: readonly number[],
  keep: UnitFlags,
  headlineUnit: number | undefined,
): void {
  const added: number[] = [];
  let previous = -1;
  let next = 0;
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    if (passedOver(unit)) continue;
    if (index !== headlineUnit && !keep.has(index)) {
      const probability = probabilities[index] ?? 0;
      if (next <= index) {
        next = index + 1;
        while (next < units.length && passedOver(units[next]!)) next++;
      }
      const after = next < units.length && keep.has(next) ? units[next]! : undefined;
      const before = previous >= 0 && keep.has(previous) ? units[previous]! : undefined;
      const heading = unit.kind === 'heading';
      for (const rule of keptBetween) {
        if (probability < rule.least || after === undefined) continue;
        if (rule.heading && !heading) continue;
        if (rule.before && before === undefined) continue;
        if (!rule.before && (after.kind === 'heading' || (headlineUnit ?? -1) > index)) continue;
        if (
          rule.sameParent &&
          (holderOf(before!) !== holderOf(unit) || holderOf(after) !== holderOf(unit))
        )
          continue;
        added.push(index);
        break;
      }
    }
    previous = index;
  }
  for (const index of added) keep.add(index);
}

/**
 * Where the story starts, for the headline's features: the first paragraph of 50 characters or
 * more the model keeps that is story length ({@link storyParagraph}) or followed by kept text. A
 * lone kept line (a notice or teaser above the headline) does not start it.
 */
export function storyStartOf(
  units: readonly Unit[],
  probabilities: readonly number[],
  threshold: number,
): number {
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    if (unit.kind !== 'paragraph' || unit.text.length < 50) continue;
    if ((probabilities[index] ?? 0) < threshold) continue;
    if (unit.text.length >= storyParagraph) return index;
    let next = index + 1;
    while (next < units.length && passedOver(units[next]!)) next++;
    if (next < units.length && (probabilities[next] ?? 0) >= threshold) return index;
  }
  return -1;
}

/** The page's only `<h1>` heading of at most 400 characters, when it has exactly one. */
function onlyH1(units: readonly Unit[]): Unit | undefined {
  let found: Unit | undefined;
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    if (unit.kind !== 'heading' || unit.text.length > 400 || unit.element.name !== 'h1') continue;
    if (found) return undefined;
    found = unit;
  }
  return found;
}

/** The roles of a credit that names only the pictures' makers (photographer, illustrator). */
const pictureRole = /^(?:photo|illu)/u;

/**
 * {@link parseHtml} with a given unit model (the training scripts pass the weights of each
 * cross-validation fold). Not part of the public API. `keepVectors: false` scores each unit as
 * its vector is made and returns no unit vectors (parseHtml's way: less memory held).
 */
export function readHtml(
  input: string | Uint8Array,
  options: Readonly<ParseHtmlOptions>,
  model: Readonly<UnitModel>,
  fields: Readonly<FieldModels> = fieldModels,
  keepVectors = true,
): HtmlReading {
  const diagnostics: Diagnostic[] = [];
  const sources: SourceMap = {};
  const empty = (): HtmlReading => ({
    diagnostics,
    sources,
    units: [],
    vectors: [],
    probabilities: [],
    kept: [],
    dates: { candidates: [], vectors: [] },
    headlines: { candidates: [], vectors: [] },
    bylines: { candidates: [], vectors: [] },
  });

  // 1. Text.
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeHtml(input);
    text = decoded.text;
    if (decoded.problem) {
      diagnostics.push(
        htmlDiagnostic('charset-mismatch', decoded.problem.message, undefined, {
          actual: decoded.declared ?? decoded.encoding,
          ...(decoded.problem.offset !== undefined
            ? { note: `First bad byte at offset ${decoded.problem.offset}` }
            : {}),
        }),
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let starts: number[] | undefined;
  const range = (start: number, end: number): Position => {
    starts ??= lineStarts(text);
    return rangeAt(
      starts,
      Math.max(0, Math.min(start, text.length)),
      Math.max(0, Math.min(end, text.length)),
    );
  };
  if (text.trim() === '') {
    diagnostics.push(htmlDiagnostic('empty-input', 'The page is empty: no article'));
    return empty();
  }

  // 2. Tree and metadata.
  const tree = buildTree(text);
  if (tree.tooDeepAt !== undefined) {
    diagnostics.push(
      htmlDiagnostic(
        'html-nesting-too-deep',
        `Elements are nested ${tree.maxDepth} levels deep; those below level ${maxTreeDepth} were read as siblings`,
        range(tree.tooDeepAt, tree.tooDeepAt),
      ),
    );
  }
  const meta = readPageMeta(tree.root);
  const canonical = meta.canonical ? resolveUrl(meta.canonical.value, options.url) : undefined;
  const pageUrl = options.url ?? canonical;
  const base = meta.base !== undefined ? (resolveUrl(meta.base, pageUrl) ?? pageUrl) : pageUrl;
  const dateOptions = {
    ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
    ...(options.referenceDate !== undefined ? { referenceDate: options.referenceDate } : {}),
    ...(meta.language ? { locale: meta.language.value } : {}),
  };

  // 3. JSON-LD.
  const extracted = extractBlocks(text, () => (starts ??= lineStarts(text)));
  const ldBlocks = extracted.blocks.filter((block) => block.value !== undefined);
  let ld: Article | undefined;
  let ldPlace: Position | undefined;
  if (ldBlocks.length > 0) {
    try {
      const read = fromJsonLdValue(
        ldBlocks.map((block) => block.value),
        options.timeZone !== undefined ? { timeZone: options.timeZone } : {},
      );
      ld = read.article;
      ldPlace = ldBlocks[0]!.position;
      for (const diagnostic of read.diagnostics) {
        // A page whose ld+json holds only a breadcrumb or an organization still shows its article.
        if (diagnostic.severity === 'info' || diagnostic.ruleId === 'no-article') continue;
        diagnostics.push(diagnostic.place ? diagnostic : { ...diagnostic, place: ldPlace });
      }
    } catch {
      // A JSON-LD reader failure must not lose the page.
    }
  }
  for (const diagnostic of extracted.diagnostics) diagnostics.push(diagnostic);
  const ldFound = (value: string): Found => ({
    value,
    from: 'the JSON-LD',
    start: ldPlace?.start.offset ?? 0,
    end: ldPlace?.end.offset ?? 0,
  });

  // 4. Units and the story model.
  const units = segment(tree.root);
  const titleTexts = [
    ld?.headline,
    ...allMeta(meta, metaKeys.headline).map((found) => found.value),
    meta.title?.value,
  ].filter((value): value is string => value !== undefined);
  const page: PageContext = {
    top: topContainer(units),
    length: text.length,
    maxDepth: units.reduce((max, unit) => Math.max(max, unit.depth), 0),
    titles: titleTexts.map(wordSet),
  };
  // parseHtml scores each unit's vector as it is made: a page of 100,000 units would keep
  // 230 MB of vectors alive otherwise. The tools that read the vectors keep them.
  let vectors: Float64Array[] = [];
  let probabilities: number[] = [];
  if (keepVectors) {
    if (units.length > 0) vectors = unitFeatures(units, page);
    probabilities = predict(vectors, model);
  } else if (units.length > 0)
    probabilities = scoreUnits(units, page, (x) => scoreAndClear(x, model));

  // 5. Headline.
  const sites = siteNames(meta, ld?.publisher?.name);
  // The address's names too (`bmas.de` → `bmas`), for titles only: a person's blog is named
  // for the person, and bylines must not take that person for the site.
  const titleSites = [
    ...sites,
    ...hostNames(pageUrl ?? absolute(firstMeta(meta, metaKeys.url)?.value, undefined)),
  ];
  const metaTitle = allMeta(meta, metaKeys.headline)[0];
  const strippedTitle = meta.title
    ? stripSiteName(
        meta.title.value,
        titleSites,
        [ld?.headline, metaTitle?.value].filter((v): v is string => !!v),
      )
    : undefined;
  const metaHeadlines: Array<Candidate<string> & { source: HeadlineSource }> = [];
  if (ld?.headline)
    metaHeadlines.push({
      value: withoutSiteName(collapse(ld.headline), titleSites),
      source: 'json-ld',
      ...foundPlace(ldFound(ld.headline)),
    });
  for (const key of metaKeys.headline) {
    const found = allMeta(meta, [key])[0];
    if (!found) continue;
    const value = stripSiteName(found.value, titleSites, []);
    const source = key === 'og:title' || key === 'twitter:title' ? 'meta-social' : 'meta-other';
    metaHeadlines.push({ value, source, from: found.from, start: found.start, end: found.end });
  }
  if (meta.title && strippedTitle) {
    const place = { from: '<title>', start: meta.title.start, end: meta.title.end };
    metaHeadlines.push({ value: strippedTitle, source: 'title', ...place });
    if (strippedTitle !== meta.title.value)
      metaHeadlines.push({ value: meta.title.value, source: 'title-whole', ...place });
  }
  // Where the story starts: the first paragraph the model keeps that more story follows.
  const storyStart = storyStartOf(units, probabilities, model.threshold);
  // The learned choice among the metadata's headlines and the page's headings.
  const headlineOptions = headlineCandidatesOf({ units, meta: metaHeadlines });
  const headlineVectorList = headlineVectors(headlineOptions, {
    units,
    storyStart,
    probabilities,
    top: page.top,
    siteNames: titleSites,
    titleParts: meta.title ? titleParts(meta.title.value) : [],
  });
  const chosenHeadline = chooseHeadline(headlineVectorList, fields.headline);
  let headline: Candidate<string> | undefined = headlineOptions[chosenHeadline];
  let headlineUnit = headlineOptions[chosenHeadline]?.unit;
  if (headline && headlineUnit === undefined) {
    // The metadata's headline: the heading that prints it is the headline's place on the page.
    let best = 0.9;
    for (const option of headlineOptions) {
      if (option.unit === undefined) continue;
      const score = similarity(option.value, headline.value);
      if (score >= best) {
        best = score;
        headlineUnit = option.unit;
      }
    }
  }
  if (headline)
    headline = {
      value: headline.value,
      from: headline.from,
      start: headline.start,
      end: headline.end,
    };
  if (headline) {
    for (const other of metaHeadlines) {
      if (other === headline || similarity(other.value, headline.value) >= 0.7) continue;
      if (other.from === '<title>' || other.source === 'title-whole') continue;
      diagnostics.push(conflict('headline', headline, other, range));
      break;
    }
    // The headline the page prints: the heading taken, else the page's only <h1>.
    const printed = headlineUnit !== undefined ? units[headlineUnit] : onlyH1(units);
    if (ld?.headline && printed && similarity(ld.headline, printed.text) < 0.5) {
      diagnostics.push(
        htmlDiagnostic(
          'json-ld-headline-mismatch',
          `The JSON-LD headline \`${short(ld.headline)}\` is not the headline the page prints, \`${short(printed.text)}\``,
          range(printed.start, printed.end),
          {
            path: ['headline'],
            expected: printed.text,
            actual: ld.headline,
            ...(ldPlace ? { note: `JSON-LD at ${where(ldPlace)}` } : {}),
          },
        ),
      );
    }
  }

  // 6. Body: the units the model keeps, headline left out.
  const threshold = model.threshold;
  const keep = new UnitFlags(units.length);
  for (let index = 0; index < units.length; index++) {
    const unit = units[index]!;
    if (index === headlineUnit) continue;
    if (unit.kind === 'figure' || unit.kind === 'embed' || unit.kind === 'divider') continue;
    if ((probabilities[index] ?? 0) >= threshold) keep.add(index);
  }
  keepBetween(units, probabilities, keep, headlineUnit);
  // Figures, embeds and dividers go with the story when story text surrounds them in the same
  // container, or when they sit between the headline and the first kept paragraph.
  const firstKept = keep.firstAfter(-1);
  const lastKept = keep.last();
  if (firstKept >= 0) {
    for (let index = 0; index < units.length; index++) {
      const unit = units[index]!;
      if (unit.kind !== 'figure' && unit.kind !== 'embed' && unit.kind !== 'divider') continue;
      const inside = index > firstKept && index < lastKept;
      const lead =
        headlineUnit !== undefined &&
        index > headlineUnit &&
        index < firstKept &&
        unit.kind === 'figure';
      if (
        (inside && unit.kind !== 'divider') ||
        (inside && keep.has(index - 1) && keep.has(index + 1)) ||
        lead
      ) {
        if (unit.kind === 'divider' && !(keep.has(index - 1) && keep.has(index + 1))) continue;
        keep.add(index);
      }
    }
  }

  // The story does not start above its headline: when story paragraphs follow the headline,
  // what the model kept above it (a notice, a promo, a teaser) is left out.
  if (headlineUnit !== undefined) dropAboveHeadline(units, keep, headlineUnit);
  // 7. Byline: the learned choice among the metadata's authors, the page's byline lines and
  //    author elements, or nobody.
  // A metadata "author" that is the site itself is not a person. A JSON-LD publisher that is
  // the JSON-LD's own author (a person's site: Yoast's `["Person", "Organization"]`) names the
  // person, not a site.
  const publisher = ld?.publisher?.name;
  const bylineSites = ld?.byline?.contributors.some(
    (c) => c.type !== 'Organization' && c.name === publisher,
  )
    ? siteNames(meta, undefined)
    : sites;
  const siteLike = (byline: Byline) =>
    byline.contributors.every(
      (c) => bylineSites.some((site) => similarity(site, c.name) >= 0.6) || orgWords.test(c.name),
    );
  const bylineOptions: BylineCandidate[] = [];
  const addByline = (
    candidate: Candidate<Byline>,
    source: BylineSource,
    extra: Partial<BylineCandidate> = {},
  ) => {
    const order = bylineOptions.filter((option) => option.source === source).length;
    // A credit that names only the pictures' makers (`Foto: Ana Ruiz/Agency`) is no byline.
    if (order >= 3 || candidate.value.contributors.every((c) => pictureRole.test(c.role))) return;
    bylineOptions.push({
      ...candidate,
      source,
      order,
      siteLike: siteLike(candidate.value),
      ...extra,
    });
  };
  if (ld?.byline && ld.byline.contributors.length > 0)
    addByline({ value: ld.byline, ...foundPlace(ldFound('')) }, 'json-ld');
  for (const found of bylineCandidates(meta)) {
    const source: BylineSource = found.from.startsWith('itemprop')
      ? 'microdata'
      : found.from.startsWith('<meta')
        ? 'meta'
        : 'author-link';
    addByline(found, source);
  }
  const usedForMeta = new Set<number>();
  const pageLines = findPageBylines(units, headlineUnit, keep);
  for (const line of pageLines)
    addByline(line.candidate, 'page-line', {
      intro: line.intro,
      marked: line.marked,
      dateLed: line.dateLed === true,
      unit: line.index,
      distance: Math.abs(line.index - (headlineUnit ?? 0)),
    });
  for (const element of authorElementBylines(tree.root, headline?.start ?? 0))
    addByline(element, 'author-element', { marked: true });
  bylineOptions.push({ value: undefined, from: '', start: 0, end: 0, source: 'none', order: 0 });
  const bylineVectorList = bylineVectors(bylineOptions);
  const chosenByline = bylineOptions[chooseByline(bylineVectorList, fields.byline)];
  let byline: Candidate<Byline> | undefined =
    chosenByline?.value === undefined
      ? undefined
      : { ...foundPlace(chosenByline), value: chosenByline.value };
  const pageByline = bylineOptions.find(
    (option) =>
      (option.source === 'page-line' || option.source === 'author-element') &&
      personKeys(option.value).size > 0,
  );
  if (byline && pageByline?.value) {
    const pageKeys = personKeys(pageByline.value);
    const chosenKeys = personKeys(byline.value);
    const same =
      [...chosenKeys].every((key) => pageKeys.has(key)) && pageKeys.size === chosenKeys.size;
    // The same people, said with more (job titles, affiliations): the page's byline.
    if (same && bylineDetail(pageByline.value) > bylineDetail(byline.value))
      byline = { ...foundPlace(pageByline), value: pageByline.value };
  }
  // Metadata and page naming different people: an `info` conflict with both places.
  const disjoint = (a: Set<string>, b: Set<string>) =>
    a.size > 0 && b.size > 0 && ![...a].some((key) => b.has(key));
  if (byline) {
    const chosenKeys = personKeys(byline.value);
    const other = bylineOptions.find(
      (option) =>
        option.value !== undefined &&
        option.value !== byline?.value &&
        (option.source === 'json-ld' || option === pageByline) &&
        disjoint(personKeys(option.value), chosenKeys),
    );
    if (other?.value)
      diagnostics.push(
        conflict(
          'byline',
          mapByline(byline),
          mapByline({ ...foundPlace(other), value: other.value }),
          range,
        ),
      );
  }
  const ldOption = bylineOptions.find((option) => option.source === 'json-ld');
  if (
    ldOption?.value &&
    pageByline?.value &&
    disjoint(personKeys(ldOption.value), personKeys(pageByline.value))
  ) {
    diagnostics.push(
      htmlDiagnostic(
        'json-ld-author-mismatch',
        `The JSON-LD names ${names(ldOption.value)} as the author, but the page's byline names ${names(pageByline.value)}`,
        range(pageByline.start, pageByline.end),
        { path: ['byline'], ...(ldPlace ? { note: `JSON-LD at ${where(ldPlace)}` } : {}) },
      ),
    );
  }
  // The byline line is metadata, not story, wherever the byline was taken from.
  const firstLine = bylineOptions.find(
    (option) => option.source === 'page-line' && personKeys(option.value).size > 0,
  );
  if (firstLine?.unit !== undefined) {
    keep.delete(firstLine.unit);
    usedForMeta.add(firstLine.unit);
  }

  // 8. Dates: every candidate the page gives, the learned choice among them.
  const modified = pickDate(
    [
      ...(ld?.dateModified ? ldDate(ld.dateModified, ldFound(ld.dateModified), dateOptions) : []),
      ...dateCandidates(meta, metaKeys.dateModified, dateOptions),
    ],
    'dateModified',
    diagnostics,
    range,
  );
  const dates = dateCandidatesOf({
    meta,
    root: tree.root,
    units,
    headlineUnit,
    url: pageUrl,
    ld: ld?.datePublished
      ? { value: ld.datePublished, found: ldFound(ld.datePublished) }
      : undefined,
    titles: [
      meta.title?.value,
      metaTitle?.value,
      firstMeta(meta, metaKeys.description)?.value.slice(0, 300),
    ].filter((v): v is string => v !== undefined),
    options: dateOptions,
    text,
  });
  const dateVectorList = dateVectors(dates, modified ? [modified.value] : []);
  const published = chooseDate(dates, dateVectorList, fields.date);
  if (published) reportDateConflict(published, dates, diagnostics, range);
  // A short unit that only states the date is metadata, not story.
  if (published && published.unit !== undefined && units[published.unit]!.text.length <= 160) {
    keep.delete(published.unit);
    usedForMeta.add(published.unit);
  }

  if (!headline) {
    diagnostics.push(
      htmlDiagnostic(
        'missing-headline',
        'The page has no title, heading or headline metadata: no article',
      ),
    );
    return {
      diagnostics,
      sources,
      units,
      vectors,
      probabilities,
      kept: [],
      dates: { candidates: dates, vectors: dateVectorList },
      headlines: { candidates: headlineOptions, vectors: headlineVectorList },
      bylines: { candidates: bylineOptions, vectors: bylineVectorList },
    };
  }

  // 9. Blocks.
  const body: Block[] = [];
  const kept = keep.list();
  // A deck (standfirst) opening the story is the article's alternative headline, not its body.
  let deckUnit = findDeck(
    units,
    kept,
    headlineUnit,
    (ld?.description ?? firstMeta(meta, metaKeys.description)?.value)?.slice(0, 600),
  );
  // JSON-LD's own alternative headline wins; a printed deck that says something else stays in
  // the body, so that its text is not lost.
  if (
    deckUnit !== undefined &&
    ld?.alternativeHeadline &&
    !matchesDescription(units[deckUnit]!.text, ld.alternativeHeadline)
  )
    deckUnit = undefined;
  if (deckUnit !== undefined) {
    kept.splice(kept.indexOf(deckUnit), 1);
    keep.delete(deckUnit);
    usedForMeta.add(deckUnit);
  }
  const context = { base };
  const bodyUnits: number[] = [];
  for (let at = 0; at < kept.length; at++) {
    const index = kept[at]!;
    const block = toBlock(units[index]!, context);
    if (!block) continue;
    setSource(sources, ['body', body.length], range(units[index]!.start, units[index]!.end));
    body.push(block);
    bodyUnits.push(index);
  }
  const inBody = new UnitFlags(units.length);
  for (let at = 0; at < bodyUnits.length; at++) inBody.add(bodyUnits[at]!);
  reportDropped(units, inBody, headlineUnit, usedForMeta, diagnostics, range);
  if (body.length === 0 && ld && ld.body.length > 0) {
    body.push(...ld.body);
    if (ldPlace) setSource(sources, ['body'], ldPlace);
  }

  // 10. The article.
  const article: Article = { headline: headline.value, type: ld?.type ?? 'NewsArticle', body };
  setSource(sources, ['headline'], range(headline.start, headline.end));
  const set = <K extends keyof Article>(
    key: K,
    value: Article[K] | undefined,
    place?: { start: number; end: number },
  ) => {
    if (value === undefined) return;
    article[key] = value;
    if (place) setSource(sources, [key], range(place.start, place.end));
  };
  if (ld?.alternativeHeadline) set('alternativeHeadline', ld.alternativeHeadline, ldFound(''));
  else if (deckUnit !== undefined) {
    set('alternativeHeadline', units[deckUnit]!.text, units[deckUnit]);
  }
  const description = ld?.description
    ? { value: ld.description, ...foundPlace(ldFound('')) }
    : firstMeta(meta, metaKeys.description);
  if (description?.value.trim()) set('description', collapse(description.value), description);
  const url =
    ld?.url ?? canonical ?? absolute(firstMeta(meta, metaKeys.url)?.value, pageUrl) ?? options.url;
  if (url && /^https?:\/\//iu.test(url)) set('url', url, meta.canonical);
  if (ld?.id) set('id', ld.id);
  const language =
    ld?.language ??
    (meta.language ? languageTag(meta.language.value) : undefined) ??
    languageTag(firstMeta(meta, metaKeys.language)?.value ?? '');
  if (language) set('language', language, ld?.language ? ldFound('') : meta.language);
  if (ld?.section) set('section', ld.section, ldFound(''));
  else {
    const section = firstMeta(meta, metaKeys.section);
    if (section && section.value.length <= 100) set('section', { name: section.value }, section);
  }
  if (byline) {
    set('byline', byline.value, byline);
  }
  if (ld?.dateline) set('dateline', ld.dateline);
  else {
    // A dateline opening the story (`LISBON (AP) —`), as parseText and parseMarkdown read it.
    const lead = takeLeadDateline(body);
    const unit = lead && bodyUnits.length === body.length ? bodyUnits[lead.index] : undefined;
    if (lead) set('dateline', lead.dateline, unit === undefined ? undefined : units[unit]);
  }
  if (published) set('datePublished', published.value.value, published);
  if (modified) set('dateModified', modified.value.value, modified);
  if (ld?.dateCreated) set('dateCreated', ld.dateCreated);
  const image = withFigureText(
    ld?.image ?? metaImage(meta, base) ?? leadFigure(units, kept, context),
    body,
  );
  if (image) set('image', image);
  const keywords = ld?.keywords ?? metaKeywords(meta);
  if (keywords && keywords.length > 0) set('keywords', keywords);
  if (ld?.publisher) set('publisher', ld.publisher);
  else {
    const site = firstMeta(meta, metaKeys.siteName.slice(0, 2));
    if (site && site.value.length <= 100) set('publisher', { name: site.value }, site);
  }
  for (const key of [
    'isAccessibleForFree',
    'paywalledSelectors',
    'corrections',
    'copyright',
    'kicker',
    'wire',
  ] as const) {
    if (ld?.[key] !== undefined) (article as Record<string, unknown>)[key] = ld[key];
  }
  return {
    article,
    diagnostics,
    sources,
    units,
    vectors,
    probabilities,
    kept: bodyUnits,
    dates: { candidates: dates, vectors: dateVectorList },
    headlines: { candidates: headlineOptions, vectors: headlineVectorList },
    bylines: { candidates: bylineOptions, vectors: bylineVectorList },
  };
}

function foundPlace(found: { from: string; start: number; end: number }): {
  from: string;
  start: number;
  end: number;
} {
  return { from: found.from, start: found.start, end: found.end };
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function where(position: Position): string {
  return `${position.start.line}:${position.start.column}`;
}

function names(byline: Byline): string {
  const list = byline.contributors.map((contributor) => `\`${contributor.name}\``);
  return list.length === 0 ? 'nobody' : list.join(', ');
}

function mapByline(candidate: Candidate<Byline>): Candidate<string> {
  return { ...candidate, value: candidate.value.contributors.map((c) => c.name).join(', ') };
}

function conflict(
  field: string,
  kept: Candidate<string>,
  other: Candidate<string>,
  range: (start: number, end: number) => Position,
): Diagnostic {
  const keptPlace = range(kept.start, kept.end);
  const otherPlace = range(other.start, other.end);
  return htmlDiagnostic(
    'metadata-conflict',
    `The ${field} differs: ${kept.from} at ${where(keptPlace)} says \`${short(kept.value)}\` (kept), ${other.from} at ${where(otherPlace)} says \`${short(other.value)}\``,
    keptPlace,
    {
      path: [field],
      expected: kept.value,
      actual: other.value,
      note: `Also at ${where(otherPlace)} (${other.from})`,
    },
  );
}

function absolute(value: string | undefined, base: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = resolveUrl(value, base);
  return url && /^https?:/iu.test(url) ? url : undefined;
}

/** A byline line of the page and how it reads. */
interface PageByline {
  candidate: Candidate<Byline>;
  index: number;
  intro: boolean;
  marked: boolean;
  dateLed?: boolean;
}

/** One to three names of two to four capitalized words, apart by commas or `und`/`and`. */
const personLine =
  /^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}(?:(?:, | und | and | & )\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3}){0,2}$/u;

/** Lines near the headline that read as a byline: an intro word, an author class, a leading date. */
function findPageBylines(
  units: readonly Unit[],
  headlineUnit: number | undefined,
  keep: UnitFlags,
): PageByline[] {
  const result: PageByline[] = [];
  const from = headlineUnit === undefined ? 0 : Math.max(0, headlineUnit - 3);
  const firstKept = keep.firstAfter(headlineUnit ?? -1);
  const to = Math.min(units.length, Math.max(from + 12, (firstKept < 0 ? from : firstKept) + 4));
  for (let index = from; index < to && result.length < 3; index++) {
    const unit = units[index]!;
    // The headline is not its own byline (`<article class="post author-ana">` marks it too).
    if (index === headlineUnit) continue;
    if (unit.kind !== 'paragraph' && unit.kind !== 'list' && unit.kind !== 'heading') continue;
    if (unit.text.length > 200) continue;
    if (hasAncestorClass(unit.element, commentClass, 6)) continue;
    const marked = hasAncestorClass(unit.element, bylineClass, 4);
    const text = fieldText(unit);
    const undated = withoutLeadingDates(text);
    const intro =
      introWords.test(text) || introWords.test(undated) || bylineIntro(undated) !== undefined;
    // `04.02.2022 | 13:10 Uhr | Ana Ruiz`: a line that opens with its date and ends in a name.
    const dateLed = !intro && !marked && undated !== text && personLine.test(undated);
    if (!intro && !marked && !dateLed) continue;
    const byline = readByline(text);
    if (!byline) continue;
    const persons = byline.contributors.filter((c) => c.type !== 'Organization');
    if (persons.length === 0 && !marked) continue;
    result.push({
      candidate: { value: byline, from: `the page's byline`, start: unit.start, end: unit.end },
      index,
      intro,
      marked,
      dateLed,
    });
  }
  // One labelled line further down the story (`Autor: …`, `Text: …` at its end).
  // (Not `Math.max(...keep)`: a million arguments overflow the stack.)
  const lastKept = keep.last();
  for (
    let index = to;
    index <= lastKept + 3 && index < units.length && result.length < 3;
    index++
  ) {
    const unit = units[index]!;
    if (unit.kind !== 'paragraph' || unit.text.length > 160) continue;
    // Not kept on the unit: this reads every short paragraph of the story (100,000 on a page
    // of one-word paragraphs), and few are read again.
    const text = fieldText(unit, false);
    if (bylineIntro(text) === undefined || hasAncestorClass(unit.element, commentClass, 6))
      continue;
    const byline = readByline(text);
    if (!byline?.contributors.some((c) => c.type !== 'Organization')) continue;
    result.push({
      candidate: { value: byline, from: `the page's byline`, start: unit.start, end: unit.end },
      index,
      intro: true,
      marked: hasAncestorClass(unit.element, bylineClass, 4),
    });
    break;
  }
  return result;
}

const introWords =
  /^\s*(?:by|von|par|por|di|door|av|af|przez|od|written by|posted by|reported by)\b/iu;

/** Words of organization names. */
const orgWords =
  /\b(?:gmbh|e\.\s?v\.|ag|ltd|inc|llc|verlag|redaktion|online|news|magazin|magazine|zeitung|media|medien|team|staff|editorial|desk|press|presse)\b|www\.|\.(?:com|de|org|net)\b/iu;

/** Class or id words of elements that hold the author's name. */
const authorElementClass =
  /(?:^|[\s_-])(?:author|authors|byline|autor|autorin|auteur|autore|writer|verfasser|creator|article-author|author-name|authorname)(?:$|[\s_-])/u;
/** Link paths of author pages (`/author/jon-fingas/`), matched on the lower-cased link. */
const authorPath =
  /\/(?:author|authors|autor|autoren|auteur|auteurs|autore|editors|staff|journalist|journalists|people|profile|profiles|mitarbeiter|redakteur|writers?)\/[^/?#]+/;

/** Parts of an author box that are not the name. */
const notAuthorName = /avatar|image|img|photo|bio|desc|social|follow|more|archive|link-list|box/u;

/**
 * Bylines from elements marked as the author's (`<span class="author">`, `<div
 * id="author_header">`, author-page links, `rel=author`): up to three, those after the headline
 * first; comment sections are skipped.
 */
function authorElementBylines(root: HtmlElement, after: number): Array<Candidate<Byline>> {
  const before: Array<Candidate<Byline>> = [];
  const later: Array<Candidate<Byline>> = [];
  let seen = 0;
  const stack: HtmlElement[] = [root];
  while (stack.length > 0 && later.length < 3) {
    const element = stack.pop()!;
    const words = classAndId(element);
    if (words && commentClass.test(words)) continue;
    if (element.name === 'script' || element.name === 'style' || element.name === 'head') continue;
    const authorLink =
      element.name === 'a' && authorPath.test((element.attributes.href ?? '').toLowerCase());
    if (
      (words &&
        authorElementClass.test(words) &&
        (!notAuthorName.test(words) || authorBox.test(words))) ||
      authorLink ||
      element.attributes.rel === 'author'
    ) {
      const text = fieldTextOf([element], { blocks: 'dot' });
      if (text.length > 120 && authorBox.test(words)) {
        // `<div class="author-bio"><h3>Name</h3><p>Bio …</p></div>`: the box's title.
        const name = boxTitle(element);
        const byline = name ? readByline(name) : undefined;
        if (name && byline?.contributors.some((c) => c.type !== 'Organization'))
          (element.start >= after ? later : before).push({
            value: byline,
            from: `the page's author box`,
            start: element.start,
            end: element.end,
          });
      }
      if (text.length >= 3 && text.length <= 120) {
        const byline = readByline(text);
        if (byline?.contributors.some((c) => c.type !== 'Organization')) {
          const found = {
            value: byline,
            from: `the page's author element`,
            start: element.start,
            end: element.end,
          };
          (element.start >= after ? later : before).push(found);
        }
        if (++seen > 50) break;
        continue;
      }
    }
    for (let index = element.children.length - 1; index >= 0; index--) {
      const child = element.children[index]!;
      if (child.type === 'element') stack.push(child);
    }
  }
  return [...later, ...before].slice(0, 3);
}

/** Class words of an author box (name, photo and biography together). */
const authorBox = /(?:^|[\s_-])(?:bio|box|author-info|about-author|author-about)(?:$|[\s_-])/u;

/** The first heading or bold line of an author box (its first 40 elements), 3–60 characters. */
function boxTitle(box: HtmlElement): string | undefined {
  const list = elementsOf(box);
  for (let index = 1; index < list.length && index < 40; index++) {
    const element = list[index]!;
    if (!/^(?:h[2-6]|strong|b)$/u.test(element.name)) continue;
    const text = fieldTextOf([element]);
    if (text.length >= 3 && text.length <= 60) return text;
  }
  return undefined;
}

function hasAncestorClass(element: HtmlElement, pattern: RegExp, reach: number): boolean {
  return someAncestor(element, reach, (current) => {
    const attributes = current.attributes;
    // Component names of script-built pages (`data-testid="prism-byline"`) count too.
    const testId = attributes['data-testid'];
    return (
      pattern.test(classAndId(current)) ||
      (!!testId && pattern.test(testId.toLowerCase())) ||
      attributes.rel === 'author' ||
      attributes.itemprop === 'author'
    );
  });
}

type MetaDateCandidate = Candidate<ParsedDate> & { unit?: number };

function ldDate(value: string, found: Found, options: object): MetaDateCandidate[] {
  const parsed = readDate(value, options);
  if (parsed) return [{ ...candidate(parsed, found) }];
  return [{ value: isoDate(value), ...foundPlace(found) }];
}

function candidate<T>(value: T, found: Found): Candidate<T> {
  return { value, from: found.from, start: found.start, end: found.end };
}

/**
 * The first date in order of trust, upgraded to a later candidate of the same calendar day
 * that says more (a time with its offset beats a bare day). A candidate on another day is a
 * conflict.
 */
function pickDate(
  candidates: readonly MetaDateCandidate[],
  field: string,
  diagnostics: Diagnostic[],
  range: (start: number, end: number) => Position,
): MetaDateCandidate | undefined {
  const [first] = candidates;
  if (!first) return undefined;
  let chosen = first;
  const day = first.value.value.slice(0, 10);
  let conflictReported = false;
  for (const other of candidates.slice(1)) {
    const otherDay = other.value.value.slice(0, 10);
    if (otherDay === day) {
      if (dateRank(other.value) > dateRank(chosen.value)) {
        const unit = chosen.unit ?? other.unit;
        chosen = unit === undefined ? { ...other } : { ...other, unit };
      } else if (other.unit !== undefined && chosen.unit === undefined)
        chosen = { ...chosen, unit: other.unit };
    } else if (
      !conflictReported &&
      other.from !== 'the URL' &&
      other.from !== 'the page' &&
      Math.abs(Date.parse(otherDay) - Date.parse(day)) > 86_400_000
    ) {
      conflictReported = true;
      diagnostics.push(
        conflict(
          field,
          { ...chosen, value: chosen.value.value },
          { ...other, value: other.value.value },
          range,
        ),
      );
    }
  }
  return chosen;
}

/** A date the metadata gives on another day than the one chosen is an `info` conflict. */
function reportDateConflict(
  chosen: DateCandidate,
  candidates: readonly DateCandidate[],
  diagnostics: Diagnostic[],
  range: (start: number, end: number) => Position,
): void {
  const day = chosen.value.value.slice(0, 10);
  for (const other of candidates) {
    if (!metadataSources.has(other.source) || other.says === 'modified') continue;
    const otherDay = other.value.value.slice(0, 10);
    if (Math.abs(Date.parse(otherDay) - Date.parse(day)) <= 86_400_000) continue;
    diagnostics.push(
      conflict(
        'datePublished',
        { ...chosen, value: chosen.value.value },
        { ...other, value: other.value.value },
        range,
      ),
    );
    return;
  }
}

const metadataSources: ReadonlySet<DateSource> = new Set([
  'json-ld',
  'meta-published',
  'meta-date',
  'time-marked',
]);

/** The lead image with the `alt` and caption the page prints for the same image, when metadata has none. */
function withFigureText(image: Image | undefined, body: readonly Block[]): Image | undefined {
  if (!image?.url) return image;
  const figure = body.find((block) => block.type === 'figure' && block.url === image.url);
  if (figure?.type !== 'figure') return image;
  const result: Image = { ...image };
  if (result.alt === undefined && figure.alt !== undefined) result.alt = figure.alt;
  if (result.caption === undefined && figure.caption !== undefined) result.caption = figure.caption;
  return result;
}

function metaImage(
  meta: ReturnType<typeof readPageMeta>,
  base: string | undefined,
): Image | undefined {
  const found = firstMeta(meta, metaKeys.image);
  if (!found) return undefined;
  const url = resolveUrl(found.value, base);
  if (!url || !/^https?:/iu.test(url)) return undefined;
  const image: Image = { url };
  const alt = firstMeta(meta, ['og:image:alt', 'twitter:image:alt']);
  if (alt) image.alt = alt.value;
  const width = Number(firstMeta(meta, ['og:image:width'])?.value);
  const height = Number(firstMeta(meta, ['og:image:height'])?.value);
  if (Number.isInteger(width) && width > 0) image.width = width;
  if (Number.isInteger(height) && height > 0) image.height = height;
  return image;
}

function leadFigure(
  units: readonly Unit[],
  kept: readonly number[],
  context: { base: string | undefined },
): Image | undefined {
  for (let at = 0; at < kept.length; at++) {
    const unit = units[kept[at]!]!;
    if (unit.kind === 'figure') return toImage(unit.element, context);
  }
  return undefined;
}

function metaKeywords(meta: ReturnType<typeof readPageMeta>): string[] | undefined {
  const tags = allMeta(meta, ['article:tag']).map((found) => found.value);
  const list =
    tags.length > 0
      ? tags
      : (firstMeta(meta, ['keywords', 'news_keywords'])?.value.split(/[,;]/u) ?? []);
  const result = [
    ...new Set(
      list.map((word) => collapse(word)).filter((word) => word !== '' && word.length <= 100),
    ),
  ];
  return result.length > 0 ? result.slice(0, 50) : undefined;
}

/**
 * Report the left-out units (navigation, related links, comments, footers) as `info`: one
 * diagnostic per kind of place (before, inside, after the story), positioned at its first run
 * of left-out units, with the number of blocks and runs; the note says where the next ten
 * runs start.
 */
function reportDropped(
  units: readonly Unit[],
  body: UnitFlags,
  headlineUnit: number | undefined,
  used: ReadonlySet<number>,
  diagnostics: Diagnostic[],
  range: (start: number, end: number) => Position,
): void {
  let runStart = -1;
  const bodyFirst = body.firstAfter(-1);
  const bodyLast = body.last();
  /** The runs (first and after-last unit) of each kind of place, in page order. */
  const kinds = new Map<string, Array<[number, number]>>();
  const flush = (end: number) => {
    if (runStart < 0) return;
    const kind =
      body.size === 0
        ? ''
        : runStart < bodyFirst
          ? ' before the story'
          : runStart > bodyLast
            ? ' after the story'
            : ' inside the story';
    const runs = kinds.get(kind);
    if (runs) runs.push([runStart, end]);
    else kinds.set(kind, [[runStart, end]]);
    runStart = -1;
  };
  for (let index = 0; index < units.length; index++) {
    const dropped =
      !body.has(index) && index !== headlineUnit && !used.has(index) && units[index]!.text !== '';
    if (dropped && runStart < 0) runStart = index;
    if (!dropped) flush(index);
  }
  flush(units.length);
  for (const [kind, runs] of kinds) {
    const first = units[runs[0]![0]]!;
    let count = 0;
    for (const [from, to] of runs) count += to - from;
    const more = runs.length - 11;
    const note =
      runs.length > 1
        ? `Also left out at ${runs
            .slice(1, 11)
            .map(([from]) => where(range(units[from]!.start, units[from]!.start)))
            .join(', ')}${more > 0 ? ` and ${more} more place${more === 1 ? '' : 's'}` : ''}`
        : undefined;
    diagnostics.push(
      htmlDiagnostic(
        'page-furniture-dropped',
        `Left out ${count} block${count === 1 ? '' : 's'}${runs.length > 1 ? ` in ${runs.length} places` : ''}${kind} (navigation, ads, related links, comments, footers), ${runs.length > 1 ? 'the first ' : ''}starting \`${short(first.text || first.element.name)}\``,
        range(first.start, units[runs[0]![1] - 1]!.end),
        note ? { note } : {},
      ),
    );
  }
}

export { featureNames };
