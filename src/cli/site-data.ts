import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ContributorInput, ImageInput } from '../schema/index.js';

/** A lookup source as the configuration gives it: a path, or `{ path, url? }`. */
export type LookupSource = string | { path: string; url?: string | undefined };

/** Records read from a folder or a data file, keyed by slug or id. */
type Records = Map<string, Record<string, unknown>>;

/** What loading a lookup gives: the table, and the records that could not be read. */
export interface LoadedLookup<T> {
  table: Record<string, T>;
  /** Files or records left out, with why: for a note on standard error. */
  skipped: string[];
}

/** Fields that name a record when a data file lists records in an array. */
const keyFields = ['slug', 'id', 'uid', 'key'] as const;

/** Article field ← the names sites give it in author records (Jekyll, Hugo, digital.gov), first found wins. */
/** The text fields of a contributor a record can give. */
type AuthorTextField = 'name' | 'jobTitle' | 'affiliation' | 'location' | 'email' | 'url';

const authorFields: ReadonlyArray<readonly [AuthorTextField, readonly string[]]> = [
  ['name', ['name', 'display_name', 'displayName', 'full_name', 'fullName', 'title']],
  ['jobTitle', ['job_title', 'jobTitle', 'position']],
  ['affiliation', ['affiliation', 'agency_full_name', 'organization', 'company']],
  ['location', ['location', 'city']],
  ['email', ['email']],
  ['url', ['url', 'website', 'homepage']],
];

/** Given and family name fields, joined when no name field exists. */
const nameParts: ReadonlyArray<readonly [string, string]> = [
  ['first_name', 'last_name'],
  ['firstName', 'lastName'],
  ['given_name', 'family_name'],
];

