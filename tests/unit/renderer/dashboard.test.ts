import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContractClient } from '../../../common/client.js';
import type { EventPayloads, MethodInput, MethodName, MethodOutput } from '../../../common/contract.js';
import type { EventName } from '../../../common/contract-names.js';
import type { DashboardStats } from '../../../common/edit-types.js';
import { dashboardCalls } from '../../../renderer/src/features/dashboard/dashboard-calls.js';
import {
  activitySeries,
  approximateMeanScore,
  createDashboardStore,
  marketplaceSeries,
  percentText,
  scoreBucketLabel,
  scoreSeries,
  seriesText,
  statusSeries,
  sumOf,
} from '../../../renderer/src/features/dashboard/dashboard-store.js';

function stats(patch: Partial<DashboardStats> = {}): DashboardStats {
  return {
    listings: 1_000,
    byMarketplace: { etsy: 600, ebay: 400 },
    byStatus: { active: 700, draft: 250, archived: 50 },
    scoreBuckets: [0, 0, 0, 0, 0, 100, 0, 0, 0, 900],
    unscored: 0,
    withErrors: 120,
    topRules: [{ ruleId: 'etsy.title.max_length', listings: 80 }],
    recent: [],
    activity: [
      { day: Date.UTC(2026, 10, 20), listings: 3 },
      { day: Date.UTC(2026, 10, 21), listings: 0 },
    ],
    ...patch,
  };
}

function fakeClient(answer: () => Promise<DashboardStats>) {
  const listeners = new Set<(p: unknown) => void>();
  let calls = 0;
  const client: ContractClient = {
    call<M extends MethodName>(method: M, _input: MethodInput<M>): Promise<MethodOutput<M>> {
      if (method !== 'dashboard.stats') throw new Error(`unexpected ${method}`);
      calls++;
      return answer() as Promise<MethodOutput<M>>;
    },
    on<E extends EventName>(_event: E, listener: (payload: EventPayloads[E]) => void) {
      listeners.add(listener as (p: unknown) => void);
      return () => listeners.delete(listener as (p: unknown) => void);
    },
  };
  return {
    client,
    calls: () => calls,
    changed: () => listeners.forEach((l) => l({ reason: 'edit', at: Date.now() })),
    listeners: () => listeners.size,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('dashboard series', () => {
  it('shapes marketplaces (those with listings, app order) and every status', () => {
    const s = stats();
    expect(marketplaceSeries(s)).toEqual([
      { key: 'ebay', label: 'eBay', value: 400 },
      { key: 'etsy', label: 'Etsy', value: 600 },
    ]);
    expect(statusSeries(s).map((p) => [p.key, p.value])).toEqual([
      ['active', 700],
      ['draft', 250],
      ['inactive', 0],
      ['sold_out', 0],
      ['archived', 50],
    ]);
    expect(sumOf(statusSeries(s))).toBe(s.listings);
  });
  it('labels the ten score buckets', () => {
    expect(scoreBucketLabel(0)).toBe('0–9');
    expect(scoreBucketLabel(4)).toBe('40–49');
    expect(scoreBucketLabel(9)).toBe('90–100');
    expect(scoreSeries(stats())).toHaveLength(10);
    expect(scoreSeries(stats({ scoreBuckets: [1, 2] }))[5]!.value).toBe(0);
  });
  it('says the numbers in words', () => {
    expect(seriesText(marketplaceSeries(stats()))).toBe('eBay 400; Etsy 600.');
    expect(seriesText([])).toBe('No data.');
    expect(activitySeries(stats(), (d) => new Date(d).toISOString().slice(5, 10)).map((p) => `${p.label}=${p.value}`)).toEqual(['11-20=3', '11-21=0']);
  });
  it('computes shares and an approximate mean score', () => {
    expect(percentText(120, 1_000)).toBe('12 %');
    expect(percentText(5, 1_000)).toBe('0.5 %');
    expect(percentText(0, 0)).toBe('0 %');
    expect(percentText(1, 1_000_000)).toBe('< 0.1 %');
    expect(approximateMeanScore(stats())).toBe(91); // (100 × 54.5 + 900 × 95) / 1,000
    expect(approximateMeanScore(stats({ scoreBuckets: new Array(10).fill(0) }))).toBeNull();
  });
});

describe('dashboard store', () => {
  it('loads on start, refetches once per burst of catalog changes, stops on dispose', async () => {
    vi.useFakeTimers();
    const fake = fakeClient(async () => stats());
    const handle = createDashboardStore(dashboardCalls(fake.client), 100);
    const stop = handle.start();
    await vi.waitFor(() => expect(handle.store.getState().stats).not.toBeNull());
    expect(fake.calls()).toBe(1);
    fake.changed();
    fake.changed();
    fake.changed();
    await vi.advanceTimersByTimeAsync(150);
    expect(fake.calls()).toBe(2);
    stop();
    expect(fake.listeners()).toBe(0);
    fake.changed();
    await vi.advanceTimersByTimeAsync(150);
    expect(fake.calls()).toBe(2);
  });

  it('a refresh during a call asks for exactly one more', async () => {
    let release: () => void = () => {};
    let n = 0;
    const fake = fakeClient(() => {
      n++;
      return n === 1 ? new Promise((r) => (release = () => r(stats({ listings: 1 })))) : Promise.resolve(stats({ listings: 2 }));
    });
    const handle = createDashboardStore(dashboardCalls(fake.client));
    const first = handle.store.getState().refresh();
    void handle.store.getState().refresh();
    void handle.store.getState().refresh();
    release();
    await first;
    expect(fake.calls()).toBe(2);
    expect(handle.store.getState().stats?.listings).toBe(2);
    expect(handle.store.getState().loading).toBe(false);
  });

  it('keeps the last numbers and reports an error', async () => {
    let fail = false;
    const fake = fakeClient(async () => {
      if (fail) throw new Error('The core is busy.');
      return stats();
    });
    const handle = createDashboardStore(dashboardCalls(fake.client));
    await handle.store.getState().refresh();
    fail = true;
    await handle.store.getState().refresh();
    expect(handle.store.getState().stats?.listings).toBe(1_000);
    expect(handle.store.getState().error).toBe('The core is busy.');
  });
});
