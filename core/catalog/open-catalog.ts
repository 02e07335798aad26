import fs from 'node:fs';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { restorePendingIndexes } from './bulk-load.js';
import { applyConnectionPragmas, type CatalogRole } from './connection-pragmas.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { optimizePlanner } from './planner-care.js';
import { catalogQuery } from './query-builder.js';
import { latestVersion, readUserVersion, runMigrations } from './run-migrations.js';
import type { CatalogDatabase } from './schema.js';
import { databaseNewerError, databaseNotReadyError } from './schema-version-errors.js';

export type { CatalogRole } from './connection-pragmas.js';

/** One open connection to a catalog file. Not shareable across threads: open one per thread. */
export interface Catalog {
  readonly db: BetterSqlite3.Database;
  /** The typed query builder (query-builder.ts: compile only); run its queries on `db` with run-compiled.ts. */
  readonly kysely: Kysely<CatalogDatabase>;
  readonly path: string;
  readonly role: CatalogRole;
  readonly schemaVersion: number;
  close(): void;
}

export interface OpenCatalogOptions {
  role: CatalogRole;
  /** Only tests pass another list; the app always uses the real one. */
  migrations?: readonly Migration[];
}

/**
 * Opens the catalog. The writer creates the file if needed and migrates it; a reader opens only an
 * existing file already at this app's schema (the writer opens first). A file from a newer app is
 * refused before any byte of it is written.
 */
export function openCatalog(path: string, options: OpenCatalogOptions): Catalog {
  const migrations = options.migrations ?? MIGRATIONS;
  const known = latestVersion(migrations);
  refuseNewerFile(path, known);

  const db = new Database(path, { fileMustExist: options.role === 'reader' });
  try {
    applyConnectionPragmas(db, options.role);
    const schemaVersion = options.role === 'writer' ? prepareForWriting(db, migrations) : readerSchemaVersion(db, known);
    return {
      db,
      kysely: catalogQuery,
      path,
      role: options.role,
      schemaVersion,
      close: () => {
        if (options.role === 'writer' && db.open) optimizePlanner(db);
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Setting journal_mode=WAL rewrites the file header, so the version check must come first, on a
 * read-only connection (which can neither write nor checkpoint the file on close).
 */
function refuseNewerFile(path: string, known: number): void {
  if (!fs.existsSync(path)) return;
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const found = readUserVersion(probe);
    if (found > known) throw databaseNewerError(found, known);
  } finally {
    probe.close();
  }
}

function prepareForWriting(db: BetterSqlite3.Database, migrations: readonly Migration[]): number {
  const version = runMigrations(db, migrations);
  // A bulk load interrupted by a crash left its sort indexes dropped: rebuild them now.
  const hasPendingIndexes = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'pending_indexes'").get();
  if (hasPendingIndexes) restorePendingIndexes(db);
  return version;
}

function readerSchemaVersion(db: BetterSqlite3.Database, known: number): number {
  const found = readUserVersion(db);
  if (found > known) throw databaseNewerError(found, known);
  if (found !== known) throw databaseNotReadyError(found, known);
  return found;
}
