/**
 * Line labels for the text models, derived by aligning a page's ground truth with its units:
 * which units are story text (expected body, trafilatura `with` / `without` segments), which
 * is the headline, the byline, the date. Uses the scorers' own tokenizer and matchers, so a
 * label means what the metric means.
 */
import type { Unit } from '../../src/text/units.js';
import type { Truth } from './corpus.js';

/** The helpers of ../shared/eval/score-text.mjs that labels use. */
export interface ScorerHelpers {
  tokenize(text: string): string[];
  scoreHeadline(
    predicted: string | undefined,
    title: string,
    stripSuffix: boolean,
    inputHay: () => string,
  ): { correct: boolean; f1: number };
  scoreDate(expected: string, predicted: string | undefined): { correct: boolean };
  deriveNames(byline: string): string[] | null;
  BYLINE_OVERRIDES: Record<string, { names: string[] | null }>;
}

/** 1: story text, 0: not, -1: unknown (left out of training). */
export type ContentLabel = 1 | 0 | -1;

/** Text as trafilatura's segments are matched: lowercase words between single spaces. */
export const looseNorm = (s: string): string =>
  ` ${s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()} `;

/** Content labels from an expected body text (readability, aeb, bbc). */
function bodyLabels(units: readonly Unit[], body: string, h: ScorerHelpers): ContentLabel[] {
  const expected = h.tokenize(body);
  const trigrams = new Set<string>();
  for (let i = 0; i + 2 < expected.length; i++)
    trigrams.add(`${expected[i]} ${expected[i + 1]} ${expected[i + 2]}`);
  const paragraphs = new Set(
    body
      .split(/\n+/)
      .map((line) => h.tokenize(line).join(' '))
      .filter(Boolean),
  );
  const joined = ` ${expected.join(' ')} `;
  return units.map((unit): ContentLabel => {
    const tokens = h.tokenize(unit.text);
    if (tokens.length === 0) return 0;
    if (tokens.length >= 3) {
      let hits = 0;
      for (let i = 0; i + 2 < tokens.length; i++)
        if (trigrams.has(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`)) hits++;
      const share = hits / (tokens.length - 2);
      return share >= 0.6 ? 1 : share <= 0.2 ? 0 : -1;
    }
    const key = tokens.join(' ');
    if (paragraphs.has(key)) return 1;
    return joined.includes(` ${key} `) ? -1 : 0;
  });
}

/** Content labels from trafilatura's segments: a unit holding a `with` segment is story text. */
function segmentLabels(
  units: readonly Unit[],
  withSegments: readonly string[],
  without: readonly string[],
): ContentLabel[] {
  const yes = withSegments.map(looseNorm).filter((s) => s.trim().length > 0);
  const no = without.map(looseNorm).filter((s) => s.trim().length > 0);
  return units.map((unit): ContentLabel => {
    const text = looseNorm(unit.text);
    if (text.trim().length === 0) return -1;
    const holds = (segment: string) =>
      text.includes(segment.trim()) || (text.trim().length >= 20 && segment.includes(text.trim()));
    if (yes.some(holds)) return 1;
    if (no.some(holds)) return 0;
    return -1;
  });
}

/** Content labels of a page's units, from whatever its ground truth gives. */
export function contentLabels(
  units: readonly Unit[],
  truth: Truth,
  h: ScorerHelpers,
): ContentLabel[] | undefined {
  if (truth.body !== undefined) return bodyLabels(units, truth.body, h);
  if (truth.with && (truth.with.length > 0 || (truth.without?.length ?? 0) > 0))
    return segmentLabels(units, truth.with, truth.without ?? []);
  return undefined;
}
