import type { ContractClient } from '../../../../common/client.js';
import type { Scope } from '../../../../common/contract.js';

/** Deleting listings: what a scope holds now, and the one undoable delete (the window follows up in delete-slice.ts). */
export function deleteCalls(client: ContractClient) {
  return {
    preview: (scope: Scope) => client.call('listings.deletePreview', { scope }),
    remove: (scope: Scope) => client.call('listings.delete', { scope }),
  };
}
