import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A short hash of everything that decides what a seeded demo catalog contains (the generator and
 * the migrations), so cached benchmark / end-to-end catalogs are rebuilt when either changes.
 */
export function demoCatalogFingerprint(repoRoot: string): string {
  const hash = createHash('sha256');
  const files = [join(repoRoot, 'core', 'catalog', 'demo-data.ts'), join(repoRoot, 'core', 'catalog', 'insert-listings.ts')];
  const migrations = join(repoRoot, 'core', 'catalog', 'migrations');
  for (const name of readdirSync(migrations).sort()) files.push(join(migrations, name));
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}
