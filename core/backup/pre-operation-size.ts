/**
 * How big an import or bulk edit is, cheaply, before it runs: enough to decide on a backup
 * (pre-operation.ts), never a full parse or scan when the answer is already clear.
 */
import { createReadStream } from 'node:fs';
import type { Scope } from '../../common/contract.js';
import type { Catalog } from '../catalog/open-catalog.js';
import { scopeIds } from '../catalog/read-scope.js';
import { BIG_OPERATION_LISTINGS } from './pre-operation.js';

/** A file with fewer lines than this is not line-oriented (one-line JSON, XML feeds): judge by size. */
const LINE_ORIENTED_MIN_LINES = 100;
/** A generous lower bound of bytes per listing in such files: larger files count as big. */
const BYTES_PER_LISTING = 200;

/**
 * An upper estimate of an import's rows: its line count (a CSV record may span lines, never the
 * reverse), counted only up to `limit`; for files that are not line-oriented, bytes / 200.
 */
export async function estimateImportRows(path: string, sizeBytes: number, limit = BIG_OPERATION_LISTINGS): Promise<number> {
  let lines = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
      if (lines >= limit) return lines;
    }
  } finally {
    stream.destroy();
  }
  return lines < LINE_ORIENTED_MIN_LINES ? Math.max(lines, Math.floor(sizeBytes / BYTES_PER_LISTING)) : lines;
}

/** Listings a bulk edit's scope covers; a filter is resolved only when the catalog is big enough for it to matter. */
export function bulkScopeSize(catalog: Catalog, scope: Scope, catalogListings: number, limit = BIG_OPERATION_LISTINGS): number {
  if (scope.kind === 'ids') return new Set(scope.ids).size;
  if (scope.kind === 'all' || catalogListings < limit) return catalogListings;
  return scopeIds(catalog, scope).length;
}
