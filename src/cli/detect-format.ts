/** The kinds of input the CLI reads. */
export type InputFormat = 'markdown' | 'text' | 'json' | 'html';

/** Extensions (lower case, with dot) → input format: one table read by `check`, `parse` and folder search. */
export const formatByExtension: Readonly<Record<string, InputFormat>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mdx': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.json': 'json',
  '.jsonld': 'json',
  '.html': 'html',
  '.htm': 'html',
};

/** The format of a file name by its extension, or `undefined` when nutgraf does not read it. */
export function formatOfFile(file: string): InputFormat | undefined {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  const dot = file.lastIndexOf('.');
  if (dot <= slash + 1) return undefined;
  return formatByExtension[file.slice(dot).toLowerCase()];
}

/** JSON-LD keywords that tell a JSON-LD document from an Article JSON file. */
const jsonLdKeys = ['@context', '@type', '@graph', '@id'];

function isJsonLdNode(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    jsonLdKeys.some((key) => key in value)
  );
}

/**
 * Whether parsed JSON is JSON-LD (a node with `@context`, `@type`, `@graph` or `@id`, or an
 * array of such nodes) rather than an Article in nutgraf's JSON form.
 *
 * @example
 * isJsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle' }) //=> true
 * isJsonLd({ headline: 'Hi', body: [] }) //=> false
 */
export function isJsonLd(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && value.every(isJsonLdNode);
  return isJsonLdNode(value);
}
