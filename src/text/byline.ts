import { isAgency } from '../fields/agencies.js';
import { labelWords } from '../fields/byline-words.js';
import { isOutlet, mendIntro, readPersonName } from '../fields/parse-byline.js';
import type { Contributor, ContributorRole } from '../schema/index.js';
import { lineDate as findDate } from './memo.js';
import { BYLINE_INTRO, JOB_TITLE, OUTLET_TOKENS } from './patterns.js';

/** Lower-case words allowed inside a name (`Ludwig van Beethoven`, `Ana de la Cruz`). */
export const PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'das',
  'dos',
  'du',
  'la',
  'le',
  'el',
  'al',
  'bin',
  'ibn',
  'y',
  'e',
  'ter',
  'ten',
  'st.',
  'zu',
  'af',
  'dalla',
  'lo',
]);

/** Capitalised words of page chrome and section names that are never part of a person's name. */
const NOT_NAME = new Set(
  (
    'sign in up log login logout register subscribe subscriber social sharing share shares special reports report ' +
    'twitter facebook email e-mail instagram linkedin youtube whatsapp pinterest reddit getty image images photo photos ' +
    'video videos menu home news search more read line outline society bros comments comment follow following newsletter ' +
    'account profile edition section sections latest top stories story opinion sport sports business tech technology ' +
    'science health world politics weather travel culture arts entertainment life style food live podcast podcasts ' +
    'magazine contact about privacy terms cookie cookies policy advertise advertisement help support shop store free ' +
    'trial print digital next previous all rights reserved copyright click here watch listen download app apps ' +
    'skip content navigation close open back view gallery slideshow related recommended trending popular posted ' +
    'updated published editor staff team desk board media press release update updates review reviews guide ' +
    'republish article articles sponsored links link ideas design web journalism innovation speech slow moving ' +
    'most people creative broken company companies ' +
    'members member premium account settings feedback jobs careers events event game games music movies tv ' +
    'road street park stadium stade arena square avenue hall centre center bridge station airport house court ' +
    'ground grounds field lane place city county valley island islands river lake mount university college school'
  ).split(' '),
);

/** Name suffixes kept with the name. */
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
const CREDENTIAL = /^(?:MA|MD|PhD|Ph\.D\.|MPH|RN|MSc|MBA|BSc|DO|DDS|JD|RD|MS|LCSW|FACP)$/;
const CJK_ONLY = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・ ]+$/u;
const NAME_WORD =
  /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.|[\p{L}\p{M}]+-\p{Lu}[\p{L}\p{M}'’-]*|O['’]\p{Lu}[\p{L}]*|Mc\p{Lu}[\p{L}]*)$/u;
const CJK_NAME =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・ ]{2,12}$/u;
const SPLIT =
  /\s*(?:,|;|\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+avec\s+|\s*·\s*|\s+\|\s+|\s+\/\s+)\s*/i;
