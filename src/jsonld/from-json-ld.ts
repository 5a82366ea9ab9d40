import { looksLikeByline, parseByline } from '../fields/parse-byline.js';
import { type ParseDateOptions, parseDate } from '../fields/parse-date.js';
import { collapseWhiteSpace } from '../fields/white-space.js';
import type { Article, ArticleType } from '../schema/article.js';
import type { Contributor, ContributorRole } from '../schema/byline.js';
import type { ArticlePath, Diagnostic, Point } from '../schema/diagnostic.js';
import { lineStarts, pointAt, rangeAt } from '../schema/line-index.js';
import {
  type ArticleCandidate,
  type ArticleChoice,
  articleTypeOf,
  mainArticle,
} from './main-article.js';
import { isAbsoluteUrl, isClassSelector, isEmail, isLanguageTag, isYear } from './model-checks.js';
import {
  type DroppedValue,
  indexNodes,
  isNode,
  type JsonLdNode,
  maxDepth,
  normalizeJsonLd,
} from './normalize-json-ld.js';
import { type JsonObjectPlaces, keyPlace } from './parse-json-with-places.js';
import { readDate, zoneFormat } from './read-date.js';
import { jsonPlaces, readJsonText } from './read-json-text.js';
import { controlCharacterDiagnostic, type JsonLdRuleId, jsonLdDiagnostic } from './rules.js';

/** Options for {@link fromJsonLd}. */
export interface FromJsonLdOptions {
  /**
   * The IANA time zone of date-times written without a UTC offset, e.g. `America/New_York`:
   * `2026-03-10T18:05:00` becomes `2026-03-10T18:05:00-04:00`. Default: none, and such a
   * date-time keeps its date only (`2026-03-10`) with a `date-without-offset` warning, since
   * guessing the zone would invent a time.
   */
  timeZone?: string;
  /**
   * The URL of the page the JSON-LD comes from. When a document holds several article nodes,
   * the one whose `url`, `@id` or `mainEntityOfPage` names this page (fragment, trailing slash
   * and `http`/`https` aside) is read. Default: none (see the README for the other rules).
   */
  url?: string;
  /**
   * Where the JSON text starts in its file, e.g. `block.position.start` of a block found by
   * `extractJsonLd`, so that diagnostic places point into the file. Default: line 1,
   * column 1, offset 0 (places relative to the text). Only used when `input` is text.
   */
  start?: Point;
}

/** A point in a text, moved to where the text starts in its file. */
function shift(point: Point, start: Point | undefined): Point {
  if (!start) return point;
  return {
    line: point.line + start.line - 1,
    column: point.line === 1 ? point.column + start.column - 1 : point.column,
    offset: (point.offset ?? 0) + (start.offset ?? 0),
  };
}

/** The result of {@link fromJsonLd}. */
export interface FromJsonLdResult {
  /** The article, valid against the article model, when an article node was found. */
  article?: Article;
  /** What could not be read or mapped, in one pass. */
  diagnostics: Diagnostic[];
}

/** schema.org types read as an organization rather than a person, in lower case (`organization` is seen). */
const organizationTypes = new Set(
  [
    'Organization',
    'NewsMediaOrganization',
    'Corporation',
    'GovernmentOrganization',
    'NGO',
    'EducationalOrganization',
    'CollegeOrUniversity',
    'LocalBusiness',
    'OnlineBusiness',
    'PerformingGroup',
    'SportsOrganization',
    'MedicalOrganization',
    'Project',
    'ResearchOrganization',
    'LibrarySystem',
    'WorkersUnion',
    'PoliticalParty',
    'Consortium',
    'FundingScheme',
    'Airline',
  ].map((name) => name.toLowerCase()),
);

/** Which contributor role each agent property of the article is read as. */
const agentProperties = [
  ['author', 'author'],
  ['contributor', 'contributor'],
  ['editor', 'editor'],
  ['translator', 'translator'],
] as const;

/** Correction kinds by their printed name (`CorrectionComment.name`), lower case. */
const correctionTypes: ReadonlyMap<string, 'correction' | 'clarification' | 'update'> = new Map([
  ['correction', 'correction'],
  ['clarification', 'clarification'],
  ['update', 'update'],
]);

/** Article properties that are read, or that need no reading (derived or structural). */
const readProperties = new Set([
  '@context',
  '@id',
  '@type',
  'headline',
  'name',
  'alternativeHeadline',
  'genre',
  'description',
  'url',
  'mainEntityOfPage',
  'isPartOf',
  'identifier',
  'inLanguage',
  'datePublished',
  'dateModified',
  'dateCreated',
  'author',
  'creator',
  'contributor',
  'editor',
  'translator',
  'creditText',
  'publisher',
  'dateline',
  'locationCreated',
  'sourceOrganization',
  'articleSection',
  'image',
  'keywords',
  'wordCount',
  'articleBody',
  'isAccessibleForFree',
  'hasPart',
  'correction',
  'copyrightHolder',
  'copyrightYear',
  'copyrightNotice',
  'creativeWorkStatus',
]);

const urlLike = /^https?:\/\//i;
const digits = /^\s*(\d{1,7})(?:\s*px)?\s*$/i;
const mailto = /^mailto:/i;

type Draft = Record<string, unknown>;

/** How deep a value is searched for text, a URL or a size (object input may be cyclic). */
const maxValueDepth = 8;
/** Why a value was left out of the normalized document, for the `unmapped-value` message. */
const droppedMessages: Record<DroppedValue['reason'], (key: string) => string> = {
  'too-deep': (key) =>
    `Unexpected value of \`${key}\` nested more than ${maxDepth} levels deep: left out`,
  'not-data': (key) =>
    `Unexpected value of \`${key}\`, expected JSON data (not a function, getter, \`Date\` or other class instance): left out`,
  'reserved-key': (key) =>
    `Unexpected key \`${key}\`: never a schema.org term, its value is not read`,
};
/**
 * What `parseByline` found in one author name besides the name, as the lint rule that names
 * the problem, in order of precedence: the rule id, when it applies, and what it says.
 */
const nameFindings: ReadonlyArray<
  [
    JsonLdRuleId,
    (contributor: Contributor, name: string, declared: 'Person' | undefined) => boolean,
    string,
  ]
