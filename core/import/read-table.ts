import type { RowProblem } from '../../common/import-types.js';
import { isAttributePath } from './amazon-attribute-keys.js';
import { isAmazonSettingsRow, parseAmazonSettings, type AmazonSettings } from './amazon-settings.js';
import { CsvTokenizer, sniffDelimiter, type CsvRecord } from './csv-tokenizer.js';
import type { DecodedText } from './decode-text.js';
import { withoutFormulaApostrophe } from './formula-apostrophe.js';
import { UnquotedLineBreakJoiner } from './unquoted-line-breaks.js';

/**
 * A delimited file as a header plus a stream of rows: delimiter sniffing, preamble rows skipped to
 * the real header (eBay `#INFO`, Amazon `TemplateType=` + labels row, Amazon's `settings=` row
 * down to its attribute keys and past its example row, Depop "Template version", Meta's
 * `# Required | …` notes),
 * headers normalised, a row split by unquoted line breaks put back together, ragged rows padded,
 * oversize cells and unclosed quotes reported per row.
 */

export interface TableRow {
  /** File line where the row starts. */
  line: number;
  /** Exactly one cell per header column ('' when the row was short). */
  cells: string[];
  /** Why the row cannot be used at all (oversize cell, unclosed quote), or null. */
  problem: RowProblem | null;
  /** Non-empty cells past the last header column (the row is longer than the header). */
  extraCells: string[];
}

export interface Table {
  delimiter: string;
  /** Normalised headers: trimmed, empty → "Column N", duplicates → "Name (2)". */
  header: string[];
  headerLine: number;
  /** Rows before the header, as read. */
  preamble: string[][];
  /** Non-data rows skipped after the header (template instruction rows), as warnings. */
  notes: RowProblem[];
  rows: AsyncIterable<TableRow>;
  /** Data rows handed out so far. */
  rowCount(): number;
}

export function normaliseHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((cell, index) => {
    let name = cell.replace(/^\uFEFF/, '').trim();
    if (name === '') name = `Column ${index + 1}`;
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

/**
 * Two columns with one name: readers take the first; the later ones are numbered ("Tags (2)") and,
 * read by no one, kept with each listing exactly as written. Said once, on the header line.
 */
function duplicateHeaderNotes(raw: readonly string[], header: readonly string[], line: number): RowProblem[] {
  const notes: RowProblem[] = [];
  const named = raw.map((cell) => cell.replace(/^\uFEFF/, '').trim());
  header.forEach((name, index) => {
    const own = named[index] ?? '';
    if (own === '' || name === own) return;
    const first = named.findIndex((other) => other.toLowerCase() === own.toLowerCase());
    notes.push({
      line,
      column: name,
      message: `Columns ${first + 1} and ${index + 1} are both named "${own}". Column ${first + 1} is read as "${header[first]}"; column ${index + 1} is shown as "${name}" and kept with each listing exactly as written (map it in the wizard to read it instead).`,
    });
  });
  return notes;
}

function nonEmpty(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
}

function isInfoRow(cells: readonly string[]): boolean {
  const first = (cells[0] ?? '').replace(/^\uFEFF/, '').trim();
  return /^#\s*info\b/i.test(first) || /^info$/i.test(first) || /^info,?\s*version=/i.test(first) || (/^version=/i.test(cells[1] ?? '') && /^#?info/i.test(first));
}

/**
 * Meta's catalog template puts a row of notes above the header, one per column, each starting
 * with `#` (`# Required | A unique content ID…`, in the seller's language: `# Обязательно | …`).
 * A real header never has every cell start with `# `.
 */
function isColumnNotesRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.replace(/^\uFEFF/, '').trim()).filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c) => /^#\s/.test(c));
}

const INSTRUCTION = /^(select|enter|must|choose|required|optional|type|use|add|pick|leave)\b/i;

function isInstructionRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.trim() !== '');
  if (filled.length < 3) return false;
  const instructive = filled.filter((c) => INSTRUCTION.test(c.trim()) || /dropdown|without a currency|no more than/i.test(c));
  return instructive.length >= Math.max(3, filled.length / 2);
}

/** Amazon's row of attribute keys (`contribution_sku#1.value`, `::record_action`…): most of its cells are paths. */
function isAttributeKeysRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length > 0 && filled.filter(isAttributePath).length * 2 >= filled.length;
}

/** Amazon puts a filled-in example under its keys (SKU `ABC123`); Amazon skips it on upload, and so does Listsmith. */
const AMAZON_EXAMPLE_SKU = 'ABC123';
/** The SKU's key: a seller's (`contribution_sku`), or a vendor's in Vendor Central's template. */
const SKU_KEYS = new Set(['contribution_sku#1.value', 'vendor_sku#1.value']);

/**
 * Vendor Central's template says under its keys which columns are required (`PFLICHTFELD`,
 * `OPTIONAL`, `BEDINGT ERFORDERLICH` in German): many cells, a handful of words repeated. A
 * seller's row, however sparse, does not repeat a few words across every column it fills.
 */
function isRequirementRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length >= 8 && new Set(filled).size <= 4;
}

async function* tokenize(text: DecodedText, delimiter: string, quotes: boolean): AsyncGenerator<CsvRecord> {
  const tokenizer = new CsvTokenizer(delimiter, undefined, quotes);
  const out: CsvRecord[] = [];
  for await (const chunk of text.chunks()) {
    tokenizer.push(chunk, out);
    if (out.length > 0) {
      yield* out;
      out.length = 0;
    }
  }
  tokenizer.end(out);
  yield* out;
}

