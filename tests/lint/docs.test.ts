import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/html/index.js';
import { fromJsonLd } from '../../src/jsonld/index.js';
import type { RuleMeta } from '../../src/lint/index.js';
import { lintArticle, rules } from '../../src/lint/index.js';
import { parseMarkdown } from '../../src/markdown/index.js';
import { parseMdx } from '../../src/mdx/index.js';
import type { Diagnostic } from '../../src/schema/index.js';
import { parseText } from '../../src/text/index.js';
import { built, run, runBin } from '../cli/helpers.js';
import { NOW } from './clean-article.js';

const docs = new URL('../../docs/rules/', import.meta.url);

interface Example {
  lang: string;
  code: string;
  options: Record<string, unknown>;
}

/** The examples of a docs page section: fenced blocks, each with an optional `<!-- options: {…} -->` line before it. */
function examples(page: string, heading: string): Example[] {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start === -1) return [];
  const end = page.indexOf('\n## ', start + 1);
  const part = page.slice(start, end === -1 ? undefined : end);
  return [...part.matchAll(/(?:<!-- options: (.*) -->\n)?```(\w+)\n([\s\S]*?)\n```/g)].map(
    (match) => ({
      lang: match[2] as string,
      code: `${match[3]}\n`,
      options: match[1] ? (JSON.parse(match[1]) as Record<string, unknown>) : {},
    }),
  );
}

type Runner = (example: Example, rule: RuleMeta) => Diagnostic[];

/** How each category's examples are run: lint rules on Article JSON, parser rules through their parser. */
const runners: Record<Exclude<RuleMeta['category'], 'file'>, Runner> = {
  schema: ({ code }, rule) =>
    lintArticle(JSON.parse(code), { now: NOW, rules: { [rule.id]: 'error' } }),
  google: ({ code }, rule) =>
    lintArticle(JSON.parse(code), { now: NOW, rules: { [rule.id]: 'error' } }),
  editorial: ({ code }, rule) =>
    lintArticle(JSON.parse(code), { now: NOW, rules: { [rule.id]: 'error' } }),
  // A `mdx` example is an `.mdx` file, read by parseMdx.
  markdown: ({ lang, code, options }) =>
    (lang === 'mdx' ? parseMdx : parseMarkdown)(code, options).diagnostics,
  text: ({ code, options }) => parseText(code, options).diagnostics,
  jsonld: ({ code, options }) => fromJsonLd(code, options).diagnostics,
  // `bytes`: parse the page's UTF-8 bytes (charset checks); `nest`: wrap it in that many `<div>`s.
  html: ({ code, options }) => {
    const { bytes, nest, ...rest } = options as { bytes?: boolean; nest?: number };
    const page = nest ? `${'<div>'.repeat(nest)}${code}` : code;
    return parseHtml(bytes ? new TextEncoder().encode(page) : page, rest).diagnostics;
  },
};

const languages: Record<RuleMeta['category'], readonly string[]> = {
  schema: ['json'],
  google: ['json'],
  editorial: ['json'],
  markdown: ['markdown', 'mdx'],
  text: ['text'],
  jsonld: ['json'],
  html: ['html'],
  file: ['console'],
};

/** Split a command line into words: spaces separate, single or double quotes group. */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map(
    (match) => match[1] ?? match[2] ?? (match[3] as string),
  );
}

/** One command of a shell session and what it printed, as the page shows them. */
interface Step {
  command: string;
  output: string;
}

/** The steps of a `console` example: `$ ` lines are commands, the lines after one its output. */
function steps(code: string): Step[] {
  const result: Step[] = [];
  for (const line of code.trimEnd().split('\n')) {
    if (line.startsWith('$ ')) result.push({ command: line.slice(2), output: '' });
    else if (result.length > 0) {
      const last = result[result.length - 1] as Step;
      last.output += `${line}\n`;
    } else throw new Error(`Output before the first command: ${line}`);
  }
  return result;
}

