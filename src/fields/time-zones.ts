/**
 * Time-zone names printed in news copy, and the zone each stands for: an IANA zone when the
 * abbreviation follows daylight saving time (`ET` is -05:00 in January and -04:00 in October), or a
 * fixed offset when the abbreviation already says which half of the year it is (`EDT`, `BST`).
 */
export interface ZoneEntry {
  /** IANA zone or fixed offset (`±HH:MM`). */
  zone: string;
  /** Other readings of an ambiguous abbreviation, keyed by the locale hints that select them. */
  alternatives?: ReadonlyArray<{ locales: readonly string[]; zone: string }>;
  /** Locales for which the default reading is expected (no note is added). */
  locales?: readonly string[];
}

/**
 * The abbreviations with one reading, by zone: each `|`-separated group is an IANA zone or fixed
 * offset, then the abbreviations that stand for it.
 */
const singleZones =
  '+00:00 UTC GMT UT Z WET|' +
  'America/New_York ET|' +
  '-05:00 EST CDT|' +
  '-04:00 EDT|' +
  'America/Chicago CT|' +
  'America/Denver MT|' +
  '-07:00 MST PDT|' +
  '-06:00 MDT|' +
  'America/Los_Angeles PT|' +
  '-08:00 PST AKDT|' +
  'America/Anchorage AKT|' +
  '-09:00 AKST|' +
  'Pacific/Honolulu HT|' +
  '-10:00 HST|' +
  'America/Halifax AT|' +
  '-03:00 ADT BRT ART|' +
  '-03:30 NST|' +
  '-02:30 NDT|' +
  '+01:00 WEST CET MEZ WAT|' +
  '+02:00 CEST MESZ EET SAST CAT|' +
  '+03:00 EEST MSK EAT|' +
  '+05:00 PKT|' +
  '+07:00 ICT WIB|' +
  '+08:00 SGT HKT PHT AWST|' +
  '+09:00 JST KST|' +
  '+09:30 ACST|' +
  '+10:30 ACDT|' +
  '+10:00 AEST|' +
  '+11:00 AEDT|' +
  '+12:00 NZST|' +
  '+13:00 NZDT';

/** Upper-case abbreviations, matched case-sensitively (`ET`, never the French `et`). */
export const zoneAbbreviations: ReadonlyMap<string, ZoneEntry> = new Map<string, ZoneEntry>([
  ...singleZones.split('|').flatMap((group) => {
    const [zone, ...abbreviations] = group.split(' ');
    return abbreviations.map((abbreviation) => [abbreviation, { zone: zone! }] as const);
  }),
  [
    'CST',
    {
      zone: '-06:00',
      locales: ['en-US', 'en-CA', 'es-MX'],
      alternatives: [
        { locales: ['zh', 'en-CN', 'zh-CN', 'zh-Hans'], zone: '+08:00' },
        { locales: ['es-CU', 'en-CU'], zone: '-05:00' },
      ],
    },
  ],
  [
    'BST',
    {
      zone: '+01:00',
      locales: ['en-GB', 'en-IE', 'cy', 'gd'],
      alternatives: [{ locales: ['bn', 'en-BD', 'bn-BD'], zone: '+06:00' }],
    },
  ],
  [
    'IST',
    {
      zone: '+05:30',
      locales: ['en-IN', 'hi', 'hi-IN'],
      alternatives: [
        { locales: ['en-IE', 'ga', 'ga-IE'], zone: '+01:00' },
        { locales: ['he', 'en-IL', 'he-IL', 'ar-IL'], zone: '+02:00' },
      ],
    },
  ],
]);

/**
 * Spelled-out zone names, matched lower-case, longest first (`Eastern Standard Time`, `Eastern
 * time`): one `name=zone` entry a line, the zone an IANA zone or a fixed offset.
 */
