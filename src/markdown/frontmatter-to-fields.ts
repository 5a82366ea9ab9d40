import { parseByline, parseCaption, parseCredit } from '../fields/index.js';
import {
  type Byline,
  type Caption,
  type Contributor,
  type Credit,
  contributorSchema,
  formatPath,
  type Image,
  isLanguageTag,
  type Position,
  setSource,
} from '../schema/index.js';
import { collapseWhiteSpace } from './collapse-white-space.js';
import type { ParseContext } from './context.js';
import { readFrontmatterDate } from './frontmatter-date.js';
import {
  contributorKeyAliases,
  type FrontmatterField,
  frontmatterFieldOf,
  frontmatterFields,
  imageKeyAliases,
} from './frontmatter-keys.js';
import { lookupAuthor, lookupImage } from './lookups.js';
import type { FrontmatterEntry } from './read-frontmatter.js';
import { resolveUrl } from './resolve-url.js';
import { dataRecord } from './yaml-data.js';

/** What the frontmatter gave. */
export interface FrontmatterFields {
  /** Article fields, read and normalized (still to be checked against the schema). */
  fields: Record<string, unknown>;
  /** Keys nutgraf does not know, with their values, in file order (an object without a prototype). */
  extra: Record<string, unknown>;
  /** Whether any date key was present (even an invalid one). */
  hasDateKey: boolean;
}

/** A lower-case slug, e.g. `jane-doe`, `jdoe`. */
const slugPattern = /^[a-z0-9]+(?:[-_.][a-z0-9]+){0,10}$/;
/** A value that reads as a path or URL rather than an id. */
const pathLike = /[/:]|\.(?:jpe?g|png|gif|webp|avif|svg)$/i;

export { collapseWhiteSpace };

