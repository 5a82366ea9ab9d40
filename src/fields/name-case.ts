/** Particles kept lower-case inside a name (`van der Berg`, `de la Cruz`), unless they start it. */
const particles = new Set(
  'af al bin bint da dalla das de degli dei del della der di do dos du el ibn la le lo of ten ter van vande vanden vander von y zu'.split(
    ' ',
  ),
);

/**
 * Whether a lower-case word is a name particle (`van`, `de`, `la`, `von`, `al`) rather than a name.
 *
 * @example
 * isParticle('van') //=> true
 * isParticle('ruiz') //=> false
 */
export function isParticle(word: string): boolean {
  return particles.has(word);
}

/** Words after `Mac` that are whole names, not `Mac` + name (`Mack`, `Machado`). */
const macExceptions = new Set(
  'mac mace macey machado machen machin macias mack mackie macklin macy macon macri macario maccio macedo macha machala mackey'.split(
    ' ',
  ),
);

/** Roman numerals and letter suffixes that stay upper-case. */
const upperTokens = new Set('ii iii iv vi vii viii phd md ma mba rn dds jd bsc msc'.split(' '));

const upperLetter = /\p{Lu}/u;
const lowerLetter = /\p{Ll}/u;
const wordPattern = /[\p{L}\p{M}'’]+/gu;

function capitalize(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  const upper = first.toUpperCase();
  // `ß` upper-cases to `SS`: keep letters whose upper case is longer as they are.
  return (upper.length === first.length ? upper : first) + word.slice(first.length).toLowerCase();
}

function caseWord(word: string, index: number): string {
  const lower = word.toLowerCase();
  if (index > 0 && particles.has(lower)) return lower;
  if (upperTokens.has(lower)) return lower === 'phd' ? 'PhD' : word.toUpperCase();
  const apostrophe = /^([\p{L}])['’](\p{L}.*)$/u.exec(word);
  if (apostrophe?.[1] && apostrophe[2]) {
    // O'Neil, D'Angelo, but l'Amour keeps its particle lower-case after the first word.
    const head = apostrophe[1].toLowerCase();
    const headCased = index > 0 && (head === 'd' || head === 'l') ? head : head.toUpperCase();
    return `${headCased}${word.charAt(1)}${capitalize(apostrophe[2])}`;
  }
  if (lower.startsWith('mc') && lower.length > 3) {
    return `Mc${capitalize(lower.slice(2))}`;
  }
  if (lower.startsWith('mac') && lower.length > 5 && !macExceptions.has(lower)) {
    return `Mac${capitalize(lower.slice(3))}`;
  }
  return capitalize(word);
}

/**
 * Turns an ALL-CAPS (or all lower-case) name into its usual case: `JOHN MCDONALD` → `John McDonald`,
 * `SEAN O'NEIL` → `Sean O'Neil`, `ANA VAN DER BERG` → `Ana van der Berg`, `MARY-JANE DE LA CRUZ` →
 * `Mary-Jane de la Cruz`. Names that already mix cases, and scripts without case, are returned
 * unchanged, so the function is safe to call on any name (and idempotent).
 *
 * @example
 * toNameCase('ELLEN MACLEOD') //=> 'Ellen MacLeod'
 * toNameCase('Ana de la Cruz') //=> 'Ana de la Cruz' (already cased)
 * toNameCase('李娜') //=> '李娜'
 */
export function toNameCase(name: string): string {
  if (typeof name !== 'string') throw new TypeError('Expected `name` to be a string');
  return toNameCaseUnchecked(name);
}

/** {@link toNameCase} without its argument check, for callers whose arguments are typed (the checks' messages stay out of `nutgraf/text`). */
export function toNameCaseUnchecked(name: string): string {
  const hasUpper = upperLetter.test(name);
  const hasLower = lowerLetter.test(name);
  if (hasUpper === hasLower) return name; // mixed case, or no cased letters at all
  let index = 0;
  return name.replace(wordPattern, (word) => caseWord(word, index++));
}
