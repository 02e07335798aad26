import type { ContractClient } from '../../../../common/client.js';
import type { UpdateState } from '../../../../common/desktop-types.js';

/** The desktop updater's state and "Restart to update"; only the Electron shell answers these. */
export function updateCalls(client: ContractClient) {
  return {
    state: () => client.call('update.getState', {}),
    onState: (handler: (state: UpdateState) => void) => client.on('update.state', handler),
    install: () => client.call('update.install', {}),
  };
}
