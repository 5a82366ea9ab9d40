import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../../src/cli/check-source.js';
import type { InputFormat } from '../../src/cli/detect-format.js';
import {
  fixableRuleIds,
  fixSource,
  normalizeDate,
  splitAuthorNames,
  stripAuthorPrefix,
  withFixes,
} from '../../src/cli/fix-source.js';
import { applyEdits } from '../../src/cli/text-edits.js';
import { rules } from '../../src/lint/index.js';

describe('normalizeDate', () => {
  it.each([
    ['2024-03-09 14:30:00 -0500', '2024-03-09T14:30:00-05:00'],
    ['2024-03-09T14:30+0100', '2024-03-09T14:30:00+01:00'],
    ['2024-03-09 14:30:00Z', '2024-03-09T14:30:00Z'],
    ['2024-03-09t14:30:00.250z', '2024-03-09T14:30:00.250Z'],
    ['2024/03/09', '2024-03-09'],
    ['2024-03-09T14:30:00-05:00', undefined],
    ['2024-03-09', undefined],
    ['2024-03-09 14:30', undefined],
    ['2024-02-30', undefined],
    ['March 9, 2024', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });
});

describe('author names', () => {
  it.each([
    ['By Ana Ruiz', 'Ana Ruiz'],
    ['by: Ana Ruiz', 'Ana Ruiz'],
    ['Written by Ana Ruiz', 'Ana Ruiz'],
    ['Byron Tate', undefined],
    ['Ana Ruiz', undefined],
  ])('strips the prefix of %s', (input, expected) => {
    expect(stripAuthorPrefix(input)).toBe(expected);
  });

  it.each([
    ['Ana Ruiz and Lena Moritz', ['Ana Ruiz', 'Lena Moritz']],
    ['Ana Ruiz, Lena Moritz & Dana Whitfield', ['Ana Ruiz', 'Lena Moritz', 'Dana Whitfield']],
    ['Ana Ruiz, Staff Writer', undefined],
    ['Ana Ruiz and The Associated Press', undefined],
    ['Ana Ruiz', undefined],
    ['Procter and Gamble', undefined],
  ])('splits %s only when every part is a name', (input, expected) => {
    expect(splitAuthorNames(input)).toEqual(expected);
  });
});

/** Fix `text` as `nutgraf fix` does with the default settings. */
function fix(text: string, format: InputFormat = 'markdown', rules?: Record<string, 'off'>) {
  return fixSource(text, format, { file: 'story', ...(rules ? { rules } : {}) });
}

/** The fixed diagnostics' edits, applied to the input, give the output: nothing else changed. */
function expectOnlyFixesApplied(input: string, result: ReturnType<typeof fix>): void {
  const replayed = applyEdits(
    input,
    result.fixed.map((diagnostic) => diagnostic.fix!),
  );
  expect(replayed.applied.length).toBe(result.fixed.length);
  expect(replayed.text).toBe(result.text);
}

describe('fixSource: what a file without reported fixes keeps', () => {
  it.each([
    [
      'keys in any order, loose dates, lists at column 0, blank lines, comments',
      '---\nlayout: post\n\n# the story\ndate: 2024-03-09 14:30 -0500\ntitle:   Night Ferries\ntags:\n- harbour\n-   ferries\n\nauthor: By Ana Ruiz and Lena Moritz\n---\nBody *text*.\n',
    ],
    [
      'CRLF line endings, quoted and flow styles',
      '---\r\ntitle: \'Night Ferries\'\r\ndescription: "Ferries\\nat night"\r\nkeywords: [ harbour,ferries ]\r\ndate: 2024/03/09\r\n---\r\nBody.\r\n',
    ],
    ['a body only', '# Night Ferries\n\nBy Ana Ruiz\n\nThe board voted.\n'],
  ])('%s stays byte-identical', (_name, input) => {
    const result = fix(input);
    expect(result.fixed).toEqual([]);
    expect(result.text).toBe(input);
  });

  it('leaves files it cannot parse alone', () => {
    const broken = '---\ntitle: [A\nauthors:\n  - name: By Ana Ruiz\n---\n';
    expect(fix(broken).text).toBe(broken);
    const duplicate = '---\ntitle: A\nauthors:\n  - name: By A B\ntitle: B\n---\n';
    expect(fix(duplicate).text).toBe(duplicate);
    const json = '{"headline": "A", "byline": {"contributors": [{"name": "By Ana Ruiz"}]},';
    expect(fix(json, 'json').text).toBe(json);
  });

  it('leaves files with a duplicate key alone at any depth, YAML and JSON', () => {
    const nested = '---\ntitle: A\nauthors:\n  - name: By A B\n    name: By C D\n---\n';
    expect(fix(nested).text).toBe(nested);
    const json =
      '{"headline": "A", "byline": {"contributors": [{"name": "By Ana Ruiz"}]}, "headline": "B"}';
    expect(fix(json, 'json').text).toBe(json);
    // Without the duplicate, the same files are fixed.
    expect(fix(nested.replace('    name: By C D\n', '')).text).toContain('name: A B');
  });

  // 20.6 s in a full `npm test` at load 19–28 (default limit 30 s): a limit for a busy machine.
  it("reads frontmatter with 40,000 keys (yaml's own duplicate check took minutes)", {
    timeout: 180_000,
  }, () => {
    // Not timed (growth of the reader: bench/growth.bench.mjs); quadratic, this took minutes.
    const keys = Array.from({ length: 40_000 }, (_, index) => `k${index}: v\n`).join('');
    const input = `---\ntitle: A\nauthors:\n  - name: By Ana Ruiz\n${keys}---\n`;
    expect(fix(input).text).toContain('  - name: Ana Ruiz\n');
    expect(fix(`${input.slice(0, -4)}k7: again\n---\n`).text).toContain('By Ana Ruiz');
  });

  it('fixes nothing a rule turned off would report', () => {
    const input = '---\ntitle: A\nauthors:\n  - name: By Ana Ruiz\n---\n';
    expect(fix(input, 'markdown', { 'author-name-has-prefix': 'off' }).text).toBe(input);
  });
});

describe('fixSource: author names', () => {
  it('deletes only the intro words, keeping quoting, comments, indentation and CRLF', () => {
    const input =
      '---\r\ntitle: Night Ferries   # working title\r\nauthors:\r\n    -   name: \'By Dana Whitfield\'   # desk\r\n        type: Person\r\n    - name: "Written by Ana Ruiz"\r\n---\r\nBody.\r\n';
    const result = fix(input);
    expect(result.text).toBe(
      '---\r\ntitle: Night Ferries   # working title\r\nauthors:\r\n    -   name: \'Dana Whitfield\'   # desk\r\n        type: Person\r\n    - name: "Ana Ruiz"\r\n---\r\nBody.\r\n',
    );
    expect(result.fixed.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'author-name-has-prefix',
      'author-name-has-prefix',
    ]);
    expectOnlyFixesApplied(input, result);
  });

  it('fixes names in flow style', () => {
    const input = "---\ntitle: A\nauthors: [{name: By Ana Ruiz}, {name: 'By Lena Moritz'}]\n---\n";
    const result = fix(input);
    expect(result.text).toBe(
      "---\ntitle: A\nauthors: [{name: Ana Ruiz}, {name: 'Lena Moritz'}]\n---\n",
    );
    expectOnlyFixesApplied(input, result);
  });

  it('leaves honorifics to the author (they belong in honorificPrefix)', () => {
    const input = '---\ntitle: A\nauthors:\n  - name: Dr. Ana Ruiz\n---\n';
    const checked = checkSource(input, 'markdown', { file: 'story' });
    expect(checked.diagnostics.map((d) => d.ruleId)).toContain('author-name-has-prefix');
    expect(fix(input).text).toBe(input);
  });

  it('splits a JSON author into one object per person, in the layout of the file', () => {
    const input =
      '{\n  "headline": "Night Ferries",\n  "byline": {\n    "contributors": [\n      { "name": "Ana Ruiz and Lena Moritz", "type": "Person" }\n    ]\n  },\n  "body": []\n}\n';
    const result = fix(input, 'json');
    expect(result.text).toBe(
      '{\n  "headline": "Night Ferries",\n  "byline": {\n    "contributors": [\n      { "name": "Ana Ruiz", "type": "Person" },\n      { "name": "Lena Moritz", "type": "Person" }\n    ]\n  },\n  "body": []\n}\n',
    );
    expect(result.fixed.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'multiple-authors-in-one-name',
    ]);
    expectOnlyFixesApplied(input, result);
  });

  it('splits a YAML author object into copies, each with one name, in the list’s indentation', () => {
    const input =
      '---\ntitle: Night Ferries\nauthors:\n  - name: Ana Ruiz and Lena Moritz\n    type: Person\n  - Dana Whitfield\n---\nText.\n';
    const result = fix(input);
    expect(result.text).toBe(
      '---\ntitle: Night Ferries\nauthors:\n  - name: Ana Ruiz\n    type: Person\n  - name: Lena Moritz\n    type: Person\n  - Dana Whitfield\n---\nText.\n',
    );
    expectOnlyFixesApplied(input, result);
  });

  it('makes no fix where a list cannot go (a name inside an object that is no list item)', () => {
    const input =
      '---\ntitle: Night Ferries\nauthor:\n  name: Ana Ruiz and Lena Moritz\n---\nText.\n';
    const { diagnostics } = checkSource(input, 'markdown', { file: 'story' });
    expect(diagnostics.map((d) => d.ruleId)).toContain('multiple-authors-in-one-name');
    const result = fix(input);
    expect(result).toMatchObject({ text: input, fixed: [] });
    expect(result.rejected).toBeUndefined();
  });

  it('does not split an author object that holds more than a name', () => {
    const input = `${JSON.stringify({
      headline: 'Night Ferries',
      byline: {
        contributors: [{ name: 'Ana Ruiz and Lena Moritz', url: 'https://example.com/ana' }],
      },
      body: [],
    })}\n`;
    expect(fix(input, 'json').text).toBe(input);
  });

  it('fixes JSON-LD author names in place', () => {
    const input =
      '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Night Ferries",\n "author": [{"@type": "Person", "name": "By Ana Ruiz"}]}\n';
    const result = fix(input, 'json');
    expect(result.text).toBe(input.replace('By Ana Ruiz', 'Ana Ruiz'));
  });
});

