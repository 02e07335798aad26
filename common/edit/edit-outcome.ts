import type { ListingChanges } from '../edit-types.js';

/**
 * What a bulk edit does to one listing: nothing (null), these changes, or a problem that leaves the
 * listing unchanged (the message says why, for the preview and the result).
 */
export type EditOutcome = ListingChanges | EditProblem | null;

export interface EditProblem {
  problem: string;
}

export function isEditProblem(outcome: EditOutcome): outcome is EditProblem {
  return outcome !== null && Object.hasOwn(outcome, 'problem');
}
