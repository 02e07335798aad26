import type { Scope } from '../../common/contract.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { prepared } from '../catalog/prepared.js';
import { scopeIds } from '../catalog/read-scope.js';
import type { OptimizedField } from '../optimizer/index.js';
import type { ProposalRow } from './proposal-rows.js';
import { ID_CHUNK, idChunks, IN_ID_CHUNK, readByIds } from '../catalog/rows-by-id.js';

/**
 * Which proposals a review action covers: single fields, whole listings, a job, or a grid scope
 * (optionally only one job's proposals of it: "accept what matches the grid filter" in a job's review).
 */
export type ProposalSelector =
  | { kind: 'ids'; ids: readonly number[] }
  | { kind: 'listings'; listingIds: readonly number[]; fields?: readonly OptimizedField[] }
  | { kind: 'job'; jobId: number; fields?: readonly OptimizedField[] }
  | { kind: 'scope'; scope: Scope; jobId?: number; fields?: readonly OptimizedField[] };

/** Rows are read this many at a time: ≤ ID_CHUNK listings per chunk, as readRowsById wants. */
export const PROPOSAL_CHUNK = ID_CHUNK;

/**
 * The pending proposals a selector covers, PROPOSAL_CHUNK at a time, each chunk ordered by listing.
 * Safe to change proposal states between chunks (cursors are ids, never offsets). Call inside a
 * transaction so the whole walk sees one snapshot.
 */
export function* pendingProposals(catalog: Catalog, selector: ProposalSelector): Generator<ProposalRow[]> {
  const { db } = catalog;
  const fields = selector.kind === 'ids' || !selector.fields ? null : new Set<string>(selector.fields);
  const jobId = selector.kind === 'scope' ? selector.jobId : undefined;
  const keep = (rows: ProposalRow[]): ProposalRow[] =>
    fields || jobId !== undefined ? rows.filter((row) => (!fields || fields.has(row.field)) && (jobId === undefined || row.job_id === jobId)) : rows;

  if (selector.kind === 'job') {
    const page = prepared(db, "SELECT * FROM proposals WHERE job_id = ? AND state = 'pending' AND id > ? ORDER BY id LIMIT ?");
    for (let cursor = 0; ; ) {
      const rows = page.all(selector.jobId, cursor, PROPOSAL_CHUNK) as ProposalRow[];
      if (rows.length === 0) return;
      cursor = rows.at(-1)!.id;
      const kept = keep(rows).sort((a, b) => a.listing_id - b.listing_id || a.id - b.id);
      if (kept.length > 0) yield kept;
    }
  }

  // Ids in chunks through the one by-ids reader (rows-by-id.ts).
  const column = selector.kind === 'ids' ? 'id' : 'listing_id';
  const byChunk = `SELECT * FROM proposals WHERE state = 'pending' AND ${column} ${IN_ID_CHUNK} ORDER BY listing_id, id`;
  const ids: ArrayLike<number> =
    selector.kind === 'ids' ? [...new Set(selector.ids)] : selector.kind === 'listings' ? [...new Set(selector.listingIds)] : scopeIds(catalog, selector.scope);
  // One listing has at most four pending proposals (one per field), so a chunk of listing ids
  // yields at most 4 × PROPOSAL_CHUNK rows: split them so each piece covers ≤ PROPOSAL_CHUNK listings.
  const step = selector.kind === 'ids' ? PROPOSAL_CHUNK : Math.floor(PROPOSAL_CHUNK / 4);
  for (const chunk of idChunks(ids, step)) {
    const rows = keep(readByIds<ProposalRow>(db, byChunk, chunk));
    if (rows.length > 0) yield rows;
  }
}
