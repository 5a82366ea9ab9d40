import { agencyName } from '../../fields/agencies.js';
import { bylineIntro, isCredential, isHonorific, isTitleWord } from '../../fields/byline-intro.js';
import type { Article, ArticlePath, Contributor } from '../../schema/index.js';
import type { RuleCheck, RuleFinding } from '../types.js';
import {
  arrayOf,
  codePointLength,
  contributorsOf,
  imagesOf,
  isAbsoluteHttpUrl,
  isAuthor,
  isFilled,
  isRecord,
  short,
} from './article-parts.js';

/** Names longer than this are not checked against patterns (and are surely not a name). */
const MAX_NAME = 200;

/** Google's minimum for article images: width × height in pixels. */
export const MIN_IMAGE_PIXELS = 50_000;
/** Google Discover's minimum image width in pixels. */
export const MIN_DISCOVER_WIDTH = 1200;
/** Google's minimum logo size in pixels, each side. */
export const MIN_LOGO_SIZE = 112;
/** The legacy (AMP-era) headline limit in characters. */
export const MAX_HEADLINE_LENGTH = 110;

/**
 * What opens a name and does not belong in it, with the field it belongs in: intro words
 * (`By`, `Written by`, as the byline parser knows them) or an honorific (`Dr.`, `Prof`).
 */
function namePrefix(name: string): { printed: string; advice: string } | undefined {
  const intro = bylineIntro(name);
  if (intro) return { printed: intro.printed, advice: 'remove the intro words' };
  const space = name.indexOf(' ');
  return space > 0 && isHonorific(name.slice(0, space))
    ? { printed: name.slice(0, space + 1), advice: 'move the honorific to `honorificPrefix`' }
    : undefined;
}

/** A word of a name in its usual case (`Do`, `Ma`): a surname unless a comma sets it apart. */
const capitalisedWord = /^\p{Lu}\p{Ll}+\.?$/u;

/**
 * Credentials printed after a name (`Ana Ruiz, PhD`, `Lena Moritz MD`, `Ana Ruiz, Ph. D.`), as
 * the byline parser knows them: where they start (separator included) and what they say.
 * Generational suffixes (`Jr.`, `III`) are part of the name and not matched.
 */
function trailingCredentials(name: string): { index: number; text: string } | undefined {
  let end = name.length;
  for (let words = 1; words <= 2; words++) {
    const space = Math.max(name.lastIndexOf(' ', end - 1), name.lastIndexOf(',', end - 1));
    if (space <= 0) return undefined;
    const text = name.slice(space + 1);
    let index = space;
    while (index > 0 && (name[index - 1] === ' ' || name[index - 1] === ',')) index--;
    const comma = name.slice(index, space + 1).includes(',');
    if (isCredential(text.replaceAll(' ', '')) && (comma || !capitalisedWord.test(text)))
      return index > 0 ? { index, text } : undefined;
    end = index;
  }
  return undefined;
}

/** The job title in a name (`Ana Ruiz, Staff Writer` → `Staff Writer`), with the byline parser's title words. */
function jobTitleIn(name: string): string | undefined {
  const parts = name.split(nameSeparator);
  for (const [index, part] of parts.entries()) {
    const words = part.split(' ');
    const first = words.findIndex(isTitleWord);
    if (first < 0) continue;
    if (index > 0) return part;
    let last = first;
    while (last + 1 < words.length && isTitleWord(words[last + 1]!)) last++;
    return words.slice(first, last + 1).join(' ');
  }
  return undefined;
}

/** Separators between a name and what follows it: comma, pipe, slash, spaced dash. */
const nameSeparator = /(?<!\s)\s*(?:,|\||\/|\s[-–—]\s)\s*/;

/**
 * Words and phrases that mark an organization's name. Words that are also common surnames
 * (`Press`, `Post`, `Times`) only count inside a phrase (`Associated Press`).
 */
const organizationWords =
  /\b(?:news|agency|staff|desk|team|newsroom|editorial board|media|wire service|news service|bureau|free press|gazette|newspaper|magazine)\b/i;

/** Fields only a person has. */
const personOnlyFields = ['jobTitle', 'honorificPrefix', 'honorificSuffix'] as const;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const withZone = /(?:Z|[+-]\d{2}:\d{2})$/i;

