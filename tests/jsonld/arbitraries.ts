import fc from 'fast-check';
import type {
  ArticleInput,
  BlockInput,
  ContributorInput,
  ImageInput,
} from '../../src/schema/index.js';
import { articleTypeSchema, contributorRoleSchema } from '../../src/schema/index.js';

/** A non-empty string of any Unicode graphemes (`<`, `</script>`, U+2028 and all). */
export const text = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
    fc.constantFrom('</script>', '</SCRIPT >', '<!--', ']]>', '\u2028', '&lt;', 'Ana Ruiz'),
  )
  .filter((value) => /\S/.test(value));

/** Any string, empty included. */
const anyText = fc.string({ unit: 'grapheme', maxLength: 16 });

/** A word of letters, for text that must survive being split into paragraphs. */
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,10}$/);

export const url = fc
  .tuple(
    fc.constantFrom('http', 'https'),
    fc.stringMatching(/^[a-z][a-z0-9]{0,8}\.(?:com|org|example)$/),
    fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { maxLength: 3 }),
  )
  .map(([scheme, host, path]) => `${scheme}://${host}/${path.join('/')}`);

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

/** An ISO date as nutgraf stores it: a calendar date, or a date-time with an offset or `Z`. */
export const isoDate = fc.oneof(
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  fc
    .tuple(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
      fc.integer({ min: -48, max: 56 }),
      fc.constantFrom('seconds', 'minutes', 'fraction'),
      fc.boolean(),
    )
    .map(([date, quarters, precision, zulu]) => {
      const minutes = quarters * 15;
      const local = new Date(date.getTime() + minutes * 60_000).toISOString();
      const time =
        precision === 'minutes'
          ? local.slice(0, 16)
          : precision === 'seconds'
            ? local.slice(0, 19)
            : local.slice(0, 23);
      if (minutes === 0 && zulu) return `${time}Z`;
      const sign = minutes < 0 ? '-' : '+';
      const absolute = Math.abs(minutes);
      return `${time}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
    }),
);

const pixels = fc.integer({ min: 1, max: 8000 });

export const contributor: fc.Arbitrary<ContributorInput> = fc.record(
  {
    name: text,
    type: fc.constantFrom('Person', 'Organization'),
    role: fc.constantFrom(...contributorRoleSchema.options),
    jobTitle: text,
    affiliation: text,
    location: text,
    honorificPrefix: text,
    honorificSuffix: text,
    url,
    sameAs: fc.array(url, { maxLength: 2 }),
    email: fc.stringMatching(/^[a-z]{1,8}$/).map((local) => `${local}@example.com`),
  },
  { requiredKeys: ['name'] },
);

const credit = fc.record(
  {
    text,
    creator: text,
    provider: text,
    copyrightHolder: text,
    license: url,
    flags: fc.uniqueArray(fc.constantFrom('file', 'pool', 'handout'), { maxLength: 2 }),
  },
  { requiredKeys: ['text'] },
);

const imageFields = {
  url,
  alt: anyText,
  caption: fc.record({ text: anyText, credit }, { requiredKeys: ['text'] }),
  width: pixels,
  height: pixels,
};

export const image: fc.Arbitrary<ImageInput> = fc.record(imageFields, { requiredKeys: [] });

export const block: fc.Arbitrary<BlockInput> = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), text: anyText }),
  fc.record({ type: fc.constant('heading' as const), level: fc.integer({ min: 2, max: 6 }), text }),
  fc.record({ type: fc.constant('figure' as const), ...imageFields }, { requiredKeys: ['type'] }),
  fc.record(
    { type: fc.constant('quote' as const), text: anyText, citation: text },
    { requiredKeys: ['type', 'text'] },
  ),
  fc.record({
    type: fc.constant('list' as const),
    ordered: fc.boolean(),
    items: fc.array(
      anyText.map((itemText) => ({ text: itemText })),
      { maxLength: 3 },
    ),
  }),
  fc.record({ type: fc.constant('divider' as const) }),
  fc.record({ type: fc.constant('code' as const), text: anyText }),
  fc.record({
    type: fc.constant('table' as const),
    rows: fc.array(
      fc.array(
        anyText.map((cellText) => ({ text: cellText })),
        { maxLength: 3 },
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

const organization = fc.record(
  {
    name: text,
    url,
    logo: fc.record({ url, width: pixels, height: pixels }, { requiredKeys: ['url'] }),
    sameAs: fc.array(url, { maxLength: 2 }),
  },
  { requiredKeys: ['name'] },
);

/** Any valid article, every field optional but the headline and body. */
export const article: fc.Arbitrary<ArticleInput> = fc.record(
  {
    headline: text,
    alternativeHeadline: text,
    kicker: text,
    description: text,
    url,
    id: text,
    type: fc.constantFrom(...articleTypeSchema.options),
    language: fc.constantFrom('en', 'en-GB', 'pt-BR', 'de', 'zh-Hant-TW'),
    section: fc.record(
      { name: text, path: fc.array(text, { minLength: 1, maxLength: 3 }), url },
      { requiredKeys: ['name'] },
    ),
    byline: fc.record(
      { text: anyText, contributors: fc.array(contributor, { maxLength: 4 }) },
      { requiredKeys: ['contributors'] },
    ),
    dateline: fc.record(
      { text, place: text, agency: text, date: text },
      { requiredKeys: ['text'] },
    ),
    datePublished: isoDate,
    dateModified: isoDate,
    dateCreated: isoDate,
    image,
    body: fc.array(block, { maxLength: 5 }),
    keywords: fc.array(text, { maxLength: 3 }),
    publisher: organization,
    isAccessibleForFree: fc.boolean(),
    paywalledSelectors: fc.array(fc.stringMatching(/^\.[A-Za-z_-][\w-]{0,8}$/), { maxLength: 2 }),
    corrections: fc.array(
      fc.record(
        { text, date: isoDate, type: fc.constantFrom('correction', 'clarification', 'update') },
        { requiredKeys: ['text'] },
      ),
      { maxLength: 2 },
    ),
    copyright: fc.record(
      { notice: text, holder: text, year: fc.integer({ min: 1000, max: 9999 }) },
      { requiredKeys: [] },
    ),
    wire: fc.record(
      { slug: text, tags: fc.array(text, { maxLength: 2 }), advisory: text },
      { requiredKeys: [] },
    ),
    draft: fc.boolean(),
  },
  { requiredKeys: ['headline', 'body'] },
);

/** An article whose body is paragraphs of words, for `articleBody` round trips. */
export const articleWithProse: fc.Arbitrary<ArticleInput> = fc.record({
  headline: text,
  body: fc.array(
    fc.record({
      type: fc.constant('paragraph' as const),
      text: fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' ')),
    }),
    { maxLength: 5 },
  ),
});
