import type { BackupWorkerHealth } from '../../common/diagnostics-types.js';

/**
 * Counters of the backups this process ran, for diagnostics: the host-side tasks (backup-tasks.ts,
 * on short-lived threads) and `backup.create` calls (counted by the host's dispatch, as they run
 * on a catalog thread), so "health" is how the last ones went.
 */
const health: BackupWorkerHealth = { tasks: 0, failures: 0, running: 0, lastTask: null };

export function backupTaskStarted(): void {
  health.tasks++;
  health.running++;
}

export function backupTaskFinished(kind: string, error: unknown): void {
  health.running = Math.max(0, health.running - 1);
  if (error !== undefined) health.failures++;
  health.lastTask = { kind, at: Date.now(), ok: error === undefined, message: error === undefined ? null : error instanceof Error ? error.message : String(error) };
}

export function backupWorkerHealth(): BackupWorkerHealth {
  return { ...health, lastTask: health.lastTask ? { ...health.lastTask } : null };
}
