import type { Catalog } from '../catalog/open-catalog.js';
import { prepared } from '../catalog/prepared.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce } from '../catalog/run-compiled.js';
import { scopeIds } from '../catalog/read-scope.js';
import { JOB_PRIORITY, type EnqueueRequest, type JobPayload, type JobSummary } from './job-types.js';
import { readJob } from './read-jobs.js';

// Once per job, compiled once: the job statements of every enqueue.
const insertJob = compileOnce((job: { kind: EnqueueRequest['kind']; priority: number; payload: string; autoApply: 0 | 1; now: number }) =>
  catalogQuery
    .insertInto('jobs')
    .values({ kind: job.kind, state: 'queued', priority: job.priority, payload: job.payload, auto_apply: job.autoApply, created_at: job.now, updated_at: job.now }),
);
const finishEmpty = compileOnce((job: { id: number; now: number }) =>
  catalogQuery.updateTable('jobs').set({ state: 'done', finished_at: job.now, updated_at: job.now }).where('id', '=', job.id),
);
const setTotal = compileOnce((job: { id: number; total: number }) => catalogQuery.updateTable('jobs').set({ total: job.total }).where('id', '=', job.id));

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
    const { lastInsertRowid } = insertJob.run(db, {
      kind: request.kind,
      priority: JOB_PRIORITY[request.priority ?? 'bulk'],
      payload: JSON.stringify(payload),
      autoApply: request.autoApply ? 1 : 0,
      now,
    });
    const jobId = Number(lastInsertRowid);
    // Raw: once per listing of the job (up to the whole catalog).
    const insert = prepared(db, 'INSERT INTO job_items (job_id, listing_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (request.target.kind === 'ids' && exists.get(id) === undefined) continue;
      total += insert.run(jobId, id).changes;
    }
    // An empty job is finished at once: nothing to claim would otherwise ever close it.
    if (total === 0) finishEmpty.run(db, { id: jobId, now });
    else setTotal.run(db, { id: jobId, total });
    return jobId;
  });
  return readJob(db, enqueue.immediate())!;
}