function nameOf(contributor: Contributor): string | undefined {
  return typeof contributor.name === 'string' && contributor.name.length <= MAX_NAME
    ? contributor.name.trim()
    : undefined;
}

function isPerson(contributor: Contributor): boolean {
  return contributor.type === undefined || contributor.type === 'Person';
}

/** Split `Ana Ruiz and Lena Moritz`, `Ana Ruiz & Lena Moritz`, `Ana Ruiz, Lena Moritz` into names. */
function splitNames(name: string): string[] {
  const parts = name.split(/(?<!\s)\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*/);
  return parts.filter((part) => part.length > 0);
}

/** A plausible personal name: two to four capitalised words. */
const personalName = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u;

function isOutlet(part: string, article: Article): boolean {
  if (agencyName(part) !== undefined) return true;
  const publisher = isRecord(article.publisher) ? article.publisher.name : undefined;
  return typeof publisher === 'string' && part.toLowerCase() === publisher.trim().toLowerCase();
}

/** One finding per author name that `test` flags. */
function eachName(
  article: Article,
  test: (name: string, contributor: Contributor) => Omit<RuleFinding, 'path'> | undefined,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const { contributor, path } of contributorsOf(article)) {
    const name = nameOf(contributor);
    if (name === undefined || name === '') continue;
    const finding = test(name, contributor);
    if (finding) findings.push({ path: [...path, 'name'], ...finding });
  }
  return findings;
}

/** The instant a date string stands for; a calendar date counts from its earliest moment anywhere (UTC+14). */
export function earliestInstant(value: string): number {
  return Date.parse(dateOnly.test(value) ? `${value}T00:00:00+14:00` : value);
}

const dateFields = ['datePublished', 'dateModified', 'dateCreated'] as const;

function datesOf(article: Article): Array<{ value: string; path: ArticlePath }> {
  const dates: Array<{ value: string; path: ArticlePath }> = [];
  for (const field of dateFields) {
    const value = article[field];
    if (typeof value === 'string') dates.push({ value, path: [field] });
  }
  arrayOf<Record<string, unknown>>(article.corrections).forEach((correction, index) => {
    if (isRecord(correction) && typeof correction.date === 'string') {
      dates.push({ value: correction.date, path: ['corrections', index, 'date'] });
    }
  });
  return dates;
}

function leadImage(article: Article): Record<string, unknown> | undefined {
  return isRecord(article.image) ? article.image : undefined;
}

