import { agencyName } from '../../fields/agencies.js';
import type { Article, ArticlePath } from '../../schema/index.js';
import type { RuleCheck, RuleFinding } from '../types.js';
import {
  arrayOf,
  codePointLength,
  contributorsOf,
  imagesOf,
  isAbsoluteUrl,
  isFilled,
  isRecord,
  linksOf,
  short,
} from './article-parts.js';

/** The longest `description` that fits a search snippet, in characters. */
export const MAX_DESCRIPTION_LENGTH = 200;

/**
 * Paragraphs shorter than this may repeat: short lines such as `Back to the table of
 * contents` or `Register now` are repeated on purpose.
 */
export const MIN_DUPLICATE_LENGTH = 40;

/** Names longer than this are not checked against patterns. */
const MAX_NAME = 200;

const month =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const weekday = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?';

/** What dates look like when a parser mistakes them for a name. */
const datePatterns: readonly RegExp[] = [
  /^\d{4}-\d{2}-\d{2}/,
  /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/,
  new RegExp(`^(?:${weekday},?\\s+)?${month}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`, 'i'),
  new RegExp(`^(?:${weekday},?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+${month}(?:\\s+\\d{4})?\\b`, 'i'),
  new RegExp(`^${weekday}$`, 'i'),
  /^(?:updated|published|posted|last updated|modified)\b/i,
  /\b\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?/i,
  /\b\d+\s+(?:minutes?|hours?|days?)\s+ago$/i,
];

