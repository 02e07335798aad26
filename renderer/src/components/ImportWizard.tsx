import { useState, type FormEvent } from 'react';
import {
  DEFAULT_CURRENCY_CHOICES,
  DIALECT_LABELS,
  IMPORT_DIALECTS,
  MAPPABLE_FIELDS,
  type ImportDialect,
  type ImportPreview,
  type ImportReport,
  type MappableField,
  type PreviewColumn,
} from '../../../common/import-types.js';
import { MARKETPLACES, MARKETPLACE_LABELS, type Marketplace } from '../../../common/listing.js';
import { saveBlob } from '../bridge/files.js';
import { formatBytes, formatInteger, formatPrice } from '../format.js';
import { importReportCsv, reportFileName } from '../io/csv.js';
import { useApp } from '../store/context.js';
import { effectiveMapping } from '../store/import.js';
import { Modal } from './Modal.js';
import { OperationProgress } from './OperationProgress.js';
import { ProblemTable } from './ProblemTable.js';

const FIELD_LABELS: Record<(typeof MAPPABLE_FIELDS)[number], string> = {
  sourceId: 'Marketplace id',
  sku: 'SKU',
  title: 'Title',
  description: 'Description',
  price: 'Price',
  currency: 'Currency',
  quantity: 'Quantity',
  tags: 'Tags',
  materials: 'Materials',
  images: 'Images',
  category: 'Category',
  brand: 'Brand',
  condition: 'Condition',
  status: 'Status',
  variantGroup: 'Variant group (parent)',
  optionName1: 'Option 1 name',
  optionValue1: 'Option 1 value',
  optionName2: 'Option 2 name',
  optionValue2: 'Option 2 value',
  ignore: 'Ignore this column',
};

function fieldLabel(field: MappableField): string {
  if (field.startsWith('attribute:')) return `Attribute: ${field.slice('attribute:'.length)}`;
  return FIELD_LABELS[field as (typeof MAPPABLE_FIELDS)[number]] ?? field;
}

const pct = (confidence: number) => `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)} %`;

const currencyNames = ((): Intl.DisplayNames | null => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' });
  } catch {
    return null;
  }
})();

/** "EUR — Euro" in the seller's language. */
function currencyLabel(code: string): string {
  const name = currencyNames?.of(code);
  return name !== undefined && name !== code ? `${code} — ${name}` : code;
}

