import { createContext, useContext, useMemo } from 'react';
import type { ContractClient } from '../../../common/client.js';

/**
 * The typed contract client, for the feature stores built on it (editor, jobs) and for `useCalls`.
 * main.tsx provides it next to the app store.
 */
export const ClientContext = createContext<ContractClient | null>(null);

export function useClient(): ContractClient {
  const client = useContext(ClientContext);
  if (client === null) throw new Error('ClientContext is missing');
  return client;
}

/**
 * A feature's calls (a `<feature>-calls.ts` binder) bound to the app's client: components reach
 * the core through these, never `client.call` with a method name of their own. The same object
 * for as long as the client is, so it can stand in effect dependencies. `bind` must be a
 * module-level function.
 */
export function useCalls<T>(bind: (client: ContractClient) => T): T {
  const client = useClient();
  return useMemo(() => bind(client), [bind, client]);
}
