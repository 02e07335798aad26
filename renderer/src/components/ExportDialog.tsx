import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS, type ExportFormat } from '../../../common/import-types.js';
import { MARKETPLACE_LABELS, STATUS_LABELS } from '../../../common/listing.js';
import { formatCount, formatInteger } from '../format.js';
import { useApp } from '../store/context.js';
import { importIdOf, isFiltered } from '../store/query.js';
import { Modal } from './Modal.js';
import { OperationProgress } from './OperationProgress.js';
import { ProblemTable } from './ProblemTable.js';

/** "search “mug” · Etsy, eBay · Active" — what "current filter" means right now. */
function useFilterDescription(): string {
  const query = useApp((s) => s.query);
  const importLabel = useApp((s) => s.importLabel);
  const parts: string[] = [];
  const search = query.search?.trim() ?? '';
  if (search !== '') parts.push(`search “${search}”`);
  if (importIdOf(query.filter) !== undefined) parts.push(`imported from ${importLabel ?? 'a file'}`);
  if ((query.filter.marketplaces?.length ?? 0) > 0) parts.push(query.filter.marketplaces!.map((m) => MARKETPLACE_LABELS[m]).join(', '));
  if ((query.filter.statuses?.length ?? 0) > 0) parts.push(query.filter.statuses!.map((s) => STATUS_LABELS[s]).join(', '));
  return parts.join(' · ');
}

function Setup() {
  const d = useApp((s) => s.exportDialog);
  const setFormat = useApp((s) => s.setExportFormat);
  const setScope = useApp((s) => s.setExportScope);
  const catalogTotal = useApp((s) => s.stats?.listings ?? null);
  const viewTotal = useApp((s) => s.view?.total ?? null);
  const filtered = useApp((s) => isFiltered(s.query));
  const description = useFilterDescription();
  const disabled = d.step !== 'setup';
  const preview = d.preview;
  return (
    <>
      <div className="form-row">
        <div className="field">
          <label htmlFor="export-format" className="field-label">
            Format
          </label>
          <select
            id="export-format"
            className="input select"
            data-testid="export-format-select"
            value={d.format}
            disabled={disabled}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="scope-group" disabled={disabled} data-testid="export-scope">
        <legend className="field-label">Which listings</legend>
        <label className={`scope-option${d.scope === 'all' ? ' on' : ''}`}>
          <input type="radio" name="export-scope" value="all" checked={d.scope === 'all'} onChange={() => setScope('all')} data-testid="export-scope-all" />
          <span>
            Whole catalog
            <span className="scope-count muted">{catalogTotal !== null ? formatCount(catalogTotal, 'listing', 'listings') : ''}</span>
          </span>
        </label>
        <label className={`scope-option${d.scope === 'query' ? ' on' : ''}${filtered ? '' : ' disabled'}`}>
          <input
            type="radio"
            name="export-scope"
            value="query"
            checked={d.scope === 'query'}
            disabled={!filtered}
            onChange={() => setScope('query')}
            data-testid="export-scope-query"
          />
          <span>
            Current search and filters
            <span className="scope-count muted" data-testid="export-scope-query-count" data-count={filtered ? (viewTotal ?? '') : ''}>
              {filtered ? `${viewTotal !== null ? formatCount(viewTotal, 'listing', 'listings') : '…'} — ${description}` : 'no search or filter is active'}
            </span>
          </span>
        </label>
      </fieldset>
      <section className="wizard-section" data-testid="export-preview" aria-busy={d.previewing}>
        {d.previewError !== null ? (
          <div className="callout callout-error" role="alert" data-testid="export-preview-error">
            {d.previewError}
          </div>
        ) : preview === null ? (
          <p className="muted">{d.previewing ? 'Checking what will be exported…' : ''}</p>
        ) : (
          <>
            <div className="counts">
              <div className="count count-ok" data-testid="export-preview-rows" data-value={preview.rows}>
                <div className="count-value">{formatInteger(preview.rows)}</div>
                <div className="count-label">Listings to export</div>
              </div>
              <div className={`count${preview.skippedCount > 0 ? ' count-error' : ' count-muted'}`} data-testid="export-preview-skipped" data-value={preview.skippedCount}>
                <div className="count-value">{formatInteger(preview.skippedCount)}</div>
                <div className="count-label">Left out</div>
              </div>
              <div className={`count${preview.changedCount > 0 ? ' count-warn' : ' count-muted'}`} data-testid="export-preview-changed" data-value={preview.changedCount}>
                <div className="count-value">{formatInteger(preview.changedCount)}</div>
                <div className="count-label">Values shortened or changed</div>
              </div>
            </div>
            <ProblemTable problems={preview.skipped} total={preview.skippedCount} testId="export-skipped" caption="Listings that cannot be exported to this format" tone="error" columnLabel="Field" />
            <ProblemTable problems={preview.changed} total={preview.changedCount} testId="export-changed" caption="Values that will be cut or changed to fit" tone="warning" columnLabel="Field" />
          </>
        )}
      </section>
    </>
  );
}

