import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { databaseNewerError } from './schema-version-errors.js';

export function readUserVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The schema version a migration list brings a database to. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Brings the database up to the last migration, one transaction per step (each also sets
 * user_version, so a crash leaves the file at a clean earlier step). Refuses a newer file before
 * writing anything. Returns the resulting schema version.
 */
export function runMigrations(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  assertNumberedInOrder(migrations);
  const known = latestVersion(migrations);
  const current = readUserVersion(db);
  if (current > known) throw databaseNewerError(current, known);

  for (const migration of migrations) {
    if (migration.version <= current) continue;
    // IMMEDIATE takes the write lock up front, so a concurrent writer fails fast instead of mid-step.
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return readUserVersion(db);
}

function assertNumberedInOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1} (migrations must be numbered 1, 2, 3… in order).`);
    }
  });
}
