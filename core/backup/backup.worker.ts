/**
 * Worker-thread entry for host-side backup tasks (see backup-tasks.ts). Built as CJS beside the
 * catalog worker: in scripts/build.mjs `cjsEntries` add
 *   'workers/backup.worker': 'core/backup/backup.worker.ts',
 * One task per thread: it answers once and exits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { forwardConsole } from '../logging/console-bridge.js';
import { createWorkerLogger } from '../logging/worker-log.js';
import { executeBackupTask, replyFromError, type BackupTask, type BackupTaskReply } from './backup-tasks.js';

const port = parentPort;
if (!port) throw new Error('backup.worker must run as a worker thread');
const reply = (message: BackupTaskReply): void => port.postMessage(message);
// Anything logged here (ours or better-sqlite3's) reaches the host's log, redacted.
forwardConsole(createWorkerLogger((message) => port.postMessage(message), 'backup'));

executeBackupTask(workerData as BackupTask).then(
  (value) => reply({ ok: true, value }),
  (error: unknown) => reply(replyFromError(error)),
);