describe('fixSource: dates and layout', () => {
  it('writes a loose JSON date in ISO 8601, then fixes what the repaired article shows', () => {
    const input =
      '{\n  "headline": "Night Ferries",\n  "datePublished": "2024-03-09 14:30 -0500",\n  "byline": { "contributors": [{ "name": "By Ana Ruiz" }] },\n  "body": []\n}\n';
    const result = fix(input, 'json');
    expect(result.text).toBe(
      '{\n  "headline": "Night Ferries",\n  "datePublished": "2024-03-09T14:30:00-05:00",\n  "byline": { "contributors": [{ "name": "Ana Ruiz" }] },\n  "body": []\n}\n',
    );
    expect(result.fixed.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'invalid-field',
      'author-name-has-prefix',
    ]);
    expectOnlyFixesApplied(input, result);
  });

  it('indents the continuation lines of a quoted value, and nothing else', () => {
    const input =
      '---\ntitle: "Night Ferries\nreturn to the harbour"\nlayout:   post\ndescription: "One\n  two\nthree \\"quoted\\"\n\nfour"\n---\nBody.\n';
    const result = fix(input);
    expect(result.text).toBe(
      '---\ntitle: "Night Ferries\n  return to the harbour"\nlayout:   post\ndescription: "One\n  two\n  three \\"quoted\\"\n\n  four"\n---\nBody.\n',
    );
    expect(result.fixed.map((diagnostic) => diagnostic.ruleId)).toEqual([
      'frontmatter-yaml-indentation',
      'frontmatter-yaml-indentation',
    ]);
    expect(result.checked.diagnostics.map((d) => d.ruleId)).not.toContain(
      'frontmatter-yaml-indentation',
    );
    expectOnlyFixesApplied(input, result);
  });
});

