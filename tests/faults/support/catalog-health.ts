import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * What every fault must leave behind: `integrity_check` says ok and `foreign_key_check` finds no
 * orphan. Opened read-write on purpose: a hot WAL left by a kill is recovered exactly as the app's
 * own next start would.
 */
export function healthProblems(path: string): string[] {
  const db = new Database(path, { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as Record<string, unknown>[]).map((row) => String(Object.values(row)[0]));
    const problems = integrity.length === 1 && integrity[0] === 'ok' ? [] : integrity.slice(0, 5).map((p) => `integrity: ${p}`);
    const orphans = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    for (const orphan of orphans.slice(0, 5)) problems.push(`foreign key: ${orphan.table} → ${orphan.parent}`);
    return problems;
  } finally {
    db.close();
  }
}

/** Counts of the tables a lost or half-done write would show in. */
export function tableCounts(db: Database.Database): Record<string, number> {
  // Not `imports`: it records every attempt, a failed or refused one included, by design.
  const tables = ['listings', 'variants', 'revisions', 'change_sets', 'settings', 'jobs', 'job_items', 'proposals'];
  const have = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]));
  return Object.fromEntries(tables.filter((t) => have.has(t)).map((t) => [t, Number(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get())]));
}

/**
 * A content fingerprint of the catalog: every listing's fields, plus the row counts of the history
 * tables. Equal fingerprints = no write landed (independent of WAL state and page layout).
 */
export function catalogFingerprint(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(tableCounts(db)));
    for (const row of db.prepare('SELECT * FROM listings ORDER BY id').raw().iterate() as Iterable<unknown[]>) hash.update(JSON.stringify(row));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
