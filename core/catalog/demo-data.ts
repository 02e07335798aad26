import type { Catalog } from './open-catalog.js';
import { makeDemoListing } from './demo-listing.js';
import { withSortIndexesDeferred } from './bulk-load.js';
import { prepareListingBatchWriter, type NewListing } from './insert-listings.js';
import { catalogQuery } from './query-builder.js';
import { selectFirstRow } from './run-compiled.js';
import { SeededRandom } from './seeded-random.js';

export interface DemoDataOptions {
  count: number;
  /** Same seed (and same starting catalog) → same listings. */
  seed?: number;
  /** The "today" dates are spread back from; tests pin it to make whole rows reproducible. */
  now?: number;
  /** Called after every committed batch. */
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_DEMO_SEED = 1;

/** ~10k rows per transaction keeps the WAL at a few MB instead of growing to the database size. */
const BATCH_SIZE = 10_000;

/**
 * Appends `count` realistic listings (with variants) through the bulk insert path, one
 * transaction per batch, so a crash keeps every finished batch and readers see progress.
 */
export function generateDemoData(catalog: Catalog, options: DemoDataOptions): { inserted: number } {
  const { db } = catalog;
  const rng = new SeededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const now = options.now ?? Date.now();
  const writer = prepareListingBatchWriter(db);
  // Sequences continue after the highest id, keeping marketplace ids unique across repeated runs.
  const highest = selectFirstRow(db, catalogQuery.selectFrom('listings').select((listing) => listing.fn.max('id').as('id')))?.id ?? null;
  const firstSequence = (highest ?? 0) + 1;

  const insertBatch = db.transaction((from: number, to: number) => {
    const batch: NewListing[] = [];
    for (let index = from; index < to; index++) batch.push(makeDemoListing(rng, firstSequence + index, now));
    writer.insertBatch(batch);
  });

  let done = 0;
  withSortIndexesDeferred(db, options.count, () => {
    while (done < options.count) {
      const to = Math.min(done + BATCH_SIZE, options.count);
      insertBatch.immediate(done, to);
      done = to;
      options.onProgress?.(done, options.count);
    }
  });
  return { inserted: done };
}
