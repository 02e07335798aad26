import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { ContractError } from '../../common/result.js';

/**
 * Export files that come packed: an Excel workbook (.xlsx/.xlsm — Amazon's category templates and
 * Category Listings Report, sellers' own sheets) or a ZIP archive holding one export (Amazon's
 * Category Listings Report download, a large shop export sent by e-mail). A workbook's data sheet
 * becomes CSV text, read by the same readers as any CSV; an archive's one importable file is read
 * as if picked itself. The file types offered for import: common/importable-files.ts.
 */

export interface UnpackedFile {
  /** What the readers see: UTF-8 text, or the archived file's own bytes. */
  bytes: Uint8Array;
  /** The name to report: `archive.zip › listings.csv`. */
  fileName: string;
  /** Which sheet or archived file was read (shown as "Read from: …", apart from the encoding). */
  note: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Excel 97–2003 (.xls) and other OLE compound files. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMPORTABLE_INSIDE = new Set(['.csv', '.tsv', '.txt', '.json', '.jsonl', '.ndjson', '.xml', '.xlsx', '.xlsm']);
const WORKBOOK_PART = 'xl/workbook.xml';
/** A1 of an Amazon template or Category Listings Report: `TemplateType=fptcustom` (older), `settings=feedType=…` (since 2023). */
const AMAZON_FIRST_CELL = /^(TemplateType=|settings=)/;

const startsWith = (head: Uint8Array, magic: number[]): boolean => magic.every((byte, i) => head[i] === byte);

/** A ZIP container (workbook or archive)? The readers cannot take its bytes as text. */
export const isPacked = (head: Uint8Array): boolean => startsWith(head, ZIP_MAGIC);

/** The refusal for an Excel 97–2003 workbook, or null. */
export function oldWorkbookMessage(fileName: string, head: Uint8Array): string | null {
  if (!startsWith(head, OLE_MAGIC)) return null;
  return `"${fileName}" is an Excel 97–2003 workbook (.xls), which Listsmith cannot read. Nothing was imported. Open it in Excel, Numbers or LibreOffice, save it as "Excel Workbook (.xlsx)" or "CSV UTF-8", and import that file.`;
}

/** The text (or inner file) to read from a packed file at `path`. */
export async function unpackFile(path: string, fileName: string): Promise<UnpackedFile> {
  const bytes = new Uint8Array(await readFile(path));
  return unpack(bytes, fileName, 0);
}

async function unpack(bytes: Uint8Array, fileName: string, depth: number): Promise<UnpackedFile> {
  // The names come through the filter, which extracts nothing.
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    throw new ContractError('invalid_input', `"${fileName}" looks like a ZIP file or Excel workbook but cannot be opened (it is damaged or cut short). Download or export it again and pick the new file.`);
  }
  if (names.includes(WORKBOOK_PART)) return workbookAsCsv(bytes, fileName);
  if (depth > 0) throw new ContractError('invalid_input', `"${fileName}" is a ZIP archive inside an archive. Unzip it and import the listings file it holds.`);

  const candidates = names.filter((name) => !name.endsWith('/') && !name.startsWith('__MACOSX/') && !baseName(name).startsWith('.') && IMPORTABLE_INSIDE.has(extname(name).toLowerCase()));
  if (candidates.length !== 1) {
    const listed = (candidates.length > 0 ? candidates : names.filter((name) => !name.endsWith('/'))).slice(0, 4).map(baseName).join(', ');
    const what = candidates.length === 0 ? `no export file Listsmith reads (it holds: ${listed || 'nothing'})` : `${candidates.length} files (${listed}${candidates.length > 4 ? ', …' : ''})`;
    throw new ContractError('invalid_input', `"${fileName}" is a ZIP archive with ${what}. Nothing was imported. Unzip it and import the listings file${candidates.length > 1 ? 's one at a time' : ' (CSV, TSV, Excel, JSON or XML)'}.`);
  }
  const inner = candidates[0]!;
  const content = unzipSync(bytes, { filter: (file) => file.name === inner })[inner]!;
  const innerName = `${fileName} › ${baseName(inner)}`;
  if (isPacked(content)) return unpack(content, innerName, depth + 1);
  return { bytes: content, fileName: innerName, note: `ZIP archive, ${baseName(inner)} (the one export file in it)` };
}

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);

/**
 * The workbook's data sheet as CSV. Amazon's templates keep the listings on one sheet ("Template",
 * or its name in the seller's language) beside instructions, examples and valid values, known by
 * its first cell; else a sheet named Template; any other workbook: the sheet with
 * the most filled rows (the first of equals). Numbers come as Excel stores them (no float
 * rounding), dates as ISO dates, TRUE/FALSE as Excel writes them to CSV.
 */
async function workbookAsCsv(bytes: Uint8Array, fileName: string): Promise<UnpackedFile> {
  let sheets: { sheet: string; data: (string | boolean | Date | null)[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes), { trim: false, parseNumber: (raw: string) => raw })) as typeof sheets;
  } catch (err) {
    throw new ContractError('invalid_input', `"${fileName}" is an Excel workbook that cannot be read (${err instanceof Error ? err.message : String(err)}). Open it in Excel or Numbers, save it as "CSV UTF-8", and import that file.`);
  }
  const filled = sheets.map((sheet) => ({ ...sheet, rows: sheet.data.filter((row) => row.some((cell) => cellText(cell) !== '')).length }));
  // Amazon names the sheet in the seller's language ("Modello", "Vorlage"); its first cell says what it is.
  const template =
    filled.find((sheet) => sheet.rows > 1 && AMAZON_FIRST_CELL.test(cellText(sheet.data[0]?.[0]))) ??
    filled.find((sheet) => sheet.sheet.trim().toLowerCase() === 'template' && sheet.rows > 1);
  const chosen = template ?? filled.reduce<(typeof filled)[number] | undefined>((best, sheet) => (best === undefined || sheet.rows > best.rows ? sheet : best), undefined);
  if (chosen === undefined || chosen.rows === 0) {
    throw new ContractError('invalid_input', `"${fileName}" is an Excel workbook with no filled cells. Export your listings again and pick the new file.`);
  }
  const rows = chosen.data.map((row) => row.map(cellText));
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  const width = rows.reduce((max, row) => Math.max(max, lastFilled(row) + 1), 0);
  const csv = stringify(rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? '')), { record_delimiter: '\n' });
  const others = sheets.length > 1 ? ` (of ${sheets.length} sheets: ${sheets.map((sheet) => sheet.sheet).join(', ')})` : '';
  return { bytes: new TextEncoder().encode(csv), fileName, note: `Excel workbook, sheet "${chosen.sheet}"${others}` };
}

function lastFilled(row: string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== '') return i;
  return -1;
}

function cellText(cell: string | boolean | Date | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return String(cell);
}
