// Learn parseHtml's field choices (which candidate is the publication date, the headline) from the
// corpora, cross-validated by site.
//
//   npm run train:html-fields                 fit, cross-validate (k = 5, grouped by site), write
//                                             src/html/field-models.ts and
//                                             bench/results/html-fields-training.json
//   npm run train:html-fields -- --no-write   figures only
//   npm run train:html-fields -- --misses     also list each held-out miss with its candidates
//   npm run train:html-fields -- --training-misses   … each miss of the model fitted on every page
//   npm run train:html-fields -- --explain item[,item]   each candidate of those pages (corpus
//                                             item names) with its held-out score and the
//                                             features that moved it most
//
// Experiments (docs/accuracy.md quotes them): NUTGRAF_L2 (default 1e-3); NUTGRAF_DROP_FEATURES
// (comma-separated feature names fitted as zero);
// NUTGRAF_HEADLINE_CORPORA=readability,trafilatura,mercury with NUTGRAF_READABILITY_WEIGHT
// (default 0.25) trains headlines on readability's titles too; NUTGRAF_MERCURY_WEIGHT (default 1)
// weighs mercury's pages in the headline fit; NUTGRAF_BYLINE_NONE=0 leaves the
// "nobody" byline candidate out; NUTGRAF_NOBODY_WEIGHT (default 0.5) weighs the trafilatura pages
// that credit nobody in the byline fit (1: as much as a page with an author).
//
// Each page is read once with the shipped unit model; its candidates and their feature vectors
// come from `readHtml`. A candidate is right when the scorers' own date rule accepts it. The
// model is a conditional logit (`fitChoice` of scripts/train/fit.ts, the text model's fitter).
// Training figures: the model fitted on every page, scored on every page. CV figures: each
// page scored by the model of the fold that held its site out.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bylineFeatureNames } from '../../src/html/choose-byline.js';
import { chooseDate, type DateCandidate, dateFeatureNames } from '../../src/html/choose-date.js';
import { headlineFeatureNames } from '../../src/html/choose-headline.js';
import { type FieldModels, fieldModels } from '../../src/html/field-models.js';
import { readHtml } from '../../src/html/parse-html.js';
import { unitModel } from '../../src/html/unit-model.js';
import {
  chooseBest,
  compileModel,
  contributions,
  type LinearModel,
  linearScore,
} from '../../src/model/index.js';
import { type ChoiceGroup, fitChoice } from '../train/fit.js';
import { corpus, foldOf, loadPages, loadScorer, type Page } from './pages.js';
import { fieldModelsSource } from './write-models.js';

if (!existsSync(corpus)) {
  console.log(`train-html-fields: no corpus at ${corpus}: nothing to train`);
  process.exit(0);
}
const root = process.cwd();
const write = !process.argv.includes('--no-write');
const folds = 5;
const l2 = Number(process.env.NUTGRAF_L2 ?? 1e-3);
/** Per field: NUTGRAF_L2_DATE, NUTGRAF_L2_HEADLINE, NUTGRAF_L2_BYLINE (default NUTGRAF_L2). */
const l2Of = (field: string) => Number(process.env[`NUTGRAF_L2_${field.toUpperCase()}`] ?? l2);
const { scoreDate, scoreHeadline, deriveNames, predictedNames, tokenize, BYLINE_OVERRIDES } =
  await loadScorer();

interface Group extends ChoiceGroup {
  page: Page;
  values: string[];
  describe: string[];
  /** Bylines: the person-name keys of each candidate and the expected ones. */
  names?: Array<Set<string>>;
  expected?: Set<string>;
  /** Dates: the candidates, for scoring the value `chooseDate` returns (same day, own offset). */
  dates?: DateCandidate[];
}

type Field = 'date' | 'headline' | 'byline';
const names: Record<Field, readonly string[]> = {
  date: dateFeatureNames,
  headline: headlineFeatureNames,
  byline: bylineFeatureNames,
};

