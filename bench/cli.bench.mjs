// `nutgraf check` on generated Markdown articles, next to remark-cli with
// remark-lint-frontmatter-schema checking nutgraf's frontmatter JSON Schema on the same files;
// then `--cache`: a first run and a rerun on the unchanged files.
// Reports files/s, wall time and peak RSS (from /usr/bin/time when present, else from the
// child's own process.resourceUsage()).
//
//   NUTGRAF_DIST=/tmp/cli-dist/ node bench/cli.bench.mjs       # a private build
//   NUTGRAF_BENCH_FILES=1000 node bench/cli.bench.mjs          # fewer files
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = process.env.NUTGRAF_DIST ?? new URL('../dist/', import.meta.url).href;
const distUrl = dist.startsWith('file:')
  ? dist
  : new URL(`file://${dist.endsWith('/') ? dist : `${dist}/`}`).href;
const bin = fileURLToPath(new URL('bin.js', distUrl));
const root = fileURLToPath(new URL('../', import.meta.url));
const count = Number(process.env.NUTGRAF_BENCH_FILES ?? 5000);
const runs = Number(process.env.NUTGRAF_BENCH_RUNS ?? 3);
/** remark-cli takes minutes on 5,000 files: one run by default. */
const peerRuns = Number(process.env.NUTGRAF_BENCH_PEER_RUNS ?? 1);

const first = ['Dana', 'Ana', 'Lena', 'Tomás', 'Ife', 'Mei', 'Sven', 'Priya', 'Jonah', 'Farah'];
const last = ['Whitfield', 'Ruiz', 'Moritz', 'Okafor', 'Lindqvist', 'Chen', 'Haddad', 'Novak'];
const sections = ['Local', 'Business', 'Sport', 'Culture', 'Science', 'World'];
const words =
  'the port board voted on tuesday to run ferries after midnight while residents asked for quieter engines and more crew at the north pier during the summer season council members said'.split(
    ' ',
  );

