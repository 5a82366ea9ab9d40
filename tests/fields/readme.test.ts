import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fields from '../../src/fields/index.js';

/** The README section of the field parsers, from its marker to the next area's marker. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const start = readme.indexOf('<!-- readme:fields -->');
const end = readme.indexOf('<!-- readme:', start + 1);
const section = readme.slice(start, end);

/** `expression // => expected JSON` lines inside the section's js code blocks. */
const examples: Array<[string, string]> = [];
for (const block of section.matchAll(/```js\n([\s\S]*?)```/g)) {
  for (const line of (block[1] ?? '').split('\n')) {
    const match = / \/\/ => (.+)$/.exec(line);
    if (match?.[1]) examples.push([line.slice(0, match.index), match[1]]);
  }
}

const names = Object.keys(fields);
const values = Object.values(fields);

describe('README: field parsers', () => {
  it('has the section and its examples', () => {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(examples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(examples)('%s', (expression, expected) => {
    const run = new Function(...names, `return (${expression});`) as (
      ...args: unknown[]
    ) => unknown;
    const actual = run(...values);
    if (expected === 'undefined') expect(actual).toBeUndefined();
    else expect(actual).toEqual(JSON.parse(expected));
  });
});
