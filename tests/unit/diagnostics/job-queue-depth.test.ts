import { describe, expect, it } from 'vitest';
import { openCatalog } from '../../../core/catalog/open-catalog.js';
import { readJobQueueDepth } from '../../../core/diagnostics/worker-health.js';
import { tempDbPath } from '../catalog/temp-catalog.js';

describe('readJobQueueDepth', () => {
  it('counts the active jobs, their items left and their running items; finished jobs are not counted', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    const { db } = catalog;
    const job = db.prepare("INSERT INTO jobs (kind, state, total, done, failed, created_at, updated_at) VALUES ('optimize', ?, ?, ?, ?, 0, 0)");
    const running = Number(job.run('running', 10, 3, 1).lastInsertRowid);
    const queued = Number(job.run('queued', 4, 0, 0).lastInsertRowid);
    const finished = Number(job.run('done', 5, 5, 0).lastInsertRowid);
    const item = db.prepare('INSERT INTO job_items (job_id, listing_id, state) VALUES (?, ?, ?)');
    item.run(running, 1, 'running');
    item.run(running, 2, 'running');
    item.run(running, 3, 'queued');
    item.run(queued, 1, 'queued');
    // A stale 'running' item of a finished job is not in the queue.
    item.run(finished, 1, 'running');

    // Left: (10 - 3 - 1) + 4 = 10 items, of which 2 running.
    expect(readJobQueueDepth(db)).toEqual({ activeJobs: 2, runningItems: 2, queuedItems: 8 });
    catalog.close();
  });

  it('reports an empty queue as zeros', () => {
    const catalog = openCatalog(tempDbPath(), { role: 'writer' });
    expect(readJobQueueDepth(catalog.db)).toEqual({ activeJobs: 0, runningItems: 0, queuedItems: 0 });
    catalog.close();
  });
});