export const zoneNames: ReadonlyMap<string, string> = new Map(
  (
    'eastern standard time=-05:00|' +
    'eastern daylight time=-04:00|' +
    'eastern time=America/New_York|' +
    'central standard time=-06:00|' +
    'central daylight time=-05:00|' +
    'central time=America/Chicago|' +
    'mountain standard time=-07:00|' +
    'mountain daylight time=-06:00|' +
    'mountain time=America/Denver|' +
    'pacific standard time=-08:00|' +
    'pacific daylight time=-07:00|' +
    'pacific time=America/Los_Angeles|' +
    'british summer time=+01:00|' +
    'greenwich mean time=+00:00|' +
    'coordinated universal time=+00:00|' +
    'central european time=+01:00|' +
    'central european summer time=+02:00|' +
    'uk time=Europe/London|' +
    'london time=Europe/London|' +
    'paris time=Europe/Paris|' +
    'berlin time=Europe/Berlin|' +
    'moscow time=Europe/Moscow|' +
    'tokyo time=Asia/Tokyo|' +
    'hong kong time=Asia/Hong_Kong|' +
    'new york time=America/New_York'
  )
    .split('|')
    .map((entry) => entry.split('=') as [string, string]),
);

/** The most words a spelled-out zone name has. */
export const zoneNameMaxWords = 4;

/** A zone abbreviation resolved with a locale hint. */
export interface ResolvedZone {
  zone: string;
  /** Set when an ambiguous abbreviation fell back to its default reading ({@link ambiguousZoneNote}). */
  ambiguous?: true;
}

function localeMatches(locale: string, candidates: readonly string[]): boolean {
  const lower = locale.toLowerCase();
  return candidates.some((candidate) => {
    const c = candidate.toLowerCase();
    return lower === c || lower.startsWith(`${c}-`);
  });
}

/**
 * Resolves a zone abbreviation, using `locale` for ambiguous ones (`IST`, `CST`, `BST`).
 * Returns `undefined` for an unknown abbreviation.
 *
 * @example
 * resolveZoneAbbreviation('IST', 'en-IE') //=> { zone: '+01:00' }
 * resolveZoneAbbreviation('IST') //=> { zone: '+05:30', ambiguous: true }
 */
export function resolveZoneAbbreviation(
  abbreviation: string,
  locale?: string,
): ResolvedZone | undefined {
  const entry = zoneAbbreviations.get(abbreviation);
  if (!entry) return undefined;
  if (!entry.alternatives) return { zone: entry.zone };
  if (locale) {
    for (const alternative of entry.alternatives) {
      if (localeMatches(locale, alternative.locales)) return { zone: alternative.zone };
    }
    if (entry.locales && localeMatches(locale, entry.locales)) return { zone: entry.zone };
  }
  return { zone: entry.zone, ambiguous: true };
}

/**
 * How the note on an ambiguous abbreviation names its readings, `|`-separated: the default
 * reading, then its alternatives, in {@link zoneAbbreviations}' order. Only the public date
 * parsers' notes use them (`parseText` shows no notes).
 */
const readingNames: Readonly<Record<string, string>> = {
  CST: 'US Central Standard Time (-06:00)|China Standard Time (+08:00)|Cuba Standard Time (-05:00)',
  BST: 'British Summer Time (+01:00)|Bangladesh Standard Time (+06:00)',
  IST: 'India Standard Time (+05:30)|Irish Standard Time (+01:00)|Israel Standard Time (+02:00)',
};

/**
 * The note on an ambiguous abbreviation read by default: which reading was taken, the others,
 * and how to choose.
 *
 * @example
 * ambiguousZoneNote('BST') //=> 'Ambiguous `BST` read as British Summer Time (+01:00); it can also mean Bangladesh Standard Time (+06:00): pass `locale` to choose'
 */
export function ambiguousZoneNote(abbreviation: string): string {
  const [taken, ...others] = readingNames[abbreviation]!.split('|');
  return `Ambiguous \`${abbreviation}\` read as ${taken}; it can also mean ${others.join(' or ')}: pass \`locale\` to choose`;
}