> = [
  [
    'author-type-mismatch',
    (contributor, _name, declared) => declared === 'Person' && contributor.type === 'Organization',
    'is typed `Person` but names an organization',
  ],
  [
    'author-name-has-prefix',
    (contributor, name) => contributor.honorificPrefix !== undefined || looksLikeByline(name),
    'has intro words or an honorific before the name',
  ],
  [
    'author-name-has-job-title',
    (contributor) => contributor.jobTitle !== undefined,
    'holds a job title',
  ],
  [
    'author-name-has-outlet',
    (contributor) => contributor.affiliation !== undefined,
    'holds an outlet name',
  ],
  [
    'author-name-has-credentials',
    (contributor) => contributor.honorificSuffix !== undefined,
    'holds credentials',
  ],
];
/** Why the main article was read, as the `multiple-articles` message says it. */
const choiceReasons: Record<ArticleChoice, string> = {
  url: 'the one whose URL is the page’s (`options.url`)',
  main: 'the one at the top of the document, not nested in another node',
  headline: 'the one with a headline',
  type: 'the one of the most specific type',
  size: 'the one with the most properties',
  first: 'the first',
};
/** How long a printed date may be (longer text is no date). */
const maxPrintedDate = 120;
/** A zone name in parentheses after a date, as `Date#toString()` writes it. */
const zoneComment = /(?<!\s)\s*\([^()]*\)\s*$/;
/** How many items the values of one property may hold, nested arrays included. */
const maxListItems = 1_000_000;
/** How many values one search for text may look at. */
const maxTextSteps = 10_000;
/** How many unmapped properties of the article node get a finding each (the rest share one). */
export const maxUnmappedFindings = 100;

/** A readable article path: `['byline', 'contributors', 0, 'url']` → `byline.contributors[0].url`. */
function formatPath(path: ArticlePath): string {
  let result = '';
  for (const part of path) {
    if (typeof part === 'number') result += `[${part}]`;
    else result += result === '' ? part : `.${part}`;
  }
  return result;
}

/** A place asked for by `Reader.at`: an object of the parsed text, and one of its keys as written. */
class PendingPlace {
  constructor(
    readonly source: object,
    readonly key: string | undefined,
  ) {}
}

/**
 * Diagnostic fields as the reader passes them around: the place, if any, is still pending
 * (turned into lines and columns by `Reader.report`, only for what is reported).
 */
type Where = Partial<Omit<Diagnostic, 'ruleId' | 'message' | 'source' | 'place'>> & {
  place?: PendingPlace;
};

/** Where things are in the JSON text `fromJsonLd` read: line starts and places, each made on first use. */
interface JsonTextPlaces {
  starts: () => number[];
  places: () => Map<object, JsonObjectPlaces>;
  start: Point | undefined;
}

/**
 * Line starts and places of `text`, whose parse gave `value`, made on first use (most
 * documents need few places or none: see {@link jsonPlaces}); `known` when the parse made them.
 */
function jsonTextPlaces(
  text: string,
  value: unknown,
  known: Map<object, JsonObjectPlaces> | undefined,
  start: Point | undefined,
): JsonTextPlaces {
  let starts: number[] | undefined;
  let places = known;
  return {
    starts: () => {
      starts ??= lineStarts(text);
      return starts;
    },
    places: () => {
      places ??= jsonPlaces(text, value);
      return places;
    },
    start,
  };
}

/** The reading of one document: diagnostics and `@id` resolution. */
class Reader {
  readonly diagnostics: Diagnostic[] = [];
  readonly timeZone: string | undefined;
  /** How dates that are not ISO 8601 are read: the time zone, and the article's language. */
  readonly dateOptions: ParseDateOptions;
  /** The text found in each object value, so that a value shared many times is searched once. */
  private readonly texts = new WeakMap<object, string | undefined>();

  constructor(
    readonly byId: Map<string, JsonLdNode>,
    timeZone: string | undefined,
    readonly sources: Map<object, object>,
    readonly renamedKeys: Map<object, Map<string, string>>,
    readonly text_: JsonTextPlaces | undefined,
  ) {
    this.timeZone = timeZone;
    this.dateOptions = timeZone === undefined ? {} : { timeZone };
  }

  /**
   * The place in the JSON text of a node, or of one of its properties (key to end of value),
   * as diagnostic fields; empty when the input was not text. The place is a {@link PendingPlace}
   * that {@link report} turns into lines and columns: most places asked for are never reported,
   * and the text's places are only made for the first one that is.
   */
  at(node: unknown, key?: string): Where {
    if (!this.text_ || typeof node !== 'object' || node === null) return {};
    const source = this.sources.get(node);
    if (source === undefined) return {};
    const written = key === undefined ? undefined : (this.renamedKeys.get(node)?.get(key) ?? key);
    // A key the parsed object has is in the text (the places parse keeps the last of repeats).
    if (written !== undefined && !Object.hasOwn(source, written)) return {};
    return { place: new PendingPlace(source, written) };
  }

  /** Where a pending place is, or `undefined` when the text has no place for it. */
  private placeOf(pending: PendingPlace): Diagnostic['place'] | undefined {
    if (!this.text_) return undefined;
    const places = this.text_.places().get(pending.source);
    if (!places) return undefined;
    const range = pending.key === undefined ? places : keyPlace(places, pending.key);
    if (!range) return undefined;
    const { start, end } = rangeAt(this.text_.starts(), range.start, range.end);
    return { start: shift(start, this.text_.start), end: shift(end, this.text_.start) };
  }

  report(ruleId: JsonLdRuleId, message: string, extra: Where = {}): void {
    const { place: pending, ...fields } = extra;
    const place = pending === undefined ? undefined : this.placeOf(pending);
    this.diagnostics.push(
      jsonLdDiagnostic(ruleId, message, place === undefined ? fields : { ...fields, place }),
    );
  }

  /** A value the model accepts, or `undefined` with an `invalid-value` diagnostic. */
  valid<T extends string | number>(
    value: T | undefined,
    check: (value: T) => boolean,
    path: ArticlePath,
    expected: string,
    where: Where = {},
  ): T | undefined {
    if (value === undefined || check(value)) return value;
    const actual = String(value).slice(0, 60);
    this.report(
      'invalid-value',
      `Unexpected \`${actual}\` for \`${formatPath(path)}\`, expected ${expected}: left out`,
      { path, actual, ...where },
    );
    return undefined;
  }

