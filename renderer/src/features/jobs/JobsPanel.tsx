import { useState } from 'react';
import type { JobProgressEvent, JobSummary } from '../../../../common/job-types.js';
import { MARKETPLACE_LABELS } from '../../../../common/listing.js';
import { formatCount, formatDateTime, formatDuration, formatInteger } from '../../format.js';
import { errorMessage } from '../../store/error-message.js';
import { useCalls } from '../../store/client-context.js';
import { jobCalls } from './job-calls.js';
import { isActive, JOB_STATE_LABELS, percentDone, useJobs, useJobsStore } from './jobs-store.js';
import { Modal } from '../../ui/Modal.js';
import { ErrorCallout } from '../../ui/ErrorCallout.js';
import './jobs.css';

const STATE_BADGES: Record<JobSummary['state'], string> = {
  queued: 'badge-neutral',
  running: 'badge-neutral',
  paused: 'badge-warn',
  done: 'badge-ok',
  failed: 'badge-warn',
  cancelled: 'badge-warn',
};

function jobTitle(job: JobSummary): string {
  const what = job.kind === 'ai' ? 'AI rewrite' : 'Optimize';
  return `${what} for ${MARKETPLACE_LABELS[job.marketplace]} · ${formatCount(job.total, 'listing', 'listings')}`;
}

/** One job: state, progress (done/total, rate, ETA), failure reason, and its actions. */
function JobRow({ job, progress }: { job: JobSummary; progress: JobProgressEvent | undefined }) {
  const calls = useCalls(jobCalls);
  const jobs = useJobsStore();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const active = isActive(job.state);
  const act = async (action: 'cancel' | 'retry') => {
    setBusy(true);
    setError(null);
    try {
      jobs.getState().upsert(await calls[action](job.id));
      void jobs.getState().refresh();
    } catch (err) {
      setError(errorMessage(err).message);
    } finally {
      setBusy(false);
    }
  };
  const rate = active && progress !== undefined && progress.ratePerSecond > 0 ? progress.ratePerSecond : null;
  const eta = active && progress !== undefined ? progress.etaSeconds : null;
  const canReview = !active && !job.autoApply && job.done > 0;
  return (
    <li className="job" data-testid="job-row" data-job-id={job.id} data-state={job.state} data-done={job.done} data-total={job.total} data-failed={job.failed}>
      <div className="job-head">
        <span className="job-title">{jobTitle(job)}</span>
        <span className={`badge ${STATE_BADGES[job.state]}`} data-testid="job-state">
          {JOB_STATE_LABELS[job.state]}
        </span>
        {job.autoApply && <span className="badge badge-neutral">Applies automatically</span>}
      </div>
      <progress className="progress" max={Math.max(1, job.total)} value={job.done + job.failed} aria-label={`Progress of job ${job.id}`} data-testid="job-progress" />
      <div className="job-stats muted" data-testid="job-stats">
        <span>
          {formatInteger(job.done + job.failed)} / {formatInteger(job.total)} ({percentDone(job)} %)
        </span>
        {job.failed > 0 && <span className="job-failed">{formatInteger(job.failed)} failed</span>}
        {rate !== null && <span data-testid="job-rate">{formatInteger(Math.round(rate))} listings/s</span>}
        {active && <span data-testid="job-eta">{eta === null ? 'estimating time left…' : `about ${formatDuration(eta)} left`}</span>}
        {job.pendingListings !== undefined && job.pendingListings > 0 && (
          <span data-testid="job-pending-listings" title="Listings with changes waiting for your review: the same count the review and the grid's “Has proposals” filter show">
            {formatInteger(job.pendingListings)} with changes
          </span>
        )}
        {!active && job.finishedAt !== null && <span>finished {formatDateTime(job.finishedAt)}</span>}
        {active && job.state === 'queued' && <span>waiting for a free worker</span>}
      </div>
      {job.error !== null && (
        <div className="callout callout-warn job-error" data-testid="job-error">
          {job.error}
        </div>
      )}
      <ErrorCallout message={error} />
      <div className="job-actions">
        {job.state === 'paused' && (
          <button type="button" className="btn btn-primary" data-testid="job-resume" disabled={busy} onClick={() => void act('retry')} title="Try again where the job stopped: listings already rewritten are kept">
            Resume
          </button>
        )}
        {(active || job.state === 'paused') && (
          <button type="button" className="btn" data-testid="job-cancel" disabled={busy} onClick={() => void act('cancel')}>
            Cancel
          </button>
        )}
        {(job.state === 'failed' || job.state === 'cancelled') && (
          <button type="button" className="btn" data-testid="job-retry" disabled={busy} onClick={() => void act('retry')}>
            Retry
          </button>
        )}
        {canReview && (
          <button type="button" className="btn btn-primary" data-testid="job-review" onClick={() => jobs.getState().openReview(job.id)}>
            Review…
          </button>
        )}
      </div>
    </li>
  );
}

/** The jobs panel: running and queued jobs first, then recent ones, with progress and actions. */
export function JobsPanel({ onClose }: { onClose: () => void }) {
  const list = useJobs((s) => s.jobs);
  const progress = useJobs((s) => s.progress);
  const loaded = useJobs((s) => s.loaded);
  const error = useJobs((s) => s.error);
  return (
    <Modal
      titleId="jobs-title"
      title="Jobs"
      subtitle={<span className="muted">Optimization runs in the background; you can keep working, or close the app — it resumes.</span>}
      onClose={onClose}
      testId="jobs-panel"
      size="wide"
      footer={
        <button type="button" className="btn" data-testid="jobs-close" onClick={onClose}>
          Close
        </button>
      }
    >
      <ErrorCallout message={error} />
      {loaded && list.length === 0 && <p className="muted">No jobs yet. Select listings and choose Optimize… in the toolbar.</p>}
      {!loaded && error === null && <p className="muted">Loading…</p>}
      <ul className="job-list" data-testid="job-list">
        {list.map((job) => (
          <JobRow key={job.id} job={job} progress={progress[job.id]} />
        ))}
      </ul>
    </Modal>
  );
}

export default JobsPanel;