// The readability corpus's titles are Readability's own outputs (its `<title>` with the site's
// name cut), not a reading of the page, so headlines are learned from trafilatura and mercury
// only; readability's figures are still reported.
const trainedOn: Record<Field, ReadonlySet<string>> = {
  date: new Set(['readability', 'trafilatura', 'mercury']),
  byline: new Set(['readability', 'trafilatura', 'mercury']),
  headline: new Set((process.env.NUTGRAF_HEADLINE_CORPORA ?? 'trafilatura,mercury').split(',')),
};

const readabilityWeight = Number(process.env.NUTGRAF_READABILITY_WEIGHT ?? 0.25);
/** Weight of mercury's pages in the headline fit (experiment: NUTGRAF_MERCURY_WEIGHT). */
const mercuryWeight = Number(process.env.NUTGRAF_MERCURY_WEIGHT ?? 1);
/** Weight of the trafilatura pages that credit nobody, in the byline fit. */
const nobodyWeight = Number(process.env.NUTGRAF_NOBODY_WEIGHT ?? 0.5);
const weightOf: Record<Field, (corpus: string) => number> = {
  date: () => 1,
  headline: (corpus) =>
    corpus === 'readability' ? readabilityWeight : corpus === 'mercury' ? mercuryWeight : 1,
  byline: () => 1,
};

const started = performance.now();
const pages = loadPages();
const groups: Record<Field, Group[]> = { date: [], headline: [], byline: [] };
const nameKey = (name: string) => (tokenize(name) as string[]).join(' ');
for (const page of pages) {
  const reading = readHtml(page.html, {}, unitModel, fieldModels);
  if (page.truth.date) {
    const values = reading.dates.candidates.map((candidate) => candidate.value.value);
    groups.date.push({
      page,
      values,
      describe: reading.dates.candidates.map(
        (c) => `${c.source}${c.says ? `(${c.says})` : ''}=${c.value.value}`,
      ),
      candidates: reading.dates.vectors,
      positive: values.map((value) => Boolean(scoreDate(page.truth.date, value).correct)),
      dates: reading.dates.candidates,
    });
  }
  // Expected people: trafilatura's authors (none is an answer), readability's person bylines and
  // mercury's authors through the scorer's normalizer and overrides.
  const override = BYLINE_OVERRIDES[`${page.corpus}/${page.item}`];
  const expectedNames: string[] | null | undefined =
    page.truth.authors ??
    (page.truth.byline ? (override ? override.names : deriveNames(page.truth.byline)) : undefined);
  if (
    expectedNames !== undefined &&
    expectedNames !== null &&
    (page.truth.authors || expectedNames.length > 0)
  ) {
    const expected = new Set(expectedNames.map(nameKey));
    const names = reading.bylines.candidates.map(
      (candidate) =>
        new Set(
          (predictedNames(candidate.value ? { byline: candidate.value } : {}) as string[]).map(
            nameKey,
          ),
        ),
    );
    if (process.env.NUTGRAF_BYLINE_NONE === '0' && names.length > 1) {
      // Experiment: never "nobody" when someone is named.
      names.pop();
      reading.bylines.candidates.pop();
      reading.bylines.vectors.pop();
    }
    groups.byline.push({
      page,
      values: names.map((set) => [...set].join(', ')),
      describe: reading.bylines.candidates.map(
        (c, i) => `${c.source}=${JSON.stringify([...names[i]!].join(', '))}`,
      ),
      candidates: reading.bylines.vectors,
      // The right answers: the candidates naming the expected people best (name F1), or nobody
      // on a page without people.
      positive: names.map((set) => {
        const f1 = (a: Set<string>) => {
          if (a.size === 0 && expected.size === 0) return 1;
          let common = 0;
          for (const key of a) if (expected.has(key)) common++;
          return (2 * common) / Math.max(1, a.size + expected.size);
        };
        const best = Math.max(...names.map(f1));
        return best > 0 && f1(set) === best;
      }),
      names,
      expected,
    });
  }
  if (page.truth.title) {
    const values = reading.headlines.candidates.map((candidate) => candidate.value);
    groups.headline.push({
      page,
      values,
      describe: reading.headlines.candidates.map(
        (c) =>
          `${c.source}${c.withoutFirst ? '-rest' : c.firstOnly ? '-first' : ''}=${JSON.stringify(c.value.slice(0, 60))}`,
      ),
      candidates: reading.headlines.vectors,
      positive: values.map(
        (value) =>
          scoreHeadline(value, page.truth.title, page.truth.stripSuffix ?? false, '').f1 >= 0.9,
      ),
    });
  }
}
// Experiment: NUTGRAF_DROP_FEATURES=name,name fits without those features (their values zeroed).
const dropped = new Set((process.env.NUTGRAF_DROP_FEATURES ?? '').split(',').filter(Boolean));
if (dropped.size > 0)
  for (const field of ['date', 'headline', 'byline'] as const) {
    const columns = names[field].flatMap((name, index) => (dropped.has(name) ? [index] : []));
    for (const group of groups[field])
      for (const vector of group.candidates as Float64Array[])
        for (const column of columns) vector[column] = 0;
  }
