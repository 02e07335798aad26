import type { JobProgress, JobSummary } from './job-types.js';

/** Samples kept per job: the rate follows the last few batches, not the whole run. */
const WINDOW = 8;

/**
 * Turns job summaries seen over time into progress events with a rate (listings/s over the last
 * few samples) and an ETA. In memory only: after a restart the rate is measured afresh.
 */
export class ProgressMeter {
  private readonly samples = new Map<number, { at: number; processed: number }[]>();

  progress(job: JobSummary, now: number): JobProgress {
    const processed = job.done + job.failed;
    let list = this.samples.get(job.id);
    if (!list) this.samples.set(job.id, (list = []));
    list.push({ at: now, processed });
    if (list.length > WINDOW) list.shift();
    const first = list[0]!;
    const elapsed = now - first.at;
    const rate = elapsed > 0 ? ((processed - first.processed) * 1000) / elapsed : 0;
    const left = Math.max(0, job.total - processed);
    const finished = job.state !== 'queued' && job.state !== 'running';
    if (finished) this.samples.delete(job.id);
    return {
      jobId: job.id,
      state: job.state,
      done: job.done,
      failed: job.failed,
      total: job.total,
      rate,
      etaMs: finished ? 0 : rate > 0 ? Math.round((left / rate) * 1000) : null,
    };
  }
}
