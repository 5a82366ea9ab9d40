/**
 * How much of a line is figures: counters (`Visitors today: 80 yesterday: 1088`), tickers
 * (`DAX 15,234 +0.4%`), weather and score rows. Headlines and story sentences are words; a
 * line that is mostly numbers, or a row of labelled values, is page furniture. These are
 * features the layout models weigh, not rules.
 */

/** A label and its value: `today: 80`, `本日：1,088`, `Views: 12k`. */
const LABELLED = /[\p{L}\p{N}][:：]\s?[+−-]?\d[\d.,]*(?:[%°kKM])?(?=[\s|·•,;)]|$)/gu;

/** The number of labelled values in `text` (`label: 12`), at most 3, scaled to 0–1. */
export function labelledNumbers(text: string): number {
  let count = 0;
  LABELLED.lastIndex = 0;
  while (count < 3 && LABELLED.exec(text)) count++;
  LABELLED.lastIndex = 0;
  return count / 3;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const DIGIT = /\p{N}/u;

/**
 * The share of the runs of letters and digits of `text` that hold a digit (`80`, `1,088`
 * counts once per run, `2026年` counts). 0 for a line with no runs.
 */
export function numberShare(text: string): number {
  let runs = 0;
  let numeric = 0;
  let inRun = false;
  let digit = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    let isDigit: boolean;
    let isWord: boolean;
    if (code < 128) {
      isDigit = code >= 48 && code <= 57;
      isWord =
        isDigit ||
        (code >= 65 && code <= 90) ||
        (code >= 97 && code <= 122) ||
        // `1,088` and `15.2` are one run.
        ((code === 44 || code === 46) && digit && inRun && /\d/.test(text[i + 1] ?? ''));
    } else {
      const char = text[i]!;
      isWord = (code >= 0xd800 && code <= 0xdfff) || WORD.test(char);
      isDigit = isWord && DIGIT.test(char);
    }
    if (isWord) {
      if (!inRun) {
        inRun = true;
        digit = false;
      }
      if (isDigit) digit = true;
    } else if (inRun) {
      inRun = false;
      runs++;
      if (digit) numeric++;
    }
  }
  return runs === 0 ? 0 : numeric / runs;
}
