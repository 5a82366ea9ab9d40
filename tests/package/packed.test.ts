/**
 * Tests what users get: the packed tarball, installed into a scratch project, imported
 * through every entry point in ESM and (where offered) CommonJS, with its types resolving.
 * `npm test` builds `dist/` first.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  exports: Record<string, string | Record<string, unknown>>;
};
const entries = Object.keys(manifest.exports).filter((key) => !key.endsWith('.json'));
const dual = entries.filter((key) => {
  const target = manifest.exports[key];
  return typeof target === 'object' && 'require' in target;
});

let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'nutgraf-packed-'));
  const packed = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch],
    { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
  const modules = join(scratch, 'node_modules');
  const target = join(modules, 'nutgraf');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, filename), '-C', target, '--strip-components=1']);
  // Dependencies come from this checkout: the tarball is what is under test.
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === 'nutgraf' || name.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name));
  }
  writeFileSync(join(scratch, 'package.json'), '{"name":"scratch","private":true}');
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

function run(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: scratch, encoding: 'utf8' });
}

function specifier(entry: string): string {
  return entry === '.' ? 'nutgraf' : `nutgraf/${entry.slice(2)}`;
}

describe('the packed tarball', () => {
  it('ships dist, the JSON Schemas and the docs, and nothing from tests or sources', () => {
    const files = execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const paths = (JSON.parse(files) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map(
      (file) => file.path,
    );
    expect(paths).toContain('dist/index.js');
    expect(paths).toContain('schema/article.schema.json');
    expect(paths).toContain('README.md');
    expect(paths).toContain('LICENSE');
    expect(paths.filter((path) => /^(src|tests|bench|examples)\//.test(path))).toEqual([]);
    expect(paths.filter((path) => path.endsWith('.map'))).toEqual([]);
  });

  it.each(entries)('imports %s as ESM', (entry) => {
    const result = run([
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(specifier(entry))}); console.log(Object.keys(m).length)`,
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each(dual)('requires %s as CommonJS', (entry) => {
    const result = run([
      '-e',
      `const m = require(${JSON.stringify(specifier(entry))}); console.log(Object.keys(m).length)`,
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('gives CommonJS and ESM the same exports', () => {
    for (const entry of dual) {
      const esm = run([
        '--input-type=module',
        '-e',
        `console.log(JSON.stringify(Object.keys(await import(${JSON.stringify(specifier(entry))})).filter((k) => k !== 'default').sort()))`,
      ]).stdout;
      const cjs = run([
        '-e',
        `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(specifier(entry))})).sort()))`,
      ]).stdout;
      expect(cjs, entry).toBe(esm);
    }
  });

  it('resolves the types of every entry point under node16 resolution', () => {
    const lines = entries.map(
      (entry, index) =>
        `import type * as entry${index} from ${JSON.stringify(specifier(entry))};\nexport type T${index} = typeof entry${index};`,
    );
    lines.push(
      "import { validateArticle, type Article } from 'nutgraf';",
      "const result: { article?: Article } = validateArticle({ headline: 'x', body: [] });",
      'export { result };',
    );
    writeFileSync(join(scratch, 'check.mts'), lines.join('\n'));
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['check.mts'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', scratch], { encoding: 'utf8' });
    // schema-dts (a CommonJS package) imports the ESM-only schema-dts-lib without a
    // resolution-mode attribute: its own error, seen only with skipLibCheck off. Ours must be clean.
    const errors = (result.stdout + result.stderr)
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('node_modules/schema-dts/'));
    expect(errors).toEqual([]);
  });

  it('installs a working `nutgraf` binary', () => {
    const result = run([join(scratch, 'node_modules/nutgraf/dist/bin.js'), '--version']);
    expect(result.stdout.trim()).toBe(manifest.version);
    expect(result.status).toBe(0);
  });
});
