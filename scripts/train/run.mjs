#!/usr/bin/env node
// Run a TypeScript training script: bundle it with esbuild (node_modules are left external)
// into node_modules/.cache/nutgraf-train/, then run it with the remaining arguments.
//
//   node scripts/train/run.mjs scripts/train/text.ts [--folds 5] [--cv] …
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/train/run.mjs <script.ts> [arguments]\n');
  process.exit(2);
}
const outdir = path.join(root, 'node_modules/.cache/nutgraf-train');
mkdirSync(outdir, { recursive: true });

/**
 * Unlinks every file under `dir` that has other hard links. A checkout whose node_modules was
 * copied with hard links (`cp -al`, one per git worktree) shares these cached bundles, fold
 * builds and weights with the others, and writing one in place would write it in every copy:
 * two training runs at once would then score each other's builds. The files are derived, so a
 * shared one is dropped and made again here.
 */
function unshare(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) unshare(file);
    else if (lstatSync(file).nlink > 1) unlinkSync(file);
  }
}
unshare(outdir);
const outfile = path.join(outdir, `${path.basename(entry, '.ts')}.mjs`);
await build({
  entryPoints: [path.resolve(entry)],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
