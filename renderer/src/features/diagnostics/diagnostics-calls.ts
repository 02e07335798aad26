import type { ContractClient } from '../../../../common/client.js';

/** Help › Diagnostics: the host's snapshot of call timings, slow statements, queues and threads. */
export function diagnosticsCalls(client: ContractClient) {
  return {
    snapshot: () => client.call('diagnostics.get', {}),
  };
}
