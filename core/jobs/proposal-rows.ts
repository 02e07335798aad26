import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ProposalState } from '../../common/job-types.js';
import type { FieldProposal, OptimizedField, OptimizerChange } from '../optimizer/index.js';
import { prepared } from '../catalog/prepared.js';
import type { ProposalsTable } from '../catalog/schema.js';

export type { ProposalState } from '../../common/job-types.js';

/** A `proposals` row as SQLite returns it. */
export type ProposalRow = Selectable<ProposalsTable>;

/** One field's proposal as the review view shows it. */
export interface ProposalView {
  id: number;
  listingId: number;
  jobId: number | null;
  field: OptimizedField;
  before: unknown;
  after: unknown;
  changes: OptimizerChange[];
  state: ProposalState;
  createdAt: number;
  decidedAt: number | null;
  changeSetId: number | null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function proposalView(row: ProposalRow): ProposalView {
  const changes = parseJson(row.changes);
  return {
    id: row.id,
    listingId: row.listing_id,
    jobId: row.job_id,
    field: row.field as OptimizedField,
    before: parseJson(row.before_value),
    after: parseJson(row.after_value),
    changes: Array.isArray(changes) ? (changes as OptimizerChange[]) : [],
    state: row.state,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    changeSetId: row.change_set_id,
  };
}

/**
 * Stores one field proposal of a job as 'pending'. An older pending proposal for the same listing
 * and field (from another job) is superseded: the review shows one current proposal per field.
 * The same job writing the same field again (a batch retried after a crash) changes nothing —
 * the unique index on (job_id, listing_id, field) makes that a no-op, not a duplicate.
 */
export function storeFieldProposal(db: BetterSqlite3.Database, jobId: number, listingId: number, proposal: FieldProposal, now: number): boolean {
  prepared(db, "UPDATE proposals SET state = 'superseded', decided_at = ? WHERE listing_id = ? AND field = ? AND state = 'pending' AND job_id IS NOT ?").run(
    now,
    listingId,
    proposal.field,
    jobId,
  );
  const inserted = prepared(
    db,
    "INSERT INTO proposals (listing_id, job_id, field, before_value, after_value, rule, changes, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING",
  ).run(
    listingId,
    jobId,
    proposal.field,
    JSON.stringify(proposal.before),
    JSON.stringify(proposal.after),
    proposal.changes[0]?.ruleId ?? null,
    JSON.stringify(proposal.changes),
    now,
  );
  return inserted.changes > 0;
}
