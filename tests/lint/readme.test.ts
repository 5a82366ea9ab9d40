import { readFileSync } from 'node:fs';
import { format } from 'node:util';
import { describe, expect, it } from 'vitest';
import { END, renderRulesTable, replaceRulesTable, START } from '../../scripts/rules-table.mjs';
import * as lint from '../../src/lint/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Lint rules'), readme.indexOf(START));

describe('README lint section', () => {
  it('holds the rules table generated from the rule table (run `node scripts/rules-table.mjs`)', () => {
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    const table = renderRulesTable(lint.rules, lint.presets);
    expect(replaceRulesTable(readme, table)).toBe(readme);
    for (const rule of lint.rules)
      expect(table).toContain(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`);
  });

  const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1] as string);

  it('has code examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((code, index) => [index, code] as const))(
    'example %i prints what its comments say',
    (_index, code) => {
      const lines = code.trimEnd().split('\n');
      const expected: string[] = [];
      while (lines.length > 0 && lines.at(-1)?.startsWith('// ')) {
        expected.unshift((lines.pop() as string).slice(3));
      }
      const body = lines
        .filter((line) => !/^import .* from 'nutgraf\/lint'$/.test(line))
        .join('\n');
      const printed: string[] = [];
      const console = { log: (...args: unknown[]) => printed.push(...format(...args).split('\n')) };
      const exports = Object.entries(lint);
      new Function('console', ...exports.map(([name]) => name), body)(
        console,
        ...exports.map(([, value]) => value),
      );
      expect(printed).toEqual(expected);
    },
  );
});
