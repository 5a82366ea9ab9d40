/**
 * The shared scorers (../shared/eval), run as their command lines on a build, and their
 * figures pooled over cross-validation folds. Every figure is a sum or a ratio of sums over
 * items, except the body's mean P / R / F1, which is pooled as an item-weighted mean.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ScorerRun {
  scorer: 'score-text' | 'score-pages';
  /** `raw` or `raw-article` (score-text only). */
  input?: 'raw' | 'raw-article';
  corpora: string[];
}

/** The eval folder next to the corpus (`../shared/eval`), or undefined when absent. */
export function evalFolder(corpusRoot: string): string | undefined {
  const folder = path.join(path.dirname(path.resolve(corpusRoot)), 'eval');
  return existsSync(path.join(folder, 'score-text.mjs')) ? folder : undefined;
}

/** The scorer's helpers (tokenize, scoreHeadline, scoreDate, deriveNames, …), imported by path. */
export async function scorerHelpers(evalDir: string): Promise<Record<string, unknown>> {
  return import(pathToFileURL(path.join(evalDir, 'score-text.mjs')).href);
}

/** Run one scorer on `module` and return its `--json` output. */
export function runScorer(
  evalDir: string,
  corpusRoot: string,
  module: string,
  run: ScorerRun,
  split?: { file: string; name: 'dev' | 'holdout' },
): Record<string, unknown> {
  const args = [
    path.join(evalDir, `${run.scorer}.mjs`),
    '--corpus',
    corpusRoot,
    '--module',
    module,
    '--corpora',
    run.corpora.join(','),
    '--json',
  ];
  if (run.input) args.push('--input', run.input);
  if (split) args.push('--items', split.file, '--split', split.name);
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0)
    throw new Error(`${run.scorer} failed (${result.status}): ${result.stderr.slice(0, 2000)}`);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

type Metrics = Record<string, Record<string, unknown>>;

const SUMMED: Record<string, string[]> = {
  headline: ['n', 'correct', 'expectedInInput', 'correctWhenInInput'],
  byline: [
    'n',
    'tp',
    'fp',
    'fn',
    'exact',
    'predictedWithoutExpected',
    'noPersonItems',
    'predictedOnNoPerson',
  ],
  date: ['n', 'correct', 'strictDayCorrect', 'predicted', 'predictedWithoutExpected'],
  firstWords: ['n', 'correct', 'tailCorrect'],
  segments: ['n', 'tp', 'fp', 'fn', 'tn'],
  robustness: ['failures'],
};

/** Pool one corpus's metrics over several runs (folds). */
export function poolMetrics(runs: readonly Metrics[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [group, keys] of Object.entries(SUMMED)) {
    out[group] = {};
    for (const key of keys) {
      let sum = 0;
      for (const run of runs) {
        const value = run[group]?.[key];
        if (typeof value === 'number') sum += value;
      }
      out[group]![key] = sum;
    }
  }
  out.body = { n: 0, precision: 0, recall: 0, f1: 0 };
  for (const run of runs) {
    const body = run.body as Record<string, number | null> | undefined;
    if (!body?.n) continue;
    const n = body.n;
    out.body.n! += n;
    for (const key of ['precision', 'recall', 'f1']) out.body[key]! += (body[key] ?? 0) * n;
  }
  for (const key of ['precision', 'recall', 'f1'])
    out.body[key] = out.body.n ? out.body[key]! / out.body.n : Number.NaN;
  let evaluated = 0;
  for (const run of runs) evaluated += Number(run.evaluated ?? 0);
  out.items = { evaluated };
  return out;
}

/** Headline figures of pooled metrics: the ratios the scorers print. */
export function figures(m: Record<string, Record<string, number>>): Record<string, number> {
  const v = (group: string, key: string): number => m[group]?.[key] ?? 0;
  const ratio = (a: number, b: number) => (b ? a / b : Number.NaN);
  const [tp, fp, fn, n] = [
    v('byline', 'tp'),
    v('byline', 'fp'),
    v('byline', 'fn'),
    v('byline', 'n'),
  ];
  const p = tp + fp ? tp / (tp + fp) : n ? 0 : Number.NaN;
  const r = ratio(tp, tp + fn);
  const [stp, sfp, sfn] = [v('segments', 'tp'), v('segments', 'fp'), v('segments', 'fn')];
  return {
    items: v('items', 'evaluated'),
    headline: ratio(v('headline', 'correct'), v('headline', 'n')),
    headlineN: v('headline', 'n'),
    bylineP: p,
    bylineR: r,
    bylineF1: p + r ? (2 * p * r) / (p + r) : n ? 0 : Number.NaN,
    bylineN: n,
    bylineExact: ratio(v('byline', 'exact'), n),
    noPersonRate: ratio(v('byline', 'predictedOnNoPerson'), v('byline', 'noPersonItems')),
    inventedBylines: v('byline', 'predictedWithoutExpected'),
    date: ratio(v('date', 'correct'), v('date', 'n')),
    dateN: v('date', 'n'),
    inventedDates: v('date', 'predictedWithoutExpected'),
    bodyP: m.body?.precision ?? Number.NaN,
    bodyR: m.body?.recall ?? Number.NaN,
    bodyF1: m.body?.f1 ?? Number.NaN,
    firstWords: ratio(v('firstWords', 'correct'), v('firstWords', 'n')),
    firstWordsTail: ratio(v('firstWords', 'tailCorrect'), v('firstWords', 'n')),
    segmentsP: ratio(stp, stp + sfp),
    segmentsR: ratio(stp, stp + sfn),
    segmentsF1: ratio(2 * stp, 2 * stp + sfp + sfn),
    failures: v('robustness', 'failures'),
  };
}
