/**
 * A small streaming CSV/TSV tokenizer (RFC 4180, relaxed). Written instead of driving csv-parse
 * because an import must survive what csv-parse treats as fatal: a cell of megabytes has to reject
 * just its row and carry on, and an unclosed quote has to be reported with the line where it
 * starts. It also knows the file line where each record starts (multi-line cells included).
 *
 * Relaxed rules: a quote inside an unquoted cell is literal (`5" tall`); a cell whose closing quote
 * is followed by more text was not quoted but starts with a quoted phrase (`"THE MATE" cleaner`, as
 * a TSV writer without quoting leaves it) and is read as written, quotes included, when its quoted
 * part holds no line break and no doubled quote (else the text after the quote is kept: `"a""b"c`
 * → `a"bc`; spaces alone after it: `"a" ,b` → `a `); CRLF, LF and lone CR all end a record; blank lines are skipped.
 */

export interface CsvRecord {
  /** File line (1-based) where the record starts. */
  line: number;
  cells: string[];
  /** Index of a cell that went over the size cap (its text was cut), or null. */
  oversizeCell: number | null;
  /** The file ended inside a quoted cell that started in this record. */
  unclosedQuote: boolean;
}

export const MAX_CELL_CHARS = 1_000_000;

export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly maxCell: number;
  private readonly quote: number;
  private line = 1;
  private recordLine = 1;
  private cells: string[] = [];
  private field = '';
  private fieldQuoted = false;
  /** The quoted part of the field is its text as written but for the two quotes (no `""`, no line break). */
  private quotedAsWritten = true;
  /** Length of the quoted part when text follows its closing quote, else -1. */
  private quotedLength = -1;
  private inQuotes = false;
  private quotePending = false;
  private afterCR = false;
  private oversize: number | null = null;
  private lastWasCR = false;

  /** `quotes: false` reads `"` as text everywhere (files written without CSV quoting). */
  constructor(delimiter: string, maxCell = MAX_CELL_CHARS, quotes = true) {
    this.delimiter = delimiter.charCodeAt(0);
    this.maxCell = maxCell;
    this.quote = quotes ? 34 : -1;
  }

  /** The line the tokenizer has reached (for progress / error messages). */
  currentLine(): number {
    return this.line;
  }

  push(text: string, out: CsvRecord[]): void {
    const n = text.length;
    const delim = this.delimiter;
    let i = 0;
    while (i < n) {
      if (this.afterCR) {
        this.afterCR = false;
        if (text.charCodeAt(i) === 10) {
          i++;
          continue;
        }
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (text.charCodeAt(i) === 34) {
          this.append('"');
          this.quotedAsWritten = false;
          i++;
          continue;
        }
        this.inQuotes = false;
        const next = text.charCodeAt(i);
        if (next !== delim && next !== 10 && next !== 13 && this.quotedAsWritten) this.quotedLength = this.field.length;
      }
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        if (end > i) {
          const segment = text.slice(i, end);
          if (this.quotedAsWritten && /[\r\n]/.test(segment)) this.quotedAsWritten = false;
          this.countLines(segment);
          this.append(segment);
        }
        if (q === -1) return;
        this.quotePending = true;
        i = q + 1;
        continue;
      }
      // Unquoted: take the run up to the next special character.
      let j = i;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === delim || c === 10 || c === 13 || c === this.quote) break;
        j++;
      }
      if (j > i) this.append(text.slice(i, j));
      if (j >= n) return;
      if (c === delim) {
        this.endField();
      } else if (c === 10 || c === 13) {
        this.endField();
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        if (c === 13) this.afterCR = true;
      } else if (this.field === '' && !this.fieldQuoted) {
        this.inQuotes = true;
        this.fieldQuoted = true;
      } else {
        this.append('"');
      }
      i = j + 1;
    }
  }

  end(out: CsvRecord[]): void {
    const unclosed = this.inQuotes && !this.quotePending;
    this.inQuotes = false;
    this.quotePending = false;
    if (this.field !== '' || this.fieldQuoted || this.cells.length > 0) {
      this.endField();
      this.endRecord(out, unclosed);
    }
  }

  private append(text: string): void {
    if (this.field.length + text.length > this.maxCell) {
      this.oversize ??= this.cells.length;
      const room = this.maxCell - this.field.length;
      if (room > 0) this.field += text.slice(0, room);
      return;
    }
    this.field += text;
  }

  private countLines(segment: string): void {
    for (let k = 0; k < segment.length; k++) {
      const ch = segment.charCodeAt(k);
      if (ch === 10) {
        if (!(k > 0 && segment.charCodeAt(k - 1) === 13) && !(k === 0 && this.lastWasCR)) this.line++;
      } else if (ch === 13) {
        this.line++;
      }
    }
    this.lastWasCR = segment.charCodeAt(segment.length - 1) === 13;
  }

  private endField(): void {
    // Spaces after a closing quote (`"a" ,b`) are padding; words are the cell's own text.
    if (this.quotedLength >= 0 && this.field.slice(this.quotedLength).trim() !== '') {
      this.field = `"${this.field.slice(0, this.quotedLength)}"${this.field.slice(this.quotedLength)}`;
    }
    this.quotedLength = -1;
    this.cells.push(this.field);
    this.field = '';
    this.fieldQuoted = false;
    this.quotedAsWritten = true;
  }

  private endRecord(out: CsvRecord[], unclosedQuote = false): void {
    const cells = this.cells;
    this.cells = [];
    const blank = cells.length === 1 && cells[0] === '' && !unclosedQuote;
    if (!blank) out.push({ line: this.recordLine, cells, oversizeCell: this.oversize, unclosedQuote });
    this.oversize = null;
  }
}

/** Guesses the delimiter from the head of the file: the one giving the most consistent column count. */
export function sniffDelimiter(head: string): string {
  const candidates = [',', '\t', ';', '|'];
  let best = ',';
  let bestScore = -1;
  const sample = head.length > 200_000 ? head.slice(0, 200_000) : head;
  for (const candidate of candidates) {
    const tokenizer = new CsvTokenizer(candidate, 10_000);
    const records: CsvRecord[] = [];
    tokenizer.push(sample, records);
    const rows = records.slice(0, 40).filter((r) => !r.unclosedQuote);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
    let modeCols = 1;
    let modeFreq = 0;
    for (const [cols, freq] of counts) {
      if (freq > modeFreq || (freq === modeFreq && cols > modeCols)) {
        modeCols = cols;
        modeFreq = freq;
      }
    }
    if (modeCols < 2) continue;
    // Consistency first, then width (wider wins ties: a tab file's cells rarely hold tabs). Width
    // only breaks ties: a TSV whose descriptions are full of commas splits its data rows into many
    // equal comma columns too, and only its header row disagrees (a real Google feed, 36 vs 9).
    const score = (modeFreq / rows.length) * 1_000_000 + Math.min(modeCols, 999);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}
