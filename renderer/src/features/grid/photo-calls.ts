import type { ContractClient } from '../../../../common/client.js';
import type { MethodInput } from '../../../../common/contract.js';

/** The photo column's settings dialog: the photo cache's state and its settings. */
export function photoCalls(client: ContractClient) {
  return {
    status: () => client.call('photos.status', {}),
    configure: (change: MethodInput<'photos.configure'>) => client.call('photos.configure', change),
  };
}
