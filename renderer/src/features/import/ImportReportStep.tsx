import { describeImportPrices, describeReadFrom, isMergedRowWarning, ROW_OUTCOMES, rowTallySum } from '../../../../common/import-report-text.js';
import { DIALECT_LABELS, type ImportReport, type ImportRowTally } from '../../../../common/import-types.js';
import { formatInteger } from '../../format.js';
import { ProblemTable } from '../../ui/ProblemTable.js';

/**
 * The import report: where every data row went (six tiles that add up to the file's data rows, with
 * the sum shown), what that did to listings and variants, where the prices' currency came from,
 * the merged rows with the line each merged into, then rejected rows and warnings.
 */

type Tone = 'ok' | 'error' | 'muted';

function Count({ id, label, value, tone, hint }: { id: string; label: string; value: number; tone?: Tone; hint?: string }) {
  return (
    <div className={`count${tone !== undefined ? ` count-${tone}` : ''}`} data-testid={id} data-value={value} title={hint}>
      <div className="count-value">{formatInteger(value)}</div>
      <div className="count-label">{label}</div>
    </div>
  );
}

const ROW_HINTS: Record<keyof ImportRowTally, string> = {
  new: 'Rows that created a listing',
  updated: 'Rows that changed a listing already in the catalog',
  unchanged: 'Rows of listings already in the catalog exactly as the file has them',
  partOf: 'Variant and image rows of the listing above them',
  merged: 'Rows naming a listing an earlier row already named (same id or SKU): merged into it',
  rejected: 'Rows not imported (listed below with the reason)',
};

function rowTone(key: keyof ImportRowTally, value: number): Tone | undefined {
  if (key === 'new') return 'ok';
  if (key === 'rejected') return value > 0 ? 'error' : 'muted';
  if (key === 'unchanged' || key === 'partOf') return 'muted';
  return undefined;
}

function RowTiles({ report }: { report: ImportReport }) {
  const sum = rowTallySum(report.rows);
  return (
    <section className="wizard-section" data-testid="report-rows" data-sum={sum} data-rows={report.dataRows}>
      <h3 className="section-title">Where each row of the file went</h3>
      <div className="counts counts-rows">
        {ROW_OUTCOMES.map(({ key, label }) => (
          <Count key={key} id={`report-rows-${key}`} label={label[0]!.toUpperCase() + label.slice(1)} value={report.rows[key]} tone={rowTone(key, report.rows[key])} hint={ROW_HINTS[key]} />
        ))}
        <div className="count count-sum" data-testid="report-count-rows" data-value={report.dataRows} data-sum={sum}>
          <div className="count-value">= {formatInteger(sum)}</div>
          <div className="count-label">{sum === report.dataRows ? 'data rows in the file' : `rows accounted for, of ${formatInteger(report.dataRows)} in the file`}</div>
        </div>
      </div>
    </section>
  );
}

function ListingCounts({ report }: { report: ImportReport }) {
  return (
    <div className="report-listings" data-testid="report-listings">
      Listings: <Inline id="report-count-imported" value={report.imported} /> new, <Inline id="report-count-updated" value={report.updated} /> updated,{' '}
      <Inline id="report-count-unchanged" value={report.unchanged} /> unchanged · <Inline id="report-count-variants" value={report.variants} /> variants in the new and
      updated listings · <Inline id="report-count-rejected" value={report.rejected} /> rows rejected
    </div>
  );
}

function Inline({ id, value }: { id: string; value: number }) {
  return (
    <strong data-testid={id} data-value={value}>
      {formatInteger(value)}
    </strong>
  );
}

export function ImportReportStep({ report, hintReason }: { report: ImportReport; hintReason: string | null }) {
  const seconds = Math.max(0, (report.finishedAt - report.startedAt) / 1000);
  const merged = report.warnings.filter(isMergedRowWarning);
  const otherWarnings = report.warnings.filter((w) => !isMergedRowWarning(w));
  const lineIs = report.rowUnit === 'item' ? 'file-item' : 'file-line';
  return (
    <div data-testid="import-report" data-import-id={report.importId} data-cancelled={report.cancelled} data-change-set={report.changeSetId ?? ''}>
      {report.cancelled ? (
        <div className="callout callout-warn" role="status" data-testid="report-cancelled">
          <strong>Import cancelled.</strong> Nothing from this file was saved.
        </div>
      ) : (
        <div className={`callout ${report.rejected > 0 ? 'callout-warn' : 'callout-ok'}`} role="status">
          <strong>Import finished</strong> in {seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s — {DIALECT_LABELS[report.dialect] ?? report.dialect}, {report.encoding}.
        </div>
      )}
      {report.containerNote != null && (
        <p className="muted" data-testid="report-container-note">
          {describeReadFrom(report.containerNote)}
        </p>
      )}
      <RowTiles report={report} />
      <ListingCounts report={report} />
      {!report.cancelled && (
        <p className="report-prices" data-testid="report-prices" data-origin={report.currency.origin}>
          {describeImportPrices(report.currency, hintReason)}
        </p>
      )}
      <ProblemTable problems={merged} testId="report-merged" caption="Merged rows (same id or SKU as an earlier row)" tone="info" lineIs={lineIs} />
      <ProblemTable problems={report.errors} total={report.rejected} testId="report-errors" caption="Rejected rows" tone="error" lineIs={lineIs} />
      <ProblemTable problems={otherWarnings} testId="report-warnings" caption="Warnings" tone="warning" lineIs={lineIs} />
      {report.errors.length === 0 && report.warnings.length === 0 && !report.cancelled && (
        <p className="muted" data-testid="report-clean">
          No rejected rows and no warnings.
        </p>
      )}
    </div>
  );
}
