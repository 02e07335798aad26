import { saveBlob } from '../../bridge/files.js';
import { formatBytes } from '../../format.js';
import { importReportCsv, reportFileName } from '../../io/csv.js';
import { useApp } from '../../store/context.js';
import { importNeedsCurrency } from './import-slice.js';
import { ImportPreviewStep } from './ImportPreviewStep.js';
import { ImportReportStep } from './ImportReportStep.js';
import { Modal } from '../../ui/Modal.js';
import { OperationProgress, RunningFooter } from '../../ui/OperationProgress.js';
import { UndoImportButton } from './UndoImportButton.js';
import './import-wizard.css';

/**
 * The import wizard: upload → preview (format, currency, matching, the first listings, the columns)
 * → progress → report. The steps live in ImportPreviewStep and ImportReportStep; this is the frame.
 */

export function ImportWizard() {
  const w = useApp((s) => s.importWizard);
  const closeImport = useApp((s) => s.closeImport);
  const cancelImport = useApp((s) => s.cancelImport);
  const startImport = useApp((s) => s.startImport);
  const showImport = useApp((s) => s.showImport);
  if (!w.open) return null;

  const running = w.step === 'running' || w.step === 'starting';
  const subtitle =
    w.fileName !== null ? (
      <span data-testid="import-file">
        <span className="file-name" data-testid="import-file-name">
          {w.fileName}
        </span>
        <span className="muted"> · {formatBytes(w.fileSize)}</span>
      </span>
    ) : undefined;

  let body;
  let footer;
  if (w.step === 'uploading') {
    const total = w.fileSize ?? 0;
    body = (
      <div className="op-progress" data-testid="import-uploading" aria-live="polite">
        <div className="op-phase">Sending the file to Listsmith…</div>
        {total > 0 ? <progress className="progress" max={total} value={w.uploaded} aria-label="Upload progress" /> : <progress className="progress" aria-label="Upload progress" />}
        <div className="op-stats muted">
          {formatBytes(w.uploaded)} of {formatBytes(total)}
        </div>
      </div>
    );
    footer = (
      <button type="button" className="btn" data-testid="import-cancel-upload" onClick={cancelImport}>
        Cancel
      </button>
    );
  } else if (w.step === 'preview') {
    body = <ImportPreviewStep />;
    const n = w.preview?.listings.length ?? 0;
    const needsCurrency = importNeedsCurrency(w);
    footer = (
      <>
        <span className="foot-note muted">
          {w.previewing ? 'Updating the preview…' : needsCurrency ? 'Choose the currency of the prices to import.' : w.preview !== null ? 'Nothing is saved until you import.' : ''}
        </span>
        <button type="button" className="btn" onClick={closeImport} data-testid="import-close">
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="import-start"
          disabled={w.preview === null || w.previewing || w.error !== null || n === 0 || needsCurrency}
          onClick={() => void startImport()}
        >
          Import listings
        </button>
      </>
    );
  } else if (running) {
    body = <OperationProgress progress={w.progress} unit="rows" fallbackPhase="Importing" testId="import-progress" cancelling={w.cancelling} />;
    footer = <RunningFooter operation="import" disabled={w.step !== 'running'} cancelling={w.cancelling} onCancel={cancelImport} />;
  } else if (w.step === 'report' && w.report !== null) {
    const report = w.report;
    // The hint the preview pre-filled, to say in the report where the currency came from.
    const hintReason = report.currency.origin === 'hint' ? (w.preview?.currencyHint?.reason ?? null) : null;
    body = <ImportReportStep report={report} hintReason={hintReason} />;
    const changed = report.imported + report.updated + report.unchanged;
    footer = (
      <>
        <button
          type="button"
          className="btn"
          data-testid="report-save-csv"
          onClick={() => saveBlob(new Blob([importReportCsv(report, hintReason)], { type: 'text/csv;charset=utf-8' }), reportFileName(report.fileName))}
        >
          Save report as CSV
        </button>
        <UndoImportButton report={report} />
        <span className="toolbar-spacer" />
        <button type="button" className="btn" onClick={closeImport} data-testid="import-done">
          Close
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="report-show-in-grid"
          disabled={report.cancelled || changed === 0}
          onClick={() => {
            showImport(report.importId, report.fileName);
            closeImport();
          }}
        >
          Show imported listings in the grid
        </button>
      </>
    );
  }

  return (
    <Modal
      titleId="import-title"
      title={w.step === 'report' ? 'Import report' : 'Import listings'}
      subtitle={subtitle}
      onClose={closeImport}
      closeLabel={running ? 'Hide (the import goes on)' : 'Close'}
      footer={footer}
      testId="import-wizard"
      size="wide"
      busy={w.previewing}
    >
      <div data-step={w.step} data-testid="import-step" className="wizard import-wizard">
        {body}
      </div>
    </Modal>
  );
}
