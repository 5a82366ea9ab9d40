import type { Diagnostic, Point, Position } from '../schema/index.js';

/** The problems found in one checked file (or in standard input). */
export interface FileResult {
  /** The file as given or found, relative to the working directory, with `/` separators; `<stdin>` for `-`. */
  file: string;
  /** Every diagnostic kept after rule settings and `--quiet`, sorted by place. */
  diagnostics: Diagnostic[];
  /**
   * With `fix`: the diagnostics that were fixed, each with its `fix` (range in the file as it
   * was read, and the text put there). Absent when nothing was fixed.
   */
  fixed?: Diagnostic[];
}

/** Counts over a run, used by reporters and for the exit code. */
export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

/** What reporters receive. */
export interface ReportInput {
  results: readonly FileResult[];
  /** The working directory, as an absolute path (SARIF uses it as the base URI). */
  cwd: string;
  /** Use colors (stylish only). */
  color?: boolean;
  /** The nutgraf version, for SARIF's `tool.driver.version`. */
  version?: string;
}

/** The start of a diagnostic's place, when it has one. */
export function startOf(place: Point | Position | undefined): Point | undefined {
  if (!place) return undefined;
  return 'start' in place ? place.start : place;
}

/** The end of a diagnostic's place, when it is a range. */
export function endOf(place: Point | Position | undefined): Point | undefined {
  if (!place) return undefined;
  return 'end' in place ? place.end : undefined;
}

/** Count errors, warnings and infos over results. */
export function summarize(results: readonly FileResult[]): Summary {
  const summary: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'error') summary.errors++;
      else if (diagnostic.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

/** Sort diagnostics by line, then column, then rule id (stable, returns a new array). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    const pa = startOf(a.place);
    const pb = startOf(b.place);
    const la = pa?.line ?? 0;
    const lb = pb?.line ?? 0;
    if (la !== lb) return la - lb;
    const ca = pa?.column ?? 0;
    const cb = pb?.column ?? 0;
    if (ca !== cb) return ca - cb;
    return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
  });
}
