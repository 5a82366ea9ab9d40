import type { FoundDate, ParseDateOptions } from '../fields/parse-date.js';
import type { ArticleType, Byline, Diagnostic, Section, SourceMap, Wire } from '../schema/index.js';
import type { Unit } from './units.js';

/**
 * What one `parseText` call has read so far. Each step (headline, the lines above it, the
 * metadata under it, the body) is its own function that reads and fills this record, so each
 * stays small (and is compiled early by the JavaScript engine, which large functions are not).
 */
export interface Reading {
  units: readonly Unit[];
  sources: SourceMap;
  diagnostics: Diagnostic[];
  wire: Wire;
  dateOptions: ParseDateOptions;
  headlineIndex: number;
  headline: string;
  type: ArticleType | undefined;
  kicker?: string | undefined;
  section?: Section | undefined;
  byline?: Byline | undefined;
  published?: FoundDate | undefined;
  modified?: FoundDate | undefined;
  /** The unit the byline was chosen from, -1 when none. */
  bylineIndex: number;
  /** The unit the publication date was chosen from, -1 when none. */
  dateIndex: number;
  /** Units below or above the headline read as late metadata, left out of the body. */
  consumed: Set<number>;
}
