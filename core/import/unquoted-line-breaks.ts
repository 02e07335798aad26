import type { RowProblem } from '../../common/import-types.js';
import type { CsvRecord } from './csv-tokenizer.js';

/**
 * A description typed with line breaks into a hand-made CSV without quotes falls apart into
 * pieces: the row up to the break, one record per further line (one cell each: no delimiter), and
 * the rest of the row. The pieces are put back together when they add up to exactly one row of
 * the header's width and the cell they split is a long-text column (a description, notes…): the
 * only cells that hold line breaks. Anything else (ragged rows, a stray line) is left as read, so
 * two real rows are never made one.
 */

/** Header names of columns whose cells hold paragraphs, in the languages exports come in. */
const LONG_TEXT_COLUMN =
  /desc|body|text|content|note|comment|detail|bullet|feature|html|about|story|message|beschreib|beschrijving|beskriv|opis|popis|kuvaus|leírás|açıklama|описан|説明|描述|설명/i;

/** A run longer than this is not a description (nor worth holding back the stream for). */
const MAX_PIECES = 200;

function lineBreaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10 || (c === 13 && cell.charCodeAt(i + 1) !== 10)) n++;
    }
  }
  return n;
}

function clean(record: CsvRecord): boolean {
  return !record.unclosedQuote && record.oversizeCell === null;
}

export class UnquotedLineBreakJoiner {
  private pieces: CsvRecord[] = [];
  /** Cells of the pieces once joined (each join makes two cells one). */
  private joinedCells = 0;

  constructor(
    private readonly header: readonly string[],
    /** Where each repair is said (the table's notes, read after the rows). */
    private readonly notes: RowProblem[],
  ) {}

  /** Records ready to hand out, in file order. */
  push(record: CsvRecord): CsvRecord[] {
    const width = this.header.length;
    if (this.pieces.length > 0) {
      const cells = this.joinedCells + record.cells.length - 1;
      const last = record.cells.length === 1 && cells < width;
      if (clean(record) && cells <= width && this.pieces.length < MAX_PIECES && (last || cells === width) && this.splitsLongText(this.joinedCells - 1)) {
        this.pieces.push(record);
        this.joinedCells = cells;
        if (cells < width) return [];
        return [this.join()];
      }
      const held = this.flush();
      return [...held, ...this.push(record)];
    }
    if (width >= 3 && clean(record) && record.cells.length < width && this.splitsLongText(record.cells.length - 1)) {
      this.pieces = [record];
      this.joinedCells = record.cells.length;
      return [];
    }
    return [record];
  }

  /** What is still held at the end of the file: pieces that never made a row, as read. */
  flush(): CsvRecord[] {
    const held = this.pieces;
    this.pieces = [];
    this.joinedCells = 0;
    return held;
  }

  private splitsLongText(column: number): boolean {
    return LONG_TEXT_COLUMN.test(this.header[column] ?? '');
  }

  private join(): CsvRecord {
    const pieces = this.flush();
    const first = pieces[0]!;
    const cells = [...first.cells];
    let endLine = first.line + lineBreaksIn(first.cells);
    for (const piece of pieces.slice(1)) {
      // Blank lines between pieces were paragraph breaks: they come back as line breaks.
      const breaks = '\n'.repeat(Math.max(1, piece.line - endLine));
      cells[cells.length - 1] += breaks + piece.cells[0]!;
      cells.push(...piece.cells.slice(1));
      endLine = piece.line + lineBreaksIn(piece.cells);
    }
    const column = this.header[first.cells.length - 1]!;
    this.notes.push({
      line: first.line,
      column,
      message: `Lines ${first.line}–${endLine} are one row: its "${column}" cell has line breaks but no quotes around it, so it was read as one cell with its line breaks. Check that listing's ${column.toLowerCase()}.`,
    });
    return { line: first.line, cells, oversizeCell: null, unclosedQuote: false };
  }
}
