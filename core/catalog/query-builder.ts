import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { CatalogDatabase } from './schema.js';

/**
 * Kysely over the catalog schema, for building and compiling queries only: it has no connection
 * (kysely's DummyDriver), so code that holds a better-sqlite3 handle rather than a Catalog can type
 * its SQL too. Queries it builds run synchronously through run-compiled.ts.
 */
export const catalogQuery = new Kysely<CatalogDatabase>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});
