/** A run of white space (line breaks, tabs and no-break spaces included). */
const whiteSpaceRun = /\s+/g;

/**
 * Text as an Article field holds it: runs of white space (line breaks of block scalars and
 * hard-wrapped lines included) read as one space, trimmed.
 *
 * @example
 * collapseWhiteSpace('  Night\n ferries\t') //=> 'Night ferries'
 */
export function collapseWhiteSpace(value: string): string {
  return value.replace(whiteSpaceRun, ' ').trim();
}
