import { reserveStagedFile } from '../host/file-staging.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { ExportCancelledError, exportFileName, exportListings, previewExport } from '../export/export-listings.js';
import type { Handlers } from './handlers-type.js';

type ExportHandlers = Pick<Handlers, 'export.preview' | 'export.start'>;

/**
 * Exports run on the background reader (a long read never holds up the grid). `export.start`
 * reserves the first staged file (downloadable at /files/<fileId> once export.finished says so)
 * and answers at once; an export that writes several files (listings lacking a column, eBay
 * sites) stages each of the others under its own id, listed in the summary's `files`. Progress
 * comes as operation.progress (phase "checking" then "writing", done / total in listings), the
 * end as export.finished with the summary, or with an error and the partial files deleted.
 */
export function createExportHandlers(catalog: Catalog, stagingDir: string): ExportHandlers {
  return {
    'export.preview': ({ format, scope, ebaySite }) => previewExport(catalog, { format, scope, ...(ebaySite ? { ebaySite } : {}) }),

    'export.start': ({ format, scope, ebaySite }, ctx) => {
      const file = reserveStagedFile(stagingDir, exportFileName(format));
      const operationId = ctx.startOperation(async ({ operationId: id, signal }) => {
        try {
          const summary = await exportListings(catalog, {
            format,
            scope,
            ...(ebaySite ? { ebaySite } : {}),
            outPath: file.path,
            outName: file.name,
            outFileId: file.fileId,
            placeFile: (fileName) => {
              const extra = reserveStagedFile(stagingDir, fileName);
              return { path: extra.path, fileName: extra.name, fileId: extra.fileId };
            },
            signal,
            onProgress: (progress) => ctx.emit('operation.progress', { operationId: id, kind: 'export', ...progress }),
          });
          ctx.emit('export.finished', { operationId: id, summary, fileId: file.fileId, error: null });
        } catch (error) {
          const message = error instanceof ExportCancelledError ? error.message : `The export failed: ${(error as Error).message}`;
          ctx.emit('export.finished', { operationId: id, summary: null, fileId: file.fileId, error: message });
        }
      });
      return { operationId, fileId: file.fileId, fileName: file.name };
    },
  };
}
