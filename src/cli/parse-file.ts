import type { Readable } from 'node:stream';
import type { FileOutcome, Settings } from './check-file.js';
import { checkSource } from './check-source.js';
import type { InputFormat } from './detect-format.js';
import * as engines from './engines.js';
import type { InputFile } from './expand-paths.js';
import { memoryGuard } from './file-budget.js';
import { type ReadResult, readInput, readStream } from './read-input.js';
import { sortDiagnostics } from './types.js';

/** What `nutgraf parse` prints: `--to` and its variants. */
export interface ParseOutput {
  /** The input format (from `--from` or the extension). */
  from: InputFormat;
  to: 'json' | 'markdown' | 'jsonld';
  graph: boolean;
  script: boolean;
}

/**
 * Read one file (or standard input) and convert it for `nutgraf parse`: the outcome's
 * `output` is the text to print (none when no article could be read) and its diagnostics
 * the parser's, for standard error. Never throws on bad content.
 *
 * @example
 * const { output } = await parseOne({ absolute: '/a.md', file: 'a.md' }, settings, parse)
 */
export async function parseOne(
  input: InputFile,
  settings: Readonly<Settings>,
  parse: Readonly<ParseOutput>,
  stdin: Readable | undefined,
): Promise<FileOutcome> {
  const isStdin = input.absolute === '-';
  const file = isStdin ? settings.stdinName : input.file;
  const read: ReadResult = isStdin
    ? stdin
      ? await readStream(stdin, file, { maxFileSize: settings.maxFileSize })
      : { text: '' }
    : await readInput(input.absolute, file, { maxFileSize: settings.maxFileSize });
  if ('diagnostic' in read) {
    return { result: { file, diagnostics: [read.diagnostic] }, diff: '' };
  }
  const tooLarge = memoryGuard(read.text, parse.from, file);
  if (tooLarge) return { result: { file, diagnostics: [tooLarge] }, diff: '', crashed: true };
  const checked = checkSource(read.text, parse.from, {
    file,
    timeZone: settings.timeZone,
    ...engines.siteOptionsOf(settings),
    lint: false,
  });
  const diagnostics = sortDiagnostics(checked.diagnostics);
  const article = checked.article;
  if (!article) return { result: { file, diagnostics }, diff: '' };
  const text =
    parse.to === 'json'
      ? JSON.stringify(article, null, 2)
      : parse.to === 'markdown'
        ? engines.toMarkdown(article)
        : parse.script
          ? engines.toJsonLdScript(article, { graph: parse.graph })
          : JSON.stringify(engines.toJsonLd(article, { graph: parse.graph }), null, 2);
  return {
    result: { file, diagnostics },
    diff: '',
    output: text.endsWith('\n') ? text : `${text}\n`,
  };
}