  /** A URL the model accepts (absolute http or https), or `undefined` with a diagnostic. */
  validUrl(value: unknown, path: ArticlePath, where: Where = {}): string | undefined {
    return this.valid(this.url(value), isAbsoluteUrl, path, 'an absolute http(s) URL', where);
  }

  /** The URLs of a `sameAs` list that the model accepts. */
  validUrls(value: unknown, path: ArticlePath, where: Where = {}): string[] {
    const urls: string[] = [];
    for (const item of this.all(value, path)) {
      const url = this.validUrl(item, [...path, urls.length], where);
      if (url !== undefined) urls.push(url);
    }
    return urls;
  }

  /** A node, with a bare `{"@id"}` reference replaced by the node it names. */
  resolve(value: unknown, path: ArticlePath): unknown {
    if (!isNode(value)) return value;
    const id = value['@id'];
    if (typeof id !== 'string') return value;
    const onlyReference = Object.keys(value).every((key) => key === '@id' || key === '@type');
    if (!onlyReference) return value;
    const node = this.byId.get(id);
    if (node) return node;
    if (urlLike.test(id)) return id;
    this.report(
      'unresolved-reference',
      `Unresolved reference \`${id}\`: no node has this \`@id\``,
      { path, actual: id, ...this.at(value) },
    );
    return undefined;
  }

  /**
   * Each value of a property (one or many), references resolved. Nested arrays are flattened
   * (`"author": [[a, b]]`), as JSON-LD expansion does; a few levels deep, with a bound on the
   * items visited, since object input may share one array many times over.
   */
  all(value: unknown, path: ArticlePath): unknown[] {
    if (!Array.isArray(value)) {
      const resolved = value === undefined ? undefined : this.resolve(value, path);
      return resolved === undefined ? [] : [resolved];
    }
    const result: unknown[] = [];
    let steps = maxListItems;
    const visit = (items: readonly unknown[], depth: number) => {
      for (const item of items) {
        if (--steps < 0) return;
        if (Array.isArray(item)) {
          if (depth < maxValueDepth) visit(item, depth + 1);
          continue;
        }
        const resolved = this.resolve(item, path);
        if (resolved !== undefined) result.push(resolved);
      }
    };
    visit(value, 0);
    return result;
  }

