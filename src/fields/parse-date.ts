/** How precise a parsed date is. */
export type DatePrecision = 'day' | 'minute' | 'second';

/**
 * Where the UTC offset of a parsed date came from: printed as an `offset` (`-04:00`, `Z`, `GMT`),
 * resolved from a zone `abbreviation` (`ET`, `BST`), taken from the `timeZone` `option`, or `none`
 * (no zone known: the value is then a calendar date).
 */
export type DateZoneSource = 'offset' | 'abbreviation' | 'option' | 'none';

/** Options for {@link parseDate} and {@link findDate}. */
export interface ParseDateOptions {
  /**
   * IANA time zone used when the text names no zone, e.g. `Europe/Lisbon`.
   * Default: none (a date with a time but no zone is stored as its calendar date).
   */
  timeZone?: string;
  /**
   * The moment relative dates (`2 hours ago`, `Yesterday`, `Tuesday`) and year-less dates count from,
   * as a `Date` or an ISO 8601 string. Default: none (relative dates are not parsed; year-less dates
   * are not parsed).
   */
  referenceDate?: Date | string;
  /**
   * A BCP 47 locale hint for ambiguous zone abbreviations: `IST` is India (+05:30) by default,
   * Ireland with `en-IE`, Israel with `he`/`en-IL`; `CST` is US Central by default, China with
   * `zh`/`en-CN`; `BST` is British Summer Time by default, Bangladesh with `bn`/`en-BD`.
   * Default: none.
   */
  locale?: string;
}

/** A date parsed from text. */
export interface ParsedDate {
  /**
   * ISO 8601, accepted by `isoDateSchema`: `2015-10-20T10:30:00-04:00` when a zone is known,
   * `2015-10-20` when it is not (`zone: 'none'`).
   */
  value: string;
  /** `day` for a calendar date, `minute` or `second` for a time of day. */
  precision: DatePrecision;
  /** Where the offset came from. */
  zone: DateZoneSource;
  /**
   * The label printed before the date, lower-case with the colon removed: `published`, `updated`,
   * `posted`, `last updated`, `first published`, `modified`, `created`.
   */
  label?: string;
  /** The text the date was read from, exactly as printed (label included). */
  text: string;
  /** Why the result may not be what was meant, e.g. an ambiguous zone abbreviation resolved to its default. */
  note?: string;
}

/** A date found inside a longer line by {@link findDate}. */
export interface FoundDate extends ParsedDate {
  /** Where {@link ParsedDate.text} starts in the searched line (0-based, UTF-16 code units). */
  index: number;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses a printed date (ISO 8601, RFC 2822, AP style, UK style, with a label such as `Updated:`)
 * into an ISO 8601 string that keeps its UTC offset. Returns `undefined` when `text` is not a date.
 *
 * @example
 * parseDate('Updated: Oct. 21, 2015 at 3:45 p.m. EDT')
 * //=> { value: '2015-10-21T15:45:00-04:00', precision: 'minute', zone: 'abbreviation', label: 'updated', text: … }
 * parseDate('20 October 2015') //=> { value: '2015-10-20', precision: 'day', zone: 'none', text: '20 October 2015' }
 */
export function parseDate(
  text: string,
  options?: Readonly<ParseDateOptions>,
): ParsedDate | undefined {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  void options;
  const trimmed = text.trim();
  const match = isoPattern.exec(trimmed);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, offset] = match;
  if (hour === undefined || offset === undefined) {
    return { value: `${year}-${month}-${day}`, precision: 'day', zone: 'none', text: trimmed };
  }
  const zone = offset === 'Z' ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2).padStart(2, '0')}`;
  return {
    value: `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${zone}`,
    precision: second === undefined ? 'minute' : 'second',
    zone: 'offset',
    text: trimmed,
  };
}

/**
 * Finds the first date inside a longer line, such as the date glued to a byline
 * (`By Ana Ruiz March 11, 2015 3:46 PM`), and says where it starts.
 *
 * @example
 * findDate('By Ana Ruiz March 11, 2015 3:46 PM', { timeZone: 'America/New_York' })
 * //=> { value: '2015-03-11T15:46:00-04:00', index: 12, text: 'March 11, 2015 3:46 PM', … }
 */
export function findDate(
  text: string,
  options?: Readonly<ParseDateOptions>,
): FoundDate | undefined {
  if (typeof text !== 'string') throw new TypeError('Expected `text` to be a string');
  const parsed = parseDate(text, options);
  return parsed ? { ...parsed, index: text.indexOf(parsed.text) } : undefined;
}
