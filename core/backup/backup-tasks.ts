/**
 * The backup work a HOST (Electron shell, web host) asks for while the core is closed or not yet
 * open: the start-up check, restore, and backups taken from the file (scheduled backups while the
 * core runs go through the contract instead, see backup-handlers.ts). `runBackupTask` runs a task on
 * a short-lived worker thread (backup.worker.ts → out/workers/backup.worker.cjs) so quick_check,
 * integrity_check and the page copy never block the Electron main thread; without a built worker
 * file it runs in-process (tests, CLI) and says so through `warn`.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { isWorkerLogMessage, type WorkerLogMessage } from '../logging/worker-log.js';
import { backupTaskFinished, backupTaskStarted } from './backup-task-health.js';
import { type BackupInfo, type BackupReason } from './backup-names.js';
import { BackupError, type BackupErrorCode, createBackup, listBackups } from './backup.js';
import { checkCatalog, type CatalogVerdict } from './check-catalog.js';
import { restoreBackup, type RestoreResult } from './restore.js';

export type BackupTask =
  | { kind: 'check'; catalogPath: string; backupDir: string }
  | { kind: 'create'; catalogPath: string; backupDir: string; reason: BackupReason }
  | { kind: 'restore'; catalogPath: string; backupDir: string; backupId: string }
  | { kind: 'list'; backupDir: string };

export interface BackupTaskResults {
  check: CatalogVerdict;
  create: BackupInfo;
  restore: RestoreResult;
  list: BackupInfo[];
}

export type BackupTaskReply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

export async function executeBackupTask<T extends BackupTask>(task: T): Promise<BackupTaskResults[T['kind']]> {
  switch (task.kind) {
    case 'check':
      return checkCatalog(task.catalogPath, task.backupDir) as BackupTaskResults[T['kind']];
    case 'create':
      return (await createBackup(task.catalogPath, { backupDir: task.backupDir, reason: task.reason })) as BackupTaskResults[T['kind']];
    case 'restore':
      return (await restoreBackup({ catalogPath: task.catalogPath, backupDir: task.backupDir, backupId: task.backupId })) as BackupTaskResults[T['kind']];
    case 'list':
      return listBackups(task.backupDir) as BackupTaskResults[T['kind']];
  }
  throw new TypeError(`unknown backup task ${(task as { kind: string }).kind}`);
}

const ERROR_CODES: readonly BackupErrorCode[] = ['disk_full', 'backup_corrupt', 'not_found', 'database_unavailable', 'cancelled'];

export function replyFromError(error: unknown): BackupTaskReply {
  const code = (error as { code?: unknown } | null)?.code;
  return { ok: false, error: { code: typeof code === 'string' ? code : 'internal', message: error instanceof Error ? error.message : String(error) } };
}

function errorFromReply(error: { code: string; message: string }): Error {
  return (ERROR_CODES as readonly string[]).includes(error.code) ? new BackupError(error.code as BackupErrorCode, error.message) : Object.assign(new Error(error.message), { code: error.code });
}

export interface RunBackupTaskOptions {
  /** Compiled backup worker (out/workers/backup.worker.cjs); missing → in-process. */
  workerFile?: string;
  warn?: (message: string) => void;
  /** Log lines from the backup thread (formatted and redacted there); default: console. */
  log?: (message: WorkerLogMessage) => void;
}

export async function runBackupTask<T extends BackupTask>(task: T, options: RunBackupTaskOptions = {}): Promise<BackupTaskResults[T['kind']]> {
  backupTaskStarted();
  try {
    const result = await runTask(task, options);
    backupTaskFinished(task.kind, undefined);
    return result;
  } catch (error) {
    backupTaskFinished(task.kind, error);
    throw error;
  }
}

async function runTask<T extends BackupTask>(task: T, options: RunBackupTaskOptions): Promise<BackupTaskResults[T['kind']]> {
  if (!options.workerFile || !existsSync(options.workerFile)) {
    options.warn?.(`backup worker ${options.workerFile ?? '(none)'} not found: running "${task.kind}" on this thread`);
    return executeBackupTask(task);
  }
  const worker = new Worker(options.workerFile, { workerData: task, name: `backup-${task.kind}` });
  const log = options.log ?? ((m: WorkerLogMessage) => console[m.level](`[${m.scope}] ${m.text}`));
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (reply: BackupTaskReply | WorkerLogMessage) => {
      if (isWorkerLogMessage(reply)) {
        log(reply);
        return;
      }
      if (settled) return;
      settled = true;
      if (reply.ok) resolve(reply.value as BackupTaskResults[T['kind']]);
      else reject(errorFromReply(reply.error));
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new BackupError('database_unavailable', `The backup thread stopped (exit code ${code}) before it answered.`));
    });
  });
}
