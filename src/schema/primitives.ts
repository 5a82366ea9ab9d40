import { z } from 'zod';
import { isAbsoluteUrl, isLanguageTag } from './checks.js';

export { isLanguageTag } from './checks.js';

/** A string with at least one non-whitespace character. */
export const nonEmptyStringSchema = z
  .string()
  .regex(/\S/, { message: 'Expected a non-empty string' });

/** An absolute `http:` or `https:` URL. */
export const absoluteUrlSchema = z
  .string()
  .refine(isAbsoluteUrl, {
    message: 'Expected an absolute http(s) URL, such as `https://example.com/news/story`',
  })
  .meta({ format: 'uri' });

/** A BCP 47 language tag such as `en`, `en-GB` or `pt-BR`. */
export const languageTagSchema = z
  .string()
  .refine(isLanguageTag, {
    message: 'Expected a BCP 47 language tag, such as `en`, `en-GB` or `pt-BR`',
  })
  .meta({ examples: ['en', 'en-GB', 'pt-BR'] });

/** A positive whole number of pixels. */
export const pixelsSchema = z.int().positive();
