// Runs the `nutgraf` command as CI does: checks two article files and prints the report in
// the stylish and GitHub formats, with the exit code. The articles are invented.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The `nutgraf` binary of the installed package (what `npx nutgraf` runs).
const packageJson = fileURLToPath(import.meta.resolve('nutgraf/package.json'));
const bin = join(dirname(packageJson), JSON.parse(readFileSync(packageJson, 'utf8')).bin.nutgraf);

const folder = mkdtempSync(join(tmpdir(), 'nutgraf-example-'));
writeFileSync(
  join(folder, 'ferries.md'),
  `---
headline: Night Ferries Start in June
description: The port board voted to run ferries after midnight from June.
language: en
section: Local
author: Dana Whitfield
datePublished: 2026-03-10T18:05:00-05:00
image:
  url: https://example.com/ferry.jpg
  alt: A ferry at the north pier at dusk
---

The port board voted on Tuesday to run ferries after midnight.
`,
);
writeFileSync(
  join(folder, 'buses.md'),
  `---
headline: COUNCIL DELAYS VOTE ON BUS LANES
author: By Ana Ruiz
datePublished: 2026-03-11 09:00
---

The council delayed the vote on new bus lanes until April.
`,
);

for (const format of ['stylish', 'github']) {
  const run = spawnSync(process.execPath, [bin, 'check', '.', '--format', format], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  console.log(`$ nutgraf check . --format ${format}   # exit code ${run.status}`);
  console.log(run.stdout + run.stderr);
}
rmSync(folder, { recursive: true, force: true });
