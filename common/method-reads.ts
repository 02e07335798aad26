import { contract } from './contract.js';
import type { MethodName } from './contract-names.js';

/**
 * Does this call only read, on a grid reader? Decided by the contract's `runs`, nothing else:
 * a read can wait for a reconnect and be sent then; anything else (a write, a long background
 * read, a host or shell call) fails at once while the connection is down.
 */
export function isRead(method: MethodName): boolean {
  return contract[method].runs === 'reader';
}
