import type { Catalog } from '../catalog/open-catalog.js';
import { prepared } from '../catalog/prepared.js';
import { scopeIds } from '../catalog/read-scope.js';
import { JOB_PRIORITY, type EnqueueRequest, type JobPayload, type JobSummary } from './job-types.js';
import { readJob } from './read-jobs.js';

/**
 * Adds a job and one queued item per target listing, in one IMMEDIATE transaction: a job is never
 * visible half-enqueued. A grid query is resolved to ids now, so the job covers what the seller
 * saw when they asked, whatever edits follow. Ids no longer in the catalog are left out.
 */
export function enqueueJob(catalog: Catalog, request: EnqueueRequest, now = Date.now()): JobSummary {
  const { db } = catalog;
  const payload: JobPayload = { marketplace: request.marketplace, ...(request.priceRules ? { priceRules: request.priceRules } : {}) };
  const enqueue = db.transaction((): number => {
    const ids = scopeIds(catalog, request.target);
    const exists = prepared(db, 'SELECT 1 FROM listings WHERE id = ?').pluck();
    const { lastInsertRowid } = prepared(
      db,
      "INSERT INTO jobs (kind, state, priority, payload, auto_apply, created_at, updated_at) VALUES (?, 'queued', ?, ?, ?, ?, ?)",
    ).run(request.kind, JOB_PRIORITY[request.priority ?? 'bulk'], JSON.stringify(payload), request.autoApply ? 1 : 0, now, now);
    const jobId = Number(lastInsertRowid);
    const insert = prepared(db, 'INSERT INTO job_items (job_id, listing_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (request.target.kind === 'ids' && exists.get(id) === undefined) continue;
      total += insert.run(jobId, id).changes;
    }
    // An empty job is finished at once: nothing to claim would otherwise ever close it.
    if (total === 0) prepared(db, "UPDATE jobs SET state = 'done', finished_at = ?, updated_at = ? WHERE id = ?").run(now, now, jobId);
    else prepared(db, 'UPDATE jobs SET total = ? WHERE id = ?').run(total, jobId);
    return jobId;
  });
  return readJob(db, enqueue.immediate())!;
}
