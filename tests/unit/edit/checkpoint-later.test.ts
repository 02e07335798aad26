import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../core/catalog/open-catalog.js';
import { checkpoint, withCheckpointDeferred } from '../../../core/edit/checkpoint-later.js';
import { catalogWith, newListing } from './edit-catalog.js';

const open: Catalog[] = [];
afterEach(() => {
  for (const catalog of open.splice(0)) catalog.close();
});

/** Writes ~3,000 pages (12 MB): far past the 1,000-page autocheckpoint threshold. */
function bigWrite(catalog: Catalog): void {
  const insert = catalog.db.prepare("INSERT INTO revisions (listing_id, author, created_at, changes) VALUES (1, 'user', 1, ?)");
  catalog.db.transaction(() => {
    for (let i = 0; i < 3_000; i++) insert.run(JSON.stringify({ title: { before: 'x'.repeat(2_000), after: String(i) } }));
  })();
}

describe('withCheckpointDeferred', () => {
  it('commits into the WAL only; checkpoint() then copies it into the database file', () => {
    const { catalog, path } = catalogWith([newListing()]);
    open.push(catalog);
    checkpoint(catalog.db);
    const before = statSync(path).size;
    withCheckpointDeferred(catalog.db, () => bigWrite(catalog));
    expect(statSync(path).size).toBe(before);
    expect(catalog.db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(3_000);
    checkpoint(catalog.db);
    expect(statSync(path).size).toBeGreaterThan(before + 10_000_000);
  });

  it('restores automatic checkpoints afterwards, even when the write throws', () => {
    const { catalog, path } = catalogWith([newListing()]);
    open.push(catalog);
    expect(() =>
      withCheckpointDeferred(catalog.db, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(catalog.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // A plain write now checkpoints at commit, as SQLite normally does.
    checkpoint(catalog.db);
    const before = statSync(path).size;
    bigWrite(catalog);
    expect(statSync(path).size).toBeGreaterThan(before + 10_000_000);
  });
});
