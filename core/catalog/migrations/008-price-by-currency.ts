import type { Migration } from './migration.js';

/**
 * Issue 17 (item 7): sorting by price put $5, £6 and €7 in one sequence by raw number, which says
 * nothing across currencies. The grid now sorts by currency, then amount; the price index becomes
 * (currency, price_minor) under the same name, so the sort stays one index walk (no temp B-tree)
 * and the bulk-load / bulk-delete code that drops and rebuilds it by name keeps working.
 *
 * A crashed bulk load may have left the old definition pending: it is forgotten here, or the
 * writer would recreate the old shape on the next open.
 */
export const priceByCurrency: Migration = {
  version: 8,
  name: 'price-by-currency',
  up(db) {
    db.exec(`
DROP INDEX IF EXISTS listing_offers_price;
DELETE FROM pending_indexes WHERE name = 'listing_offers_price';
CREATE INDEX listing_offers_price ON listing_offers (currency, price_minor);
`);
  },
};
