/**
 * A `pre-migration` backup, taken by the writer thread BEFORE openCatalog migrates an existing
 * catalog to a newer schema (called by workers/catalog.worker.ts before `openCatalog`).
 * No-op for a new catalog, an up-to-date one, or one from a NEWER app (openCatalog refuses those
 * untouched anyway).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { BackupInfo } from './backup-names.js';
import { createBackup } from './backup.js';

export async function backupBeforeMigration(catalogPath: string, backupDir: string, targetVersion: number): Promise<BackupInfo | null> {
  if (!existsSync(catalogPath)) return null;
  const db = new Database(catalogPath, { readonly: true, fileMustExist: true });
  try {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version === 0 || version >= targetVersion) return null;
    return await createBackup(db, { backupDir, reason: 'pre-migration' });
  } finally {
    db.close();
  }
}
