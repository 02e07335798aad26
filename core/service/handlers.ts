import { ContractError } from '../../common/result.js';
import { createBackupHandlers, defaultBackupDir } from '../backup/backup-handlers.js';
import { generateDemoData } from '../catalog/demo-data.js';
import { getListing } from '../catalog/get-listing.js';
import type { GridViews } from '../catalog/grid-views.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { readStats } from '../catalog/stats.js';
import { createDashboardHandlers } from './dashboard-handlers.js';
import { createEditHandlers } from './edit-handlers.js';
import { createExportHandlers } from './export-handlers.js';
import type { Handlers } from './handlers-type.js';
import { createImportHandlers } from './import-handlers.js';
import { createJobHandlers } from './job-handlers.js';
import type { JobControl } from '../jobs/job-host.js';
import type { AiService } from '../ai/ai-service.js';
import { createAiHandlers } from './ai-handlers.js';
import { readPhotoSettings, writePhotoSettings } from '../photos/photo-settings.js';
import { readPhotoSources } from '../photos/photo-sources.js';

export interface HandlerDeps {
  catalog: Catalog;
  /** The grid views of this connection (a reader's; unused on the writer). */
  views: GridViews;
  info: { appVersion: string; transport: 'electron' | 'web'; stagingDir: string };
  /** The writer's job runner (absent on readers): wakes it after jobs.start/retry, cancels through it. */
  jobs?: JobControl;
  /** The writer's AI client (absent on readers). */
  ai?: AiService;
}

/** Progress events at most this often: a million-row load must not flood the renderer. */
const PROGRESS_INTERVAL_MS = 250;

/** Every contract method over one catalog connection; inputs arrive already validated. */
export function createHandlers({ catalog, views, info, jobs, ai }: HandlerDeps): Handlers {
  return {
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

    'demo.generate': ({ count, seed }, ctx) => {
      let lastEmit = 0;
      const result = generateDemoData(catalog, {
        count,
        ...(seed === undefined ? {} : { seed }),
        onProgress: (done, total) => {
          const now = Date.now();
          if (done === total || now - lastEmit >= PROGRESS_INTERVAL_MS) {
            lastEmit = now;
            ctx.emit('demo.progress', { done, total });
          }
        },
      });
      ctx.emit('catalog.changed', { reason: 'demo', at: Date.now() });
      return result;
    },

    // A control method: the host aborts the operation's thread itself; a call never gets here.
    'operation.cancel': () => ({ cancelled: false }),

    ...createImportHandlers(catalog, info.stagingDir),
    ...createExportHandlers(catalog, info.stagingDir),
    ...createEditHandlers(catalog),
    ...createDashboardHandlers(catalog),
    ...createJobHandlers(catalog, jobs, ai),
    ...createAiHandlers(ai),
    ...createBackupHandlers({ db: catalog.db, backupDir: defaultBackupDir(catalog.path) }),

    // Desktop-only: the Electron shell answers these before the core sees them. In the web host
    // they reach here and say plainly what is and is not available.
    'backup.restore': () => {
      throw new ContractError('invalid_input', 'Restoring a backup is done in the desktop app (File › Restore from Backup…), which can close and reopen the catalog safely.');
    },
    'update.getState': () => ({ status: 'disabled', reason: 'Updates are managed by the desktop app.' }),
    'update.check': () => ({ status: 'disabled', reason: 'Updates are managed by the desktop app.' }),
    'update.install': () => ({ restarting: false }),
    'photos.settings': () => readPhotoSettings(catalog.db),
    'photos.saveSettings': (settings) => writePhotoSettings(catalog.db, settings),
    'photos.sources': ({ afterId, limit }) => readPhotoSources(catalog.db, afterId, limit),
    // Host-answered (core/host/create-core.ts): the photo cache lives in the host process.
    'photos.status': () => {
      throw new ContractError('internal', 'The photo cache is answered by the app host, not a catalog thread; restart Listsmith if you see this.');
    },
    'photos.configure': () => {
      throw new ContractError('internal', 'The photo cache is answered by the app host, not a catalog thread; restart Listsmith if you see this.');
    },
    // Host-answered (core/host/create-core.ts): it gathers every thread's state, so no thread can.
    'diagnostics.get': () => {
      throw new ContractError('internal', 'Diagnostics are answered by the app host, not a catalog thread; restart Listsmith if you see this.');
    },
  };
}