console.log(`${pages.length} pages read in ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** Accuracy of a model's choice per corpus, over every page with an expected value. */
function accuracy(field: Field, list: readonly Group[], modelOf: (group: Group) => LinearModel) {
  const result: Record<string, { pages: number; right: number; accuracy: number }> = {};
  for (const group of list) {
    result[group.page.corpus] ??= { pages: 0, right: 0, accuracy: 0 };
    const entry = result[group.page.corpus]!;
    entry.pages++;
    if (group.candidates.length === 0) continue;
    if (field === 'date') {
      // What parseHtml returns: the chosen day's most precise candidate, in the page's offset.
      const chosen = chooseDate(group.dates!, group.candidates, modelOf(group));
      if (chosen && scoreDate(group.page.truth.date, chosen.value.value).correct) entry.right++;
      continue;
    }
    const compiled = compileModel(modelOf(group), names[field]);
    const { index } = chooseBest(compiled, group.candidates, Number.NEGATIVE_INFINITY);
    if (group.positive[index]) entry.right++;
  }
  for (const entry of Object.values(result))
    entry.accuracy = Number((entry.right / entry.pages).toFixed(4));
  if (field === 'byline') return bylineFigures(list, modelOf);
  return result;
}

/** Bylines as the scorers count them: micro F1 over names on pages with people, and how often a person is named on a page without one. */
function bylineFigures(list: readonly Group[], modelOf: (group: Group) => LinearModel) {
  const result: Record<string, Record<string, number>> = {};
  for (const group of list) {
    result[group.page.corpus] ??= {
      pages: 0,
      tp: 0,
      fp: 0,
      fn: 0,
      noPerson: 0,
      invented: 0,
    };
    const entry = result[group.page.corpus]!;
    const compiled = compileModel(modelOf(group), names.byline);
    const { index } = chooseBest(compiled, group.candidates, Number.NEGATIVE_INFINITY);
    const predicted = group.names![index] ?? new Set<string>();
    const expected = group.expected!;
    if (expected.size === 0) {
      entry.noPerson!++;
      if (predicted.size > 0) entry.invented!++;
      continue;
    }
    entry.pages!++;
    for (const key of predicted)
      if (expected.has(key)) entry.tp!++;
      else entry.fp!++;
    for (const key of expected) if (!predicted.has(key)) entry.fn!++;
  }
  for (const entry of Object.values(result)) {
    const precision = entry.tp! / Math.max(1, entry.tp! + entry.fp!);
    const recall = entry.tp! / Math.max(1, entry.tp! + entry.fn!);
    entry.f1 = Number(((2 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(4));
    entry.accuracy = entry.f1;
    if (entry.noPerson) entry.inventedRate = Number((entry.invented! / entry.noPerson).toFixed(4));
  }
  return result;
}

const models: Partial<FieldModels> = {};
const report: Record<string, unknown> = {
  pages: pages.length,
  sites: new Set(pages.map((page) => page.site)).size,
  folds,
  l2,
};
for (const field of ['date', 'headline', 'byline'] as const) {
  const list = groups[field];
  const fitted = list
    .filter((group) => trainedOn[field].has(group.page.corpus))
    .map((group) => ({
      ...group,
      weight:
        weightOf[field](group.page.corpus) *
        (field === 'byline' && group.expected?.size === 0 ? nobodyWeight : 1),
    }));
  const foldModels: LinearModel[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train = fitted.filter((group) => foldOf(group.page.site, folds) !== fold);
    foldModels.push(fitChoice(train, names[field], { l2: l2Of(field) }));
  }
  const full = fitChoice(fitted, names[field], { l2: l2Of(field) });
  models[field] = full;
  const reachable: Record<string, number> = {};
  for (const name of new Set(list.map((g) => g.page.corpus))) {
    const own = list.filter((g) => g.page.corpus === name);
    reachable[name] = Number(
      (own.filter((g) => g.positive.some(Boolean)).length / own.length).toFixed(4),
    );
  }
  report[field] = {
    l2: l2Of(field),
    pages: list.length,
    reachable,
    training: accuracy(field, list, () => full),
    cv: accuracy(field, list, (group) => foldModels[foldOf(group.page.site, folds)]!),
  };
  const explainAt = process.argv.indexOf('--explain');
  const explain = new Set(explainAt >= 0 ? (process.argv[explainAt + 1] ?? '').split(',') : []);
  for (const group of list) {
    if (!explain.has(group.page.item)) continue;
    const compiled = compileModel(foldModels[foldOf(group.page.site, folds)]!, names[field]);
    console.log(`${field} ${group.page.corpus}/${group.page.item}:`);
    group.candidates.forEach((vector, index) => {
      const moved = contributions(compiled, vector)
        .slice(0, 8)
        .map(({ name, contribution }) => `${name} ${contribution.toFixed(2)}`);
      console.log(
        `  ${linearScore(compiled, vector).toFixed(2)}${group.positive[index] ? ' ✓' : ''} ${group.describe[index]}: ${moved.join(', ')}`,
      );
    });
  }
  const trainingMisses = process.argv.includes('--training-misses');
  if (process.argv.includes('--misses') || trainingMisses) {
    for (const group of list) {
      const want =
        field === 'date'
          ? group.page.truth.date
          : field === 'headline'
            ? group.page.truth.title
            : [...(group.expected ?? [])].join(', ');
      if (group.candidates.length === 0) {
        console.log(
          `${field} ${group.page.corpus}/${group.page.item}: no candidate (want ${want})`,
        );
        continue;
      }
      const model = trainingMisses ? full : foldModels[foldOf(group.page.site, folds)]!;
      const compiled = compileModel(model, names[field]);
      let { index } = chooseBest(compiled, group.candidates, Number.NEGATIVE_INFINITY);
      if (field === 'date') {
        // What parseHtml returns (the chosen day's most precise candidate), as the figures count.
        const chosen = chooseDate(group.dates!, group.candidates, model);
        if (chosen && scoreDate(group.page.truth.date, chosen.value.value).correct) continue;
        if (chosen)
          index = Math.max(
            0,
            group.dates!.findIndex((d) => d.value === chosen.value),
          );
      }
      if (group.positive[index]) continue;
      console.log(
        `${field} ${group.page.corpus}/${group.page.item}: chose ${group.describe[index]} want ${JSON.stringify(want)}; ${group.describe.map((d, i) => `${d}${group.positive[i] ? '✓' : ''}`).join(' ')}`,
      );
    }
  }
}
report.seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify(report, null, 1));

if (write) {
  const file = join(root, 'src', 'html', 'field-models.ts');
  writeFileSync(
    file,
    fieldModelsSource({
      models: models as FieldModels,
      names: { date: dateFeatureNames, headline: headlineFeatureNames, byline: bylineFeatureNames },
      header: `${pages.length} pages of ${report.sites} sites; conditional logits, L2 (date, headline, byline) ${l2Of('date')}, ${l2Of('headline')}, ${l2Of('byline')}.`,
    }),
  );
  const json = join(root, 'bench', 'results', 'html-fields-training.json');
  writeFileSync(json, `${JSON.stringify(report, null, 1)}\n`);
  spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', file, json], {
    stdio: 'ignore',
  });
  console.log('wrote src/html/field-models.ts and bench/results/html-fields-training.json');
}