describe('withFixes', () => {
  it('attaches the fix to the diagnostic check reports, as ESLint does', () => {
    const input = '---\ntitle: A\nauthors:\n  - name: By Ana Ruiz\n---\n';
    const { diagnostics } = checkSource(input, 'markdown', { file: 'story' });
    const fixable = withFixes(input, 'markdown', diagnostics).filter((d) => d.fix);
    expect(fixable).toEqual([
      expect.objectContaining({
        ruleId: 'author-name-has-prefix',
        fix: { range: [input.indexOf('By '), input.indexOf('Ana')], text: '' },
      }),
    ]);
    expect(diagnostics.some((d) => d.fix)).toBe(false);
  });

  it('marks every rule it fixes as fixable in the rule table', () => {
    for (const id of fixableRuleIds) {
      if (id === 'invalid-field') continue;
      expect(rules.find((rule) => rule.id === id)?.fixable, id).toBe(true);
    }
  });
});

describe('fixSource on any frontmatter', () => {
  const names = fc.constantFrom(
    'By Ana Ruiz',
    'Written by Lena Moritz',
    'Ana Ruiz and Lena Moritz',
    'Dana',
  );
  const quote = fc.constantFrom('', "'", '"');
  const indent = fc.constantFrom('', '  ', '    ');
  const lineEnding = fc.constantFrom('\n', '\r\n');
  const frontmatter = fc
    .tuple(
      fc.array(fc.tuple(names, quote), { maxLength: 3 }),
      indent,
      lineEnding,
      fc.string({ maxLength: 40 }),
    )
    .map(([authors, pad, eol, noise]) => {
      const items = authors.map(([name, q]) => `${pad}- name: ${q}${name}${q}`);
      return [
        '---',
        'title: Night Ferries',
        'authors:',
        ...items,
        `note: ${JSON.stringify(noise)}`,
        '---',
        'Body.',
        '',
      ].join(eol);
    });

  it('never throws, changes only the bytes of its fixes, and a second run finds nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          frontmatter,
          fc.string({ maxLength: 200 }).map((yaml) => `---\n${yaml}\n---\nBody.\n`),
        ),
        (input) => {
          const once = fix(input);
          expectOnlyFixesApplied(input, once);
          if (once.fixed.length === 0) expect(once.text).toBe(input);
          expect(once.text.endsWith('Body.\n') || once.text.endsWith('Body.\r\n')).toBe(true);
          expect(fix(once.text).fixed).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
