import type { BackupInfo, BackupReason } from './backup-names.js';

/**
 * Which backups to keep. The policy (documented here and in contract-entries.md):
 *
 * - `scheduled`: the `scheduled` newest scheduled backups (default 10 — with a 4-hour schedule that
 *   is the last ~1.5 days of work),
 * - plus, over ALL reasons, the newest backup of each of the `daily` most recent UTC days that have
 *   a backup (default 7 — a week back even when the app was used rarely),
 * - plus the newest `perReason[reason]` backups of each other reason (defaults: manual 10 — the user
 *   asked for them; pre-import 3, pre-bulk-edit 3, pre-restore 3, pre-migration 2),
 * - and never the newest backup overall, whatever the numbers say.
 *
 * Everything else is deleted after a new backup was verified (never before), so a failing backup
 * never costs an old one. Pure: returns the ids to delete.
 */
export interface RetentionPolicy {
  scheduled: number;
  daily: number;
  perReason: Record<Exclude<BackupReason, 'scheduled'>, number>;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  scheduled: 10,
  daily: 7,
  perReason: { manual: 10, 'pre-import': 3, 'pre-bulk-edit': 3, 'pre-restore': 3, 'pre-migration': 2 },
};

export function backupsToDelete(backups: readonly Pick<BackupInfo, 'id' | 'reason' | 'createdAt'>[], policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
  const keep = new Set<string>();
  if (newestFirst[0]) keep.add(newestFirst[0].id);

  const countByReason = new Map<BackupReason, number>();
  for (const backup of newestFirst) {
    const seen = countByReason.get(backup.reason) ?? 0;
    const limit = backup.reason === 'scheduled' ? policy.scheduled : policy.perReason[backup.reason];
    if (seen < limit) keep.add(backup.id);
    countByReason.set(backup.reason, seen + 1);
  }

  const days = new Set<string>();
  for (const backup of newestFirst) {
    const day = new Date(backup.createdAt).toISOString().slice(0, 10);
    if (days.has(day)) continue;
    if (days.size >= policy.daily) break;
    days.add(day);
    keep.add(backup.id);
  }
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
}
