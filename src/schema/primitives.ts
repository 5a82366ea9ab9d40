import { z } from 'zod';

/** A string with at least one non-whitespace character. */
export const nonEmptyStringSchema = z
  .string()
  .regex(/\S/, { message: 'Expected a non-empty string' });

/** An absolute `http:` or `https:` URL. */
export const absoluteUrlSchema = z
  .url({
    protocol: /^https?$/,
    message: 'Expected an absolute http(s) URL, such as `https://example.com/news/story`',
  })
  .meta({ format: 'uri' });

/** Whether `value` is a well-formed BCP 47 language tag (`en`, `en-GB`, `pt-BR`, `zh-Hant-TW`). */
export function isLanguageTag(value: string): boolean {
  // Primary subtags are ISO 639 codes (2–3 letters); the 5–8 letter form is reserved and unused.
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag such as `en`, `en-GB` or `pt-BR`. */
export const languageTagSchema = z
  .string()
  .refine(isLanguageTag, {
    message: 'Expected a BCP 47 language tag, such as `en`, `en-GB` or `pt-BR`',
  })
  .meta({ examples: ['en', 'en-GB', 'pt-BR'] });

/** A positive whole number of pixels. */
export const pixelsSchema = z.int().positive();
