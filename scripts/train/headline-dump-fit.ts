/**
 * A one-minute loop for headline features: fit the headline choice per fold on a
 * `headline-quick.ts --dump FILE` (every titled page's candidates under its own fold's story
 * model) and print how many pages each key gets right in cross-validation, once per feature
 * set. Add experimental features to `HEADLINE_FEATURES` named `x-…`, dump once, then compare
 * sets of them here; the label CV (`text.ts --quick`) and the scorers decide what is kept.
 *
 *   node scripts/train/run.mjs scripts/train/headline-quick.ts --dump /tmp/d
 *   node scripts/train/run.mjs scripts/train/headline-dump-fit.ts /tmp/d base a:x-one b:x-one,x-two
 *
 * A set is `label:name,name`: those `x-` features are on, every other `x-` feature is left
 * out (`base`: none); `-name` leaves out a shipped feature (`-chrome,x-chrome4`: a variant in
 * its place). An `x-cand-…` feature flags extra candidates (a new way to make them): while it
 * is off, the candidates it marks are taken out of their pages, so one dump compares the
 * candidate sets. `--l2 x` sets the fit's L2 (default 10⁻³), `--x-l2 y` the `x-` features' own. `label:names|f,g|h` also adds page-relative columns made from the dump:
 * `max:f` (the candidate has the page's largest f, above 0) for each feature after the first
 * bar, `diff:h` (h minus the page's largest h) for each after the second, and step columns
 * `bin:b>e` (b above e, for e in eighths) for each after the third (a piecewise-constant form). The figures are a proxy: a training page's candidates come from its own
 * fold's story model, not the training fold's (main: trafilatura 267 here against
 * headline-quick's 271). `--missed DIR` writes each set's missed pages to `DIR/<label>.missed`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fitChoice } from './fit.js';

interface DumpPage {
  id: string;
  key: string;
  fold: number;
  n: number;
  pos: boolean[];
  texts: string[];
}

const args = process.argv.slice(2);
const missedAt = args.indexOf('--missed');
const missedDir = missedAt >= 0 ? args[missedAt + 1] : undefined;
const l2At = args.indexOf('--l2');
const l2 = l2At >= 0 ? Number(args[l2At + 1]) : 1e-3;
const xl2At = args.indexOf('--x-l2');
const xl2 = xl2At >= 0 ? Number(args[xl2At + 1]) : undefined;
const [dump, ...sets] = args.filter(
  (_, i) =>
    (missedAt < 0 || (i !== missedAt && i !== missedAt + 1)) &&
    (l2At < 0 || (i !== l2At && i !== l2At + 1)) &&
    (xl2At < 0 || (i !== xl2At && i !== xl2At + 1)),
);
if (!dump) {
  process.stderr.write(
    'usage: headline-dump-fit.ts <dump> [label:x-a,-f …] [--missed dir] [--l2 x] [--x-l2 y]\n',
  );
  process.exit(2);
}
const { names, meta } = JSON.parse(readFileSync(`${dump}.json`, 'utf8')) as {
  names: string[];
  meta: DumpPage[];
};
const bin = readFileSync(`${dump}.bin`);
const rows = new Float32Array(bin.buffer, bin.byteOffset, bin.byteLength / 4);
let at = 0;
const allPages = meta.map((page) => {
  const candidates: Float64Array[] = [];
  for (let c = 0; c < page.n; c++, at += names.length)
    candidates.push(Float64Array.from(rows.subarray(at, at + names.length)));
  return { ...page, candidates };
});
const keys = [...new Set(allPages.filter((p) => p.fold >= 0).map((p) => p.key))].sort();

for (const set of sets.length > 0 ? sets : ['base']) {
  const [label = set, spec = ''] = set.split(':');
  const [list = '', relList = '', diffList = '', binList = ''] = spec.split('|');
  const on = new Set(list.split(',').filter((n) => n && !n.startsWith('-')));
  const off = new Set(
    list
      .split(',')
      .filter((n) => n.startsWith('-'))
      .map((n) => n.slice(1)),
  );
  const use = names.map((name) => (!name.startsWith('x-') && !off.has(name)) || on.has(name));
  // `x-cand-…` flags mark extra candidates: left out of the page unless the flag is on.
  const flags = names.flatMap((name, i) =>
    name.startsWith('x-cand-') && !on.has(name) ? [i] : [],
  );
  const pagesOf = allPages.map((p) => {
    const keep = p.candidates.map((x) => flags.every((i) => !(x[i]! > 0)));
    return {
      ...p,
      candidates: p.candidates.filter((_, c) => keep[c]),
      pos: p.pos.filter((_, c) => keep[c]),
      texts: p.texts.filter((_, c) => keep[c]),
      n: keep.filter(Boolean).length,
    };
  });
  const rel = relList
    .split(',')
    .filter(Boolean)
    .map((n) => {
      const i = names.indexOf(n);
      if (i < 0) throw new Error(`no feature ${n}`);
      return i;
    });
  const diff = diffList
    .split(',')
    .filter(Boolean)
    .map((n) => names.indexOf(n));
  const bins = binList
    .split(',')
    .filter(Boolean)
    .map((n) => names.indexOf(n));
  const EDGES = [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875];
  const kept = [
    ...names.filter((_, i) => use[i]),
    ...rel.map((i) => `max:${names[i]}`),
    ...diff.map((i) => `diff:${names[i]}`),
    ...bins.flatMap((i) => EDGES.map((e) => `bin:${names[i]}>${e}`)),
  ];
  const pageMax = new Map<unknown, number[]>();
  for (const p of pagesOf) {
    pageMax.set(
      p,
      [...rel, ...diff].map((i) => Math.max(0, ...p.candidates.map((x) => x[i]!))),
    );
  }
  const project = (x: Float64Array, page: unknown) => {
    const base = x.filter((_, i) => use[i]);
    const max = pageMax.get(page)!;
    const extra = [
      ...rel.map((i, k) => (x[i]! > 0 && x[i]! >= max[k]! ? 1 : 0)),
      ...diff.map((i, k) => x[i]! - max[rel.length + k]!),
      ...bins.flatMap((i) => EDGES.map((e) => (x[i]! > e ? 1 : 0))),
    ];
    return Float64Array.from([...base, ...extra]);
  };
  const right = new Map<string, [number, number]>();
  const missed: string[] = [];
  let full: Record<string, number> = {};
  for (let fold = -1; fold < 5; fold++) {
    const fitted = pagesOf.filter(
      (p) => (fold < 0 || p.fold !== fold) && p.n > 0 && p.pos.some(Boolean),
    );
    const totals = new Map<string, number>();
    for (const p of fitted) totals.set(p.key, (totals.get(p.key) ?? 0) + 1);
    const mean = [...totals.values()].reduce((a, b) => a + b, 0) / totals.size;
    const model = fitChoice(
      fitted.map((p) => ({
        candidates: p.candidates.map((x) => project(x, p)),
        positive: p.pos,
        weight: mean / totals.get(p.key)!,
      })),
      kept,
      {
        l2,
        l2Of:
          xl2 === undefined
            ? {}
            : Object.fromEntries(kept.filter((n) => n.startsWith('x-')).map((n) => [n, xl2])),
      },
    );
    if (fold < 0) {
      full = model.weights;
      continue;
    }
    const w = kept.map((name) => model.weights[name] ?? 0);
    for (const p of pagesOf.filter((q) => q.fold === fold)) {
      let best = -1;
      let bestScore = Number.NEGATIVE_INFINITY;
      p.candidates.forEach((x, c) => {
        const y = project(x, p);
        let z = 0;
        for (let i = 0; i < w.length; i++) z += w[i]! * y[i]!;
        if (z > bestScore) [best, bestScore] = [c, z];
      });
      const ok = best >= 0 && p.pos[best] === true;
      const count = right.get(p.key) ?? [0, 0];
      right.set(p.key, [count[0] + (ok ? 1 : 0), count[1] + 1]);
      if (!ok) missed.push(`${p.id}\t${best >= 0 ? p.texts[best] : '—'}`);
    }
  }
  const counts = keys.map((key) => `${key} ${right.get(key)?.[0]}/${right.get(key)?.[1]}`);
  console.log(`${label}: ${counts.join('  ')}`);
  console.log(
    `  weights: ${[...on, ...kept.filter((k) => k.includes(':'))].map((name) => `${name} ${full[name]?.toFixed(2)}`).join(', ')}`,
  );
  if (missedDir) writeFileSync(path.join(missedDir, `${label}.missed`), missed.sort().join('\n'));
}
