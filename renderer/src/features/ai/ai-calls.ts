import type { ContractClient } from '../../../../common/client.js';
import type { MethodInput } from '../../../../common/contract.js';

/** The AI settings' calls: the Groq key (set, test, remove), tier and model, and the status with today's usage. */
export function aiCalls(client: ContractClient) {
  return {
    status: () => client.call('ai.status', {}),
    testKey: () => client.call('ai.testKey', {}),
    setKey: (key: string) => client.call('ai.setKey', { key }),
    removeKey: () => client.call('ai.removeKey', {}),
    configure: (change: MethodInput<'ai.configure'>) => client.call('ai.configure', change),
  };
}
