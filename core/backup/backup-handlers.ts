/**
 * The catalog-thread side of `backup.list` / `backup.create`; core/service/reader-handlers.ts
 * spreads them into the reader threads' map.
 *
 * `backup.create` runs on the `background` reader thread (its own connection, so the grid readers
 * and the writer keep going; SQLite's backup API reads a consistent snapshot while the writer writes).
 * `backup.restore` is NOT here: it needs the core closed, so the shell runs it (`runs: 'shell'` in the contract).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { dirname, join, resolve } from 'node:path';
import { ContractError } from '../../common/result.js';
import type { BackupInfo, BackupReason } from './backup-names.js';
import { BackupError, createBackup, listBackups } from './backup.js';

export function defaultBackupDir(databasePath: string): string {
  return join(dirname(databasePath), 'backups');
}

/** BackupError → the contract's error codes, with the message kept (it is written for sellers). */
export function toContractError(error: unknown): unknown {
  if (!(error instanceof BackupError)) return error;
  const code = error.code === 'backup_corrupt' ? 'database_unavailable' : error.code;
  return new ContractError(code, error.message);
}

export interface BackupHandlerDeps {
  db: BetterSqlite3.Database;
  backupDir: string;
}

export function createBackupHandlers({ db, backupDir }: BackupHandlerDeps) {
  return {
    // The folder is shown to the seller (where the files are); backups are still named by file name only.
    'backup.list': (): { backups: BackupInfo[]; folder: string } => ({ backups: listBackups(backupDir), folder: resolve(backupDir) }),
    'backup.create': async ({ reason }: { reason: BackupReason }): Promise<BackupInfo> => {
      try {
        return await createBackup(db, { backupDir, reason });
      } catch (error) {
        throw toContractError(error);
      }
    },
  };
}