  /**
   * The text of a value: a string, a number, or the `name` of a node; in an array, the first
   * item that has one. The search is bounded in depth and in steps, since object input may be
   * cyclic or share one array many times over.
   */
  text(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null) return this.search(value);
    // One search per object: object input may list one shared value a million times.
    if (this.texts.has(value)) return this.texts.get(value);
    const found = this.search(value);
    this.texts.set(value, found);
    return found;
  }

  private search(value: unknown): string | undefined {
    let steps = maxTextSteps;
    const search = (item: unknown, depth: number): string | undefined => {
      if (--steps < 0) return undefined;
      if (typeof item === 'string') return item.trim() === '' ? undefined : item;
      if (typeof item === 'number') return Number.isFinite(item) ? String(item) : undefined;
      if (depth > maxValueDepth) return undefined;
      if (Array.isArray(item)) {
        for (const each of item) {
          const found = search(each, depth + 1);
          if (found !== undefined || steps < 0) return found;
        }
        return undefined;
      }
      return isNode(item) ? search(item.name, depth + 1) : undefined;
    };
    return search(value, 0);
  }

  /** The first text of a property, reporting a value that has none. */
  firstText(node: JsonLdNode, property: string, path: ArticlePath): string | undefined {
    const value = node[property];
    if (value === undefined) return undefined;
    const text = this.text(this.all(value, path));
    if (text === undefined) this.unreadable(property, path, 'text', this.at(node, property));
    return text;
  }

  unreadable(property: string, path: ArticlePath, expected = 'text', where: Where = {}): void {
    this.report('unmapped-value', `Unexpected value for \`${property}\`, expected ${expected}`, {
      path,
      actual: property,
      ...where,
    });
  }

  /** A URL: a string, or the `url`/`contentUrl`/`@id` of a node. */
  url(value: unknown, depth = 0): string | undefined {
    if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
    if (Array.isArray(value))
      return depth > maxValueDepth ? undefined : this.url(value[0], depth + 1);
    if (!isNode(value)) return undefined;
    for (const key of ['contentUrl', 'url', '@id']) {
      const candidate = value[key];
      if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim();
    }
    return undefined;
  }

  date(node: JsonLdNode, property: string, path: ArticlePath): string | undefined {
    const value = node[property];
    if (value === undefined) return undefined;
    const text = this.text(value);
    if (text === undefined) {
      this.report('invalid-date', `Unexpected value for \`${property}\`, expected a date`, {
        path,
        ...this.at(node, property),
      });
      return undefined;
    }
    const result = readDate(text, this.timeZone);
    if (result.ok) return result.value;
    if (result.reason === 'no-offset' && result.dateOnly !== undefined) {
      this.report(
        'date-without-offset',
        `Date-time \`${text}\` in \`${property}\` has no UTC offset: kept the date \`${result.dateOnly}\` only (pass \`timeZone\` to keep the time)`,
        { path, actual: text, expected: result.dateOnly, ...this.at(node, property) },
      );
      return result.dateOnly;
    }
    // Not ISO 8601: RFC 2822 (`Mon, 18 Nov 2019 16:07:38 -0600`), a zone name (`07:09 GMT`,
    // `03:00:00 UTC`), `Date#toString()` output, or a printed date (`November 19, 2019`).
    const printed = text.length <= maxPrintedDate ? text.replace(zoneComment, '') : '';
    const parsed = printed === '' ? undefined : parseDate(printed, this.dateOptions);
    if (parsed !== undefined) {
      const note = parsed.note === undefined ? '' : ` (${parsed.note.replace(/\.$/, '')})`;
      this.report(
        'date-not-iso',
        `Unexpected date \`${text.slice(0, 60)}\` in \`${property}\`, expected ISO 8601 such as \`2026-03-10T18:05:00-05:00\`: read as \`${parsed.value}\`${note}`,
        { path, actual: text.slice(0, 60), expected: parsed.value, ...this.at(node, property) },
      );
      return parsed.value;
    }
    this.report(
      'invalid-date',
      `Unexpected date \`${text.slice(0, 60)}\` in \`${property}\`, expected ISO 8601 such as \`2026-03-10T18:05:00-05:00\``,
      { path, actual: text.slice(0, 60), ...this.at(node, property) },
    );
    return undefined;
  }

  size(value: unknown, depth = 0): number | undefined {
    if (isNode(value)) return depth > maxValueDepth ? undefined : this.size(value.value, depth + 1);
    if (typeof value === 'number')
      return Number.isSafeInteger(value) && value > 0 ? value : undefined;
    if (typeof value === 'string') {
      const match = digits.exec(value);
      const number = match ? Number(match[1]) : 0;
      return number > 0 ? number : undefined;
    }
    return undefined;
  }

  types(node: JsonLdNode): string[] {
    const types = node['@type'];
    return Array.isArray(types) ? (types as string[]) : [];
  }

  /**
   * The contributors a name stands for, read with `parseByline` (names kept in their case):
   * `By A and B, Associated Press` is two people with their affiliation, `Reuters` an
   * organization, `By Ana Ruiz` just the name, `Ana Ruiz, Staff Writer` a name and a job title.
   * `undefined` keeps the name as written (trimmed): when `parseByline` finds no byline in it
   * (`admin`), would split it into one-word names (`Doe, Jane`), or would give a name the text
   * does not hold (a user name such as `jdoe81` losing its digits, a name with parentheses).
   */
  nameParts(name: string, role: string): Contributor[] | undefined {
    const intro = looksLikeByline(name);
    const parsed = parseByline(intro ? name : `By ${name}`, {
      defaultRole: role as ContributorRole,
      nameCase: false,
    }).contributors;
    if (parsed.length === 0) return undefined;
    const lower = name.toLowerCase();
    if (!parsed.every((contributor) => lower.includes(contributor.name.toLowerCase()))) {
      return undefined;
    }
    // `Doe, Jane` is one person written family name first, not `Doe` and `Jane`.
    const oneWord = (contributor: Contributor) =>
      contributor.type === 'Person' && !contributor.name.includes(' ');
    if (parsed.length > 1 && parsed.some(oneWord)) return undefined;
    // One plain person whose name is not the text, only re-cased: parseByline cut something
    // (digits, parentheses) that was part of the name as written.
    const [only] = parsed;
    const plain =
      parsed.length === 1 &&
      only?.type === 'Person' &&
      only.role === role &&
      Object.keys(only).every((key) => key === 'name' || key === 'type' || key === 'role');
    if (plain && !intro && only.name.toLowerCase() !== lower) return undefined;
    // An agency by its own name (`Reuters`, `REUTERS`), not a person who happens to spell one
    // in another case (`Ap`).
    if (
      parsed.length === 1 &&
      only?.type === 'Organization' &&
      !intro &&
      only.name !== name &&
      name !== name.toUpperCase()
    ) {
      return undefined;
    }
    return parsed;
  }

  /** What changed when a name was read with `parseByline`, reported with the lint rule ids. */
  nameFinding(
    name: string,
    parsed: readonly Contributor[],
    declared: 'Person' | undefined,
    source: string,
    index: number,
    where: Where,
  ): void {
    const path: ArticlePath = ['byline', 'contributors', index, 'name'];
    const shown = `\`${name.slice(0, 80)}\``;
    const [only] = parsed;
    if (parsed.length > 1) {
      const names = parsed.map((contributor) => contributor.name).join(', ');
      this.report(
        'multiple-authors-in-one-name',
        `\`${source}\` holds ${parsed.length} names in one (${shown}): read as ${names}`,
        { path, actual: name.slice(0, 80), ...where },
      );
      return;
    }
    if (only === undefined) return;
    const found = nameFindings.find(([, applies]) => applies(only, name, declared));
    if (!found) return;
    const [ruleId, , what] = found;
    this.report(ruleId, `\`${source}\` ${what} (${shown}): read as \`${only.name}\``, {
      path,
      actual: name.slice(0, 80),
      expected: only.name,
      ...where,
    });
  }

  /** A contributor that `parseByline` read, with the values the model rejects left out. */
  parsedContributor(contributor: Contributor): Draft {
    const draft: Draft = { ...contributor };
    if (typeof draft.url === 'string' && !isAbsoluteUrl(draft.url)) delete draft.url;
    if (typeof draft.email === 'string' && !isEmail(draft.email)) delete draft.email;
    return draft;
  }

  /** The people or organizations an agent value stands for: a name string or a node. */
  agents(value: unknown, role: string, source: string, index: number, where: Where): Draft[] {
    const path: ArticlePath = ['byline', 'contributors', index];
    if (typeof value === 'string') {
      const name = collapseWhiteSpace(value);
      if (name === '') return [];
      if (urlLike.test(name)) {
        this.report(
          'missing-name',
          `\`${source}\` is a URL (\`${value.slice(0, 60)}\`), not a name: left out`,
          { path: path.slice(0, 2), actual: value.slice(0, 60), ...where },
        );
        return [];
      }
      const parsed = this.nameParts(name, role);
      if (parsed === undefined) return [{ name, type: 'Person', role }];
      this.nameFinding(name, parsed, undefined, source, index, where);
      return parsed.map((contributor) => this.parsedContributor(contributor));
    }
    if (!isNode(value)) return [];
    const types = this.types(value);
    // `["Person", "Organization"]` (Yoast's site that represents a person) is a person.
    const declaredOrganization =
      types.some((name) => organizationTypes.has(name.toLowerCase())) &&
      !types.some((name) => name.toLowerCase() === 'person');
    const given = this.text(value.name);
    let name = given === undefined ? undefined : collapseWhiteSpace(given);
    if (name === undefined || name === '') {
      const parts = [value.givenName, value.additionalName, value.familyName]
        .map((part) => this.text(part))
        .filter((part): part is string => part !== undefined);
      name = parts.length > 0 ? collapseWhiteSpace(parts.join(' ')) : undefined;
    }
    if (name === undefined || name === '') {
      this.report('missing-name', `\`${source}\` has no \`name\`: left out`, {
        path: path.slice(0, 2),
        ...this.at(value),
      });
      return [];
    }
    // An organization's name is its name (`Procter and Gamble`); a person's is read as a byline.
    const parsed =
      declaredOrganization || given === undefined ? undefined : this.nameParts(name, role);
    if (parsed !== undefined) {
      this.nameFinding(name, parsed, 'Person', source, index, {
        ...where,
        ...this.at(value, 'name'),
      });
      // Several people in one node: the node's other properties belong to none of them alone.
      if (parsed.length > 1)
        return parsed.map((contributor) => this.parsedContributor(contributor));
    }
    const agent: Draft = parsed?.[0]
      ? this.parsedContributor(parsed[0])
      : { name, type: declaredOrganization ? 'Organization' : 'Person', role };
    const jobTitle = this.text(value.jobTitle);
    if (jobTitle !== undefined) agent.jobTitle = jobTitle;
    const affiliation = this.text(
      this.all(value.affiliation ?? value.worksFor ?? value.memberOf, path),
    );
    if (affiliation !== undefined) agent.affiliation = affiliation;
    const location = this.text(
      this.all(value.workLocation ?? value.homeLocation ?? value.location, path),
    );
    if (location !== undefined) agent.location = location;
    const prefix = this.text(value.honorificPrefix);
    if (prefix !== undefined) agent.honorificPrefix = prefix;
    const suffix = this.text(value.honorificSuffix);
    if (suffix !== undefined) agent.honorificSuffix = suffix;
    const url = this.validUrl(value.url, [...path, 'url'], this.at(value, 'url'));
    if (url !== undefined) agent.url = url;
    const sameAs = this.validUrls(value.sameAs, [...path, 'sameAs'], this.at(value, 'sameAs'));
    if (sameAs.length > 0) agent.sameAs = sameAs;
    const email = this.valid(
      this.text(value.email)?.replace(mailto, '').trim(),
      isEmail,
      [...path, 'email'],
      'an e-mail address',
      this.at(value, 'email'),
    );
    if (email !== undefined) agent.email = email;
    return [agent];
  }

  /** The name of an agent given as a string or node (an image creator, a copyright holder). */
  agentName(value: unknown, path: ArticlePath): string | undefined {
    return this.text(this.all(value, path));
  }

  organization(value: unknown, path: ArticlePath, where: Where): Draft | undefined {
    const node = this.all(value, path)[0];
    if (typeof node === 'string') return node.trim() === '' ? undefined : { name: node.trim() };
    if (!isNode(node)) return undefined;
    const name = this.text(node.name) ?? this.text(node.legalName);
    if (name === undefined) {
      this.report('missing-name', 'The publisher has no `name`: left out', {
        path,
        ...where,
        ...this.at(node),
      });
      return undefined;
    }
    const organization: Draft = { name };
    const url = this.validUrl(
      typeof node.url === 'string' ? node.url : undefined,
      [...path, 'url'],
      this.at(node, 'url'),
    );
    if (url !== undefined) organization.url = url;
    const logoValue = this.all(node.logo, [...path, 'logo'])[0];
    const logoUrl = this.validUrl(logoValue, [...path, 'logo', 'url'], this.at(node, 'logo'));
    if (logoUrl !== undefined) {
      const logo: Draft = { url: logoUrl };
      if (isNode(logoValue)) {
        const width = this.size(logoValue.width);
        const height = this.size(logoValue.height);
        if (width !== undefined) logo.width = width;
        if (height !== undefined) logo.height = height;
      }
      organization.logo = logo;
    }
    const sameAs = this.validUrls(node.sameAs, [...path, 'sameAs'], this.at(node, 'sameAs'));
    if (sameAs.length > 0) organization.sameAs = sameAs;
    return organization;
  }

  image(value: unknown, path: ArticlePath, where: Where): Draft | undefined {
    if (typeof value === 'string') {
      const url = this.validUrl(value, [...path, 'url'], where);
      return url === undefined ? undefined : { url };
    }
    if (!isNode(value)) return undefined;
    if (this.url(value) === undefined) {
      this.report('unmapped-value', 'An image has no `contentUrl` or `url`: left out', {
        path,
        ...where,
        ...this.at(value),
      });
      return undefined;
    }
    const url = this.validUrl(value, [...path, 'url'], { ...where, ...this.at(value) });
    if (url === undefined) return undefined;
    const image: Draft = { url };
    // `toJsonLd` writes an empty alt (a decorative image) as an empty description.
    const alt =
      typeof value.description === 'string' && value.description.trim() === ''
        ? value.description
        : this.text(value.description);
    if (alt !== undefined) image.alt = alt;
    const captionText = this.text(
      isNode(value.caption) ? (value.caption.text ?? value.caption.name) : value.caption,
    );
    const creator = this.agentName(value.creator ?? value.author, path);
    const provider = this.agentName(value.provider, path);
    const copyrightHolder = this.agentName(value.copyrightHolder, path);
    const license = this.validUrl(
      value.license,
      [...path, 'caption', 'credit', 'license'],
      this.at(value, 'license'),
    );
    const creditText =
      this.text(value.creditText) ??
      ([creator, provider].filter((part) => part !== undefined).join('/') ||
        copyrightHolder ||
        this.text(value.copyrightNotice));
    if (captionText !== undefined || creditText !== undefined) {
      const caption: Draft = { text: captionText ?? '' };
      if (creditText !== undefined) {
        const credit: Draft = { text: creditText };
        if (creator !== undefined) credit.creator = creator;
        if (provider !== undefined) credit.provider = provider;
        if (copyrightHolder !== undefined) credit.copyrightHolder = copyrightHolder;
        if (license !== undefined) credit.license = license;
        caption.credit = credit;
      }
      image.caption = caption;
    }
    const width = this.size(value.width);
    const height = this.size(value.height);
    if (width !== undefined) image.width = width;
    if (height !== undefined) image.height = height;
    return image;
  }
}

