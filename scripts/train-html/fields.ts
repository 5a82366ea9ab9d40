// Learn parseHtml's field choices (which date candidate is the publication date) from the
// corpora, cross-validated by site.
//
//   npm run train:html-fields                 fit, cross-validate (k = 5, grouped by site), write
//                                             src/html/field-models.ts and
//                                             bench/results/html-fields-training.json
//   npm run train:html-fields -- --no-write   figures only
//
// Each page is read once with the shipped unit model; its candidates and their feature vectors
// come from `readHtml`. A candidate is right when the scorers' own date rule accepts it. The
// model is a conditional logit (`fitChoice` of scripts/train/fit.ts, the text model's fitter).
// Training figures: the model fitted on every page, scored on every page. CV figures: each
// page scored by the model of the fold that held its site out.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateFeatureNames } from '../../src/html/choose-date.js';
import { type FieldModels, fieldModels } from '../../src/html/field-models.js';
import { readHtml } from '../../src/html/parse-html.js';
import { unitModel } from '../../src/html/unit-model.js';
import { chooseBest, compileModel, type LinearModel } from '../../src/model/index.js';
import { type ChoiceGroup, fitChoice } from '../train/fit.js';
import { corpus, foldOf, loadPages, loadScorer, type Page } from './pages.js';

if (!existsSync(corpus)) {
  console.log(`train-html-fields: no corpus at ${corpus}: nothing to train`);
  process.exit(0);
}
const root = process.cwd();
const write = !process.argv.includes('--no-write');
const folds = 5;
const l2 = Number(process.env.NUTGRAF_L2 ?? 3e-3);
const { scoreDate } = await loadScorer();

interface Group extends ChoiceGroup {
  page: Page;
  values: string[];
}

const started = performance.now();
const pages = loadPages().filter((page) => page.truth.date);
const groups: Group[] = pages.map((page) => {
  const reading = readHtml(page.html, {}, unitModel, fieldModels);
  const values = reading.dates.candidates.map((candidate) => candidate.value.value);
  return {
    page,
    values,
    candidates: reading.dates.vectors,
    positive: values.map((value) => Boolean(scoreDate(page.truth.date, value).correct)),
  };
});
console.log(
  `${pages.length} pages with a date, ${groups.filter((g) => g.positive.some(Boolean)).length} with a right candidate, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

/** Accuracy of a model's choice per corpus, over every page with an expected date. */
function accuracy(list: readonly Group[], modelOf: (group: Group) => LinearModel) {
  const result: Record<string, { pages: number; right: number; accuracy: number }> = {};
  for (const group of list) {
    const entry = (result[group.page.corpus] ??= { pages: 0, right: 0, accuracy: 0 });
    entry.pages++;
    if (group.candidates.length === 0) continue;
    const compiled = compileModel(modelOf(group), dateFeatureNames);
    const { index } = chooseBest(compiled, group.candidates, Number.NEGATIVE_INFINITY);
    if (group.positive[index]) entry.right++;
  }
  for (const entry of Object.values(result)) entry.accuracy = entry.right / entry.pages;
  return result;
}

const foldModels: LinearModel[] = [];
for (let fold = 0; fold < folds; fold++) {
  const train = groups.filter((group) => foldOf(group.page.site, folds) !== fold);
  foldModels.push(fitChoice(train, dateFeatureNames, { l2 }));
}
const full = fitChoice(groups, dateFeatureNames, { l2 });
const report = {
  pages: pages.length,
  sites: new Set(pages.map((page) => page.site)).size,
  folds,
  l2,
  date: {
    reachable: accuracy(groups, () => ({ bias: 0, weights: {} })),
    candidatesReachable: Object.fromEntries(
      [...new Set(groups.map((g) => g.page.corpus))].map((name) => {
        const list = groups.filter((g) => g.page.corpus === name);
        return [name, list.filter((g) => g.positive.some(Boolean)).length / list.length];
      }),
    ),
    training: accuracy(groups, () => full),
    cv: accuracy(groups, (group) => foldModels[foldOf(group.page.site, folds)]!),
  },
  seconds: (performance.now() - started) / 1000,
};
console.log(JSON.stringify(report, null, 1));
if (process.argv.includes('--misses')) {
  for (const group of groups) {
    if (group.candidates.length === 0) {
      console.log(
        `${group.page.corpus}/${group.page.item}: no candidate (want ${group.page.truth.date})`,
      );
      continue;
    }
    const model = foldModels[foldOf(group.page.site, folds)]!;
    const { index } = chooseBest(
      compileModel(model, dateFeatureNames),
      group.candidates,
      Number.NEGATIVE_INFINITY,
    );
    if (group.positive[index]) continue;
    const reading = readHtml(group.page.html, {}, unitModel, fieldModels);
    console.log(
      `${group.page.corpus}/${group.page.item}: chose ${group.values[index]} want ${group.page.truth.date}; ${reading.dates.candidates.map((c, i) => `${c.source}${c.says ? `(${c.says})` : ''}=${c.value.value}${group.positive[i] ? '✓' : ''}`).join(' ')}`,
    );
  }
}

if (write) {
  const models: FieldModels = { date: full };
  const file = join(root, 'src', 'html', 'field-models.ts');
  writeFileSync(
    file,
    [
      '// Generated by `npm run train:html-fields` (scripts/train-html/fields.ts): do not edit by hand.',
      `// ${pages.length} pages of ${report.sites} sites with a date; conditional logit, L2 ${l2}.`,
      "import type { LinearModel } from '../model/index.js';",
      '',
      "/** The learned choice models of parseHtml's fields (conditional logit over named features). */",
      'export interface FieldModels {',
      '  /** Which candidate is the publication date (features: `dateFeatures` of choose-date.ts). */',
      '  date: LinearModel;',
      '}',
      '',
      `export const fieldModels: FieldModels = ${JSON.stringify(models, null, 2)};`,
      '',
    ].join('\n'),
  );
  spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', file], {
    stdio: 'ignore',
  });
  writeFileSync(
    join(root, 'bench', 'results', 'html-fields-training.json'),
    `${JSON.stringify(report, null, 1)}\n`,
  );
  console.log('wrote src/html/field-models.ts and bench/results/html-fields-training.json');
}
