import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { applyConnectionPragmas } from './connection-pragmas.js';

/**
 * A second, private reader connection that can hold one read transaction open: while it does, it
 * keeps seeing the database exactly as it was when the transaction began (WAL snapshot), whatever
 * the writer commits meanwhile. A lazily built grid view finishes its id list through it, so the
 * list is the one of the moment the view opened, as if it had been built then.
 *
 * The main connection must not hold such a transaction: it serves every other call, which must
 * see fresh data. Holding the pin also keeps the writer's checkpoint from passing it, so it is
 * held only while some view still has work to do (a few hundred ms), never idle.
 */
export class SnapshotPin {
  private db: BetterSqlite3.Database | null = null;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  /** The main connection's version the pinned snapshot equals; null = not pinned. */
  private pinnedAt: string | null = null;
  private unavailable = false;

  constructor(private readonly path: string | null) {}

  get version(): string | null {
    return this.pinnedAt;
  }

  /**
   * Starts a read transaction on the private connection. Call it inside the main connection's
   * read transaction at `version`; the snapshots are the same only if the main connection still
   * reads `version` after its own transaction ended (see GridViews.open). Returns false when no
   * private connection can be had (an in-memory database, a file that went away).
   */
  pin(version: string): boolean {
    if (this.pinnedAt !== null) throw new Error('SnapshotPin: already pinned; release it first.');
    const db = this.connection();
    if (!db) return false;
    db.exec('BEGIN');
    // A deferred transaction takes its snapshot at the first read.
    this.statement('SELECT 1 FROM listings LIMIT 1').get();
    this.pinnedAt = version;
    return true;
  }

  release(): void {
    if (this.pinnedAt === null) return;
    this.pinnedAt = null;
    if (this.db?.inTransaction) this.db.exec('COMMIT');
  }

  /** A pluck()ed statement on the private connection, prepared once. Only while pinned. */
  statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db!.prepare(sql).pluck();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  close(): void {
    this.release();
    this.statements.clear();
    this.db?.close();
    this.db = null;
    this.unavailable = true;
  }

  private connection(): BetterSqlite3.Database | null {
    if (this.db || this.unavailable) return this.db;
    if (this.path === null || this.path === '' || this.path === ':memory:') {
      this.unavailable = true;
      return null;
    }
    try {
      const db = new Database(this.path, { fileMustExist: true });
      applyConnectionPragmas(db, 'reader');
      this.db = db;
    } catch {
      this.unavailable = true;
    }
    return this.db;
  }
}