/** Split plain text into paragraphs at blank lines, without a regex over the whole text. */
function paragraphs(text: string): string[] {
  const result: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) result.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) result.push(current.join('\n'));
  return result;
}

function readArticle(reader: Reader, node: JsonLdNode, type: ArticleType): Draft {
  const draft: Draft = {};
  const headline = reader.firstText(node, 'headline', ['headline']);
  if (headline !== undefined) draft.headline = headline;
  else {
    const name = reader.firstText(node, 'name', ['headline']);
    if (name !== undefined) {
      draft.headline = name;
      reader.report('headline-from-name', 'No `headline`: the headline was taken from `name`', {
        path: ['headline'],
        ...reader.at(node, 'name'),
      });
    }
  }
  const alternativeHeadline = reader.firstText(node, 'alternativeHeadline', [
    'alternativeHeadline',
  ]);
  if (alternativeHeadline !== undefined) draft.alternativeHeadline = alternativeHeadline;
  const kicker = reader.firstText(node, 'genre', ['kicker']);
  if (kicker !== undefined) draft.kicker = kicker;
  const description = reader.firstText(node, 'description', ['description']);
  if (description !== undefined) draft.description = description;
  // A WebPage reference in a graph without URLs is a fragment (`#webpage`), not a URL.
  const pageUrl = reader.url(reader.all(node.mainEntityOfPage, ['url'])[0]);
  const url =
    node.url !== undefined
      ? reader.validUrl(node.url, ['url'], reader.at(node, 'url'))
      : pageUrl !== undefined && urlLike.test(pageUrl)
        ? reader.validUrl(pageUrl, ['url'], reader.at(node, 'mainEntityOfPage'))
        : undefined;
  if (url !== undefined) draft.url = url;

  let id: string | undefined;
  let slug: string | undefined;
  for (const value of reader.all(node.identifier, ['id'])) {
    if (isNode(value)) {
      const text = reader.text(value.value);
      if (text === undefined) continue;
      if (value.propertyID === 'slug') slug ??= text;
      else id ??= text;
    } else {
      id ??= reader.text(value);
    }
  }
  if (id !== undefined) draft.id = id;
  draft.type = type;

  const language = reader.all(node.inLanguage, ['language'])[0];
  const languageTag = isNode(language)
    ? reader.text(language.alternateName ?? language.name)
    : reader.text(language);
  const validTag = reader.valid(
    languageTag,
    isLanguageTag,
    ['language'],
    'a BCP 47 language tag such as `en-GB`',
    reader.at(node, 'inLanguage'),
  );
  if (validTag !== undefined) {
    draft.language = validTag;
    // Numeric dates such as `03/04/2015` are read in the article's language.
    reader.dateOptions.locale = validTag;
  }

  // Section: the path from `articleSection`, its page from an `isPartOf` CollectionPage.
  const sections = reader
    .all(node.articleSection, ['section'])
    .map((value) => reader.text(value))
    .filter((value): value is string => value !== undefined);
  const collection = reader
    .all(node.isPartOf, ['section'])
    .find((value) => isNode(value) && reader.types(value).includes('CollectionPage'));
  const collectionName = isNode(collection) ? reader.text(collection.name) : undefined;
  if (sections.length > 0 || collectionName !== undefined) {
    const section: Draft = { name: sections.at(-1) ?? collectionName };
    if (Array.isArray(node.articleSection) && sections.length > 0) section.path = sections;
    const sectionUrl = isNode(collection)
      ? reader.validUrl(collection, ['section', 'url'], reader.at(collection))
      : undefined;
    if (sectionUrl !== undefined) section.url = sectionUrl;
    draft.section = section;
  }

  // Byline: every agent property, in the order author, contributor, editor, translator.
  const contributors: Draft[] = [];
  const agentSource =
    node.author === undefined && node.creator !== undefined ? 'creator' : 'author';
  for (const [property, role] of agentProperties) {
    const source = property === 'author' ? agentSource : property;
    const values = reader.all(node[source], ['byline', 'contributors']);
    const many = Array.isArray(node[source]);
    // A node listed twice (the same object, or one `@id` referred to twice) is one person.
    const seen = new Set<object>();
    values.forEach((value, index) => {
      if (typeof value === 'object' && value !== null) {
        if (seen.has(value)) return;
        seen.add(value);
      }
      const label = many ? `${source}[${index}]` : source;
      contributors.push(
        ...reader.agents(value, role, label, contributors.length, reader.at(node, source)),
      );
    });
  }
  const bylineText = reader.firstText(node, 'creditText', ['byline', 'text']);
  if (contributors.length > 0 || bylineText !== undefined) {
    draft.byline = bylineText === undefined ? { contributors } : { text: bylineText, contributors };
  }

  // The place and agency of a dateline; types other than NewsArticle have no `dateline`
  // property, so there the text is written as datelines print them: `LISBON (Reuters)`.
  const datelineText = reader.firstText(node, 'dateline', ['dateline', 'text']);
  const place = reader.text(reader.all(node.locationCreated, ['dateline', 'place']));
  const agency = reader.text(reader.all(node.sourceOrganization, ['dateline', 'agency']));
  const composed =
    place !== undefined && agency !== undefined
      ? `${place} (${agency})`
      : (place ?? (agency === undefined ? undefined : `(${agency})`));
  const text = datelineText ?? composed;
  if (text !== undefined) {
    const dateline: Draft = { text };
    if (place !== undefined) dateline.place = place;
    if (agency !== undefined) dateline.agency = agency;
    draft.dateline = dateline;
  }
  for (const property of ['datePublished', 'dateModified', 'dateCreated']) {
    const date = reader.date(node, property, [property]);
    if (date !== undefined) draft[property] = date;
  }

  // Images: the one marked `representativeOfPage` (else the first) is the lead image, the
  // others become figures. When any image says `representativeOfPage: false`, the markup
  // tells lead from figures, and an article without `true` has no lead image.
  const imageValues = reader.all(node.image, ['image']);
  const images = imageValues.map((value, index) => ({
    image: reader.image(value, index === 0 ? ['image'] : ['body'], reader.at(node, 'image')),
    representative: isNode(value) ? value.representativeOfPage : undefined,
  }));
  const marked = images.some(
    (entry) => entry.representative === true || entry.representative === false,
  );
  let leadIndex = marked
    ? images.findIndex((entry) => entry.representative === true)
    : images.findIndex((entry) => entry.image !== undefined);
  if (leadIndex !== -1 && images[leadIndex]?.image === undefined) leadIndex = -1;
  if (leadIndex !== -1) draft.image = images[leadIndex]?.image;

  const body: Draft[] = [];
  const articleBody = reader.firstText(node, 'articleBody', ['body']);
  if (articleBody !== undefined) {
    for (const text of paragraphs(articleBody)) body.push({ type: 'paragraph', text });
  }
  images.forEach((entry, index) => {
    if (index !== leadIndex && entry.image !== undefined)
      body.push({ type: 'figure', ...entry.image });
  });
  draft.body = body;

  const keywords: string[] = [];
  for (const value of reader.all(node.keywords, ['keywords'])) {
    const text = reader.text(value);
    if (text === undefined) continue;
    if (typeof value === 'string' && node.keywords === value) {
      for (const part of text.split(',')) if (part.trim() !== '') keywords.push(part.trim());
    } else {
      keywords.push(text);
    }
  }
  if (keywords.length > 0) draft.keywords = keywords;

  const publisher = reader.organization(
    node.publisher,
    ['publisher'],
    reader.at(node, 'publisher'),
  );
  if (publisher !== undefined) draft.publisher = publisher;

  const free = node.isAccessibleForFree;
  const freeValue =
    typeof free === 'boolean'
      ? free
      : typeof free === 'string'
        ? /^(?:https?:\/\/schema\.org\/)?true$/i.test(free.trim())
          ? true
          : /^(?:https?:\/\/schema\.org\/)?false$/i.test(free.trim())
            ? false
            : undefined
        : undefined;
  if (freeValue !== undefined) draft.isAccessibleForFree = freeValue;
  else if (free !== undefined)
    reader.unreadable(
      'isAccessibleForFree',
      ['isAccessibleForFree'],
      'a boolean',
      reader.at(node, 'isAccessibleForFree'),
    );
  const selectors: string[] = [];
  for (const part of reader.all(node.hasPart, ['paywalledSelectors'])) {
    if (!isNode(part)) continue;
    const partFree = part.isAccessibleForFree;
    if (partFree !== false && !(typeof partFree === 'string' && /false$/i.test(partFree))) continue;
    for (const selector of Array.isArray(part.cssSelector)
      ? part.cssSelector
      : [part.cssSelector]) {
      if (typeof selector !== 'string' || selector.trim() === '') continue;
      const valid = reader.valid(
        selector.trim(),
        isClassSelector,
        ['paywalledSelectors', selectors.length],
        'a class selector such as `.paywall` (Google accepts class selectors only)',
        reader.at(part, 'cssSelector'),
      );
      if (valid !== undefined) selectors.push(valid);
    }
  }
  if (selectors.length > 0) draft.paywalledSelectors = selectors;

  const corrections: Draft[] = [];
  for (const value of reader.all(node.correction, ['corrections'])) {
    const path = ['corrections', corrections.length];
    if (typeof value === 'string') {
      if (urlLike.test(value.trim())) {
        reader.report('unmapped-value', 'A correction given as a URL has no text: left out', {
          path,
          actual: value.slice(0, 60),
          ...reader.at(node, 'correction'),
        });
      } else if (value.trim() !== '') corrections.push({ text: value, type: 'correction' });
      continue;
    }
    if (!isNode(value)) continue;
    const text = reader.text(value.text) ?? reader.text(value.description);
    if (text === undefined) {
      reader.report('unmapped-value', 'A correction has no `text`: left out', {
        path,
        ...reader.at(value),
      });
      continue;
    }
    const correction: Draft = { text };
    const date = reader.date(value, 'datePublished', [...path, 'date']);
    if (date !== undefined) correction.date = date;
    const kind = reader.text(value.name)?.trim().toLowerCase();
    correction.type = (kind !== undefined ? correctionTypes.get(kind) : undefined) ?? 'correction';
    corrections.push(correction);
  }
  if (corrections.length > 0) draft.corrections = corrections;

  const copyright: Draft = {};
  const notice = reader.firstText(node, 'copyrightNotice', ['copyright', 'notice']);
  if (notice !== undefined) copyright.notice = notice;
  const holder = reader.agentName(node.copyrightHolder, ['copyright', 'holder']);
  if (holder !== undefined) copyright.holder = holder;
  const year = reader.valid(
    reader.size(node.copyrightYear),
    isYear,
    ['copyright', 'year'],
    'a year',
    reader.at(node, 'copyrightYear'),
  );
  if (year !== undefined) copyright.year = year;
  else if (node.copyrightYear !== undefined && reader.size(node.copyrightYear) === undefined) {
    reader.unreadable(
      'copyrightYear',
      ['copyright', 'year'],
      'a year',
      reader.at(node, 'copyrightYear'),
    );
  }
  if (Object.keys(copyright).length > 0) draft.copyright = copyright;

  const tags: string[] = [];
  let draftFlag = false;
  for (const value of reader.all(node.creativeWorkStatus, ['wire', 'tags'])) {
    const text = reader.text(value);
    if (text === undefined) continue;
    const lower = text.trim().toLowerCase();
    if (lower === 'draft') draftFlag = true;
    else if (lower !== 'published') tags.push(text);
  }
  if (slug !== undefined || tags.length > 0) {
    const wire: Draft = {};
    if (slug !== undefined) wire.slug = slug;
    if (tags.length > 0) wire.tags = tags;
    draft.wire = wire;
  }
  if (draftFlag) draft.draft = true;

  const unmapped = Object.keys(node).filter((key) => !readProperties.has(key));
  // One finding per property up to a bound; past it, one for the rest, placed at the first
  // of them (a node of 300,000 made-up keys gave 300,000 findings, most of the read's time).
  const listed = unmapped.length > maxUnmappedFindings + 1 ? maxUnmappedFindings : unmapped.length;
  for (const key of unmapped.slice(0, listed)) {
    reader.report('unmapped-property', `Property \`${key}\` has no place in the article model`, {
      actual: key,
      ...reader.at(node, key),
    });
  }
  const first = unmapped[listed];
  if (first !== undefined) {
    const rest = unmapped.length - listed - 1;
    reader.report(
      'unmapped-property',
      `Property \`${first}\` and ${rest} more after it have no place in the article model (not listed one by one)`,
      { actual: first, ...reader.at(node, first) },
    );
  }
  return draft;
}