/** The rule ids named in CLI output: stylish rows end with the id, stderr lines with `(id)`. */
function idsIn(output: string): string[] {
  return output
    .split('\n')
    .flatMap((line) => /(?: {2}|\()([a-z]+(?:-[a-z]+)+)\)?$/.exec(line)?.[1] ?? []);
}

const isRoot = process.getuid?.() === 0;

/**
 * Run a `console` example in a fresh folder: `npx nutgraf …` in-process, other commands in
 * `sh`; each must print exactly what the page shows after it (standard output, then standard
 * error). Returns every rule id the output names. With the option `"run": false` (a crash
 * cannot be caused on purpose, a race not shown one command after the other) or `"run":
 * "non-root"` run by root (who may write anywhere), the example is only read, not run. With
 * `"run": "bin"` (time and memory budgets, which need worker threads) `npx nutgraf` runs the
 * built binary, and the example is only read when there is none.
 */
async function runSession(example: Example): Promise<string[]> {
  const session = steps(example.code);
  const shown = session.flatMap((step) => idsIn(step.output));
  const mode = example.options.run;
  if (mode === false || (mode === 'non-root' && isRoot) || (mode === 'bin' && !built)) return shown;
  const cwd = mkdtempSync(path.join(tmpdir(), 'nutgraf-docs-'));
  try {
    for (const { command, output } of session) {
      let printed: string;
      if (command.startsWith('npx nutgraf ')) {
        const argv = words(command).slice(2);
        const result = mode === 'bin' ? runBin(argv, { cwd }) : await run(argv, { cwd });
        printed = result.stdout + result.stderr;
      } else {
        const result = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });
        printed = result.stdout + result.stderr;
      }
      expect(printed.trimEnd(), command).toBe(output.trimEnd());
    }
  } finally {
    chmodSync(cwd, 0o755);
    rmSync(cwd, { recursive: true, force: true });
  }
  return shown;
}

describe('docs/rules', () => {
  it('has a page for every rule and no page for an unknown rule', () => {
    const pages = readdirSync(docs).filter((name) => name.endsWith('.md'));
    expect(pages.sort()).toEqual(rules.map((rule) => `${rule.id}.md`).sort());
  });

  describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
    const url = new URL(`${id}.md`, docs);
    const page = existsSync(url) ? readFileSync(url, 'utf8') : '';

    it('has the title, the summary from the rule table and the four sections', () => {
      expect(page.startsWith(`# ${id}\n\n${rule.summary}.\n`)).toBe(true);
      for (const heading of ['Why', 'Not ok', 'Ok', 'Fix'])
        expect(page).toContain(`\n## ${heading}\n`);
    });

    it(`has ${languages[rule.category].join(' or ')} examples`, () => {
      for (const heading of ['Not ok', 'Ok']) {
        const found = examples(page, heading);
        expect(found.length, heading).toBeGreaterThan(0);
        for (const example of found) expect(languages[rule.category]).toContain(example.lang);
      }
    });

    it('reports the not-ok example and not the ok one', async () => {
      if (rule.category === 'file') {
        for (const example of [...examples(page, 'Not ok'), ...examples(page, 'Ok')]) {
          // Only a crash and a race with another writer cannot be shown by a session that runs.
          if (example.options.run === false)
            expect(['internal-error', 'fix-conflict']).toContain(id);
        }
        for (const example of examples(page, 'Not ok')) {
          expect(await runSession(example)).toContain(id);
        }
        for (const example of examples(page, 'Ok')) {
          expect(await runSession(example)).not.toContain(id);
        }
        return;
      }
      const runner = runners[rule.category];
      for (const example of examples(page, 'Not ok')) {
        expect(runner(example, rule).map((d) => d.ruleId)).toContain(id);
      }
      for (const example of examples(page, 'Ok')) {
        expect(runner(example, rule).map((d) => d.ruleId)).not.toContain(id);
      }
    });
  });
});
