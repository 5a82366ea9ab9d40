import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  isAbsoluteUrl,
  isClassSelector,
  isEmail,
  isLanguageTag,
  isoDateStatus,
  isYear,
} from '../../src/jsonld/model-checks.js';
import {
  absoluteUrlSchema,
  articleSchema,
  copyrightSchema,
  isoDateSchema,
  languageTagSchema,
} from '../../src/schema/index.js';

/** The zod-free checks of `fromJsonLd` must agree with the article model they mirror. */
const urlLike = fc.oneof(
  fc.webUrl(),
  fc.string(),
  fc
    .tuple(
      fc.constantFrom(
        'http://',
        'https://',
        'HTTP://',
        'ftp://',
        'http:',
        'https:/',
        ' https://',
        'mailto:',
        '',
      ),
      fc.string(),
    )
    .map(([scheme, rest]) => scheme + rest),
);
const emailLike = fc.oneof(
  fc.emailAddress(),
  fc.string(),
  fc.tuple(fc.string(), fc.constantFrom('@', '@example.com', '.@a.bc')).map(([a, b]) => a + b),
);
const tagLike = fc.oneof(
  fc.constantFrom(
    'en',
    'en-GB',
    'pt-BR',
    'zh-Hant-TW',
    'x-private',
    'i-klingon',
    'en-',
    'english!',
    'de-DE-1996',
  ),
  fc.stringMatching(/^[A-Za-z0-9-]{0,12}$/),
);
const dateLike = fc.oneof(
  fc.string(),
  fc.stringMatching(
    /^\d{4}-[01]\d-[0-3]\d(T[0-2]\d:[0-6]\d(:[0-6]\d(\.\d{1,3})?)?(Z|[+-][01]\d:[0-6]\d)?)?$/,
  ),
);
const selectorLike = fc.oneof(fc.string(), fc.stringMatching(/^[.#]?[A-Za-z0-9_-]{0,6}$/));

const emailSchema = articleSchema.shape.byline
  .unwrap()
  .shape.contributors.element.shape.email.unwrap();
const selectorSchema = articleSchema.shape.paywalledSelectors.unwrap().element;
const yearSchema = copyrightSchema.shape.year.unwrap();

describe('model checks agree with the zod schemas', () => {
  const agree = <T>(
    arbitrary: fc.Arbitrary<T>,
    check: (value: T) => boolean,
    schema: z.ZodType,
  ) => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        expect(check(value), JSON.stringify(value)).toBe(schema.safeParse(value).success);
      }),
      { numRuns: 2000 },
    );
  };

  it('URLs', () => agree(urlLike, isAbsoluteUrl, absoluteUrlSchema));
  it('e-mail addresses', () => agree(emailLike, isEmail, emailSchema));
  it('language tags', () => agree(tagLike, isLanguageTag, languageTagSchema));
  it('ISO dates', () => agree(dateLike, (value) => isoDateStatus(value) === 'ok', isoDateSchema));
  it('class selectors', () => agree(selectorLike, isClassSelector, selectorSchema));
  it('copyright years', () => agree(fc.integer({ min: -20_000, max: 20_000 }), isYear, yearSchema));
});
