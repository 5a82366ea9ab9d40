/**
 * A scripts-only build of the library with one module swapped for another: for
 * cross-validation, each fold's weights replace the shipped weights module, and the scorers
 * import that build. The shipped code has no switch for it.
 */
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundle `entry` (e.g. `src/index.ts`) into `outfile` (ESM, packages external), importing
 * `replacement` wherever a module resolves to `replaced` (absolute paths; `.ts` for `.js`).
 */
export async function bundleWith(options: {
  entry: string;
  outfile: string;
  replaced: string;
  replacement: string;
}): Promise<void> {
  const replaced = path.resolve(options.replaced);
  await build({
    entryPoints: [path.resolve(options.entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: options.outfile,
    logLevel: 'warning',
    plugins: [
      {
        name: 'swap-module',
        setup(b) {
          b.onResolve({ filter: /^\./ }, (args) => {
            const resolved = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
            return resolved === replaced ? { path: path.resolve(options.replacement) } : undefined;
          });
        },
      },
    ],
  });
}
