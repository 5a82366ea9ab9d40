export { agencyName, isAgency } from './agencies.js';
export { toNameCase } from './name-case.js';
export { type ParseBreadcrumbOptions, parseBreadcrumb } from './parse-breadcrumb.js';
export {
  looksLikeByline,
  type ParseBylineOptions,
  parseByline,
} from './parse-byline.js';
export { parseCaption, parseCredit } from './parse-caption.js';
export {
  type DatePrecision,
  type DateZoneSource,
  type FoundDate,
  findDate,
  type ParseDateOptions,
  type ParsedDate,
  parseDate,
} from './parse-date.js';
export { parseDateline } from './parse-dateline.js';