function size(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Checks of the Google Article guidance rules, by rule id. */
export const googleChecks: Readonly<Record<string, RuleCheck>> = {
  'missing-headline': (article) =>
    isFilled(article.headline)
      ? []
      : [{ path: ['headline'], message: 'Missing headline: add a `headline`' }],

  'headline-all-caps': (article) => {
    const headline = article.headline;
    if (typeof headline !== 'string') return [];
    let upper = 0;
    for (const character of headline) {
      if (/\p{Ll}/u.test(character)) return [];
      if (/\p{Lu}/u.test(character)) upper++;
    }
    return upper >= 8
      ? [
          {
            path: ['headline'],
            message: 'Unexpected all-caps headline: write it in sentence or title case',
            actual: short(headline),
          },
        ]
      : [];
  },

  'headline-too-long': (article) => {
    if (typeof article.headline !== 'string') return [];
    const length = codePointLength(article.headline);
    return length > MAX_HEADLINE_LENGTH
      ? [
          {
            path: ['headline'],
            message: `Headline has ${length} characters, expected at most ${MAX_HEADLINE_LENGTH}: long headlines may be truncated`,
            expected: `≤ ${MAX_HEADLINE_LENGTH}`,
            actual: String(length),
          },
        ]
      : [];
  },

  'missing-author': (article) => {
    if (contributorsOf(article).some(({ contributor }) => isAuthor(contributor))) return [];
    const path: ArticlePath = isRecord(article.byline) ? ['byline', 'contributors'] : ['byline'];
    return [
      {
        path,
        message: 'Missing author: add the people or the organization that wrote the article',
      },
    ];
  },

  'multiple-authors-in-one-name': (article) =>
    eachName(article, (name, contributor) => {
      if (!isPerson(contributor)) return undefined;
      const parts = splitNames(name);
      if (parts.length < 2) return undefined;
      const names = parts.filter(
        (part) =>
          personalName.test(part) &&
          !isCredential(part.replaceAll(' ', '')) &&
          jobTitleIn(part) === undefined &&
          !organizationWords.test(part) &&
          !isOutlet(part, article),
      );
      return names.length >= 2
        ? {
            message: `Unexpected several names in one author \`${short(name)}\`: give each author its own entry`,
            actual: name,
            expected: names.join(' | '),
          }
        : undefined;
    }),

  'author-name-has-prefix': (article) =>
    eachName(article, (name) => {
      const prefix = namePrefix(name);
      return prefix
        ? {
            message: `Unexpected \`${prefix.printed.trim()}\` before the author name \`${short(name)}\`: ${prefix.advice}`,
            actual: name,
            expected: name.slice(prefix.printed.length).trimStart(),
          }
        : undefined;
    }),

  'author-name-has-credentials': (article) =>
    eachName(article, (name, contributor) => {
      if (!isPerson(contributor)) return undefined;
      const found = trailingCredentials(name);
      return found
        ? {
            message: `Unexpected credentials \`${found.text}\` in the author name \`${short(name)}\`: move them to \`honorificSuffix\``,
            actual: name,
            expected: name.slice(0, found.index),
          }
        : undefined;
    }),

  'author-name-has-job-title': (article) =>
    eachName(article, (name, contributor) => {
      if (!isPerson(contributor)) return undefined;
      const title = jobTitleIn(name);
      return title
        ? {
            message: `Unexpected job title \`${title}\` in the author name \`${short(name)}\`: move it to \`jobTitle\``,
            actual: name,
          }
        : undefined;
    }),

  'author-name-has-outlet': (article) =>
    eachName(article, (name, contributor) => {
      if (!isPerson(contributor)) return undefined;
      const parts = name.split(nameSeparator);
      const affiliation =
        typeof contributor.affiliation === 'string' ? contributor.affiliation.trim() : '';
      const outlet = parts
        .slice(1)
        .find(
          (part) =>
            isOutlet(part, article) ||
            (affiliation !== '' && part.toLowerCase() === affiliation.toLowerCase()),
        );
      return outlet
        ? {
            message: `Unexpected outlet \`${outlet}\` in the author name \`${short(name)}\`: move it to \`affiliation\` or \`publisher\``,
            actual: name,
            expected: parts[0] ?? '',
          }
        : undefined;
    }),

  'author-type-mismatch': (article) =>
    eachName(article, (name, contributor) => {
      if (isPerson(contributor)) {
        const looksLikeOrganization =
          agencyName(name) !== undefined ||
          isOutlet(name, article) ||
          (organizationWords.test(name) &&
            name.split(nameSeparator).length === 1 &&
            splitNames(name).length === 1);
        return looksLikeOrganization
          ? {
              message: `Unexpected type \`Person\` for \`${short(name)}\`, expected \`Organization\``,
              expected: 'Organization',
              actual: 'Person',
            }
          : undefined;
      }
      const field = personOnlyFields.find((key) => contributor[key] !== undefined);
      return field
        ? {
            message: `Unexpected type \`Organization\` for \`${short(name)}\`, which has a \`${field}\`: expected \`Person\``,
            expected: 'Person',
            actual: 'Organization',
          }
        : undefined;
    }),

  'missing-date-published': (article) =>
    typeof article.datePublished === 'string'
      ? []
      : [
          {
            path: ['datePublished'],
            message: 'Missing `datePublished`: add when it was published',
          },
        ],

  'date-without-time-zone': (article) => {
    const findings: RuleFinding[] = [];
    for (const field of ['datePublished', 'dateModified'] as const) {
      const value = article[field];
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}(?:T[\d:.]{1,18})?$/.test(value)) {
        continue;
      }
      findings.push({
        path: [field],
        message: dateOnly.test(value)
          ? `Unexpected calendar date \`${value}\` for \`${field}\`, expected a date-time with a time zone such as \`${value}T09:00:00-05:00\``
          : `Unexpected date-time without a time zone \`${value}\` for \`${field}\`: add \`Z\` or \`±HH:MM\``,
        actual: value,
      });
    }
    return findings;
  },

  'date-modified-before-published': (article) => {
    const published = article.datePublished;
    const modified = article.dateModified;
    if (typeof published !== 'string' || typeof modified !== 'string') return [];
    const bothTimes = withZone.test(published) && withZone.test(modified);
    const before = bothTimes
      ? Date.parse(modified) < Date.parse(published)
      : modified.slice(0, 10) < published.slice(0, 10);
    return before
      ? [
          {
            path: ['dateModified'],
            message: `Unexpected \`dateModified\` \`${modified}\` before \`datePublished\` \`${published}\``,
            expected: `≥ ${published}`,
            actual: modified,
          },
        ]
      : [];
  },

  'date-in-future': (article, context) =>
    datesOf(article)
      .filter(({ value }) => earliestInstant(value) > context.now)
      .map(({ value, path }) => ({
        path,
        message: `Unexpected future date \`${value}\` for \`${path.join('.')}\`: give the date it happened, not a planned one`,
        actual: value,
      })),

  'missing-image': (article) => {
    const image = leadImage(article);
    if (!image) {
      // Figures with a URL go into the JSON-LD `image` list too, so they satisfy Google.
      const figureWithUrl = (Array.isArray(article.body) ? article.body : []).some(
        (block) => isRecord(block) && block.type === 'figure' && isFilled(block.url),
      );
      return figureWithUrl
        ? []
        : [{ path: ['image'], message: 'Missing lead `image`: add a representative image' }];
    }
    const url = image.url;
    return url !== undefined && (typeof url !== 'string' || /\S/.test(url))
      ? []
      : [{ path: ['image', 'url'], message: 'Missing `image.url`: the lead image needs a URL' }];
  },

  'image-url-not-absolute': (article) => {
    const findings: RuleFinding[] = [];
    const urls: Array<{ url: unknown; path: ArticlePath }> = imagesOf(article).map(
      ({ image, path }) => ({ url: image.url, path: [...path, 'url'] }),
    );
    const publisher = isRecord(article.publisher) ? article.publisher : undefined;
    if (publisher && isRecord(publisher.logo)) {
      urls.push({ url: publisher.logo.url, path: ['publisher', 'logo', 'url'] });
    }
    for (const { url, path } of urls) {
      if (typeof url === 'string' && !isAbsoluteHttpUrl(url)) {
        findings.push({
          path,
          message: `Unexpected image URL \`${short(url)}\`, expected an absolute http(s) URL`,
          actual: short(url),
        });
      }
    }
    return findings;
  },

  'image-too-small': (article) => {
    const image = leadImage(article);
    const width = size(image?.width);
    const height = size(image?.height);
    if (width === undefined || height === undefined || width * height >= MIN_IMAGE_PIXELS) {
      return [];
    }
    return [
      {
        path: ['image'],
        message: `Lead image is ${width}×${height} (${width * height} pixels), expected at least ${MIN_IMAGE_PIXELS.toLocaleString('en-US')} pixels`,
        expected: `≥ ${MIN_IMAGE_PIXELS}`,
        actual: String(width * height),
      },
    ];
  },

  'image-too-narrow-for-discover': (article) => {
    const width = size(leadImage(article)?.width);
    return width !== undefined && width < MIN_DISCOVER_WIDTH
      ? [
          {
            path: ['image', 'width'],
            message: `Lead image is ${width} pixels wide, expected at least ${MIN_DISCOVER_WIDTH} for Google Discover`,
            expected: `≥ ${MIN_DISCOVER_WIDTH}`,
            actual: String(width),
          },
        ]
      : [];
  },

  'publisher-logo-too-small': (article) => {
    const publisher = isRecord(article.publisher) ? article.publisher : undefined;
    const logo = publisher && isRecord(publisher.logo) ? publisher.logo : undefined;
    const width = size(logo?.width);
    const height = size(logo?.height);
    const small =
      (width !== undefined && width < MIN_LOGO_SIZE) ||
      (height !== undefined && height < MIN_LOGO_SIZE);
    return small
      ? [
          {
            path: ['publisher', 'logo'],
            message: `Publisher logo is ${width ?? '?'}×${height ?? '?'}, expected at least ${MIN_LOGO_SIZE}×${MIN_LOGO_SIZE} pixels`,
            expected: `≥ ${MIN_LOGO_SIZE}×${MIN_LOGO_SIZE}`,
            actual: `${width ?? '?'}×${height ?? '?'}`,
          },
        ]
      : [];
  },
};
