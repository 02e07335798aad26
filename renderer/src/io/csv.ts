import { describeImportPrices, describeReadFrom, describeRowTally, isMergedRowWarning, rowUnitHeading } from '../../../common/import-report-text.js';
import type { ImportReport, RowProblem } from '../../../common/import-types.js';

/**
 * Client-side CSV (RFC 4180): cells with a comma, quote, CR or LF — or leading/trailing blanks —
 * are quoted with quotes doubled; rows end in CRLF. Like the core's exports, a cell starting with
 * = + - @ TAB CR or LF gets a leading apostrophe so a spreadsheet never runs it as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The import report as a CSV a seller can open in a spreadsheet: summary lines (where the rows went,
 * where the currency came from), then one line per merged row, rejected row and warning.
 * `hintReason`: what in the file suggested the currency, when the report's currency origin is 'hint'.
 */
export function importReportCsv(report: ImportReport, hintReason: string | null = null): string {
  const rows: (string | number | null)[][] = [['Type', rowUnitHeading(report.rowUnit), 'Column', 'Message']];
  const add = (type: string, problems: readonly RowProblem[]) => {
    for (const p of problems) rows.push([type, p.line, p.column, p.message]);
  };
  if (report.containerNote != null) rows.push(['summary', null, null, describeReadFrom(report.containerNote)]);
  rows.push(['summary', null, null, describeRowTally(report)]);
  rows.push(['summary', null, null, `Listings: ${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged; ${report.variants} variants`]);
  if (!report.cancelled) rows.push(['summary', null, null, describeImportPrices(report.currency, hintReason)]);
  add('merged', report.warnings.filter(isMergedRowWarning));
  add('rejected', report.errors);
  add('warning', report.warnings.filter((w) => !isMergedRowWarning(w)));
  // A UTF-8 BOM so Excel reads accented letters correctly.
  return '\ufeff' + toCsv(rows);
}

/** "shopify-products.csv" → "shopify-products-import-report.csv". */
export function reportFileName(fileName: string): string {
  const base =
    Array.from(fileName.replace(/\.[A-Za-z0-9]{1,5}$/, ''), (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
      .join('')
      .slice(0, 120) || 'import';
  return `${base}-import-report.csv`;
}
