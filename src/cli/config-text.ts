import path from 'node:path';
import jsonc from 'jsonc-parser';
import { parseDocument } from 'yaml';
import { fileDiagnostic } from '../lint/file-rules.js';
// Precise modules, not the index files: the main thread of the CLI loads no article
// schema, no lint check and no zod until a configuration is found (a cached rerun is
// mostly start-up).
import { rules as ruleTable } from '../lint/rules.js';
import { yamlToData } from '../markdown/yaml-data.js';
import type { ArticlePath, Diagnostic } from '../schema/diagnostic.js';
import { createLineIndex, type LineIndex } from '../schema/line-index.js';
import { type SourceMap, setSource } from '../schema/source-map.js';
import type { Config } from './config.js';
import { didYouMean } from './did-you-mean.js';
import { documentSources } from './yaml-sources.js';

/** The files looked for, in this order, in each folder from the working directory up. */
export const configFileNames = [
  'nutgraf.config.json',
  'nutgraf.config.jsonc',
  'nutgraf.config.yaml',
  'nutgraf.config.yml',
  '.nutgrafrc',
  '.nutgrafrc.json',
  '.nutgrafrc.jsonc',
  '.nutgrafrc.yaml',
  '.nutgrafrc.yml',
  'package.json',
] as const;

/** A loaded configuration, or the diagnostics that explain why it could not be loaded. */
export interface LoadedConfig {
  config: Config;
  /** The file it came from, when one was found. */
  file?: string;
  /** The folder paths in the configuration are relative to: the file's, or the working directory. */
  directory?: string;
  /** Problems with the file; non-empty means the run must stop with exit code 2. */
  diagnostics: Diagnostic[];
}

export function configError(
  file: string,
  message: string,
  place?: Diagnostic['place'],
): Diagnostic {
  return fileDiagnostic('invalid-config', message, file, place);
}

/** jsonc-parser's error codes, in words. */
const jsonErrors: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected `:`',
  CommaExpected: 'Expected `,`',
  CloseBraceExpected: 'Expected `}`',
  CloseBracketExpected: 'Expected `]`',
  EndOfFileExpected: 'Expected the end of the file',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unclosed comment',
  UnexpectedEndOfString: 'Unclosed string',
  UnexpectedEndOfNumber: 'Unfinished number',
  InvalidUnicode: 'Invalid Unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in a string',
};

/** Parsed configuration text: its value and where each key is, or its syntax errors. */
export interface ParsedText {
  value?: unknown;
  sources: SourceMap;
  diagnostics: Diagnostic[];
}

/** Positions of the keys and items of a jsonc-parser tree, as yaml-sources gives them for YAML. */
function jsoncSources(root: jsonc.Node | undefined, lines: LineIndex): SourceMap {
  const sources: SourceMap = {};
  if (!root) return sources;
  sources.place = lines.range(root.offset, root.offset + root.length);
  const stack: Array<[jsonc.Node, ArticlePath]> = [[root, []]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, prefix] = entry;
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || typeof key.value !== 'string') continue;
        const at = [...prefix, key.value];
        setSource(sources, at, lines.range(property.offset, property.offset + property.length));
        if (value) stack.push([value, at]);
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((item, index) => {
        const at = [...prefix, index];
        setSource(sources, at, lines.range(item.offset, item.offset + item.length));
        stack.push([item, at]);
      });
    }
  }
  return sources;
}

function parseJsonc(text: string, file: string, lines: LineIndex): ParsedText {
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, {
    allowTrailingComma: false,
    disallowComments: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first) {
    const reason = jsonErrors[jsonc.printParseErrorCode(first.error)] ?? 'Syntax error';
    return {
      sources: {},
      diagnostics: [
        configError(file, `Cannot parse the configuration: ${reason}`, lines.point(first.offset)),
      ],
    };
  }
  return {
    value: root ? jsonc.getNodeValue(root) : undefined,
    sources: jsoncSources(root, lines),
    diagnostics: [],
  };
}

function parseYaml(text: string, file: string, lines: LineIndex): ParsedText {
  // Duplicate keys are found by yamlToData in one pass, as in frontmatter: `yaml`'s own
  // `uniqueKeys` check compares each key with every key before it (20,000 keys: 33 s).
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const [first] = document.errors;
  if (first) {
    const message = first.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
    return {
      sources: {},
      diagnostics: [
        configError(file, `Cannot parse the configuration: ${message}`, lines.point(first.pos[0])),
      ],
    };
  }
  const duplicate = yamlToData(document.contents, document).problems.find(
    (problem) => problem.kind === 'duplicate',
  );
  if (duplicate) {
    const firstLine = duplicate.firstRange ? lines.point(duplicate.firstRange[0]).line : undefined;
    return {
      sources: {},
      diagnostics: [
        configError(
          file,
          `Cannot parse the configuration: Unexpected duplicate key \`${duplicate.message}\`, expected each key once${firstLine === undefined ? '' : ` (the first is on line ${firstLine})`}`,
          duplicate.range ? lines.point(duplicate.range[0]) : undefined,
        ),
      ],
    };
  }
  return {
    value: document.toJS({ maxAliasCount: 100 }),
    sources: documentSources(document, lines),
    diagnostics: [],
  };
}

const yamlExtensions = new Set(['.yaml', '.yml']);

/** Parse configuration text by its file name: YAML for `.yaml`/`.yml`, and for `.nutgrafrc` unless it starts with `{`; JSON with comments otherwise. */
export function parseText(text: string, file: string): ParsedText {
  const body = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const lines = createLineIndex(body);
  const extension = path.extname(file).toLowerCase();
  const yaml =
    yamlExtensions.has(extension) || (extension === '' && !body.trimStart().startsWith('{'));
  return yaml ? parseYaml(body, file, lines) : parseJsonc(body, file, lines);
}

export const knownRuleIds = new Set(ruleTable.map((rule) => rule.id));

/**
 * The message for a rule id that no rule has, with the closest known id when there is one.
 *
 * @example
 * unknownRuleMessage('mising-image') //=> 'Unknown rule `mising-image`: did you mean `missing-image`?'
 */
export function unknownRuleMessage(id: string): string {
  const guess = didYouMean(id, knownRuleIds);
  return `Unknown rule \`${id}\`${guess ? `: did you mean \`${guess}\`?` : ': see the rules table in the README'}`;
}

/** Whether a rule id names a rule. */
export function isKnownRule(id: string): boolean {
  return knownRuleIds.has(id);
}

/** The levels a rule can be set to, in a config file or with `--rule`. */
export const ruleLevels: ReadonlySet<string> = new Set(['off', 'info', 'warn', 'warning', 'error']);
