import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../common/result.js';
import { openCatalog, type Catalog } from '../../../core/catalog/open-catalog.js';
import { MIGRATIONS, type Migration } from '../../../core/catalog/migrations/index.js';
import { latestVersion } from '../../../core/catalog/run-migrations.js';
import { tempDbPath } from './temp-catalog.js';

function pragmas(catalog: Catalog) {
  const read = (name: string): unknown => catalog.db.pragma(name, { simple: true });
  return {
    journal_mode: read('journal_mode'),
    synchronous: read('synchronous'),
    foreign_keys: read('foreign_keys'),
    busy_timeout: read('busy_timeout'),
    recursive_triggers: read('recursive_triggers'),
    query_only: read('query_only'),
  };
}

const WRITER_PRAGMAS = { journal_mode: 'wal', synchronous: 1, foreign_keys: 1, busy_timeout: 5000, recursive_triggers: 1, query_only: 0 };

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the action to throw');
}

describe('openCatalog', () => {
  it('creates a fresh catalog at the latest schema version with verified pragmas', () => {
    const path = tempDbPath();
    const catalog = openCatalog(path, { role: 'writer' });
    expect(latestVersion()).toBe(MIGRATIONS.length);
    expect(catalog.schemaVersion).toBe(MIGRATIONS.length);
    expect(catalog.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(pragmas(catalog)).toEqual(WRITER_PRAGMAS);
    const tables = catalog.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['listings', 'variants', 'listing_counts', 'listings_fts', 'revisions', 'proposals', 'jobs', 'imports', 'settings']));
    catalog.close();
  });

  it('sets the same pragmas again on a second open, and readers are query-only', () => {
    const path = tempDbPath();
    openCatalog(path, { role: 'writer' }).close();
    const writer = openCatalog(path, { role: 'writer' });
    expect(pragmas(writer)).toEqual(WRITER_PRAGMAS);
    expect(writer.schemaVersion).toBe(MIGRATIONS.length);

    const reader = openCatalog(path, { role: 'reader' });
    expect(pragmas(reader)).toEqual({ ...WRITER_PRAGMAS, query_only: 1 });
    expect(reader.schemaVersion).toBe(MIGRATIONS.length);
    expect(() => reader.db.exec("INSERT INTO settings (key, value) VALUES ('k', '1')")).toThrow(/readonly|read-only|query_only/i);
    reader.close();
    writer.close();
  });

  it('refuses a catalog from a newer version and leaves its bytes untouched', () => {
    const path = tempDbPath();
    const future = new Database(path);
    future.exec("CREATE TABLE future_thing (x); INSERT INTO future_thing VALUES ('keep me')");
    future.pragma('user_version = 99');
    future.close();
    const before = fs.readFileSync(path);

    for (const role of ['writer', 'reader'] as const) {
      const error = thrown(() => openCatalog(path, { role }));
      expect(error).toBeInstanceOf(ContractError);
      expect((error as ContractError).code).toBe('database_newer');
      expect((error as ContractError).message).toBe(
        `This catalog was saved by a newer version of Listsmith (schema 99, this app knows ${MIGRATIONS.length}). Update Listsmith to open it; the file was not changed.`,
      );
    }
    expect(fs.readFileSync(path).equals(before)).toBe(true);
    expect(fs.existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses to open a reader on a file the writer has not migrated', () => {
    const path = tempDbPath();
    new Database(path).close();
    const error = thrown(() => openCatalog(path, { role: 'reader' }));
    expect((error as ContractError).code).toBe('database_unavailable');
  });

  it('rolls a failing migration back completely and keeps earlier steps', () => {
    const path = tempDbPath();
    const failing: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'fails halfway',
      up(db) {
        db.exec('CREATE TABLE half_done (x)');
        db.exec("INSERT INTO listing_counts (marketplace, status, n) VALUES ('etsy', 'active', 42)");
        throw new Error('boom');
      },
    };
    expect(() => openCatalog(path, { role: 'writer', migrations: [...MIGRATIONS, failing] })).toThrow('boom');

    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM listing_counts').pluck().get()).toBe(0);
    db.close();

    // The app's own list still opens the file normally afterwards.
    const catalog = openCatalog(path, { role: 'writer' });
    expect(catalog.schemaVersion).toBe(MIGRATIONS.length);
    catalog.close();
  });

  it('leaves a fresh file at version 0 when the very first migration fails', () => {
    const path = tempDbPath();
    const broken: Migration = {
      version: 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE listings (id INTEGER PRIMARY KEY)');
        db.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openCatalog(path, { role: 'writer', migrations: [broken] })).toThrow();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'listings'").pluck().get()).toBe(0);
    db.close();
  });

  it('rejects a migration list that is not numbered 1, 2, 3…', () => {
    const skipped: Migration = { version: MIGRATIONS.length + 2, name: 'skips two', up: () => undefined };
    expect(() => openCatalog(tempDbPath(), { role: 'writer', migrations: [...MIGRATIONS, skipped] })).toThrow(new RegExp(`expected ${MIGRATIONS.length + 1}`));
  });

  it('rebuilds sort indexes a crashed bulk load left dropped', () => {
    const path = tempDbPath();
    const catalog = openCatalog(path, { role: 'writer' });
    const sql = catalog.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'listings_title'").pluck().get() as string;
    catalog.db.prepare('INSERT INTO pending_indexes (name, sql) VALUES (?, ?)').run('listings_title', sql);
    catalog.db.exec('DROP INDEX listings_title');
    catalog.close();

    const reopened = openCatalog(path, { role: 'writer' });
    expect(reopened.db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'listings_title'").pluck().get()).toBe(sql);
    expect(reopened.db.prepare('SELECT count(*) FROM pending_indexes').pluck().get()).toBe(0);
    reopened.close();
  });
});
