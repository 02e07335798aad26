/**
 * Search timing probe, in process (no host, no WebSocket): opens a catalog file as a reader and
 * times grid.open + the first 200 rows for each search query and sort, like bench.ts does over the
 * contract. For quick before/after comparisons of the search path on a COPY of the cached 1M
 * catalog (pragmas are set on open): bundle this file for Node (e.g. a Vite SSR build with
 * better-sqlite3 external) and run `node search-probe.mjs <catalog.sqlite> [rounds] [--verify]`.
 * It yields to the event loop between calls, as the catalog worker does between messages, so a
 * lazy view's background build interleaves with later calls as in the app. --verify then compares
 * every search's rows at several depths with an eagerly built view's (lazySearch: null).
 */
import Database from 'better-sqlite3';
import type { GridQuery } from '../../common/grid.js';
import { applyConnectionPragmas } from '../../core/catalog/connection-pragmas.js';
import { GridViews } from '../../core/catalog/grid-views.js';
import type { Catalog } from '../../core/catalog/open-catalog.js';
import { SEARCH_QUERIES } from './search-queries.js';
import { percentile } from './stats.js';

const args = process.argv.slice(2);
const verify = args.includes('--verify');
const [path, roundsText = '3'] = args.filter((arg) => arg !== '--verify');
if (!path) throw new Error('usage: search-probe <catalog.sqlite> [rounds] [--verify]');
const idle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const db = new Database(path, { fileMustExist: true });
applyConnectionPragmas(db, 'reader');
const catalog = { db } as unknown as Catalog;

const sorts: GridQuery['sort'][] = [
  { column: 'updated', direction: 'desc' },
  { column: 'title', direction: 'asc' },
];
const all: number[] = [];
const perQuery = new Map<string, number[]>();
for (let round = 0; round < Number(roundsText); round++) {
  // A fresh set of views per round (no cached searches), with the sort bases warm as in bench.ts,
  // which opens unfiltered views before it searches.
  const views = new GridViews(catalog);
  for (const sort of sorts) views.open({ sort, filter: {} });
  for (const sort of sorts) {
    for (const search of SEARCH_QUERIES) {
      await idle();
      const start = performance.now();
      const view = views.open({ sort, filter: {}, search });
      await idle();
      const page = views.rows(view.viewId, 0, 200);
      const ms = performance.now() - start;
      all.push(ms);
      const key = `${search} / ${sort.column}`;
      perQuery.set(key, [...(perQuery.get(key) ?? []), ms]);
      if (round === 0) console.log(`${key.padEnd(28)} total ${String(view.total).padStart(7)} first ${page.rows[0]?.title.slice(0, 40) ?? '-'}`);
    }
  }
}
if (verify) {
  const lazy = new GridViews(catalog);
  const eager = new GridViews(catalog, { lazySearch: null });
  for (const sort of [...sorts, { column: 'price', direction: 'asc' } as const]) {
    for (const search of SEARCH_QUERIES) {
      const a = lazy.open({ sort, filter: {}, search });
      const b = eager.open({ sort, filter: {}, search });
      if (a.total !== b.total) throw new Error(`${search}: total ${a.total} vs ${b.total}`);
      for (const offset of [0, 200, 400, 1000, 5000, Math.floor(a.total / 2), Math.max(0, a.total - 200)]) {
        const got = lazy.rows(a.viewId, offset, 200).rows.map((row) => row.id).join(',');
        const want = eager.rows(b.viewId, offset, 200).rows.map((row) => row.id).join(',');
        if (got !== want) throw new Error(`${search} / ${sort.column}: rows differ at ${offset}`);
      }
      lazy.close(a.viewId);
      eager.close(b.viewId);
    }
  }
  console.log('verify: lazy and eager views agree at every checked depth');
}
for (const [key, samples] of perQuery) console.log(`${key.padEnd(28)} ${samples.map((ms) => ms.toFixed(1).padStart(6)).join(' ')}`);
console.log(`p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms over ${all.length}`);
db.close();
