import type BetterSqlite3 from 'better-sqlite3';
import type { ImportReport, RowProblem } from '../../common/import-types.js';

/** The report keeps at most this many errors and as many warnings; the totals are counted. */
export const MAX_STORED_PROBLEMS = 1_000;

/** Collects problems up to MAX_STORED_PROBLEMS and counts the rest. */
export class CappedProblems {
  private readonly items: RowProblem[] = [];
  total = 0;

  add(problem: RowProblem): void {
    this.total++;
    if (this.items.length < MAX_STORED_PROBLEMS) this.items.push(problem);
  }

  unshift(problem: RowProblem): void {
    this.total++;
    this.items.unshift(problem);
  }

  /** The kept problems; when some were dropped, a last line (line 0) says how many. */
  list(): RowProblem[] {
    const hidden = this.total - this.items.length;
    if (hidden <= 0) return [...this.items];
    return [...this.items, { line: 0, column: null, message: `…and ${hidden.toLocaleString('en-US')} more not listed here.` }];
  }
}

export interface ImportStart {
  fileName: string;
  dialect: string | null;
  encoding: string | null;
  startedAt: number;
}

/** Creates the `imports` row (in its own autocommit statement) and returns its id. */
export function recordImportStart(db: BetterSqlite3.Database, start: ImportStart): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO imports (file_name, dialect, encoding, started_at, counts, report) VALUES (?, ?, ?, ?, '{}', '{}')")
    .run(start.fileName, start.dialect, start.encoding, start.startedAt);
  return Number(lastInsertRowid);
}

/** Fills in the end of an import: after COMMIT or ROLLBACK, so a cancelled or failed import is recorded too. */
export function recordImportEnd(
  db: BetterSqlite3.Database,
  importId: number,
  report: ImportReport,
  totals: { errors: number; warnings: number; failed: boolean },
): void {
  const counts = {
    dataRows: report.dataRows,
    imported: report.imported,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    errorCount: totals.errors,
    warningCount: totals.warnings,
    cancelled: report.cancelled,
    failed: totals.failed,
  };
  db.prepare('UPDATE imports SET dialect = ?, encoding = ?, finished_at = ?, counts = ?, report = ? WHERE id = ?').run(
    report.dialect,
    report.encoding,
    report.finishedAt,
    JSON.stringify(counts),
    JSON.stringify(report),
    importId,
  );
}

/** A stored report, or null when there is no import with this id or it has not finished yet. */
export function readImportReport(db: BetterSqlite3.Database, importId: number): ImportReport | null {
  const row = db.prepare('SELECT report, finished_at FROM imports WHERE id = ?').get(importId) as { report: string; finished_at: number | null } | undefined;
  if (!row || row.finished_at === null) return null;
  return JSON.parse(row.report) as ImportReport;
}

/**
 * Opens the import's change set (author and kind 'import', undoable: undo removes the listings it
 * created and restores the ones it changed). Like any new change it ends redo: undone change sets
 * become 'discarded'. Call inside the import's transaction, at its first write, so a cancelled or
 * empty import leaves none.
 */
export function openImportChangeSet(db: BetterSqlite3.Database, fileName: string, at: number): number {
  db.prepare("UPDATE change_sets SET state = 'discarded', updated_at = ? WHERE undoable = 1 AND state = 'undone'").run(at);
  const { lastInsertRowid } = db
    .prepare("INSERT INTO change_sets (author, kind, summary, listing_count, state, undoable, created_at, updated_at) VALUES ('import', 'import', ?, 0, 'applied', 1, ?, ?)")
    .run(importSummary(fileName, 0, 0), at, at);
  return Number(lastInsertRowid);
}

/** Records the ids a batch created, as consecutive ranges (usually one per batch). */
export function recordCreatedIds(db: BetterSqlite3.Database, changeSetId: number, ids: readonly number[]): void {
  const insert = db.prepare('INSERT INTO change_set_created (change_set_id, first_id, last_id) VALUES (?, ?, ?)');
  let first: number | undefined;
  let last: number | undefined;
  for (const id of ids) {
    if (first !== undefined && last !== undefined && id === last + 1) {
      last = id;
      continue;
    }
    if (first !== undefined && last !== undefined) insert.run(changeSetId, first, last);
    first = id;
    last = id;
  }
  if (first !== undefined && last !== undefined) insert.run(changeSetId, first, last);
}

/** Fills in what the import did, before its COMMIT. */
export function closeImportChangeSet(db: BetterSqlite3.Database, changeSetId: number, fileName: string, counts: { imported: number; updated: number }, at: number): void {
  db.prepare('UPDATE change_sets SET summary = ?, listing_count = ?, updated_at = ? WHERE id = ?').run(
    importSummary(fileName, counts.imported, counts.updated),
    counts.imported + counts.updated,
    at,
    changeSetId,
  );
}

/** Seller-facing, e.g. "Import of shop.csv: 120 new, 30 changed". */
export function importSummary(fileName: string, imported: number, updated: number): string {
  return `Import of ${fileName}: ${imported.toLocaleString('en-US')} new, ${updated.toLocaleString('en-US')} changed`;
}
