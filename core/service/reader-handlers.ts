import { createBackupHandlers, defaultBackupDir } from '../backup/backup-handlers.js';
import { getListing } from '../catalog/get-listing.js';
import { readStats } from '../catalog/stats.js';
import { readPhotoSettings } from '../photos/photo-settings.js';
import { readPhotoSources } from '../photos/photo-sources.js';
import { ContractError } from '../../common/result.js';
import { createDashboardHandlers } from './dashboard-handlers.js';
import { createEditHandlers } from './edit-handlers.js';
import { createExportHandlers } from './export-handlers.js';
import type { HandlerDeps } from './handler-deps.js';
import { exactHandlers, pick, type ReaderHandlers } from './handlers-type.js';
import { createImportHandlers } from './import-handlers.js';
import { createJobHandlers } from './job-handlers.js';

/**
 * A reader thread's handlers (the grid readers and the background reader): exactly the methods
 * the contract declares `runs: 'reader'` or `'background'` (ReaderHandlers makes any other a
 * type error); inputs arrive validated.
 */
export function createReaderHandlers({ catalog, views, info }: Omit<HandlerDeps, 'jobs' | 'ai'>): ReaderHandlers {
  return exactHandlers<ReaderHandlers>()({
    'app.info': () => ({
      name: 'Listsmith',
      version: info.appVersion,
      schemaVersion: catalog.schemaVersion,
      databasePath: catalog.path,
      transport: info.transport,
    }),

    'catalog.stats': () => readStats(catalog),

    'grid.open': (query) => views.open(query),

    'grid.rows': ({ viewId, offset, limit }) => views.rows(viewId, offset, limit),

    'grid.close': ({ viewId }) => ({ closed: views.close(viewId) }),

    'listing.get': ({ id }) => {
      const listing = getListing(catalog, id);
      if (!listing) {
        throw new ContractError('not_found', `Listing #${id} is no longer in the catalog; it may have been deleted. Reload the grid to see the current listings.`);
      }
      return listing;
    },

    'photos.settings': () => readPhotoSettings(catalog.db),
    'photos.sources': ({ afterId, limit }) => readPhotoSources(catalog.db, afterId, limit),
    ...pick(createEditHandlers(catalog), 'listing.history', 'history.state', 'bulk.preview', 'listings.deletePreview'),
    ...pick(createImportHandlers(catalog, info.stagingDir), 'import.preview', 'import.report', 'import.presets'),
    ...createExportHandlers(catalog, info.stagingDir),
    ...createDashboardHandlers(catalog),
    ...pick(createJobHandlers(catalog, undefined), 'jobs.list', 'proposals.list'),
    ...createBackupHandlers({ db: catalog.db, backupDir: defaultBackupDir(catalog.path) }),
  });
}
