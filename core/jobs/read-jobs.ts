import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Marketplace } from '../../common/listing.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { catalogQuery } from '../catalog/query-builder.js';
import { compileOnce } from '../catalog/run-compiled.js';
import type { JobsTable } from '../catalog/schema.js';
import type { JobPayload, JobSummary } from './job-types.js';
import { tallyPendingProposals } from './review-proposals.js';

/** A `jobs` row as SQLite returns it. */
export type JobRow = Selectable<JobsTable>;

/** The payload JSON, read defensively: a hand-edited row degrades to marketplace 'other'. */
export function parsePayload(text: string): JobPayload {
  try {
    const value = JSON.parse(text) as Partial<JobPayload> | null;
    if (value && typeof value.marketplace === 'string') return value as JobPayload;
  } catch {
    // fall through
  }
  return { marketplace: 'other' as Marketplace };
}

export function jobSummary(row: JobRow): JobSummary {
  return {
    id: row.id,
    kind: row.kind,
    state: row.paused_at !== null && (row.state === 'queued' || row.state === 'running') ? 'paused' : row.state,
    priority: row.priority,
    marketplace: parsePayload(row.payload).marketplace,
    autoApply: row.auto_apply === 1,
    total: row.total,
    done: row.done,
    failed: row.failed,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    changeSetId: row.change_set_id,
  };
}

const jobById = compileOnce((job: { id: number }) => catalogQuery.selectFrom('jobs').selectAll().where('id', '=', job.id));
// Running first, then queued: the order claims take (priority, then age).
const activeJobs = compileOnce(() =>
  catalogQuery
    .selectFrom('jobs')
    .selectAll()
    .where('state', 'in', ['running', 'queued'])
    .orderBy((job) => job('state', '=', 'running'), 'desc')
    .orderBy('priority', 'desc')
    .orderBy('id'),
);
const recentJobs = compileOnce((page: { limit: number }) =>
  catalogQuery.selectFrom('jobs').selectAll().where('state', 'not in', ['running', 'queued']).orderBy('id', 'desc').limit(page.limit),
);
const anyRunnableJob = compileOnce(() => catalogQuery.selectFrom('jobs').select('id').where('state', 'in', ['queued', 'running']).where('paused_at', 'is', null).limit(1));

export function readJob(db: BetterSqlite3.Database, id: number): JobSummary | null {
  const row = jobById.first(db, { id });
  return row ? jobSummary(row) : null;
}

/** For the jobs panel: running and queued jobs first (claim order), then the most recent others. */
export function listJobs(db: BetterSqlite3.Database, recent = 20): JobSummary[] {
  const active = activeJobs.rows(db, {});
  const finished = recentJobs.rows(db, { limit: recent });
  return [...active, ...finished].map(jobSummary);
}

/** listJobs plus, for each job that leaves proposals for review, the listings they are on (one count with the review's). */
export function listJobsWithPendingCounts(catalog: Catalog, recent = 20): JobSummary[] {
  return listJobs(catalog.db, recent).map((job) =>
    job.autoApply ? job : { ...job, pendingListings: tallyPendingProposals(catalog, { kind: 'job', jobId: job.id }).listings },
  );
}

/** True while some job still has work to run (the CLI and tests wait for this to turn false); a paused job waits for the seller. */
export function hasActiveJobs(db: BetterSqlite3.Database): boolean {
  return anyRunnableJob.first(db, {}) !== undefined;
}
