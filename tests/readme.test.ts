/**
 * The README's "Use" example runs against the built package (`npm test` builds first) and
 * prints what its comments say. Other sections are checked by their areas' README tests.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

describe('README', () => {
  it('shows the two fresh-machine commands', () => {
    expect(readme).toContain('npm ci && npm run example');
    expect(readme).toContain('npm ci && npm test');
  });

  it('runs the "Use" example and prints what it says', () => {
    const use = readme.slice(readme.indexOf('## Use'), readme.indexOf('## API'));
    const code = /```js\n([\s\S]*?)```/.exec(use)?.[1] ?? '';
    expect(code).toContain("from 'nutgraf'");
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const expected = [...code.matchAll(/^\/\/ (.+)$/gm)].map((match) => match[1]);
    expect(result.stdout.trim().split('\n')).toEqual(expected);
  });
});
