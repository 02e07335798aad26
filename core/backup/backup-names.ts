/**
 * Backup file names: `catalog-<UTC timestamp>-<reason>.sqlite`, e.g.
 * `catalog-2025-06-01T10-20-30-123Z-scheduled.sqlite`. The name IS the metadata (no sidecar file to
 * lose): it sorts by time, tells the reason, and contains no `:` (Windows). A backup exists under
 * this name only once it was verified; in-progress copies carry PARTIAL_SUFFIX and are never listed.
 * Pure (no I/O) so it is unit tested and shared by the worker, the shell and the web host.
 */
import { BACKUP_REASONS, type BackupInfo, type BackupReason } from '../../common/desktop-types.js';

export { BACKUP_REASONS, type BackupInfo, type BackupReason };

export const PARTIAL_SUFFIX = '.partial';
const NAME = /^catalog-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.sqlite$/;

export function isBackupReason(value: unknown): value is BackupReason {
  return typeof value === 'string' && (BACKUP_REASONS as readonly string[]).includes(value);
}

export function backupFileName(reason: BackupReason, at: Date): string {
  if (!isBackupReason(reason)) throw new TypeError(`unknown backup reason ${String(reason)}`);
  const stamp = at.toISOString().replace(/:/g, '-').replace('.', '-'); // 2025-06-01T10-20-30-123Z
  return `catalog-${stamp}-${reason}.sqlite`;
}

/** Parses a backup file name; null for anything else (partials, foreign files, path tricks). */
export function parseBackupFileName(name: string): { reason: BackupReason; createdAt: number } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = match;
  if (!isBackupReason(reason)) return null;
  const createdAt = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(ms));
  if (!Number.isFinite(createdAt) || new Date(createdAt).toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  return { reason, createdAt };
}

/** True for a name the renderer may pass to restore: exactly a backup name, nothing path-like. */
export function isBackupId(value: unknown): value is string {
  return typeof value === 'string' && value.length < 120 && parseBackupFileName(value) !== null;
}
