import { readDashboardStats } from '../catalog/dashboard-stats.js';
import type { Catalog } from '../catalog/open-catalog.js';
import type { Handlers } from './handlers-type.js';

type DashboardHandlers = Pick<Handlers, 'dashboard.stats'>;

/** The dashboard: a read of counters kept by triggers, served by a reader like the grid. */
export function createDashboardHandlers(catalog: Catalog): DashboardHandlers {
  return {
    'dashboard.stats': () => readDashboardStats(catalog),
  };
}