/** The distinct currencies of the previewed listings, most used first. */
function previewCurrencies(preview: ImportPreview): string[] {
  const counts = new Map<string, number>();
  for (const l of preview.listings) counts.set(l.currency, (counts.get(l.currency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

/* ---- preview step -------------------------------------------------------------------------- */

function FileFacts({ preview }: { preview: ImportPreview }) {
  return (
    <div className="facts" data-testid="import-facts">
      <div className="fact">
        <span className="fact-label">Encoding</span>
        <span className="fact-value mono" data-testid="import-encoding" data-encoding={preview.encoding}>
          {preview.encoding}
        </span>
      </div>
      {preview.delimiter !== null && (
        <div className="fact">
          <span className="fact-label">Delimiter</span>
          <span className="fact-value mono">{preview.delimiter === '\t' ? 'Tab' : preview.delimiter === ' ' ? 'Space' : preview.delimiter}</span>
        </div>
      )}
      {preview.headerLine !== null && (
        <div className="fact">
          <span className="fact-label">Header on line</span>
          <span className="fact-value num">{formatInteger(preview.headerLine)}</span>
        </div>
      )}
      <div className="fact">
        <span className="fact-label">Columns</span>
        <span className="fact-value num">{formatInteger(preview.columns.length)}</span>
      </div>
      {preview.currencyInFile && (
        <div className="fact" data-testid="import-currency-from-file">
          <span className="fact-label">Currency</span>
          <span className="fact-value">{previewCurrencies(preview).join(', ')}</span>
          <span className="muted">as the file states</span>
        </div>
      )}
    </div>
  );
}

/**
 * Asked only when the previewed listings (some or all) carry no currency of their own: Shopify and
 * WooCommerce exports never do, and a guess would silently store wrong prices.
 */
function CurrencyChoice({ preview, disabled }: { preview: ImportPreview; disabled: boolean }) {
  const chosen = useApp((s) => s.importWizard.currency);
  const setCurrency = useApp((s) => s.setImportCurrency);
  if (preview.currencyInFile) return null;
  const value = chosen ?? preview.defaultCurrency;
  const choices: readonly string[] = (DEFAULT_CURRENCY_CHOICES as readonly string[]).includes(value) ? DEFAULT_CURRENCY_CHOICES : [value, ...DEFAULT_CURRENCY_CHOICES];
  const someStated = preview.listings.some((l) => l.currencyFromFile);
  return (
    <div className="field" data-testid="import-currency">
      <label htmlFor="import-currency" className="field-label">
        Prices in this file are in
      </label>
      <div className="field-inline">
        <select
          id="import-currency"
          className="input select"
          data-testid="import-currency-select"
          aria-describedby="import-currency-hint"
          value={value}
          disabled={disabled}
          onChange={(e) => setCurrency(e.target.value)}
        >
          {choices.map((code) => (
            <option key={code} value={code}>
              {currencyLabel(code)}
            </option>
          ))}
        </select>
        <span id="import-currency-hint" className="muted" data-testid="import-currency-hint">
          {someStated ? 'For the listings whose prices carry no currency: the file does not say; Listsmith cannot guess.' : 'The file does not say; Listsmith cannot guess.'}
        </span>
      </div>
    </div>
  );
}

function DialectPicker({ preview, override, disabled }: { preview: ImportPreview | null; override: ImportDialect | null; disabled: boolean }) {
  const setDialect = useApp((s) => s.setImportDialect);
  const marketplace = useApp((s) => s.importWizard.marketplace);
  const setMarketplace = useApp((s) => s.setImportMarketplace);
  const value = override ?? preview?.dialect ?? '';
  const confidenceOf = new Map(preview?.candidates.map((c) => [c.dialect, c.confidence]) ?? []);
  if (preview !== null && !confidenceOf.has(preview.dialect)) confidenceOf.set(preview.dialect, preview.confidence);
  return (
    <div className="form-row">
      <div className="field">
        <label htmlFor="import-dialect" className="field-label">
          File format
        </label>
        <div className="field-inline">
          <select
            id="import-dialect"
            className="input select"
            data-testid="import-dialect-select"
            value={value}
            disabled={disabled}
            onChange={(e) => setDialect(e.target.value === '' ? null : (e.target.value as ImportDialect))}
          >
            {value === '' && <option value="">Choose a format…</option>}
            {IMPORT_DIALECTS.map((d) => {
              const c = confidenceOf.get(d);
              return (
                <option key={d} value={d}>
                  {DIALECT_LABELS[d]}
                  {c !== undefined && c > 0 ? ` — ${pct(c)} match` : ''}
                </option>
              );
            })}
          </select>
          {preview !== null && (
            <span
              className={`badge ${override === null ? (preview.confidence >= 0.8 ? 'badge-ok' : 'badge-warn') : 'badge-neutral'}`}
              data-testid="import-dialect"
              data-dialect={preview.dialect}
              data-confidence={preview.confidence}
            >
              {override === null ? `Detected · ${pct(preview.confidence)} sure` : 'Chosen by you'}
            </span>
          )}
          {override !== null && (
            <button type="button" className="link-button" data-testid="import-dialect-auto" disabled={disabled} onClick={() => setDialect(null)}>
              Detect again
            </button>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor="import-marketplace" className="field-label">
          Marketplace
        </label>
        <select
          id="import-marketplace"
          className="input select"
          data-testid="import-marketplace-select"
          value={marketplace ?? ''}
          disabled={disabled}
          onChange={(e) => setMarketplace(e.target.value === '' ? null : (e.target.value as Marketplace))}
        >
          <option value="">From the file format</option>
          {MARKETPLACES.map((m) => (
            <option key={m} value={m}>
              {MARKETPLACE_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      {preview !== null && <CurrencyChoice preview={preview} disabled={disabled} />}
    </div>
  );
}

function Presets({ disabled, canSave }: { disabled: boolean; canSave: boolean }) {
  const presets = useApp((s) => s.importWizard.presets);
  const message = useApp((s) => s.importWizard.presetMessage);
  const applyPreset = useApp((s) => s.applyPreset);
  const savePreset = useApp((s) => s.savePreset);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return;
    setSaving(true);
    void savePreset(name).finally(() => {
      setSaving(false);
      setName('');
    });
  };
  return (
    <div className="form-row presets" data-testid="import-presets">
      <div className="field">
        <label htmlFor="import-preset" className="field-label">
          Mapping preset
        </label>
        <select
          id="import-preset"
          className="input select"
          data-testid="import-preset-select"
          value=""
          disabled={disabled || presets.length === 0}
          onChange={(e) => applyPreset(e.target.value)}
        >
          <option value="">{presets.length === 0 ? 'No saved presets' : 'Apply a saved preset…'}</option>
          {presets.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({DIALECT_LABELS[p.dialect] ?? p.dialect})
            </option>
          ))}
        </select>
      </div>
      <form className="field" onSubmit={submit}>
        <label htmlFor="import-preset-name" className="field-label">
          Save this mapping as
        </label>
        <div className="field-inline">
          <input
            id="import-preset-name"
            className="input"
            placeholder="Preset name"
            maxLength={80}
            data-testid="import-preset-name"
            value={name}
            disabled={disabled || !canSave}
            title={canSave ? undefined : 'Presets hold a column mapping: choose “Map the columns myself” first.'}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="btn" data-testid="import-preset-save" disabled={disabled || !canSave || saving || name.trim() === ''}>
            Save preset
          </button>
        </div>
      </form>
      {message !== null && (
        <div className="preset-message muted" data-testid="import-preset-message" role="status">
          {message}
        </div>
      )}
    </div>
  );
}

function PreviewListings({ preview }: { preview: ImportPreview }) {
  if (preview.listings.length === 0) {
    return (
      <p className="muted" data-testid="import-preview-empty">
        No listings found with this format and mapping. Check the format and the column mapping below.
      </p>
    );
  }
  return (
    <div className="table-box">
      <table className="table data-table" data-testid="import-preview-listings">
        <thead>
          <tr>
            <th scope="col" className="align-end">
              Line
            </th>
            <th scope="col">Title</th>
            <th scope="col">SKU</th>
            <th scope="col" className="align-end">
              Price
            </th>
            <th scope="col" className="align-end">
              Qty
            </th>
            <th scope="col">Tags</th>
            <th scope="col" className="align-end">
              Images
            </th>
            <th scope="col" className="align-end">
              Variants
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.listings.map((l) => (
            <tr key={l.line} data-testid="import-preview-row" data-sku={l.sku ?? ''}>
              <td className="align-end num muted">{formatInteger(l.line)}</td>
              <td className="cell-strong" data-testid="import-preview-title">
                {l.title || <span className="muted">(no title)</span>}
              </td>
              <td className="mono">{l.sku ?? '—'}</td>
              <td className="align-end num" data-testid="import-preview-price" data-currency={l.currency} data-price-minor={l.priceMinor ?? ''}>
                {formatPrice(l.priceMinor, l.currency)}
              </td>
              <td className="align-end num">{formatInteger(l.quantity)}</td>
              <td>
                {l.tags.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <span className="tag-list" title={l.tags.join(', ')}>
                    {l.tags.slice(0, 4).map((t, i) => (
                      <span key={i} className="tag">
                        {t}
                      </span>
                    ))}
                    {l.tags.length > 4 && <span className="muted">+{l.tags.length - 4}</span>}
                  </span>
                )}
              </td>
              <td className="align-end num" data-testid="import-preview-images">
                {formatInteger(l.images)}
              </td>
              <td className="align-end num" data-testid="import-preview-variants">
                {l.variants > 0 ? formatInteger(l.variants) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MappingSelect({ column, value, disabled }: { column: PreviewColumn; value: MappableField; disabled: boolean }) {
  const setMapping = useApp((s) => s.setImportMapping);
  const ownAttribute: MappableField = `attribute:${column.header.slice(0, 100)}`;
  const extra = value.startsWith('attribute:') && value !== ownAttribute ? [value] : [];
  return (
    <select
      className="input select mapping-select"
      aria-label={`Import column “${column.header}” as`}
      data-testid={`import-map-${column.index}`}
      value={value}
      disabled={disabled}
      onChange={(e) => setMapping(column.index, e.target.value as MappableField)}
    >
      {MAPPABLE_FIELDS.filter((f) => f !== 'ignore').map((f) => (
        <option key={f} value={f}>
          {FIELD_LABELS[f]}
        </option>
      ))}
      {[ownAttribute, ...extra].map((f) => (
        <option key={f} value={f}>
          {fieldLabel(f)}
        </option>
      ))}
      <option value="ignore">{FIELD_LABELS.ignore}</option>
    </select>
  );
}

/** Marketplace formats read their own columns; only "Other CSV" (generic_csv) uses a column mapping. */
function usesMapping(preview: ImportPreview): boolean {
  return preview.dialect === 'generic_csv' || preview.columns.some((c) => c.mappedTo !== null);
}

function MappingTable({ preview, disabled }: { preview: ImportPreview; disabled: boolean }) {
  const override = useApp((s) => s.importWizard.mapping);
  const setDialect = useApp((s) => s.setImportDialect);
  const editable = usesMapping(preview);
  const mapping = editable ? effectiveMapping(preview, override) : {};
  if (preview.columns.length === 0) return null;
  return (
    <>
      {!editable && (
        <div className="callout mapping-note" data-testid="import-mapping-note">
          The {DIALECT_LABELS[preview.dialect] ?? preview.dialect} format knows what each of these columns means.{' '}
          <button type="button" className="link-button" data-testid="import-map-manually" disabled={disabled} onClick={() => setDialect('generic_csv')}>
            Map the columns myself instead
          </button>
        </div>
      )}
      <div className="table-box">
        <table className="table data-table mapping-table" data-testid="import-mapping" data-editable={editable}>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Sample values</th>
              <th scope="col">Import as</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => {
              const value = editable ? ((mapping[String(c.index)] ?? 'ignore') as MappableField) : null;
              return (
                <tr
                  key={c.index}
                  data-testid="import-mapping-row"
                  data-header={c.header}
                  data-mapped-to={value ?? 'format'}
                  className={value === 'ignore' ? 'row-ignored' : undefined}
                >
                  <td className="cell-strong">{c.header}</td>
                  <td className="samples">
                    {c.samples.filter((v) => v !== '').length === 0 ? (
                      <span className="muted">(empty)</span>
                    ) : (
                      c.samples
                        .filter((v) => v !== '')
                        .slice(0, 3)
                        .map((v, i) => (
                          <span key={i} className="sample" title={v}>
                            {v.length > 60 ? `${v.slice(0, 60)}…` : v}
                          </span>
                        ))
                    )}
                  </td>
                  <td>{value === null ? <span className="muted">By the format</span> : <MappingSelect column={c} value={value} disabled={disabled} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PreviewStep() {
  const w = useApp((s) => s.importWizard);
  const busy = w.previewing;
  const preview = w.preview;
  return (
    <>
      {w.error !== null && (
        <div className="callout callout-error" role="alert" data-testid="import-error">
          <strong>{preview === null ? 'Listsmith cannot read this file.' : 'The preview could not be updated.'}</strong> <span data-testid="import-error-message">{w.error}</span>
          {preview === null && w.fileId !== null && <div className="muted">If you know what kind of file it is, choose its format below to try again.</div>}
        </div>
      )}
      {preview?.encodingNote != null && (
        <div className="callout callout-warn" role="note" data-testid="import-encoding-note">
          <strong>Encoding:</strong> {preview.encodingNote}
        </div>
      )}
      {w.fileId !== null && <DialectPicker preview={preview} override={w.dialect} disabled={busy} />}
      {preview !== null && (
        <>
          <FileFacts preview={preview} />
          <section className="wizard-section">
            <h3 className="section-title">
              Listings as they will be imported <span className="section-count">first {formatInteger(preview.listings.length)}</span>
            </h3>
            <PreviewListings preview={preview} />
          </section>
          <ProblemTable problems={preview.problems} testId="import-problems" caption="Rows that will be rejected (so far)" tone="error" />
          <section className="wizard-section">
            <h3 className="section-title">
              Columns{usesMapping(preview) && <span className="section-count">change “Import as” to fix the preview above</span>}
            </h3>
            <Presets disabled={busy} canSave={usesMapping(preview)} />
            <MappingTable preview={preview} disabled={busy} />
          </section>
          <ProblemTable problems={preview.warnings} testId="import-warnings" caption="Warnings (so far)" tone="warning" />
        </>
      )}
    </>
  );
}

/* ---- report step --------------------------------------------------------------------------- */

function Count({ id, label, value, tone }: { id: string; label: string; value: number; tone?: 'ok' | 'error' | 'muted' }) {
  return (
    <div className={`count${tone !== undefined ? ` count-${tone}` : ''}`} data-testid={`report-count-${id}`} data-value={value}>
      <div className="count-value">{formatInteger(value)}</div>
      <div className="count-label">{label}</div>
    </div>
  );
}

function ReportStep({ report }: { report: ImportReport }) {
  const seconds = Math.max(0, (report.finishedAt - report.startedAt) / 1000);
  return (
    <div data-testid="import-report" data-import-id={report.importId} data-cancelled={report.cancelled}>
      {report.cancelled ? (
        <div className="callout callout-warn" role="status" data-testid="report-cancelled">
          <strong>Import cancelled.</strong> Nothing from this file was saved.
        </div>
      ) : (
        <div className={`callout ${report.rejected > 0 ? 'callout-warn' : 'callout-ok'}`} role="status">
          <strong>Import finished</strong> in {seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s —{' '}
          {DIALECT_LABELS[report.dialect] ?? report.dialect}, {report.encoding}.
        </div>
      )}
      <div className="counts">
        <Count id="rows" label="Data rows" value={report.dataRows} />
        <Count id="imported" label="New listings" value={report.imported} tone="ok" />
        <Count id="updated" label="Updated" value={report.updated} />
        <Count id="unchanged" label="Unchanged" value={report.unchanged} tone="muted" />
        <Count id="rejected" label="Rejected rows" value={report.rejected} tone={report.rejected > 0 ? 'error' : 'muted'} />
      </div>
      <ProblemTable problems={report.errors} total={report.rejected} testId="report-errors" caption="Rejected rows" tone="error" />
      <ProblemTable problems={report.warnings} testId="report-warnings" caption="Warnings" tone="warning" />
      {report.errors.length === 0 && report.warnings.length === 0 && !report.cancelled && (
        <p className="muted" data-testid="report-clean">
          No rejected rows and no warnings.
        </p>
      )}
    </div>
  );
}

/* ---- the wizard ---------------------------------------------------------------------------- */

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
    body = <PreviewStep />;
    const n = w.preview?.listings.length ?? 0;
    footer = (
      <>
        <span className="foot-note muted">
          {w.previewing ? 'Updating the preview…' : w.preview !== null ? 'Nothing is saved until you import.' : ''}
        </span>
        <button type="button" className="btn" onClick={closeImport} data-testid="import-close">
          Cancel
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="import-start"
          disabled={w.preview === null || w.previewing || w.error !== null || n === 0}
          onClick={() => void startImport()}
        >
          Import listings
        </button>
      </>
    );
  } else if (running) {
    body = <OperationProgress progress={w.progress} unit="rows" fallbackPhase="Importing" testId="import-progress" cancelling={w.cancelling} />;
    footer = (
      <>
        <span className="foot-note muted">You can close this window; the import goes on.</span>
        <button type="button" className="btn" data-testid="import-cancel" disabled={w.step !== 'running' || w.cancelling} onClick={cancelImport}>
          {w.cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </>
    );
  } else if (w.step === 'report' && w.report !== null) {
    const report = w.report;
    body = <ReportStep report={report} />;
    const changed = report.imported + report.updated + report.unchanged;
    footer = (
      <>
        <button
          type="button"
          className="btn"
          data-testid="report-save-csv"
          onClick={() => saveBlob(new Blob([importReportCsv(report)], { type: 'text/csv;charset=utf-8' }), reportFileName(report.fileName))}
        >
          Save report as CSV
        </button>
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
      <div data-step={w.step} data-testid="import-step" className="wizard">
        {body}
      </div>
    </Modal>
  );
}
