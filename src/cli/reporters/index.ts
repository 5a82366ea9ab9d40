import type { RuleInfo } from '../engines.js';
import type { ReportInput } from '../types.js';
import { reportGithub } from './github.js';
import { reportJson } from './json.js';
import { reportSarif } from './sarif.js';
import { reportStylish } from './stylish.js';

/** A reporter: a pure function from results to the text to print. */
export type Reporter = (input: Readonly<ReportInput>, rules: readonly RuleInfo[]) => string;

/** `--format` names → reporters. */
export const reporters = {
  stylish: (input) => reportStylish(input),
  json: (input) => reportJson(input),
  github: (input) => reportGithub(input),
  sarif: (input, rules) => reportSarif(input, { rules }),
} as const satisfies Record<string, Reporter>;

/** A `--format` name. */
export type FormatName = keyof typeof reporters;

export { escapeData, escapeProperty, reportGithub } from './github.js';
export { reportJson } from './json.js';
export { type ReportSarifOptions, reportSarif } from './sarif.js';
export { reportStylish } from './stylish.js';
