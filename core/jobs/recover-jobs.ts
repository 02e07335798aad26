import type BetterSqlite3 from 'better-sqlite3';
import { catalogQuery } from '../catalog/query-builder.js';
import { selectRows } from '../catalog/run-compiled.js';
import { expireLeases } from './expire-leases.js';
import { finishJobIfComplete } from './finish-job.js';
import { DEFAULT_RETRY, type RetryPolicy } from './job-types.js';

export interface RecoverOptions {
  now?: number;
  retry?: RetryPolicy;
  /**
   * Re-queue every running item, not only expired ones. Right when this process is known to be the
   * only runner of the file (the app's writer, behind the single-instance lock): any lease then
   * belongs to a process that died, and waiting for it to expire only delays the seller.
   */
  releaseAll?: boolean;
}

export interface RecoverResult {
  requeued: number;
  finished: number;
}

/**
 * Start-up: items leased by a runner that crashed go back to the queue, so their batch runs again
 * (the write of a batch is idempotent, so one that did commit before the crash is never doubled).
 */
export function recoverJobs(db: BetterSqlite3.Database, options: RecoverOptions = {}): RecoverResult {
  const now = options.now ?? Date.now();
  const retry = options.retry ?? DEFAULT_RETRY;
  const recover = db.transaction((): RecoverResult => {
    const jobs = selectRows(db, catalogQuery.selectFrom('jobs').select('id').where('state', 'in', ['queued', 'running'])).map((job) => job.id);
    let requeued = 0;
    let finished = 0;
    for (const jobId of jobs) {
      requeued += expireLeases(db, jobId, now, retry, options.releaseAll ?? false);
      if (finishJobIfComplete(db, jobId, now)) finished++;
    }
    return { requeued, finished };
  });
  return recover.immediate();
}
