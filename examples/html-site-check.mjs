// A built site checked in CI: `nutgraf check` on the HTML pages checks each page's JSON-LD
// and the article the page shows (a JSON-LD headline or author the page does not print is a
// finding), then `nutgraf parse --out-dir` converts the archive to Markdown with frontmatter.
// The site is invented (examples/site/); see github-actions-built-site.yml for the workflow.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageJson = fileURLToPath(import.meta.resolve('nutgraf/package.json'));
const bin = join(dirname(packageJson), JSON.parse(readFileSync(packageJson, 'utf8')).bin.nutgraf);
const site = fileURLToPath(new URL('./site/', import.meta.url));

const check = spawnSync(process.execPath, [bin, 'check', 'site', '--format', 'github'], {
  cwd: dirname(site),
  encoding: 'utf8',
});
console.log(check.stdout.trim());
console.log(`check exit code: ${check.status}`);

const out = mkdtempSync(join(tmpdir(), 'nutgraf-site-'));
try {
  const parse = spawnSync(
    process.execPath,
    [bin, 'parse', 'site/**/*.html', '--to', 'markdown', '--out-dir', out],
    { cwd: dirname(site), encoding: 'utf8' },
  );
  console.log(parse.stderr.trim().split('\n').pop());
  const files = readdirSync(out, { recursive: true }).filter((name) =>
    String(name).endsWith('.md'),
  );
  console.log(files.sort().join('\n'));
  const first = readFileSync(join(out, String(files.sort()[0])), 'utf8');
  console.log(first.split('\n').slice(0, 8).join('\n'));
  if (parse.status !== 0) process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
