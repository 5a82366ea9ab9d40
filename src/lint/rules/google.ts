import type { RuleCheck } from '../types.js';

/** Checks of the Google Article guidance rules, by rule id. */
export const googleChecks: Readonly<Record<string, RuleCheck>> = {};