/**
 * Read an article from JSON-LD as real sites write it: JSON text or a parsed value; a lone
 * node, an array or a `@graph`; `@type` as a string or an array (any Article subtype);
 * `@id` references (an author pointing at a Person node); author as a string, a node or an
 * array; image as a URL, an `ImageObject` or an array; ISO dates with or without offset;
 * `http://` or `https://` schema.org contexts and `schema:` prefixes.
 *
 * It reads the page's main article node (see `options.url` and the README for the rules),
 * follows references and maps what it can;
 * everything else is a diagnostic (see `jsonLdRules`), never an exception. Given JSON text,
 * each diagnostic has its `place` (shifted by `options.start`). The article, when returned,
 * is valid against the article model: values it rejects (a bad URL, e-mail, language tag,
 * selector or year) are left out and reported as `invalid-value`. It is checked without
 * zod, so this entry stays small in browsers. `fromJsonLd(toJsonLd(article))` gives back
 * every field that JSON-LD carries.
 *
 * Throws a `TypeError` only for misuse: `input` neither text nor an object, or an unknown
 * `options.timeZone`.
 *
 * @example
 * const { article, diagnostics } = fromJsonLd(
 *   '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Night Ferries","author":"Dana Whitfield"}',
 * )
 * article?.byline?.contributors[0] //=> { name: 'Dana Whitfield', type: 'Person', role: 'author' }
 */
