import type { RefObject } from 'react';
import { IMPORTABLE_EXTENSIONS } from '../../../../common/importable-files.js';
import { useApp } from '../../store/context.js';

/** What the file picker offers: the importer's extensions, and the MIME types some systems pick by. */
const FILE_TYPES = [...IMPORTABLE_EXTENSIONS, 'text/csv', 'text/tab-separated-values', 'application/json', 'text/plain', 'application/xml', 'text/xml', 'application/zip', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].join(',');

/**
 * Toolbar "Import…" (a hidden file input, owned by the toolbar so its More menu can open it too;
 * also shows a running import) and "Export…". Backups are in the Tools menu.
 */
export function ImportExportButtons({ input }: { input: RefObject<HTMLInputElement | null> }) {
  const offline = useApp((s) => s.offline);
  const importFile = useApp((s) => s.importFile);
  const reopenImport = useApp((s) => s.reopenImport);
  const openExport = useApp((s) => s.openExport);
  const importStep = useApp((s) => s.importWizard.step);
  const importOpen = useApp((s) => s.importWizard.open);
  const importProgress = useApp((s) => s.importWizard.progress);
  const exportStep = useApp((s) => s.exportDialog.step);
  const exportOpen = useApp((s) => s.exportDialog.open);
  const importRunning = importStep === 'running' || importStep === 'starting';
  const exportRunning = exportStep === 'running' || exportStep === 'starting';
  const importBackground = !importOpen && (importRunning || importStep === 'report');
  const importPct =
    importProgress !== null && importProgress.total !== null && importProgress.total > 0 ? Math.floor((importProgress.done / importProgress.total) * 100) : null;

  return (
    <div className="io-buttons">
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file-input"
        accept={FILE_TYPES}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file !== undefined) importFile(file);
        }}
      />
      {importBackground ? (
        <button type="button" className="btn btn-running" data-testid="import-button" onClick={reopenImport}>
          {importRunning ? (
            <>
              <span className="spinner" aria-hidden="true" /> Importing{importPct !== null ? ` ${importPct} %` : '…'}
            </>
          ) : (
            'Import report'
          )}
        </button>
      ) : (
        <button type="button" className="btn" data-testid="import-button" disabled={offline} title="Import listings from a file (or drop a file on the window)" onClick={() => input.current?.click()}>
          <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M8 2v8m0 0L5 7m3 3 3-3M2.5 11v2a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1v-2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Import…
        </button>
      )}
      <button type="button" className={`btn${exportRunning && !exportOpen ? ' btn-running' : ''}`} data-testid="export-button" title="Export listings to a marketplace file" onClick={openExport}>
        {exportRunning && !exportOpen ? (
          <>
            <span className="spinner" aria-hidden="true" /> Exporting…
          </>
        ) : (
          <>
            <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
              <path d="M8 10V2m0 0L5 5m3-3 3 3M2.5 11v2a1 1 0 0 0 1 1h9a1 1 0 0 0 1-1v-2" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            Export…
          </>
        )}
      </button>
    </div>
  );
}
