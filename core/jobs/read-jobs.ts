import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { Marketplace } from '../../common/listing.js';
import { prepared } from '../catalog/prepared.js';
import type { JobsTable } from '../catalog/schema.js';
import type { JobPayload, JobSummary } from './job-types.js';

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

export function readJob(db: BetterSqlite3.Database, id: number): JobSummary | null {
  const row = prepared(db, 'SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
  return row ? jobSummary(row) : null;
}

/** For the jobs panel: running and queued jobs first (claim order), then the most recent others. */
export function listJobs(db: BetterSqlite3.Database, recent = 20): JobSummary[] {
  const active = prepared(db, "SELECT * FROM jobs WHERE state IN ('running','queued') ORDER BY state = 'running' DESC, priority DESC, id").all() as JobRow[];
  const finished = prepared(db, "SELECT * FROM jobs WHERE state NOT IN ('running','queued') ORDER BY id DESC LIMIT ?").all(recent) as JobRow[];
  return [...active, ...finished].map(jobSummary);
}

/** True while some job still has work to run (the CLI and tests wait for this to turn false); a paused job waits for the seller. */
export function hasActiveJobs(db: BetterSqlite3.Database): boolean {
  return prepared(db, "SELECT 1 FROM jobs WHERE state IN ('queued','running') AND paused_at IS NULL LIMIT 1").get() !== undefined;
}
