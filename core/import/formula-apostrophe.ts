/**
 * Spreadsheet-safe exports (ours, Excel's "save as CSV" of text cells, most marketplace tools)
 * write a cell that starts with = + - @ TAB CR LF or NUL with a leading apostrophe, so that no
 * spreadsheet runs it as a formula (see core/export/cells.ts). Reading such a file back, that
 * apostrophe is not part of the value: "'=Blue" was "=Blue". An apostrophe before anything else
 * ("'80s lamp") is the seller's own and stays.
 */
// eslint-disable-next-line no-control-regex
const DEFUSED = /^'[=+\-@\t\r\n\u0000]/;

export function withoutFormulaApostrophe(cell: string): string {
  return cell.charCodeAt(0) === 39 && DEFUSED.test(cell) ? cell.slice(1) : cell;
}
