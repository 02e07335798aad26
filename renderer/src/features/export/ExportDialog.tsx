import type { ExportPreview } from '../../../../common/contract.js';
import { EBAY_EURO_SITES, EBAY_SITES } from '../../../../common/ebay-sites.js';
import { EXPORT_FORMATS, EXPORT_FORMAT_LABELS } from '../../../../common/import-types.js';
import { MARKETPLACE_LABELS, STATUS_LABELS } from '../../../../common/listing.js';
import { formatCount, formatInteger } from '../../format.js';
import { useApp } from '../../store/context.js';
import { importIdOf, isFiltered } from '../grid/query.js';
import { Modal } from '../../ui/Modal.js';
import type { ExportDownload } from './export-slice.js';
import { OperationProgress, RunningFooter } from '../../ui/OperationProgress.js';
import { SelectField, type SelectFieldProps } from '../../ui/SelectField.js';
import { ProblemTable } from '../../ui/ProblemTable.js';
import { ErrorCallout } from '../../ui/ErrorCallout.js';

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

/** EUR listings that name no eBay site: the seller picks the site they go to. */
function EbaySiteChoice({ choice, disabled }: { choice: NonNullable<ExportPreview['ebaySiteChoice']>; disabled: boolean }) {
  const setSite = useApp((s) => s.setExportEbaySite);
  return (
    <SelectRow
      id="export-ebay-site"
      rowTestId="export-ebay-site"
      label={`${formatCount(choice.listings, 'listing', 'listings')} priced in euros ${choice.listings === 1 ? 'names' : 'name'} no eBay site; list ${choice.listings === 1 ? 'it' : 'them'} on`}
      value={choice.site}
      options={EBAY_EURO_SITES}
      optionLabel={(code) => EBAY_SITES[code].label}
      disabled={disabled}
      onChange={setSite}
    />
  );
}

/** One labelled drop-down on a form row (the format, the eBay site). */
function SelectRow<T extends string>({ rowTestId, ...field }: { rowTestId?: string } & Omit<SelectFieldProps<T>, 'testId'>) {
  return (
    <div className="form-row" data-testid={rowTestId}>
      <SelectField {...field} testId={`${field.id}-select`} />
    </div>
  );
}

/** The files an export writes, and why each one is separate. */
function FileList({ files, testId }: { files: readonly { fileName: string; rows: number; note: string }[]; testId: string }) {
  if (files.length <= 1) return null;
  return (
    <section className="wizard-section" data-testid={testId} data-count={files.length}>
      <p>
        <strong>{formatInteger(files.length)} files.</strong>{' '}
        <span className="muted">Listings that lack a column go to a file without it (a blank would erase their value), and eBay listings to the file of their site.</span>
      </p>
      <ul>
        {files.map((file) => (
          <li key={file.fileName} data-testid={`${testId}-item`} data-rows={file.rows}>
            <span className="file-name">{file.fileName}</span> <span className="muted">— {file.note}</span>
          </li>
        ))}
      </ul>
    </section>
  );
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
      <SelectRow id="export-format" label="Format" value={d.format} options={EXPORT_FORMATS} optionLabel={(f) => EXPORT_FORMAT_LABELS[f]} disabled={disabled} onChange={setFormat} />
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
          <ErrorCallout message={d.previewError} testId="export-preview-error" />
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
            {preview.ebaySiteChoice !== null && d.format === 'ebay_seller_hub' && <EbaySiteChoice choice={preview.ebaySiteChoice} disabled={disabled || d.previewing} />}
            <FileList files={preview.files} testId="export-preview-files" />
            <ProblemTable problems={preview.skipped} total={preview.skippedCount} testId="export-skipped" caption="Listings that cannot be exported to this format" tone="error" columnLabel="Field" lineIs="listing-id" />
            <ProblemTable problems={preview.changed} total={preview.changedCount} testId="export-changed" caption="Values that will be cut or changed to fit" tone="warning" columnLabel="Field" lineIs="listing-id" />
          </>
        )}
      </section>
    </>
  );
}

function DownloadLine({ file }: { file: ExportDownload }) {
  const downloadFile = useApp((s) => s.downloadExportFile);
  return (
    <li data-testid="export-download-item" data-state={file.state} data-rows={file.rows}>
      <span className="file-name">{file.savedAs ?? file.fileName}</span>
      {file.note !== '' && <span className="muted"> — {file.note}</span>}{' '}
      {file.state === 'downloading' || file.state === 'waiting' ? (
        <span className="muted">{file.state === 'downloading' ? 'Downloading…' : 'Waiting…'}</span>
      ) : (
        <button type="button" className="link-button" data-testid="export-download" onClick={() => downloadFile(file.fileId)}>
          {file.state === 'saved' ? 'Download again' : 'Try again'}
        </button>
      )}
      {file.error !== null && (
        <span className="callout callout-error" role="alert" data-testid="export-download-error">
          {file.error}
        </span>
      )}
    </li>
  );
}

function Done() {
  const d = useApp((s) => s.exportDialog);
  if (d.error !== null) {
    return (
      <div className={`callout ${d.cancelled ? 'callout-warn' : 'callout-error'}`} role="alert" data-testid="export-error" data-cancelled={d.cancelled}>
        <strong>{d.cancelled ? 'Export cancelled.' : 'The export failed.'}</strong> {d.error}
      </div>
    );
  }
  const summary = d.summary;
  const saved = d.downloads.length > 0 && d.downloads.every((file) => file.state === 'saved');
  return (
    <div data-testid="export-summary" data-rows={summary?.rows ?? ''} data-skipped={summary?.skipped ?? ''} data-files={d.downloads.length}>
      <div className="callout callout-ok" role="status">
        <strong>Export finished.</strong>{' '}
        {summary !== null && (
          <>
            {formatCount(summary.rows, 'listing', 'listings')} written
            {d.downloads.length > 1 ? ` in ${formatInteger(d.downloads.length)} files` : ''}
            {summary.skipped > 0 ? `, ${formatInteger(summary.skipped)} left out` : ''}.
          </>
        )}
      </div>
      {saved && (
        <p data-testid="export-downloaded">
          Saved to your downloads{d.downloads.length > 1 ? ` (${formatInteger(d.downloads.length)} files)` : ''}.
        </p>
      )}
      <ul data-testid="export-downloads">
        {d.downloads.map((file) => (
          <DownloadLine key={file.fileId} file={file} />
        ))}
      </ul>
      {summary !== null && <ProblemTable problems={summary.problems} total={summary.skipped} testId="export-problems" caption="Left out or changed" tone="warning" columnLabel="Field" lineIs="listing-id" />}
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
        <ErrorCallout message={d.error} testId="export-error" />
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
    footer = <RunningFooter operation="export" disabled={d.step !== 'running'} cancelling={d.cancelling} onCancel={cancelExport} />;
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
