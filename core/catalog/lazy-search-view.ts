import { emptyIdArray, type IdArray } from './id-array.js';
import { createIdTally, type IdTally } from './id-tally.js';
import type { SnapshotPin } from './snapshot-pin.js';

/** What GridSnapshots decided and measured for a search that matches a large share of the catalog. */
export interface LazySearchPlan {
  /** The main connection's version the view belongs to (the pinned snapshot's). */
  version: string;
  /** The FTS5 query SQLite runs (after prefix narrowing); never a prefix query. */
  ftsMatch: string;
  /** Every listing ascending by (sort column, id), as of the view's snapshot. */
  base: IdArray;
  maxId: number;
  /** Exact number of matches at the view's snapshot. */
  total: number;
}

/**
 * Most probes (≈ 25 µs each) a page past the filled top may cost; a deeper page waits for the
 * full list instead (≈ 30 ms for a word in a third of 1M listings, ≈ 100 ms for one in 91 %).
 */
const EXTEND_PROBES = 1200;
/** FTS read per background chunk, in ids; adapted towards CHUNK_TARGET_MS as chunks are timed. */
const FIRST_CHUNK_IDS = 8_192;
const CHUNK_TARGET_MS = 1;
/** Base entries walked per chunk (≈ 0.5 ms). */
const WALK_CHUNK = 131_072;

const PROBE = 'SELECT 1 FROM listings_fts WHERE listings_fts MATCH ? AND rowid = CAST(? AS INTEGER)';
const RANGE = 'SELECT rowid FROM listings_fts WHERE listings_fts MATCH ? AND rowid >= CAST(? AS INTEGER) AND rowid < CAST(? AS INTEGER)';

/**
 * A grid view over a search matching a large share of the catalog, opened without reading every
 * match.
 *
 * The top rows are found by walking the sorted list of all listings from the view's first row and
 * asking the index about each id (a rowid seek per segment; 1 ÷ share probes per row: ~1.1 for
 * a word in 91 % of listings); the total is counted at open. The full ordered list — what an
 * eager view builds at open — is built in short steps between calls (read the matches a range of
 * ids at a time into a tally, then walk the sorted list once), or at once when a page beyond the
 * probed top is asked for first. Every read goes through the pinned snapshot, so rows and order
 * are exactly an eager view's of the same moment.
 */
export class LazySearchView {
  readonly total: number;
  private readonly filled: number[] = [];
  /** Next position in the base list to probe, walking in view order. */
  private cursor: number;
  private exhausted = false;
  private full: IdArray | null = null;
  // Background build state.
  private tally: IdTally | null = null;
  private hits: IdArray | null = null;
  private hitCount = 0;
  private nextId = 0;
  private chunkIds = FIRST_CHUNK_IDS;
  private walked = 0;
  private kept = 0;
  private result: IdArray | null = null;

  constructor(
    private readonly plan: LazySearchPlan,
    readonly descending: boolean,
    private readonly pin: SnapshotPin,
  ) {
    this.total = plan.total;
    this.cursor = descending ? plan.base.length - 1 : 0;
  }

  get version(): string {
    return this.plan.version;
  }

  get ftsMatch(): string {
    return this.plan.ftsMatch;
  }

  get complete(): boolean {
    return this.full !== null;
  }

  /** The full list ascending by (sort column, id) and every match ascending by id, once built. */
  get built(): { ids: IdArray; hits: IdArray } | null {
    return this.full && this.hits ? { ids: this.full, hits: this.hits } : null;
  }

  /** Ids at view positions [offset, end), in view order. */
  idsAt(offset: number, end: number): number[] {
    const stop = Math.min(end, this.total);
    if (offset >= stop) return [];
    const probesNeeded = (stop - this.filled.length) * (this.plan.base.length / Math.max(1, this.total));
    if (!this.full && (stop <= this.filled.length || probesNeeded <= EXTEND_PROBES || this.exhausted)) {
      this.fillTo(stop);
      return this.filled.slice(offset, stop);
    }
    if (!this.full) this.finish();
    const ids = this.full!;
    const out: number[] = [];
    for (let position = offset; position < Math.min(stop, ids.length); position++) {
      out.push(ids[this.descending ? ids.length - 1 - position : position]!);
    }
    return out;
  }

  /** Builds for about `budgetMs`; returns true when the full list is done. */
  step(budgetMs: number): boolean {
    const started = performance.now();
    while (!this.full) {
      this.chunk();
      if (performance.now() - started >= budgetMs) break;
    }
    return this.full !== null;
  }

  finish(): void {
    while (!this.full) this.chunk();
  }

  private fillTo(count: number): void {
    const base = this.plan.base;
    const probe = this.pin.statement(PROBE);
    while (this.filled.length < count && !this.exhausted) {
      if (this.cursor < 0 || this.cursor >= base.length) {
        this.exhausted = true;
        break;
      }
      const id = base[this.cursor]!;
      this.cursor += this.descending ? -1 : 1;
      if (probe.get(this.plan.ftsMatch, id) !== undefined) this.filled.push(id);
    }
  }

  /** One unit of build work: a range of matches read into the tally, or a slice of the walk. */
  private chunk(): void {
    const { base, maxId, ftsMatch } = this.plan;
    if (!this.tally) {
      this.tally = createIdTally(maxId);
      this.hits = emptyIdArray(this.total, maxId);
    }
    if (this.nextId <= maxId) {
      const started = performance.now();
      const to = Math.min(maxId + 1, this.nextId + this.chunkIds);
      const ids = this.pin.statement(RANGE).all(ftsMatch, this.nextId, to) as number[];
      this.tally.add(ids);
      // A count that fell short (an index out of step with listings) must not overflow the array.
      if (this.hitCount + ids.length > this.hits!.length) this.hits = growTo(this.hits!, this.hitCount + ids.length);
      this.hits!.set(ids, this.hitCount);
      this.hitCount += ids.length;
      this.nextId = to;
      const ms = Math.max(performance.now() - started, 0.05);
      this.chunkIds = Math.round(Math.min(1 << 20, Math.max(4096, (this.chunkIds * CHUNK_TARGET_MS) / ms)));
      return;
    }
    if (!this.result) this.result = emptyIdArray(Math.min(this.hitCount, base.length), maxId);
    if (this.walked < base.length) {
      const end = Math.min(base.length, this.walked + WALK_CHUNK);
      this.kept += this.tally.keep(base.subarray(this.walked, end), 1, this.result.subarray(this.kept));
      this.walked = end;
      return;
    }
    this.hits = this.hitCount === this.hits!.length ? this.hits : this.hits!.slice(0, this.hitCount);
    this.full = this.kept === this.result.length ? this.result : this.result.slice(0, this.kept);
    this.tally = null;
    this.result = null;
  }
}

function growTo(array: IdArray, length: number): IdArray {
  const grown = array instanceof Int32Array ? new Int32Array(Math.max(length, array.length * 2)) : new Float64Array(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
}
