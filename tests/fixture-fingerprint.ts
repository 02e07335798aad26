import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A short hash of everything that decides what a seeded demo catalog contains (all of
 * core/catalog: generator, vocabulary, insert path, migrations; and common/rules, which decides
 * the stored quality scores), so cached benchmark and end-to-end catalogs are rebuilt when any of
 * it changes — never rescored in the background by the host while it is being measured.
 */
export function demoCatalogFingerprint(repoRoot: string): string {
  const hash = createHash('sha256');
  for (const dir of [join(repoRoot, 'core', 'catalog'), join(repoRoot, 'common', 'rules')]) {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).sort();
    for (const name of files) {
      hash.update(name);
      hash.update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}