export function fromJsonLd(
  input: unknown,
  options: Readonly<FromJsonLdOptions> = {},
): FromJsonLdResult {
  checkOptions(options);
  if (typeof input !== 'string') return fromJsonLdValue(input, options);
  const parsed = readJsonText(input);
  if (!parsed.ok) {
    const place = shift(pointAt(lineStarts(input), parsed.offset), options.start);
    return {
      diagnostics: [
        jsonLdDiagnostic(
          'invalid-json',
          `Invalid JSON at ${place.line}:${place.column}: ${parsed.message}`,
          { place },
        ),
      ],
    };
  }
  const text = jsonTextPlaces(input, parsed.value, parsed.places, options.start);
  const early: Diagnostic[] = [];
  if (parsed.controlCharacters.length > 0) {
    const first = pointAt(text.starts(), parsed.controlCharacters[0] ?? 0);
    early.push(
      controlCharacterDiagnostic(input, parsed.controlCharacters, shift(first, options.start)),
    );
  }
  return readJsonLd(parsed.value, options, text, early);
}

function checkOptions(options: Readonly<FromJsonLdOptions>): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('Expected `options` to be an object');
  }
  if (options.url !== undefined && typeof options.url !== 'string') {
    throw new TypeError('Expected `options.url` to be a string');
  }
  if (options.timeZone !== undefined) {
    try {
      zoneFormat(options.timeZone);
    } catch {
      throw new TypeError(
        `Expected \`options.timeZone\` to be an IANA time zone such as \`America/New_York\`, got \`${String(options.timeZone)}\``,
      );
    }
  }
}

