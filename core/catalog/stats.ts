import type { CatalogStats } from '../../common/contract.js';
import type { Catalog } from './open-catalog.js';
import { selectRows } from './run-compiled.js';

/** O(1) at any catalog size: reads the trigger-maintained counters, never the listings. */
export function readStats(catalog: Catalog): CatalogStats {
  const counts = selectRows(
    catalog.db,
    catalog.kysely.selectFrom('listing_counts').select(['marketplace', 'status', 'n']).where('n', '>', 0),
  );
  const stats: CatalogStats = { listings: 0, byMarketplace: {}, byStatus: {} };
  for (const { marketplace, status, n } of counts) {
    stats.listings += n;
    stats.byMarketplace[marketplace] = (stats.byMarketplace[marketplace] ?? 0) + n;
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + n;
  }
  return stats;
}
