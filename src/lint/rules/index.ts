import type { RuleCheck } from '../types.js';
import { editorialChecks } from './editorial.js';
import { googleChecks } from './google.js';

/** The checks of the lint rules, by rule id (parser rules have no check here). */
export const checks: Readonly<Record<string, RuleCheck>> = {
  ...googleChecks,
  ...editorialChecks,
};
