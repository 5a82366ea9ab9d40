/**
 * How a frontmatter value is read:
 *
 * - `text`: a string (numbers are accepted and turned into strings);
 * - `date`: a date or date-time, normalized to ISO 8601;
 * - `authors`: a name, a list of names or slugs, a list of `{ name, url, … }`, or a `byline` object;
 * - `image`: a URL, an id resolved through `options.images`, or `{ src | url, alt, caption, credit, width, height }`;
 * - `imageAlt`, `imageCaption`, `imageCredit`: one part of the lead image;
 * - `section`: a name, a list of names (the first is the section, the others become keywords), or `{ name, path, url }`;
 * - `keywords`: a list of strings, or one comma-separated string;
 * - `language`: a BCP 47 tag (`en_US` is read as `en-US`);
 * - `url`: an absolute URL, or a relative one resolved against `options.baseUrl`;
 * - `boolean`: `true` / `false`;
 * - `published`: Jekyll's `published: false` (a draft), or a date;
 * - `value`: any value, checked against the Article schema as is.
 */
export type FrontmatterKind =
  | 'text'
  | 'date'
  | 'authors'
  | 'image'
  | 'imageAlt'
  | 'imageCaption'
  | 'imageCredit'
  | 'section'
  | 'keywords'
  | 'language'
  | 'url'
  | 'boolean'
  | 'published'
  | 'value';

/** One row of the frontmatter key table: an Article field and the keys that give it. */
export interface FrontmatterField {
  /** The Article field (dotted for parts of the lead image: `image.alt`). */
  field: string;
  /** The keys that give it, in priority order; the first is the canonical key `toMarkdown` writes. */
  keys: readonly string[];
  /** How the value is read. */
  kind: FrontmatterKind;
}

/**
 * The frontmatter key table: canonical keys are Article field names; the others are what
 * Hugo, Jekyll, Eleventy, Astro and Next.js sites use. When several keys give one field, the
 * first present in `keys` wins and the others are reported as `frontmatter-shadowed-key`
 * when their values differ. Key lookup ignores case (`Author` is `author`).
 *
 * @example
 * frontmatterFields.find((row) => row.field === 'datePublished')?.keys
 * //=> ['datePublished', 'date', 'pubDate', 'publishDate', 'published']
 */
export const frontmatterFields: readonly FrontmatterField[] = [
  { field: 'headline', keys: ['headline', 'title'], kind: 'text' },
  { field: 'alternativeHeadline', keys: ['alternativeHeadline', 'deck', 'subtitle'], kind: 'text' },
  { field: 'kicker', keys: ['kicker'], kind: 'text' },
  { field: 'description', keys: ['description', 'summary', 'excerpt'], kind: 'text' },
  {
    field: 'url',
    keys: ['url', 'canonical', 'canonical_url', 'canonicalURL', 'link'],
    kind: 'url',
  },
  { field: 'id', keys: ['id', 'slug'], kind: 'text' },
  { field: 'type', keys: ['type'], kind: 'value' },
  { field: 'language', keys: ['language', 'lang', 'locale'], kind: 'language' },
  { field: 'section', keys: ['section', 'category', 'categories', 'topics'], kind: 'section' },
  { field: 'byline', keys: ['byline', 'authors', 'author'], kind: 'authors' },
  { field: 'dateline', keys: ['dateline'], kind: 'value' },
  {
    field: 'datePublished',
    keys: ['datePublished', 'date', 'pubDate', 'publishDate', 'published'],
    kind: 'date',
  },
  {
    field: 'dateModified',
    keys: ['dateModified', 'lastmod', 'updated', 'modified', 'last_modified_at', 'updatedDate'],
    kind: 'date',
  },
  { field: 'dateCreated', keys: ['dateCreated'], kind: 'date' },
  {
    field: 'image',
    keys: [
      'image',
      'heroImage',
      'coverImage',
      'cover',
      'featured_image',
      'primary_image',
      'images',
    ],
    kind: 'image',
  },
  { field: 'image.alt', keys: ['image_alt'], kind: 'imageAlt' },
  { field: 'image.caption', keys: ['image_caption', 'image_figcaption'], kind: 'imageCaption' },
  { field: 'image.credit', keys: ['image_credit'], kind: 'imageCredit' },
  { field: 'keywords', keys: ['keywords', 'tags'], kind: 'keywords' },
  { field: 'publisher', keys: ['publisher'], kind: 'value' },
  { field: 'isAccessibleForFree', keys: ['isAccessibleForFree'], kind: 'boolean' },
  { field: 'paywalledSelectors', keys: ['paywalledSelectors'], kind: 'value' },
  { field: 'corrections', keys: ['corrections'], kind: 'value' },
  { field: 'copyright', keys: ['copyright'], kind: 'value' },
  { field: 'wire', keys: ['wire'], kind: 'value' },
  { field: 'draft', keys: ['draft'], kind: 'boolean' },
];

/** A table keyed by names read from input: no prototype, so `constructor` or `toString` find nothing. */
function table(entries: Record<string, string>): Readonly<Record<string, string>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string>, entries));
}

/** Contributor keys other than the schema's own, as sites spell them. */
export const contributorKeyAliases: Readonly<Record<string, string>> = table({
  title: 'jobTitle',
  job_title: 'jobTitle',
  display_name: 'name',
  displayName: 'name',
  organization: 'affiliation',
  agency: 'affiliation',
  agency_full_name: 'affiliation',
  link: 'url',
  website: 'url',
  mail: 'email',
});

/** Image keys other than the schema's own. */
export const imageKeyAliases: Readonly<Record<string, string>> = table({
  src: 'url',
  href: 'url',
  path: 'url',
  figcaption: 'caption',
  title: 'caption',
});

let fieldsByKey: Map<string, FrontmatterField> | undefined;

/** The table row for a frontmatter key, ignoring case, or `undefined` for keys nutgraf does not know. */
export function frontmatterFieldOf(key: string): FrontmatterField | undefined {
  if (!fieldsByKey) {
    fieldsByKey = new Map();
    for (const row of frontmatterFields) {
      for (const name of row.keys) fieldsByKey.set(name.toLowerCase(), row);
    }
  }
  return fieldsByKey.get(key.toLowerCase());
}