function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `\`${value.length > 40 ? `${value.slice(0, 37)}…` : value}\``;
  return `\`${String(value)}\``;
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Read the frontmatter entries into Article fields, reporting every problem. */
export function frontmatterToFields(
  entries: readonly FrontmatterEntry[],
  context: ParseContext,
): FrontmatterFields {
  const fields: Record<string, unknown> = {};
  // Keys read from the file: `__proto__` or `constructor` are plain keys here.
  const extra = dataRecord();
  const byField = new Map<FrontmatterField, FrontmatterEntry[]>();
  let hasDateKey = false;

  for (const entry of entries) {
    const row = frontmatterFieldOf(entry.key);
    if (!row) {
      extra[entry.key] = entry.value;
      if (context.options.strict) {
        context.report(
          'frontmatter-unknown-key',
          `Unexpected frontmatter key \`${entry.key}\`: nutgraf does not know it (it is kept in \`extra\`)`,
          entry.keyPlace,
        );
      }
      continue;
    }
    if (row.kind === 'date') hasDateKey = true;
    const list = byField.get(row);
    if (list) list.push(entry);
    else byField.set(row, [entry]);
  }

  const image: Partial<Image> = {};
  let imagePlace: Position | undefined;
  const keywordsFromSection: string[] = [];

  for (const row of frontmatterFields) {
    const candidates = byField.get(row);
    if (!candidates) continue;
    candidates.sort((a, b) => keyRank(row, a.key) - keyRank(row, b.key));
    let chosen: FrontmatterEntry | undefined;
    let chosenValue: unknown;
    for (const entry of candidates) {
      // `keywords: []` says "no keywords" and is kept; other empty values give nothing.
      const emptyKeywords =
        row.kind === 'keywords' && Array.isArray(entry.value) && entry.value.length === 0;
      if (isEmpty(entry.value) && !emptyKeywords) continue;
      // Jekyll's `published: false` marks a draft, it is not a date.
      if (
        row.kind === 'date' &&
        typeof entry.value === 'boolean' &&
        entry.key.toLowerCase() === 'published'
      ) {
        if (fields.draft === undefined) fields.draft = !entry.value;
        continue;
      }
      const value = read(row, entry);
      if (value === undefined) continue;
      if (chosen === undefined) {
        chosen = entry;
        chosenValue = value;
      } else if (JSON.stringify(value) !== JSON.stringify(chosenValue)) {
        context.report(
          'frontmatter-shadowed-key',
          `Unexpected \`${entry.key}\` next to \`${chosen.key}\`, expected one of them: \`${chosen.key}\` is used`,
          entry.keyPlace,
          [row.field],
        );
      }
    }
    if (chosen === undefined) continue;
    const place = chosen.valuePlace;
    switch (row.field) {
      case 'image.alt':
        if (image.alt === undefined) image.alt = chosenValue as string;
        break;
      case 'image.caption':
        if (image.caption === undefined) image.caption = chosenValue as Caption;
        else if (!image.caption.text)
          image.caption = { ...image.caption, text: (chosenValue as Caption).text };
        break;
      case 'image.credit':
        if (!image.caption?.credit) {
          image.caption = { text: image.caption?.text ?? '', credit: chosenValue as Credit };
        }
        break;
      case 'image':
        Object.assign(image, chosenValue as Image);
        imagePlace = place;
        for (const [key, fieldPlace] of Object.entries(chosen.fieldPlaces)) {
          setSource(context.sources, ['image', imageKeyAliases[key] ?? key], fieldPlace);
        }
        break;
      case 'section': {
        const { section, more } = chosenValue as { section: unknown; more: string[] };
        fields.section = section;
        keywordsFromSection.push(...more);
        setSource(context.sources, 'section', place);
        break;
      }
      case 'byline': {
        fields.byline = chosenValue;
        setSource(context.sources, 'byline', place);
        chosen.itemPlaces.forEach((itemPlace, index) => {
          if (itemPlace) setSource(context.sources, ['byline', 'contributors', index], itemPlace);
        });
        break;
      }
      default:
        fields[row.field] = chosenValue;
        setSource(context.sources, row.field, place);
        for (const [key, fieldPlace] of Object.entries(chosen.fieldPlaces)) {
          setSource(context.sources, [...row.field.split('.'), key], fieldPlace);
        }
        chosen.itemPlaces.forEach((itemPlace, index) => {
          if (itemPlace) setSource(context.sources, [...row.field.split('.'), index], itemPlace);
        });
    }
    if (row.field.startsWith('image.') && !imagePlace) imagePlace = place;
  }

  if (Object.keys(image).length > 0 || imagePlace) {
    fields.image = image;
    if (imagePlace) setSource(context.sources, 'image', imagePlace);
  }
  if (keywordsFromSection.length > 0) {
    const keywords = Array.isArray(fields.keywords) ? (fields.keywords as string[]) : [];
    fields.keywords = [...new Set([...keywords, ...keywordsFromSection])];
  }
  return { fields, extra, hasDateKey };

  /** Read one value the way its row says; `undefined` when it cannot be used (reported). */
  function read(row: FrontmatterField, entry: FrontmatterEntry): unknown {
    const { value } = entry;
    const path = row.field.split('.');
    const wrong = (expected: string): undefined => {
      context.report(
        'invalid-field',
        `Unexpected ${describe(value)} for \`${entry.key}\`, expected ${expected}`,
        entry.valuePlace,
        path,
      );
      return undefined;
    };
    switch (row.kind) {
      case 'text':
      case 'imageAlt': {
        if (typeof value === 'number') return String(value);
        if (typeof value !== 'string') return wrong('a string');
        const text = entry.verbatim ? value : collapseWhiteSpace(value);
        return text.trim() === '' ? undefined : text;
      }
      case 'imageCaption': {
        if (typeof value !== 'string') return wrong('a string');
        const text = collapseWhiteSpace(value);
        return text === '' ? undefined : parseCaption(text);
      }
      case 'imageCredit': {
        if (typeof value !== 'string') return wrong('a string');
        return parseCredit(value) ?? undefined;
      }
      case 'date': {
        const date = readFrontmatterDate(value, context.options.timeZone);
        if (!date.ok) {
          context.report(
            'invalid-field',
            `Unexpected ${describe(value)} for \`${entry.key}\`: ${date.message}`,
            entry.valuePlace,
            path,
          );
          return undefined;
        }
        if (date.droppedTime) {
          context.report(
            'date-without-offset',
            `Unexpected date-time without a UTC offset for \`${entry.key}\`, expected one such as \`-05:00\`: only the date \`${date.value}\` is kept (pass \`timeZone\` to keep the time)`,
            entry.valuePlace,
            path,
          );
        }
        return date.value;
      }
      case 'url': {
        if (typeof value !== 'string') return wrong('a URL');
        return readUrl(value, entry, path);
      }
      case 'language': {
        if (typeof value !== 'string') return wrong('a language tag such as `en` or `en-GB`');
        const tag = value.trim().replace(/_/g, '-');
        return isLanguageTag(tag) ? tag : wrong('a language tag such as `en` or `en-GB`');
      }
      case 'boolean': {
        if (typeof value === 'boolean') return value;
        if (value === 'true' || value === 'false') return value === 'true';
        return wrong('`true` or `false`');
      }
      case 'keywords': {
        const list = Array.isArray(value)
          ? value
          : typeof value === 'string'
            ? value.split(',')
            : undefined;
        if (!list) return wrong('a list of strings');
        const keywords: string[] = [];
        list.forEach((item, index) => {
          if (typeof item === 'string' || typeof item === 'number') {
            const keyword = String(item).trim();
            if (keyword !== '' && !keywords.includes(keyword)) keywords.push(keyword);
          } else {
            context.report(
              'invalid-field',
              `Unexpected ${describe(item)} in \`${entry.key}\`, expected a string`,
              entry.itemPlaces[index] ?? entry.valuePlace,
              [...path, index],
            );
          }
        });
        return keywords.length > 0 || list.length === 0 ? keywords : undefined;
      }
      case 'section':
        return readSection(value, entry, wrong);
      case 'authors':
        return readAuthors(value, entry, wrong);
      case 'image':
        return readImage(value, entry, wrong);
      case 'published':
      case 'value':
        return value;
    }
  }

  function readUrl(
    value: string,
    entry: FrontmatterEntry,
    path: Array<string | number>,
  ): string | undefined {
    const resolved = resolveUrl(value, context.options.baseUrl);
    if (resolved.ok) return resolved.url;
    if (resolved.relative) {
      context.report(
        'relative-url',
        `Unexpected relative URL \`${value}\` for \`${entry.key}\`, expected an absolute URL: pass \`baseUrl\` to resolve it`,
        entry.valuePlace,
        path,
      );
    } else {
      context.report(
        'invalid-field',
        `Unexpected value for \`${entry.key}\`: ${resolved.message}`,
        entry.valuePlace,
        path,
      );
    }
    return undefined;
  }

  function readSection(
    value: unknown,
    _entry: FrontmatterEntry,
    wrong: (expected: string) => undefined,
  ): unknown {
    const names = Array.isArray(value) ? value : [value];
    if (isRecord(value)) return { section: value, more: [] };
    const strings: string[] = [];
    for (const name of names) {
      if (typeof name === 'string' || typeof name === 'number') {
        const text = String(name).trim();
        if (text !== '' && !strings.includes(text)) strings.push(text);
      } else if (!isEmpty(name)) {
        return wrong('a section name or a list of names');
      }
    }
    const [first, ...more] = strings;
    if (first === undefined) return undefined;
    return { section: { name: first }, more };
  }

  function readAuthors(
    value: unknown,
    entry: FrontmatterEntry,
    wrong: (expected: string) => undefined,
  ): Byline | undefined {
    if (entry.key === 'byline' && isRecord(value)) return value as unknown as Byline;
    const items = Array.isArray(value) ? value : [value];
    if (!Array.isArray(value) && typeof value !== 'string' && !isRecord(value)) {
      return wrong('a name, a list of names, or a list of `{ name, url }`');
    }
    const contributors: Contributor[] = [];
    items.forEach((item, index) => {
      const place = entry.itemPlaces[index] ?? entry.valuePlace;
      if (typeof item === 'string') {
        contributors.push(...authorsFromString(item, place));
      } else if (isRecord(item)) {
        const contributor = authorFromObject(item, place, index, entry);
        if (contributor) contributors.push(contributor);
      } else if (!isEmpty(item)) {
        context.report(
          'invalid-field',
          `Unexpected ${describe(item)} in \`${entry.key}\`, expected a name or \`{ name, url }\``,
          place,
          ['byline', 'contributors', index],
        );
      }
    });
    if (contributors.length === 0) return undefined;
    const byline: Byline = { contributors };
    if (entry.key === 'byline' && typeof value === 'string') byline.text = value.trim();
    return byline;
  }

  function authorsFromString(item: string, place: Position): Contributor[] {
    const text = collapseWhiteSpace(item);
    if (text === '') return [];
    const found = lookupAuthor(context, text);
    if (found) return [found];
    if (slugPattern.test(text) && (/[-_.]/.test(text) || context.options.authors !== undefined)) {
      context.report(
        'author-unresolved',
        context.options.authors === undefined
          ? `Unexpected author slug \`${text}\`, expected a name: pass \`authors\` to resolve slugs`
          : `Unexpected author slug \`${text}\`: \`authors\` does not know it`,
        place,
        ['byline'],
      );
      return [{ name: text, type: 'Person', role: 'author' }];
    }
    const parsed = parseByline(/^by\s/i.test(text) ? text : `By ${text}`);
    if (parsed.contributors.length > 0) return parsed.contributors;
    return [{ name: text, type: 'Person', role: 'author' }];
  }

  function authorFromObject(
    item: Record<string, unknown>,
    place: Position,
    index: number,
    entry: FrontmatterEntry,
  ): Contributor | undefined {
    const candidate: Record<string, unknown> = {};
    const slug =
      typeof item.slug === 'string' ? item.slug : typeof item.id === 'string' ? item.id : undefined;
    const looked = slug === undefined ? undefined : lookupAuthor(context, slug);
    if (looked) Object.assign(candidate, looked);
    for (const [key, raw] of Object.entries(item)) {
      const field = contributorKeyAliases[key] ?? key;
      if (Object.hasOwn(contributorSchema.shape, field) && raw !== null && raw !== '')
        candidate[field] = raw;
    }
    if (
      candidate.name === undefined &&
      (typeof item.first_name === 'string' || typeof item.last_name === 'string')
    ) {
      candidate.name = [item.first_name, item.last_name]
        .filter((part) => typeof part === 'string')
        .join(' ');
    }
    const parsed = contributorSchema.safeParse(candidate);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const at = formatPath([
      'byline',
      'contributors',
      index,
      ...((issue?.path ?? []) as Array<string | number>),
    ]);
    context.report(
      'invalid-field',
      `Unexpected author in \`${entry.key}\`: ${issue?.message ?? 'invalid'} (\`${at}\`)`,
      place,
      ['byline', 'contributors', index],
    );
    return undefined;
  }

  function readImage(
    value: unknown,
    entry: FrontmatterEntry,
    wrong: (expected: string) => undefined,
  ): Image | undefined {
    if (value === false) return undefined;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') {
      const text = first.trim();
      if (!pathLike.test(text)) {
        const found = lookupImage(context, text);
        if (found) return found;
        if (slugPattern.test(text.toLowerCase())) {
          context.report(
            'image-unresolved',
            context.options.images === undefined
              ? `Unexpected image id \`${text}\`, expected a URL: pass \`images\` to resolve ids`
              : `Unexpected image id \`${text}\`: \`images\` does not know it`,
            entry.valuePlace,
            ['image'],
          );
          return undefined;
        }
      }
      const url = readUrl(text, entry, ['image', 'url']);
      return url === undefined ? undefined : { url };
    }
    if (!isRecord(first)) return wrong('an image URL or `{ src, alt, caption }`');
    const image: Partial<Image> = {};
    const id =
      typeof first.uid === 'string'
        ? first.uid
        : typeof first.id === 'string'
          ? first.id
          : undefined;
    const looked = id === undefined ? undefined : lookupImage(context, id);
    if (looked) Object.assign(image, looked);
    else if (id !== undefined && first.src === undefined && first.url === undefined) {
      context.report(
        'image-unresolved',
        context.options.images === undefined
          ? `Unexpected image id \`${id}\`, expected a URL: pass \`images\` to resolve ids`
          : `Unexpected image id \`${id}\`: \`images\` does not know it`,
        entry.fieldPlaces.uid ?? entry.fieldPlaces.id ?? entry.valuePlace,
        ['image'],
      );
    }
    let credit: Credit | undefined;
    for (const [key, raw] of Object.entries(first)) {
      const field = imageKeyAliases[key] ?? key;
      const place = entry.fieldPlaces[key] ?? entry.valuePlace;
      if (raw === null || (raw === '' && field !== 'alt')) continue;
      switch (field) {
        case 'url': {
          if (typeof raw !== 'string') {
            context.report(
              'invalid-field',
              `Unexpected ${describe(raw)} for \`${entry.key}.${key}\`, expected a URL`,
              place,
              ['image', 'url'],
            );
            break;
          }
          const resolved = resolveUrl(raw, context.options.baseUrl);
          if (resolved.ok) image.url = resolved.url;
          else if (resolved.relative) {
            context.report(
              'relative-url',
              `Unexpected relative URL \`${raw}\` for \`${entry.key}.${key}\`, expected an absolute URL: pass \`baseUrl\` to resolve it`,
              place,
              ['image', 'url'],
            );
          } else
            context.report(
              'invalid-field',
              `Unexpected value for \`${entry.key}.${key}\`: ${resolved.message}`,
              place,
              ['image', 'url'],
            );
          break;
        }
        case 'alt':
          if (typeof raw === 'string') image.alt = raw;
          break;
        case 'caption':
          if (typeof raw === 'string') {
            const text = collapseWhiteSpace(raw);
            if (text !== '') image.caption = parseCaption(text);
          } else if (isRecord(raw)) image.caption = raw as unknown as Caption;
          break;
        case 'credit':
          if (typeof raw === 'string') credit = parseCredit(raw);
          else if (isRecord(raw)) credit = raw as unknown as Credit;
          break;
        case 'width':
        case 'height': {
          const number = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : raw;
          if (typeof number === 'number' && Number.isInteger(number) && number > 0)
            image[field] = number;
          else
            context.report(
              'invalid-field',
              `Unexpected ${describe(raw)} for \`${entry.key}.${key}\`, expected a whole number of pixels`,
              place,
              ['image', field],
            );
          break;
        }
        default:
          break;
      }
    }
    if (credit) image.caption = { ...(image.caption ?? { text: '' }), credit };
    // `image: {}` is an (empty) image; an object whose parts were all unusable is none.
    return Object.keys(image).length > 0 || Object.keys(first).length === 0
      ? (image as Image)
      : undefined;
  }
}

function keyRank(row: FrontmatterField, key: string): number {
  const lower = key.toLowerCase();
  const index = row.keys.findIndex((name) => name.toLowerCase() === lower);
  return index === -1 ? row.keys.length : index;
}
