import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as jsonld from '../../src/jsonld/index.js';
import { jsonLdRules } from '../../src/jsonld/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('### JSON-LD (`nutgraf/jsonld`)');
const section = readme.slice(start, readme.indexOf('<!-- readme:', start));

describe('README section of nutgraf/jsonld', () => {
  it('lists every rule of jsonLdRules, with its severity and description', () => {
    const table = section.slice(
      section.indexOf('<!-- jsonld-rules:start -->'),
      section.indexOf('<!-- jsonld-rules:end -->'),
    );
    const rows = jsonLdRules.map(
      (rule) => `| \`${rule.id}\` | ${rule.severity} | ${rule.description} |`,
    );
    expect(table.split('\n').filter((line) => line.startsWith('| `'))).toEqual(rows);
  });

  it('runs its js examples, which print what their comments say', async () => {
    const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      const expected: string[] = [];
      const code = block
        .replace(/^import \{([^}]*)\} from 'nutgraf\/jsonld'$/m, 'const {$1} = jsonld')
        .replace(/\/\/ → (.*)$/gm, (_, text: string) => {
          expected.push(text);
          return '';
        });
      const printed: string[] = [];
      const log = (...values: unknown[]) => printed.push(values.map(String).join(' '));
      new Function('jsonld', 'console', code)(jsonld, { log });
      expect(printed).toEqual(expected);
    }
  });
});
