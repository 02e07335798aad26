import { generateDemoData } from '../catalog/demo-data.js';
import { writePhotoSettings } from '../photos/photo-settings.js';
import { createAiHandlers } from './ai-handlers.js';
import { createEditHandlers } from './edit-handlers.js';
import type { HandlerDeps } from './handler-deps.js';
import { exactHandlers, pick, type WriterHandlers } from './handlers-type.js';
import { createImportHandlers } from './import-handlers.js';
import { createJobHandlers } from './job-handlers.js';

/** Progress events at most this often: a million-row load must not flood the renderer. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * The writer thread's handlers: exactly the methods the contract declares `runs: 'writer'` or
 * `'writer-unqueued'` (WriterHandlers makes any other a type error); inputs arrive validated.
 */
export function createWriterHandlers({ catalog, info, jobs, ai }: Omit<HandlerDeps, 'views'>): WriterHandlers {
  return exactHandlers<WriterHandlers>()({
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
    'photos.saveSettings': (settings) => writePhotoSettings(catalog.db, settings),
    ...pick(createEditHandlers(catalog), 'listing.update', 'revision.revert', 'bulk.apply', 'history.undo', 'history.redo', 'listings.delete'),
    ...pick(createImportHandlers(catalog, info.stagingDir), 'import.start', 'import.savePreset'),
    ...pick(createJobHandlers(catalog, jobs, ai), 'jobs.start', 'jobs.cancel', 'jobs.retry', 'proposals.accept', 'proposals.reject'),
    ...createAiHandlers(ai),
  });
}
