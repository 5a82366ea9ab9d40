/** The characters that are unsafe inside a `<script>` element, and their JSON escapes. */
const unsafe = /[<>&\u2028\u2029]/g;
const escapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Serialize a value as JSON that is safe to place inside
 * `<script type="application/ld+json">`: `<`, `>`, `&`, U+2028 and U+2029 are written as
 * `\uXXXX` escapes, so no `</script`, `<!--` or `]]>` can appear in the text. Lossless:
 * `JSON.parse` gives back exactly the value (lone surrogates are escaped by `JSON.stringify`
 * itself). Never HTML-entity-encodes the data.
 *
 * Throws a `TypeError` only for values JSON cannot hold (`undefined`, a function, a cycle,
 * a `BigInt`).
 *
 * @example
 * serializeJsonLd({ headline: 'A </script> B' })
 * //=> '{"headline":"A \\u003c/script\\u003e B"}'
 */
export function serializeJsonLd(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(
      `Expected \`value\` to be JSON-serializable: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof text !== 'string') {
    throw new TypeError('Expected `value` to be JSON-serializable, got `undefined` or a function');
  }
  return text.replace(unsafe, (character) => escapes[character] ?? character);
}
