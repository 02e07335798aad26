import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemoData } from '../catalog/demo-data.js';
import { openCatalog } from '../catalog/open-catalog.js';
import { defaultDatabasePath } from '../host/data-dir.js';

/**
 * `npm run demo-data -- --count N [--seed S] [--db PATH]`: fills a catalog with realistic,
 * reproducible listings so a new user (and the benchmarks) have something to look at.
 */
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    db: { type: 'string' },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
  console.error('--count must be a whole number between 1 and 2,000,000');
  process.exit(2);
}
if (!Number.isInteger(seed) || seed < 0) {
  console.error('--seed must be a whole number ≥ 0');
  process.exit(2);
}
const databasePath = resolve(values.db ?? defaultDatabasePath());
mkdirSync(dirname(databasePath), { recursive: true });

const started = Date.now();
let lastReport = 0;
// On a terminal, one line that updates in place; in a log (CI), a line per step.
const progressLine = (text: string): void => void process.stderr.write(process.stderr.isTTY ? `\r${text}` : `${text}\n`);
try {
  const catalog = openCatalog(databasePath, { role: 'writer' });
  const { inserted } = generateDemoData(catalog, {
    count,
    seed,
    onProgress: (done, total) => {
      const interval = process.stderr.isTTY ? 1000 : 10_000;
      if (Date.now() - lastReport > interval || done === total) {
        lastReport = Date.now();
        progressLine(`${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} listings`);
      }
    },
  });
  catalog.close();
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(`Added ${inserted.toLocaleString('en-US')} demo listings to ${databasePath} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`\nCould not generate demo data: ${(error as Error).message}`);
  process.exit(1);
}
