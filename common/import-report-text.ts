import type { ImportCurrencyNote, ImportReport, ImportRowTally, RowProblem, RowUnit } from './import-types.js';

/**
 * The import report in words, the same in the wizard, the CLI and the saved report CSV: where each
 * data row went, and where the listings' currency came from.
 */

const n = (value: number): string => value.toLocaleString('en-US');
const listings = (count: number): string => `${n(count)} listing${count === 1 ? '' : 's'}`;

/** The six row outcomes in the order the report shows them. */
export const ROW_OUTCOMES: readonly { key: keyof ImportRowTally; label: string }[] = [
  { key: 'new', label: 'new' },
  { key: 'updated', label: 'updated' },
  { key: 'unchanged', label: 'unchanged' },
  { key: 'partOf', label: 'part of a listing' },
  { key: 'merged', label: 'merged' },
  { key: 'rejected', label: 'rejected' },
];

export function rowTallySum(rows: ImportRowTally): number {
  return rows.new + rows.updated + rows.unchanged + rows.partOf + rows.merged + rows.rejected;
}

/** "Rows: 3 new + 0 updated + … + 0 rejected = 10 data rows". */
export function describeRowTally(report: Pick<ImportReport, 'rows' | 'dataRows'>): string {
  const parts = ROW_OUTCOMES.map(({ key, label }) => `${n(report.rows[key])} ${label}`).join(' + ');
  const sum = rowTallySum(report.rows);
  const total = `${n(sum)} data row${sum === 1 ? '' : 's'}`;
  return `Rows: ${parts} = ${total}${sum === report.dataRows ? '' : ` (the file has ${n(report.dataRows)})`}`;
}

/**
 * "Prices: 40 listings in EUR as the file states; 12 in USD, the currency you chose".
 * `hintReason`: what in the file suggested the currency, when the note's origin is 'hint'.
 */
export function describeImportPrices(note: ImportCurrencyNote, hintReason: string | null = null): string {
  const parts: string[] = [];
  if (note.fromFile > 0) {
    const codes = Object.entries(note.fileCurrencies ?? {}).sort((a, b) => b[1] - a[1]);
    if (codes.length === 1) parts.push(`${listings(note.fromFile)} in ${codes[0]![0]} as the file states`);
    else if (codes.length > 1) parts.push(`${listings(note.fromFile)} in the currencies the file states (${codes.map(([code, count]) => `${n(count)} ${code}`).join(', ')})`);
    else parts.push(`${listings(note.fromFile)} in the currency the file states`);
  }
  if (note.fromDefault > 0) {
    const count = parts.length > 0 ? n(note.fromDefault) : listings(note.fromDefault);
    const why =
      note.origin === 'chosen'
        ? 'the currency you chose'
        : note.origin === 'hint'
          ? `as the file suggests${hintReason === null ? '' : ` (${hintReason})`}`
          : 'Listsmith’s fallback: nobody said which';
    parts.push(`${count} in ${note.defaultCurrency}, ${why}`);
  }
  return `Prices: ${parts.length === 0 ? 'no listings written' : parts.join('; ')}`;
}

/** "Read from: Excel workbook, sheet "Template" (of 3 sheets: …)": which sheet or archived file an import read. */
export function describeReadFrom(containerNote: string): string {
  return `Read from: ${containerNote}`;
}

/** "Line 25" or, in an XML feed or a JSON array, "Item 25": where a report's row number points. */
export function rowLabel(unit: RowUnit, row: number): string {
  return `${unit === 'item' ? 'Item' : 'Line'} ${row}`;
}

/** The heading of a report's row-number column. */
export function rowUnitHeading(unit: RowUnit): string {
  return unit === 'item' ? 'Item' : 'Line';
}

/**
 * A warning that says a row named a listing an earlier row already named and was merged into it
 * ("Line 25 names the same listing as line 24 (SKU …): merged into it…", core/import/apply-import.ts).
 */
export function isMergedRowWarning(problem: Pick<RowProblem, 'message'>): boolean {
  return /^(Line|Item) \d+ names the same listing as (line|item) \d+\b/.test(problem.message);
}
