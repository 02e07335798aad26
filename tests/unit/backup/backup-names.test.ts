import { describe, expect, it } from 'vitest';
import { BACKUP_REASONS, backupFileName, isBackupId, parseBackupFileName } from '../../../core/backup/backup-names.js';
import { backupsToDelete, DEFAULT_RETENTION } from '../../../core/backup/retention.js';

describe('backup names', () => {
  it('round-trips every reason and sorts by time', () => {
    const at = new Date(Date.UTC(2025, 5, 1, 10, 20, 30, 123));
    for (const reason of BACKUP_REASONS) {
      const name = backupFileName(reason, at);
      expect(name).not.toContain(':');
      expect(parseBackupFileName(name)).toEqual({ reason, createdAt: at.getTime() });
    }
    expect(backupFileName('manual', at)).toBe('catalog-2025-06-01T10-20-30-123Z-manual.sqlite');
    expect(backupFileName('manual', new Date(at.getTime() - 1)) < backupFileName('manual', at)).toBe(true);
  });

  it('refuses partials, foreign files, unknown reasons and path tricks', () => {
    for (const bad of [
      'catalog-2025-06-01T10-20-30-123Z-manual.sqlite.partial',
      'catalog-2025-06-01T10-20-30-123Z-hourly.sqlite',
      '../catalog-2025-06-01T10-20-30-123Z-manual.sqlite',
      'x/catalog-2025-06-01T10-20-30-123Z-manual.sqlite',
      'catalog-2025-02-31T10-20-30-123Z-manual.sqlite',
      'catalog.sqlite',
      '',
    ]) {
      expect(parseBackupFileName(bad)).toBeNull();
      expect(isBackupId(bad)).toBe(false);
    }
    expect(isBackupId(42)).toBe(false);
    expect(() => backupFileName('nope' as never, new Date())).toThrow();
  });
});

describe('retention', () => {
  const HOUR = 3_600_000;
  const base = Date.UTC(2025, 0, 31, 23, 0, 0);
  const make = (reason: (typeof BACKUP_REASONS)[number], createdAt: number) => ({ id: backupFileName(reason, new Date(createdAt)), reason, createdAt });

  it('keeps the last 10 scheduled, the newest of each of the last 7 days, and the newest per other reason', () => {
    // 30 days × 6 scheduled backups (every 4 hours)
    const backups = [];
    for (let i = 0; i < 30 * 6; i++) backups.push(make('scheduled', base - i * 4 * HOUR));
    for (let i = 0; i < 5; i++) backups.push(make('pre-import', base - i * 30 * HOUR - 1000));
    for (let i = 0; i < 4; i++) backups.push(make('pre-migration', base - i * 50 * HOUR - 2000));
    for (let i = 0; i < 12; i++) backups.push(make('manual', base - i * 10 * HOUR - 3000));
    const doomed = new Set(backupsToDelete(backups));
    const kept = backups.filter((b) => !doomed.has(b.id));
    const count = (reason: string) => kept.filter((b) => b.reason === reason).length;

    const scheduled = backups.filter((b) => b.reason === 'scheduled');
    for (const b of scheduled.slice(0, 10)) expect(doomed.has(b.id)).toBe(false);
    expect(count('pre-import')).toBe(3);
    expect(count('pre-migration')).toBe(2);
    expect(count('manual')).toBeGreaterThanOrEqual(10);
    // one per day for the 7 newest days
    const days = new Set(kept.map((b) => new Date(b.createdAt).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(7);
    // nothing older than ~7 days of scheduled backups survives except through other reasons
    const oldestScheduledKept = Math.min(...kept.filter((b) => b.reason === 'scheduled').map((b) => b.createdAt));
    expect(base - oldestScheduledKept).toBeLessThan(8 * 24 * HOUR);
    expect(kept.length).toBeLessThan(40);
  });

  it('never deletes the newest backup even with a zero policy', () => {
    const backups = [make('scheduled', base), make('manual', base - HOUR)];
    const doomed = backupsToDelete(backups, { scheduled: 0, daily: 0, perReason: { ...DEFAULT_RETENTION.perReason, manual: 0 } });
    expect(doomed).toEqual([backups[1]!.id]);
    expect(backupsToDelete([])).toEqual([]);
  });
});
