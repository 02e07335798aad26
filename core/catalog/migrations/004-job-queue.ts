import type { Migration } from './migration.js';

/**
 * Issue 5 (optimization jobs): what the durable queue needs beyond migration 001's `jobs` and
 * `proposals`. A job's work is one `job_items` row per listing, so a listing is processed and its
 * results written exactly once whatever crashes, and progress is counted, never re-derived.
 */
export const jobQueue: Migration = {
  version: 4,
  name: 'job-queue',
  up(db) {
    db.exec(JOB_COLUMNS);
    db.exec(JOB_ITEMS);
    db.exec(PROPOSAL_COLUMNS);
  },
};

const JOB_COLUMNS = `
-- 1: accepted proposals are applied as each batch is written (the seller's per-job setting).
ALTER TABLE jobs ADD COLUMN auto_apply INTEGER NOT NULL DEFAULT 0 CHECK (auto_apply IN (0, 1));
-- Listings in the job, listings finished (proposals written) and listings given up on.
ALTER TABLE jobs ADD COLUMN total INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0);
ALTER TABLE jobs ADD COLUMN done INTEGER NOT NULL DEFAULT 0 CHECK (done >= 0);
ALTER TABLE jobs ADD COLUMN failed INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0);
ALTER TABLE jobs ADD COLUMN started_at INTEGER;
ALTER TABLE jobs ADD COLUMN finished_at INTEGER;
-- The undoable change set an auto-applying job adds its batches to (one undo step per job).
ALTER TABLE jobs ADD COLUMN change_set_id INTEGER REFERENCES change_sets (id);
CREATE INDEX jobs_recent ON jobs (created_at);
`;

const JOB_ITEMS = `
-- One row per (job, listing): the primary key makes "each listing once per job" a constraint.
-- A claimed item is 'running' under a lease (owner + expiry); an expired lease is claimable again.
CREATE TABLE job_items (
  job_id INTEGER NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  listing_id INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued','running','done','failed','cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Epoch ms before which a retried item is not claimed (exponential backoff).
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  error TEXT,
  PRIMARY KEY (job_id, listing_id)
) WITHOUT ROWID;
-- Claims walk (job, state) in next_attempt_at order without a sort step.
CREATE INDEX job_items_claim ON job_items (job_id, state, next_attempt_at);
`;

const PROPOSAL_COLUMNS = `
-- Every change behind the field's proposal: JSON array of {ruleId, reason, fixes}.
ALTER TABLE proposals ADD COLUMN changes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(changes) AND json_type(changes) = 'array');
-- When the seller (or auto-apply) accepted or rejected it, and the change set that applied it.
ALTER TABLE proposals ADD COLUMN decided_at INTEGER;
ALTER TABLE proposals ADD COLUMN change_set_id INTEGER REFERENCES change_sets (id);
-- A batch written twice (retried after a crash) cannot duplicate a proposal.
CREATE UNIQUE INDEX proposals_job_field ON proposals (job_id, listing_id, field) WHERE job_id IS NOT NULL;
-- "Listings with pending proposals" for the grid and the review view.
CREATE INDEX proposals_pending ON proposals (listing_id, field) WHERE state = 'pending';
`;
