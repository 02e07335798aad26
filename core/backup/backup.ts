/**
 * Rolling, verified backups of the catalog with SQLite's ONLINE BACKUP API (better-sqlite3's
 * `db.backup()`: asynchronous, a few pages per event-loop turn, consistent while the app keeps
 * writing through other connections).
 *
 * A backup counts only once it is complete AND verified:
 *   1. pages are copied into `<final name>.partial` (never listed, swept at the next run),
 *   2. the copy is switched to a self-contained rollback-journal file (no -wal/-shm beside it),
 *   3. `PRAGMA integrity_check` on the copy must answer exactly `ok`,
 *   4. the copy is fsync'ed, renamed to its final name, and the folder fsync'ed,
 *   5. only then does retention delete old backups.
 * A crash or `kill -9` at any step leaves a `.partial` file at worst: earlier backups and the
 * catalog are untouched (tests/unit/backup/kill-mid-backup.test.ts proves it with SIGKILL).
 *
 * Threads: the page copy yields to the event loop, but opening the copy and integrity_check are
 * synchronous and take seconds on a 1 GB catalog. Run these functions in a worker thread (the
 * catalog's background reader for contract calls; backup.worker.ts for start-up/restore): never on
 * the Electron main thread. Plain Node: no Electron imports.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statfsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { backupFileName, parseBackupFileName, PARTIAL_SUFFIX, type BackupInfo, type BackupReason } from './backup-names.js';
import { backupsToDelete, DEFAULT_RETENTION, type RetentionPolicy } from './retention.js';

export type BackupErrorCode = 'disk_full' | 'backup_corrupt' | 'not_found' | 'database_unavailable' | 'cancelled';

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(code: BackupErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
    this.code = code;
  }
}

export interface CreateBackupOptions {
  backupDir: string;
  reason: BackupReason;
  /** The timestamp in the name (tests pass one). */
  now?: Date;
  /** Pages copied per step (default 256 ≈ 1 MiB with 4 KiB pages); smaller = more yielding. */
  pagesPerStep?: number;
  onProgress?: (progress: { totalPages: number; remainingPages: number }) => void;
  retention?: RetentionPolicy;
  signal?: AbortSignal;
}

/** Page-stepped copies restarted this often by concurrent writes finish in one step instead. */
const MAX_RESTARTS = 3;
const ALL_PAGES = 0x7fffffff;

/** Free space needed beyond the catalog's size before a backup starts. */
const FREE_SPACE_MARGIN_BYTES = 64 * 1024 * 1024;

/**
 * Backs up `source` (an open connection — e.g. the worker's own — or a catalog file path, opened
 * read-only for the copy) into `backupDir`. Resolves with the verified backup.
 */
export async function createBackup(source: BetterSqlite3.Database | string, options: CreateBackupOptions): Promise<BackupInfo> {
  mkdirSync(options.backupDir, { recursive: true });
  sweepPartialBackups(options.backupDir);
  const ownConnection = typeof source === 'string';
  const db = typeof source === 'string' ? new Database(source, { readonly: true, fileMustExist: true }) : source;
  const name = uniqueName(options.backupDir, options.reason, options.now ?? new Date());
  const finalPath = join(options.backupDir, name);
  const partialPath = finalPath + PARTIAL_SUFFIX;
  try {
    ensureFreeSpace(db, options.backupDir);
    const rate = Math.max(1, Math.floor(options.pagesPerStep ?? 256));
    // A write through ANOTHER connection between two steps makes SQLite restart the copy. Under a
    // steady stream of writes (a long import) a page-stepped backup could restart forever, so after
    // MAX_RESTARTS it copies everything left in one step (one read transaction: in WAL mode that
    // never blocks the writer; it blocks only the thread running the backup — a worker).
    let restarts = 0;
    let lastRemaining = Number.POSITIVE_INFINITY;
    await db.backup(partialPath, {
      progress: (progress) => {
        if (options.signal?.aborted) throw new BackupError('cancelled', 'The backup was cancelled.');
        if (progress.remainingPages >= lastRemaining) restarts += 1; // a restart copies from page 1 again
        lastRemaining = progress.remainingPages;
        options.onProgress?.(progress);
        return restarts >= MAX_RESTARTS ? ALL_PAGES : rate;
      },
    });
    verifyCopy(partialPath);
    fsyncFile(partialPath);
    renameSync(partialPath, finalPath);
    fsyncDir(options.backupDir);
  } catch (error) {
    for (const suffix of PARTIAL_COMPANIONS) rmSync(partialPath + suffix, { force: true });
    throw error;
  } finally {
    if (ownConnection) db.close();
  }
  const info: BackupInfo = { id: name, reason: options.reason, createdAt: parseBackupFileName(name)!.createdAt, sizeBytes: statSync(finalPath).size };
  applyRetention(options.backupDir, options.retention ?? DEFAULT_RETENTION);
  return info;
}

