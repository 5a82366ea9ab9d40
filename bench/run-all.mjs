// Runs every benchmark in this folder (`*.bench.mjs`), one after the other, in one process
// each so that peers are measured side by side under the same conditions.
// `npm run bench` builds first; benches import the built package from `dist/`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n━━ bench/${name} ━━\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(here, name)], {
    stdio: 'inherit',
    cwd: join(here, '..'),
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
