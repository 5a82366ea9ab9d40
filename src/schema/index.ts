export * from './article.js';
export * from './block.js';
export * from './byline.js';
export {
  type Caption,
  type CaptionInput,
  type Credit,
  type CreditFlag,
  captionSchema,
  creditFlagSchema,
  creditSchema,
  type Image,
  type ImageInput,
  imageSchema,
} from './caption.js';
export * from './date.js';
export * from './dateline.js';
export * from './diagnostic.js';
export * from './inline.js';
export * from './organization.js';
export * from './primitives.js';
export * from './section.js';
export {
  placeOf,
  type SourceMap,
  type SourcePath,
  setSource,
  sourceEntries,
  sourceMapFrom,
  sourceOf,
} from './source-map.js';
export * from './validate-article.js';
