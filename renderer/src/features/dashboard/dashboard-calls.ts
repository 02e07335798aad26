import type { ContractClient } from '../../../../common/client.js';

/** The dashboard's numbers and the catalog changes that refresh them. */
export function dashboardCalls(client: ContractClient) {
  return {
    stats: () => client.call('dashboard.stats', {}),
    onCatalogChanged: (handler: () => void) => client.on('catalog.changed', handler),
  };
}

export type DashboardCalls = ReturnType<typeof dashboardCalls>;