const LOCATION = /\s+(?:in|at|from|en|aus|em)\s+(\p{Lu}[\p{L}.'’ -]{1,40})$/u;
const TAIL_CUT = /\s+(?:[-–—|•·]|[Uu]pdated|[Pp]ublished|[Pp]osted|on|at)(?=\s|$)/;
const PAREN_URL = /\s*\((?:https?:|www\.|@)[^()]{0,200}\)|\s*\(\s*@?\w{1,30}\s*\)(?=\s*\(|\s*$)/g;
/** `CNN’s Dana Bash`: the outlet's possessive before a name. */
const OUTLET_POSSESSIVE = /(^|,\s*|\sand\s)\p{Lu}{2,6}['’]s\s+/gu;
const AT_HANDLE = /\s?@[\w.]{1,30}/g;
const EMAIL = /\S{1,64}@\S{1,64}\.\w{2,10}/g;
/** A name glued to what follows it on the page: `Howard BlumeStaff Writer`, `Gina TrapaniCEO`. */
const GLUED =
  /(\p{Ll}{2})(?=(?:Staff|Senior|Contributing|Twitter|Facebook|Writer|Reporter|Editor|Correspondent|Columnist|CEO|News|Email|Follow)\b)/gu;
const PAREN_ROLE = /\s*\((\p{Ll}[\p{Ll} ]{0,30})\)/gu;
const PHOTO_ROLE = /^(?:photo|picture|image|illustration|video|graphic)/i;
const PAREN_NAMES = /\s*\(([^()]{1,120})\)\s*/g;
const HANDLE = /^@|https?:|www\.|@.*\./;

const MONTH_DAY = /\s(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)/;

/** Cut a byline part before prose: a lower-case word that is no particle, a number, a month and day. */
function cutAtProse(part: string): string {
  const date = MONTH_DAY.exec(part);
  let text = date ? part.slice(0, date.index) : part;
  const words = text.split(' ');
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (
      /^\p{Ll}/u.test(word) &&
      !PARTICLES.has(word.toLowerCase()) &&
      !/^(?:in|at|from|en|aus|em)$/.test(word)
    ) {
      text = words.slice(0, i).join(' ');
      break;
    }
  }
  return text.trim();
}

/** Title-case an ALL-CAPS name: `ANA RUIZ` → `Ana Ruiz`. */
function titleCase(name: string): string {
  return name.replace(/\p{Lu}[\p{Lu}'’]*/gu, (word) =>
    word.length <= 1 ? word : word[0] + word.slice(1).toLowerCase(),
  );
}

/** Whether `text` reads as a person's name: 2–5 capitalised words (particles allowed) or a short CJK name. */
export function isPersonName(text: string): boolean {
  if (text.length > 60 || text.length < 2) return false;
  if (CJK_NAME.test(text)) return true;
  const words = text.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  // `Key Highlights`, `Closing Bell`: a section label or a show name (the field parsers' list).
  if (words.every((word) => labelWords.has(word.toLowerCase().replaceAll('.', '')))) return false;
  let capitalised = 0;
  for (const word of words) {
    if (NOT_NAME.has(word.toLowerCase().replace(/[.,:;]$/, ''))) return false;
    if (NAME_WORD.test(word)) capitalised++;
    else if (!PARTICLES.has(word.toLowerCase()) && !SUFFIX.test(word)) return false;
  }
  return capitalised >= 2 && !OUTLET_TOKENS.test(text) && !JOB_TITLE.test(text);
}

/** An outlet in a byline: the text layer's own table (`Staff`, `… News`) or the field parser's. */
function isOutletName(text: string): boolean {
  return OUTLET_TOKENS.test(text) || isOutlet(text);
}

/** The result of reading a byline. */
export interface ReadByline {
  /** The contributors, in printed order. */
  contributors: Contributor[];
  /** Whether the line opened with an intro word such as `By`. */
  intro: boolean;
}

/**
 * Read a byline string into contributors: strips `By`, cuts a trailing date, splits
 * several names, and keeps job titles, outlets and locations apart from the names.
 *
 * @example
 * readByline('By ANA RUIZ and LENA MORITZ, Associated Press').contributors
 * //=> [{ name: 'Ana Ruiz', … affiliation: 'Associated Press' }, { name: 'Lena Moritz', … }]
 */
export function readByline(input: string, role: ContributorRole = 'author'): ReadByline {
  let text = mendIntro(
    (input.length > 300 ? input.slice(0, 300) : input).replace(/^[/|•·»>\s]+/u, ''),
  );
  // A date printed first: `January 17, 2017 at 6:08 PM ET by Kori Schulman`, `18/03/2019 | Ana Ruiz`.
  for (let guard = 0; guard < 2; guard++) {
    const lead = findDate(text);
    if (!lead || lead.index > 2) break;
    const rest = text.slice(lead.index + lead.text.length);
    const by = /^[^A-Za-z]{0,4}(?:[A-Z]{2,4}\s+)?(?=by\s)|^[\s|,·•/–—-]+/i.exec(rest);
    text = by ? rest.slice(by[0].length) : rest.trimStart();
  }
  text = text.replace(GLUED, '$1 ').replace(EMAIL, '');
  const intro = BYLINE_INTRO.exec(text);
  if (intro) text = text.slice(intro[0].length);
  const date = findDate(text);
  if (date) text = text.slice(0, date.index);
  const cut = TAIL_CUT.exec(text);
  let after = '';
  if (cut) {
    after = text.slice(cut.index + cut[0].length).trim();
    text = text.slice(0, cut.index);
  }
  text = text
    .replace(PAREN_ROLE, (_all, inner: string) => (PHOTO_ROLE.test(inner) ? ' §photo ' : ' '))
    .replace(AT_HANDLE, '')
    .replace(PAREN_URL, '')
    .replace(OUTLET_POSSESSIVE, '$1')
    .replace(PAREN_NAMES, (_all, inner: string) =>
      /^(?:avec|with|and|mit|con|et)\s/i.test(inner) ? `, ${inner}` : ` ${inner} `,
    )
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:|/–—-]+$/u, '')
    .trim();
  const contributors: Contributor[] = [];
  if (!text) return { contributors, intro: Boolean(intro) };
  const parts = text.split(SPLIT).filter((part) => part.length > 0);
  let contributorAffiliation: string | undefined;
  let contributorJobTitle: string | undefined;
  for (const [partIndex, original] of parts.entries()) {
    let part = original;
    part = part.replace(/^(?:and|&|avec|et|und|with|y|e|con|mit)\s+/i, '').trim();
    let partRole = role;
    if (part.endsWith(' §photo')) {
      part = part.slice(0, -7);
      partRole = 'photographer';
    }
    if (!part || HANDLE.test(part)) continue;
    const words = part.split(' ');
    if (words.length > 3) {
      for (let n = 2; n <= 3 && n < words.length; n++) {
        const rest = words.slice(n).join(' ');
        if (JOB_TITLE.test(rest) && rest.length <= 60) {
          contributorJobTitle = rest;
          part = words.slice(0, n).join(' ');
          break;
        }
        if (isOutletName(rest) || isAgency(rest)) {
          contributorAffiliation = rest;
          part = words.slice(0, n).join(' ');
          break;
        }
      }
    }
    const last = contributors[contributors.length - 1];
    if (!contributorAffiliation && !contributorJobTitle && (isAgency(part) || isOutletName(part))) {
      if (last && !last.affiliation && last.type === 'Person') {
        for (const c of contributors) if (!c.affiliation) c.affiliation = part;
      } else if (contributors.length === 0 && parts.length === 1) {
        contributors.push({ name: part, type: 'Organization', role });
      }
      continue;
    }
    if (CREDENTIAL.test(part)) {
      if (last) last.honorificSuffix = part;
      continue;
    }
    if (JOB_TITLE.test(part) && last && !last.jobTitle) {
      for (const c of contributors) if (!c.jobTitle) c.jobTitle = part;
      continue;
    }
    // Names are capitalised: stop at the first lower-case word that is not a particle
    // (`Daniel Bader last updated …`), or at a number or a month and day (`Steven Mufson March 18`).
    part = cutAtProse(part);
    if (!part) continue;
    let location: string | undefined;
    const place = LOCATION.exec(part);
    if (place) {
      location = place[1];
      part = part.slice(0, place.index);
    }
    const isCaps = part === part.toUpperCase() && /\p{Lu}{2}/u.test(part);
    const name = isCaps ? titleCase(part) : part;
    if (!isPersonName(name)) {
      // A byline opens with a name: `By any measure, …` is a sentence.
      if (contributors.length === 0 && partIndex === 0 && intro)
        return { contributors: [], intro: true };
      continue;
    }
    // A bare CJK string is a name only after an intro word (`By`, `文`, `著者`).
    if (!intro && CJK_ONLY.test(name)) continue;
    // The name as the field parser reads it: `Dr. Ana Ruiz` → `Ana Ruiz` + `Dr.`, `Ana Ruiz.` → `Ana Ruiz`.
    const contributor: Contributor = readPersonName(name, partRole) ?? {
      name,
      type: 'Person',
      role: partRole,
    };
    if (contributorAffiliation) contributor.affiliation = contributorAffiliation;
    if (contributorJobTitle) contributor.jobTitle = contributorJobTitle;
    contributorAffiliation = undefined;
    contributorJobTitle = undefined;
    if (location) contributor.location = location;
    contributors.push(contributor);
  }
  if (after && contributors.length > 0 && !findDate(after)) {
    const title = after.replace(/[\s,;:|–—-]+$/u, '').trim();
    if (title && title.length <= 60 && (JOB_TITLE.test(title) || isOutletName(title))) {
      for (const c of contributors) {
        if (JOB_TITLE.test(title)) c.jobTitle ??= title;
        else c.affiliation ??= title;
      }
    }
  }
  return { contributors, intro: Boolean(intro) };
}
