import type { ContractClient } from '../../../../common/client.js';
import type { MethodInput } from '../../../../common/contract.js';

/** Bulk edit's preview and apply, and a listing's currency for prices the grid has not loaded. */
export function editCalls(client: ContractClient) {
  return {
    bulkPreview: (input: MethodInput<'bulk.preview'>) => client.call('bulk.preview', input),
    bulkApply: (input: MethodInput<'bulk.apply'>) => client.call('bulk.apply', input),
    listing: (id: number) => client.call('listing.get', { id }),
  };
}
