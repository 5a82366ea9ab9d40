/**
 * Tests what users get: the packed tarball, installed into a scratch project, imported
 * through every entry point in ESM and (where offered) CommonJS, with its types resolving.
 * `npm test` builds `dist/` first.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
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

  /**
   * A consumer's project under each `moduleResolution`, TypeScript's defaults otherwise
   * (`skipLibCheck: false` among them, so every `.d.ts` we ship or pull in is checked), plus
   * `strict`. ESM files import every entry point; CommonJS files (where the setting allows
   * them) require the dual ones.
   */
  const resolutions = [
    { moduleResolution: 'node10', module: 'commonjs', esm: false, cjs: true },
    { moduleResolution: 'node16', module: 'node16', esm: true, cjs: true },
    { moduleResolution: 'nodenext', module: 'nodenext', esm: true, cjs: true },
    { moduleResolution: 'bundler', module: 'esnext', esm: true, cjs: false },
  ] as const;

  // Concurrent: each is a TypeScript process of its own.
  it.concurrent.each(resolutions)(
    'type-checks a consumer with moduleResolution $moduleResolution and skipLibCheck false',
    async ({ moduleResolution, module, esm, cjs }) => {
      const project = join(scratch, `types-${moduleResolution}`);
      mkdirSync(project, { recursive: true });
      const usage = [
        "const result: { article?: Article } = validateArticle({ headline: 'x', body: [] });",
        "const node: JsonLdArticle = toJsonLd({ headline: 'x', body: [] });",
        'export const headline: string | undefined = node.headline ?? result.article?.headline;',
      ];
      const files: string[] = [];
      if (esm) {
        const lines = entries.map(
          (entry, index) =>
            `import type * as entry${index} from ${JSON.stringify(specifier(entry))};\nexport type T${index} = typeof entry${index};`,
        );
        lines.push(
          "import { validateArticle, type Article } from 'nutgraf';",
          "import { toJsonLd, type JsonLdArticle } from 'nutgraf/jsonld';",
          ...usage,
        );
        const name = moduleResolution === 'bundler' ? 'esm.ts' : 'esm.mts';
        writeFileSync(join(project, name), lines.join('\n'));
        files.push(name);
      }
      if (cjs) {
        const lines = dual.map(
          (entry, index) =>
            `import entry${index} = require(${JSON.stringify(specifier(entry))});\nexport type C${index} = typeof entry${index};`,
        );
        lines.push(
          "import { validateArticle, type Article } from 'nutgraf';",
          "import { toJsonLd, type JsonLdArticle } from 'nutgraf/jsonld';",
          ...usage,
        );
        const name = moduleResolution === 'node10' ? 'cjs.ts' : 'cjs.cts';
        writeFileSync(join(project, name), lines.join('\n'));
        files.push(name);
      }
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          // TypeScript's own lib files are not checked (`skipDefaultLibCheck`): they are the
          // same for every project and cannot fail; ours, zod's and every other
          // dependency's .d.ts files still are (`skipLibCheck` false).
          compilerOptions: {
            module,
            moduleResolution,
            strict: true,
            noEmit: true,
            skipDefaultLibCheck: true,
          },
          files,
        }),
      );
      const tsc = join(root, 'node_modules/typescript/bin/tsc');
      const output = await new Promise<string>((resolve) => {
        execFile(process.execPath, [tsc, '-p', project], (_error, stdout, stderr) =>
          resolve(stdout + stderr),
        );
      });
      const errors = output.split('\n').filter((line) => line.trim());
      // Under node10 without `esModuleInterop` (TypeScript's default, not `tsc --init`'s),
      // zod's own `.d.cts` files fail to check (TS1259): the peer dependency's errors, not ours.
      const ours =
        moduleResolution === 'node10'
          ? errors.filter((line) => !/^node_modules\/zod\/.*error TS1259:/.test(line))
          : errors;
      expect(ours).toEqual([]);
    },
    // Four TypeScript processes at once: 142–144 s each in a full `npm test` at load 19–28.
    600_000,
  );

  it('installs a working `nutgraf` binary', () => {
    const result = run([join(scratch, 'node_modules/nutgraf/dist/bin.js'), '--version']);
    expect(result.stdout.trim()).toBe(manifest.version);
    expect(result.status).toBe(0);
  });
});
