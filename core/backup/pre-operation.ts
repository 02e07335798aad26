/**
 * A backup before a big import or bulk edit (issue 7: "rolling backups … before big imports and
 * bulk edits"), taken on the writer's own connection right before the operation writes, so the
 * copy is exactly the catalog the operation starts from. Undo covers edits, but not a wrong
 * import of 50,000 rows into a carefully kept catalog, nor a database damaged halfway.
 *
 * Never throws: a failed backup is logged and reported, and the operation goes ahead (the seller
 * asked for it; refusing would lose their work, and the disk-full case fails the operation itself
 * anyway). Skipped when the operation is small, the catalog is tiny (nothing worth keeping), or a
 * verified backup is younger than `recentMs` (back-to-back imports don't each copy a 1 GB file).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PreOperationBackupStatus } from '../../common/diagnostics-types.js';
import type { BackupInfo } from './backup-names.js';
import { createBackup, listBackups } from './backup.js';

export const BIG_OPERATION_LISTINGS = 10_000;
/** Catalogs smaller than this are not backed up before an operation: there is little to lose. */
export const TINY_CATALOG_LISTINGS = 100;
export const RECENT_BACKUP_MS = 15 * 60_000;

export type PreOperationReason = PreOperationBackupStatus['reason'];

export interface PreOperationBackupOptions {
  reason: PreOperationReason;
  /** Rows the import holds or listings the bulk edit covers (an upper estimate is fine). */
  size: number;
  /** Listings in the catalog now. */
  catalogListings: number;
  backupDir: string;
  now?: number;
  bigOperation?: number;
  tinyCatalog?: number;
  recentMs?: number;
  /** Called just before the copy starts (e.g. to show "Backing up…"). */
  onBackupStart?: () => void;
  log?: Pick<Console, 'info' | 'error'>;
  /** Test seam: how the backup is made. */
  create?: (db: BetterSqlite3.Database, reason: PreOperationReason, backupDir: string) => Promise<BackupInfo>;
}

let lastStatus: PreOperationBackupStatus | null = null;

/** The last decision on this thread (the writer's), for diagnostics. */
export function lastPreOperationBackup(): PreOperationBackupStatus | null {
  return lastStatus;
}

/** Null when the operation is not big enough to consider a backup at all. */
export async function backupBeforeBigOperation(db: BetterSqlite3.Database, options: PreOperationBackupOptions): Promise<PreOperationBackupStatus | null> {
  const { reason, size, catalogListings } = options;
  if (size < (options.bigOperation ?? BIG_OPERATION_LISTINGS)) return null;
  const now = options.now ?? Date.now();
  const log = options.log ?? console;
  const what = reason === 'pre-import' ? `an import of about ${size.toLocaleString('en-US')} rows` : `a bulk edit of ${size.toLocaleString('en-US')} listings`;
  const record = (outcome: PreOperationBackupStatus['outcome'], detail: string): PreOperationBackupStatus =>
    (lastStatus = { reason, outcome, detail, listings: catalogListings, at: now });

  if (catalogListings < (options.tinyCatalog ?? TINY_CATALOG_LISTINGS)) return record('skipped', `The catalog held only ${catalogListings} listings.`);
  const recentMs = options.recentMs ?? RECENT_BACKUP_MS;
  const recent = listBackups(options.backupDir).find((backup) => now - backup.createdAt < recentMs && backup.createdAt <= now);
  if (recent) {
    log.info(`[backup] no backup before ${what}: ${recent.id} is less than ${Math.round(recentMs / 60_000)} minutes old`);
    return record('skipped', `A backup from less than ${Math.round(recentMs / 60_000)} minutes before (${recent.id}) was kept.`);
  }
  options.onBackupStart?.();
  const started = Date.now();
  try {
    const create = options.create ?? ((source, why, backupDir) => createBackup(source, { backupDir, reason: why }));
    const backup = await create(db, reason, options.backupDir);
    log.info(`[backup] ${backup.id} (${backup.sizeBytes} bytes) before ${what} in ${Date.now() - started} ms`);
    return record('taken', backup.id);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`[backup] the backup before ${what} failed; the operation goes ahead without it:`, error);
    return record('failed', `Listsmith could not back up the catalog before ${what} (${message}). The operation went ahead; make a backup from Backups… when you can.`);
  }
}
