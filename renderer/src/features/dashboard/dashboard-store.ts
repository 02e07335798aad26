import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DashboardStats } from '../../../../common/edit-types.js';
import { LISTING_STATUSES, MARKETPLACES, MARKETPLACE_LABELS, STATUS_LABELS, type ListingStatus, type Marketplace } from '../../../../common/listing.js';
import { formatInteger } from '../../format.js';
import { oneAtATime } from '../../store/one-at-a-time.js';
import type { DashboardCalls } from './dashboard-calls.js';

/* ----------------------------------------------------------------------------------------------
 * The dashboard's data: `dashboard.stats` (O(1) counters in the core), refetched — debounced — on
 * every `catalog.changed` while the dashboard is shown, plus the pure shaping of those numbers
 * into chart series and their text equivalents (for screen readers and tests).
 * -------------------------------------------------------------------------------------------- */

export interface DashboardState {
  stats: DashboardStats | null;
  loading: boolean;
  error: string | null;
  /** When the shown numbers were fetched (epoch ms). */
  loadedAt: number | null;
  refresh(): Promise<void>;
}

export interface DashboardHandle {
  store: StoreApi<DashboardState>;
  /** Loads now and follows catalog changes; returns the disposer. */
  start(): () => void;
}

export const DASHBOARD_REFRESH_DEBOUNCE_MS = 400;

export function createDashboardStore(calls: DashboardCalls, debounceMs = DASHBOARD_REFRESH_DEBOUNCE_MS): DashboardHandle {
  const store = createStore<DashboardState>()((set) => ({
    stats: null,
    loading: false,
    error: null,
    loadedAt: null,
    // One call at a time; a change during a call asks for exactly one more afterwards.
    refresh: oneAtATime(
      async () => {
        try {
          const stats = await calls.stats();
          set({ stats, error: null, loadedAt: Date.now() });
        } catch (err) {
          set({ error: err instanceof Error ? err.message : 'Could not load the dashboard.' });
        }
      },
      (loading) => set({ loading }),
    ),
  }));
  return {
    store,
    start() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const off = calls.onCatalogChanged(() => {
        clearTimeout(timer);
        timer = setTimeout(() => void store.getState().refresh(), debounceMs);
      });
      void store.getState().refresh();
      return () => {
        off();
        clearTimeout(timer);
      };
    },
  };
}

// ---- shaping -------------------------------------------------------------------------------------

export interface SeriesPoint<K extends string = string> {
  key: K;
  label: string;
  value: number;
}

/** Marketplaces with listings, in the app's usual order. */
export function marketplaceSeries(stats: DashboardStats): SeriesPoint<Marketplace>[] {
  return MARKETPLACES.filter((m) => (stats.byMarketplace[m] ?? 0) > 0).map((m) => ({ key: m, label: MARKETPLACE_LABELS[m], value: stats.byMarketplace[m] ?? 0 }));
}

/** Every status (zeros included: "0 sold out" is worth seeing). */
export function statusSeries(stats: DashboardStats): SeriesPoint<ListingStatus>[] {
  return LISTING_STATUSES.map((s) => ({ key: s, label: STATUS_LABELS[s], value: stats.byStatus[s] ?? 0 }));
}

/** "0–9", "10–19", …, "90–100". */
export function scoreBucketLabel(i: number): string {
  return i >= 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`;
}

export function scoreSeries(stats: DashboardStats): SeriesPoint[] {
  return Array.from({ length: 10 }, (_, i) => ({ key: String(i), label: scoreBucketLabel(i), value: stats.scoreBuckets[i] ?? 0 }));
}

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
export function activitySeries(stats: DashboardStats, format: (day: number) => string = (d) => dayFormat.format(new Date(d))): SeriesPoint[] {
  return stats.activity.map((a) => ({ key: String(a.day), label: format(a.day), value: a.listings }));
}

/** A chart's numbers as one sentence: "Etsy 12,000; eBay 8,000." */
export function seriesText(series: readonly SeriesPoint[]): string {
  if (series.length === 0) return 'No data.';
  return `${series.map((p) => `${p.label} ${formatInteger(p.value)}`).join('; ')}.`;
}

export function sumOf(series: readonly SeriesPoint[]): number {
  let n = 0;
  for (const p of series) n += p.value;
  return n;
}

/** Share of the total as "12.3 %" (one decimal below 10 %, none above). */
export function percentText(part: number, total: number): string {
  if (total <= 0) return '0 %';
  const p = (part / total) * 100;
  if (p > 0 && p < 0.1) return '< 0.1 %';
  return `${p.toLocaleString(undefined, { maximumFractionDigits: p < 10 ? 1 : 0 })} %`;
}

/** Approximate mean score from the histogram (bucket midpoints), or null without scored listings. */
export function approximateMeanScore(stats: DashboardStats): number | null {
  let n = 0;
  let sum = 0;
  stats.scoreBuckets.forEach((count, i) => {
    n += count;
    sum += count * (i === 9 ? 95 : i * 10 + 4.5);
  });
  return n === 0 ? null : Math.round(sum / n);
}
