import {
  type Contributor,
  type ContributorInput,
  contributorSchema,
  type Image,
  type ImageInput,
  imageSchema,
} from '../schema/index.js';
import { collapseWhiteSpace } from './collapse-white-space.js';
import type { ParseContext } from './context.js';

/** Authors by slug: a table or a function (see `ParseMarkdownOptions.authors`). */
export type AuthorLookup =
  | Readonly<Record<string, ContributorInput>>
  | ((slug: string) => ContributorInput | undefined);

/** Images by id: a table or a function (see `ParseMarkdownOptions.images`). */
export type ImageLookup =
  | Readonly<Record<string, ImageInput>>
  | ((id: string) => ImageInput | undefined);

function find<T>(
  lookup: Readonly<Record<string, T>> | ((key: string) => T | undefined) | undefined,
  key: string,
): T | undefined {
  if (lookup === undefined) return undefined;
  if (typeof lookup === 'function') return lookup(key);
  return Object.hasOwn(lookup, key) ? lookup[key] : undefined;
}

/** The contributor `options.authors` gives for a slug, when it gives a valid one. */
export function lookupAuthor(context: ParseContext, slug: string): Contributor | undefined {
  const found = find(context.options.authors, slug);
  if (found === undefined) return undefined;
  const parsed = contributorSchema.safeParse(found);
  return parsed.success ? parsed.data : undefined;
}

/** The image `options.images` gives for an id, when it gives a valid one. */
export function lookupImage(context: ParseContext, id: string): Image | undefined {
  const found = find(context.options.images, id.trim());
  if (found === undefined) return undefined;
  const parsed = imageSchema.safeParse(found);
  if (!parsed.success) return undefined;
  // Caption text reads as all text does: spaces collapsed, trimmed.
  const caption = parsed.data.caption;
  if (caption) caption.text = collapseWhiteSpace(caption.text);
  return parsed.data;
}
