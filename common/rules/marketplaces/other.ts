/** 'other' (generic CSV/JSON): no marketplace, so no rules; every listing scores 100. */
import type { RuleDef } from '../types.js';

export const OTHER_RULES: readonly RuleDef[] = [];