/** Verified backups in `backupDir`, newest first. Ignores partials and foreign files. */
export function listBackups(backupDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const id of names) {
    const parsed = parseBackupFileName(id);
    if (!parsed) continue;
    try {
      backups.push({ id, ...parsed, sizeBytes: statSync(join(backupDir, id)).size });
    } catch {
      // Deleted meanwhile.
    }
  }
  return backups.sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
}

/** Deletes what the retention policy no longer keeps; returns the deleted ids. */
export function applyRetention(backupDir: string, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const doomed = backupsToDelete(listBackups(backupDir), policy);
  for (const id of doomed) rmSync(join(backupDir, id), { force: true });
  return doomed;
}

/**
 * A partial copy and the files SQLite keeps beside it while the copy is verified (a kill during
 * verification leaves `-wal`/`-shm` of the partial, never of the catalog). They go together.
 */
const PARTIAL_COMPANIONS = ['', '-journal', '-wal', '-shm'] as const;

/** Removes `.partial` leftovers of a crashed or killed backup (they were never counted). */
export function sweepPartialBackups(backupDir: string): void {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (PARTIAL_COMPANIONS.some((suffix) => name.endsWith(PARTIAL_SUFFIX + suffix))) rmSync(join(backupDir, name), { force: true });
  }
}

/**
 * Makes a fresh copy a single self-contained file and runs `PRAGMA integrity_check` on it. Throws
 * BackupError('backup_corrupt') unless SQLite answers exactly `ok`.
 */
export function verifyCopy(path: string): void {
  integrityCheck(path, { readonly: false, toRollbackJournal: true });
}

/** `PRAGMA integrity_check` of a file; throws BackupError('backup_corrupt') unless it says `ok`. */
export function integrityCheck(path: string, options: { readonly: boolean; toRollbackJournal?: boolean }): void {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, readonly: options.readonly });
    // A copy inherits WAL mode from the catalog's header; a backup must be ONE file that can be
    // copied, mailed or restored on its own (no -wal/-shm beside it).
    if (options.toRollbackJournal) db.pragma('journal_mode = DELETE');
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') {
      throw new BackupError('backup_corrupt', `The backup failed its integrity check: ${rows.slice(0, 3).map((r) => r.integrity_check).join('; ')}`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('backup_corrupt', `The backup could not be verified: ${(error as Error).message}`, { cause: error });
  } finally {
    db?.close();
  }
}

function uniqueName(dir: string, reason: BackupReason, at: Date): string {
  let time = at.getTime();
  // Two backups in the same millisecond (tests, a double click): move on by a millisecond.
  while (existsSync(join(dir, backupFileName(reason, new Date(time))))) time += 1;
  return backupFileName(reason, new Date(time));
}

function ensureFreeSpace(db: BetterSqlite3.Database, dir: string): void {
  const pageCount = Number(db.pragma('page_count', { simple: true }));
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const needed = pageCount * pageSize + FREE_SPACE_MARGIN_BYTES;
  let free: number;
  try {
    const stats = statfsSync(dir);
    free = Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return; // statfs unsupported: let SQLite report SQLITE_FULL if it comes to that
  }
  if (free < needed) {
    throw new BackupError(
      'disk_full',
      `Not enough free disk space for a backup: it needs about ${Math.ceil(needed / 1e6)} MB and ${Math.floor(free / 1e6)} MB are free. Free some space; your catalog was not changed.`,
    );
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return; // directories cannot be opened for fsync on Windows
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse directory fsync; the rename is still atomic.
  }
}
