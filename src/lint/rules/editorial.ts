import type { RuleCheck } from '../types.js';

/** Checks of the editorial rules, by rule id. */
export const editorialChecks: Readonly<Record<string, RuleCheck>> = {};