/**
 * {@link fromJsonLd} of JSON-LD already parsed (an object or an array), for readers that parse
 * the JSON themselves (`parseHtml`, through `extractJsonLd`): it leaves the JSON text reader
 * out of their bundles. Not part of the public API.
 */
export function fromJsonLdValue(
  input: unknown,
  options: Readonly<FromJsonLdOptions> = {},
): FromJsonLdResult {
  checkOptions(options);
  if (typeof input !== 'object' || input === null) {
    throw new TypeError('Expected `input` to be JSON-LD: a JSON string, an object or an array');
  }
  return readJsonLd(input, options, undefined, []);
}

/** Read a parsed document; `text` when it was read from JSON text here (for places). */
function readJsonLd(
  value: unknown,
  options: Readonly<FromJsonLdOptions>,
  text: JsonTextPlaces | undefined,
  early: Diagnostic[],
): FromJsonLdResult {
  // Sources are only looked up for places, which only text has.
  const sources = new Map<object, object>();
  const renamedKeys = new Map<object, Map<string, string>>();
  const dropped: DroppedValue[] = [];
  const decoded: Array<{ node?: JsonLdNode; key?: string }> = [];
  const root = normalizeJsonLd(value, {
    ...(text === undefined ? {} : { sources, renamedKeys }),
    dropped,
    decoded,
    // Text was parsed here: its objects hold data only, read without property descriptors.
    json: text !== undefined,
  });
  const { nodes, byId } = indexNodes(root, text !== undefined);
  const reader = new Reader(byId, options.timeZone, sources, renamedKeys, text);
  reader.diagnostics.push(...early);
  const [firstDecoded] = decoded;
  if (firstDecoded !== undefined) {
    const more = decoded.length > 1 ? ` (and ${decoded.length - 1} more)` : '';
    reader.report(
      'encoded-text',
      `Unexpected HTML character references in the text of \`${firstDecoded.key ?? '(top level)'}\`${more}, expected plain text: read decoded`,
      reader.at(firstDecoded.node, firstDecoded.key),
    );
  }
  for (const { node, key, reason } of dropped) {
    const name = (key ?? '(top level)').slice(0, 60);
    reader.report('unmapped-value', droppedMessages[reason](name), {
      actual: name,
      ...reader.at(node, key),
    });
  }
  const candidates: ArticleCandidate[] = [];
  for (const node of nodes) {
    const found = articleTypeOf(reader.types(node));
    // `indexNodes` lists each node once.
    if (found) candidates.push({ node, ...found });
  }
  const resolveReference = (item: unknown) =>
    isNode(item) && typeof item['@id'] === 'string' ? (byId.get(item['@id']) ?? item) : item;
  const main = mainArticle(candidates, root, resolveReference, options.url);
  if (!main) {
    return {
      diagnostics: [
        ...reader.diagnostics,
        jsonLdDiagnostic(
          'no-article',
          'No article node found: expected a node whose `@type` is `NewsArticle`, `Article` or another Article type',
        ),
      ],
    };
  }
  const { chosen, choice } = main;
  if (candidates.length > 1) {
    const headline = reader.text(chosen.node.headline ?? chosen.node.name);
    const named = headline === undefined ? '' : ` \`${headline.slice(0, 60)}\``;
    reader.report(
      'multiple-articles',
      `Found ${candidates.length} article nodes: read${named}, ${choiceReasons[choice]}`,
      reader.at(candidates.find((candidate) => candidate !== chosen)?.node),
    );
  }
  if (chosen.type !== chosen.from) {
    reader.report(
      'unsupported-type',
      `Type \`${chosen.from}\` has no nutgraf equivalent: read as \`${chosen.type}\``,
      {
        path: ['type'],
        actual: chosen.from,
        expected: chosen.type,
        ...reader.at(chosen.node, '@type'),
      },
    );
  }
  const draft = readArticle(reader, chosen.node, chosen.type);
  if (draft.headline === undefined) {
    reader.report('missing-headline', 'The article node has no `headline` (nor `name`)', {
      path: ['headline'],
      ...reader.at(chosen.node),
    });
    return { diagnostics: reader.diagnostics };
  }

  // Every value was checked against the model as it was read (see model-checks.ts).
  return { article: draft as unknown as Article, diagnostics: reader.diagnostics };
}