/** `quotes: false`: the file was written without CSV quoting (a `"` is text). */
export async function openTable(text: DecodedText, options: { delimiter?: string; quotes?: boolean } = {}): Promise<Table> {
  const delimiter = options.delimiter ?? sniffDelimiter(text.head);
  const records = tokenize(text, delimiter, options.quotes ?? true);
  const preamble: string[][] = [];
  const notes: RowProblem[] = [];
  let headerRecord: CsvRecord | undefined;
  let skipLabelsRow = false;
  let amazon: AmazonSettings | null = null;
  let ordinal = 0;
  for (;;) {
    const next = await records.next();
    if (next.done) break;
    const record = next.value;
    ordinal++;
    const first = (record.cells[0] ?? '').replace(/^\uFEFF/, '').trim();
    if (skipLabelsRow) {
      skipLabelsRow = false;
      preamble.push(record.cells);
      continue;
    }
    if (ordinal === 1 && isAmazonSettingsRow(record.cells)) {
      amazon = parseAmazonSettings(record.cells);
      preamble.push(record.cells);
      continue;
    }
    if (/^TemplateType=/i.test(first)) {
      preamble.push(record.cells);
      skipLabelsRow = true;
      continue;
    }
    // Under Amazon's settings row: a notice, group names and labels, down to the keys row (a few rows more at most).
    if (amazon !== null && !isAttributeKeysRow(record.cells) && ordinal < (amazon.attributeRow ?? 5) + 5) {
      preamble.push(record.cells);
      continue;
    }
    if (isInfoRow(record.cells) || isColumnNotesRow(record.cells) || (/^template version/i.test(first) && nonEmpty(record.cells) === 1)) {
      preamble.push(record.cells);
      continue;
    }
    headerRecord = record;
    break;
  }
  if (headerRecord === undefined) {
    return { delimiter, header: [], headerLine: 0, preamble, notes, rows: (async function* () {})(), rowCount: () => 0 };
  }
  const header = normaliseHeaders(headerRecord.cells);
  notes.push(...duplicateHeaderNotes(headerRecord.cells, header, headerRecord.line));
  const pending: CsvRecord[] = [];
  if (amazon !== null) {
    // The rows between the keys and the listings (dataRow) hold Amazon's example. A row there that is
    // not the example is the seller's (the example row was deleted): it is read like any other.
    const between = amazon.attributeRow !== null && amazon.dataRow !== null ? amazon.dataRow - amazon.attributeRow - 1 : 1;
    const skuColumn = Math.max(0, headerRecord.cells.findIndex((c) => SKU_KEYS.has(c.trim())));
    for (let i = 0; i < between; i++) {
      const next = await records.next();
      if (next.done) break;
      const sku = (next.value.cells[skuColumn] ?? '').trim();
      if (isRequirementRow(next.value.cells)) {
        notes.push({ line: next.value.line, column: null, message: "Skipped the template's row saying which columns are required (it is not a listing)" });
      } else if (sku === AMAZON_EXAMPLE_SKU) {
        notes.push({ line: next.value.line, column: header[skuColumn] ?? null, message: `Skipped Amazon's example row (SKU ${AMAZON_EXAMPLE_SKU}): it shows how to fill in the template and is not a listing. Amazon skips it on upload too.` });
      } else if (nonEmpty(next.value.cells) > 0) {
        pending.push(next.value);
      }
    }
  } else {
    // Templates (Depop) put an instruction row under the header: not a listing.
    const peek = await records.next();
    if (!peek.done) {
      if (isInstructionRow(peek.value.cells)) {
        notes.push({ line: peek.value.line, column: null, message: 'Skipped the template\'s instruction row (it explains the columns; it is not a listing)' });
      } else {
        pending.push(peek.value);
      }
    }
  }
  let count = 0;
  const width = header.length;
  async function* rows(): AsyncGenerator<TableRow> {
    try {
      const joiner = new UnquotedLineBreakJoiner(header, notes);
      const all = (async function* () {
        for (const record of pending) yield* joiner.push(record);
        for await (const record of records) yield* joiner.push(record);
        yield* joiner.flush();
      })();
      for await (const record of all) {
        count++;
        let problem: RowProblem | null = null;
        if (record.unclosedQuote) {
          problem = {
            line: record.line,
            column: header[record.cells.length - 1] ?? null,
            message: `A quoted cell starting on line ${record.line} is never closed, so the rest of the file was read as one cell. Add the missing " in the file and import again.`,
          };
        } else if (record.oversizeCell !== null) {
          problem = {
            line: record.line,
            column: header[record.oversizeCell] ?? `Column ${record.oversizeCell + 1}`,
            message: 'A cell holds more than 1 MB of text; the row was not imported. Is a closing quote missing before it?',
          };
        }
        const cells = record.cells.length === width ? record.cells : record.cells.slice(0, width);
        while (cells.length < width) cells.push('');
        for (let i = 0; i < cells.length; i++) cells[i] = withoutFormulaApostrophe(cells[i]!);
        const extraCells = record.cells.length > width ? record.cells.slice(width).filter((c) => c.trim() !== '') : [];
        yield { line: record.line, cells, problem, extraCells };
      }
    } finally {
      await records.return(undefined);
    }
  }
  return { delimiter, header, headerLine: headerRecord.line, preamble, notes, rows: rows(), rowCount: () => count };
}
