/**
 * The checks of the article model that values read from JSON-LD can fail. They live in
 * `src/schema/checks.ts`, written without zod, so that `nutgraf/jsonld` applies the model's own
 * rules without pulling zod into a browser bundle (importing the zod schemas costs about
 * 98 KiB gzipped).
 */
export {
  isAbsoluteUrl,
  isClassSelector,
  isEmail,
  isLanguageTag,
  isoDateStatus,
  isYear,
} from '../schema/checks.js';
