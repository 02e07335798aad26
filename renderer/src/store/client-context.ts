import { createContext, useContext } from 'react';
import type { ContractClient } from '../../../common/client.js';

/**
 * The typed contract client for components and feature stores that call the core directly
 * (editor, bulk edit, history, dashboard, backups). main.tsx provides it next to the app store.
 */
export const ClientContext = createContext<ContractClient | null>(null);

export function useClient(): ContractClient {
  const client = useContext(ClientContext);
  if (client === null) throw new Error('ClientContext is missing');
  return client;
}
