import { isAgency } from '../fields/agencies.js';
import { isOutlet } from '../fields/parse-byline.js';
import type { Caption, Credit, CreditFlag } from '../schema/index.js';
import { memoized } from './memo.js';

/** Who may stand as a credit's provider: an agency or an outlet (the field parsers' lists), or a public source. */
const isProvider = (text: string): boolean =>
  isAgency(text) || isOutlet(text) || /^(?:NASA|Handout)$/i.test(text);

/** Credit forms at the end of a caption line, most specific first. Group 1 is the credit. */
const GENERIC_SLASH_CREDIT =
  /\s*\(([\p{Lu}][\p{L}.'’ -]{1,50}\s?\/\s?[\p{Lu}][\p{L}.'’ &-]{1,40})\)\s*$/u;

const TRAILING_CREDITS: readonly RegExp[] = [
  /\s*\(((?:AP|AFP|Reuters|EPA|PA) Photo(?:\/[^()]{1,80})?)\)\s*$/i,
  /\s*\((?:Photo|Photograph|Picture|Image|Pic|Illustration|Credit|Photo credit|Foto|Bild)s?\s*(?::|by)\s*([^()]{1,100})\)\s*$/i,
  /(?:^|\s+)(?:Photograph|Photo|Photos|Photographs|Picture|Image|Illustration|Composite|Credit|Photo credit|Foto|Bild|Source|Image source)\s*:\s*([^:]{1,100})$/i,
  /\s*\(?((?:Photo|Picture|Image|Illustration)s? by [^()]{1,100})\)?\s*$/i,
  GENERIC_SLASH_CREDIT,
  /\s*\(((?:Photo|Foto|Image|Picture|Bild)\b[^()]{1,100})\)\s*$/i,
  /\s+(REUTERS\/[^.]{1,80}|[\p{Lu}][\p{L}.'’ -]{1,60}\/(?:Getty Images|AFP(?: via Getty Images)?|Reuters|EPA(?:-EFE)?|AP|PA(?: Wire)?|Shutterstock|Alamy|Bloomberg|Rex(?:\/Shutterstock)?|NurPhoto|Anadolu(?: Agency)?|SOPA Images|LightRocket|Zuma(?: Press)?|Corbis|TT|NTB|AAP|Xinhua|Imago)(?: via Getty Images)?(?:\s*\([^()]{1,30}\))?)\s*$/u,
];

const CREDIT_HINT = /photo|pictur|image|illustr|credit|composite|foto|bild|source|pic\b|\//i;

const FLAGS: ReadonlyArray<[RegExp, CreditFlag]> = [
  [/\bfile\b/i, 'file'],
  [/\bpool\b/i, 'pool'],
  [/\bhandout\b/i, 'handout'],
];

/** Parse a credit such as `AP Photo/Lena Moritz`, `Lena Moritz/Reuters` or `AP`. */
export function readCredit(input: string): Credit | undefined {
  const text = input.trim().replace(/[.;,]$/, '');
  if (!text) return undefined;
  const credit: Credit = { text };
  const flags = FLAGS.filter(([pattern]) => pattern.test(text)).map(([, flag]) => flag);
  if (flags.length > 0) credit.flags = flags;
  const core = text
    .replace(/^(?:photo|picture|image|illustration)s? by\s+/i, '')
    .replace(/,\s*(?:file|pool)$/i, '')
    .replace(/\s*\((?:file|pool|handout)\)$/i, '')
    .trim();
  const agencyPhoto = /^(AP|AFP|Reuters|EPA|PA) Photo(?:\/(.+))?$/i.exec(core);
  if (agencyPhoto) {
    credit.provider = agencyPhoto[1]!;
    if (agencyPhoto[2]) credit.creator = agencyPhoto[2].trim();
    return credit;
  }
  const slash = core.indexOf('/');
  if (slash > 0) {
    const left = core.slice(0, slash).trim();
    const right = core.slice(slash + 1).trim();
    if (isProvider(left) && right) {
      credit.provider = left === 'REUTERS' ? 'Reuters' : left;
      credit.creator = right;
    } else if (left && right) {
      credit.creator = left;
      credit.provider = right.replace(/ via Getty Images$/i, '');
    }
    return credit;
  }
  const via = /^(.+?) (?:for|via) (.+)$/.exec(core);
  if (via) {
    credit.creator = via[1]!;
    credit.provider = via[2]!;
    return credit;
  }
  if (isProvider(core)) credit.provider = core;
  else if (/^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){1,3}$/u.test(core)) credit.creator = core;
  return credit;
}

/**
 * Read a caption line that ends with a credit, e.g.
 * `Passengers at the north pier. (Photo: AP)` or `A crowd. Photograph: Ana Ruiz/Reuters`.
 * Returns undefined when the line has no recognisable credit.
 *
 * @example
 * readCaption('Passengers at the north pier. (Photo: AP)')
 * //=> { text: 'Passengers at the north pier.', credit: { text: 'AP', provider: 'AP' } }
 */
export function readCaption(line: string): Caption | undefined {
  if (line.length > 600) return undefined;
  const offset = line.length > 160 ? line.length - 160 : 0;
  const tail = offset > 0 ? line.slice(offset) : line;
  if (!CREDIT_HINT.test(tail)) return undefined;
  for (const pattern of TRAILING_CREDITS) {
    const match = pattern.exec(tail);
    if (!match) continue;
    const credit = readCredit(match[1]!);
    if (!credit) continue;
    return {
      text: line
        .slice(0, offset + match.index)
        .trim()
        .replace(/\s*[,;|–—-]$/u, ''),
      credit,
    };
  }
  return undefined;
}

/** Whether the line reads as a photo caption with a credit (see {@link readCaption}); remembered per parse. */
export const isCaption = memoized((line: string): boolean => readCaption(line) !== undefined);
