/**
 * News agencies and wire services, keyed by a lower-case form of every way they are printed.
 * The value is the name nutgraf stores (`AP`, `Reuters`, `Getty Images`). One agency a line: its
 * canonical name, then the lower-case aliases that name it, `|`-separated.
 */
const agencyTable: readonly string[] = [
  'The Associated Press|associated press|the associated press',
  'AP|ap',
  'Reuters|reuters|thomson reuters',
  'AFP|afp|agence france-presse|agence france presse',
  'dpa|dpa|deutsche presse-agentur',
  'UPI|upi|united press international',
  'Bloomberg|bloomberg|bloomberg news',
  'CNN|cnn',
  'EPA|epa|epa-efe',
  'EFE|efe',
  'ANSA|ansa',
  'PA|pa|pa media|press association|pa wire|pa images',
  'TT|tt',
  'NTB|ntb',
  'Kyodo|kyodo|kyodo news',
  'Xinhua|xinhua',
  'Yonhap|yonhap',
  'Anadolu|anadolu|anadolu agency',
  'ANP|anp',
  'Belga|belga',
  'Lusa|lusa',
  'Getty Images|getty images|getty',
  'Shutterstock|shutterstock',
  'Alamy|alamy',
  'Rex Features|rex|rex features|rex/shutterstock',
  'Corbis|corbis',
  'AAP|aap|australian associated press',
  'Sipa|sipa|sipa press',
  'ZUMA Press|zuma|zuma press|zuma wire',
  'Imago|imago',
  'SOPA Images|sopa images',
  'NurPhoto|nurphoto',
  'LightRocket|lightrocket',
  'Pool|pool',
  'Canadian Press|the canadian press|canadian press',
  'Tribune News Service|tribune news service',
];

const agencies = new Map<string, string>();
for (const line of agencyTable) {
  const [canonical, ...aliases] = line.split('|') as [string, ...string[]];
  for (const alias of aliases) agencies.set(alias, canonical);
}

/**
 * The canonical name of a news agency or picture agency, or `undefined` when `text` is not one.
 *
 * @example
 * agencyName('REUTERS') //=> 'Reuters'
 * agencyName('Agence France-Presse') //=> 'AFP'
 * agencyName('Ana Ruiz') //=> undefined
 */
export function agencyName(text: string): string | undefined {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  return agencyNameUnchecked(text);
}

/** {@link agencyName} without its argument check, for callers whose arguments are typed (the checks' messages stay out of `nutgraf/text`). */
export function agencyNameUnchecked(text: string): string | undefined {
  if (text.length > 60) return undefined;
  const key = text.trim().replace(/\s+/g, ' ').toLowerCase();
  // `Agencia EFE`, `Agência Lusa`, `Agentur dpa`: the agency's name after the word for agency.
  return agencies.get(key) ?? agencies.get(key.replace(agencyWord, ''));
}

/** The word for "agency" in front of an agency's name. */
const agencyWord = /^(?:agencia|agência|agence|agenzia|agentur|agency|agencja) /u;

/**
 * Whether `text` names a news agency or picture agency (`AP`, `Reuters`, `Getty Images`, …).
 *
 * @example
 * isAgency('Associated Press') //=> true
 * isAgency('Lena Moritz') //=> false
 */
export function isAgency(text: string): boolean {
  return agencyName(text) !== undefined;
}
