import type { Migration } from './migration.js';
import { initialSchema } from './001-initial.js';
import { importIdColumn } from './002-import-id.js';
import { qualityAndHistory } from './003-quality-and-history.js';
import { jobQueue } from './004-job-queue.js';
import { aiWritten } from './005-ai-written.js';
import { listingOffers } from './006-listing-offers.js';
import { sourceFidelity } from './007-source-fidelity.js';
import { priceByCurrency } from './008-price-by-currency.js';
import { deferredIndexing } from './009-deferred-indexing.js';
import { jobPause } from './010-job-pause.js';
import { batchCounts } from './011-batch-counts.js';
import { batchScoreCounts } from './012-batch-score-counts.js';

/**
 * Every schema step, in order. Imported statically (no readdir, no dynamic import) so the list
 * works unchanged inside an asar archive and in bundles. Append only; never edit a shipped step.
 */
export const MIGRATIONS: readonly Migration[] = [initialSchema, importIdColumn, qualityAndHistory, jobQueue, aiWritten, listingOffers, sourceFidelity, priceByCurrency, deferredIndexing, jobPause, batchCounts, batchScoreCounts];

export type { Migration } from './migration.js';
