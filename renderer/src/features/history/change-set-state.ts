import type { ChangeSetState } from '../../../../common/edit-types.js';

/**
 * How history names a change that is no longer applied. The core's 'discarded' is a change the
 * seller undid before making a new one (which ended its redo): to the seller it was undone.
 */
export const CHANGE_SET_STATE_LABELS: Readonly<Record<Exclude<ChangeSetState, 'applied'>, { label: string; hint: string }>> = {
  undone: { label: 'Undone', hint: 'Undone — Redo brings it back' },
  discarded: { label: 'Undone', hint: 'Undone, then a newer change was made, so it can no longer be redone' },
};