function Done() {
  const d = useApp((s) => s.exportDialog);
  const retryDownload = useApp((s) => s.retryDownload);
  if (d.error !== null) {
    return (
      <div className={`callout ${d.cancelled ? 'callout-warn' : 'callout-error'}`} role="alert" data-testid="export-error" data-cancelled={d.cancelled}>
        <strong>{d.cancelled ? 'Export cancelled.' : 'The export failed.'}</strong> {d.error}
      </div>
    );
  }
  const summary = d.summary;
  return (
    <div data-testid="export-summary" data-rows={summary?.rows ?? ''} data-skipped={summary?.skipped ?? ''}>
      <div className="callout callout-ok" role="status">
        <strong>Export finished.</strong>{' '}
        {summary !== null && (
          <>
            {formatCount(summary.rows, 'listing', 'listings')} written
            {summary.skipped > 0 ? `, ${formatInteger(summary.skipped)} left out` : ''}.
          </>
        )}
      </div>
      {d.downloadedAs !== null && (
        <p data-testid="export-downloaded">
          Saved to your downloads as <span className="file-name">{d.downloadedAs}</span>.{' '}
          <button type="button" className="link-button" data-testid="export-download" onClick={retryDownload}>
            Download again
          </button>
        </p>
      )}
      {d.downloadError !== null && (
        <div className="callout callout-error" role="alert" data-testid="export-download-error">
          {d.downloadError}{' '}
          <button type="button" className="link-button" data-testid="export-download" onClick={retryDownload}>
            Try again
          </button>
        </div>
      )}
      {d.downloadedAs === null && d.downloadError === null && <p className="muted">Downloading…</p>}
      {summary !== null && <ProblemTable problems={summary.problems} total={summary.skipped} testId="export-problems" caption="Left out or changed" tone="warning" columnLabel="Field" />}
    </div>
  );
}

export function ExportDialog() {
  const d = useApp((s) => s.exportDialog);
  const closeExport = useApp((s) => s.closeExport);
  const startExport = useApp((s) => s.startExport);
  const cancelExport = useApp((s) => s.cancelExport);
  if (!d.open) return null;
  const running = d.step === 'running' || d.step === 'starting';

  let body;
  let footer;
  if (d.step === 'setup') {
    body = (
      <>
        {d.error !== null && (
          <div className="callout callout-error" role="alert" data-testid="export-error">
            {d.error}
          </div>
        )}
        <Setup />
      </>
    );
    footer = (
      <>
        <button type="button" className="btn" onClick={closeExport} data-testid="export-close">
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="export-start"
          disabled={d.previewing || d.preview === null || d.preview.rows === 0}
          onClick={() => void startExport()}
        >
          {d.preview !== null ? `Export ${formatCount(d.preview.rows, 'listing', 'listings')}` : 'Export'}
        </button>
      </>
    );
  } else if (running) {
    body = <OperationProgress progress={d.progress} unit="listings" fallbackPhase="Exporting" testId="export-progress" cancelling={d.cancelling} />;
    footer = (
      <>
        <span className="foot-note muted">You can close this window; the export goes on.</span>
        <button type="button" className="btn" data-testid="export-cancel" disabled={d.step !== 'running' || d.cancelling} onClick={cancelExport}>
          {d.cancelling ? 'Cancelling…' : 'Cancel export'}
        </button>
      </>
    );
  } else {
    body = <Done />;
    footer = (
      <button type="button" className="btn btn-primary" onClick={closeExport} data-testid="export-done">
        Close
      </button>
    );
  }

  return (
    <Modal
      titleId="export-title"
      title="Export listings"
      subtitle={<span className="muted">{EXPORT_FORMAT_LABELS[d.format]}</span>}
      onClose={closeExport}
      closeLabel={running ? 'Hide (the export goes on)' : 'Close'}
      footer={footer}
      testId="export-dialog"
      busy={d.previewing}
    >
      <div data-testid="export-step" data-step={d.step} className="wizard">
        {body}
      </div>
    </Modal>
  );
}
