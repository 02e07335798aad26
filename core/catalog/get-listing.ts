import type { Listing } from '../../common/listing.js';
import { listingFromRows } from './listing-codec.js';
import type { Catalog } from './open-catalog.js';
import { selectFirstRow, selectRows } from './run-compiled.js';

/** The full listing with its variants in display order, or null when no listing has this id. */
export function getListing(catalog: Catalog, id: number): Listing | null {
  const { db, kysely } = catalog;
  // Both reads in one transaction so the variants belong to the listing version just read.
  return db.transaction(() => {
    const row = selectFirstRow(db, kysely.selectFrom('listing_rows').selectAll().where('id', '=', id));
    if (!row) return null;
    const variants = selectRows(
      db,
      kysely.selectFrom('variants').selectAll().where('listing_id', '=', id).orderBy('position').orderBy('id'),
    );
    const source = selectFirstRow(db, kysely.selectFrom('listing_sources').select('data').where('listing_id', '=', id));
    return listingFromRows(row, variants, source?.data);
  })();
}
