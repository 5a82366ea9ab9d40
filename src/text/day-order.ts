/**
 * Which way a page writes numeric dates (`03/05/2022`: 3 May or March 5?), read from the page
 * itself: its unambiguous numeric dates (`29/04/2022` can only be day first) and, when none
 * decides, its language (month first is the United States' order; pages in other languages
 * write the day first).
 */

/** A numeric date with `/` or `-` (a `.` is always day first): day or month, month or day, year. */
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})(?![\d/-])/g;
/** Common English function words: a page that uses them often is in English. */
const ENGLISH = new Set('the and of to is in that for with was on'.split(' '));
/** Share of English function words among a page's words above which it reads as English. */
const ENGLISH_SHARE = 0.06;
/** Characters of each line, and words of the page, that are looked at. */
const LINE_HEAD = 400;
const MAX_WORDS = 4000;
const WORD = /\p{L}+/gu;

/** Whether a page's words are mostly not English (few English function words among them). */
function notEnglish(units: readonly { text: string }[]): boolean {
  let words = 0;
  let english = 0;
  for (const { text } of units) {
    for (const [word] of text.slice(0, LINE_HEAD).matchAll(WORD)) {
      words++;
      if (ENGLISH.has(word.toLowerCase())) english++;
    }
    if (words >= MAX_WORDS) break;
  }
  return words >= 20 && english / words < ENGLISH_SHARE;
}

/**
 * Whether the page's ambiguous numeric dates are day first: more of its numeric dates can only be
 * day first (the first number above 12) than only month first; with no such evidence either way,
 * when the page is not in English. `false` when the page has no ambiguous numeric date.
 */
export function pageWritesDayFirst(units: readonly { text: string }[]): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  let ambiguous = 0;
  for (const { text } of units) {
    const head = text.length > LINE_HEAD ? text.slice(0, LINE_HEAD) : text;
    // (Every numeric date holds a digit, a slash or dash, and a digit: other lines are not searched.)
    if (!/\d[/-]\d/.test(head)) continue;
    for (const [, a, b] of head.matchAll(NUMERIC_DATE)) {
      const first = Number(a);
      const second = Number(b);
      if (first > 12 && second >= 1 && second <= 12) dayFirst++;
      else if (second > 12 && second <= 31 && first >= 1 && first <= 12) monthFirst++;
      else if (first !== second) ambiguous++;
    }
  }
  // With no date the order changes, the page's language need not be read (dates are read in
  // the first 400 characters of a line, as here).
  if (ambiguous === 0) return false;
  if (dayFirst !== monthFirst) return dayFirst > monthFirst;
  return notEnglish(units);
}
