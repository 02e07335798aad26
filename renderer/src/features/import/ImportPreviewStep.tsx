import { DIALECT_LABELS, IMPORT_DIALECTS, type ImportDialect, type ImportPreview, type PreviewListing } from '../../../../common/import-types.js';
import { MARKETPLACES, MARKETPLACE_LABELS, type Marketplace } from '../../../../common/listing.js';
import { FIELD_TITLES } from '../../../../common/edit/field-labels.js';
import { formatInteger, formatPrice } from '../../format.js';
import { useApp } from '../../store/context.js';
import { importCurrencyFor } from './import-slice.js';
import { ImportCurrencyChoice } from './ImportCurrencyChoice.js';
import { MappingTable, Presets } from './ImportColumns.js';
import { ImportMatchChoice } from './ImportMatchChoice.js';
import { pct } from './import-labels.js';
import { ProblemTable } from '../../ui/ProblemTable.js';
import { SelectField } from '../../ui/SelectField.js';

/** The marketplace choice: '' lets the file's format decide. */
const FROM_FORMAT_OR_MARKETPLACE: readonly (Marketplace | '')[] = ['', ...MARKETPLACES];

/** The wizard's preview step: format, file facts, the first listings as they will be stored, the columns. */

/** The distinct currencies of the previewed listings, most used first. */
function previewCurrencies(preview: ImportPreview): string[] {
  const counts = new Map<string, number>();
  for (const l of preview.listings) counts.set(l.currency, (counts.get(l.currency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

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
      <SelectField<Marketplace | ''>
        id="import-marketplace"
        label="Marketplace"
        value={marketplace ?? ''}
        options={FROM_FORMAT_OR_MARKETPLACE}
        optionLabel={(m) => (m === '' ? 'From the file format' : MARKETPLACE_LABELS[m])}
        disabled={disabled}
        onChange={(m) => setMarketplace(m === '' ? null : m)}
        testId="import-marketplace-select"
      />
      {preview !== null && <ImportCurrencyChoice preview={preview} disabled={disabled} />}
    </div>
  );
}

/** A price whose currency nobody has said yet shows as a bare amount: a symbol would be a guess. */
function PreviewPrice({ listing, currencyKnown }: { listing: PreviewListing; currencyKnown: boolean }) {
  const known = currencyKnown || listing.currencyFromFile;
  const text = listing.priceMinor === null ? '—' : known ? formatPrice(listing.priceMinor, listing.currency) : (listing.priceMinor / 100).toFixed(2);
  return (
    <td className="align-end num cell-clip" data-testid="import-preview-price" data-currency={known ? listing.currency : ''} data-price-minor={listing.priceMinor ?? ''} title={known ? undefined : 'Choose the currency of the prices above'}>
      {text}
    </td>
  );
}

function PreviewListings({ preview }: { preview: ImportPreview }) {
  const chosenCurrency = useApp((s) => s.importWizard.currency);
  const currencyKnown = importCurrencyFor({ currency: chosenCurrency }, preview.dialect, preview.currencyHint) !== null;
  if (preview.listings.length === 0) {
    return (
      <p className="muted" data-testid="import-preview-empty">
        No listings found with this format and mapping. Check the format and the columns below.
      </p>
    );
  }
  const byTitle = preview.matchBy === 'title';
  return (
    <table className="table data-table preview-table" data-testid="import-preview-listings">
      <colgroup>
        <col className="w-line" />
        <col />
        <col className="w-sku" />
        <col className="w-price" />
        <col className="w-qty" />
        <col className="w-tags" />
        <col className="w-count" />
        <col className="w-count" />
        {byTitle && <col className="w-match" />}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="align-end" title="Line in the file">
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
          <th scope="col" className="align-end" title={FIELD_TITLES.images}>
            {FIELD_TITLES.images}
          </th>
          <th scope="col" className="align-end" title="Variants">
            Variants
          </th>
          {byTitle && <th scope="col">Will</th>}
        </tr>
      </thead>
      <tbody>
        {preview.listings.map((l) => (
          <tr key={l.line} data-testid="import-preview-row" data-sku={l.sku ?? ''} data-matched-by-title={l.matchedByTitle}>
            <td className="align-end num muted">{formatInteger(l.line)}</td>
            <td className="cell-strong cell-clip" data-testid="import-preview-title" title={l.title} tabIndex={0}>
              {l.title || <span className="muted">(no title)</span>}
            </td>
            <td className="mono cell-clip" title={l.sku ?? undefined} tabIndex={l.sku === null ? undefined : 0}>
              {l.sku ?? '—'}
            </td>
            <PreviewPrice listing={l} currencyKnown={currencyKnown} />
            <td className="align-end num">{formatInteger(l.quantity)}</td>
            <td className="cell-clip" data-testid="import-preview-tags" title={l.tags.join(', ')} tabIndex={l.tags.length === 0 ? undefined : 0}>
              {l.tags.length === 0 ? <span className="muted">—</span> : l.tags.join(', ')}
            </td>
            <td className="align-end num" data-testid="import-preview-images">
              {formatInteger(l.images)}
            </td>
            <td className="align-end num" data-testid="import-preview-variants">
              {l.variants > 0 ? formatInteger(l.variants) : '—'}
            </td>
            {byTitle && <td className="cell-clip">{l.matchedByTitle ? <span className="badge badge-neutral">update</span> : <span className="muted">add</span>}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportPreviewStep() {
  const w = useApp((s) => s.importWizard);
  const busy = w.previewing;
  const preview = w.preview;
  const canSave = preview !== null && (preview.dialect === 'generic_csv' || (w.mapping !== null && Object.keys(w.mapping).length > 0));
  return (
    <>
      {w.error !== null && (
        <div className="callout callout-error" role="alert" data-testid="import-error">
          <strong>{preview === null ? 'Listsmith cannot read this file.' : 'The preview could not be updated.'}</strong> <span data-testid="import-error-message">{w.error}</span>
          {preview === null && w.fileId !== null && <div className="muted">If you know what kind of file it is, choose its format below to try again.</div>}
        </div>
      )}
      {preview?.containerNote != null && (
        <div className="callout" role="note" data-testid="import-container-note">
          <strong>Read from:</strong> {preview.containerNote}
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
          <ImportMatchChoice preview={preview} disabled={busy} />
          <section className="wizard-section">
            <h3 className="section-title">
              Listings as they will be imported <span className="section-count">first {formatInteger(preview.listings.length)}</span>
            </h3>
            <PreviewListings preview={preview} />
          </section>
          <ProblemTable problems={preview.problems} testId="import-problems" caption="Rows that will be rejected (so far)" tone="error" lineIs={preview.rowUnit === 'item' ? 'file-item' : 'file-line'} />
          <section className="wizard-section">
            <h3 className="section-title">
              Columns<span className="section-count">change “Import as” to fix the preview above</span>
            </h3>
            <Presets disabled={busy} canSave={canSave} />
            <MappingTable preview={preview} disabled={busy} />
          </section>
          <ProblemTable problems={preview.warnings} testId="import-warnings" caption="Warnings (so far)" tone="warning" lineIs={preview.rowUnit === 'item' ? 'file-item' : 'file-line'} />
        </>
      )}
    </>
  );
}
