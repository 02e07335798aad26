/**
 * Restore a backup over the catalog. PRECONDITION: the core is closed (no worker holds the
 * catalog); the host (Electron shell or web host) closes it, calls this, then opens a new core.
 *
 *   1. the chosen backup must pass `integrity_check` (a damaged backup is refused, nothing changes),
 *   2. the current catalog is kept as a `pre-restore` backup (the undo) — or, when it is too
 *      damaged for the backup API, its raw files are MOVED (never deleted) into
 *      `<backupDir>/damaged-<timestamp>/` so support can still try to rescue them,
 *   3. the backup is copied INTO the catalog with SQLite's backup API: SQLite itself writes the
 *      pages through the catalog's WAL and keeps -wal/-shm consistent (we never delete them behind
 *      its back),
 *   4. the result must pass `quick_check` and have the backup's schema version.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { isBackupId, type BackupInfo } from './backup-names.js';
import { BackupError, createBackup, integrityCheck, listBackups } from './backup.js';
import { quickCheckFile } from './check-catalog.js';

export interface RestoreOptions {
  catalogPath: string;
  backupDir: string;
  /** A backup file name from listBackups (never a path). */
  backupId: string;
  now?: Date;
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The pre-restore backup of the catalog as it was (restore it to undo), when it could be made. */
  undo: BackupInfo | null;
  /** Where the damaged catalog's raw files were moved when no pre-restore backup could be made. */
  damagedFilesDir: string | null;
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { catalogPath, backupDir, backupId } = options;
  if (!isBackupId(backupId)) throw new BackupError('not_found', 'That backup name is not valid. Pick a backup from the list.');
  const restored = listBackups(backupDir).find((b) => b.id === backupId);
  if (!restored) throw new BackupError('not_found', 'That backup no longer exists. Pick another one from the list.');
  const backupPath = join(backupDir, backupId);

  // 1. Verify the backup, read-only: the backup file itself stays byte-for-byte what it was.
  integrityCheck(backupPath, { readonly: true });
  const backupVersion = userVersion(backupPath);

  // 2. Keep the current catalog (undo).
  let undo: BackupInfo | null = null;
  let damagedFilesDir: string | null = null;
  if (existsSync(catalogPath)) {
    if (quickCheckFile(catalogPath) === null) {
      undo = await createBackup(catalogPath, { backupDir, reason: 'pre-restore', ...(options.now ? { now: options.now } : {}) });
    } else {
      damagedFilesDir = moveDamagedCatalog(catalogPath, backupDir, options.now ?? new Date());
    }
  }

  // 3. Copy the backup into the catalog through SQLite (creates the file when it was moved away).
  const source = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(catalogPath);
  } finally {
    source.close();
  }

  // 4. Check what we restored.
  const problem = quickCheckFile(catalogPath);
  if (problem !== null) throw new BackupError('database_unavailable', `The restored catalog did not pass its check (${problem}). The previous catalog is kept as ${undo?.id ?? damagedFilesDir ?? 'nothing'}.`);
  if (userVersion(catalogPath) !== backupVersion) throw new BackupError('database_unavailable', 'The restored catalog has an unexpected schema version.');
  return { restored, undo, damagedFilesDir };
}

function userVersion(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return Number(db.pragma('user_version', { simple: true }));
  } finally {
    db.close();
  }
}

/** The catalog (and its -wal/-shm, which belong to it) moved aside together, never deleted. */
function moveDamagedCatalog(catalogPath: string, backupDir: string, now: Date): string {
  const dir = join(backupDir, `damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = catalogPath + suffix;
    if (existsSync(from)) renameSync(from, join(dir, `catalog.sqlite${suffix}`));
  }
  return dir;
}
