// Renders the lint rule table as Markdown, and writes it into README.md between the
// `<!-- rules-table:start -->` and `<!-- rules-table:end -->` markers.
//
//   node scripts/rules-table.mjs          rewrite README.md
//   node scripts/rules-table.mjs --check  exit 1 when README.md is out of date
//
// `tests/lint/readme.test.ts` runs the same renderer against the TypeScript source.

import { readFileSync, writeFileSync } from 'node:fs';

export const START = '<!-- rules-table:start -->';
export const END = '<!-- rules-table:end -->';

const presetOrder = ['recommended', 'google', 'strict'];

/**
 * The Markdown table of `rules` (the `rules` export of `nutgraf/lint`) and `presets`.
 * @param {ReadonlyArray<{id: string, severity: string, summary: string, category: string, fixable?: boolean}>} rules
 * @param {Record<string, Record<string, string>>} presets
 */
export function renderRulesTable(rules, presets) {
  const lines = [
    '| rule | category | recommended | google | strict | fix | what it finds |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const rule of rules) {
    const cells = presetOrder.map((preset) => presets[preset]?.[rule.id] ?? 'off');
    lines.push(
      `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.category} | ${cells.join(' | ')} | ${rule.fixable ? 'yes' : ''} | ${rule.summary.replaceAll('|', '\\|')} |`,
    );
  }
  return lines.join('\n');
}

/** `readme` with the part between the markers replaced by `table`, or `undefined` when a marker is missing. */
export function replaceRulesTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return `${readme.slice(0, start + START.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

async function main() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [new URL('../src/lint/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const lint = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const readmeUrl = new URL('../README.md', import.meta.url);
  const readme = readFileSync(readmeUrl, 'utf8');
  const next = replaceRulesTable(readme, renderRulesTable(lint.rules, lint.presets));
  if (next === undefined) {
    console.error(`README.md has no ${START} … ${END} markers`);
    process.exitCode = 1;
  } else if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md rules table is out of date: run `node scripts/rules-table.mjs`');
      process.exitCode = 1;
    }
  } else if (next !== readme) {
    writeFileSync(readmeUrl, next);
    console.log('README.md rules table updated');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
