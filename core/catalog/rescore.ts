import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import { RULE_INPUT_COLUMNS, ruleInputFromRow, type RuleInputRow } from './rule-input-row.js';
import type { ListingRow } from './listing-codec.js';
import { qualityOf } from './listing-quality.js';
import type { Catalog } from './open-catalog.js';
import { deleteSetting, readSetting, writeSetting } from './settings.js';
import { claimRulesVersionIfUnscored, RULES_VERSION, writeRulesVersion } from './rules-version.js';

/** `settings` key of an unfinished full pass: {version, afterId}, so a restart resumes it. */
export const RESCORE_CURSOR_KEY = 'rescore_cursor';

/** Rows per transaction: ~20–40 ms of work, short enough that a queued edit barely waits. */
export const RESCORE_BATCH_SIZE = 2_000;

export interface RescoreOptions {
  batchSize?: number;
  /**
   * Runs one batch (a synchronous transaction). The writer thread passes its call queue, so calls
   * that arrived meanwhile run between batches; by default the batch runs at once.
   */
  runBatch?: <T>(work: () => T) => Promise<T>;
  /** Stops after the current batch; a full pass resumes from its saved cursor at the next start. */
  signal?: AbortSignal;
}

export interface RescoreResult {
  /** Every row was evaluated because the rules changed since the catalog was scored. */
  fullPass: boolean;
  /** Rows evaluated. */
  scored: number;
  /** Rows whose stored score, error count or failing rules changed. */
  changed: number;
  /** false when stopped by the signal before the end. */
  finished: boolean;
}

type ScoreRow = RuleInputRow & Pick<ListingRow, 'quality_score' | 'error_count' | 'failing_rules'>;

const SCORE_COLUMNS = `${RULE_INPUT_COLUMNS}, quality_score, error_count, failing_rules`;

/**
 * Brings every stored quality score up to date, in the background on the writer:
 *
 * - rows not scored yet (quality_score NULL: just after migration 003 upgraded a catalog) are
 *   scored — served by listings_score, so when there are none this costs one index probe;
 * - when the rule tables changed since the catalog was scored (`rules_version` differs, see
 *   rules-version.ts), every row is evaluated again in id order, and only rows whose result
 *   differs are written, so old scores stay visible (and the grid usable) until replaced. The
 *   cursor is saved with every batch; `rules_version` is written when the pass completes.
 *
 * Each batch is its own short transaction, with an event-loop turn between batches, so edits and
 * imports interleave. Only the writer may run this (a reader connection is query-only).
 */
export async function rescoreCatalog(catalog: Catalog, options: RescoreOptions = {}): Promise<RescoreResult> {
  if (catalog.role !== 'writer') throw new Error('Rescoring writes to the catalog: run it on the writer connection only.');
  const { db } = catalog;
  const batchSize = options.batchSize ?? RESCORE_BATCH_SIZE;
  const runBatch = options.runBatch ?? (<T>(work: () => T) => Promise.resolve(work()));
  const stopped = (): boolean => options.signal?.aborted === true;
  const result: RescoreResult = { fullPass: false, scored: 0, changed: 0, finished: false };
  const statements = prepareStatements(db);

  const start = await runBatch(() => (stopped() ? null : startingPoint(db)));
  if (start === null) return result;
  result.fullPass = start.fullPass;

  // Full pass (rules changed) over every id; then (always) whatever is still unscored.
  const passes = start.fullPass ? [{ select: statements.all, from: start.afterId, full: true }] : [];
  passes.push({ select: statements.unscored, from: 0, full: false });
  for (const pass of passes) {
    let afterId = pass.from;
    for (;;) {
      await yieldToEventLoop();
      if (stopped()) return result;
      const batch = await runBatch(() => (stopped() ? null : scoreBatch(db, statements, pass.select, afterId, batchSize, pass.full)));
      if (batch === null) return result;
      result.scored += batch.scored;
      result.changed += batch.changed;
      if (batch.lastId === null) break;
      afterId = batch.lastId;
    }
  }
  result.finished = true;
  return result;
}

interface Statements {
  all: BetterSqlite3.Statement;
  unscored: BetterSqlite3.Statement;
  update: BetterSqlite3.Statement;
}

function prepareStatements(db: BetterSqlite3.Database): Statements {
  return {
    all: db.prepare(`SELECT ${SCORE_COLUMNS} FROM listing_rows WHERE id > ? ORDER BY id LIMIT ?`),
    // listings_score holds (quality_score, rowid): an index seek to the NULLs after the cursor.
    // Listings an import left to the index backlog are scored by it (index-backlog.ts), not twice.
    unscored: db.prepare(`SELECT ${SCORE_COLUMNS} FROM listing_rows WHERE quality_score IS NULL AND id > ? AND id NOT IN (SELECT id FROM listings_unindexed) ORDER BY id LIMIT ?`),
    update: db.prepare('UPDATE listings SET quality_score = ?, error_count = ?, failing_rules = ? WHERE id = ?'),
  };
}

/** Whether a full pass is due, and where to resume one an earlier run left unfinished. */
function startingPoint(db: BetterSqlite3.Database): { fullPass: boolean; afterId: number } {
  if (claimRulesVersionIfUnscored(db)) {
    deleteSetting(db, RESCORE_CURSOR_KEY);
    return { fullPass: false, afterId: 0 };
  }
  return { fullPass: true, afterId: savedCursor(db) };
}

function savedCursor(db: BetterSqlite3.Database): number {
  const text = readSetting(db, RESCORE_CURSOR_KEY);
  if (text === undefined) return 0;
  try {
    const cursor = JSON.parse(text) as { version?: unknown; afterId?: unknown };
    return cursor.version === RULES_VERSION && Number.isSafeInteger(cursor.afterId) ? (cursor.afterId as number) : 0;
  } catch {
    return 0;
  }
}

interface BatchOutcome {
  scored: number;
  changed: number;
  /** The last id evaluated; null when the pass is complete. */
  lastId: number | null;
}

function scoreBatch(db: BetterSqlite3.Database, statements: Statements, select: BetterSqlite3.Statement, afterId: number, batchSize: number, fullPass: boolean): BatchOutcome {
  return db.transaction((): BatchOutcome => {
    const rows = select.all(afterId, batchSize) as ScoreRow[];
    let changed = 0;
    for (const row of rows) {
      const quality = qualityOf(ruleInputFromRow(row));
      if (quality.qualityScore === row.quality_score && quality.errorCount === row.error_count && quality.failingRules === row.failing_rules) continue;
      statements.update.run(quality.qualityScore, quality.errorCount, quality.failingRules, row.id);
      changed++;
    }
    const lastId = rows.length === batchSize ? rows[rows.length - 1]!.id : null;
    if (fullPass && lastId !== null) writeSetting(db, RESCORE_CURSOR_KEY, { version: RULES_VERSION, afterId: lastId });
    if (fullPass && lastId === null) {
      writeRulesVersion(db);
      deleteSetting(db, RESCORE_CURSOR_KEY);
    }
    return { scored: rows.length, changed, lastId };
  }).immediate();
}
