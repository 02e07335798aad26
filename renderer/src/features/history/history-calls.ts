import type { ContractClient } from '../../../../common/client.js';

/** A listing's History tab: its revisions, reverting one, and catalog changes that refresh it. */
export function historyCalls(client: ContractClient) {
  return {
    revisions: (id: number, limit: number) => client.call('listing.history', { id, limit }),
    revert: (revisionId: number) => client.call('revision.revert', { revisionId }),
    onCatalogChanged: (handler: () => void) => client.on('catalog.changed', handler),
  };
}
