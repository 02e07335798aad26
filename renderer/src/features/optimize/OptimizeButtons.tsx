import { lazy, Suspense, useEffect } from 'react';
import { formatCount, formatInteger } from '../../format.js';
import { useAppStore } from '../../store/context.js';
import { isActive, useJobs, useJobsStore } from '../jobs/jobs-store.js';
import { useScopeAction } from '../grid/use-scope-action.js';
import './optimize.css';
import { preloadOn } from '../../ui/preload-on.js';

/** The optimize, jobs and review dialogs load when first opened (or hovered). */
const loadOptimize = () => import('./OptimizeDialog.js');
const loadJobs = () => import('../jobs/JobsPanel.js');
const loadReview = () => import('./ReviewDialog.js');
const OptimizeDialog = lazy(loadOptimize);
const JobsPanel = lazy(loadJobs);
const ReviewDialog = lazy(loadReview);

/**
 * "Optimize…" (propose better titles, tags, descriptions and prices for the selection or the
 * query) and "Jobs" (running, queued and recent optimization jobs; a badge counts the active ones).
 */
export function OptimizeButtons() {
  const jobs = useJobsStore();
  const app = useAppStore();
  // A job that ends says so (the seller may have closed the panel and kept working).
  useEffect(
    () =>
      jobs.subscribe((state, prev) => {
        for (const job of state.jobs) {
          const before = prev.jobs.find((j) => j.id === job.id);
          if (before === undefined || !isActive(before.state) || isActive(job.state) || job.state === 'cancelled') continue;
          const listings = formatCount(job.done, 'listing', 'listings');
          if (job.state === 'paused') app.getState().showNotice(`Job #${job.id} is paused: ${job.error ?? 'see the jobs panel'}`, 'error');
          else if (job.state === 'failed') app.getState().showNotice(`Optimization job #${job.id} failed: ${job.error ?? 'see the jobs panel'}`, 'error');
          else if (job.autoApply) app.getState().showNotice(`Optimization done: ${listings} optimized and applied. Undo with Ctrl+Z.`);
          else app.getState().showNotice(`Optimization done: proposals for ${listings} are ready to review in Jobs.`);
        }
      }),
    [jobs, app],
  );
  const optimizeOpen = useJobs((s) => s.optimizeOpen);
  const panelOpen = useJobs((s) => s.panelOpen);
  const reviewJobId = useJobs((s) => s.reviewJobId);
  const active = useJobs((s) => s.jobs.filter((j) => isActive(j.state)).length);
  const { selected, disabled } = useScopeAction();
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="optimize-button"
        disabled={disabled}
        title={
          selected > 0
            ? `Propose better titles, tags, descriptions and prices for the ${formatInteger(selected)} selected listings`
            : 'Propose better titles, tags, descriptions and prices: for the selection or everything matching the search and filters'
        }
        {...preloadOn(loadOptimize)}
        onClick={() => jobs.getState().setOptimizeOpen(true)}
      >
        <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M8 1.5 9.5 6.5 14.5 8 9.5 9.5 8 14.5 6.5 9.5 1.5 8 6.5 6.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        </svg>
        Optimize…
      </button>
      <button
        type="button"
        className="btn jobs-button"
        data-testid="jobs-button"
        data-active={active}
        aria-label={active > 0 ? `Jobs, ${active} running or queued` : 'Jobs'}
        title="Optimization jobs: progress, cancel, retry and review"
        {...preloadOn(loadJobs)}
        onClick={() => jobs.getState().setPanelOpen(true)}
      >
        <svg className="btn-icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="jobs-label">Jobs</span>
        {active > 0 && (
          <span className="jobs-badge" data-testid="jobs-badge" aria-hidden="true">
            {formatInteger(active)}
          </span>
        )}
      </button>
      {optimizeOpen && (
        <Suspense fallback={null}>
          <OptimizeDialog onClose={() => jobs.getState().setOptimizeOpen(false)} />
        </Suspense>
      )}
      {panelOpen && reviewJobId === null && (
        <Suspense fallback={null}>
          <JobsPanel onClose={() => jobs.getState().setPanelOpen(false)} />
        </Suspense>
      )}
      {reviewJobId !== null && (
        <Suspense fallback={null}>
          <ReviewDialog jobId={reviewJobId} onClose={() => jobs.getState().openReview(null)} />
        </Suspense>
      )}
    </>
  );
}
