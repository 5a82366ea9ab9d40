// Runs every example program in this folder, in name order, and fails if one fails.
// `npm run example` builds the package first, so examples import `nutgraf` as users do.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const programs = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== 'run-all.mjs')
  .sort();

let failed = 0;
for (const name of programs) {
  process.stdout.write(`\n━━ examples/${name} ━━\n`);
  const result = spawnSync(process.execPath, [join(here, name)], { stdio: 'inherit', cwd: here });
  if (result.status !== 0) {
    failed++;
    process.stderr.write(`examples/${name} exited with ${result.status}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
