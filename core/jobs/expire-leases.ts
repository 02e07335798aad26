import type BetterSqlite3 from 'better-sqlite3';
import { prepared } from '../catalog/prepared.js';
import type { RetryPolicy } from './job-types.js';

/** Seller-facing reason for a listing whose batch kept being interrupted. */
export const INTERRUPTED_REASON = 'Optimizing it was interrupted too many times (the app or an optimizer worker stopped while working on it).';

/**
 * Running items of `jobId` whose lease ran out (or every running item, with `all`) go back to
 * 'queued' — or to 'failed' once they used their attempts: an interrupted batch counts as an
 * attempt, so a listing that crashes the process every time cannot loop forever. Returns how many
 * were re-queued. Caller holds the write transaction.
 */
export function expireLeases(db: BetterSqlite3.Database, jobId: number, now: number, retry: RetryPolicy, all = false): number {
  const condition = all ? '' : 'AND lease_expires_at <= ?';
  const args = all ? [jobId] : [jobId, now];
  const failed = prepared(
    db,
    `UPDATE job_items SET state = 'failed', error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE job_id = ? AND state = 'running' ${condition} AND attempts >= ?`,
  ).run(INTERRUPTED_REASON, ...args, retry.maxAttempts).changes;
  if (failed > 0) prepared(db, 'UPDATE jobs SET failed = failed + ?, updated_at = ? WHERE id = ?').run(failed, now, jobId);
  return prepared(
    db,
    `UPDATE job_items SET state = 'queued', next_attempt_at = ?, lease_owner = NULL, lease_expires_at = NULL WHERE job_id = ? AND state = 'running' ${condition}`,
  ).run(now, ...args).changes;
}
