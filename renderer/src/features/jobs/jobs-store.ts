import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../../common/client.js';
import type { GridQuery } from '../../../../common/grid.js';
import type { JobProgressEvent, JobState, JobSummary } from '../../../../common/job-types.js';
import type { Marketplace } from '../../../../common/listing.js';
import { useClient } from '../../store/client-context.js';
import { oneAtATime } from '../../store/one-at-a-time.js';

/* ----------------------------------------------------------------------------------------------
 * Optimization jobs in the renderer: the jobs list (`jobs.list`), live progress (`job.progress`),
 * which of the optimize / jobs / review dialogs is open, and the pure helpers they share.
 * One store per contract client, created on first use and following `job.progress` from then on.
 * -------------------------------------------------------------------------------------------- */

export const ACTIVE_STATES: readonly JobState[] = ['queued', 'running'];
export const isActive = (state: JobState): boolean => ACTIVE_STATES.includes(state);

export const JOB_STATE_LABELS: Record<JobState, string> = {
  queued: 'Queued',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The optimizer's default target: the filter's marketplace when it names exactly one, else Etsy. */
export function defaultMarketplace(query: GridQuery): Marketplace {
  const m = query.filter.marketplaces;
  return m !== undefined && m.length === 1 ? m[0]! : 'etsy';
}

/** A job with the newest progress event folded in (events may arrive before `jobs.list` knows). */
export function withProgress(job: JobSummary, progress: JobProgressEvent | undefined): JobSummary {
  if (progress === undefined || progress.jobId !== job.id) return job;
  // A list read after the event is newer: only move forward.
  if (progress.done + progress.failed < job.done + job.failed && !isActive(job.state)) return job;
  return { ...job, done: progress.done, failed: progress.failed, total: progress.total, state: progress.state };
}

/** 0–100 for the progress bar. */
export function percentDone(job: Pick<JobSummary, 'done' | 'failed' | 'total'>): number {
  if (job.total <= 0) return 0;
  return Math.min(100, Math.round(((job.done + job.failed) / job.total) * 100));
}

export interface JobsState {
  jobs: JobSummary[];
  progress: Readonly<Record<number, JobProgressEvent>>;
  loaded: boolean;
  error: string | null;
  panelOpen: boolean;
  optimizeOpen: boolean;
  /** The job whose proposals the review dialog shows. */
  reviewJobId: number | null;
  refresh(): Promise<void>;
  /** Replaces (or adds) one job after start / cancel / retry answered with it. */
  upsert(job: JobSummary): void;
  setPanelOpen(open: boolean): void;
  setOptimizeOpen(open: boolean): void;
  openReview(jobId: number | null): void;
}

export interface JobsHandle {
  store: StoreApi<JobsState>;
  dispose(): void;
}

const REFRESH_DEBOUNCE_MS = 250;
/** While jobs are active the list is also re-read this often, in case an event was missed. */
const ACTIVE_POLL_MS = 3_000;

export function createJobsStore(client: ContractClient): JobsHandle {
  const store = createStore<JobsState>()((set, get) => ({
    jobs: [],
    progress: {},
    loaded: false,
    error: null,
    panelOpen: false,
    optimizeOpen: false,
    reviewJobId: null,
    refresh: oneAtATime(async () => {
      try {
        const { jobs } = await client.call('jobs.list', {});
        set({ jobs, loaded: true, error: null });
      } catch (err) {
        set({ error: err instanceof Error ? err.message : 'Could not read the jobs.' });
      }
    }),
    upsert(job) {
      const jobs = get().jobs;
      const at = jobs.findIndex((j) => j.id === job.id);
      set({ jobs: at < 0 ? [job, ...jobs] : jobs.map((j) => (j.id === job.id ? job : j)) });
    },
    setPanelOpen(panelOpen) {
      set({ panelOpen });
      if (panelOpen) void get().refresh();
    },
    setOptimizeOpen(optimizeOpen) {
      set({ optimizeOpen });
    },
    openReview(reviewJobId) {
      set({ reviewJobId });
    },
  }));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void store.getState().refresh(), REFRESH_DEBOUNCE_MS);
  };
  const off = client.on('job.progress', (event) => {
    const s = store.getState();
    const known = s.jobs.find((j) => j.id === event.jobId);
    const progress = { ...s.progress, [event.jobId]: event };
    if (known === undefined) {
      store.setState({ progress });
      refreshSoon();
      return;
    }
    store.setState({ progress, jobs: s.jobs.map((j) => (j.id === event.jobId ? withProgress(j, event) : j)) });
    // A job that ended has a finish time, an error or a change set to show: read it again.
    if (!isActive(event.state) || known.state !== event.state) refreshSoon();
  });
  const poll = setInterval(() => {
    if (store.getState().jobs.some((j) => isActive(j.state))) void store.getState().refresh();
  }, ACTIVE_POLL_MS);
  void store.getState().refresh();
  return {
    store,
    dispose() {
      off();
      clearTimeout(timer);
      clearInterval(poll);
    },
  };
}

const handles = new WeakMap<ContractClient, JobsHandle>();

/** The jobs store of this window's client (created, and following progress, on first use). */
export function jobsStoreFor(client: ContractClient): StoreApi<JobsState> {
  let handle = handles.get(client);
  if (handle === undefined) {
    handle = createJobsStore(client);
    handles.set(client, handle);
  }
  return handle.store;
}

export function useJobsStore(): StoreApi<JobsState> {
  return jobsStoreFor(useClient());
}

export function useJobs<T>(selector: (state: JobsState) => T): T {
  return useStore(useJobsStore(), selector);
}
