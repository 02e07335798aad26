import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';

/** Marks titles the fault import rewrites, so a test can count exactly the updated listings. */
export const UPDATED_TITLE_PREFIX = 'Updated by the fault import';

/**
 * A JSONL import for `catalogPath`: `newRows` listings it does not hold yet, then `updates` of
 * listings it holds (same marketplace + source id, new title) — so an import both inserts and
 * writes revisions under one change set. Returns how many updates it could write.
 */
export function writeImportJsonl(path: string, catalogPath: string, newRows: number, updates: number): number {
  const db = new Database(catalogPath, { readonly: true, fileMustExist: true });
  const existing = db
    .prepare('SELECT marketplace, source_id AS sourceId, status FROM listings WHERE source_id IS NOT NULL ORDER BY id LIMIT ?')
    .all(updates) as { marketplace: string; sourceId: string; status: string }[];
  db.close();
  const lines: string[] = [];
  for (let i = 0; i < newRows; i++) {
    lines.push(JSON.stringify({ marketplace: 'other', sourceId: `fault-${i}`, title: `Fault import listing ${i}`, priceMinor: 100 + i, quantity: 1, status: 'active' }));
  }
  for (const row of existing) lines.push(JSON.stringify({ ...row, title: `${UPDATED_TITLE_PREFIX} ${row.sourceId}` }));
  writeFileSync(path, lines.join('\n') + '\n');
  return existing.length;
}