const imageUrlFields = ['url', 'src', 'image', 'path'] as const;
const recordFileExtensions = new Set(['.md', '.markdown', '.yml', '.yaml', '.json']);
const frontmatter = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The data of one record file: its frontmatter (Markdown) or whole text (YAML, JSON). */
function readRecordText(file: string, text: string): unknown {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return JSON.parse(text);
  if (extension === '.md' || extension === '.markdown') {
    const match = frontmatter.exec(text);
    return match ? parseYaml(match[1] ?? '', { maxAliasCount: 100 }) : {};
  }
  return parseYaml(text, { maxAliasCount: 100 });
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Records of a folder (a file each, keyed by file name and by its `slug`/`uid`/`id`) or of a data file. */
async function readRecords(location: string, skipped: string[]): Promise<Records> {
  const records: Records = new Map();
  const add = (key: string, value: unknown) => {
    // A key that could reach a prototype is never a slug.
    if (key === '__proto__') return;
    if (typeof value === 'string') records.set(key, { name: value });
    else if (isRecord(value)) records.set(key, value);
  };
  const info = await stat(location);
  if (info.isDirectory()) {
    const entries: Dirent[] = await readdir(location, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const extension = path.extname(entry.name).toLowerCase();
      if (!entry.isFile() || !recordFileExtensions.has(extension)) continue;
      const file = path.join(location, entry.name);
      let value: unknown;
      try {
        value = readRecordText(file, await readFile(file, 'utf8'));
      } catch (error) {
        skipped.push(`${entry.name} (${(error as Error).message.split('\n')[0]})`);
        continue;
      }
      if (!isRecord(value)) continue;
      const base = entry.name.slice(0, -extension.length);
      add(base, value);
      for (const field of keyFields) {
        const key = text(value[field]);
        if (key !== undefined && key !== base) add(key, value);
      }
    }
    return records;
  }
  const data = readRecordText(location, await readFile(location, 'utf8'));
  if (Array.isArray(data)) {
    for (const item of data) {
      if (!isRecord(item)) continue;
      const key = keyFields.map((field) => text(item[field])).find((found) => found !== undefined);
      if (key !== undefined) add(key, item);
    }
  } else if (isRecord(data)) {
    for (const [key, value] of Object.entries(data)) add(key, value);
  }
  return records;
}

function sourceOf(source: LookupSource, directory: string): { location: string; url?: string } {
  const given = typeof source === 'string' ? { path: source } : source;
  const found: { location: string; url?: string } = {
    location: path.resolve(directory, given.path),
  };
  if (typeof source !== 'string' && source.url !== undefined) found.url = source.url;
  return found;
}

/** `url` as an absolute http(s) URL, resolved against `baseUrl` when relative; else `undefined`. */
function absoluteUrl(url: string | undefined, baseUrl: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const resolved = baseUrl === undefined ? new URL(url) : new URL(url, baseUrl);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:'
      ? resolved.href
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The authors of a site, as `parseMarkdown`'s `authors` lookup: from a folder of author
 * files (`_authors/jane-doe.md` with frontmatter, `.yml` or `.json`; keyed by file name and
 * by a `slug`, `uid` or `id` field) or a data file mapping slugs to records (Jekyll's
 * `_data/authors.yml`; a list of records with `slug` or `id` works too). Fields are read by
 * the names sites give them: `name`, `display_name` or `first_name` + `last_name`;
 * `job_title`; `agency_full_name` or `organization`; `email`; `url` or `website`. Throws
 * when the folder or file cannot be read; a record that cannot be parsed is left out and
 * listed in `skipped`.
 *
 * @example
 * const { table } = await loadAuthors('_authors', '/site', 'https://example.com/')
 * table['jane-doe'] //=> { name: 'Jane Doe', jobTitle: 'Reporter' }
 */
export async function loadAuthors(
  source: LookupSource,
  directory: string,
  baseUrl?: string,
): Promise<LoadedLookup<ContributorInput>> {
  const skipped: string[] = [];
  const records = await readRecords(sourceOf(source, directory).location, skipped);
  const table: Record<string, ContributorInput> = Object.create(null);
  for (const [key, record] of records) {
    const author: Partial<Record<AuthorTextField, string>> = {};
    for (const [field, names] of authorFields) {
      const value = names.map((name) => text(record[name])).find((found) => found !== undefined);
      if (value !== undefined) author[field] = value;
    }
    if (author.name === undefined) {
      for (const [given, family] of nameParts) {
        const name = [text(record[given]), text(record[family])].filter(Boolean).join(' ');
        if (name !== '') {
          author.name = name;
          break;
        }
      }
    }
    if (author.url !== undefined) {
      const url = absoluteUrl(author.url, baseUrl);
      if (url === undefined) delete author.url;
      else author.url = url;
    }
    if (author.name === undefined) {
      skipped.push(`${key} (no name)`);
      continue;
    }
    table[key] = { ...author, name: author.name };
  }
  return { table, skipped };
}

/** `{id}` and `{field}` of a URL template, filled from a record; `undefined` when a field is missing. */
function fillTemplate(
  template: string,
  key: string,
  record: Record<string, unknown>,
): string | undefined {
  let missing = false;
  const filled = template.replace(/\{([A-Za-z0-9_-]+)\}/g, (_, name: string) => {
    const value = name === 'id' ? key : text(record[name]);
    if (value === undefined) missing = true;
    return encodeURIComponent(value ?? '');
  });
  return missing ? undefined : filled;
}

function positive(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * The images of a site, as `parseMarkdown`'s `images` lookup: from a folder of image files
 * (`_images/harbour.yml`, keyed by file name and by a `uid` or `id` field) or a data file
 * mapping ids to records. Fields: `url` (or `src`; relative URLs resolved against `baseUrl`),
 * else the `url` template of the source (`https://cdn.example.com/{id}.{format}`); `alt`;
 * `caption`; `credit`; `width`; `height`. Throws when the folder or file cannot be read.
 *
 * @example
 * const { table } = await loadImages({ path: '_images', url: 'https://cdn.example.com/{uid}.{format}' }, '/site')
 */
export async function loadImages(
  source: LookupSource,
  directory: string,
  baseUrl?: string,
): Promise<LoadedLookup<ImageInput>> {
  const skipped: string[] = [];
  const { location, url: template } = sourceOf(source, directory);
  const records = await readRecords(location, skipped);
  const table: Record<string, ImageInput> = Object.create(null);
  for (const [key, record] of records) {
    const given = imageUrlFields
      .map((field) => text(record[field]))
      .find((found) => found !== undefined);
    const url = absoluteUrl(given ?? (template && fillTemplate(template, key, record)), baseUrl);
    if (url === undefined) {
      skipped.push(`${key} (no URL)`);
      continue;
    }
    const image: ImageInput = { url };
    const alt = text(record.alt) ?? text(record.alt_text);
    if (alt !== undefined) image.alt = alt;
    const caption = text(record.caption);
    const credit = text(record.credit);
    if (caption !== undefined || credit !== undefined) {
      image.caption = {
        text: caption ?? '',
        ...(credit === undefined ? {} : { credit: { text: credit } }),
      };
    }
    const width = positive(record.width);
    const height = positive(record.height);
    if (width !== undefined) image.width = width;
    if (height !== undefined) image.height = height;
    table[key] = image;
  }
  return { table, skipped };
}
