import { describe, expect, it, vi } from 'vitest';
import type { ContractClient } from '../../../common/client.js';
import type { EventPayloads, MethodInput, MethodName, MethodOutput } from '../../../common/contract.js';
import type { EventName } from '../../../common/contract-names.js';
import type { GridQuery } from '../../../common/grid.js';
import type { JobSummary } from '../../../common/job-types.js';
import { createJobsStore, defaultMarketplace, percentDone, withProgress } from '../../../renderer/src/features/jobs/jobs-store.js';
import { tagDiff, tokenize, wordDiff, type DiffPart } from '../../../renderer/src/features/optimize/word-diff.js';

const join = (parts: DiffPart[], side: 'before' | 'after') => parts.filter((p) => p.op === 'same' || p.op === (side === 'before' ? 'removed' : 'added')).map((p) => p.text).join('');

describe('wordDiff', () => {
  it('tokenizes words, punctuation and whitespace losslessly', () => {
    expect(tokenize('Blue, mug  2x!')).toEqual(['Blue', ',', ' ', 'mug', '  ', '2x', '!']);
    expect(tokenize('')).toEqual([]);
  });

  it('marks a replaced word as removed then added, keeping the rest', () => {
    expect(wordDiff('a red mug', 'a blue mug')).toEqual([
      { op: 'same', text: 'a ' },
      { op: 'removed', text: 'red' },
      { op: 'added', text: 'blue' },
      { op: 'same', text: ' mug' },
    ]);
  });

  it('handles casing changes, dropped and added words, and rebuilds both sides exactly', () => {
    const before = 'HANDMADE BLUE CERAMIC MUG - SALE!!! best best gift';
    const after = 'Handmade Blue Ceramic Mug - best gift for tea lovers';
    const parts = wordDiff(before, after);
    expect(join(parts, 'before')).toBe(before);
    expect(join(parts, 'after')).toBe(after);
    expect(parts.some((p) => p.op === 'removed' && p.text.includes('SALE'))).toBe(true);
    expect(parts.some((p) => p.op === 'added' && p.text.includes('tea lovers'))).toBe(true);
    expect(parts.filter((p) => p.op === 'same').map((p) => p.text)).toEqual([' - ', 'best ', 'gift']);
    expect(parts.find((p) => p.op === 'removed' && p.text === 'best ')).toBeDefined();
  });

  it('covers the edge cases: equal, empty sides, whitespace-only change', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ op: 'same', text: 'same text' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'new')).toEqual([{ op: 'added', text: 'new' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'removed', text: 'old' }]);
    const parts = wordDiff('a  b', 'a b');
    expect(join(parts, 'before')).toBe('a  b');
    expect(join(parts, 'after')).toBe('a b');
  });

  it('merges interleaved changes into one removed and one added run per change', () => {
    const parts = wordDiff('red big mug', 'blue small mug');
    expect(parts).toEqual([
      { op: 'removed', text: 'red big' },
      { op: 'added', text: 'blue small' },
      { op: 'same', text: ' mug' },
    ]);
  });

  it('diffs tags as sets, case-insensitively', () => {
    expect(tagDiff(['Mug', 'sale', 'gift'], ['mug', 'gift', 'tea lover'])).toEqual([
      { tag: 'mug', op: 'same' },
      { tag: 'gift', op: 'same' },
      { tag: 'tea lover', op: 'added' },
      { tag: 'sale', op: 'removed' },
    ]);
  });
});

describe('jobs helpers', () => {
  const job: JobSummary = {
    id: 7, kind: 'optimize', state: 'running', priority: 10, marketplace: 'etsy', autoApply: false, total: 1000, done: 100, failed: 0,
    error: null, createdAt: 1, startedAt: 2, finishedAt: null, changeSetId: null,
  };
  it('picks the filter marketplace when there is exactly one, else Etsy', () => {
    const q = (marketplaces?: GridQuery['filter']['marketplaces']): GridQuery => ({ sort: { column: 'updated', direction: 'desc' }, filter: marketplaces === undefined ? {} : { marketplaces } });
    expect(defaultMarketplace(q(['ebay']))).toBe('ebay');
    expect(defaultMarketplace(q(['ebay', 'amazon']))).toBe('etsy');
    expect(defaultMarketplace(q())).toBe('etsy');
  });
  it('folds progress events into a job and computes the percentage', () => {
    const next = withProgress(job, { jobId: 7, done: 600, failed: 2, total: 1000, ratePerSecond: 500, etaSeconds: 1, state: 'running' });
    expect(next.done).toBe(600);
    expect(percentDone(next)).toBe(60);
    expect(withProgress(job, { jobId: 8, done: 1, failed: 0, total: 1, ratePerSecond: 0, etaSeconds: null, state: 'done' })).toBe(job);
    expect(percentDone({ done: 0, failed: 0, total: 0 })).toBe(0);
  });
});

describe('jobs store', () => {
  it('lists jobs, folds job.progress into them and reads the list again when a job ends', async () => {
    vi.useFakeTimers();
    try {
      const running: JobSummary = {
        id: 3, kind: 'optimize', state: 'running', priority: 10, marketplace: 'etsy', autoApply: false, total: 1000, done: 0, failed: 0,
        error: null, createdAt: 1, startedAt: 2, finishedAt: null, changeSetId: null,
      };
      let answer: JobSummary[] = [running];
      let lists = 0;
      const listeners = new Set<(p: EventPayloads['job.progress']) => void>();
      const client: ContractClient = {
        call<M extends MethodName>(method: M, _input: MethodInput<M>): Promise<MethodOutput<M>> {
          if (method !== 'jobs.list') throw new Error(`unexpected ${method}`);
          lists++;
          return Promise.resolve({ jobs: answer } as MethodOutput<M>);
        },
        on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
          expect(event).toBe('job.progress');
          listeners.add(listener as (p: EventPayloads['job.progress']) => void);
          return () => listeners.delete(listener as (p: EventPayloads['job.progress']) => void);
        },
      };
      const handle = createJobsStore(client);
      await vi.advanceTimersByTimeAsync(0);
      expect(lists).toBe(1);
      expect(handle.store.getState().jobs).toEqual([running]);

      listeners.forEach((l) => l({ jobId: 3, done: 400, failed: 0, total: 1000, ratePerSecond: 800, etaSeconds: 1, state: 'running' }));
      expect(handle.store.getState().jobs[0]!.done).toBe(400);
      expect(handle.store.getState().progress[3]!.ratePerSecond).toBe(800);

      answer = [{ ...running, state: 'done', done: 1000, finishedAt: 9 }];
      listeners.forEach((l) => l({ jobId: 3, done: 1000, failed: 0, total: 1000, ratePerSecond: 800, etaSeconds: 0, state: 'done' }));
      expect(handle.store.getState().jobs[0]!.state).toBe('done');
      await vi.advanceTimersByTimeAsync(300);
      expect(lists).toBe(2);
      expect(handle.store.getState().jobs[0]!.finishedAt).toBe(9);

      handle.dispose();
      expect(listeners.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
