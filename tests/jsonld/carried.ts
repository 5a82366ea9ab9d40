import { decodeHTMLStrict } from 'entities';
import { isKept } from '../../scripts/character-reference-table.mjs';
import type { Article, Contributor, Image } from '../../src/schema/index.js';

/**
 * What JSON-LD carries of an article: the article `fromJsonLd(toJsonLd(article))` must give
 * back. Written independently of the serializer, from the mapping in the README.
 */
const newsTypes = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
]);

const roleGroups: Record<string, 'author' | 'contributor' | 'editor' | 'translator'> = {
  author: 'author',
  reporter: 'author',
  writer: 'author',
  contributor: 'contributor',
  photographer: 'contributor',
  illustrator: 'contributor',
  producer: 'contributor',
  editor: 'editor',
  translator: 'translator',
};

function compactObject<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function nonEmpty<T>(items: readonly T[] | undefined): T[] | undefined {
  return items !== undefined && items.length > 0 ? [...items] : undefined;
}

function blank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Names are read with runs of white space collapsed and trimmed. */
function collapse(name: string): string {
  return name.replace(/[\s\u3000\ufeff\u1680\u2028\u2029\u202f\u205f]+/g, ' ').trim();
}

function contributor(input: Contributor): Contributor {
  const person = { ...input, name: collapse(input.name) };
  let role = roleGroups[person.role] ?? 'author';
  if (role === 'editor' && person.type === 'Organization') role = 'contributor';
  const shared = {
    location: person.location,
    url: person.url,
    sameAs: nonEmpty(person.sameAs),
    email: person.email,
  };
  if (person.type === 'Organization') {
    return compactObject({ name: person.name, type: person.type, role, ...shared });
  }
  return compactObject({
    name: person.name,
    type: person.type,
    role,
    jobTitle: person.jobTitle,
    affiliation: person.affiliation,
    honorificPrefix: person.honorificPrefix,
    honorificSuffix: person.honorificSuffix,
    ...shared,
  });
}

function image(value: Omit<Image, never>): Image | undefined {
  if (value.url === undefined) return undefined;
  const credit = value.caption?.credit;
  const captionText = blank(value.caption?.text) ? '' : (value.caption?.text ?? '');
  const caption =
    credit !== undefined
      ? {
          text: captionText,
          credit: compactObject({
            text: credit.text,
            creator: credit.creator,
            provider: credit.provider,
            copyrightHolder: credit.copyrightHolder,
            license: credit.license,
          }),
        }
      : captionText !== ''
        ? { text: captionText }
        : undefined;
  return compactObject({
    url: value.url,
    alt: value.alt,
    caption,
    width: value.width,
    height: value.height,
  });
}

const reference = /&(?:#\d+|#x[\da-f]+|([a-z\d]+));/gi;

/**
 * How a text reads back: JSON-LD text that looks HTML-encoded (every `&` starts a reference
 * ended by `;`, a named one of the covered characters) is read decoded (see the README).
 */
export function readBack(text: string): string {
  const ampersands = text.split('&').length - 1;
  if (ampersands === 0) return text;
  const references = [...text.matchAll(reference)].filter(
    (match) => match[1] === undefined || isKept(match[1]),
  );
  return references.length === ampersands ? decodeHTMLStrict(text) : text;
}

/** Every string of a JSON value through {@link readBack}. */
function readBackAll(value: unknown): unknown {
  if (typeof value === 'string') return readBack(value);
  if (Array.isArray(value)) return value.map(readBackAll);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, readBackAll(item)]));
  }
  return value;
}

/** The carried part of an article, as an `ArticleInput` to validate. */
export function carried(article: Article, options: { articleBody?: boolean } = {}): unknown {
  // Text is read back decoded first; what the reader composes (a dateline) is built from that.
  return carriedAsWritten(readBackAll(article) as Article, options);
}

function carriedAsWritten(article: Article, options: { articleBody?: boolean }): unknown {
  const order = ['author', 'contributor', 'editor', 'translator'];
  const contributors = (article.byline?.contributors ?? [])
    .map(contributor)
    .map((person, index) => ({ person, index }))
    .sort(
      (a, b) => order.indexOf(a.person.role) - order.indexOf(b.person.role) || a.index - b.index,
    )
    .map(({ person }) => person);
  const bylineText = blank(article.byline?.text) ? undefined : article.byline?.text;
  const body: unknown[] = [];
  if (options.articleBody) {
    for (const block of article.body) {
      if (block.type === 'paragraph' && block.text.trim() !== '') {
        body.push({ type: 'paragraph', text: block.text });
      }
    }
  }
  for (const block of article.body) {
    if (block.type === 'figure') {
      const { type: _type, ...fields } = block;
      const figure = image(fields);
      if (figure) body.push({ type: 'figure', ...figure });
    }
  }
  const section = article.section;
  const dateline = article.dateline;
  const tags = nonEmpty(article.wire?.tags);
  const copyright = article.copyright;
  return compactObject({
    headline: article.headline,
    alternativeHeadline: article.alternativeHeadline,
    kicker: article.kicker,
    description: article.description,
    url: article.url,
    id: article.id,
    type: article.type,
    language: article.language,
    section:
      section === undefined
        ? undefined
        : compactObject({
            name: section.path ? section.path.at(-1) : section.name,
            path: section.path,
            url: section.url,
          }),
    byline:
      contributors.length > 0 || bylineText !== undefined
        ? compactObject({ text: bylineText, contributors })
        : undefined,
    dateline:
      dateline === undefined
        ? undefined
        : newsTypes.has(article.type)
          ? compactObject({ text: dateline.text, place: dateline.place, agency: dateline.agency })
          : // Other types carry the place and agency only; the text is printed from them.
            dateline.place !== undefined || dateline.agency !== undefined
            ? compactObject({
                text:
                  dateline.place === undefined
                    ? `(${dateline.agency})`
                    : dateline.agency === undefined
                      ? dateline.place
                      : `${dateline.place} (${dateline.agency})`,
                place: dateline.place,
                agency: dateline.agency,
              })
            : undefined,
    datePublished: article.datePublished,
    dateModified: article.dateModified,
    dateCreated: article.dateCreated,
    image: article.image ? image(article.image) : undefined,
    body,
    keywords: nonEmpty(article.keywords),
    publisher:
      article.publisher === undefined
        ? undefined
        : compactObject({ ...article.publisher, sameAs: nonEmpty(article.publisher.sameAs) }),
    isAccessibleForFree: article.isAccessibleForFree,
    paywalledSelectors: nonEmpty(article.paywalledSelectors),
    corrections: nonEmpty(article.corrections),
    copyright: copyright !== undefined && Object.keys(copyright).length > 0 ? copyright : undefined,
    wire:
      article.wire?.slug !== undefined || tags !== undefined
        ? compactObject({ slug: article.wire?.slug, tags })
        : undefined,
    draft: article.draft === true ? true : undefined,
  });
}