/** A deterministic pseudo-random generator, so every run checks the same files. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function article(index) {
  const next = random(index + 1);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sentence = (length) => {
    const text = Array.from({ length }, () => pick(words)).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraphs = Array.from({ length: 8 + Math.floor(next() * 8) }, () =>
    Array.from({ length: 3 }, () => sentence(12 + Math.floor(next() * 10))).join(' '),
  );
  const day = String(1 + (index % 28)).padStart(2, '0');
  // One article in ten has a problem both tools see (a date without an offset).
  const date = index % 10 === 0 ? `2026-03-${day}T09:30:00` : `2026-03-${day}T09:30:00-05:00`;
  const section = pick(sections);
  return `---
headline: ${sentence(7).slice(0, -1)}
description: ${sentence(16)}
language: en
section:
  name: ${section}
  path:
    - ${section}
byline:
  contributors:
    - name: ${pick(first)} ${pick(last)}
datePublished: ${date}
image:
  url: https://example.com/images/${index}.jpg
  alt: ${sentence(6)}
  caption:
    text: ${sentence(8)}
    credit:
      text: ${pick(first)} ${pick(last)}
  width: 1600
  height: 900
keywords:
  - ${pick(words)}
  - ${pick(words)}
---

${paragraphs.join('\n\n')}
`;
}

const work = mkdtempSync(join(tmpdir(), 'nutgraf-cli-bench-'));
const articles = join(work, 'articles');
mkdirSync(articles);
let bytes = 0;
for (let index = 0; index < count; index++) {
  const text = article(index);
  bytes += Buffer.byteLength(text);
  writeFileSync(join(articles, `${String(index).padStart(5, '0')}.md`), text);
}

// remark-lint-frontmatter-schema runs ajv's default (draft-07) instance: drop `$schema`.
const schema = JSON.parse(readFileSync(join(root, 'schema/frontmatter.schema.json'), 'utf8'));
delete schema.$schema;
writeFileSync(join(work, 'frontmatter.schema.json'), JSON.stringify(schema));
const resolve = (name) => import.meta.resolve(name);
writeFileSync(
  join(work, '.remarkrc.mjs'),
  `import remarkFrontmatter from ${JSON.stringify(resolve('remark-frontmatter'))};
import remarkLintFrontmatterSchema from ${JSON.stringify(resolve('remark-lint-frontmatter-schema'))};
export default {
  plugins: [
    [remarkFrontmatter, ['yaml']],
    [remarkLintFrontmatterSchema, { schemas: { './frontmatter.schema.json': ['articles/*.md'] } }],
  ],
};
`,
);
const remarkCli = join(root, 'node_modules/remark-cli/cli.js');

const hasTime = existsSync('/usr/bin/time');

function measure(label, argv, times = runs, before = () => undefined) {
  const samples = [];
  for (let run = 0; run < times; run++) {
    before();
    const command = hasTime ? '/usr/bin/time' : process.execPath;
    const args = hasTime ? ['-f', '%e %M', process.execPath, ...argv] : argv;
    const started = performance.now();
    const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
    const wall = (performance.now() - started) / 1000;
    const timeLine = hasTime ? result.stderr.trim().split('\n').at(-1) : '';
    const rssKb = hasTime ? Number(timeLine.split(' ')[1]) : Number.NaN;
    samples.push({ wall, rssMb: rssKb / 1024, status: result.status, out: result.stdout });
  }
  samples.sort((a, b) => a.wall - b.wall);
  const best = samples[0];
  return { label, ...best, rssMb: Math.max(...samples.map((s) => s.rssMb)) };
}

const nutgrafResult = measure('nutgraf check', [bin, 'check', 'articles', '--format', 'json']);
const threads = String(Math.max(2, availableParallelism()));
const threadsResult = measure(`nutgraf check --threads ${threads}`, [
  bin,
  'check',
  'articles',
  '--format',
  'json',
  '--threads',
  threads,
]);
// --cache: a first run (no cache file) and a rerun on the unchanged files.
const cacheFile = join(work, '.nutgrafcache');
const cacheArgs = [bin, 'check', 'articles', '--format', 'json', '--cache'];
const cacheFirst = measure('nutgraf check --cache (first run)', cacheArgs, runs, () =>
  rmSync(cacheFile, { force: true }),
);
measure('warm the cache', cacheArgs, 1);
const cacheRerun = measure('nutgraf check --cache (rerun, unchanged)', cacheArgs);
const remarkResult =
  peerRuns > 0
    ? measure(
        'remark-cli + frontmatter-schema',
        [remarkCli, 'articles', '--no-stdout', '--quiet', '--frail', '--rc-path', '.remarkrc.mjs'],
        peerRuns,
      )
    : undefined;

const nutgrafReport = JSON.parse(nutgrafResult.out);
const dateProblems = nutgrafReport.results.filter((r) =>
  r.diagnostics.some((d) => d.ruleId === 'invalid-field' || d.ruleId.startsWith('date-')),
).length;

const rows = [nutgrafResult, threadsResult, cacheFirst, cacheRerun, remarkResult]
  .filter(Boolean)
  .map((r) => ({
    tool: r.label,
    'files/s': Math.round(count / r.wall),
    'MB/s': (bytes / 1e6 / r.wall).toFixed(1),
    'wall s': r.wall.toFixed(2),
    'peak RSS MB': Number.isNaN(r.rssMb) ? 'n/a' : r.rssMb.toFixed(0),
    exit: r.status,
  }));
console.log(
  `${count} Markdown articles, ${(bytes / 1e6).toFixed(1)} MB, best of ${runs} runs (remark-cli: ${peerRuns}), ${availableParallelism()} CPUs`,
);
console.table(rows);
if (remarkResult) {
  console.log(
    `nutgraf is ${(remarkResult.wall / nutgrafResult.wall).toFixed(2)}× faster than remark-cli (target ≥ 3×)`,
  );
}
console.log(
  `peak RSS ${nutgrafResult.rssMb.toFixed(0)} MB (target ≤ 300 MB); with --threads ${threads} (the main thread and ${Number(threads) - 1} workers): ${(nutgrafResult.wall / threadsResult.wall).toFixed(2)}× the speed, ${threadsResult.rssMb.toFixed(0)} MB`,
);
console.log(
  `--cache: the rerun took ${((100 * cacheRerun.wall) / cacheFirst.wall).toFixed(1)}% of the first run's time (target ≤ 10%); both reports identical: ${cacheRerun.out === cacheFirst.out}`,
);
console.log(
  `files nutgraf flagged for the planted date problem: ${dateProblems} (planted: ${Math.ceil(count / 10)})`,
);
if (!process.env.NUTGRAF_BENCH_KEEP) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
