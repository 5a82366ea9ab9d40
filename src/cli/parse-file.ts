import type { Readable } from 'node:stream';
import { fileDiagnostic } from '../lint/file-rules.js';
import { type FileOutcome, parseDiagnostics, type Settings } from './check-file.js';
import { checkSource } from './check-source.js';
import { formatOfFile, type InputFormat } from './detect-format.js';
import * as engines from './engines.js';
import type { InputFile } from './expand-paths.js';
import { memoryGuard } from './file-budget.js';
import { type ReadResult, readInput, readStream } from './read-input.js';

/** What `nutgraf parse` prints: `--to` and its variants. */
export interface ParseOutput {
  /** The input format (from `--from`); by each file's extension when not given. */
  from?: InputFormat | undefined;
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
  const from = parse.from ?? (isStdin ? settings.stdinFormat : formatOfFile(input.absolute));
  if (!from) {
    return {
      result: {
        file,
        diagnostics: [
          fileDiagnostic('unsupported-format', `Cannot tell the format of \`${file}\``, file),
        ],
      },
      diff: '',
    };
  }
  const html = from === 'html';
  const read: ReadResult = isStdin
    ? stdin
      ? await readStream(stdin, file, { maxFileSize: settings.maxFileSize, html })
      : { text: '' }
    : await readInput(input.absolute, file, { maxFileSize: settings.maxFileSize, html });
  if ('diagnostic' in read) {
    return { result: { file, diagnostics: [read.diagnostic] }, diff: '' };
  }
  const tooLarge = memoryGuard(read.text, from, file);
  if (tooLarge) return { result: { file, diagnostics: [tooLarge] }, diff: '', crashed: true };
  // HTML is read with parseHtml: the page's metadata and the story it shows.
  const checked = html
    ? engines.parseHtml(read.bytes ?? read.text, {
        file,
        ...(settings.timeZone !== undefined ? { timeZone: settings.timeZone } : {}),
      })
    : checkSource(read.text, from, {
        file,
        timeZone: settings.timeZone,
        ...engines.siteOptionsOf(settings),
        lint: false,
      });
  // As `check` reports them: `--rule` settings, then `--quiet` and `--verbose`.
  const diagnostics = parseDiagnostics(checked.diagnostics, settings);
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
