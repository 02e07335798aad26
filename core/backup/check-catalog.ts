/**
 * Start-up health check of the catalog file, before the core opens it. `PRAGMA quick_check` can
 * fail two ways and both mean "damaged": it THROWS (SQLITE_CORRUPT, SQLITE_NOTADB — the header is
 * unreadable) or it RETURNS rows other than a single `ok` (damaged pages, bad indexes). Either way
 * the verdict names the newest backup that itself passes a quick check, so the shell can offer it.
 *
 * Synchronous and O(file size): run it on a worker thread (backup.worker.ts), not the main thread.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from './backup-names.js';
import { listBackups } from './backup.js';

export type CatalogVerdict =
  | { ok: true; missing?: boolean }
  | { ok: false; corrupt: true; reason: string; newestGoodBackup: BackupInfo | null };

/** How many backups to try (newest first) when looking for a good one. */
const MAX_BACKUPS_TO_PROBE = 5;

/** `quick_check` of one file: null when healthy, else a one-line reason. Never throws. */
export function quickCheckFile(path: string, options: { readonly?: boolean } = {}): string | null {
  let db: Database.Database | undefined;
  try {
    // Read-write by default: a hot WAL left by a crash is recovered by SQLite itself (that is normal
    // crash recovery, not a change of content); read-only probes are used on backups.
    db = new Database(path, { fileMustExist: true, readonly: options.readonly ?? false });
    const rows = db.pragma('quick_check') as Record<string, unknown>[];
    const values = rows.map((row) => String(Object.values(row)[0]));
    if (values.length === 1 && values[0] === 'ok') return null;
    return `quick_check reported ${values.length} problem(s): ${values.slice(0, 3).join('; ')}`.slice(0, 500);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return `${typeof code === 'string' ? `${code}: ` : ''}${(error as Error).message}`.slice(0, 500);
  } finally {
    try {
      db?.close();
    } catch {
      // A connection to a damaged file may fail to close cleanly; nothing more to do.
    }
  }
}

export function newestGoodBackup(backupDir: string): BackupInfo | null {
  for (const backup of listBackups(backupDir).slice(0, MAX_BACKUPS_TO_PROBE)) {
    if (quickCheckFile(join(backupDir, backup.id), { readonly: true }) === null) return backup;
  }
  return null;
}

export function checkCatalog(catalogPath: string, backupDir: string): CatalogVerdict {
  if (!existsSync(catalogPath)) return { ok: true, missing: true };
  const reason = quickCheckFile(catalogPath);
  if (reason === null) return { ok: true };
  return { ok: false, corrupt: true, reason, newestGoodBackup: newestGoodBackup(backupDir) };
}