/** What places look like when a parser mistakes a dateline for a name: `KANSAS CITY, Mo.`, `LONDON -`. */
const placePatterns: readonly RegExp[] = [
  /^[\p{Lu}][\p{Lu} .'’-]*,\s*\p{Lu}[\p{L}]{1,5}\.$/u,
  /^[\p{Lu}][\p{Lu} .'’/-]*\s[-–—]$/u,
];

const whitespace = /\s+/g;
const letter = /\p{L}/u;
/** Whitespace that normalising would change: leading, trailing, repeated or not a plain space. */
const messyWhitespace = /^\s|\s$|\s\s|[^\S ]/;

/**
 * Call `visit` with the text and body index of each paragraph of the body (not those nested
 * in lists). No part or path is made per paragraph: only findings need a path.
 */
function forEachParagraph(article: Article, visit: (text: string, index: number) => void): void {
  const body = arrayOf<unknown>(article.body);
  for (let index = 0; index < body.length; index++) {
    const block = body[index];
    if (isRecord(block) && block.type === 'paragraph' && typeof block.text === 'string') {
      visit(block.text, index);
    }
  }
}

function urlFields(article: Article): Array<{ url: unknown; path: ArticlePath }> {
  const urls: Array<{ url: unknown; path: ArticlePath }> = [{ url: article.url, path: ['url'] }];
  if (isRecord(article.section)) urls.push({ url: article.section.url, path: ['section', 'url'] });
  for (const { contributor, path } of contributorsOf(article)) {
    urls.push({ url: contributor.url, path: [...path, 'url'] });
    arrayOf(contributor.sameAs).forEach((url, index) => {
      urls.push({ url, path: [...path, 'sameAs', index] });
    });
  }
  if (isRecord(article.publisher)) {
    urls.push({ url: article.publisher.url, path: ['publisher', 'url'] });
    arrayOf(article.publisher.sameAs).forEach((url, index) => {
      urls.push({ url, path: ['publisher', 'sameAs', index] });
    });
  }
  arrayOf<Record<string, unknown>>(article.body).forEach((block, index) => {
    if (isRecord(block) && block.type === 'embed')
      urls.push({ url: block.url, path: ['body', index, 'url'] });
  });
  for (const { image, path } of imagesOf(article)) {
    const credit = isRecord(image.caption) ? image.caption.credit : undefined;
    if (isRecord(credit))
      urls.push({ url: credit.license, path: [...path, 'caption', 'credit', 'license'] });
  }
  return urls;
}

function isRelativeLink(url: unknown): boolean {
  return typeof url === 'string' && !url.startsWith('#') && !isAbsoluteUrl(url);
}

/** Checks of the editorial rules, by rule id. */
export const editorialChecks: Readonly<Record<string, RuleCheck>> = {
  'caption-without-credit': (article) =>
    imagesOf(article)
      .filter(({ image }) => {
        const caption = image.caption;
        return isRecord(caption) && isFilled(caption.text) && !isRecord(caption.credit);
      })
      .map(({ path, lead }) => ({
        path: [...path, 'caption'],
        message: `Missing credit for the caption of the ${lead ? 'lead image' : 'figure'}: add who made or supplied the image`,
      })),

  'image-without-alt': (article) =>
    imagesOf(article)
      .filter(({ image }) => !isFilled(image.alt))
      .map(({ path, lead }) => ({
        path: [...path, 'alt'],
        message: `Missing alternative text for the ${lead ? 'lead image' : 'figure'}: add \`alt\` describing what it shows`,
      })),

  'empty-paragraph': (article) => {
    const findings: RuleFinding[] = [];
    forEachParagraph(article, (text, index) => {
      if (!/\S/.test(text)) {
        findings.push({ path: ['body', index], message: 'Unexpected empty paragraph: remove it' });
      }
    });
    return findings;
  },

  'duplicate-paragraph': (article) => {
    /** The body index of the first paragraph with each text. */
    const seen = new Map<string, number>();
    const findings: RuleFinding[] = [];
    forEachParagraph(article, (text, index) => {
      const key = messyWhitespace.test(text) ? text.replace(whitespace, ' ').trim() : text;
      if (key.length < MIN_DUPLICATE_LENGTH || !letter.test(key)) return;
      const first = seen.get(key);
      if (first !== undefined) {
        findings.push({
          path: ['body', index],
          message: `Unexpected repeat of the paragraph at \`body[${first}]\` (\`${short(key, 40)}\`): remove the copy`,
          note: `First at body[${first}]`,
        });
      } else {
        seen.set(key, index);
      }
    });
    return findings;
  },

  'author-name-is-date': (article) =>
    contributorsOf(article)
      .filter(({ contributor }) => {
        const name = contributor.name;
        return (
          typeof name === 'string' &&
          name.length <= MAX_NAME &&
          datePatterns.some((pattern) => pattern.test(name.trim()))
        );
      })
      .map(({ contributor, path }) => ({
        path: [...path, 'name'],
        message: `Unexpected date \`${short(contributor.name)}\` as a contributor name: put dates in \`datePublished\` or \`dateModified\``,
        actual: contributor.name,
      })),

  'author-name-is-place': (article) => {
    const dateline = isRecord(article.dateline) ? article.dateline : undefined;
    const place =
      typeof dateline?.place === 'string' ? dateline.place.trim().toLowerCase() : undefined;
    return contributorsOf(article)
      .filter(({ contributor }) => {
        const name = contributor.name;
        if (typeof name !== 'string' || name.length > MAX_NAME) return false;
        const trimmed = name.trim();
        return (
          trimmed.toLowerCase() === place || placePatterns.some((pattern) => pattern.test(trimmed))
        );
      })
      .map(({ contributor, path }) => ({
        path: [...path, 'name'],
        message: `Unexpected place \`${short(contributor.name)}\` as a contributor name: put it in \`dateline.place\` or the contributor's \`location\``,
        actual: contributor.name,
      }));
  },

  'agency-as-author': (article) => {
    const dateline = isRecord(article.dateline) ? article.dateline : undefined;
    if (!isFilled(dateline?.agency)) return [];
    const agency = dateline.agency.trim();
    const canonical = agencyName(agency) ?? agency.toLowerCase();
    return contributorsOf(article)
      .filter(({ contributor }) => {
        const name = contributor.name;
        if (typeof name !== 'string' || name.length > MAX_NAME) return false;
        return (agencyName(name) ?? name.trim().toLowerCase()) === canonical;
      })
      .map(({ contributor, path }) => ({
        path: [...path, 'name'],
        message: `Unexpected dateline agency \`${short(contributor.name)}\` as a contributor: the agency in the dateline is provenance, not an author`,
        actual: contributor.name,
      }));
  },

  'missing-description': (article) =>
    isFilled(article.description)
      ? []
      : [
          {
            path: ['description'],
            message: 'Missing `description`: add a one- or two-sentence summary',
          },
        ],

  'description-too-long': (article) => {
    if (typeof article.description !== 'string') return [];
    const length = codePointLength(article.description);
    return length > MAX_DESCRIPTION_LENGTH
      ? [
          {
            path: ['description'],
            message: `\`description\` has ${length} characters, expected at most ${MAX_DESCRIPTION_LENGTH}: snippets cut longer ones`,
            expected: `≤ ${MAX_DESCRIPTION_LENGTH}`,
            actual: String(length),
          },
        ]
      : [];
  },

  'missing-section': (article) =>
    isRecord(article.section)
      ? []
      : [
          {
            path: ['section'],
            message: 'Missing `section`: add the site section, such as `World`',
          },
        ],

  'missing-language': (article) =>
    isFilled(article.language)
      ? []
      : [{ path: ['language'], message: 'Missing `language`: add a BCP 47 tag such as `en`' }],

  'url-not-absolute': (article) => {
    const findings: RuleFinding[] = [];
    for (const { url, path } of urlFields(article)) {
      if (typeof url === 'string' && !isAbsoluteUrl(url)) {
        findings.push({
          path,
          message: `Unexpected relative URL \`${short(url)}\` for \`${path.join('.')}\`, expected an absolute URL such as \`https://example.com${url.startsWith('/') ? '' : '/'}${short(url, 30)}\``,
          actual: short(url),
        });
      }
    }
    for (const { url, path } of linksOf(article, isRelativeLink)) {
      if (typeof url === 'string') {
        findings.push({
          path,
          message: url.startsWith('//')
            ? `Unexpected scheme-relative link \`${short(url)}\`: add \`https:\` so it works outside a web page`
            : `Unexpected relative link \`${short(url)}\`: links break when the article is syndicated, use an absolute URL`,
          actual: short(url),
        });
      }
    }
    return findings;
  },
};
