import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ContractClient } from '../../common/client.js';
import type { JobState } from '../../common/job-types.js';
import { reserveStagedFile } from '../../core/host/file-staging.js';
import { percentile, round } from './stats.js';

const FINISHED: readonly JobState[] = ['done', 'failed', 'cancelled'];

export interface LoadResult {
  page_during_load_p95_ms: number;
  page_during_load_p50_ms: number;
  page_during_load_samples: number;
  /** import.start → import.finished, with the job running beside it. */
  page_during_load_import_ms: number;
  /** import.start → its listings indexed for search and scored (the import's background phase). */
  page_during_load_indexed_ms: number;
  /** Page p95 of the samples taken while that background phase ran (the job still running too). */
  page_during_indexing_p95_ms: number;
  page_during_indexing_samples: number;
  /** jobs.start → the job finished, with the import running beside it. */
  page_during_load_job_ms: number;
  page_during_load_job_listings: number;
}

/**
 * page_during_load_p95_ms: 200-row grid pages at spread depths over the web transport while the
 * host runs a 100k import AND an optimization job over `jobIds` at the same time — the writer
 * thread and the optimizer pool both busy, the readers still answering the grid. Pages are sampled
 * from the start of both until both have finished, the import's background indexing included. The import file is staged straight into the
 * host's staging folder (<dir of the db>/staging).
 */
export async function measurePagesDuringLoad(client: ContractClient, databasePath: string, importFile: string, jobIds: number[]): Promise<LoadResult> {
  const staged = reserveStagedFile(join(dirname(databasePath), 'staging'), 'bench-import.csv');
  copyFileSync(importFile, staged.path);
  const view = await client.call('grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: {} });

  const started = performance.now();
  let importMs: number | null = null;
  let indexedMs: number | null = null;
  let jobMs: number | null = null;
  let jobId: number | null = null;
  const offImport = client.on('import.finished', () => {
    importMs ??= performance.now() - started;
  });
  const offIndexing = client.on('operation.progress', (event) => {
    if (importMs !== null && event.phase === 'indexing' && event.done === event.total) indexedMs ??= performance.now() - started;
  });
  const offJob = client.on('job.progress', (event) => {
    if (event.jobId === jobId && FINISHED.includes(event.state)) jobMs ??= performance.now() - started;
  });
  try {
    const job = await client.call('jobs.start', { scope: { kind: 'ids', ids: jobIds }, marketplace: 'etsy', kind: 'optimize' });
    jobId = job.id;
    await client.call('import.start', { fileId: staged.fileId, dialect: 'shopify' });

    const samples: number[] = [];
    const duringIndexing: number[] = [];
    let lastPoll = performance.now();
    let lastIndexPoll = performance.now();
    for (let i = 0; importMs === null || jobMs === null || indexedMs === null; i++) {
      const offset = (i * 7919) % Math.max(1, view.total - 200);
      const t = performance.now();
      await client.call('grid.rows', { viewId: view.viewId, offset, limit: 200 });
      samples.push(performance.now() - t);
      if (importMs !== null && indexedMs === null) duringIndexing.push(performance.now() - t);
      // A missed progress event must not hang the bench: ask for the job's state now and then.
      if (jobMs === null && performance.now() - lastPoll > 2_000) {
        lastPoll = performance.now();
        const state = (await client.call('jobs.list', {})).jobs.find((j) => j.id === jobId)?.state;
        if (state !== undefined && FINISHED.includes(state)) jobMs = performance.now() - started;
      }
      // The same for the indexing phase: a search says how many listings it cannot see yet.
      if (importMs !== null && indexedMs === null && performance.now() - lastIndexPoll > 2_000) {
        lastIndexPoll = performance.now();
        const probe = await client.call('grid.open', { sort: { column: 'updated', direction: 'desc' }, filter: {}, search: 'zqxjv' });
        void client.call('grid.close', { viewId: probe.viewId });
        if (!probe.notIndexed) indexedMs = performance.now() - started;
      }
    }
    return {
      page_during_load_p95_ms: round(percentile(samples, 95)),
      page_during_load_p50_ms: round(percentile(samples, 50)),
      page_during_load_samples: samples.length,
      page_during_load_import_ms: Math.round(importMs),
      page_during_load_indexed_ms: Math.round(indexedMs),
      page_during_indexing_p95_ms: round(percentile(duringIndexing, 95)),
      page_during_indexing_samples: duringIndexing.length,
      page_during_load_job_ms: Math.round(jobMs),
      page_during_load_job_listings: job.total,
    };
  } finally {
    offImport();
    offIndexing();
    offJob();
  }
}

/**
 * A writable copy of the (read-only, cached) catalog for the load measure — SQLite's online
 * backup, page for page — and `count` listing ids spread evenly over it for the job.
 */
export async function copyWithSpreadIds(source: string, target: string, count: number): Promise<number[]> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
    const all = db.prepare('SELECT id FROM listings ORDER BY id').pluck().all() as number[];
    if (all.length <= count) return all;
    const step = all.length / count;
    return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
  } finally {
    db.close();
  }
}
